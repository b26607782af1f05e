// SPDX-License-Identifier: MIT
// The parallel chunked CSV reader (read_options::chunk_bytes, read_links_chunked) against the
// serial one (chunk_bytes = 0): the same links with every field, the same report (counts,
// reasons, examples) or the same error message, on every fixture and on generated files whose
// quoted newlines, CR / CRLF line ends, blank lines and bad rows fall on chunk cuts; on 1 and 2
// threads; strict and lenient.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "linkequity/detail/parallel.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/link_source.hpp"
#include "temp_files.hpp"
#include "threads.hpp"

using namespace linkequity;
using namespace linkequity::io;

namespace {

/// Everything a read gives, as text: each link with every field, then the report, or the
/// error message (after the links delivered before it).
/// With `blank_anchors`, each anchor is written as empty.
std::string digest(const std::string& text, const std::string& name, read_options options,
                   bool blank_anchors = false) {
    std::ostringstream out;
    try {
        read_report r = read_links_from_memory(
            text.data(), text.size(), name, options, [&](const raw_link& l) {
                out << l.line << '|' << l.source << '|' << l.target << '|'
                    << (blank_anchors ? std::string() : l.anchor) << '|'
                    << int(l.rel) << '|' << int(l.position) << '|' << l.first_seen << '|'
                    << l.last_seen << '|' << int(l.kind) << '|' << l.status << '\n';
            });
        out << "format " << format_name(r.format) << " rows " << r.rows << " links " << r.links
            << " resources " << r.resources << " records " << r.records << " skipped "
            << r.skipped << '\n';
        for (const auto& [reason, n] : r.skipped_by_reason) out << reason << ": " << n << '\n';
        for (const auto& e : r.examples) out << e << '\n';
    } catch (const parse_error& e) {
        out << "error " << e.what() << '\n';
    }
    return out.str();
}

std::string write_file(const linkequity::test::temp_dir& dir, const std::string& name,
                       const std::string& text) {
    const std::string path = dir.file(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

/// Checks the chunked reads of `text` against the serial read, for several chunk sizes, both
/// modes, with and without records, on 1 and 2 threads. Returns how many comparisons ran.
int compare_all(const std::string& text, const std::string& name,
                const std::vector<std::size_t>& chunk_sizes, std::size_t max_row = 1u << 20) {
    int checks = 0;
    for (bool lenient : {false, true}) {
        for (bool records : {false, true}) {
            read_options o;
            o.skip_bad = lenient;
            o.records = records;
            o.max_row_bytes = max_row;
            o.chunk_bytes = 0;
            const std::string serial = digest(text, name, o);
            for (std::size_t c : chunk_sizes) {
                o.chunk_bytes = c;
                for (int threads : {1, 2}) {
                    const std::string chunked =
                        test_threads::on(threads, [&] { return digest(text, name, o); });
                    INFO(name << ": chunk_bytes " << c << ", " << threads << " threads, "
                              << (lenient ? "lenient" : "strict")
                              << (records ? ", records" : ""));
                    REQUIRE(chunked == serial);
                    ++checks;
                }
            }
        }
    }
    return checks;
}

/// A random generic CSV: URLs, quoted anchors holding the delimiter, quotes, LF, CRLF and CR;
/// blank lines; CRLF / LF / CR line ends mixed; and, with `bad`, bad rows of every kind.
std::string random_csv(std::mt19937& rng, int rows, bool bad) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const char* ends[] = {"\n", "\r\n", "\r"};
    std::string s = "source,target,anchor,rel,type\n";
    for (int i = 0; i < rows; ++i) {
        if (pick(12) == 0) s += ends[pick(3)];  // blank line
        s += "https://s" + std::to_string(pick(5)) + ".example/p" + std::to_string(pick(9));
        s += ",";
        s += pick(4) == 0 ? "/rel" + std::to_string(i) : "https://t.example/" + std::to_string(i);
        s += ",";
        switch (pick(6)) {
            case 0: s += "plain anchor"; break;
            case 1: s += "\"comma, inside\""; break;
            case 2: s += "\"line one\nline two\nthree\""; break;
            case 3: s += "\"crlf\r\ninside \"\"quoted\"\"\""; break;
            case 4: s += "\"cr\ronly\""; break;
            default: break;
        }
        s += pick(3) == 0 ? ",nofollow" : ",";
        s += pick(10) == 0 ? ",redirect" : ",link";
        if (bad) {
            switch (pick(25)) {
                case 0: s += ",\"unclosed"; break;          // quote to the next one, or the end
                case 1: s += "\"after"; break;              // text after quote? (unquoted: literal)
                case 2: s = s.substr(0, s.rfind(',')); break;  // fewer columns... maybe
                case 3: s += ",\"x\"y"; break;               // text after a closing quote
                case 4: s += std::string(1, '\0'); break;  // NUL
                case 5: s += ",bogus-type"; break;
                default: break;
            }
        }
        s += ends[pick(3)];
    }
    return s;
}

const std::vector<std::size_t> small_chunks = {1, 2, 3, 5, 8, 13, 31, 64, 200, 4096};

}  // namespace

TEST_CASE("chunked reading equals serial reading on every fixture", "[io][chunks]") {
    int checks = 0;
    for (const char* dir : {"links", "broken"}) {
        const std::string base = std::string(LINKEQUITY_TEST_DATA) + "/" + dir + "/";
        for (const char* file :
             {"ahrefs_backlinks_utf16le.tsv", "ahrefs_legacy.csv", "generic.csv",
              "generic.tsv.gz", "generic_bom_crlf_semicolon.csv", "generic_utf16be.tsv",
              "majestic_backlinks.csv", "screaming_frog_all_inlinks.csv",
              "screaming_frog_legacy.csv", "snap_edges.txt", "snap_weighted.csv.gz",
              "bad_boolean_ahrefs.csv", "bad_header.csv", "binary_nul.csv", "corrupt.csv.gz",
              "edge_list_negative.txt", "edge_list_text.txt", "empty.csv", "invalid_utf8.csv",
              "lenient_mix.csv", "long_line.csv", "long_quote.csv", "missing_source.csv",
              "missing_target.csv", "no_header.csv", "odd_utf16.tsv", "text_after_quote.csv",
              "too_few_columns.csv", "truncated.csv.gz", "unterminated_quote.csv"}) {
            const std::string path = base + file;
            std::ifstream probe(path);
            if (!probe) continue;  // each directory holds only some of the names
            const std::string text = slurp(path);
            checks += compare_all(text, file, small_chunks);
            checks += compare_all(text, file, {1, 7, 64}, 40);  // rows too long, cut in chunks
        }
    }
    CHECK(checks > 1000);
}

TEST_CASE("read_options::anchors = false leaves every anchor empty and changes nothing else",
          "[io][chunks]") {
    std::mt19937 rng(20261204);
    int compared = 0, with_anchor_text = 0;
    for (int round = 0; round < 30; ++round) {
        const std::string text = random_csv(rng, 5 + round * 7, round % 2 == 1);
        for (std::size_t chunk : {std::size_t{0}, std::size_t{13}, std::size_t{4096}}) {
            read_options o;
            o.skip_bad = round % 4 < 2;
            o.records = true;
            o.chunk_bytes = chunk;
            const std::string with = digest(text, "a.csv", o);
            const std::string blanked = digest(text, "a.csv", o, true);
            o.anchors = false;
            for (int threads : {1, 2}) {
                INFO("round " << round << ", chunk_bytes " << chunk << ", " << threads
                              << " threads");
                CHECK(test_threads::on(threads, [&] { return digest(text, "a.csv", o); }) ==
                      blanked);
                ++compared;
            }
            with_anchor_text += with != blanked;
        }
    }
    CHECK(compared == 180);
    CHECK(with_anchor_text > 60);  // most files have anchors to drop
}

TEST_CASE("chunked reading equals serial reading with quoted newlines at every cut",
          "[io][chunks]") {
    std::mt19937 rng(20261202);
    for (int round = 0; round < 60; ++round) {
        const std::string text = random_csv(rng, 1 + round * 3, round % 2 == 1);
        compare_all(text, "random" + std::to_string(round) + ".csv", small_chunks);
    }
    // Every line end but the last one of each row is inside a quoted field: nearly every cut
    // lands in a quote, so chunks are merged again and again (and carried across blocks).
    std::string text = "source,target,anchor\n";
    for (int i = 0; i < 400; ++i) {
        text += "https://a.example/" + std::to_string(i % 7) + ",https://b.example/" +
                std::to_string(i) + ",\"";
        for (int k = 0; k < i % 9; ++k) text += "l" + std::to_string(k) + "\n";
        text += "\"\n";
    }
    compare_all(text, "quoted_lines.csv", {1, 4, 16, 50, 333});
    // A quoted field that never closes: the rest of the file is one bad row (or row too long).
    compare_all(text + "https://a.example/,https://b.example/,\"open\nx\ny\n", "open.csv",
                {1, 4, 16, 50, 333});
    compare_all(text + "https://a.example/,https://b.example/,\"open\nx\ny\n", "open_long.csv",
                {1, 4, 16, 50, 333}, 100);
}

TEST_CASE("chunked reading equals serial reading when a block's unfinished tail is long",
          "[io][chunks]") {
    // The reader copies a block's unfinished tail in front of the next block read ahead when
    // it fits the 64 KiB in front of that block, else appends the block behind the tail. Here
    // tails of both kinds follow each other: quoted anchors of 1 KB to 200 KB with newlines
    // inside (cuts land in them), and unquoted rows of up to 150 KB (no line end in a block).
    std::mt19937 rng(20261203);
    std::string text = "source,target,anchor\n";
    for (int i = 0; i < 40; ++i) {
        const std::size_t len = std::size_t{1000} << (rng() % 8);  // 1 KB … 128 KB
        text += "https://a.example/" + std::to_string(i % 5) + ",https://b.example/" +
                std::to_string(i) + ",";
        if (i % 3 == 2) {
            text += std::string(len + len / 8, 'w');  // a long unquoted anchor
        } else {
            text += '"';
            for (std::size_t k = 0; k < len; k += 100) text += std::string(99, 'q') + "\n";
            text += '"';
        }
        text += i % 4 == 0 ? "\r\n" : "\n";
    }
    text += "https://a.example/,https://b.example/last,done\n";
    REQUIRE(text.size() > (std::size_t{1} << 20));
    CHECK(compare_all(text, "long_tails.csv", {1024, 4096, 65536}, std::size_t{1} << 20) == 24);
}

TEST_CASE("chunked reading of a gzip and a UTF-16 file reads ahead and equals serial reading",
          "[io][chunks]") {
    // Several blocks of inflated / converted text (chunk_bytes 64: 1 KiB blocks), read ahead on
    // their own thread while the chunks are parsed.
    for (const char* file : {"generic.tsv.gz", "snap_weighted.csv.gz", "generic_utf16be.tsv",
                             "ahrefs_backlinks_utf16le.tsv"}) {
        const std::string path = std::string(LINKEQUITY_TEST_DATA) + "/links/" + file;
        for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{64}}) {
            read_options o;
            o.chunk_bytes = 0;
            std::vector<std::string> want, got;
            auto keep = [](std::vector<std::string>& v) {
                return [&v](const raw_link& l) {
                    v.push_back(std::to_string(l.line) + " " + l.source + " " + l.target + " " +
                                l.anchor);
                };
            };
            const read_report a = read_links(path, o, keep(want));
            o.chunk_bytes = chunk;
            const read_report b = read_links(path, o, keep(got));
            INFO(file << ", chunk_bytes " << chunk);
            CHECK(got == want);
            CHECK(b.rows == a.rows);
            CHECK(!want.empty());
        }
    }
}

namespace {

/// A random CSV file of 3000 rows (random_csv with `seed`) and what the serial reader makes of
/// it, records included: the oracle of the chunk-delivery tests.
struct serial_file {
    std::string path;
    read_options options;  // serial (chunk_bytes = 0), records delivered
    std::vector<raw_link> links;
    read_report report;
};

serial_file random_file(const linkequity::test::temp_dir& dir, const std::string& name,
                        unsigned seed) {
    std::mt19937 rng(seed);
    serial_file f;
    f.path = write_file(dir, name, random_csv(rng, 3000, false));
    f.options.chunk_bytes = 0;
    f.options.records = true;
    f.report = read_links(f.path, f.options, [&](const raw_link& l) { f.links.push_back(l); });
    return f;
}

}  // namespace

TEST_CASE("read_links_chunked delivers chunks in order, prepared, on any thread count",
          "[io][chunks]") {
    linkequity::test::temp_dir dir;
    const serial_file f = random_file(dir, "chunks.csv", 7);
    const std::string& path = f.path;
    const read_options& serial = f.options;
    const std::vector<raw_link>& expected = f.links;
    const read_report& want = f.report;

    for (std::size_t chunk : {std::size_t{0}, std::size_t{64}, std::size_t{1000}}) {
        for (int threads : {1, 2}) {
            read_options o = serial;
            o.chunk_bytes = chunk;
            std::vector<std::vector<raw_link>> kept;  // vectors taken by swapping
            std::vector<int> prepared(link_chunk_slots, 0);
            std::size_t delivered = 0;
            bool in_order = true, was_prepared = true;
            const read_report got = test_threads::on(threads, [&] {
                return read_links_chunked(
                    path, o,
                    [&](link_chunk& c) {
                        // Distinct slots run concurrently: each writes its own counter.
                        prepared[c.slot] += 1;
                    },
                    [&](link_chunk& c) {
                        was_prepared = was_prepared && prepared[c.slot] > 0;
                        prepared[c.slot] = 0;
                        for (std::size_t i = 0; i < c.size; ++i) {
                            const raw_link& l = c.links[i];
                            const raw_link& e = expected.at(delivered + i);
                            in_order = in_order && l.line == e.line && l.source == e.source &&
                                       l.target == e.target && l.anchor == e.anchor &&
                                       l.kind == e.kind;
                        }
                        delivered += c.size;
                        std::vector<raw_link> mine;
                        std::swap(mine, c.links);  // the reader must cope with an empty vector
                        mine.resize(c.size);
                        kept.push_back(std::move(mine));
                    });
            });
            INFO("chunk_bytes " << chunk << ", " << threads << " threads");
            CHECK(in_order);
            CHECK(was_prepared);
            CHECK(delivered == expected.size());
            CHECK(got.rows == want.rows);
            CHECK(got.links == want.links);
            CHECK(got.records == want.records);
            std::size_t kept_links = 0;
            for (const auto& v : kept) kept_links += v.size();
            CHECK(kept_links == expected.size());
        }
    }
}

TEST_CASE("read_links_chunked's share step: every chunk once, by all parts, before its consume",
          "[io][chunks]") {
    // The contract of the share step: with 2+ threads each chunk is passed to share() once per
    // part (p = 0 … parts − 1, concurrently), in input order across calls, and every part has
    // returned before the chunk is consumed; no share() runs while consume() does. With one
    // thread share() is never called. Links and report are as without it.
    linkequity::test::temp_dir dir;
    const serial_file f = random_file(dir, "share.csv", 9);

    for (std::size_t chunk : {std::size_t{0}, std::size_t{64}, std::size_t{1000}}) {
        for (int threads : {1, 2}) {
            read_options o = f.options;
            o.chunk_bytes = chunk;
            std::vector<std::atomic<unsigned>> parts_seen(link_chunk_slots);
            std::vector<std::atomic<int>> parts_of(link_chunk_slots);  // of the calls it was in
            std::atomic<int> sharing{0}, calls{0};
            std::size_t delivered = 0, last_shared_line = 0;
            bool in_order = true, shared_order = true, all_parts = true, apart = true;
            // The threads the library runs on (1 in a build without OpenMP).
            const int team =
                test_threads::on(threads, [] { return linkequity::detail::max_threads(); });
            test_threads::on(threads, [&] {
                return read_links_chunked(
                    f.path, o, {},
                    [&](span<link_chunk* const> chunks, int part, int parts) {
                        ++sharing;
                        ++calls;
                        for (link_chunk* c : chunks) {
                            parts_seen[c->slot] |= 1u << part;
                            parts_of[c->slot] = parts;
                            if (part == 0 && c->size > 0) {  // one writer
                                shared_order = shared_order && c->links[0].line > last_shared_line;
                                last_shared_line = c->links[0].line;
                            }
                        }
                        --sharing;
                    },
                    [&](link_chunk& c) {
                        apart = apart && sharing.load() == 0;
                        const int parts = parts_of[c.slot].exchange(0);
                        const unsigned want = team > 1 ? (1u << parts) - 1 : 0;
                        all_parts = all_parts && parts_seen[c.slot].exchange(0) == want &&
                                    (team == 1 || parts >= 1);
                        for (std::size_t i = 0; i < c.size; ++i)
                            in_order =
                                in_order && c.links[i].line == f.links.at(delivered + i).line;
                        delivered += c.size;
                    });
            });
            INFO("chunk_bytes " << chunk << ", " << threads << " threads");
            CHECK(in_order);
            CHECK(delivered == f.links.size());
            CHECK(shared_order);
            CHECK(all_parts);
            CHECK(apart);
            CHECK((calls.load() > 0) == (team > 1));
        }
    }
}

TEST_CASE("read_links_chunked in strict mode consumes the links before the bad row",
          "[io][chunks]") {
    std::string text = "source,target\n";
    for (int i = 0; i < 500; ++i)
        text += "https://a.example/,https://b.example/" + std::to_string(i) + "\n";
    text += "https://a.example/,\n";  // line 502: empty target
    for (int i = 0; i < 500; ++i) text += "https://a.example/,https://c.example/\n";
    linkequity::test::temp_dir dir;
    const std::string path = write_file(dir, "strict.csv", text);
    for (std::size_t chunk : {std::size_t{0}, std::size_t{100}, std::size_t{4096}}) {
        read_options o;
        o.chunk_bytes = chunk;
        std::size_t consumed = 0;
        std::string error;
        try {
            read_links_chunked(path, o, {}, [&](link_chunk& c) { consumed += c.size; });
        } catch (const parse_error& e) {
            error = e.what();
        }
        INFO("chunk_bytes " << chunk);
        CHECK(consumed == 500);
        CHECK(error.find("strict.csv:502:") != std::string::npos);
        CHECK(error.find("empty target field") != std::string::npos);
    }
}
