// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: a relabelled copy of the in-adjacency in which nodes are
// numbered by decreasing out-degree, so the contributions the pull loop gathers most often sit
// together in cache (degree-based grouping; cf. Faldu et al., "A Closer Look at Lightweight Graph
// Reordering", IISWC 2019). Scores are mapped back to the caller's ids after the iterations.
#pragma once

#include <vector>

#include "linkequity/algo/pagerank_options.hpp"
#include "linkequity/config.hpp"
#include "linkequity/detail/buffer.hpp"
#include "linkequity/graph/csr_view.hpp"

namespace linkequity::detail {

/// Whether a run with options o iterates in degree order: node_order = by_degree, or automatic
/// on a graph that is not lean, stores its out-adjacency and has at least
/// automatic_reorder_edges edges — unless the solver is local_gauss_seidel, whose sweeps gain
/// from the locality of the graph's own ids (a host's pages together), which the degree order
/// would scatter. O(1).
inline bool iterates_by_degree(const pagerank_options& o, bool has_out, bool lean,
                               std::size_t edges) {
    if (o.node_order != pagerank_node_order::automatic)
        return o.node_order == pagerank_node_order::by_degree;
    return o.solver != pagerank_solver::local_gauss_seidel && has_out && !lean &&
           edges >= automatic_reorder_edges;
}

struct relabelled_in_graph {
    std::vector<node_id> old_of;  ///< new id → old id
    std::vector<node_id> new_of;  ///< old id → new id
    buffer<edge_offset> offsets;
    buffer<node_id> sources;      ///< new ids; each row ascending when sort_rows was asked
    buffer<edge_weight> weights;  ///< empty unless `with_weights`
    buffer<edge_flags> flags;     ///< empty unless `with_flags`
};

/// Relabels the in-adjacency `in` by decreasing out-degree (ties by old id: deterministic).
///
/// Without `sort_rows` (the pull kernel's case: a row's order only fixes the order of its sum)
/// each row is copied renamed, its sources in the old row's order: O(n + m), parallel, reads
/// and writes in row order (measured on the symmetrized Kronecker graph at scale 20: 0.12 s,
/// where the sorted copy below took 0.66–0.72 s; the iterations ran as fast).
/// With `sort_rows` (the blocked kernel needs rows ascending by source) and the out-adjacency
/// `out` (same graph, rows sorted by target): one stable counting-sort transposition, O(n + m),
/// parallel, whose scattered writes make it the slow path; without `out` each row is renamed and
/// sorted: O(m log d). Memory: 4 bytes per edge (+ weights/flags when asked) + 16 per node.
///
/// `drop` (0: keep every link) leaves out the links with in.flags[e] & drop, keeping each row's
/// other links in the order they would have had: the copy drop_masked_edges would then make of
/// the result, without the second copy. The numbering still counts every link (the degree is
/// the out-adjacency's). One more O(m) pass over the flags to size the arrays.
relabelled_in_graph relabel_by_out_degree(const csr_view& in, const csr_view* out,
                                          bool with_weights, bool with_flags, bool sort_rows,
                                          edge_flags drop = 0);

}  // namespace linkequity::detail
