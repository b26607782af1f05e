// SPDX-License-Identifier: MIT
// Build a small link graph from two id arrays and print its PageRank.
#include <linkequity/linkequity.hpp>

#include <cstdio>
#include <vector>

int main() {
    // 0 → 1, 1 → 2, 2 → 0, 2 → 1, 3 → 2 (node 3 has no in-links)
    std::vector<std::uint32_t> src{0, 1, 2, 2, 3};
    std::vector<std::uint32_t> dst{1, 2, 0, 1, 2};
    linkequity::csr_graph g = linkequity::build_graph(4, src, dst);

    linkequity::pagerank_options opt;
    opt.damping = 0.85;
    opt.tolerance = 1e-12;
    linkequity::pagerank_result r = linkequity::pagerank(g, opt);

    std::printf("converged=%d after %zu iterations (residual %.2e)\n", r.converged ? 1 : 0,
                r.iterations, r.residual);
    for (std::size_t i = 0; i < r.scores.size(); ++i) std::printf("node %zu: %.6f\n", i, r.scores[i]);
    return r.converged ? 0 : 1;
}
