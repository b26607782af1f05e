// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: a relabelled copy of the in-adjacency in which nodes are
// numbered by decreasing out-degree, so the contributions the pull loop gathers most often sit
// together in cache (degree-based grouping; cf. Faldu et al., "A Closer Look at Lightweight Graph
// Reordering", IISWC 2019). Scores are mapped back to the caller's ids after the iterations.
#pragma once

#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/detail/buffer.hpp"
#include "linkequity/graph/csr_view.hpp"

namespace linkequity::detail {

struct relabelled_in_graph {
    std::vector<node_id> old_of;  ///< new id → old id
    std::vector<node_id> new_of;  ///< old id → new id
    buffer<edge_offset> offsets;
    buffer<node_id> sources;      ///< new ids, each row ascending
    buffer<edge_weight> weights;  ///< empty unless `with_weights`
    buffer<edge_flags> flags;     ///< empty unless `with_flags`
};

/// Relabels the in-adjacency `in` by decreasing out-degree (ties by old id: deterministic).
/// With the out-adjacency `out` (same graph, rows sorted by target): one stable counting-sort
/// transposition, O(n + m), parallel, rows come out sorted. Without it (a lean graph, a caller's
/// view) each row is renamed and sorted: O(m log d). Memory: 4 bytes per edge (+ weights/flags
/// when asked) + 16 per node.
relabelled_in_graph relabel_by_out_degree(const csr_view& in, const csr_view* out,
                                          bool with_weights, bool with_flags);

}  // namespace linkequity::detail
