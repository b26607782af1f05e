// SPDX-License-Identifier: MIT
// The backlink commands end to end (gap, anchors, profile, export, report): CSV/XML/HTML files on
// the hand-made fixture tests/data/analysis/backlinks.csv, every command on the crawl fixtures of
// tests/data/links, and bad input (unknown target, empty keywords, competitor = --exclude) with
// exit code 2 and a clear message. Runs the built binary; skipped with a warning when absent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.hpp"
#include "temp_files.hpp"

namespace fs = std::filesystem;
using namespace linkequity::testing;

namespace {

const std::string data = std::string(LINKEQUITY_TEST_DATA);
const std::string fixture = data + "/analysis/backlinks.csv";

}  // namespace

TEST_CASE("cli analysis: gap writes the hand-computed CSV", "[cli][analysis]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-gap");
    const auto r = run("gap '" + fixture + "' --competitors comp-a.com,comp-b.com,comp-c.com "
                       "--exclude my-shop.com --out gap.csv", d.path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(slurp(d.path / "gap.csv") ==
          "domain,authority,targets_linked,comp-a.com,comp-b.com,comp-c.com,links\n"
          "r1.org,0.000,3,true,true,true,3\n"
          "r2.net,0.000,2,true,true,false,2\n"
          "r4.io,0.000,1,false,false,true,1\n"
          "r5.de,0.000,1,false,true,false,2\n");
    const auto m = run("gap '" + fixture + "' --competitors comp-a.com,comp-b.com --min 2", d.path);
    CHECK(m.code == 0);
    CHECK(m.out.find("r3.com") != std::string::npos);  // no --exclude: r3.com is back
    const auto bad = run("gap '" + fixture + "' --competitors comp-a.com --exclude comp-a.com --out x.csv", d.path);
    CHECK(bad.code == 2);
    CHECK(bad.err.find("also the excluded (own) domain") != std::string::npos);
    CHECK_FALSE(fs::exists(d.path / "x.csv"));
    const auto unknown = run("gap '" + fixture + "' --competitors nope.example", d.path);
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("competitor 'nope.example' is not a domain of the links") != std::string::npos);
}

TEST_CASE("cli analysis: anchors CSV and errors", "[cli][analysis]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-anchors");
    const auto r = run("anchors my-shop.com '" + fixture + "' --keywords 'running shoes' --out a.csv", d.path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string csv = slurp(d.path / "a.csv");
    CHECK(csv.rfind("anchor,class,links,referring_domains,share\nMy Shop,branded,13,2,0.448276\n", 0) == 0);
    CHECK(csv.find("\nRunning Shoes,exact,2,2,0.068966\n") != std::string::npos);
    CHECK(csv.find("\n,empty,1,1,0.034483\n") != std::string::npos);
    CHECK(r.out.find("branded 14 (48.3%)") != std::string::npos);
    const auto empty = run("anchors my-shop.com '" + fixture + "' --keywords ''", d.path);
    CHECK(empty.code == 2);
    CHECK(empty.err.find("--keywords is empty") != std::string::npos);
    const auto unknown = run("anchors nope.org '" + fixture + "'", d.path);
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("target 'nope.org' is not a domain of the links") != std::string::npos);
}

TEST_CASE("cli analysis: profile prints months and sitewide, CSV of every domain", "[cli][analysis]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-profile");
    const auto r = run("profile my-shop.com '" + fixture + "' --top 3 --out p.csv", d.path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("backlinks    29 from 10 referring domains (25 pages)") != std::string::npos);
    CHECK(r.out.find("sitewide     2 domains, 15 links") != std::string::npos);
    CHECK(r.out.find("2024-04            1            1         2          2") != std::string::npos);
    const std::string csv = slurp(d.path / "p.csv");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 11);  // header + 10 domains despite --top 3
    CHECK(csv.find("\nsw.net,0.000,") != std::string::npos);
}

TEST_CASE("cli analysis: export and report files", "[cli][analysis]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-export");
    auto r = run("export '" + fixture + "' --out g.gexf --top 5", d.path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(slurp(d.path / "g.gexf").find("<gexf xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
    r = run("export '" + fixture + "' --level host --format graphml --out g.xml", d.path);
    REQUIRE(r.code == 0);
    CHECK(slurp(d.path / "g.xml").find("<graphml") != std::string::npos);
    r = run("report my-shop.com '" + fixture + "' --keywords 'running shoes' --out r.html", d.path);
    REQUIRE(r.code == 0);
    const std::string html = slurp(d.path / "r.html");
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("href=\"http") == std::string::npos);
    r = run("report nope.org '" + fixture + "' --out n.html", d.path);
    CHECK(r.code == 2);
    CHECK_FALSE(fs::exists(d.path / "n.html"));
}

TEST_CASE("cli analysis: every command on the crawl fixtures", "[cli][analysis]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-crawl");
    for (const char* f : {"generic.csv", "screaming_frog_all_inlinks.csv", "ahrefs_legacy.csv",
                          "majestic_backlinks.csv", "ahrefs_backlinks_utf16le.tsv"}) {
        const std::string links = "'" + data + "/links/" + f + "'";
        INFO(f);
        CHECK(run("gap " + links + " --competitors example.org,example.com --out g.csv", d.path).code == 0);
        CHECK(run("anchors example.org " + links + " --out a.csv", d.path).code == 0);
        CHECK(run("profile example.org " + links + " --out p.csv", d.path).code == 0);
        CHECK(run("export " + links + " --out e.graphml", d.path).code == 0);
        const auto r = run("report example.org " + links + " --out r.html", d.path);
        INFO(r.err);
        CHECK(r.code == 0);
        CHECK(slurp(d.path / "r.html").find("Backlink report: example.org") != std::string::npos);
    }
}
