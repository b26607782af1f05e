// SPDX-License-Identifier: MIT
// Structural checks of raw CSR arrays (internal to the library): offsets shape and monotonicity,
// ids in range, rows sorted, weights finite and >= 0, and an order-free hash of the edges that
// tells whether an out-adjacency and an in-adjacency hold the same edges. Used by the snapshot
// loader on mapped arrays; takes spans so that any view of CSR arrays can reuse it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/span.hpp"

namespace linkequity::detail {

/// Which way a CSR's rows run: out-rows list a source's targets, in-rows a target's sources.
enum class csr_rows { out, in };

/// What check_csr_structure found: the first problem (none when the arrays are consistent)
/// and, when there is none, the hash of the edges.
struct csr_structure_report {
    enum class problem {
        none,
        offsets_size,      ///< offsets has neither n + 1 entries nor 0 (with n = m = 0)
        offsets_ends,      ///< offsets[0] != 0 or offsets[n] != ids.size()
        attribute_size,    ///< flags or weights has neither 0 nor ids.size() entries
        offsets_decrease,  ///< offsets[row] > offsets[row + 1]
        id_out_of_range,   ///< ids[entry] >= num_nodes (entry lies in row `row`)
        row_unsorted,      ///< ids[entry - 1] > ids[entry] within row `row`
        bad_weight,        ///< weights[entry] is negative, NaN or infinite (in row `row`)
    };
    problem what = problem::none;
    std::size_t row = 0;    ///< the row (offsets_decrease: the first decreasing position)
    std::size_t entry = 0;  ///< the edge index (id_out_of_range, row_unsorted, bad_weight)
    /// Order-free 64-bit hash of the edge multiset {(source, target, flags, weight bits)}: equal
    /// for a graph's out- and in-adjacency. Only meaningful when what == none.
    std::uint64_t edge_hash = 0;
    bool ok() const noexcept { return what == problem::none; }
};

/// Checks one direction of a CSR: `offsets` (n + 1 entries from 0 to ids.size(), never
/// decreasing; an empty graph may have none), `ids` (each < num_nodes, sorted within a row),
/// `flags` and `weights` (empty or one per edge; weights finite and >= 0). The edge problems are
/// reported for the first bad row and, in it, the first bad edge (id, then order, then weight).
/// O(n + m) time, O(1) extra memory, parallel over rows above detail::parallel_threshold edges.
/// Never throws; the caller words the error (it knows what the arrays are called).
csr_structure_report check_csr_structure(span<const edge_offset> offsets, span<const node_id> ids,
                                         span<const edge_flags> flags,
                                         span<const edge_weight> weights, std::size_t num_nodes,
                                         csr_rows rows) noexcept;

}  // namespace linkequity::detail
