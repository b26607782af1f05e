// SPDX-License-Identifier: MIT
// OpenMP helpers. The library never sets the thread count: it is the caller's (OMP_NUM_THREADS,
// omp_set_num_threads). Without OpenMP everything runs serially with the same results.
#pragma once

#include <cstddef>

#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
#include <omp.h>
#endif

namespace linkequity::detail {

/// Below this many nodes (or edges) loops stay serial: thread start-up costs more than it saves.
inline constexpr std::size_t parallel_threshold = 1u << 14;

/// Threads an OpenMP parallel region started now would use (1 without OpenMP).
inline int max_threads() noexcept {
#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
    return omp_get_max_threads();
#else
    return 1;
#endif
}

inline int thread_num() noexcept {
#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
    return omp_get_thread_num();
#else
    return 0;
#endif
}

}  // namespace linkequity::detail
