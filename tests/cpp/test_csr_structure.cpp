// SPDX-License-Identifier: MIT
// check_csr_structure (src/graph/csr_structure.hpp, internal): hand-made CSR arrays, each
// problem found where it is, the first bad row and edge reported, the edge hash equal for a
// graph's two directions and different when an edge differs; large graphs take the parallel path.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "../../src/graph/csr_structure.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/linkequity.hpp"

using namespace linkequity;
using detail::check_csr_structure;
using detail::csr_rows;
using problem = detail::csr_structure_report::problem;

namespace {

// Edges 0→1, 0→2, 1→2, 2→0 written out by hand in both directions.
const std::vector<edge_offset> out_off = {0, 2, 3, 4};
const std::vector<node_id> out_ids = {1, 2, 2, 0};
const std::vector<edge_offset> in_off = {0, 1, 2, 4};
const std::vector<node_id> in_ids = {2, 0, 0, 1};

detail::csr_structure_report check(const std::vector<edge_offset>& off,
                                   const std::vector<node_id>& ids, std::size_t n,
                                   csr_rows rows = csr_rows::out,
                                   const std::vector<edge_flags>& fl = {},
                                   const std::vector<edge_weight>& wt = {}) {
    return check_csr_structure(off, ids, fl, wt, n, rows);
}

}  // namespace

TEST_CASE("csr structure: a valid graph passes and both directions hash alike", "[csr_structure]") {
    const auto out = check(out_off, out_ids, 3, csr_rows::out);
    const auto in = check(in_off, in_ids, 3, csr_rows::in);
    REQUIRE(out.ok());
    REQUIRE(in.ok());
    CHECK(out.edge_hash == in.edge_hash);
    // Row 2 of the in-adjacency holds sources {0, 1}; {1, 1} is well formed but other edges.
    const auto other = check(in_off, {2, 0, 1, 1}, 3, csr_rows::in);
    REQUIRE(other.ok());
    CHECK(other.edge_hash != out.edge_hash);
    // The same rows read as the other direction are the reversed edges.
    CHECK(check(out_off, out_ids, 3, csr_rows::in).edge_hash != out.edge_hash);
    // Flags and weights enter the hash.
    const std::vector<edge_flags> fo = {0, 1, 0, 0}, fi = {0, 0, 1, 0};  // flag on edge 0→2
    CHECK(check(out_off, out_ids, 3, csr_rows::out, fo).edge_hash ==
          check(in_off, in_ids, 3, csr_rows::in, fi).edge_hash);
    CHECK(check(out_off, out_ids, 3, csr_rows::out, fo).edge_hash !=
          check(in_off, in_ids, 3, csr_rows::in, fo).edge_hash);
    const std::vector<edge_weight> wo = {1, 2, 3, 4}, wi = {4, 1, 2, 3};
    CHECK(check(out_off, out_ids, 3, csr_rows::out, {}, wo).edge_hash ==
          check(in_off, in_ids, 3, csr_rows::in, {}, wi).edge_hash);
    CHECK(check(out_off, out_ids, 3, csr_rows::out, {}, wo).edge_hash !=
          check(in_off, in_ids, 3, csr_rows::in, {}, wo).edge_hash);
}

TEST_CASE("csr structure: empty graphs", "[csr_structure]") {
    CHECK(check({}, {}, 0).ok());
    CHECK(check({0}, {}, 0).ok());
    CHECK(check({0, 0, 0}, {}, 2).ok());
    CHECK(check({}, {}, 2).what == problem::offsets_size);
}

TEST_CASE("csr structure: shape problems", "[csr_structure]") {
    CHECK(check({0, 2, 4}, out_ids, 3).what == problem::offsets_size);
    CHECK(check({1, 2, 3, 4}, out_ids, 3).what == problem::offsets_ends);
    CHECK(check({0, 2, 3, 3}, out_ids, 3).what == problem::offsets_ends);
    CHECK(check(out_off, out_ids, 3, csr_rows::out, {0, 0}).what == problem::attribute_size);
    CHECK(check(out_off, out_ids, 3, csr_rows::out, {}, {1, 1, 1}).what ==
          problem::attribute_size);
}

TEST_CASE("csr structure: the first bad row and edge are reported", "[csr_structure]") {
    auto r = check({0, 3, 2, 4}, out_ids, 3);
    CHECK(r.what == problem::offsets_decrease);
    CHECK(r.row == 1);

    r = check(out_off, {1, 2, 5, 0}, 3);  // row 1's only edge points at node 5
    CHECK(r.what == problem::id_out_of_range);
    CHECK(r.row == 1);
    CHECK(r.entry == 2);

    r = check(out_off, {2, 1, 2, 0}, 3);  // row 0 = {2, 1}
    CHECK(r.what == problem::row_unsorted);
    CHECK(r.row == 0);
    CHECK(r.entry == 1);

    r = check(out_off, out_ids, 3, csr_rows::out, {}, {1, 1, -1, 1});
    CHECK(r.what == problem::bad_weight);
    CHECK(r.row == 1);
    CHECK(r.entry == 2);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    CHECK(check(out_off, out_ids, 3, csr_rows::out, {}, {1, 1, 1, nan}).what ==
          problem::bad_weight);
    CHECK(check(out_off, out_ids, 3, csr_rows::out, {}, {inf, 1, 1, 1}).entry == 0);

    // Two bad rows: the first is reported. In a row, the first bad edge, and for one edge the
    // id before the order before the weight.
    r = check(out_off, {2, 1, 9, 0}, 3);
    CHECK(r.what == problem::row_unsorted);
    CHECK(r.row == 0);
    r = check(out_off, {1, 2, 2, 7}, 3, csr_rows::out, {}, {-1, 1, 1, 1});
    CHECK(r.what == problem::bad_weight);
    CHECK(r.entry == 0);
    r = check(out_off, {2, 1, 2, 0}, 3, csr_rows::out, {}, {-1, -1, 1, 1});
    CHECK(r.what == problem::bad_weight);  // entry 0: its id is fine, its weight is not
    CHECK(r.entry == 0);
    r = check({0, 2, 3, 4}, {2, 4, 2, 0}, 3, csr_rows::out, {}, {1, -1, 1, 1});
    CHECK(r.what == problem::id_out_of_range);
    CHECK(r.entry == 1);
}

TEST_CASE("csr structure: built graphs pass, parallel path finds the first bad row",
          "[csr_structure]") {
    kronecker_options k;
    k.scale = 12;  // 65 536 edges drawn: above detail::parallel_threshold
    const csr_graph g = build_graph(kronecker_edges(k));
    REQUIRE(g.num_edges() > detail::parallel_threshold);
    const std::size_t n = g.num_nodes();
    const auto out = check_csr_structure(g.out_offsets(), g.out_targets(), {}, {}, n,
                                         csr_rows::out);
    const auto in = check_csr_structure(g.in_offsets(), g.in_sources(), {}, {}, n, csr_rows::in);
    REQUIRE(out.ok());
    REQUIRE(in.ok());
    CHECK(out.edge_hash == in.edge_hash);

    // Break two rows far apart; the oracle is a serial scan for the first unsorted row.
    std::vector<node_id> ids(g.in_sources().begin(), g.in_sources().end());
    const auto off = g.in_offsets();
    std::vector<std::size_t> wide;  // rows with >= 2 entries
    for (std::size_t v = 0; v < n; ++v)
        if (off[v + 1] - off[v] >= 2) wide.push_back(v);
    REQUIRE(wide.size() > 10);
    for (std::size_t v : {wide[wide.size() - 3], wide[wide.size() / 2]})
        std::swap(ids[off[v]], ids[off[v + 1] - 1]);
    std::size_t expected_row = n;
    for (std::size_t v = 0; v < n && expected_row == n; ++v)
        for (edge_offset e = off[v] + 1; e < off[v + 1]; ++e)
            if (ids[e - 1] > ids[e]) {
                expected_row = v;
                break;
            }
    REQUIRE(expected_row < n);
    const auto bad = check_csr_structure(off, ids, {}, {}, n, csr_rows::in);
    CHECK(bad.what == problem::row_unsorted);
    CHECK(bad.row == expected_row);
}
