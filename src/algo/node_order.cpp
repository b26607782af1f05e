// SPDX-License-Identifier: MIT
// Degree-ordered relabelling of the in-adjacency for the PageRank kernel (see node_order.hpp).
#include "node_order.hpp"

#include <algorithm>
#include <numeric>

#include "linkequity/detail/parallel.hpp"

namespace linkequity::detail {

relabelled_in_graph relabel_by_out_degree(const csr_graph& g, bool with_weights, bool with_flags) {
    const std::size_t n = g.num_nodes();
    const auto in_off = g.in_offsets();
    const auto in_src = g.in_sources();
    const std::size_t m = in_src.size();
    relabelled_in_graph r;

    // Out-degree as it matters here: how often each node is read as a source.
    std::vector<edge_offset> degree(n, 0);
    if (g.has_out_edges()) {
        const auto out_off = g.out_offsets();
        for (std::size_t u = 0; u < n; ++u) degree[u] = out_off[u + 1] - out_off[u];
    } else {
        for (std::size_t e = 0; e < m; ++e) ++degree[in_src[e]];
    }
    // Counting sort by decreasing degree, stable in the old id.
    const edge_offset max_degree = n ? *std::max_element(degree.begin(), degree.end()) : 0;
    std::vector<edge_offset> start(max_degree + 2, 0);
    for (std::size_t u = 0; u < n; ++u) ++start[max_degree - degree[u] + 1];
    for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    r.old_of.resize(n);
    r.new_of.resize(n);
    for (std::size_t u = 0; u < n; ++u) {
        const auto id = static_cast<node_id>(start[max_degree - degree[u]]++);
        r.old_of[id] = static_cast<node_id>(u);
        r.new_of[u] = id;
    }
    degree = {};
    start = {};

    // Rows in the new order, sources renamed and sorted.
    r.offsets.resize(n + 1);
    r.offsets[0] = 0;
    for (std::size_t v = 0; v < n; ++v) {
        const node_id old = r.old_of[v];
        r.offsets[v + 1] = r.offsets[v] + (in_off[old + 1] - in_off[old]);
    }
    r.sources.resize(m);
    if (with_weights) r.weights.resize(m);
    if (with_flags) r.flags.resize(m);
    const auto in_w = g.in_weight_array();
    const auto in_f = g.in_flag_array();
    const bool payload = with_weights || with_flags;
#pragma omp parallel
    {
        std::vector<std::pair<node_id, edge_offset>> row;  // (new source, old edge) when payload
#pragma omp for schedule(dynamic, 4096)
        for (std::size_t v = 0; v < n; ++v) {
            const node_id old = r.old_of[v];
            const edge_offset from = in_off[old], to = in_off[old + 1], dest = r.offsets[v];
            if (!payload) {
                for (edge_offset e = from; e < to; ++e) r.sources[dest + (e - from)] = r.new_of[in_src[e]];
                std::sort(r.sources.begin() + static_cast<std::ptrdiff_t>(dest),
                          r.sources.begin() + static_cast<std::ptrdiff_t>(dest + (to - from)));
                continue;
            }
            row.clear();
            for (edge_offset e = from; e < to; ++e) row.emplace_back(r.new_of[in_src[e]], e);
            std::sort(row.begin(), row.end());
            for (std::size_t k = 0; k < row.size(); ++k) {
                r.sources[dest + k] = row[k].first;
                if (with_weights) r.weights[dest + k] = in_w[row[k].second];
                if (with_flags) r.flags[dest + k] = in_f[row[k].second];
            }
        }
    }
    return r;
}

}  // namespace linkequity::detail
