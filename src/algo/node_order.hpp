// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: a relabelled copy of the in-adjacency in which nodes are
// numbered by decreasing out-degree, so the contributions the pull loop gathers most often sit
// together in cache (degree-based grouping; cf. Faldu et al., "A Closer Look at Lightweight Graph
// Reordering", IISWC 2019). Scores are mapped back to the caller's ids after the iterations.
#pragma once

#include <vector>

#include "linkequity/config.hpp"
#include "linkequity/graph/csr_graph.hpp"

namespace linkequity::detail {

struct relabelled_in_graph {
    std::vector<node_id> old_of;   ///< new id → old id
    std::vector<node_id> new_of;   ///< old id → new id
    std::vector<edge_offset> offsets;
    std::vector<node_id> sources;  ///< new ids, each row sorted ascending
    std::vector<edge_weight> weights;  ///< empty unless `with_weights`
    std::vector<edge_flags> flags;     ///< empty unless `with_flags`
};

/// Relabels g's in-adjacency by decreasing out-degree (ties by old id: deterministic).
/// O(n + m log d) time, parallel; 4 bytes per edge (+ weights/flags when asked) + 16 per node.
relabelled_in_graph relabel_by_out_degree(const csr_graph& g, bool with_weights, bool with_flags);

}  // namespace linkequity::detail
