// SPDX-License-Identifier: MIT
// Personalised SALSA against independent oracles: the dense PageRank solve of oracle.hpp on
// the doubled hub/authority edge list built here from the raw edges (random graphs with
// weights, flags, self-loops, parallel edges, evaporate mode), a hand-solved two-node walk, a
// co-citation example; option and seed errors; 1 vs 2 threads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "linkequity/linkequity.hpp"
#include "oracle.hpp"
#include "threads.hpp"

using namespace linkequity;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {

/// The doubled edge list of a case: j → n+k and n+k → j for every edge j → k the library's
/// graph keeps (self-loops only when kept), same weight and flags; restart (γv, (1−γ)v).
oracle::dense_case doubled(const oracle::dense_case& c, const std::vector<double>& v,
                           double gamma) {
    oracle::dense_case d;
    d.n = 2 * c.n;
    d.damping = c.damping;
    d.evaporate = c.evaporate;
    const auto n = static_cast<std::uint32_t>(c.n);
    for (std::size_t e = 0; e < c.src.size(); ++e) {
        if (c.src[e] == c.dst[e] && !c.keep_self_loops) continue;
        for (const auto& [s, t] : {std::pair{c.src[e], n + c.dst[e]},
                                   std::pair{n + c.dst[e], c.src[e]}}) {
            d.src.push_back(s);
            d.dst.push_back(t);
            if (!c.weights.empty()) d.weights.push_back(c.weights[e]);
            if (!c.flags.empty()) d.flags.push_back(c.flags[e]);
        }
    }
    d.personalization.assign(d.n, 0.0);
    for (std::size_t i = 0; i < c.n; ++i) {
        d.personalization[i] = gamma * v[i];
        d.personalization[c.n + i] = (1 - gamma) * v[i];
    }
    return d;
}

std::vector<double> concat(const salsa_result& r) {
    std::vector<double> x = r.hubs;
    x.insert(x.end(), r.authorities.begin(), r.authorities.end());
    return x;
}

}  // namespace

TEST_CASE("salsa: dense solve on the doubled graph, random cases", "[salsa][oracle]") {
    std::mt19937_64 rng(4242);
    int compared = 0;
    for (int t = 0; t < 60; ++t) {
        oracle::dense_case c = oracle::varied_case(rng, 60, t);
        c.personalization.clear();
        c.dangling.clear();
        seed_set seeds;
        for (node_id i = 0; i < c.n; ++i)
            if (rng() % 4 == 0) seeds.nodes.push_back(i);
        if (seeds.nodes.empty()) seeds.nodes.push_back(static_cast<node_id>(rng() % c.n));
        if (t % 3 == 1)
            for (std::size_t i = 0; i < seeds.nodes.size(); ++i)
                seeds.weights.push_back(0.5 + double(rng() % 4));
        std::vector<double> v(c.n, 0.0);
        for (std::size_t i = 0; i < seeds.nodes.size(); ++i)
            v[seeds.nodes[i]] = seeds.weights.empty() ? 1.0 : seeds.weights[i];
        const double gamma = t % 5 == 0 ? 1.0 : t % 5 == 1 ? 0.0 : t % 5 == 2 ? 0.3 : 0.5;
        INFO("case " << t << ": n=" << c.n << " m=" << c.src.size() << " gamma=" << gamma);
        salsa_options o;
        o.pagerank = oracle::tight();
        o.pagerank.damping = c.damping;
        o.pagerank.excluded_links =
            c.evaporate ? excluded_link_mode::evaporate : excluded_link_mode::exclude;
        o.hub_share = gamma;
        const salsa_result r = salsa(oracle::graph_of(c), seeds, o);
        REQUIRE(r.converged);
        REQUIRE(r.hubs.size() == c.n);
        REQUIRE(r.authorities.size() == c.n);
        CHECK_THAT(oracle::sum(r.hubs) + oracle::sum(r.authorities), WithinAbs(1.0, 1e-12));
        CHECK(oracle::l1(concat(r), oracle::dense_pagerank(doubled(c, v, gamma))) < 1e-11);
        ++compared;
    }
    CHECK(compared == 60);
}

TEST_CASE("salsa: by hand, one edge 0 -> 1 seeded at 0", "[salsa]") {
    const auto g = build_graph(2, std::vector<node_id>{0}, std::vector<node_id>{1});
    const double a = 0.85;
    salsa_options o;
    o.pagerank = oracle::tight();
    o.hub_share = 1.0;  // h0 = a·a1 + (1−a), a1 = a·h0: nothing is dangling on the way
    auto r = salsa(g, seed_set{{0}, {}}, o);
    CHECK_THAT(r.hubs[0], WithinAbs(1 / (1 + a), 1e-13));
    CHECK_THAT(r.authorities[1], WithinAbs(a / (1 + a), 1e-13));
    CHECK(r.hubs[1] == 0.0);
    CHECK(r.authorities[0] == 0.0);
    // Half the restart at 0's authority copy, which has no in-link to walk back over (dangling):
    // a0 = R/2, R = 1 − a + a·a0, h0 = a·a1 + R/2, a1 = a·h0.
    o.hub_share = 0.5;
    r = salsa(g, seed_set{{0}, {}}, o);
    CHECK_THAT(r.authorities[0], WithinAbs((1 - a) / (2 - a), 1e-13));
    CHECK_THAT(r.hubs[0], WithinAbs(1 / ((2 - a) * (1 + a)), 1e-13));
    CHECK_THAT(r.authorities[1], WithinAbs(a / ((2 - a) * (1 + a)), 1e-13));
}

TEST_CASE("salsa: hubs find the co-linkers of the seed, authorities their targets", "[salsa]") {
    // Seed 0 links to 5; 1 links to 5 and 6 (co-citation with the seed); 2 links to 7 only;
    // 3 links to 6. Walk from 0: 5 → back to 0 or 1 → 5 or 6 → back to 1 or 3 → ...
    const auto g = build_graph(8, std::vector<node_id>{0, 1, 1, 2, 3},
                               std::vector<node_id>{5, 5, 6, 7, 6});
    salsa_options o;
    o.pagerank = oracle::tight();
    const auto r = salsa(g, seed_set{{0}, {}}, o);
    CHECK(r.hubs[1] > r.hubs[3]);
    CHECK(r.hubs[3] > 0.0);
    CHECK(r.hubs[2] == 0.0);  // links nowhere the walk goes
    CHECK(r.authorities[5] > r.authorities[6]);
    CHECK(r.authorities[6] > 0.0);
    CHECK(r.authorities[7] == 0.0);
}

TEST_CASE("salsa: bad seeds and options name what is wrong", "[salsa][errors]") {
    const auto g = build_graph(3, std::vector<node_id>{0, 1}, std::vector<node_id>{1, 2});
    CHECK_THROWS_WITH(salsa(g, seed_set{}), Contains("salsa: no seeds"));
    CHECK_THROWS_AS(salsa(g, seed_set{{3}, {}}), std::out_of_range);
    CHECK_THROWS_WITH(salsa(g, seed_set{{1, 1}, {}}), Contains("seed 1 is listed twice"));
    salsa_options o;
    o.hub_share = 1.5;
    CHECK_THROWS_WITH(salsa(g, seed_set{{0}, {}}, o),
                      Contains("salsa: hub_share must be in [0, 1], got 1.5"));
    o = {};
    o.pagerank.damping = 1.0;
    CHECK_THROWS_WITH(salsa(g, seed_set{{0}, {}}, o), Contains("salsa: damping must be in (0, 1)"));
    o = {};
    o.pagerank.personalization = {1, 1, 1};
    CHECK_THROWS_WITH(salsa(g, seed_set{{0}, {}}, o), Contains("come from the seeds"));
    o = {};
    o.pagerank.dangling = dangling_policy::uniform;
    CHECK_THROWS_WITH(salsa(g, seed_set{{0}, {}}, o), Contains("come from the seeds"));
    build_options lean;
    lean.lean = true;
    const auto lg = build_graph(3, std::vector<node_id>{0, 1}, std::vector<node_id>{1, 2},
                                {}, {}, lean);
    CHECK_THROWS_WITH(salsa(lg, seed_set{{0}, {}}), Contains("salsa: the graph is lean"));
}

TEST_CASE("salsa: the option table has pagerank's options but the seeded ones", "[salsa]") {
    std::vector<std::string> names;
    salsa_options o;
    salsa_options::fields(o, [&](auto&, const option_info& f) { names.emplace_back(f.name); });
    CHECK(std::find(names.begin(), names.end(), "damping") != names.end());
    CHECK(std::find(names.begin(), names.end(), "excluded_links") != names.end());
    CHECK(std::find(names.begin(), names.end(), "personalization") == names.end());
    CHECK(std::find(names.begin(), names.end(), "start") == names.end());
    CHECK(names.back() == "hub_share");
}

TEST_CASE("salsa: 1 and 2 threads give identical results", "[salsa][threads]") {
    kronecker_options k;
    k.scale = 15;
    const auto g = build_graph(kronecker_edges(k));
    const seed_set seeds{{0, 5, 17, 400}, {}};
    salsa_options o;
    o.pagerank.tolerance = 1e-12;
    const auto one = test_threads::on(1, [&] { return salsa(g, seeds, o); });
    const auto two = test_threads::on(2, [&] { return salsa(g, seeds, o); });
    REQUIRE(one.converged);
    CHECK(one.iterations == two.iterations);
    CHECK(one.hubs == two.hubs);  // the power solver's sums are in a fixed order
    CHECK(one.authorities == two.authorities);
}
