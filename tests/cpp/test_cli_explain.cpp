// SPDX-License-Identifier: MIT
// `linkequity explain` and `linkequity score --site` end to end on the web fixtures: the CSV
// and table, the shares adding up with the target's own part, the site files (orphans, dead
// ends), unchanged default output, and bad input (unknown target / site, bad level) with exit
// code 2. Runs the built binary; skipped with a warning when absent.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "temp_files.hpp"

using namespace linkequity::testing;

namespace {

const std::string data = std::string(LINKEQUITY_TEST_DATA);
const std::string small = data + "/web/small.csv";
const std::string site = data + "/web/site.csv";

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

}  // namespace

TEST_CASE("cli explain: domain table and CSV", "[cli][explain]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-explain");
    const auto t = run("explain alpha.com '" + small + "'", d.path);
    INFO(t.err);
    REQUIRE(t.code == 0);
    CHECK_THAT(t.out, Catch::Matchers::Contains("explain      domain alpha.com: score"));
    CHECK_THAT(t.out, Catch::Matchers::Contains("3 contributors (3 link to it)"));
    const auto c = run("explain alpha.com '" + small + "' --out ex.csv --tolerance 1e-15", d.path);
    REQUIRE(c.code == 0);
    const auto rows = lines(slurp(d.path / "ex.csv"));
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "domain,all_paths,share,one_hop,links,followable,authority,score");
    // Equal contributions (one out-link each into alpha.com) break the tie by one_hop.
    CHECK(rows[1].rfind("gamma.blogspot.com,", 0) == 0);
    CHECK(rows[2].rfind("example.com.au,", 0) == 0);
    CHECK(rows[3].rfind("beta.co.uk,", 0) == 0);
    CHECK_THAT(rows[3], Catch::Matchers::Contains(",2,2,"));  // two links, both followable
}

TEST_CASE("cli explain: page level and top", "[cli][explain]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-explain-page");
    const auto r = run("explain https://www.alpha.com/about '" + small +
                       "' --level page --top 2 --out p.csv", d.path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto rows = lines(slurp(d.path / "p.csv"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].rfind("url,all_paths,", 0) == 0);
}

TEST_CASE("cli explain: bad input", "[cli][explain][errors]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-explain-bad");
    const auto u = run("explain nowhere.org '" + small + "'", d.path);
    CHECK(u.code == 2);
    CHECK_THAT(u.err, Catch::Matchers::Contains("target 'nowhere.org' is not a domain of the links"));
    const auto p = run("explain https://www.alpha.com/nope '" + small + "' --level page", d.path);
    CHECK(p.code == 2);
    CHECK_THAT(p.err, Catch::Matchers::Contains("is not a page of the links"));
    const auto l = run("explain alpha.com '" + small + "' --level site", d.path);
    CHECK(l.code == 2);
    const auto m = run("explain alpha.com missing.csv", d.path);
    CHECK(m.code == 3);
}

TEST_CASE("cli score --site: site orphans and dead-end files", "[cli][site]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-site");
    const auto r = run("score '" + site + "' --site shop.com --out out", d.path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Matchers::Contains("site         shop.com (domain): 6 pages, 8 "
                                                "internal followable links"));
    CHECK_THAT(r.out, Catch::Matchers::Contains("2 orphans"));
    const auto site_rows = lines(slurp(d.path / "out/site.csv"));
    REQUIRE(site_rows.size() == 7);
    CHECK(site_rows[0].rfind("url,host,domain,score,authority,rank,backlinks,", 0) == 0);
    CHECK_THAT(site_rows[0], Catch::Matchers::EndsWith(
                                 "internal_in_links,internal_out_links,orphan,dead_end"));
    CHECK(site_rows[1].rfind("https://www.shop.com/,www.shop.com,shop.com,", 0) == 0);
    const auto orphans = lines(slurp(d.path / "out/orphans.csv"));
    REQUIRE(orphans.size() == 3);
    CHECK(orphans[1].rfind("https://www.shop.com/c,", 0) == 0);
    CHECK(orphans[2].rfind("https://www.shop.com/orphan,", 0) == 0);
    const auto dead = lines(slurp(d.path / "out/dead_ends.csv"));
    REQUIRE(dead.size() == 2);
    CHECK(dead[1].rfind("https://www.shop.com/c,", 0) == 0);
    // A host: only www.shop.com's five pages.
    const auto h = run("score '" + site + "' --site www.shop.com --out host", d.path);
    REQUIRE(h.code == 0);
    CHECK(lines(slurp(d.path / "host/site.csv")).size() == 6);
    // Without --site the output is what it was: no site files.
    const auto plain = run("score '" + site + "' --out plain", d.path);
    REQUIRE(plain.code == 0);
    CHECK(slurp(d.path / "plain/pages.csv") == slurp(d.path / "out/pages.csv"));
    CHECK_FALSE(std::filesystem::exists(d.path / "plain/site.csv"));
}

TEST_CASE("cli score --site: an unknown site writes nothing", "[cli][site][errors]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-site-bad");
    const auto r = run("score '" + site + "' --site nowhere.org --out out", d.path);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Matchers::Contains("site 'nowhere.org' is not a domain or host"));
    CHECK_FALSE(std::filesystem::exists(d.path / "out/pages.csv"));
}
