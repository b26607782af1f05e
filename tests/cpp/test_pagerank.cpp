// SPDX-License-Identifier: MIT
// PageRank against independent oracles: hand-computed graphs, Wikipedia's 11-node example,
// a dense Eigen solve on random graphs, the push-step verifier; plus properties and errors.
#include <catch2/catch.hpp>

#include <iomanip>
#include <random>

#include "linkequity/linkequity.hpp"
#include "oracle.hpp"
#include "solver_checks.hpp"
#include "threads.hpp"

using namespace linkequity;
using oracle::graph_of;
using oracle::options_of;
using oracle::tight;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

TEST_CASE("pagerank: directed cycle is uniform", "[pagerank]") {
    const auto g = build_graph(5, std::vector<node_id>{0, 1, 2, 3, 4},
                               std::vector<node_id>{1, 2, 3, 4, 0});
    const auto r = pagerank(g, tight());
    REQUIRE(r.converged);
    for (double x : r.scores) CHECK_THAT(x, WithinAbs(0.2, 1e-14));
}

TEST_CASE("pagerank: two nodes with a dangling sink, by hand", "[pagerank]") {
    // 0 → 1; node 1 is dangling and spreads uniformly (v uniform, u = v):
    // x0 = α x1/2 + (1−α)/2, x1 = α x0 + α x1/2 + (1−α)/2  ⇒  x0 = 0.5 / (1 + α/2) at α = 0.85.
    const auto g = build_graph(2, std::vector<node_id>{0}, std::vector<node_id>{1});
    const auto r = pagerank(g, tight());
    const double x0 = 0.5 / 1.425;
    CHECK_THAT(r.scores[0], WithinAbs(x0, 1e-13));
    CHECK_THAT(r.scores[1], WithinAbs(1 - x0, 1e-13));
}

TEST_CASE("pagerank: star pointing inwards, by hand", "[pagerank]") {
    // Leaves 1..4 link to hub 0; hub is dangling. Leaves: x_l = α x0/5 + (1−α)/5;
    // hub: x0 = 4 α x_l + α x0/5 + (1−α)/5. Solve: with s = x0, x_l = (1 − s)/4.
    const double a = 0.85;
    // (1−s)/4 = a s/5 + (1−a)/5  ⇒  s = (1/4 − (1−a)/5) / (1/4 + a/5)
    const double s = (0.25 - (1 - a) / 5) / (0.25 + a / 5);
    const auto g = build_graph(5, std::vector<node_id>{1, 2, 3, 4}, std::vector<node_id>{0, 0, 0, 0});
    const auto r = pagerank(g, tight());
    CHECK_THAT(r.scores[0], WithinAbs(s, 1e-13));
    for (int i = 1; i < 5; ++i) CHECK_THAT(r.scores[i], WithinAbs((1 - s) / 4, 1e-13));
}

TEST_CASE("pagerank: Wikipedia's 11-node example", "[pagerank]") {
    // https://en.wikipedia.org/wiki/PageRank (figure "PageRanks for a simple network", α = 0.85,
    // dangling A spread over all pages): A 3.3, B 38.4, C 34.3, D 3.9, E 8.1, F 3.9, G–K 1.6 (%).
    enum { A, B, C, D, E, F, G, H, I, J, K };
    const std::vector<node_id> src{B, C, D, D, E, E, E, F, F, G, G, H, H, I, I, J, K};
    const std::vector<node_id> dst{C, B, A, B, B, D, F, B, E, B, E, B, E, B, E, E, E};
    const auto r = pagerank(build_graph(11, src, dst), tight());
    const double published[] = {3.3, 38.4, 34.3, 3.9, 8.1, 3.9, 1.6, 1.6, 1.6, 1.6, 1.6};
    for (int i = 0; i < 11; ++i) CHECK_THAT(100 * r.scores[i], WithinAbs(published[i], 0.05 + 1e-9));
}

TEST_CASE("pagerank: dense Eigen solve on 200 random graphs", "[pagerank][oracle]") {
    std::mt19937_64 rng(20261125);
    for (int t = 0; t < 200; ++t) {
        const oracle::dense_case c = oracle::varied_case(rng, 200, t);
        INFO("case " << t << ": n=" << c.n << " m=" << c.src.size());
        const auto expected = oracle::dense_pagerank(c);
        const auto r = pagerank(graph_of(c), options_of(c));
        REQUIRE(r.converged);
        CHECK(oracle::l1(r.scores, expected) < 1e-11);
        CHECK_THAT(oracle::sum(r.scores), WithinAbs(1.0, 1e-12));
        for (double x : r.scores) CHECK(x >= 0);
        // The push-direction verifier agrees that this is a fixed point.
        CHECK(pagerank_residual(graph_of(c), r.scores, options_of(c)) < 1e-12);
        // Gauss–Seidel reaches the same answer.
        auto gs = options_of(c);
        gs.solver = pagerank_solver::gauss_seidel;
        CHECK(oracle::l1(pagerank(graph_of(c), gs).scores, expected) < 1e-10);
    }
}

TEST_CASE("pagerank: max_iterations = k returns exactly the k-th iterate", "[pagerank]") {
    // x_{k+1} = α Sᵀ x_k + (1−α) v iterated densely from v, independent of the kernel.
    std::mt19937_64 rng(7);
    oracle::dense_case c = oracle::random_case(rng, 40);
    c.n = 40;
    for (auto& s : c.src) s %= 40;
    const auto g = graph_of(c);
    for (std::size_t k : {0u, 1u, 2u, 5u}) {
        pagerank_options o;
        o.tolerance = 1e-300;
        o.max_iterations = k;
        const auto r = pagerank(g, o);
        CHECK(r.iterations == k);
        CHECK_FALSE(r.converged);
        CHECK(r.history.size() == k);
        // Dense reference iteration.
        std::vector<double> x(40, 1.0 / 40);
        for (std::size_t it = 0; it < k; ++it) {
            std::vector<double> y(40, 0.0);
            double dangling = 0;
            for (node_id j = 0; j < 40; ++j) {
                const auto nb = g.out_neighbors(j);
                if (nb.empty()) dangling += x[j];
                for (node_id i : nb) y[i] += 0.85 * x[j] / static_cast<double>(nb.size());
            }
            for (auto& yi : y) yi += (0.85 * dangling + 0.15) / 40;
            x = y;
        }
        CHECK(oracle::l1(r.scores, x) < 1e-14);
    }
}

TEST_CASE("pagerank: 1 and 2 threads, and every run, give the same bits", "[pagerank][threads]") {
    // D, Z and the residual are summed per fixed block and then in block order, so neither the
    // thread count nor the threads' timing can change a bit (ties in the outputs depend on it).
    kronecker_options k;
    k.scale = 15;
    const auto g = build_graph(kronecker_edges(k));
    for (const auto kernel : {pagerank_kernel::pull, pagerank_kernel::blocked}) {
        for (const bool quadratic : {false, true}) {
            pagerank_options o;
            o.tolerance = 1e-12;
            o.kernel = kernel;
            o.blocked_hot_nodes = 4096;
            if (quadratic) o.acceleration = pagerank_acceleration::quadratic;
            INFO("blocked " << (kernel == pagerank_kernel::blocked) << " quadratic " << quadratic);
            const auto one = test_threads::on(1, [&] { return pagerank(g, o); });
            CHECK(one.converged);
            for (int run = 0; run < 4; ++run) {
                const auto two = test_threads::on(2, [&] { return pagerank(g, o); });
                CHECK(one.iterations == two.iterations);
                CHECK(one.scores == two.scores);
                CHECK(one.dangling_mass == two.dangling_mass);
            }
        }
    }
}

TEST_CASE("pagerank: Gauss-Seidel needs fewer iterations than power for the same answer",
          "[pagerank]") {
    // Iteration counts are deterministic. Before the per-component mass correction
    // (mass_aggregates) Gauss–Seidel needed 31 sweeps against power's 28 on the symmetrized graph
    // (its many 2-node components converged at α² per sweep); with it, 16. The 60 % is
    // a benchmark figure (bench_pagerank --solvers prints it at scales 20 and 22).
    for (const bool symmetrize : {false, true}) {
        kronecker_options k;
        k.scale = 14;
        k.symmetrize = symmetrize;
        const auto g = build_graph(kronecker_edges(k));
        pagerank_options o;
        o.tolerance = 1e-9;
        const auto power = pagerank(g, o);
        o.solver = pagerank_solver::gauss_seidel;
        const auto gs = pagerank(g, o);
        INFO("symmetrized " << symmetrize << ": power " << power.iterations << ", GS "
                            << gs.iterations);
        REQUIRE(power.converged);
        REQUIRE(gs.converged);
        CHECK(10 * gs.iterations <= 7 * power.iterations);
        CHECK(oracle::l1(power.scores, gs.scores) < 1e-8);
    }
}

TEST_CASE("pagerank: Gauss-Seidel on many closed pieces matches the dense solve",
          "[pagerank]") {
    // Pairs, a star, a triangle, a chain into a sink, isolated nodes, a piece whose only links
    // are nofollow: every kind of aggregate mass_aggregates forms (pure components, all-dangling
    // ones, the mixed rest), with skewed personalization, a separate dangling distribution, and
    // evaporation — against the dense linear solve.
    oracle::dense_case c;
    c.n = 20;
    auto link = [&](std::uint32_t a, std::uint32_t b, edge_flags f = 0) {
        c.src.push_back(a);
        c.dst.push_back(b);
        c.flags.push_back(f);
    };
    link(0, 1), link(1, 0);                                      // pair
    link(2, 3), link(3, 2);                                      // pair
    for (std::uint32_t l : {5u, 6u, 7u}) link(4, l), link(l, 4);  // star
    link(8, 9), link(9, 10), link(10, 8);                        // triangle
    link(11, 12), link(12, 13), link(11, 13, flags::nofollow);   // chain into sink 13
    link(14, 15, flags::nofollow), link(15, 14, flags::ugc);     // only excluded links
    link(16, 17), link(17, 16, flags::sponsored);                // half excluded
    // 18, 19 isolated
    for (const bool evaporate : {false, true}) {
        for (const int variant : {0, 1, 2}) {
            c.evaporate = evaporate;
            c.personalization.assign(c.n, 1.0);
            c.personalization[0] = 9.0, c.personalization[8] = 0.0, c.personalization[18] = 4.0;
            c.dangling.clear();
            if (variant == 1) c.personalization.clear();
            if (variant == 2) c.dangling.assign(c.n, 0.0), c.dangling[4] = 1.0, c.dangling[19] = 3.0;
            INFO("evaporate " << evaporate << ", variant " << variant);
            auto o = options_of(c);
            o.solver = pagerank_solver::gauss_seidel;
            const auto r = pagerank(graph_of(c), o);
            REQUIRE(r.converged);
            CHECK(oracle::l1(r.scores, oracle::dense_pagerank(c)) < 1e-11);
            CHECK_THAT(oracle::sum(r.scores), WithinAbs(1.0, 1e-12));
        }
    }
}

namespace {

/// pagerank with pagerank_kernel::blocked against pull on g, 12 iterations from v.
void check_blocked_matches_pull(const csr_graph& g, pagerank_node_order order,
                                std::size_t hot_nodes) {
    pagerank_options o;
    o.tolerance = 1e-300;
    o.max_iterations = 12;
    o.node_order = order;
    const auto pull = pagerank(g, o);
    o.kernel = pagerank_kernel::blocked;
    o.blocked_hot_nodes = hot_nodes;
    const auto blocked = pagerank(g, o);
    INFO(std::setprecision(3) << "hot " << hot_nodes << ", by degree "
                              << (order == pagerank_node_order::by_degree) << ": pull vs blocked "
                              << oracle::l1(pull.scores, blocked.scores));
    CHECK(blocked.iterations == 12);
    CHECK(oracle::l1(pull.scores, blocked.scores) < 1e-14);
    CHECK(std::fabs(pull.residual - blocked.residual) < 1e-14);
    // Sums in bin order: the thread count changes no bit.
    const auto one = test_threads::on(1, [&] { return pagerank(g, o); });
    CHECK(one.scores == blocked.scores);
}

}  // namespace

TEST_CASE("pagerank: the blocked kernel gives the pull kernel's scores", "[pagerank][blocked]") {
    // A hot prefix of 2^16 ids on 2^18 nodes: most sources binned, several bins, masked and
    // unmasked, in the graph's order and by degree, 1 and 2 threads. The reference is the
    // simple pull kernel.
    kronecker_options k;
    k.scale = 18;
    k.edge_factor = 8;
    edge_list edges = kronecker_edges(k);
    std::vector<edge_flags> fl(edges.num_edges());
    for (std::size_t e = 0; e < fl.size(); ++e) fl[e] = e % 5 == 0 ? flags::nofollow : flags::none;
    const csr_graph plain = build_graph(edges);
    const csr_graph masked = build_graph(edges.num_nodes, edges.src, edges.dst, fl, {});
    for (const csr_graph* g : {&plain, &masked}) {
        INFO("masked " << (g == &masked));
        for (const auto order : {pagerank_node_order::as_built, pagerank_node_order::by_degree})
            check_blocked_matches_pull(*g, order, std::size_t{1} << 16);
    }
    // A hot prefix of 1 (every source but node 0 binned) and one beyond n (plain pull).
    check_blocked_matches_pull(plain, pagerank_node_order::as_built, 1);
    check_blocked_matches_pull(plain, pagerank_node_order::as_built, std::size_t{1} << 20);
}

TEST_CASE("pagerank: the blocked kernel shares one value per source and bin", "[pagerank][blocked]") {
    // Cold sources with several edges into one bin of 2^15 destinations (one stored value read
    // by each), next to single edges, in three bins; the last bin is partial. Hand-placed, so
    // the case does not depend on what a generator happens to produce.
    const std::size_t n = 3 * 32768 - 100;
    edge_list edges;
    edges.num_nodes = n;
    auto add = [&](node_id u, node_id v) {
        edges.src.push_back(u);
        edges.dst.push_back(v);
    };
    for (node_id v : {0u, 1u, 2u, 40000u, 40001u, 70000u}) add(5, v);  // 3 + 2 + 1 per bin
    add(7, 3);
    add(7, 90000);
    for (node_id v : {1u, 2u, 3u}) add(40000, v);
    add(90000, 5);
    for (node_id u = 100; u < 400; ++u) add(u, u % 7);  // many sources into the first bin
    const csr_graph g = build_graph(edges);
    for (std::size_t hot : {std::size_t{1}, std::size_t{6}, std::size_t{32768}})
        check_blocked_matches_pull(g, pagerank_node_order::as_built, hot);
}

TEST_CASE("pagerank: the blocked kernel with its automatic hot prefix", "[pagerank][blocked]") {
    // Over 2^21 nodes (the automatic prefix on a 32 MiB last-level cache), sparse to stay quick.
    kronecker_options k;
    k.scale = 22;
    k.edge_factor = 2;
    check_blocked_matches_pull(build_graph(kronecker_edges(k)), pagerank_node_order::by_degree, 0);
}

TEST_CASE("pagerank: warm start from the answer converges at once", "[pagerank]") {
    kronecker_options k;
    k.scale = 12;
    const auto g = build_graph(kronecker_edges(k));
    pagerank_options o;
    o.tolerance = 1e-10;
    const auto cold = pagerank(g, o);
    o.start = cold.scores;
    const auto warm = pagerank(g, o);
    CHECK(warm.iterations < 5);
    CHECK(oracle::l1(cold.scores, warm.scores) < 1e-9);
}

TEST_CASE("pagerank: nofollow links are excluded by default and can be included", "[pagerank]") {
    // 0 → 1 (nofollow), 0 → 2. Excluded: 0 gives everything to 2. Included: split.
    const std::vector<node_id> src{0, 0}, dst{1, 2};
    const std::vector<edge_flags> fl{flags::nofollow, 0};
    const auto g = build_graph(3, src, dst, fl, {});
    auto o = tight();
    const auto excluded = pagerank(g, o);
    o.excluded = flags::none;
    const auto included = pagerank(g, o);
    CHECK(excluded.scores[2] > included.scores[2]);
    CHECK_THAT(included.scores[1], WithinAbs(included.scores[2], 1e-14));
    const auto plain = pagerank(build_graph(3, std::vector<node_id>{0}, std::vector<node_id>{2}), tight());
    CHECK(oracle::l1(excluded.scores, plain.scores) < 1e-13);
}

TEST_CASE("pagerank: lean graph gives the same scores", "[pagerank]") {
    std::mt19937_64 rng(3);
    auto c = oracle::random_case(rng, 150);
    for (std::size_t e = 0; e < c.src.size(); ++e) c.flags.push_back(e % 4 == 0 ? flags::ugc : 0);
    build_options lean;
    lean.lean = true;
    const auto full = pagerank(build_graph(c.n, c.src, c.dst, c.flags, {}), tight());
    const auto thin = pagerank(build_graph(c.n, c.src, c.dst, c.flags, {}, lean), tight());
    CHECK(oracle::l1(full.scores, thin.scores) < 1e-13);
}

TEST_CASE("pagerank: progress callback sees every iteration and can stop", "[pagerank]") {
    kronecker_options k;
    k.scale = 10;
    solver_checks::stopped_at_three(build_graph(kronecker_edges(k)), {});
}

TEST_CASE("pagerank: empty graph gives an empty result", "[pagerank]") {
    const auto r = pagerank(build_graph(0, std::vector<node_id>{}, std::vector<node_id>{}));
    CHECK(r.scores.empty());
    CHECK(r.converged);
}

TEST_CASE("pagerank: bad options name the parameter and value", "[pagerank][errors]") {
    const auto g = build_graph(3, std::vector<node_id>{0, 1}, std::vector<node_id>{1, 2});
    pagerank_options o;
    o.damping = 1.3;
    REQUIRE_THROWS_WITH(pagerank(g, o), Contains("damping") && Contains("1.3") && Contains("(0, 1)"));
    o.damping = 0;
    REQUIRE_THROWS_AS(pagerank(g, o), std::invalid_argument);
    o = {};
    o.tolerance = 0;
    REQUIRE_THROWS_WITH(pagerank(g, o), Contains("tolerance") && Contains("> 0"));
    o = {};
    o.personalization = {1, 2};
    REQUIRE_THROWS_WITH(pagerank(g, o), Contains("personalization") && Contains("2 entries") &&
                                            Contains("expected 3"));
    o.personalization = {1, -1, 0};
    REQUIRE_THROWS_WITH(pagerank(g, o), Contains("personalization[1]") && Contains("-1"));
    o.personalization = {0, 0, 0};
    REQUIRE_THROWS_WITH(pagerank(g, o), Contains("personalization sums to 0"));
    o = {};
    o.dangling = dangling_policy::vector;
    REQUIRE_THROWS_WITH(pagerank(g, o), Contains("dangling_distribution"));
    o = {};
    o.start = {std::nan(""), 1, 1};
    REQUIRE_THROWS_WITH(pagerank(g, o), Contains("start[0]") && Contains("nan"));
}

TEST_CASE("pagerank: quadratic extrapolation reaches the same answer in fewer iterations",
          "[pagerank]") {
    kronecker_options k;
    k.scale = 14;
    const auto g = build_graph(kronecker_edges(k));
    pagerank_options o;
    o.tolerance = 1e-12;
    o.max_iterations = 1000;
    const auto plain = pagerank(g, o);
    o.acceleration = pagerank_acceleration::quadratic;
    const auto fast = pagerank(g, o);
    REQUIRE(fast.converged);
    CHECK(fast.iterations < plain.iterations);
    CHECK(oracle::l1(plain.scores, fast.scores) < 1e-10);
    CHECK(pagerank_residual(g, fast.scores, o) < 1e-11);
    for (double x : fast.scores) CHECK(x >= 0);
    o.acceleration_period = 2;
    CHECK_THROWS_WITH(pagerank(g, o), Contains("acceleration_period") && Contains("got 2"));
}

TEST_CASE("pagerank: warm start after a small change equals a cold recompute", "[pagerank]") {
    // Incremental re-scoring: add 0.1% edges, restart from the old scores.
    kronecker_options k;
    k.scale = 14;
    auto el = kronecker_edges(k);
    const auto before = pagerank(build_graph(el), tight());
    const std::size_t extra = el.num_edges() / 1000;
    const auto add = erdos_renyi_edges(el.num_nodes, extra, 99);
    el.src.insert(el.src.end(), add.src.begin(), add.src.end());
    el.dst.insert(el.dst.end(), add.dst.begin(), add.dst.end());
    const auto g = build_graph(el);
    auto o = tight();
    o.tolerance = 1e-12;
    const auto cold = pagerank(g, o);
    o.start = before.scores;
    const auto warm = pagerank(g, o);
    CHECK(warm.iterations < cold.iterations);
    CHECK(oracle::l1(cold.scores, warm.scores) < 1e-10);
}

TEST_CASE("pagerank: degree node order gives the same scores", "[pagerank]") {
    std::mt19937_64 rng(17);
    for (int t = 0; t < 30; ++t) {
        oracle::dense_case c = oracle::random_case(rng, 120);
        if (t % 2) {
            for (std::size_t e = 0; e < c.src.size(); ++e) c.weights.push_back(float(1 + e % 3));
        }
        if (t % 3 == 0) {
            for (std::size_t e = 0; e < c.src.size(); ++e) c.flags.push_back(e % 5 ? 0 : flags::ugc);
            c.evaporate = t % 2 == 0;
        }
        auto o = options_of(c);
        o.node_order = pagerank_node_order::by_degree;
        const auto r = pagerank(graph_of(c), o);
        CHECK(oracle::l1(r.scores, oracle::dense_pagerank(c)) < 1e-11);
    }
    build_options lean;
    lean.lean = true;
    kronecker_options k;
    k.scale = 12;
    const auto g = build_graph(kronecker_edges(k), lean);
    pagerank_options o;
    o.tolerance = 1e-12;
    const auto plain = pagerank(g, o);
    o.node_order = pagerank_node_order::by_degree;
    const auto ordered = pagerank(g, o);
    CHECK(oracle::l1(plain.scores, ordered.scores) < 1e-12);
    CHECK(plain.iterations == ordered.iterations);
}
