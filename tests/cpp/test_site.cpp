// SPDX-License-Identifier: MIT
// Site mode against a dense solve on a small hand-made site (tests/data/web/site.csv: a
// domain with two hosts, an orphan, a page reached only by nofollow, parallel and self-links):
// the site's pages, internal PageRank in exclude and evaporate mode, internal link counts,
// orphans, dead ends, the site table and the errors.
#include <catch2/catch.hpp>

#include <string>

#include "linkequity/web/site.hpp"
#include "oracle.hpp"

using namespace linkequity;
using namespace linkequity::web;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {

web_graph fixture() { return web_graph::read({LINKEQUITY_TEST_DATA "/web/site.csv"}); }

const char* const www = "https://www.shop.com/";

/// The site node of a URL.
node_id node(const web_graph& g, const site_subgraph& s, const std::string& url) {
    const auto p = g.find_page(url);
    REQUIRE(p);
    const node_id i = s.node_of(*p);
    REQUIRE(i != static_cast<node_id>(-1));
    return i;
}

}  // namespace

TEST_CASE("site: a domain's pages and internal graph", "[site]") {
    const web_graph g = fixture();
    const site_subgraph s = site_graph(g, "Shop.com");
    CHECK(s.kind == site_kind::domain);
    CHECK(s.site == "shop.com");
    CHECK(s.pages.size() == 6);  // blog post, /, /a, /b, /c, /orphan
    // Edges: / → a, b, post; a → b (twice: one edge); b → / ; b → c (nofollow); orphan → a;
    // post → /; the self-link a → a dropped.
    CHECK(s.graph.num_edges() == 8);
    CHECK(s.node_of(*g.find_page("https://other.com/")) == static_cast<node_id>(-1));
    const site_subgraph h = site_graph(g, "https://www.shop.com/some/path");
    CHECK(h.kind == site_kind::host);
    CHECK(h.site == "www.shop.com");
    CHECK(h.pages.size() == 5);
    CHECK(h.graph.num_edges() == 6);  // without / → post and post → /
}

TEST_CASE("site: internal PageRank equals a dense solve in both modes", "[site][oracle]") {
    const web_graph g = fixture();
    for (bool evaporate : {false, true}) {
        authority_options o;
        o.pagerank.tolerance = 1e-14;
        o.pagerank.max_iterations = 1000;
        if (evaporate) o.pagerank.excluded_links = excluded_link_mode::evaporate;
        const site_authority_result r = site_authority(g, "shop.com", o);
        const site_subgraph& s = r.site;
        oracle::dense_case c;
        c.n = 6;
        c.evaporate = evaporate;
        auto edge = [&](const std::string& a, const std::string& b, edge_flags f) {
            c.src.push_back(node(g, s, a));
            c.dst.push_back(node(g, s, b));
            c.flags.push_back(f);
        };
        const std::string root = www, a = root + "a", b = root + "b", cc = root + "c",
                          orphan = root + "orphan", post = "https://blog.shop.com/post";
        edge(root, a, 0), edge(root, b, 0), edge(root, post, 0), edge(a, b, 0), edge(b, root, 0);
        edge(b, cc, flags::nofollow), edge(orphan, a, 0), edge(post, root, 0);
        const auto expected = oracle::dense_pagerank(c);
        INFO((evaporate ? "evaporate" : "exclude"));
        CHECK(oracle::l1(r.table.score, expected) < 1e-12);
        CHECK(r.table.converged);
        // Counts, orphans and dead ends do not depend on the mode.
        CHECK(r.internal_in_links[node(g, s, root)] == 2);
        CHECK(r.internal_in_links[node(g, s, b)] == 3);  // from / and twice from /a
        CHECK(r.internal_out_links[node(g, s, a)] == 2);  // the self-link is not counted
        CHECK(r.internal_out_links[node(g, s, b)] == 1);  // the nofollow link is not
        CHECK(r.internal_links == 8);  // the nofollow and self-links not counted
        std::vector<node_id> orphans{node(g, s, cc), node(g, s, orphan)};
        std::sort(orphans.begin(), orphans.end());
        auto got = r.orphans;
        std::sort(got.begin(), got.end());
        CHECK(got == orphans);
        CHECK(r.dead_ends == std::vector<node_id>{node(g, s, cc)});
        // The 0–100 scale of the site graph: the best page is 100, an orphan page 0.
        CHECK_THAT(*std::max_element(r.table.authority.begin(), r.table.authority.end()),
                   WithinAbs(100, 1e-9));
        CHECK(r.table.authority[node(g, s, orphan)] == 0);
    }
}

TEST_CASE("site: the site table", "[site]") {
    const web_graph g = fixture();
    const site_authority_result r = site_authority(g, "shop.com");
    authority_result all = compute_authority(g);
    const score_table pages = make_score_table(g, table_level::pages, std::move(all.pages));
    const score_table t = make_site_table(g, r, &pages);
    auto names = table_column_names(table_level::pages);
    for (const char* extra : {"internal_in_links", "internal_out_links", "orphan", "dead_end"})
        names.push_back(extra);
    std::vector<std::string> got;
    for (const auto& col : t.columns) got.push_back(col.name);
    CHECK(got == names);
    REQUIRE(t.rows.size() == 6);
    const auto& score = t.values<double>("score");
    for (std::size_t i = 1; i < t.rows.size(); ++i) CHECK(score[t.rows[i - 1]] >= score[t.rows[i]]);
    // /c: its whole-graph backlinks (one from other.com, one nofollow) beside its internal 0.
    const node_id c = node(g, r.site, std::string(www) + "c");
    CHECK(t.values<std::uint64_t>("backlinks")[c] == 2);
    CHECK(t.values<std::uint64_t>("internal_in_links")[c] == 0);
    CHECK(t.values<std::int64_t>("orphan")[c] == 1);
    CHECK(t.values<std::int64_t>("dead_end")[c] == 1);
    const score_table orphans = filter_rows(t, r.orphans);
    CHECK(orphans.rows.size() == 2);
    std::string csv;
    write_csv(orphans, g, [&csv](std::string_view s) { csv += s; });
    CHECK_THAT(csv, Contains("https://www.shop.com/orphan,www.shop.com,shop.com,"));
    CHECK(make_site_table(g, r).columns.size() == 10);  // without the whole-graph counts
}

TEST_CASE("site: unknown and empty sites are errors", "[site][errors]") {
    const web_graph g = fixture();
    CHECK_THROWS_WITH(site_graph(g, "nowhere.org"),
                      Contains("site 'nowhere.org' is not a domain or host of the links"));
    CHECK_THROWS_AS(site_graph(g, "  "), std::invalid_argument);
    authority_options bad;
    bad.pagerank.damping = 2;
    CHECK_THROWS_WITH(site_authority(g, "shop.com", bad), Contains("damping"));
}
