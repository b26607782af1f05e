// SPDX-License-Identifier: MIT
// check_csr_structure (csr_structure.hpp): shape checks in O(1), then one parallel pass over the
// rows that flags the first bad row and hashes every edge, then a serial look at that row to say
// which edge is wrong. Self-contained (inline csr_graph code only): the snapshot fuzz targets
// compile it beside src/io/*.cpp.
#include "csr_structure.hpp"

#include <cmath>
#include <cstring>

#include "linkequity/detail/hash_mix.hpp"
#include "linkequity/detail/parallel.hpp"

namespace linkequity::detail {
namespace {

using report = csr_structure_report;


inline bool good_weight(edge_weight w) { return std::isfinite(w) && w >= 0; }

/// The first offsets entry u with offsets[u] > offsets[u + 1], or offsets.size().
std::size_t first_decrease(span<const edge_offset> off) {
    for (std::size_t u = 0; u + 1 < off.size(); ++u)
        if (off[u] > off[u + 1]) return u;
    return off.size();
}

/// Hashes every edge and returns the first row holding a bad edge (or the row count).
std::size_t hash_rows(span<const edge_offset> off, span<const node_id> ids,
                      span<const edge_flags> fl, span<const edge_weight> wt, std::size_t n,
                      bool out, std::uint64_t& hash) {
    constexpr std::uint64_t prime1 = 0x9E3779B97F4A7C15ull;
    const std::size_t rows = off.empty() ? 0 : off.size() - 1;
    std::size_t first_bad = rows;
    std::uint64_t sum = 0;
    const auto nr = static_cast<std::ptrdiff_t>(rows);
#pragma omp parallel for schedule(dynamic, 4096) reduction(min : first_bad) reduction(+ : sum) \
    if (ids.size() > detail::parallel_threshold)
    for (std::ptrdiff_t r = 0; r < nr; ++r) {
        const std::size_t row = static_cast<std::size_t>(r);
        const edge_offset lo = off[row], hi = off[row + 1];
        bool bad = false;
        for (edge_offset e = lo; e < hi; ++e) {
            const node_id x = ids[e];
            if (x >= n || (e > lo && ids[e - 1] > x)) bad = true;
            if (!wt.empty() && !good_weight(wt[e])) bad = true;
            std::uint32_t wbits = 0;
            if (!wt.empty()) std::memcpy(&wbits, &wt[e], 4);
            const std::uint64_t attr = std::uint64_t{wbits} << 8 | (fl.empty() ? 0u : fl[e]);
            const std::uint64_t src = out ? row : x, dst = out ? x : row;
            sum += fmix64((src << 32 | dst) + attr * prime1);
        }
        if (bad && row < first_bad) first_bad = row;
    }
    hash = sum;
    return first_bad;
}

/// The first bad edge of `row` (which hash_rows found bad), id before order before weight.
report describe_row(span<const edge_offset> off, span<const node_id> ids,
                    span<const edge_weight> wt, std::size_t n, std::size_t row) {
    const edge_offset lo = off[row], hi = off[row + 1];
    for (edge_offset e = lo; e < hi; ++e) {
        if (ids[e] >= n) return {report::problem::id_out_of_range, row, e};
        if (e > lo && ids[e - 1] > ids[e]) return {report::problem::row_unsorted, row, e};
        if (!wt.empty() && !good_weight(wt[e])) return {report::problem::bad_weight, row, e};
    }
    return {};  // unreachable: hash_rows flagged the row
}

}  // namespace

csr_structure_report check_csr_structure(span<const edge_offset> offsets, span<const node_id> ids,
                                         span<const edge_flags> flags,
                                         span<const edge_weight> weights, std::size_t num_nodes,
                                         csr_rows rows) noexcept {
    const std::size_t m = ids.size();
    if (offsets.empty() ? (num_nodes != 0 || m != 0) : offsets.size() != num_nodes + 1)
        return {report::problem::offsets_size};
    if (!offsets.empty() && (offsets[0] != 0 || offsets[num_nodes] != m))
        return {report::problem::offsets_ends};
    if ((!flags.empty() && flags.size() != m) || (!weights.empty() && weights.size() != m))
        return {report::problem::attribute_size};
    if (const std::size_t u = first_decrease(offsets); u < offsets.size())
        return {report::problem::offsets_decrease, u};
    report r;
    const std::size_t bad_row =
        hash_rows(offsets, ids, flags, weights, num_nodes, rows == csr_rows::out, r.edge_hash);
    if (bad_row + 1 < offsets.size()) return describe_row(offsets, ids, weights, num_nodes, bad_row);
    return r;
}

}  // namespace linkequity::detail
