// SPDX-License-Identifier: MIT
// Runs a piece of a test on a chosen OpenMP thread count and restores the caller's count, so the
// "same result on 1 and 2 threads" checks build and run (serially, trivially equal) without
// OpenMP too.
#pragma once

#include <utility>

#if defined(_OPENMP)
#include <omp.h>
#endif

namespace test_threads {

/// Calls f() with the OpenMP team size set to `threads` and returns its result; the previous
/// team size is restored afterwards, also when f throws. Without OpenMP it just calls f().
template <class F>
auto on(int threads, F&& f) -> decltype(f()) {
#if defined(_OPENMP)
    struct restore {
        int before = omp_get_max_threads();
        ~restore() { omp_set_num_threads(before); }
    } guard;
    omp_set_num_threads(threads);
#else
    (void)threads;
#endif
    return std::forward<F>(f)();
}

}  // namespace test_threads
