// SPDX-License-Identifier: MIT
// Tests of the CSV/TSV layer under read_links: RFC 4180 quoting, line ends, delimiter detection,
// BOM / UTF-16 decoding, row limits, line and column numbers, generic column mapping, and SNAP
// edge lists — all through read_links_from_memory / read_edge_list_from_memory.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "../../src/io/csv_reader.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/link_source.hpp"

using namespace linkequity;
using namespace linkequity::io;

namespace {

std::vector<raw_link> read_text(const std::string& text, const read_options& options = {},
                                read_report* report = nullptr) {
    std::vector<raw_link> out;
    read_report r = read_links_from_memory(text.data(), text.size(), "mem.csv", options,
                                           [&](const raw_link& l) { out.push_back(l); });
    if (report) *report = r;
    return out;
}

std::string error_of(const std::string& text, const read_options& options = {}) {
    try {
        read_text(text, options);
    } catch (const parse_error& e) {
        return e.what();
    }
    return "no error";
}

std::string utf16(const std::string& ascii_or_utf8, bool le) {
    // Test helper: encodes UTF-8 text as UTF-16 with a BOM.
    std::u32string cps;
    for (std::size_t i = 0; i < ascii_or_utf8.size();) {
        auto c = static_cast<unsigned char>(ascii_or_utf8[i]);
        int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < n; ++k) cp = (cp << 6) | (ascii_or_utf8[i + k] & 0x3F);
        cps.push_back(cp);
        i += n;
    }
    std::string out;
    auto unit = [&](unsigned u) {
        char a = static_cast<char>(u & 0xFF), b = static_cast<char>(u >> 8);
        out += le ? std::string{a, b} : std::string{b, a};
    };
    unit(0xFEFF);
    for (char32_t cp : cps) {
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("csv: quoted delimiters, doubled quotes and quoted newlines", "[io][csv]") {
    std::string text =
        "source,target,anchor\n"
        "https://a.example/,https://b.example/,\"Sale, \"\"50% off\"\"\"\n"
        "https://a.example/,https://c.example/,\"line one\nline two\nline three\"\n"
        "https://a.example/,\"https://d.example/\",plain\n";
    read_report report;
    auto links = read_text(text, {}, &report);
    REQUIRE(links.size() == 3);
    CHECK(links[0].anchor == "Sale, \"50% off\"");
    CHECK(links[1].anchor == "line one\nline two\nline three");
    CHECK(links[1].target == "https://c.example/");
    CHECK(links[2].target == "https://d.example/");
    CHECK(links[0].line == 2);
    CHECK(links[1].line == 3);
    CHECK(links[2].line == 6);  // after a row spanning lines 3-5
    CHECK(report.rows == 3);
    CHECK(report.links == 3);
    CHECK(report.format == link_format::generic);
}

TEST_CASE("csv: LF, CRLF and CR line ends give the same links and lines", "[io][csv]") {
    std::string lf = "source,target\nhttps://a.example/,https://b.example/\n\n"
                     "https://b.example/,\"https://c.example/\"\nhttps://c.example/,https://a.example/";
    std::string crlf, cr;
    for (char c : lf) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        cr += c == '\n' ? '\r' : c;
    }
    for (const std::string* t : {&lf, &crlf, &cr}) {
        auto links = read_text(*t);
        REQUIRE(links.size() == 3);
        CHECK(links[0].target == "https://b.example/");
        CHECK(links[1].line == 4);  // the blank line 3 is skipped but counted
        CHECK(links[2].source == "https://c.example/");
        CHECK(links[2].target == "https://a.example/");  // last line without a line end
        CHECK(links[2].line == 5);
    }
}

TEST_CASE("csv: delimiter detected from the header, Excel sep= line", "[io][csv]") {
    for (std::string d : {",", "\t", ";"}) {
        std::string text = "Source" + d + "Target" + d + "Anchor\n" + "https://a.example/" + d +
                           "https://b.example/" + d + "\"a, b; c\"\n";
        auto links = read_text(text);
        REQUIRE(links.size() == 1);
        CHECK(links[0].anchor == "a, b; c");
    }
    auto links = read_text("sep=;\nsource;target\nhttps://a.example/;https://b.example/,x\n");
    REQUIRE(links.size() == 1);
    CHECK(links[0].target == "https://b.example/,x");
    CHECK(links[0].line == 3);
}

TEST_CASE("csv: UTF-8 BOM, UTF-16 LE and BE (with surrogate pairs) decode to the same UTF-8",
          "[io][csv]") {
    std::string text = "source\ttarget\tanchor\nhttps://日本.example.jp/\thttps://b.example/\t"
                       "Shoes 👟 café\n";
    std::string bom = "\xEF\xBB\xBF" + text;
    for (const std::string& t : {text, bom, utf16(text, true), utf16(text, false)}) {
        auto links = read_text(t);
        REQUIRE(links.size() == 1);
        CHECK(links[0].source == "https://日本.example.jp/");
        CHECK(links[0].anchor == "Shoes 👟 café");
    }
}

TEST_CASE("csv: an unpaired UTF-16 surrogate is invalid UTF-8 in a URL, U+FFFD in an anchor",
          "[io][csv]") {
    std::string head = utf16("source,target,anchor\n", true);
    auto unit = [](unsigned u) {
        return std::string{static_cast<char>(u & 0xFF), static_cast<char>(u >> 8)};
    };
    std::string row1 = utf16("https://a.example/,https://b.example/,x", true).substr(2) +
                       unit(0xD800) + utf16("y\n", true).substr(2);
    std::string row2 = utf16("https://a.example/,https://b.example/", true).substr(2) +
                       unit(0xDC00) + utf16(",z\n", true).substr(2);
    read_options lenient;
    lenient.skip_bad = true;
    read_report report;
    auto links = read_text(head + row1 + row2, lenient, &report);
    REQUIRE(links.size() == 1);
    CHECK(links[0].anchor == "x\xEF\xBF\xBDy");
    CHECK(report.skipped_by_reason.at("invalid UTF-8 in target field") == 1);
    CHECK(report.examples.at(0) == "mem.csv:3:20: invalid UTF-8 in target field");
}

TEST_CASE("csv: UTF-8 is checked in unquoted and quoted rows alike", "[io][csv]") {
    // Unquoted rows are read in place and checked once as a whole line; quoted rows field by
    // field. A bad byte anywhere in the row must still reach its own field's rule only.
    for (const std::string q : {"", "\""}) {
        const std::string b = q + "https://b.example/" + q;
        const std::string text = "source,target,anchor\n"
                                 "https://a.example/," + b + ",caf\xC3\xA9\n"
                                 "https://a.example/\xC3\xA9," + b + ",ok\n"
                                 "https://a.example/," + q + "https://b\xC0.example/" + q + ",ok\n"
                                 "https://a.example/," + b + ",x\xFFy\n";  // in the last 16 bytes
        read_options lenient;
        lenient.skip_bad = true;
        read_report report;
        auto links = read_text(text, lenient, &report);
        REQUIRE(links.size() == 3);
        CHECK(links[0].anchor == "caf\xC3\xA9");
        CHECK(links[1].source == "https://a.example/\xC3\xA9");
        CHECK(links[2].anchor == "x\xEF\xBF\xBDy");
        CHECK(report.skipped_by_reason.at("invalid UTF-8 in target field") == 1);
    }
}

TEST_CASE("csv: fields are trimmed, blank lines skipped, extra columns ignored", "[io][csv]") {
    auto links = read_text("  Source , TARGET \n\n  https://a.example/ ,\t https://b.example/ ,extra\n\n");
    REQUIRE(links.size() == 1);
    CHECK(links[0].source == "https://a.example/");
    CHECK(links[0].target == "https://b.example/");
    CHECK(links[0].anchor.empty());
    CHECK(links[0].line == 3);
}

TEST_CASE("csv: strict errors name file, line, column and reason", "[io][csv]") {
    const std::string head = "source,target,anchor\n";
    CHECK(error_of(head + "https://a.example/,https://b.example/,x\n"
                          "https://a.example/,\"https://b.example/,x\nmore\n") ==
          "mem.csv:3:20: unterminated quoted field (opened here)");
    CHECK(error_of(head + "https://a.example/,\"https://b.example/\"x,y\n") ==
          "mem.csv:2:40: text after the closing quote of a field");
    CHECK(error_of(head + "https://a.example/,,x\n") == "mem.csv:2:20: empty target field");
    CHECK(error_of(head + " ,https://b.example/,x\n") == "mem.csv:2:1: empty source field");
    CHECK(error_of(head + "https://a.example/,https://b.example/\n") ==
          "mem.csv:2:20: too few columns: 2 fields, the header has 3");
    CHECK(error_of(head + std::string("https://a.example/,https://b\0/,x\n", 32)) ==
          "mem.csv:2:29: binary data (NUL byte)");
    CHECK(error_of("") == "mem.csv: empty file (no header row)");
    CHECK(error_of("\xEF\xBB\xBF\n\n") == "mem.csv: empty file (no header row)");
    CHECK(error_of("\"source,target\n") ==
          "mem.csv:1:1: bad header row: unterminated quoted field (opened here)");
}

TEST_CASE("csv: rows longer than max_row_bytes are bad rows, reading resumes", "[io][csv]") {
    read_options options;
    options.max_row_bytes = 100;
    std::string text = "source,target\n" + std::string("https://a.example/,https://") +
                       std::string(200, 'x') + "/\nhttps://a.example/,https://b.example/\n";
    CHECK(error_of(text, options) ==
          "mem.csv:2:1: row too long: longer than 100 bytes; lines 2-2 skipped");
    options.skip_bad = true;
    read_report report;
    auto links = read_text(text, options, &report);
    REQUIRE(links.size() == 1);
    CHECK(links[0].line == 3);
    CHECK(report.skipped == 1);

    // A quote that never closes: the row is cut at the limit, the message points at the quote.
    std::string quote = "source,target\nhttps://a.example/,\"https://b.example/\n";
    for (int i = 0; i < 20; ++i) quote += "https://c.example/,https://d.example/\n";
    options.skip_bad = false;
    std::string msg = error_of(quote, options);
    CHECK(msg.find("mem.csv:2:1: row too long: longer than 100 bytes; lines 2-4 skipped; the "
                   "quoted field opened at 2:20 may lack its closing quote") == 0);
    options.skip_bad = true;
    links = read_text(quote, options, &report);
    CHECK(links.size() == 18);
    CHECK(links.front().line == 5);
}

TEST_CASE("csv: quoting state survives 1 MiB block boundaries", "[io][csv]") {
    std::string text = "source,target,anchor\r\n";
    const int n = 40000;
    for (int i = 0; i < n; ++i) {
        text += "https://a.example/" + std::to_string(i) + ",https://b.example/,\"say \"\"hi\"\"\r\n" +
                std::to_string(i) + "\"\r\n";
    }
    REQUIRE(text.size() > 2 * (1u << 20));
    std::size_t count = 0;
    bool ok = true;
    read_links_from_memory(text.data(), text.size(), "big.csv", {}, [&](const raw_link& l) {
        std::string i = std::to_string(count);
        ok = ok && l.source == "https://a.example/" + i && l.anchor == "say \"hi\"\r\n" + i &&
             l.line == 2 + 2 * count;
        ++count;
    });
    CHECK(count == n);
    CHECK(ok);
}

TEST_CASE("csv: unquoted rows across 1 MiB block boundaries, next to quoted ones", "[io][csv]") {
    // Rows with no quote are read without copying when their line end is in the block; a row
    // cut by the block's end, or holding a quote, goes through the state machine. Both must
    // give the same fields, lines and columns.
    std::string text = "source,target,anchor,rel\n";
    const int n = 60000;
    for (int i = 0; i < n; ++i) {
        const std::string k = std::to_string(i);
        text += "https://a.example/" + k + ",https://b.example/" + k + "," +
                (i % 7 == 0 ? "\"q, " + k + "\"" : "plain " + k) +
                (i % 2 ? ",nofollow\n" : ",\r\n");
    }
    REQUIRE(text.size() > 3 * (1u << 20));
    std::size_t count = 0;
    bool ok = true;
    read_links_from_memory(text.data(), text.size(), "big.csv", {}, [&](const raw_link& l) {
        const std::string k = std::to_string(count);
        ok = ok && l.source == "https://a.example/" + k && l.target == "https://b.example/" + k &&
             l.anchor == (count % 7 == 0 ? "q, " + k : "plain " + k) &&
             l.rel == (count % 2 ? flags::nofollow : flags::none) && l.line == 2 + count;
        ++count;
    });
    CHECK(count == n);
    CHECK(ok);
}

TEST_CASE("csv: rows read in place equal the state machine's on random text", "[io][csv]") {
    // The oracle is the tokenizer itself with direct rows off: every row through the RFC 4180
    // state machine. Random text over an alphabet heavy in delimiters, quotes, CR, LF, NUL and
    // UTF-8 bytes, with row limits down to 8 bytes, from memory and through a stream.
    using linkequity::io::detail::describe_rows;
    const char alphabet[] = {'a', 'b', 'c', 'x', ',', ',', ';', '\t', '"', '\r', '\n',
                             '\n', '\0', ' ', '\xC3', '\xA9', '\xFF'};
    std::mt19937 rng(11);
    std::size_t checked = 0, differ = 0;
    for (int t = 0; t < 3000; ++t) {
        std::string text;
        const std::size_t len = rng() % 400;
        for (std::size_t i = 0; i < len; ++i) {
            // Mostly plain runs, so that direct rows happen, with a special byte now and then.
            text += rng() % 4 ? static_cast<char>('d' + rng() % 20)
                              : alphabet[rng() % sizeof alphabet];
        }
        const std::size_t limits[] = {8, 20, 64, 1u << 20};
        const char delims[] = {',', ';', '\t', '"'};
        const std::size_t limit = limits[rng() % 4];
        const char delim = delims[rng() % 4];
        for (const bool stream : {false, true}) {
            ++checked;
            if (describe_rows(text, limit, delim, stream, true) !=
                describe_rows(text, limit, delim, stream, false))
                ++differ;
        }
    }
    CHECK(checked == 6000);
    CHECK(differ == 0);
    // Across the stream's 1 MiB blocks: rows cut by a block's end take the state machine.
    std::string big;
    for (int i = 0; big.size() < 3 * (1u << 20); ++i)
        big += "https://a.example/" + std::to_string(i) + (i % 5 ? ",x,\n" : ",\"q\"\"\",\r\n");
    CHECK(describe_rows(big, 1u << 20, ',', true, true) ==
          describe_rows(big, 1u << 20, ',', true, false));
}

TEST_CASE("csv: max_row_bytes counts an unquoted row's bytes plus one", "[io][csv]") {
    // The row is 39 bytes: its fields hold 37, plus one per field: 40 against the limit.
    const std::string row = "https://a.example/,https://b.example/,x";
    REQUIRE(row.size() == 39);
    const std::string text = "source,target,anchor\n" + row + "\n";
    read_options options;
    options.max_row_bytes = 40;
    CHECK(read_text(text, options).size() == 1);
    options.max_row_bytes = 39;
    CHECK(error_of(text, options) ==
          "mem.csv:2:1: row too long: longer than 39 bytes; lines 2-2 skipped");
    // The same row with a quoted field (the state machine) meets the same limit.
    const std::string quoted = "source,target,anchor\n" + row.substr(0, 38) + "\"x\"\n";
    options.max_row_bytes = 40;
    CHECK(read_text(quoted, options).size() == 1);
    options.max_row_bytes = 39;
    CHECK(error_of(quoted, options) ==
          "mem.csv:2:1: row too long: longer than 39 bytes; lines 2-2 skipped");
}

TEST_CASE("csv: UTF-16 input longer than a block is read to the end", "[io][csv]") {
    std::string text = "source\ttarget\tanchor\n";
    const int n = 30000;
    for (int i = 0; i < n; ++i) {
        text += "https://a.example/" + std::to_string(i) + "\thttps://b.example/\t\"é\t👟\n" +
                std::to_string(i) + "\"\n";
    }
    for (bool le : {true, false}) {
        std::string bytes = utf16(text, le);
        REQUIRE(bytes.size() > 3 * (1u << 20));
        std::size_t count = 0;
        bool ok = true;
        read_links_from_memory(bytes.data(), bytes.size(), "big.tsv", {}, [&](const raw_link& l) {
            std::string i = std::to_string(count);
            ok = ok && l.source == "https://a.example/" + i && l.anchor == "é\t👟\n" + i;
            ++count;
        });
        CHECK(count == n);
        CHECK(ok);
    }
}

TEST_CASE("csv: generic synonyms, rel tokens, positions and column overrides", "[io][csv]") {
    auto links = read_text(
        "From,To,Anchor Text,Rel,Link Position\n"
        "https://a.example/,https://b.example/,a,nofollow,Content\n"
        "https://a.example/,https://b.example/,b,\"nofollow, sponsored noopener\",FOOTER\n"
        "https://a.example/,https://b.example/,c,UGC,aside\n"
        "https://a.example/,https://b.example/,d,follow,somewhere\n"
        "https://a.example/,https://b.example/,e,,nav\n");
    REQUIRE(links.size() == 5);
    CHECK(links[0].rel == flags::nofollow);
    CHECK(links[0].position == link_position::content);
    CHECK(links[1].rel == (flags::nofollow | flags::sponsored));
    CHECK(links[1].position == link_position::footer);
    CHECK(links[2].rel == flags::ugc);
    CHECK(links[2].position == link_position::sidebar);
    CHECK(links[3].rel == flags::none);
    CHECK(links[3].position == link_position::unknown);
    CHECK(links[4].position == link_position::navigation);

    CHECK(read_text("Source URL,Target URL\nhttps://a.example/,https://b.example/\n").size() == 1);

    read_options options;
    options.source_column = "page";
    options.target_column = "Link";
    options.anchor_column = "words";
    links = read_text("page,link,words\nhttps://a.example/,https://b.example/,hello\n", options);
    REQUIRE(links.size() == 1);
    CHECK(links[0].anchor == "hello");
    options.anchor_column = "nope";
    CHECK(error_of("page,link,words\nx,y,z\n", options) ==
          "mem.csv:1: read_options::anchor_column 'nope' is not in the header; found columns: "
          "'page', 'link', 'words'");
}

TEST_CASE("csv: a header without the needed columns lists found and expected", "[io][csv]") {
    std::string msg = error_of("url,title\nhttps://a.example/,A\n");
    CHECK(msg.find("mem.csv:1: header lacks the columns of the generic format: no source column "
                   "(expected one of 'source', 'from'") == 0);
    CHECK(msg.find("no target column (expected one of 'target', 'to'") != std::string::npos);
    CHECK(msg.find("found columns: 'url', 'title'") != std::string::npos);
    read_options forced;
    forced.format = link_format::ahrefs;
    msg = error_of("source,target\nhttps://a.example/,https://b.example/\n", forced);
    CHECK(msg.find("header lacks the columns of the ahrefs format: no source column (expected "
                   "'Referring page URL')") != std::string::npos);
}

TEST_CASE("csv: integer edge lists are recognised and parsed", "[io][csv][edge_list]") {
    std::string text = "# comment\n% another\n0 1\n1\t2  0.5\n2,0,2\n\n7 1\n";
    read_report report;
    edge_list e = read_edge_list_from_memory(text.data(), text.size(), "g.txt", {}, &report);
    CHECK(e.num_nodes == 8);
    CHECK(e.src == std::vector<node_id>{0, 1, 2, 7});
    CHECK(e.dst == std::vector<node_id>{1, 2, 0, 1});
    CHECK(e.weights == std::vector<edge_weight>{1, 0.5f, 2, 1});
    CHECK(report.links == 4);
    CHECK(report.format == link_format::edge_list);

    auto links = read_text(text);  // read_links delivers ids as strings
    REQUIRE(links.size() == 4);
    CHECK(links[1].source == "1");
    CHECK(links[1].target == "2");
    CHECK(links[1].line == 4);

    auto edge_error = [](const std::string& t) {
        try {
            read_edge_list_from_memory(t.data(), t.size(), "g.txt");
        } catch (const parse_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(edge_error("0 1\n1 -2\n") == "g.txt:2:3: invalid node id: '-2' is not a non-negative integer");
    CHECK(edge_error("0 1\n1 99999999999\n") ==
          "g.txt:2:3: invalid node id: 99999999999 is larger than the largest id 4294967294");
    CHECK(edge_error("0 1\n1\n") == "g.txt:2:1: too few columns: 1 value, expected 'source target [weight]'");
    CHECK(edge_error("0 1 nan\n") == "g.txt:1:5: invalid weight: 'nan' is not a finite number >= 0");
    CHECK(edge_error("0 1 2 3\n") == "g.txt:1:1: too many columns: 4 values, expected 'source target [weight]'");
    CHECK(edge_error("") == "g.txt: empty file (no header row)");

    read_options lenient;
    lenient.skip_bad = true;
    std::string bad = "0 1\nx y\n2 3\n";
    e = read_edge_list_from_memory(bad.data(), bad.size(), "g.txt", lenient, &report);
    CHECK(e.num_edges() == 2);
    CHECK(report.skipped_by_reason.at("invalid node id") == 1);
    CHECK(e.weights.empty());
}

TEST_CASE("csv: format names round-trip", "[io]") {
    for (link_format f : {link_format::auto_detect, link_format::generic, link_format::screaming_frog,
                          link_format::ahrefs, link_format::majestic, link_format::edge_list}) {
        CHECK(parse_format(format_name(f)) == f);
    }
    CHECK(parse_format("Screaming_Frog") == link_format::screaming_frog);
    CHECK_THROWS_WITH(parse_format("semrush"),
                      Catch::Matchers::Contains("unknown link format 'semrush'") &&
                          Catch::Matchers::Contains("screaming-frog"));
}
