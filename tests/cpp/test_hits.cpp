// SPDX-License-Identifier: MIT
// hits(): a hand-computed case, agreement with a dense eigen-decomposition of AᵀA on random
// graphs, weights and excluded links, the uniform no-edge case, 1 vs 2 threads, option errors.
#include <catch2/catch.hpp>

#include <Eigen/Dense>
#include <random>

#include "linkequity/algo/hits.hpp"
#include "oracle.hpp"
#include "threads.hpp"

using namespace linkequity;
using Catch::Matchers::WithinAbs;

namespace {

/// Authorities from the principal eigenvector of AᵀA (A dense, straight from the edges: parallel
/// edges once, self-loops dropped, as build_graph's defaults), hubs = A a; both sum to 1.
/// Returns false when the top eigenvalue is not separated (the limit then depends on the start).
bool dense_hits(const oracle::dense_case& c, std::vector<double>& h, std::vector<double>& a) {
    const auto n = static_cast<Eigen::Index>(c.n);
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(n, n);
    for (std::size_t e = 0; e < c.src.size(); ++e)
        if (c.src[e] != c.dst[e]) A(c.src[e], c.dst[e]) = 1;
    const Eigen::MatrixXd M = A.transpose() * A;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(M);
    const auto& ev = es.eigenvalues();  // ascending
    if (n < 2 || ev(n - 1) <= 0 || ev(n - 2) > 0.9 * ev(n - 1)) return false;
    Eigen::VectorXd av = es.eigenvectors().col(n - 1).cwiseAbs();
    Eigen::VectorXd hv = A * av;
    av /= av.sum();
    hv /= hv.sum();
    a.assign(av.data(), av.data() + n);
    h.assign(hv.data(), hv.data() + n);
    return true;
}

}  // namespace

TEST_CASE("hits: hand-computed authorities and hubs", "[hits]") {
    // 0 → 2, 1 → 2, 1 → 3: AᵀA on {2, 3} is [[2, 1], [1, 1]], principal eigenvector (1, φ − 1)
    // with φ the golden ratio: a = (0, 0, 1/φ, 1/φ²), h = A a ∝ (1/φ, 1) → (1/φ², 1/φ);
    // node 4 is isolated.
    const std::vector<node_id> src{0, 1, 1}, dst{2, 2, 3};
    const auto g = build_graph(5, src, dst);
    hits_options o;
    o.tolerance = 1e-14;
    const auto r = hits(g, o);
    const double phi = (1 + std::sqrt(5.0)) / 2;
    REQUIRE(r.converged);
    CHECK_THAT(r.authorities[2], WithinAbs(1 / phi, 1e-12));
    CHECK_THAT(r.authorities[3], WithinAbs(1 / (phi * phi), 1e-12));
    CHECK_THAT(r.hubs[0], WithinAbs(1 / (phi * phi), 1e-12));
    CHECK_THAT(r.hubs[1], WithinAbs(1 / phi, 1e-12));
    CHECK(r.hubs[2] == 0);
    CHECK(r.authorities[0] == 0);
    CHECK(r.hubs[4] == 0);
    CHECK(r.history.size() == r.iterations);
}

TEST_CASE("hits: agrees with the dense eigenvector on random graphs", "[hits]") {
    std::mt19937_64 rng(1313);
    int compared = 0;
    for (int i = 0; i < 300; ++i) {
        const auto c = oracle::random_case(rng, 40);
        std::vector<double> h, a;
        if (!dense_hits(c, h, a)) continue;
        const auto g = build_graph(c.n, c.src, c.dst);
        hits_options o;
        o.tolerance = 1e-13;
        o.max_iterations = 100000;
        const auto r = hits(g, o);
        INFO("case " << i << ", n = " << c.n);
        REQUIRE(r.converged);
        CHECK(oracle::l1(r.authorities, a) < 1e-9);
        CHECK(oracle::l1(r.hubs, h) < 1e-9);
        CHECK_THAT(oracle::sum(r.hubs), WithinAbs(1, 1e-12));
        ++compared;
    }
    CHECK(compared > 150);
}

TEST_CASE("hits: weights, excluded links, no edges, empty graph", "[hits]") {
    // 0 → 1 weight 3, 0 → 2 weight 1: a ∝ (0, 3, 1) (AᵀA = w wᵀ), h = (1, 0, 0).
    const std::vector<node_id> src{0, 0}, dst{1, 2};
    const std::vector<edge_weight> w{3, 1};
    const std::vector<edge_flags> f{0, flags::nofollow};
    auto g = build_graph(3, src, dst, {}, w);
    auto r = hits(g);
    CHECK_THAT(r.authorities[1], WithinAbs(0.75, 1e-12));
    CHECK_THAT(r.hubs[0], WithinAbs(1, 1e-12));
    hits_options unweighted;
    unweighted.weighted = false;
    CHECK_THAT(hits(g, unweighted).authorities[1], WithinAbs(0.5, 1e-12));
    // The nofollow edge does not exist: all authority on node 1.
    g = build_graph(3, src, dst, f, {});
    CHECK_THAT(hits(g).authorities[1], WithinAbs(1, 1e-12));
    hits_options all;
    all.excluded = 0;
    CHECK_THAT(hits(g, all).authorities[1], WithinAbs(0.5, 1e-12));
    // No followable edge: uniform, converged, 0 iterations.
    g = build_graph(3, std::vector<node_id>{0}, std::vector<node_id>{1},
                    std::vector<edge_flags>{flags::ugc}, {});
    r = hits(g);
    CHECK(r.converged);
    CHECK(r.iterations == 0);
    CHECK(r.hubs == std::vector<double>(3, 1.0 / 3));
    CHECK(hits(csr_graph{}).hubs.empty());
}

TEST_CASE("hits: 1 and 2 threads give identical results", "[hits][threads]") {
    kronecker_options k;
    k.scale = 15;
    const auto g = build_graph(kronecker_edges(k));
    hits_options o;
    o.max_iterations = 200;
    const auto one = test_threads::on(1, [&] { return hits(g, o); });
    const auto two = test_threads::on(2, [&] { return hits(g, o); });
    CHECK(one.iterations == two.iterations);
    CHECK(one.hubs == two.hubs);
    CHECK(one.authorities == two.authorities);
}

TEST_CASE("hits: max_iterations, cancel and option errors", "[hits]") {
    const auto g = build_graph(kronecker_edges(kronecker_options{}));
    hits_options o;
    o.max_iterations = 3;
    auto r = hits(g, o);
    CHECK(r.iterations == 3);
    CHECK_FALSE(r.converged);
    CHECK_THAT(oracle::sum(r.authorities), WithinAbs(1, 1e-12));
    o.max_iterations = 100;
    o.progress = [](const pagerank_progress& p) { return p.iteration < 2; };
    r = hits(g, o);
    CHECK(r.cancelled);
    CHECK(r.iterations == 2);
    hits_options bad;
    bad.tolerance = 0;
    REQUIRE_THROWS_WITH(hits(g, bad), "hits: tolerance must be > 0, got 0");
    build_options lean;
    lean.lean = true;
    const auto lg = build_graph(kronecker_edges(kronecker_options{}), lean);
    REQUIRE_THROWS_AS(hits(lg), std::invalid_argument);
}
