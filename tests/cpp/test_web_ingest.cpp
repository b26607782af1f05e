// SPDX-License-Identifier: MIT
// The reading pipeline: web_graph::read parses chunks on all threads (io::read_links_chunked;
// their URLs normalised there too) while the calling thread interns the previous block's; rows
// added one by one go in batches to a worker. On files of several blocks and batches, 1 and 2
// threads, chunked and serial reading build identical graphs, and in strict mode the error of
// the earliest bad row is the one reported, whichever stage (CSV or URL) finds it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <limits>
#include <set>
#include <string>

#include "linkequity/error.hpp"
#include "linkequity/web/web_graph.hpp"
#include "temp_files.hpp"
#include "threads.hpp"

using linkequity::web::web_graph;
using linkequity::web::web_graph_options;

namespace {

constexpr int rows = 100000;  // three batches of 32768 rows and a partial one

/// Row i of the test file: a mix of URLs already in normal form and URLs the full normaliser
/// rewrites (upper-case hosts, default ports, relative targets, non-web targets), anchors with
/// quoted commas and newlines. Page i % 997 links to page (i * 7) % 1009 of another host.
std::string row(int i) {
    const std::string src = "https://site" + std::to_string(i % 97) + ".com/p" +
                            std::to_string(i % 997);
    std::string dst;
    switch (i % 5) {
        case 0: dst = "https://site" + std::to_string(i % 89) + ".org/q" + std::to_string(i * 7 % 1009); break;
        case 1: dst = "HTTPS://Site" + std::to_string(i % 89) + ".ORG:443/q" + std::to_string(i * 7 % 1009); break;
        case 2: dst = "/local/" + std::to_string(i % 31); break;
        case 3: dst = "mailto:a@b.c"; break;
        default: dst = "https://site" + std::to_string(i % 89) + ".org/q" + std::to_string(i * 7 % 1009) + "#frag"; break;
    }
    const std::string anchor = i % 3 == 0 ? "\"a, \"\"b\"\"\nline\"" : "text " + std::to_string(i % 50);
    return src + "," + dst + "," + anchor + "\n";
}

/// Writes the test file; `patch(i, text)` may replace row i.
template <class Patch>
std::string write_file(const linkequity::test::temp_dir& dir, Patch&& patch) {
    const std::string path = dir.file("links.csv");
    std::ofstream f(path, std::ios::binary);
    f << "source,target,anchor\n";
    for (int i = 0; i < rows; ++i) {
        std::string r = row(i);
        patch(i, r);
        f << r;
    }
    return path;
}

/// The test file with a bad URL (a bad row in lenient mode) in rows 5, 10012, 20019, ….
std::string write_file_with_bad_urls(const linkequity::test::temp_dir& dir) {
    return write_file(dir, [](int i, std::string& r) {
        if (i % 10007 == 5) r = "https://ok.com/x,http://exa mple.com:99999/,bad\n";  // bad URL
    });
}

/// Every table of the graph as text, for byte comparison (without the anchor texts and
/// table when `anchors` is false).
std::string dump(const web_graph& g, bool anchors = true) {
    std::string s;
    for (linkequity::node_id p = 0; p < g.num_pages(); ++p)
        s.append(g.page_url(p)).append(" ").append(std::to_string(g.host_of(p))).append("\n");
    for (linkequity::node_id h = 0; h < g.num_hosts(); ++h)
        s.append(g.host_name(h)).append(" ").append(std::to_string(g.domain_of_host(h))).append("\n");
    for (linkequity::node_id d = 0; d < g.num_domains(); ++d) s.append(g.domain_name(d)).append("\n");
    for (std::size_t l = 0; l < g.num_links(); ++l) {
        s += std::to_string(g.link_sources()[l]) + " " + std::to_string(g.link_targets()[l]) + " " +
             std::to_string(g.link_flags()[l]) + " ";
        if (anchors) s.append(g.anchor_text(g.link_anchors()[l]));
        s += "\n";
    }
    for (std::size_t a = 0; anchors && a < g.num_anchors(); ++a)
        s.append(g.anchor_text(a)).append("|");
    const auto& st = g.stats();
    s += "\nrows " + std::to_string(st.rows) + " links " + std::to_string(st.links) + " bad " +
         std::to_string(st.bad_rows) + " nonweb " + std::to_string(st.non_web_targets);
    return s;
}

}  // namespace

TEST_CASE("web ingest: 1 and 2 threads build identical graphs over several batches",
          "[web][ingest]") {
    linkequity::test::temp_dir dir;
    const std::string path = write_file_with_bad_urls(dir);
    web_graph_options o;
    o.skip_bad = true;
    const std::string one = test_threads::on(1, [&] { return dump(web_graph::read({path}, o)); });
    const std::string two = test_threads::on(2, [&] { return dump(web_graph::read({path}, o)); });
    CHECK(one == two);
    for (std::size_t chunk : {std::size_t{0}, std::size_t{100}, std::size_t{5000}}) {
        o.read.chunk_bytes = chunk;  // serial reading, and many cuts (in quoted anchors too)
        for (int threads : {1, 2}) {
            INFO("chunk_bytes " << chunk << ", " << threads << " threads");
            CHECK(test_threads::on(threads, [&] { return dump(web_graph::read({path}, o)); }) ==
                  one);
        }
    }
    o.read.chunk_bytes = web_graph_options{}.read.chunk_bytes;
    const web_graph g = test_threads::on(2, [&] { return web_graph::read({path}, o); });
    // Oracle by construction: the distinct normalised URLs of the rows kept, and the counts.
    std::set<std::string> pages;
    std::size_t bad = 0, non_web = 0;
    for (int i = 0; i < rows; ++i) {
        if (i % 10007 == 5) {  // a bad target skips the whole row: its source is no page
            ++bad;
            continue;
        }
        const std::string host = std::to_string(i % 97), path = std::to_string(i % 997);
        pages.insert("https://site" + host + ".com/p" + path);
        if (i % 5 == 3)
            ++non_web;
        else if (i % 5 == 2)
            pages.insert("https://site" + host + ".com/local/" + std::to_string(i % 31));
        else
            pages.insert("https://site" + std::to_string(i % 89) + ".org/q" +
                         std::to_string(i * 7 % 1009));
    }
    CHECK(g.num_pages() == pages.size());
    CHECK(g.stats().bad_rows == bad);
    CHECK(bad == 10);
    CHECK(g.stats().non_web_targets == non_web);
    CHECK(g.num_links() == static_cast<std::size_t>(rows) - bad - non_web);
}

TEST_CASE("web ingest: without anchors, the same graph with every anchor empty",
          "[web][ingest]") {
    // web_graph_options::anchors = false (what `linkequity score` reads with): no anchor is
    // hashed or interned. Everything else is as with anchors, on the chunked reader and the
    // serial one, on 1 and 2 threads.
    linkequity::test::temp_dir dir;
    const std::string path = write_file_with_bad_urls(dir);
    web_graph_options with;
    with.skip_bad = true;
    const web_graph full = test_threads::on(2, [&] { return web_graph::read({path}, with); });
    // "", the quoted anchor and "text k" for the 40 k % 5 != 3 (rows i % 5 == 3 are mailto:)
    REQUIRE(full.num_anchors() == 42);
    web_graph_options without = with;
    without.anchors = false;
    for (std::size_t chunk : {std::size_t{0}, std::size_t{5000}, with.read.chunk_bytes}) {
        without.read.chunk_bytes = chunk;
        for (int threads : {1, 2}) {
            INFO("chunk_bytes " << chunk << ", " << threads << " threads");
            const web_graph g =
                test_threads::on(threads, [&] { return web_graph::read({path}, without); });
            CHECK(dump(g, false) == dump(full, false));
            CHECK(g.num_anchors() == 1);
            CHECK(g.anchor_text(0).empty());
            CHECK(std::all_of(g.link_anchors().begin(), g.link_anchors().end(),
                              [](std::uint32_t a) { return a == 0; }));
        }
    }
}

TEST_CASE("web ingest: strict mode reports the earliest bad row on any thread count",
          "[web][ingest]") {
    linkequity::test::temp_dir dir;
    // Row 40000 (line 40002 + quoted newlines before it) has a bad URL; row 70000 a CSV error
    // (text after a closing quote) that the reader meets while the worker may still hold
    // row 40000's batch.
    const std::string path = write_file(dir, [](int i, std::string& r) {
        if (i == 40000) r = "https://ok.com/x,http://exa mple.com:99999/,bad\n";
        if (i == 70000) r = "https://ok.com/y,\"https://ok.com/z\"junk,a\n";
    });
    auto message = [&](int parallel_intern) {
        web_graph_options o;
        o.parallel_intern_threads = parallel_intern;  // 2: interning in shards on 2 threads
        try {
            web_graph::read({path}, o);
        } catch (const linkequity::parse_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string one = test_threads::on(1, [&] { return message(0); });
    CHECK(test_threads::on(2, [&] { return message(0); }) == one);
    CHECK(test_threads::on(2, [&] { return message(2); }) == one);
    CHECK(one.find("invalid target URL") != std::string::npos);
    // Rows 0, 3, 6 … before row 40000 carry one quoted newline each: 13334 extra lines.
    CHECK(one.find(":" + std::to_string(40000 + 2 + 13334) + ":") != std::string::npos);
}

TEST_CASE("web ingest: strict mode reports the earliest bad row whatever the chunk size",
          "[web][ingest]") {
    linkequity::test::temp_dir dir;
    // A bad URL (row 40000) right before a CSV error (row 40001): in one chunk or in two.
    const std::string path = write_file(dir, [](int i, std::string& r) {
        if (i == 40000) r = "https://ok.com/x,http://exa mple.com:99999/,bad\n";
        if (i == 40001) r = "https://ok.com/y,\"https://ok.com/z\"junk,a\n";
    });
    const std::string line = ":" + std::to_string(40000 + 2 + 13334) + ":";
    for (std::size_t chunk : {std::size_t{0}, std::size_t{64}, std::size_t{4096},
                              web_graph_options{}.read.chunk_bytes}) {
        web_graph_options o;
        o.read.chunk_bytes = chunk;
        for (int threads : {1, 2}) {
            std::string error = "no error";
            test_threads::on(threads, [&] {
                try {
                    web_graph::read({path}, o);
                } catch (const linkequity::parse_error& e) {
                    error = e.what();
                }
            });
            INFO("chunk_bytes " << chunk << ", " << threads << " threads: " << error);
            CHECK(error.find("invalid target URL") != std::string::npos);
            CHECK(error.find(line) != std::string::npos);
        }
    }
}

TEST_CASE("web ingest: interning in shards on all threads builds the same graph",
          "[web][ingest]") {
    // web_graph_options::parallel_intern_threads = 2: on 2 threads the page URLs and anchors are
    // interned into sharded tables by every thread (the reader's share step, and the add()
    // path's last batch), then given ids in input order. The oracle is the single interning
    // thread (0: never). Rows with a bad target leave their source stored but without an id:
    // it must not become a page ("https://ok.com/x" is the source of every bad row only).
    // A second file lists each page's links together, as exports do: runs of rows share their
    // source text (normalised once, its key shared along the run).
    linkequity::test::temp_dir dir;
    const std::string bad_urls = write_file_with_bad_urls(dir);
    const std::string runs = dir.file("runs.csv");
    {
        std::ofstream f(runs, std::ios::binary);
        f << "source,target,anchor\n";
        for (int i = 0; i < rows; ++i) {
            const std::string r = row(i);
            f << "https://Site" << (i / 6) % 211 << ".com/r" << i / 6 << r.substr(r.find(','));
        }
    }
    for (const auto& [path, anchors] : {std::pair{bad_urls, true}, std::pair{bad_urls, false},
                                        std::pair{runs, true}}) {
        web_graph_options o;
        o.skip_bad = true;
        o.anchors = anchors;
        o.parallel_intern_threads = 0;
        const web_graph alone = test_threads::on(1, [&] { return web_graph::read({path}, o); });
        const std::string want = dump(alone, anchors);
        CHECK_FALSE(alone.find_page("https://ok.com/x").has_value());
        CHECK(alone.num_pages() > 1000);
        CHECK(alone.stats().seconds_intern_ahead == 0);
        o.parallel_intern_threads = 2;
        for (std::size_t chunk : {std::size_t{0}, std::size_t{100}, std::size_t{5000},
                                  web_graph_options{}.read.chunk_bytes}) {
            o.read.chunk_bytes = chunk;
            for (int threads : {1, 2}) {
                INFO(path << ", anchors " << anchors << ", chunk_bytes " << chunk << ", "
                          << threads << " threads");
                const web_graph g =
                    test_threads::on(threads, [&] { return web_graph::read({path}, o); });
                CHECK(dump(g, anchors) == want);
#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
                CHECK((g.stats().seconds_intern_ahead > 0) == (threads == 2));  // it ran
#endif
            }
        }
    }
}

TEST_CASE("web ingest: a link row after a record row of the same source, interned in shards",
          "[web][ingest]") {
    // A run of rows with one source text shares the first row's key. When that first row is a
    // record (canonical, redirect), it has no page key: the links after it must be given their
    // own (found by fuzz_web_intern: the shared empty key reached resolve()).
    linkequity::test::temp_dir dir;
    const std::string path = dir.file("records.csv");
    {
        std::ofstream f(path, std::ios::binary);
        f << "source,target,type\n";
        for (int i = 0; i < 20000; ++i) {
            // Runs of three rows from one page: its canonical, then two links.
            const std::string site = "https://site" + std::to_string(i / 3 % 97) + ".com";
            const std::string s = site + "/p" + std::to_string(i / 3);
            if (i % 3 == 0)
                f << s << "," << site << "/c" << i << ",canonical\n";
            else
                f << s << ",https://other" << i % 53 << ".com/t" << i << ",link\n";
        }
    }
    web_graph_options o;
    o.parallel_intern_threads = 0;
    const std::string want =
        dump(test_threads::on(1, [&] { return web_graph::read({path}, o); }), true);
    o.parallel_intern_threads = 2;
    for (std::size_t chunk : {std::size_t{100}, std::size_t{5000}}) {
        o.read.chunk_bytes = chunk;
        INFO("chunk_bytes " << chunk);
        CHECK(dump(test_threads::on(2, [&] { return web_graph::read({path}, o); }), true) ==
              want);
    }
}

TEST_CASE("web ingest: rows added one by one, interned in shards or not, give one graph",
          "[web][ingest]") {
    // web_graph_builder::add: full batches go to the worker (one thread, the tables' one-step
    // intern), the last partial batch is processed on all threads at finish(), interning in
    // shards when the tables are sharded. Both builders must give the same graph.
    // The reserve_links hint changes nothing either, whether it can be had or not (a size no
    // vector can hold is ignored).
    auto build = [](int parallel_intern, std::size_t reserve = 0) {
        web_graph_options o;
        o.skip_bad = true;
        o.parallel_intern_threads = parallel_intern;
        linkequity::web::web_graph_builder b(o);
        if (reserve > 0) b.reserve_links(reserve);
        for (int i = 0; i < 40000; ++i) {
            std::string r = row(i);
            const auto c1 = r.find(','), c2 = r.find(',', c1 + 1);
            b.add(r.substr(0, c1), r.substr(c1 + 1, c2 - c1 - 1),
                  "anchor " + std::to_string(i % 7));
        }
        return dump(b.finish());
    };
    const std::string alone = test_threads::on(2, [&] { return build(0); });
    CHECK(test_threads::on(2, [&] { return build(2); }) == alone);
    CHECK(test_threads::on(1, [&] { return build(2); }) == alone);
    CHECK(test_threads::on(2, [&] { return build(0, 100000); }) == alone);
    CHECK(test_threads::on(2, [&] {
              return build(0, std::numeric_limits<std::size_t>::max() / 2);
          }) == alone);
}
