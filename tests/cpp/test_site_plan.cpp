// SPDX-License-Identifier: MIT
// Internal-link planning (plan_links with web_plan_options::site) on the hand-made site
// tests/data/web/site.csv: every candidate's gain against site_authority recomputed on the links
// with that internal link added (an independent full recompute), the default candidates, the
// first greedy pick = the brute-force best, each step against a recompute with the picked links,
// exclude and evaporate mode, a host as the site, and the errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "linkequity/analysis/plan.hpp"
#include "linkequity/web/site.hpp"
#include "temp_files.hpp"

using namespace linkequity;
using Catch::Matchers::Contains;

namespace {

const std::string fixture = LINKEQUITY_TEST_DATA "/web/site.csv";
const std::vector<std::string> shop_pages{
    "https://www.shop.com/",  "https://www.shop.com/a",      "https://www.shop.com/b",
    "https://www.shop.com/c", "https://www.shop.com/orphan", "https://blog.shop.com/post"};

/// site_authority of `site` on the fixture plus followable links `extra` (source → target).
web::site_authority_result recompute(const std::vector<std::pair<std::string, std::string>>& extra,
                                     const std::string& site, const web::authority_options& o) {
    linkequity::test::temp_dir d("le-site-plan");
    std::vector<std::string> files{fixture};
    if (!extra.empty()) {
        std::ofstream f(d.file("extra.csv"));
        f << "source,target,anchor,rel\n";
        for (const auto& [s, t] : extra) f << s << ',' << t << ",x,\n";
        files.push_back(d.file("extra.csv"));
    }
    return web::site_authority(web::web_graph::read(files), site, o);
}

/// The internal score and authority of page `url` in `r`.
std::pair<double, double> of(const web::web_graph& g, const web::site_authority_result& r,
                             const std::string& url) {
    const node_id i = r.site.node_of(*g.find_page(url));
    return {r.table.score[i], r.table.authority[i]};
}

}  // namespace

TEST_CASE("site plan: every gain equals site_authority recomputed with the link",
          "[plan][site][oracle]") {
    const web::web_graph g = web::web_graph::read({fixture});
    for (bool evaporate : {false, true}) {
        analysis::web_plan_options o;
        o.site = "shop.com";
        o.top = 0;
        o.links = 3;
        o.authority.pagerank.tolerance = 1e-14;
        o.authority.pagerank.max_iterations = 2000;
        if (evaporate) o.authority.pagerank.excluded_links = excluded_link_mode::evaporate;
        const auto before = recompute({}, "shop.com", o.authority);
        for (const std::string& target : shop_pages) {
            INFO("evaporate " << evaporate << " target " << target);
            const auto p = analysis::plan_links(g, target, {}, o);
            CHECK(p.site == "shop.com");
            CHECK(p.level == analysis::plan_level::page);
            const auto [x, a] = of(g, before, target);
            CHECK(p.plan.score_before == Approx(x).epsilon(1e-9));
            CHECK(p.plan.authority_before == Approx(a).margin(1e-9));
            // the default candidates: every other site page without a followable internal link
            // to the target (the fixture's links by hand: / → a, b, post; a → b; b → /;
            // b → c nofollow; orphan → a; post → /)
            const std::set<std::pair<std::string, std::string>> followable{
                {shop_pages[0], shop_pages[1]}, {shop_pages[0], shop_pages[2]},
                {shop_pages[0], shop_pages[5]}, {shop_pages[1], shop_pages[2]},
                {shop_pages[2], shop_pages[0]}, {shop_pages[4], shop_pages[1]},
                {shop_pages[5], shop_pages[0]}};
            std::set<std::string> expected, got;
            for (const auto& s : shop_pages)
                if (s != target && !followable.count({s, target})) expected.insert(s);
            for (const auto& row : p.plan.candidates) got.insert(std::string(p.name(g, row.source)));
            CHECK(got == expected);
            double best = -1;
            std::string best_source;
            for (const auto& row : p.plan.candidates) {
                const std::string source(p.name(g, row.source));
                const double truth =
                    of(g, recompute({{source, target}}, "shop.com", o.authority), target).first - x;
                INFO("source " << source << " existing " << row.existing);
                CHECK(row.existing == (source == shop_pages[2] && target == shop_pages[3]));
                CHECK(std::fabs(row.gain - truth) <= 0.01 * std::fabs(truth) + 1e-15);
                CHECK(std::fabs(row.gain - truth) <= row.error_bound + 1e-13);
                CHECK(p.plan.authority[row.source] ==
                      Approx(of(g, before, source).second).margin(1e-9));
                if (truth > best) best = truth, best_source = source;
            }
            REQUIRE(!p.plan.steps.empty());
            // the first pick is the brute-force best (or ties with it)
            const std::string first(p.name(g, p.plan.steps[0].source));
            const double picked =
                of(g, recompute({{first, target}}, "shop.com", o.authority), target).first - x;
            CHECK(picked >= best * (1 - 1e-9));
            // every step equals a recompute with all the picks so far
            std::vector<std::pair<std::string, std::string>> added;
            for (const auto& s : p.plan.steps) {
                added.emplace_back(std::string(p.name(g, s.source)), target);
                const auto [xs, as] = of(g, recompute(added, "shop.com", o.authority), target);
                CHECK(s.score == Approx(xs).epsilon(1e-9));
                CHECK(s.authority == Approx(as).margin(1e-6));
            }
            CHECK(p.plan.steps.size() == std::min<std::size_t>(3, expected.size()));
        }
    }
}

TEST_CASE("site plan: given candidates, a host as the site, and bad input", "[plan][site]") {
    const web::web_graph g = web::web_graph::read({fixture});
    analysis::web_plan_options o;
    o.site = "shop.com";
    o.top = 0;
    const std::string c = "https://www.shop.com/c";
    // given candidates (URLs normalised); one that already links followably is skipped
    const auto some = analysis::plan_links(
        g, "https://www.shop.com/a", {"HTTPS://www.shop.com/orphan", "https://www.shop.com/"}, o);
    CHECK(some.plan.ranked == 0);
    CHECK(some.plan.skipped == 2);  // both link followably to /a already
    const auto given =
        analysis::plan_links(g, c, {"https://blog.shop.com/post", "https://www.shop.com/b"}, o);
    REQUIRE(given.plan.ranked == 2);
    CHECK(given.plan.steps[0].source == given.plan.candidates[0].source);
    // a host: the blog post is another host, not on the site
    o.site = "www.shop.com";
    const auto host = analysis::plan_links(g, c, {}, o);
    CHECK(host.site == "www.shop.com");
    CHECK(host.site_pages.size() == 5);
    CHECK(host.plan.ranked == 4);  // /, /a, /b (nofollow made followable), /orphan
    CHECK_THROWS_WITH(analysis::plan_links(g, c, {"https://blog.shop.com/post"}, o),
                      Contains("candidate 'https://blog.shop.com/post' is not a page of site "
                               "'www.shop.com'"));
    o.site = "shop.com";
    CHECK_THROWS_WITH(analysis::plan_links(g, "https://other.com/x", {}, o),
                      Contains("target 'https://other.com/x' is not a page of site 'shop.com'"));
    CHECK_THROWS_WITH(analysis::plan_links(g, "https://www.shop.com/nowhere", {}, o),
                      Contains("target 'https://www.shop.com/nowhere' is not a page of the links"));
    CHECK_THROWS_WITH(analysis::plan_links(g, c, {"https://other.com/"}, o),
                      Contains("candidate 'https://other.com/' is not a page of site 'shop.com'"));
    CHECK_THROWS_WITH(analysis::plan_links(g, c, {"https://www.shop.com/c"}, o),
                      Contains("is the target"));
    o.site = "nope.example";
    CHECK_THROWS_WITH(analysis::plan_links(g, c, {}, o),
                      Contains("site 'nope.example' is not a domain or host of the links"));
}
