// SPDX-License-Identifier: MIT
// Trust on the web model: seed files (entries, comments, bad lines with file and line), how
// entries resolve onto pages, hosts and domains, the trust columns of a small fixture against
// hand-computed values, and `linkequity score --trusted/--spam` end to end.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "cli_runner.hpp"
#include "linkequity/error.hpp"
#include "linkequity/web/trust.hpp"

using namespace linkequity;
using namespace linkequity::web;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
namespace fs = std::filesystem;

namespace {

const std::string data = std::string(LINKEQUITY_TEST_DATA);

std::vector<std::string> names(const web_graph& g, const std::vector<node_id>& ids,
                               table_level level) {
    std::vector<std::string> out;
    for (node_id i : ids) out.emplace_back(name_of(g, level, i));
    std::sort(out.begin(), out.end());
    return out;
}

/// The score tables of links.csv (domains and pages) with the trust columns.
struct fixture {
    web_graph g = web_graph::read({data + "/trust/links.csv"});
    authority_result a = compute_authority(g);
    score_table pages = make_score_table(g, table_level::pages, std::move(a.pages));
    score_table domains = make_score_table(g, table_level::domains, std::move(a.domains));
};

double value(const fixture& f, const score_table& t, const char* column, const char* name) {
    const auto d = f.g.find_domain(name);
    REQUIRE(d);
    return t.values<double>(column)[*d];
}

}  // namespace

TEST_CASE("seeds: entries, comments, duplicates", "[trust][seeds]") {
    const seed_list s = seed_list::parse(
        "\xEF\xBB\xBF# trusted\n\nExample.COM\r\n  www.example.com  \ndomain:example.org\n"
        "https://Example.com:443/a#x\nexample.com\n",
        "seeds.txt");
    REQUIRE(s.entries().size() == 4);
    CHECK(s.lines() == 7);
    CHECK(s.entries()[0].kind == seed_kind::name);
    CHECK(s.entries()[0].value == "example.com");
    CHECK(s.entries()[0].line == 3);
    CHECK(s.entries()[1].value == "www.example.com");
    CHECK(s.entries()[2].kind == seed_kind::domain);
    CHECK(s.entries()[2].value == "example.org");
    CHECK(s.entries()[3].kind == seed_kind::url);
    CHECK(s.entries()[3].value == "https://example.com/a");
}

TEST_CASE("seeds: bad lines name the file, the line and the text", "[trust][seeds][errors]") {
    CHECK_THROWS_WITH(seed_list::read(data + "/trust/bad.txt"),
                      Contains("bad.txt:3: \"example.com/page\" is not a domain, a host or an "
                               "absolute http(s) URL"));
    CHECK_THROWS_AS(seed_list::parse("ok.com\nmailto:x@y.com\n", "s.txt"), parse_error);
    CHECK_THROWS_WITH(seed_list::parse("ok.com\nmailto:x@y.com\n", "s.txt"),
                      Contains("s.txt:2: \"mailto:x@y.com\""));
    CHECK_THROWS_WITH(seed_list::parse("a.com:8080\n", "s.txt"), Contains("s.txt:1:"));
    CHECK_THROWS_WITH(seed_list::parse("domain:\n", "s.txt"), Contains("has no domain"));
    CHECK_THROWS_WITH(seed_list::parse("ok.com\n\xFF\n", "s.txt"),
                      Contains("s.txt:2: line is not UTF-8"));
    CHECK_THROWS_WITH(seed_list::read(data + "/trust/missing.txt"), Contains("cannot open"));
    const seed_list lenient = seed_list::read(data + "/trust/bad.txt", true);
    CHECK(lenient.entries().size() == 2);
    REQUIRE(lenient.skipped().size() == 1);
    CHECK(lenient.skipped()[0].line == 3);
    CHECK(lenient.skipped()[0].text == "example.com/page");
    CHECK_THROWS_WITH(seed_list::from_entries({"a.com", " "}, "trusted"),
                      Contains("trusted:2: empty entry"));
}

TEST_CASE("seeds: a domain, a host and a URL resolve onto every level", "[trust][seeds]") {
    const web_graph g = web_graph::read({data + "/web/small.csv"});
    // alpha.com: the domain, both its hosts, all their pages.
    seed_nodes s = resolve_seeds(g, seed_list::parse("alpha.com\n"));
    CHECK(names(g, s.domains, table_level::domains) == std::vector<std::string>{"alpha.com"});
    CHECK(names(g, s.hosts, table_level::hosts) ==
          std::vector<std::string>{"blog.alpha.com", "www.alpha.com"});
    CHECK(names(g, s.pages, table_level::pages) ==
          std::vector<std::string>{"https://blog.alpha.com/post-1", "https://www.alpha.com/",
                                   "https://www.alpha.com/about"});
    // A host: its domain, itself, its pages.
    s = resolve_seeds(g, seed_list::parse("blog.alpha.com\n"));
    CHECK(names(g, s.domains, table_level::domains) == std::vector<std::string>{"alpha.com"});
    CHECK(names(g, s.hosts, table_level::hosts) == std::vector<std::string>{"blog.alpha.com"});
    CHECK(names(g, s.pages, table_level::pages) ==
          std::vector<std::string>{"https://blog.alpha.com/post-1"});
    // A URL: its domain, its host, the page; unknown entries are listed, not fatal.
    s = resolve_seeds(g, seed_list::parse("https://beta.co.uk/\nnowhere.org\n"
                                          "domain:www.alpha.com\n"));
    CHECK(names(g, s.domains, table_level::domains) == std::vector<std::string>{"beta.co.uk"});
    CHECK(names(g, s.hosts, table_level::hosts) == std::vector<std::string>{"beta.co.uk"});
    CHECK(names(g, s.pages, table_level::pages) ==
          std::vector<std::string>{"https://beta.co.uk/"});
    REQUIRE(s.unmatched.size() == 2);  // nowhere.org; www.alpha.com is a host, not a domain
    CHECK(s.unmatched[1].line == 3);
}

TEST_CASE("trust columns: hand-computed values on a farm fixture", "[trust][web]") {
    // Domains (one page each): a → b → c, farm1 → spam, farm2 → spam, spam → c; trusted a,
    // spam spam.com. α = 0.85.
    fixture f;
    const seed_list trusted = seed_list::read(data + "/trust/trusted.txt");
    const seed_list spam = seed_list::read(data + "/trust/spam.txt");
    const trust_report r =
        add_trust_columns(f.g, authority_options{}, trusted, &spam, f.pages, f.domains, nullptr);
    CHECK(r.domains.trusted_seeds == 1);
    CHECK(r.pages.spam_seeds == 1);
    // TrustRank: c's (dangling) score returns to a: x_a = 0.15 / (1 − 0.85³), x_b = 0.85 x_a.
    const double xa = 0.15 / (1 - 0.85 * 0.85 * 0.85), xb = 0.85 * xa, xc = 0.85 * xb;
    for (const score_table* t : {&f.domains, &f.pages}) {
        CHECK_THAT(value(f, *t, "trust", "a.com"), WithinAbs(xa, 1e-9));
        CHECK_THAT(value(f, *t, "trust", "c.com"), WithinAbs(xc, 1e-9));
        CHECK(value(f, *t, "trust", "spam.com") == 0.0);
    }
    // trust_authority: floor f = (0.15 + 0.85 x_c) / 6; a is 100.
    const double fl = (0.15 + 0.85 * xc) / 6;
    CHECK_THAT(value(f, f.domains, "trust_authority", "a.com"), WithinAbs(100, 1e-9));
    CHECK_THAT(value(f, f.domains, "trust_authority", "b.com"),
               WithinAbs(100 * std::log(xb / fl) / std::log(xa / fl), 1e-6));
    CHECK(value(f, f.domains, "trust_authority", "farm1.com") == 0.0);
    // trust_ratio: trust_authority / max(authority, 1); a.com has authority 0.
    CHECK_THAT(value(f, f.domains, "trust_ratio", "a.com"), WithinAbs(100, 1e-9));
    CHECK_THAT(value(f, f.domains, "trust_ratio", "b.com"),
               WithinAbs(value(f, f.domains, "trust_authority", "b.com") /
                             value(f, f.domains, "authority", "b.com"), 1e-12));
    // Spam mass, t = 0.15/6: p_b = 1.85t, p′_b = 0.85t; p_c = t(1 + 0.85(1.85 + 2.7)),
    // p′_c = 0.85² t; the farms and spam.com get nothing from the core.
    CHECK_THAT(value(f, f.domains, "spam_mass", "b.com"), WithinAbs(1 - 0.85 / 1.85, 1e-9));
    CHECK_THAT(value(f, f.domains, "spam_mass", "c.com"),
               WithinAbs(1 - 0.7225 / (1 + 0.85 * 4.55), 1e-9));
    CHECK_THAT(value(f, f.domains, "spam_mass", "a.com"), WithinAbs(0.0, 1e-9));  // tolerance 1e-10
    CHECK(value(f, f.domains, "spam_mass", "spam.com") == 1.0);
    // Anti-trust over the reversed graph from spam.com: x_s = 0.15 / (1 − 0.85²), each farm
    // 0.85 x_s / 2; c.com (linked *from* spam) gets none.
    const double xs = 0.15 / (1 - 0.85 * 0.85);
    CHECK_THAT(value(f, f.domains, "anti_trust", "spam.com"), WithinAbs(xs, 1e-9));
    CHECK_THAT(value(f, f.domains, "anti_trust", "farm2.com"), WithinAbs(0.425 * xs, 1e-9));
    CHECK(value(f, f.domains, "anti_trust", "c.com") == 0.0);
    // Columns appended in order.
    const auto& cols = f.domains.columns;
    const std::vector<std::string> expected = trust_column_names(true);
    REQUIRE(cols.size() >= expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        CHECK(cols[cols.size() - expected.size() + i].name == expected[i]);
}

TEST_CASE("trust columns: seeds naming nothing are an error", "[trust][web][errors]") {
    fixture f;
    CHECK_THROWS_WITH(add_trust_columns(f.g, authority_options{},
                                        seed_list::parse("nowhere.org\n", "t.txt"), nullptr,
                                        f.pages, f.domains, nullptr),
                      Contains("trusted seeds: none of the 1 entries of t.txt"));
}

TEST_CASE("cli: score --trusted --spam adds the trust columns", "[trust][cli]") {
    using namespace linkequity::testing;
    if (!cli_available()) return;
    const fs::path d = fs::temp_directory_path() /
                       ("linkequity_test_trust_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    const std::string in = data + "/trust/";
    run_result r = run("score " + in + "links.csv --trusted " + in + "trusted.txt --spam " + in +
                           "spam.txt --hosts -o out", d);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Contains("domain trust 1 trusted seed, 1 spam seeds"));
    for (const char* file : {"domains.csv", "pages.csv", "hosts.csv"}) {
        const std::string csv = slurp(d / "out" / file);
        const std::string header = csv.substr(0, csv.find('\n'));
        CHECK_THAT(header, Contains(",trust,trust_authority,trust_ratio,spam_mass,anti_trust,"
                                    "cheirank"));
    }
    CHECK_THAT(slurp(d / "out" / "domains.csv"), Contains("\na.com,") );
    r = run("score " + in + "links.csv --trusted " + in + "bad.txt -o out2", d);
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Contains("bad.txt:3: \"example.com/page\""));
    CHECK_FALSE(fs::exists(d / "out2"));
    r = run("score " + in + "links.csv --spam " + in + "spam.txt -o out3", d);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Contains("--spam needs --trusted"));
    fs::remove_all(d);
}
