// SPDX-License-Identifier: MIT
// OpenMP helpers. The library never sets the thread count: it is the caller's (OMP_NUM_THREADS,
// omp_set_num_threads). Without OpenMP everything runs serially with the same results.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

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

/// Threads of the team running the caller (1 outside a parallel region, or without OpenMP).
inline int team_size() noexcept {
#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
    return omp_get_num_threads();
#else
    return 1;
#endif
}

/// The fixed blocks of ordered_sums (and of the kernels' own block-ordered sums).
inline constexpr std::size_t sum_block = 4096;

/// K sums over i = 0 … n−1 of what body(i, acc) adds into acc (a std::array<double, K>), in
/// parallel over fixed blocks of sum_block indices whose partial sums are then added in block
/// order: the same bits on any thread count and in every run. (An OpenMP reduction clause
/// adds the threads' partial sums in an unspecified order — libgomp's is the order the threads
/// arrive in — so its last bits change from run to run.) body may also write element i of
/// its outputs. O(n) calls of body, plus n / sum_block additions per sum.
template <std::size_t K, class Body>
std::array<double, K> ordered_sums(std::size_t n, Body&& body) {
    const std::size_t blocks = (n + sum_block - 1) / sum_block;
    std::vector<std::array<double, K>> parts(blocks);
#pragma omp parallel for schedule(dynamic, 1) if (n > parallel_threshold)
    for (std::size_t b = 0; b < blocks; ++b) {
        std::array<double, K> acc{};
        const std::size_t end = std::min(n, (b + 1) * sum_block);
        for (std::size_t i = b * sum_block; i < end; ++i) body(i, acc);
        parts[b] = acc;
    }
    std::array<double, K> total{};
    for (const auto& p : parts)
        for (std::size_t k = 0; k < K; ++k) total[k] += p[k];
    return total;
}

}  // namespace linkequity::detail
