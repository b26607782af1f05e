// SPDX-License-Identifier: MIT
// Uses the public names downstream code relies on; exits non-zero if anything is off.
#include <linkequity/linkequity.hpp>
#include <linkequity/graph/boost_adapter.hpp>

#include <cmath>
#include <cstdio>
#include <vector>

int main() {
    std::vector<std::uint32_t> src{0, 1, 2}, dst{1, 2, 0};
    linkequity::csr_graph g = linkequity::build_graph(3, src, dst);
    linkequity::pagerank_options opt;
    opt.damping = 0.85;
    opt.tolerance = 1e-12;
    opt.max_iterations = 100;
    opt.personalization = {};
    linkequity::pagerank_result r = linkequity::pagerank(g, opt);
    const bool ok = r.converged && r.scores.size() == 3 && std::fabs(r.scores[0] - 1.0 / 3) < 1e-12 &&
                    r.iterations > 0 && r.residual < 1e-12 && num_vertices(g) == 3;
    std::printf("linkequity %s consumer: %s\n", linkequity::version_string, ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
