// SPDX-License-Identifier: MIT
// explain() on the web fixture (tests/data/web/small.csv): the identities Σ c = x_t and
// Σ one_hop + s_t = x_t at the domain and page level, in exclude and evaporate mode; the score
// equal to compute_authority's; every domain's contribution against a dense solve of the
// domain graph written by hand; link counts by hand; the sort rule; unknown targets.
#include <catch2/catch.hpp>

#include "linkequity/analysis/explain.hpp"
#include "linkequity/web/authority.hpp"
#include "contributions_oracle.hpp"

using namespace linkequity;
using namespace linkequity::analysis;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {

web::web_graph fixture() { return web::web_graph::read({LINKEQUITY_TEST_DATA "/web/small.csv"}); }

explain_options tight(explain_level level, bool evaporate) {
    explain_options o;
    o.level = level;
    o.top = 0;
    o.authority.pagerank.tolerance = 1e-15;
    o.authority.pagerank.max_iterations = 10000;
    if (evaporate) o.authority.pagerank.excluded_links = excluded_link_mode::evaporate;
    return o;
}

}  // namespace

TEST_CASE("explain: identities at the domain and page level in both modes", "[explain]") {
    const web::web_graph g = fixture();
    for (bool evaporate : {false, true}) {
        for (auto [level, target] : {std::pair{explain_level::domain, "alpha.com"},
                                     std::pair{explain_level::page, "https://www.alpha.com/about"}}) {
            INFO(target << (evaporate ? " evaporate" : " exclude"));
            const explain_options o = tight(level, evaporate);
            const explain_result r = explain(g, target, o);
            REQUIRE(r.converged);
            double sum = r.self, hop = 0;
            for (const auto& row : r.rows) {
                sum += row.all_paths;
                hop += row.one_hop;
                CHECK_THAT(row.share, WithinAbs(row.all_paths / r.score, 1e-15));
            }
            CHECK_THAT(sum, WithinAbs(r.score, 1e-12));
            CHECK_THAT(r.explained, WithinAbs(r.score, 1e-12));
            CHECK_THAT(hop + r.restart, WithinAbs(r.score, 1e-12));
            CHECK_THAT(r.one_hop_total, WithinAbs(hop, 1e-15));
            // The same score as compute_authority's.
            const web::authority_result a = web::compute_authority(g, o.authority);
            const auto& t = level == explain_level::domain ? a.domains : a.pages;
            CHECK_THAT(r.score, WithinAbs(t.score[r.target], 1e-13));
            CHECK_THAT(r.authority, WithinAbs(t.authority[r.target], 1e-9));
            for (std::size_t i = 1; i < r.rows.size(); ++i)
                CHECK(r.rows[i - 1].all_paths >= r.rows[i].all_paths);
        }
    }
}

TEST_CASE("explain: identities with domain weights by links", "[explain]") {
    const web::web_graph g = fixture();
    explain_options o = tight(explain_level::domain, true);
    o.authority.domain_weights = web::domain_weight_mode::links;
    const explain_result r = explain(g, "beta.co.uk", o);
    double sum = r.self, hop = 0;
    for (const auto& row : r.rows) sum += row.all_paths, hop += row.one_hop;
    CHECK_THAT(sum, WithinAbs(r.score, 1e-12));
    CHECK_THAT(hop + r.restart, WithinAbs(r.score, 1e-12));
    CHECK_THAT(r.score, WithinAbs(web::compute_authority(g, o.authority).domains.score[r.target],
                                  1e-13));
}

TEST_CASE("explain: referring domains and their links by hand", "[explain]") {
    const web::web_graph g = fixture();
    const explain_result r = explain(g, "https://www.alpha.com/", tight(explain_level::domain, false));
    CHECK(r.target_name == "alpha.com");
    auto row_of = [&](const char* d) {
        const node_id id = *g.find_domain(d);
        for (const auto& row : r.rows)
            if (row.node == id) return row;
        FAIL("no row for " << d);
        return explain_row{};
    };
    // beta.co.uk: www.beta.co.uk → alpha.com/ and → /about; gamma.blogspot.com/x → alpha.com/;
    // x.example.com.au → /about (footer).
    CHECK(row_of("beta.co.uk").links == 2);
    CHECK(row_of("beta.co.uk").followable == 2);
    CHECK(row_of("gamma.blogspot.com").links == 1);
    CHECK(row_of("example.com.au").links == 1);
    CHECK(r.referrers == 3);
    // delta.blogspot.com links only to gamma (ugc): its contribution goes nowhere near alpha
    // except through teleport, so its one-hop share is 0.
    CHECK(row_of("beta.co.uk").one_hop > 0);
    for (const auto& row : r.rows)
        if (row.links == 0) CHECK(row.one_hop == 0);
    // top keeps the best rows.
    explain_options o = tight(explain_level::domain, false);
    o.top = 2;
    const explain_result top = explain(g, "alpha.com", o);
    REQUIRE(top.rows.size() == 2);
    CHECK(top.rows[0].node == r.rows[0].node);
    CHECK(top.rows[1].node == r.rows[1].node);
    CHECK(top.contributors == r.contributors);
}

TEST_CASE("explain: unknown targets and levels", "[explain][errors]") {
    const web::web_graph g = fixture();
    CHECK_THROWS_WITH(explain(g, "nowhere.org"), Contains("'nowhere.org' is not a domain"));
    explain_options o;
    o.level = explain_level::page;
    CHECK_THROWS_WITH(explain(g, "https://www.alpha.com/missing", o),
                      Contains("is not a page of the links"));
    CHECK_THROWS_WITH(parse_explain_level("site"), Contains("'domain' or 'page', got 'site'"));
}

TEST_CASE("explain: domain contributions equal a dense solve of the hand-made domain graph",
          "[explain][oracle]") {
    const web::web_graph g = fixture();
    const node_id alpha = *g.find_domain("alpha.com"), beta = *g.find_domain("beta.co.uk"),
                  gamma = *g.find_domain("gamma.blogspot.com"),
                  delta = *g.find_domain("delta.blogspot.com"),
                  au = *g.find_domain("example.com.au");
    // small.csv's domain edges, one per linking pair: alpha → beta (blog post), alpha → gamma
    // (nofollow), alpha → example.com.au (sponsored), beta → alpha, beta → gamma, gamma → alpha,
    // delta → gamma (ugc), example.com.au → alpha. Uniform teleport and dangling distribution.
    oracle::dense_case c;
    c.n = g.num_domains();
    c.dangling.assign(c.n, 1.0);
    auto edge = [&c](node_id a, node_id b, edge_flags f) {
        c.src.push_back(a), c.dst.push_back(b), c.flags.push_back(f);
    };
    edge(alpha, beta, 0), edge(alpha, gamma, flags::nofollow), edge(alpha, au, flags::sponsored);
    edge(beta, alpha, 0), edge(beta, gamma, 0), edge(gamma, alpha, 0);
    edge(delta, gamma, flags::ugc), edge(au, alpha, 0);
    for (bool evaporate : {false, true}) {
        INFO((evaporate ? "evaporate" : "exclude"));
        c.evaporate = evaporate;
        const std::vector<double> expected = oracle::dense_contributions(c, alpha);
        const explain_result r = explain(g, "alpha.com", tight(explain_level::domain, evaporate));
        CHECK_THAT(r.self, WithinAbs(expected[alpha], 1e-13));
        std::size_t seen = 0;
        for (node_id d = 0; d < c.n; ++d) {
            if (d == alpha) continue;
            double got = 0;
            for (const auto& row : r.rows)
                if (row.node == d) got = row.all_paths, ++seen;
            CHECK_THAT(got, WithinAbs(expected[d], 1e-13));
        }
        CHECK(seen == r.rows.size());
        CHECK_THAT(r.score, WithinAbs(oracle::dense_pagerank(c)[alpha], 1e-13));
    }
}
