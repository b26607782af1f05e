// SPDX-License-Identifier: MIT
// Integer edge-list files (io::read_edge_list): SNAP text, GAPBS .el / .wel, Matrix Market
// (general / symmetric; pattern / real / integer; gzip), each against the edges written by hand
// for its fixture in tests/data/edges/; bad input in strict and lenient mode.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "linkequity/error.hpp"
#include "linkequity/io/link_source.hpp"
#include "linkequity/linkequity.hpp"

using namespace linkequity;
using namespace linkequity::io;

namespace {

const std::string dir = std::string(LINKEQUITY_TEST_DATA) + "/edges/";

using edge = std::tuple<node_id, node_id, float>;

/// The edges in file order, with weight 1 for unweighted lists.
std::vector<edge> edges_of(const edge_list& e) {
    std::vector<edge> out;
    for (std::size_t i = 0; i < e.num_edges(); ++i)
        out.emplace_back(e.src[i], e.dst[i], e.weights.empty() ? 1.0f : e.weights[i]);
    return out;
}

std::string strict_error(const std::string& file) {
    try {
        read_edge_list(dir + file);
    } catch (const parse_error& e) {
        return e.what();
    }
    return "no error";
}

edge_list lenient(const std::string& file, read_report& report) {
    read_options o;
    o.skip_bad = true;
    return read_edge_list(dir + file, o, &report);
}

}  // namespace

TEST_CASE("edge files: SNAP text with comments, tabs, commas and blank lines", "[io][edges]") {
    const edge_list e = read_edge_list(dir + "snap.txt");
    CHECK(e.num_nodes == 5);  // ids as given: max id 4 + 1; node 3 is isolated
    CHECK(e.weights.empty());
    CHECK(edges_of(e) == std::vector<edge>{{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {2, 0, 1}, {4, 2, 1}});
    const csr_graph g = build_graph(e);
    CHECK(g.out_degree(3) == 0);
    CHECK(g.in_degree(3) == 0);
    CHECK(g.in_degree(2) == 3);
}

TEST_CASE("edge files: GAPBS .el is unweighted and .wel weighted", "[io][edges]") {
    const edge_list el = read_edge_list(dir + "tiny.el");
    CHECK(el.num_nodes == 4);
    CHECK(el.weights.empty());
    CHECK(edges_of(el) == std::vector<edge>{{0, 1, 1}, {1, 2, 1}, {2, 0, 1}, {2, 3, 1}});
    const edge_list wel = read_edge_list(dir + "tiny.wel");
    CHECK(wel.num_nodes == 3);
    CHECK(edges_of(wel) == std::vector<edge>{{0, 1, 2}, {1, 2, 1}, {2, 0, 3}, {0, 2, 5}});
}

TEST_CASE("edge files: Matrix Market real general is 1-based, n from the size line",
          "[io][edges][mtx]") {
    read_report report;
    const edge_list e = read_edge_list(dir + "general_real.mtx", {}, &report);
    CHECK(e.num_nodes == 4);
    CHECK(edges_of(e) ==
          std::vector<edge>{{0, 1, 0.5f}, {1, 2, 1.5f}, {2, 0, 2}, {3, 2, 1}, {0, 2, 0.25f}});
    CHECK(report.rows == 5);
    CHECK(report.links == 5);
    CHECK(report.skipped == 0);
}

TEST_CASE("edge files: Matrix Market symmetric pattern is expanded, diagonal once",
          "[io][edges][mtx]") {
    const edge_list e = read_edge_list(dir + "symmetric_pattern.mtx");
    CHECK(e.num_nodes == 3);
    CHECK(e.weights.empty());
    CHECK(edges_of(e) == std::vector<edge>{{1, 0, 1}, {0, 1, 1}, {2, 1, 1}, {1, 2, 1}, {2, 2, 1}});
    build_options keep;
    keep.self_loops = self_loop_policy::keep;
    const csr_graph g = build_graph(e, keep);
    CHECK(g.num_edges() == 5);
    CHECK(build_graph(e).num_edges() == 4);  // the default drops the self-loop 2 → 2
}

TEST_CASE("edge files: Matrix Market integer, gzip recognised by its magic bytes",
          "[io][edges][mtx]") {
    const edge_list e = read_edge_list(dir + "integer.mtx.gz");
    CHECK(e.num_nodes == 3);
    CHECK(edges_of(e) == std::vector<edge>{{0, 1, 3}, {1, 2, 1}, {2, 0, 2}});
}

TEST_CASE("edge files: PageRank of a Matrix Market file equals that of the same edges",
          "[io][edges][mtx]") {
    const csr_graph from_file = build_graph(read_edge_list(dir + "general_real.mtx"));
    const std::vector<node_id> src{0, 1, 2, 3, 0}, dst{1, 2, 0, 2, 2};
    const std::vector<edge_weight> w{0.5f, 1.5f, 2, 1, 0.25f};
    const csr_graph by_hand = build_graph(4, src, dst, {}, w);
    const auto a = pagerank(from_file).scores, b = pagerank(by_hand).scores;
    REQUIRE(a.size() == 4);
    for (std::size_t v = 0; v < 4; ++v) CHECK(a[v] == b[v]);
}

TEST_CASE("edge files: file-level Matrix Market errors in both modes", "[io][edges][mtx]") {
    CHECK(strict_error("bad_header.mtx") ==
          dir + "bad_header.mtx:1:1: bad Matrix Market header: format 'array' is not supported "
                "(only 'coordinate'); expected '%%MatrixMarket matrix coordinate "
                "pattern|real|integer general|symmetric'");
    CHECK(strict_error("non_square.mtx") ==
          dir + "non_square.mtx:2:1: Matrix Market matrix is 3 x 4, expected a square matrix (an "
                "adjacency matrix: rows = columns = nodes)");
    CHECK_THAT(strict_error("truncated.mtx.gz"),
               Catch::Matchers::StartsWith(dir + "truncated.mtx.gz: ") &&
                   Catch::Matchers::Contains("gzip"));
    read_report report;
    for (const char* f : {"bad_header.mtx", "non_square.mtx", "truncated.mtx.gz"})
        CHECK_THROWS_AS(lenient(f, report), parse_error);
}

TEST_CASE("edge files: Matrix Market entries out of the declared size, strict and lenient",
          "[io][edges][mtx]") {
    CHECK(strict_error("out_of_range.mtx") ==
          dir + "out_of_range.mtx:4:1: invalid node id: '4' is not an integer in [1, 3] (Matrix "
                "Market ids are 1-based; the size line declares 3 nodes)");
    read_report report;
    const edge_list e = lenient("out_of_range.mtx", report);
    CHECK(e.num_nodes == 3);
    CHECK(edges_of(e) == std::vector<edge>{{0, 1, 1}, {1, 2, 1}});
    CHECK(report.rows == 3);
    CHECK(report.skipped == 1);
    CHECK(report.skipped_by_reason.at("invalid node id") == 1);
}

TEST_CASE("edge files: a Matrix Market file with fewer entries than declared", "[io][edges][mtx]") {
    CHECK(strict_error("short.mtx") ==
          dir + "short.mtx:4: entry count: 2 entries, the size line declares 4 (truncated file?)");
    read_report report;
    const edge_list e = lenient("short.mtx", report);
    CHECK(edges_of(e) == std::vector<edge>{{0, 1, 1}, {1, 2, 2}});
    CHECK(report.skipped_by_reason.at("entry count") == 1);
}

TEST_CASE("edge files: bad .wel lines name file:line, value and expectation, lenient skips",
          "[io][edges]") {
    CHECK(strict_error("bad_lines.wel") ==
          dir + "bad_lines.wel:2:1: invalid node id: '-1' is not a non-negative integer");
    read_report report;
    const edge_list e = lenient("bad_lines.wel", report);
    CHECK(e.num_nodes == 3);
    CHECK(edges_of(e) == std::vector<edge>{{0, 1, 1.5f}, {2, 1, 2}});
    CHECK(report.rows == 5);
    CHECK(report.skipped == 3);
    CHECK(report.skipped_by_reason.at("invalid node id") == 2);
    CHECK(report.skipped_by_reason.at("invalid weight") == 1);
    REQUIRE(report.examples.size() == 3);
    CHECK(report.examples[2] ==
          dir + "bad_lines.wel:4:5: invalid weight: '-3' is not a finite number >= 0");
}
