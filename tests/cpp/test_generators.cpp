// SPDX-License-Identifier: MIT
// Generators: reproducible by seed, identical on any thread count, the right sizes and shapes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "linkequity/linkequity.hpp"
#include "threads.hpp"

using namespace linkequity;

TEST_CASE("generators: Kronecker size, seed and thread independence", "[generators]") {
    kronecker_options k;
    k.scale = 12;
    k.edge_factor = 8;
    const auto a = test_threads::on(1, [&] { return kronecker_edges(k); });
    const auto b = test_threads::on(2, [&] { return kronecker_edges(k); });
    CHECK(a.num_nodes == 4096);
    CHECK(a.num_edges() == 8 * 4096);
    CHECK(a.src == b.src);
    CHECK(a.dst == b.dst);
    k.seed += 1;
    CHECK(kronecker_edges(k).src != a.src);
    for (std::size_t e = 0; e < a.num_edges(); ++e) {
        REQUIRE(a.src[e] < 4096);
        REQUIRE(a.dst[e] < 4096);
    }
}

TEST_CASE("generators: Kronecker is skewed like R-MAT", "[generators]") {
    // With a = 0.57, b = c = 0.19 the expected out-degree of the node with all-zero bits is
    // m · (a + b)^scale; after permutation some node carries it. Check the max degree is far
    // above the mean (a uniform graph's max would be close to the mean).
    kronecker_options k;
    k.scale = 14;
    const auto el = kronecker_edges(k);  // counted before parallel edges are merged
    std::vector<std::size_t> out(el.num_nodes, 0);
    for (node_id s : el.src) ++out[s];
    const std::size_t max_out = *std::max_element(out.begin(), out.end());
    const double expected_top = 16.0 * 16384 * std::pow(0.76, 14);
    CHECK(max_out > 0.5 * expected_top);
    CHECK(max_out < 2.0 * expected_top);
}

TEST_CASE("generators: Kronecker quadrant probabilities", "[generators]") {
    // Without permutation, the top bit of (src, dst) follows a, b, c, d.
    kronecker_options k;
    k.scale = 10;
    k.edge_factor = 64;
    k.permute = false;
    const auto el = kronecker_edges(k);
    std::size_t q[4] = {0, 0, 0, 0};
    for (std::size_t e = 0; e < el.num_edges(); ++e)
        ++q[2 * (el.src[e] >> 9) + (el.dst[e] >> 9)];
    const double m = static_cast<double>(el.num_edges());
    CHECK(q[0] / m == Approx(0.57).margin(0.01));
    CHECK(q[1] / m == Approx(0.19).margin(0.01));
    CHECK(q[2] / m == Approx(0.19).margin(0.01));
    CHECK(q[3] / m == Approx(0.05).margin(0.01));
}

TEST_CASE("generators: symmetrize adds every edge reversed", "[generators]") {
    kronecker_options k;
    k.scale = 8;
    k.symmetrize = true;
    const auto g = build_graph(kronecker_edges(k));
    for (node_id u = 0; u < g.num_nodes(); ++u)
        for (node_id v : g.out_neighbors(u)) {
            const auto back = g.out_neighbors(v);
            CHECK(std::binary_search(back.begin(), back.end(), u));
        }
}

TEST_CASE("generators: Erdos-Renyi G(n, m)", "[generators]") {
    const auto el = erdos_renyi_edges(1000, 20000, 42);
    CHECK(el.num_edges() == 20000);
    std::set<node_id> seen(el.src.begin(), el.src.end());
    CHECK(seen.size() > 990);  // P(a node is never a source) = (1 − 1/1000)^20000 ≈ 2e-9
    CHECK(erdos_renyi_edges(1000, 20000, 42).dst == el.dst);
    CHECK_THROWS_AS(erdos_renyi_edges(0, 5, 1), std::invalid_argument);
}

TEST_CASE("generators: bad options are rejected with the value", "[generators][errors]") {
    kronecker_options k;
    k.scale = 40;
    CHECK_THROWS_WITH(kronecker_edges(k), Catch::Matchers::Contains("scale") &&
                                              Catch::Matchers::Contains("40"));
    k.scale = 10;
    k.a = 0.9;
    CHECK_THROWS_WITH(kronecker_edges(k), Catch::Matchers::Contains("a + b + c"));
}
