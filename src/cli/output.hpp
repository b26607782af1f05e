// SPDX-License-Identifier: MIT
// Output helpers shared by the `linkequity` subcommands: number formatting, input checks and a
// progress line on stderr shown only when stderr is a terminal; the atomic files (temporary name
// + rename) are the library's (linkequity/io/atomic_file.hpp), named here for the subcommands.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/io/atomic_file.hpp"

namespace linkequity::cli {

// The library's atomic files, used unqualified by the subcommands.
using io::atomic_output;
using io::commit_all;

/// Throws std::filesystem::filesystem_error (exit code 3) for an input path that does not exist
/// or is a directory, before any work starts.
void require_input_files(const std::vector<std::string>& paths);

/// 1234567 → "1,234,567".
std::string thousands(std::uint64_t v);
/// Seconds as "0.42 s", "12.3 s", "3 min 05 s".
std::string duration(double seconds);

/// How a progress line shows its figures.
enum class progress_style {
    counts,   ///< "label  1,234,567 / 10,000,000  [####....]  12.3%  ETA 8 s  1.2M/s"
    fraction  ///< done / total is a share of the work: "label  [####....]  12.3%  ETA 8 s"
};

/// What a progress line shows at one moment (progress_bar draws it; format_progress formats it).
struct progress_view {
    std::string label;
    std::uint64_t done = 0, total = 0;  ///< total == 0: unknown (no bar, percentage or ETA)
    progress_style style = progress_style::counts;
    double elapsed = 0;        ///< seconds since the stage started
    double since_full = -1;    ///< seconds since done reached total (-1: not reached)
    std::string detail;        ///< free text after the figures ("iteration 12, residual 3e-07")
    std::string after_full;    ///< what runs once done == total ("building the web graph")
};

/// The line for `v`, without the carriage return: the label; for counts, done / total (or done
/// alone when total is unknown) and the rate; a 24-character bar, the percentage and an ETA
/// (elapsed · (total − done) / done) when total is known; then the detail; once done == total
/// and after_full is set, "→ after_full" with the seconds since. Pure, for tests.
std::string format_progress(const progress_view& v);

/// A one-line progress display on stderr, redrawn 5 times a second by a thread of its own (so
/// the elapsed time and ETA move even while a long step reports nothing), and only when stderr
/// is a terminal (isatty(2)) or the environment sets LINKEQUITY_PROGRESS=always: logs and pipes
/// stay clean. update/detail/stage are cheap and may be called from any thread.
class progress_bar {
public:
    progress_bar(std::string label, std::uint64_t total,
                 progress_style style = progress_style::counts);
    ~progress_bar();
    progress_bar(const progress_bar&) = delete;
    progress_bar& operator=(const progress_bar&) = delete;
    void update(std::uint64_t done);
    /// Free text shown after the figures.
    void detail(std::string text);
    /// What runs after done reaches total (shown with its own elapsed time).
    void after_full(std::string text);
    /// A new stage on the same line: new label, total and style; done = 0, clock restarted,
    /// detail cleared; drawn at once.
    void stage(std::string label, std::uint64_t total,
               progress_style style = progress_style::fraction);
    /// The same stage again: done = 0, clock restarted, detail cleared (a new run of it).
    void restart();
    /// Sets the total of the current stage once it is known (the clock goes on).
    void set_total(std::uint64_t total);
    /// Stops the redrawing thread and clears the line. Called by the destructor too.
    void finish();
    bool enabled() const noexcept { return enabled_; }

private:
    struct shared;
    bool enabled_;
    std::unique_ptr<shared> s_;
};

/// PageRank's progress as a share of the work: ln(r₁ / r) / ln(r₁ / tolerance), clamped to
/// [0, 1], with r₁ the first iteration's residual and r the latest (the residual falls about
/// geometrically, so this share grows about linearly with the iterations). 1 when r < tolerance.
double convergence_share(double first_residual, double residual, double tolerance);

}  // namespace linkequity::cli
