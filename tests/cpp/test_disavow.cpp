// SPDX-License-Identifier: MIT
// disavow_list: Google's disavow format (Search Console help) — domain: entries covering
// subdomains, URL entries compared after normalisation, comments, blank lines, the 2 MB /
// 100,000-line / 2,048-character limits, strict errors with line numbers, lenient skipping.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "linkequity/error.hpp"
#include "linkequity/web/disavow.hpp"
#include "linkequity/web/url.hpp"

using linkequity::parse_error;
using linkequity::web::disavow_list;
using linkequity::web::disavow_max_bytes;
using linkequity::web::disavow_max_lines;
using linkequity::web::normalize_url;

namespace {
const std::string data_dir = LINKEQUITY_TEST_DATA "/disavow/";

// The parse_error thrown by parse(text), or a default one with line 0 when none is thrown.
parse_error error_of(std::string_view text, const std::string& name = "f.txt") {
    try {
        disavow_list::parse(text, name);
    } catch (const parse_error& e) {
        return e;
    }
    return parse_error("<none>", 0, 0, "no error");
}
}  // namespace

TEST_CASE("disavow: domain entries cover the domain and every subdomain", "[disavow]") {
    const auto d = disavow_list::parse("domain:example.com\n");
    CHECK(d.num_domains() == 1);
    CHECK(d.num_urls() == 0);
    CHECK(d.matches_host("example.com"));
    CHECK(d.matches_host("www.example.com"));
    CHECK(d.matches_host("a.b.example.com"));
    CHECK_FALSE(d.matches_host("badexample.com"));
    CHECK_FALSE(d.matches_host("example.com.au"));
    CHECK_FALSE(d.matches_host("com"));
    CHECK_FALSE(d.matches_host("example.org"));
    CHECK_FALSE(d.matches_host(""));
    CHECK(d.matches("http://www.example.com/any/page?x=1", "www.example.com"));
    CHECK(d.matches("https://deep.sub.example.com/", ""));  // host taken from the URL
    CHECK(d.matches("http://user@example.com:8080/x"));
    CHECK_FALSE(d.matches("http://notexample.com/", "notexample.com"));
}

TEST_CASE("disavow: a subdomain entry does not cover its parent", "[disavow]") {
    const auto d = disavow_list::parse("domain:blog.example.com");
    CHECK(d.matches_host("blog.example.com"));
    CHECK(d.matches_host("x.blog.example.com"));
    CHECK_FALSE(d.matches_host("example.com"));
    CHECK_FALSE(d.matches_host("www.example.com"));
}

TEST_CASE("disavow: URL entries match one page after normalisation", "[disavow]") {
    const auto d = disavow_list::parse(
        "http://spam.example.com/links.html\n"
        "HTTPS://Other.Example.org:443/a/./b/../page.php?id=7#top\n");
    CHECK(d.num_urls() == 2);
    CHECK(d.num_domains() == 0);
    CHECK(d.matches_url("http://spam.example.com/links.html"));
    CHECK(d.matches_url("https://other.example.org/a/page.php?id=7"));
    CHECK_FALSE(d.matches_url("https://spam.example.com/links.html"));  // other scheme
    CHECK_FALSE(d.matches_url("http://spam.example.com/other.html"));
    CHECK_FALSE(d.matches_url("https://other.example.org/a/page.php?id=8"));
    const auto src = normalize_url("http://SPAM.example.com:80/links.html#frag");
    CHECK(d.matches(src.url, src.host));
    CHECK_FALSE(d.matches("http://spam.example.com/", "spam.example.com"));  // page, not domain
}

TEST_CASE("disavow: comments, blank lines, whitespace, CRLF, BOM", "[disavow]") {
    const auto d = disavow_list::parse(
        "# a comment\n"
        "\n"
        "   \t\n"
        "   # indented comment\n"
        "domain:a.example\r\n"
        "  http://b.example/page  \n"
        "DOMAIN: c.example\n"
        "#domain:not-disavowed.example\n");
    CHECK(d.num_domains() == 2);
    CHECK(d.num_urls() == 1);
    CHECK(d.matches_host("c.example"));
    CHECK_FALSE(d.matches_host("not-disavowed.example"));
    const auto& r = d.report();
    CHECK(r.lines == 8);
    CHECK(r.comment_lines == 3);
    CHECK(r.blank_lines == 2);
    CHECK(r.domain_lines == 2);
    CHECK(r.url_lines == 1);
    CHECK(r.skipped.empty());
    CHECK(r.source == "<text>");
}

TEST_CASE("disavow: domains normalised (case, trailing dot, IDN), duplicates kept once",
          "[disavow]") {
    const auto d = disavow_list::parse(
        "domain:Example.COM.\ndomain:example.com\ndomain:bücher.de\ndomain:192.0.2.1\n");
    CHECK(d.num_domains() == 3);
    CHECK(d.report().duplicates == 1);
    CHECK(d.domains() == std::vector<std::string>{"192.0.2.1", "example.com", "xn--bcher-kva.de"});
    CHECK(d.matches_host("www.xn--bcher-kva.de"));
    CHECK(d.matches_host("192.0.2.1"));
    CHECK_FALSE(d.matches_host("10.192.0.2.1"));  // IP entries match exactly (not a real host)
}

TEST_CASE("disavow: read() a file", "[disavow]") {
    const auto d = disavow_list::read(data_dir + "basic.txt");
    CHECK(d.num_domains() == 4);
    CHECK(d.num_urls() == 3);
    const auto& r = d.report();
    CHECK(r.lines == 14);
    CHECK(r.comment_lines == 3);
    CHECK(r.blank_lines == 2);
    CHECK(r.domain_lines == 5);
    CHECK(r.url_lines == 4);
    CHECK(r.duplicates == 2);
    CHECK(r.source == data_dir + "basic.txt");
    CHECK(d.matches_host("x.spam-links.net"));
    CHECK(d.matches_host("shadyseo.biz"));
    CHECK(d.matches_host("www.xn--bcher-kva.de"));
    CHECK(d.matches_url("http://forum.example.org/thread/123"));
    CHECK(d.matches_url("https://www.example-blog.com/tag/cheap-pills/?page=2"));
    CHECK_FALSE(d.matches_url("http://www.example-blog.com/contentB.html"));
}

TEST_CASE("disavow: BOM and Windows line endings in a file", "[disavow]") {
    const auto d = disavow_list::read(data_dir + "bom_crlf.txt");
    CHECK(d.domains() == std::vector<std::string>{"bom.example"});
    CHECK(d.urls() == std::vector<std::string>{"http://crlf.example/a"});
    CHECK(d.report().lines == 4);
    CHECK(d.report().blank_lines == 1);
}

TEST_CASE("disavow: strict mode names file, line and reason", "[disavow]") {
    try {
        disavow_list::read(data_dir + "malformed.txt");
        FAIL("no parse_error");
    } catch (const parse_error& e) {
        CHECK(e.path() == data_dir + "malformed.txt");
        CHECK(e.line() == 2);
        CHECK(e.reason().find("domain:example.com") != std::string::npos);  // the hint
        CHECK(std::string(e.what()).find("malformed.txt:2: ") != std::string::npos);
    }
}

TEST_CASE("disavow: malformed lines and their reasons", "[disavow]") {
    auto check = [](const std::string& text, std::size_t line, const std::string& words) {
        const auto e = error_of(text);
        INFO(text << " -> " << e.what());
        CHECK(e.path() == "f.txt");
        CHECK(e.line() == line);
        CHECK(e.reason().find(words) != std::string::npos);
    };
    check("domain:example.com/path\n", 1, "subpaths");  // Google: no subpaths
    check("# ok\ndomain:example.com/\n", 2, "subpaths");
    check("domain:\n", 1, "no domain");
    check("domain:   \n", 1, "no domain");
    check("domain:http://example.com\n", 1, "URL");
    check("domain:*.example.com\n", 1, "wildcard");
    check("domain:example.com:8080\n", 1, "port");
    check("domain:user@example.com\n", 1, "user");
    check("domain:example.com?x\n", 1, "query");
    check("domain:exa mple.com\n", 1, "space");
    check("domain:exa<mple.com\n", 1, "not a valid domain");
    check("\n\nexample.com\n", 3, "not an absolute URL");
    check("/relative/page.html\n", 1, "not an absolute URL");
    check("mailto:x@example.com\n", 1, "mailto");
    check("ftp://files.example.com/x\n", 1, "ftp");
    check("http://\n", 1, "not a valid URL");
    check("http://example.com:99999/\n", 1, "port");
    check("http://example.com/\x01\n", 1, "control");
    check("# fine\nhttp://example.com/\xFF\n", 2, "UTF-8");
    check("# comment with bad byte \xC3\n", 1, "UTF-8");
}

TEST_CASE("disavow: URL length limit is 2,048 characters", "[disavow]") {
    const std::string prefix = "http://example.com/";
    const std::string at_limit = prefix + std::string(2048 - prefix.size(), 'a');
    const std::string over = at_limit + "a";
    CHECK(disavow_list::parse(at_limit + "\n").num_urls() == 1);
    const auto e = error_of("# c\n" + over + "\n");
    CHECK(e.line() == 2);
    CHECK(e.reason().find("2048") != std::string::npos);
}

TEST_CASE("disavow: 100,000-line limit, comments and blank lines included", "[disavow]") {
    std::string text;
    text.reserve(disavow_max_lines * 2);
    for (std::size_t i = 0; i < disavow_max_lines; ++i) text += (i % 2 == 0) ? "#\n" : "\n";
    const auto ok = disavow_list::parse(text);
    CHECK(ok.report().lines == disavow_max_lines);
    CHECK(ok.empty());
    text += "domain:one-too-many.example\n";
    const auto e = error_of(text);
    CHECK(e.line() == disavow_max_lines + 1);
    CHECK(e.reason().find("100000") != std::string::npos);
    // The limit holds in lenient mode too.
    CHECK_THROWS_AS(disavow_list::parse(text, "f.txt", true), parse_error);
}

TEST_CASE("disavow: 2 MB size limit", "[disavow]") {
    CHECK(disavow_max_bytes == 2097152);
    std::string text = "# " + std::string(disavow_max_bytes - 3, 'x') + "\n";
    CHECK(text.size() == disavow_max_bytes);
    CHECK(disavow_list::parse(text).report().comment_lines == 1);
    text += "\n";
    const auto e = error_of(text);
    CHECK(e.line() == 0);
    CHECK(e.reason().find("2 MB") != std::string::npos);
    CHECK_THROWS_AS(disavow_list::parse(text, "f.txt", true), parse_error);

    // read() checks the size before reading.
    const auto path = std::filesystem::temp_directory_path() / "linkequity_test_disavow_big.txt";
    {
        std::ofstream out(path, std::ios::binary);
        out << text;
    }
    try {
        disavow_list::read(path.string(), true);
        FAIL("no parse_error");
    } catch (const parse_error& err) {
        CHECK(err.path() == path.string());
        CHECK(err.reason().find("2097153 bytes") != std::string::npos);
    }
    std::filesystem::remove(path);
}

TEST_CASE("disavow: lenient mode skips, counts and reports bad lines", "[disavow]") {
    const auto d = disavow_list::read(data_dir + "malformed.txt", /*skip_bad=*/true);
    CHECK(d.num_domains() == 1);
    CHECK(d.num_urls() == 2);
    CHECK(d.matches_host("good.com"));
    CHECK(d.matches_url("http://ok.example/page"));
    CHECK(d.matches_url("https://fine.example/"));
    const auto& r = d.report();
    CHECK(r.lines == 10);
    REQUIRE(r.skipped.size() == 5);
    CHECK(r.skipped[0].line == 2);
    CHECK(r.skipped[0].text == "example.com");
    CHECK(r.skipped[1].line == 4);
    CHECK(r.skipped[1].reason.find("subpaths") != std::string::npos);
    CHECK(r.skipped[2].line == 5);
    CHECK(r.skipped[3].line == 7);
    CHECK(r.skipped[4].line == 9);
    CHECK(r.domain_lines + r.url_lines + r.comment_lines + r.blank_lines + r.skipped.size() ==
          r.lines);
}

TEST_CASE("disavow: missing file and empty input", "[disavow]") {
    CHECK_THROWS_AS(disavow_list::read(data_dir + "does-not-exist.txt"), parse_error);
    try {
        disavow_list::read(data_dir + "does-not-exist.txt");
    } catch (const parse_error& e) {
        CHECK(e.line() == 0);
        CHECK(e.reason().find("cannot open") != std::string::npos);
    }
    const auto d = disavow_list::parse("");
    CHECK(d.empty());
    CHECK(d.report().lines == 0);
    CHECK_FALSE(d.matches("http://example.com/", "example.com"));
    const auto no_newline = disavow_list::parse("domain:a.example");
    CHECK(no_newline.report().lines == 1);
}
