// SPDX-License-Identifier: MIT
// Tests of the export formats and the broken-file corpus: the same eight links come out of the
// generic CSV (in four encodings), Screaming Frog, Ahrefs (UTF-16LE TSV and older CSV) and Majestic
// fixtures in tests/data/links/; every file in tests/data/broken/ fails with file:line:column and
// reason in strict mode, and is counted by reason in lenient mode.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "linkequity/error.hpp"
#include "linkequity/io/link_source.hpp"

using namespace linkequity;
using namespace linkequity::io;

namespace {

const std::string links_dir = std::string(LINKEQUITY_TEST_DATA) + "/links/";
const std::string broken_dir = std::string(LINKEQUITY_TEST_DATA) + "/broken/";

struct expected_link {
    const char* source;
    const char* target;
    const char* anchor;
    edge_flags rel;
    link_position position;
    const char* first_seen;
};

// The links of tests/data/links/make_fixtures.py, in file order.
const std::vector<expected_link> expected = {
    {"https://blog.example.com/post-1", "https://shop.example.org/", "Best running shoes",
     flags::none, link_position::content, "2024-01-15"},
    {"https://blog.example.com/post-1", "https://shop.example.org/sale", "Sale, \"50% off\"",
     flags::nofollow, link_position::content, "2024-02-01"},
    {"https://news.example.net/a?x=1&y=2", "https://shop.example.org/", "Café crème",
     flags::sponsored, link_position::sidebar, "2023-11-30"},
    {"https://forum.example.io/t/42", "https://shop.example.org/p/1", "line one\nline two",
     flags::ugc, link_position::content, "2024-03-03"},
    {"https://forum.example.io/t/42", "https://blog.example.com/", "", flags::none,
     link_position::navigation, "2024-03-04"},
    {"https://日本.example.jp/ページ", "https://shop.example.org/", "日本語のリンク",
     flags::nofollow | flags::ugc, link_position::footer, "2022-07-19"},
    {"https://blog.example.com/post-2", "https://shop.example.org/emoji", "Shoes 👟", flags::none,
     link_position::header, "2024-05-05"},
    {"https://blog.example.com/post-2", "https://shop.example.org/p/1", "tab\there", flags::none,
     link_position::content, "2024-05-06"},
};

std::vector<raw_link> read_file(const std::string& path, const read_options& options = {},
                                read_report* report = nullptr) {
    std::vector<raw_link> out;
    read_report r = read_links(path, options, [&](const raw_link& l) { out.push_back(l); });
    if (report) *report = r;
    return out;
}

std::string error_of(const std::string& path, const read_options& options = {}) {
    try {
        read_file(path, options);
    } catch (const parse_error& e) {
        return e.what();
    }
    return "no error";
}

enum class compare { exact, followable };  // followable: formats with a single nofollow flag

void check_same_links(const std::string& file, link_format format, compare rel, bool positions,
                      bool dates) {
    INFO(file);
    read_report report;
    auto links = read_file(links_dir + file, {}, &report);
    CHECK(report.format == format);
    CHECK(detect_format(links_dir + file) == format);
    CHECK(report.links == expected.size());
    CHECK(report.skipped == 0);
    REQUIRE(links.size() == expected.size());
    for (std::size_t i = 0; i < links.size(); ++i) {
        INFO("link " << i);
        CHECK(links[i].source == expected[i].source);
        CHECK(links[i].target == expected[i].target);
        CHECK(links[i].anchor == expected[i].anchor);
        if (rel == compare::exact) {
            CHECK(int(links[i].rel) == int(expected[i].rel));
        } else {
            CHECK((links[i].rel != flags::none) == (expected[i].rel != flags::none));
        }
        if (positions) CHECK(links[i].position == expected[i].position);
        if (dates) CHECK(links[i].first_seen.rfind(expected[i].first_seen, 0) == 0);
    }
}

}  // namespace

TEST_CASE("formats: generic CSV in every encoding gives the same links", "[io][formats]") {
    for (const char* f : {"generic.csv", "generic_bom_crlf_semicolon.csv", "generic_utf16be.tsv",
                          "generic.tsv.gz"}) {
        check_same_links(f, link_format::generic, compare::exact, true, false);
    }
}

TEST_CASE("formats: Screaming Frog All Inlinks gives the same links, resources are counted",
          "[io][formats]") {
    check_same_links("screaming_frog_all_inlinks.csv", link_format::screaming_frog,
                     compare::exact, true, false);
    read_report report;
    read_file(links_dir + "screaming_frog_all_inlinks.csv", {}, &report);
    CHECK(report.resources == 5);  // Image, CSS, JavaScript, Canonical, Hreflang
    CHECK(report.rows == 13);
    // Versions before 11: AHREF / IMG types, no Rel or Link Position; Follow=false only.
    check_same_links("screaming_frog_legacy.csv", link_format::screaming_frog,
                     compare::followable, false, false);
    read_file(links_dir + "screaming_frog_legacy.csv", {}, &report);
    CHECK(report.resources == 1);
}

TEST_CASE("formats: Ahrefs (UTF-16LE TSV, and the older CSV) gives the same links",
          "[io][formats]") {
    check_same_links("ahrefs_backlinks_utf16le.tsv", link_format::ahrefs, compare::exact, false,
                     true);
    check_same_links("ahrefs_legacy.csv", link_format::ahrefs, compare::exact, false, true);
    auto links = read_file(links_dir + "ahrefs_backlinks_utf16le.tsv");
    CHECK(links[0].first_seen == "2024-01-15 10:22:31");
    CHECK(links[0].last_seen == "2024-06-01 04:00:00");
    links = read_file(links_dir + "ahrefs_legacy.csv");
    CHECK(links[7].last_seen == "2024-06-08");  // "Last Check"
}

TEST_CASE("formats: Majestic gives the same links (one nofollow flag)", "[io][formats]") {
    check_same_links("majestic_backlinks.csv", link_format::majestic, compare::followable, false,
                     true);
    auto links = read_file(links_dir + "majestic_backlinks.csv");
    CHECK(links[5].rel == flags::nofollow);
    CHECK(links[5].last_seen == "2024-06-06");
}

TEST_CASE("formats: a forced format is used even when the header says otherwise",
          "[io][formats]") {
    read_options options;
    options.format = link_format::generic;
    read_report report;
    // Majestic's "SourceURL"/"TargetURL"/"AnchorText" are generic synonyms; no flags then.
    auto links = read_file(links_dir + "majestic_backlinks.csv", options, &report);
    CHECK(report.format == link_format::generic);
    REQUIRE(links.size() == expected.size());
    CHECK(links[1].rel == flags::none);
    options.format = link_format::screaming_frog;
    CHECK(error_of(links_dir + "generic.csv", options).find(
              "header lacks the columns of the screaming-frog format: no target column (expected "
              "'Destination')") !=
          std::string::npos);
}

TEST_CASE("formats: SNAP edge lists, plain and gzip with weights", "[io][formats][edge_list]") {
    CHECK(detect_format(links_dir + "snap_edges.txt") == link_format::edge_list);
    edge_list e = read_edge_list(links_dir + "snap_edges.txt");
    CHECK(e.num_nodes == 5);
    CHECK(e.num_edges() == 6);
    CHECK(e.weights.empty());
    read_report report;
    e = read_edge_list(links_dir + "snap_weighted.csv.gz", {}, &report);
    CHECK(e.num_nodes == 3);
    CHECK(e.weights == std::vector<edge_weight>{0.5f, 2.0f, 1.25f});
    CHECK(report.rows == 3);
    read_options wrong;
    wrong.format = link_format::ahrefs;
    CHECK_THROWS_AS(read_edge_list(links_dir + "snap_edges.txt", wrong), std::invalid_argument);
}

TEST_CASE("formats: every broken file fails strictly with file:line:column: reason",
          "[io][formats][broken]") {
    auto b = [](const char* f) { return broken_dir + f; };
    CHECK(error_of(b("empty.csv")) == b("empty.csv") + ": empty file (no header row)");
    CHECK(error_of(b("unterminated_quote.csv")) ==
          b("unterminated_quote.csv") + ":4:20: unterminated quoted field (opened here)");
    CHECK(error_of(b("text_after_quote.csv")) ==
          b("text_after_quote.csv") + ":3:40: text after the closing quote of a field");
    CHECK(error_of(b("missing_source.csv")) == b("missing_source.csv") + ":3:1: empty source field");
    CHECK(error_of(b("missing_target.csv")) == b("missing_target.csv") + ":4:20: empty target field");
    CHECK(error_of(b("too_few_columns.csv")) ==
          b("too_few_columns.csv") + ":3:1: too few columns: 1 field, the header has 3");
    CHECK(error_of(b("binary_nul.csv")) == b("binary_nul.csv") + ":3:29: binary data (NUL byte)");
    CHECK(error_of(b("invalid_utf8.csv")) ==
          b("invalid_utf8.csv") + ":3:20: invalid UTF-8 in target field");
    CHECK(error_of(b("bad_header.csv")) ==
          b("bad_header.csv") +
              ":1: header lacks the columns of the generic format: no source column (expected one "
              "of 'source', 'from', 'src', 'source url', 'from url', 'source page', 'referring "
              "url', 'referring page url'); no target column (expected one of 'target', 'to', "
              "'dst', 'destination', 'target url', 'to url', 'destination url', 'href', 'link "
              "url'); found columns: 'url', 'title', 'status'");
    CHECK_THAT(error_of(b("no_header.csv")),
               Catch::Matchers::Contains("the first line looks like data"));
    CHECK(error_of(b("truncated.csv.gz")) ==
          b("truncated.csv.gz") +
              ": unreadable gzip: truncated compressed stream (unexpected end of file)");
    CHECK_THAT(error_of(b("corrupt.csv.gz")),
               Catch::Matchers::StartsWith(b("corrupt.csv.gz") + ": unreadable gzip: "));
    CHECK(error_of(b("odd_utf16.tsv")) ==
          b("odd_utf16.tsv") +
              ": UTF-16 text has an odd number of bytes (truncated or not UTF-16)");
    CHECK(error_of(b("bad_boolean_ahrefs.csv")) ==
          b("bad_boolean_ahrefs.csv") +
              ":3:41: invalid boolean value: 'maybe' in column Nofollow (expected true/false)");
    read_options small;
    small.max_row_bytes = 1024;
    CHECK(error_of(b("long_line.csv"), small) ==
          b("long_line.csv") + ":3:1: row too long: longer than 1024 bytes; lines 3-3 skipped");
    CHECK_THAT(error_of(b("long_quote.csv"), small),
               Catch::Matchers::StartsWith(b("long_quote.csv") + ":3:1: row too long") &&
                   Catch::Matchers::EndsWith(
                       "the quoted field opened at 3:20 may lack its closing quote"));
    CHECK(error_of(b("does_not_exist.csv")) ==
          b("does_not_exist.csv") + ": cannot open file: No such file or directory");
    CHECK(error_of(broken_dir) == broken_dir + ": read error: Is a directory");

    auto edge_error = [](const std::string& path) {
        try {
            read_edge_list(path);
        } catch (const parse_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(edge_error(b("edge_list_negative.txt")) ==
          b("edge_list_negative.txt") +
              ":3:3: invalid node id: '-2' is not a non-negative integer");
    CHECK(edge_error(b("edge_list_text.txt")) ==
          b("edge_list_text.txt") + ":2:3: invalid node id: 'two' is not a non-negative integer");
}

TEST_CASE("formats: lenient mode skips, counts by reason and keeps examples",
          "[io][formats][broken]") {
    read_options lenient;
    lenient.skip_bad = true;
    read_report report;
    const std::string path = broken_dir + "lenient_mix.csv";
    auto links = read_file(path, lenient, &report);
    REQUIRE(links.size() == 4);
    CHECK(links[0].line == 2);
    CHECK(links[1].line == 4);
    CHECK(links[2].line == 7);
    CHECK(links[3].line == 11);
    CHECK(report.rows == 11);
    CHECK(report.links == 4);
    CHECK(report.skipped == 7);
    CHECK(report.rows == report.links + report.resources + report.skipped);
    const std::map<std::string, std::size_t> by_reason = {
        {"empty source field", 2},       {"too few columns", 1},
        {"binary data (NUL byte)", 1},   {"empty target field", 1},
        {"text after the closing quote of a field", 1}, {"invalid UTF-8 in source field", 1},
    };
    CHECK(report.skipped_by_reason == by_reason);
    REQUIRE(report.examples.size() == 7);
    CHECK(report.examples[0] == path + ":3:1: empty source field");
    CHECK(report.examples[1] == path + ":5:1: too few columns: 1 field, the header has 3");
    CHECK(report.examples[6] == path + ":12:1: invalid UTF-8 in source field");

    // A long unclosed quote: one bad row, then reading resumes after the cut.
    lenient.max_row_bytes = 1024;
    links = read_file(broken_dir + "long_quote.csv", lenient, &report);
    CHECK(report.skipped == 1);
    CHECK(report.skipped_by_reason.at("row too long") == 1);
    CHECK(links.front().line == 2);
    CHECK(links.back().line == 64);
    CHECK(links.size() > 40);

    // The unterminated quote at the end swallows the last row: one bad row, named.
    links = read_file(broken_dir + "unterminated_quote.csv", lenient, &report);
    CHECK(links.size() == 2);
    CHECK(report.examples.at(0) ==
          broken_dir + "unterminated_quote.csv:4:20: unterminated quoted field (opened here)");

    // File-level problems throw in lenient mode too.
    CHECK_THROWS_AS(read_file(broken_dir + "empty.csv", lenient), parse_error);
    CHECK_THROWS_AS(read_file(broken_dir + "bad_header.csv", lenient), parse_error);
    CHECK_THROWS_AS(read_file(broken_dir + "truncated.csv.gz", lenient), parse_error);
}

TEST_CASE("formats: at most 10 examples are kept", "[io][formats]") {
    std::string text = "source,target\n";
    for (int i = 0; i < 25; ++i) text += ",https://b.example/\n";
    read_options lenient;
    lenient.skip_bad = true;
    read_report report = read_links_from_memory(text.data(), text.size(), "m.csv", lenient,
                                                [](const raw_link&) {});
    CHECK(report.skipped == 25);
    CHECK(report.examples.size() == 10);
    CHECK(report.examples.back() == "m.csv:11:1: empty source field");
}

TEST_CASE("formats: parse_rel and parse_position read single cells", "[io][formats]") {
    using linkequity::link_position;
    namespace lf = linkequity::flags;
    CHECK(linkequity::io::parse_rel("NoFollow, UGC") == (lf::nofollow | lf::ugc));
    CHECK(linkequity::io::parse_rel("nofollow|sponsored;ugc") ==
          (lf::nofollow | lf::sponsored | lf::ugc));
    CHECK(linkequity::io::parse_rel("follow noopener external") == lf::none);
    CHECK(linkequity::io::parse_rel("") == lf::none);
    CHECK(linkequity::io::parse_rel("nofollowed") == lf::none);  // whole tokens only
    CHECK(linkequity::io::parse_rel(" SPONSORED  noFollow ") == (lf::sponsored | lf::nofollow));
    CHECK(linkequity::io::parse_rel("n s u ugcx sponsor noreferrer") == lf::none);
    CHECK(linkequity::io::parse_rel(",,Ugc,,") == lf::ugc);
    CHECK(linkequity::io::parse_position(" Nav ") == link_position::navigation);
    CHECK(linkequity::io::parse_position("ASIDE") == link_position::sidebar);
    CHECK(linkequity::io::parse_position("main") == link_position::unknown);
    for (const char* cell : {"content", "Content", "navigation", "NAV", "header", "footer",
                             "sidebar", "aside"})
        CHECK(linkequity::io::parse_position(cell) != link_position::unknown);
    for (const char* cell : {"", " ", "c", "contents", "navi", "headers", "foot", "side", "as"})
        CHECK(linkequity::io::parse_position(cell) == link_position::unknown);
    CHECK(linkequity::io::parse_position("Header") == link_position::header);
    CHECK(linkequity::io::parse_position("FOOTER") == link_position::footer);
    CHECK(linkequity::io::parse_position("\tcontent\t") == link_position::content);
}
