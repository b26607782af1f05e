// SPDX-License-Identifier: MIT
// Internal helpers of the web layer: a parallel merge sort (chunks sorted by std::sort on their
// own threads, then merged pairwise, each round's merges in parallel) and, from
// graph/counting_sort.hpp, the O(n) stable counting-sort permutation. Both give the same result
// on any thread count for a strict total order (ties broken by the caller) — the web graph's
// numbering relies on that.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../graph/counting_sort.hpp"
#include "linkequity/detail/parallel.hpp"

namespace linkequity::web::detail {

/// Sorts v with `less`, in parallel when v is large. `less` must be a strict weak order; equal
/// elements may end up in any order (use a total order when the result must be deterministic).
template <class T, class Less>
void parallel_sort(std::vector<T>& v, Less less) {
    const std::size_t n = v.size();
    const int threads = linkequity::detail::max_threads();
    if (n < (std::size_t{1} << 15) || threads <= 1) {
        std::sort(v.begin(), v.end(), less);
        return;
    }
    // Chunk count: a power of two, at least the thread count, so merge rounds pair up evenly.
    std::size_t chunks = 1;
    while (chunks < static_cast<std::size_t>(threads)) chunks *= 2;
    std::vector<std::size_t> bound(chunks + 1);
    for (std::size_t c = 0; c <= chunks; ++c) bound[c] = n / chunks * c + std::min(c, n % chunks);
#pragma omp parallel for schedule(dynamic, 1)
    for (std::ptrdiff_t c = 0; c < static_cast<std::ptrdiff_t>(chunks); ++c)
        std::sort(v.begin() + bound[c], v.begin() + bound[c + 1], less);
    std::vector<T> tmp(n);
    std::vector<T>* from = &v;
    std::vector<T>* to = &tmp;
    for (std::size_t width = 1; width < chunks; width *= 2) {
        const std::ptrdiff_t pairs = static_cast<std::ptrdiff_t>(chunks / (2 * width));
#pragma omp parallel for schedule(dynamic, 1)
        for (std::ptrdiff_t p = 0; p < pairs; ++p) {
            const std::size_t lo = bound[2 * width * p], mid = bound[2 * width * p + width],
                              hi = bound[2 * width * (p + 1)];
            std::merge(from->begin() + lo, from->begin() + mid, from->begin() + mid,
                       from->begin() + hi, to->begin() + lo, less);
        }
        std::swap(from, to);
    }
    if (from != &v) v.swap(*from);
}

/// The counting sort of the web layer is the project's one (graph/counting_sort.hpp).
using linkequity::detail::counting_order;

}  // namespace linkequity::web::detail
