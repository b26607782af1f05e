// SPDX-License-Identifier: MIT
// The elapsed-time helper: wall-clock seconds on the monotonic clock (timings printed by the
// CLI, reported by compute_authority and the benchmarks; rate limits of progress callbacks).
#pragma once

#include <chrono>

namespace linkequity::detail {

/// Seconds since construction or the last restart(), on std::chrono::steady_clock (monotonic:
/// never jumps with the system clock). Not thread-safe; O(1).
class stopwatch {
public:
    using clock = std::chrono::steady_clock;

    stopwatch() noexcept : start_(clock::now()) {}
    /// Seconds elapsed.
    double seconds() const noexcept {
        return std::chrono::duration<double>(clock::now() - start_).count();
    }
    /// Seconds elapsed, then restarts (the time of one step of a sequence).
    double lap() noexcept {
        const clock::time_point now = clock::now();
        const double s = std::chrono::duration<double>(now - start_).count();
        start_ = now;
        return s;
    }
    void restart() noexcept { start_ = clock::now(); }

private:
    clock::time_point start_;
};

}  // namespace linkequity::detail
