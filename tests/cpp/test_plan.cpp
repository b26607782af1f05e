// SPDX-License-Identifier: MIT
// plan_links: the first pick is the true best (brute force with a dense recompute per candidate),
// each step's score equals a recompute with every picked link added; on the web model the domain
// gains (both weight modes, exclude and evaporate) equal compute_authority on the links with one
// more row, and bad input (unknown target or candidate, target among candidates, k < 1).
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "linkequity/analysis/plan.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "oracle.hpp"

using namespace linkequity;

namespace {

oracle::dense_case add_link(oracle::dense_case c, std::uint32_t j, std::uint32_t t) {
    bool found = false;
    for (std::size_t e = 0; e < c.src.size(); ++e)
        if (c.src[e] == j && c.dst[e] == t) {
            found = true;
            if (!c.flags.empty()) c.flags[e] = 0;
        }
    if (!found) {
        c.src.push_back(j);
        c.dst.push_back(t);
        if (!c.flags.empty()) c.flags.push_back(0);
    }
    return c;
}

std::vector<io::raw_link> synthetic_rows(std::size_t links, std::size_t domains) {
    web::synthetic_web_options w;
    w.links = links;
    w.domains = domains;
    w.seed = 7;
    const web::synthetic_web web(w);
    std::vector<io::raw_link> rows;
    web.generate([&](span<const io::raw_link> batch) {
        rows.insert(rows.end(), batch.begin(), batch.end());
    });
    return rows;
}

web::web_graph web_of(const std::vector<io::raw_link>& rows, const io::raw_link* extra) {
    web::web_graph_builder b;
    for (const auto& r : rows) b.add(r);
    if (extra) b.add(*extra);
    return b.finish();
}

}  // namespace

TEST_CASE("plan_links: the first pick is the brute-force best, steps equal a recompute",
          "[plan]") {
    std::mt19937_64 rng(41);
    for (int round = 0; round < 25; ++round) {
        oracle::dense_case c = oracle::random_case(rng, 25);
        if (c.n < 3) continue;
        c.flags.resize(c.src.size());
        for (auto& f : c.flags) f = rng() % 5 == 0 ? flags::nofollow : flags::none;
        c.evaporate = round % 3 == 0;
        const auto t = static_cast<std::uint32_t>(rng() % c.n);
        analysis::plan_options o;
        o.gain.pagerank.tolerance = 1e-14;
        o.gain.pagerank.max_iterations = 2000;
        o.gain.pagerank.excluded_links =
            c.evaporate ? excluded_link_mode::evaporate : excluded_link_mode::exclude;
        o.links = 3;
        const auto g = build_graph(c.n, c.src, c.dst, c.flags, {});
        const auto plan = analysis::plan_links(g, t, {}, o);
        const auto x = oracle::dense_pagerank(c);
        double best = -1;
        for (std::uint32_t j = 0; j < c.n; ++j) {
            if (j == t) continue;
            bool followable = false;
            for (std::size_t e = 0; e < c.src.size(); ++e)
                followable = followable || (c.src[e] == j && c.dst[e] == t && c.flags[e] == 0);
            if (!followable) best = std::max(best, oracle::dense_pagerank(add_link(c, j, t))[t] - x[t]);
        }
        if (best < 0) {
            CHECK(plan.steps.empty());
            continue;
        }
        REQUIRE(!plan.steps.empty());
        const double picked =
            oracle::dense_pagerank(add_link(c, plan.steps[0].source, t))[t] - x[t];
        INFO("round " << round << " picked " << plan.steps[0].source);
        CHECK(picked >= best * (1 - 1e-9));
        CHECK(plan.score_before == Approx(x[t]).epsilon(1e-9));
        oracle::dense_case cur = c;
        for (const auto& s : plan.steps) {
            cur = add_link(cur, s.source, t);
            CHECK(s.score == Approx(oracle::dense_pagerank(cur)[t]).epsilon(1e-9));
            CHECK(s.authority >= 0);
            CHECK(s.authority <= 100);
        }
        for (std::size_t i = 1; i < plan.steps.size(); ++i)
            CHECK(plan.steps[i].score >= plan.steps[i - 1].score * (1 - 1e-12));
    }
}

TEST_CASE("plan_links: domain gains equal compute_authority with one more link", "[plan]") {
    const auto rows = synthetic_rows(4000, 60);
    const web::web_graph g = web_of(rows, nullptr);
    // a target with a referring domain whose links to it are all nofollow
    const csr_graph dg = web::contract(g, web::graph_level::domain);
    node_id t = 0;
    for (node_id d = 0; d < dg.num_nodes() && t == 0; ++d)
        for (edge_flags f : dg.in_flags(d))
            if (f & flags::default_excluded) t = d;
    REQUIRE(t != 0);
    for (auto mode : {web::domain_weight_mode::domains, web::domain_weight_mode::links}) {
        for (auto links : {excluded_link_mode::exclude, excluded_link_mode::evaporate}) {
            analysis::web_plan_options o;
            o.authority.domain_weights = mode;
            o.authority.pagerank.excluded_links = links;
            o.authority.pagerank.tolerance = 1e-14;
            o.authority.pagerank.max_iterations = 2000;
            o.top = 0;
            const auto before = web::compute_authority(g, o.authority);
            const std::string target(g.domain_name(t));
            const auto plan = analysis::plan_links(g, target, {}, o);
            REQUIRE(plan.plan.candidates.size() > 10);
            CHECK(plan.plan.score_before == Approx(before.domains.score[t]).epsilon(1e-9));
            std::size_t existing = 0;
            for (const auto& row : plan.plan.candidates) existing += row.existing;
            for (std::size_t i = 0; i < plan.plan.candidates.size(); i += 3) {
                const auto& row = plan.plan.candidates[i];
                io::raw_link extra;
                extra.source = "https://" + std::string(plan.name(g, row.source)) + "/";
                extra.target = "https://" + target + "/";
                // a page of each domain: the domain's first page
                for (node_id p = 0; p < g.num_pages(); ++p)
                    if (g.domain_of(p) == row.source) { extra.source = g.page_url(p); break; }
                for (node_id p = 0; p < g.num_pages(); ++p)
                    if (g.domain_of(p) == t) { extra.target = g.page_url(p); break; }
                const web::web_graph after_g = web_of(rows, &extra);
                REQUIRE(after_g.num_domains() == g.num_domains());
                const auto after = web::compute_authority(after_g, o.authority);
                const double truth = after.domains.score[t] - before.domains.score[t];
                INFO("mode " << int(mode) << " evaporate " << int(links) << " source "
                             << plan.name(g, row.source) << " existing " << row.existing);
                CHECK(std::fabs(row.gain - truth) <= 0.01 * std::fabs(truth) + 1e-15);
                CHECK(std::fabs(row.gain - truth) <= row.error_bound + 1e-13);
            }
            CHECK(existing > 0);  // some candidates had only nofollow links to the target
        }
    }
}

TEST_CASE("plan_links: page level and bad input", "[plan]") {
    const auto rows = synthetic_rows(2000, 30);
    const web::web_graph g = web_of(rows, nullptr);
    analysis::web_plan_options o;
    o.level = analysis::plan_level::page;
    o.links = 2;
    o.top = 5;
    const std::string target(g.page_url(3));
    const auto plan = analysis::plan_links(g, target, {}, o);
    CHECK(plan.plan.candidates.size() == 5);
    REQUIRE(plan.plan.steps.size() == 2);
    CHECK(plan.plan.steps[1].authority >= plan.plan.steps[0].authority);
    CHECK(plan.plan.steps[0].authority >= plan.plan.authority_before);
    // prospects by name, one of them already linking followably: skipped and counted
    analysis::web_plan_options d;
    const std::string td(g.domain_name(2));
    const auto all = analysis::plan_links(g, td, {}, d);
    REQUIRE(all.plan.candidates.size() >= 2);
    std::vector<std::string> names{std::string(all.name(g, all.plan.candidates[1].source)),
                                   "https://" + std::string(all.name(g, all.plan.candidates[0].source)) + "/x"};
    const auto some = analysis::plan_links(g, td, names, d);
    CHECK(some.plan.ranked == 2);
    CHECK(some.plan.steps[0].source == all.plan.candidates[0].source);
    CHECK_THROWS_WITH(analysis::plan_links(g, "nope.example", {}, d),
                      Catch::Contains("target 'nope.example' is not a domain"));
    CHECK_THROWS_WITH(analysis::plan_links(g, td, {"nope.example"}, d),
                      Catch::Contains("candidate 'nope.example' is not a domain"));
    CHECK_THROWS_WITH(analysis::plan_links(g, td, {td}, d),
                      Catch::Contains("is the target"));
    d.links = 0;
    CHECK_THROWS_WITH(analysis::plan_links(g, td, {}, d), Catch::Contains("links must be >= 1"));
    o.links = 1;
    CHECK_THROWS_WITH(analysis::plan_links(g, "https://nowhere.example/", {}, o),
                      Catch::Contains("is not a page"));
}
