// SPDX-License-Identifier: MIT
// Partitioned graphs (dist/partition.hpp): the parts put back together are the graph's
// in-adjacency and out-weights (checked edge by edge against the csr_graph), the ranges are
// balanced, and a missing, corrupted, swapped or foreign part is a clear error.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <numeric>
#include <string>

#include "linkequity/dist/partition.hpp"
#include "linkequity/error.hpp"
#include "linkequity/linkequity.hpp"
#include "cli_runner.hpp"
#include "temp_files.hpp"

using namespace linkequity;

namespace {

/// A small graph with weights and flags: node i links to (3i+1) % n and (7i+2) % n, and node
/// 0 gets every third node's link (a skewed in-degree).
csr_graph sample_graph(std::size_t n, bool weighted, bool flagged) {
    edge_list e;
    e.num_nodes = n;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t t : {(3 * i + 1) % n, (7 * i + 2) % n, i % 3 == 0 ? std::size_t{0} : n}) {
            if (t >= n || t == i) continue;
            e.src.push_back(static_cast<node_id>(i));
            e.dst.push_back(static_cast<node_id>(t));
            if (weighted) e.weights.push_back(static_cast<edge_weight>(1 + (i + t) % 4));
            if (flagged) e.flags.push_back(i % 5 == 0 ? flags::nofollow : flags::none);
        }
    }
    return build_graph(e);
}

/// Checks that the parts of `dir` hold exactly g's in-adjacency and out-weights.
void check_round_trip(const std::string& dir, const csr_graph& g, std::size_t parts) {
    const dist::partition_manifest m = dist::load_partition_manifest(dir);
    REQUIRE(m.parts == parts);
    REQUIRE(m.num_nodes == g.num_nodes());
    REQUIRE(m.num_edges == g.num_edges());
    CHECK(m.weights == g.has_weights());
    CHECK(m.flags == g.has_flags());
    std::size_t edges = 0;
    for (std::size_t p = 0; p < parts; ++p) {
        const dist::graph_part part = dist::load_graph_part(m, p);
        REQUIRE(part.first == m.bounds[p]);
        REQUIRE(part.last == m.bounds[p + 1]);
        for (std::uint64_t v = part.first; v < part.last; ++v) {
            const std::size_t i = v - part.first;
            const auto src = g.in_neighbors(static_cast<node_id>(v));
            REQUIRE(part.in_offsets[i + 1] - part.in_offsets[i] == src.size());
            for (std::size_t k = 0; k < src.size(); ++k) {
                const edge_offset e = part.in_offsets[i] + k;
                CHECK(part.in_sources[e] == src[k]);
                if (g.has_weights()) CHECK(part.in_weights[e] == g.in_weights(static_cast<node_id>(v))[k]);
                if (g.has_flags()) CHECK(part.in_flags[e] == g.in_flags(static_cast<node_id>(v))[k]);
            }
            REQUIRE(part.out_offsets[i + 1] - part.out_offsets[i] == g.out_degree(static_cast<node_id>(v)));
            for (std::size_t k = 0; k < g.out_degree(static_cast<node_id>(v)); ++k) {
                const edge_offset e = part.out_offsets[i] + k;
                if (g.has_weights()) CHECK(part.out_weights[e] == g.out_weights(static_cast<node_id>(v))[k]);
                if (g.has_flags()) CHECK(part.out_flags[e] == g.out_flags(static_cast<node_id>(v))[k]);
            }
        }
        edges += part.in_sources.size();
    }
    CHECK(edges == g.num_edges());
}

}  // namespace

TEST_CASE("partition: the parts hold the graph's in-edges and out-weights", "[partition]") {
    test::temp_dir tmp("linkequity-partition");
    for (bool weighted : {false, true})
        for (bool flagged : {false, true})
            for (std::size_t parts : {1, 2, 3, 7, 60}) {
                const csr_graph g = sample_graph(50, weighted, flagged);
                const std::string dir = tmp.file("g" + std::to_string(weighted) +
                                                 std::to_string(flagged) + std::to_string(parts));
                dist::save_partitions(dir, g, parts);
                check_round_trip(dir, g, parts);
            }
}

TEST_CASE("partition: lean graphs keep their out-weights", "[partition]") {
    test::temp_dir tmp("linkequity-partition");
    kronecker_options ko;
    ko.scale = 8;
    ko.edge_factor = 8;
    edge_list e = kronecker_edges(ko);
    build_options bo;
    bo.lean = true;
    const csr_graph g = build_graph(e, bo);
    dist::save_partitions(tmp.file("lean"), g, 3);
    const auto m = dist::load_partition_manifest(tmp.file("lean"));
    CHECK(m.lean);
    for (std::size_t p = 0; p < 3; ++p) {
        const auto part = dist::load_graph_part(m, p);
        REQUIRE(part.lean_out_weight.size() == part.num_local());
        for (std::size_t i = 0; i < part.num_local(); ++i)
            CHECK(part.lean_out_weight[i] == g.lean_out_weight()[part.first + i]);
    }
}

TEST_CASE("partition: ranges are contiguous, block-aligned and balanced by in-edges plus nodes",
          "[partition]") {
    kronecker_options ko;
    ko.scale = 15;
    const csr_graph g = build_graph(kronecker_edges(ko));
    const std::size_t n = g.num_nodes(), block = dist::partition_alignment;
    // The heaviest block (its rows' in-edges plus its nodes): a cut moves by at most one block.
    double max_block = 0;
    for (std::size_t f = 0; f < n; f += block) {
        const std::size_t l = std::min(n, f + block);
        max_block = std::max(max_block, double(g.in_offsets()[l] - g.in_offsets()[f]) +
                                            double(l - f));
    }
    for (std::size_t parts : {1, 2, 3, 4, 8}) {
        const auto b = dist::partition_bounds(g, parts);
        REQUIRE(b.size() == parts + 1);
        CHECK(b.front() == 0);
        CHECK(b.back() == n);
        const double ideal = double(g.num_edges() + n) / double(parts);
        for (std::size_t p = 0; p < parts; ++p) {
            REQUIRE(b[p] <= b[p + 1]);
            CHECK((b[p] % block == 0 || b[p] == n));
            const double load = double(g.in_offsets()[b[p + 1]] - g.in_offsets()[b[p]]) +
                                double(b[p + 1] - b[p]);
            // Each cut lands within one block of its target (so a part within two of its share).
            CHECK(load <= ideal + 2 * max_block);
            CHECK(load >= ideal - 2 * max_block);
        }
        // The overload on the offsets alone gives the same cuts.
        CHECK(dist::partition_bounds(g.in_offsets(), parts) == b);
    }
    // 8 blocks in 2 parts: the cut is a block boundary near the middle of the load.
    const auto b2 = dist::partition_bounds(g, 2);
    const double half = double(g.num_edges() + n) / 2;
    const double at = double(g.in_offsets()[b2[1]] + b2[1]);
    for (std::size_t c = 0; c <= n; c += block)  // no other boundary is nearer the target
        CHECK(std::fabs(at - half) <= std::fabs(double(g.in_offsets()[c] + c) - half));
    // Fewer blocks than parts: some parts are empty. One block (n = 4096) in 3 parts: the
    // cut at 1/3 of the load rounds down to 0, the one at 2/3 up to n.
    ko.scale = 12;
    const csr_graph small = build_graph(kronecker_edges(ko));
    CHECK(dist::partition_bounds(small, 3) == std::vector<std::uint64_t>{0, 0, 4096, 4096});
    CHECK_THROWS_AS(dist::partition_bounds(g, 0), std::invalid_argument);
}

TEST_CASE("partition: missing, corrupted, swapped and foreign parts are clear errors",
          "[partition]") {
    test::temp_dir tmp("linkequity-partition");
    const csr_graph g = sample_graph(40, true, true);
    const std::string a = tmp.file("a"), b = tmp.file("b");
    dist::save_partitions(a, g, 3);
    dist::save_partitions(b, sample_graph(41, true, true), 3);
    const auto m = dist::load_partition_manifest(a);
    namespace fs = std::filesystem;
    auto message = [&](std::size_t p) {
        try {
            dist::load_graph_part(m, p);
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    SECTION("missing part") {
        fs::remove(m.part_path(1));
        CHECK_THROWS_AS(dist::load_graph_part(m, 1), fs::filesystem_error);
        CHECK_THAT(message(1), Catch::Contains("part-00001-of-00003.lqs"));
    }
    SECTION("corrupted byte") {
        // 40 nodes are one block: part 1 holds them all (parts 0 and 2 are empty).
        REQUIRE(m.bounds == std::vector<std::uint64_t>{0, 0, 40, 40});
        auto bytes = test::read_bytes(m.part_path(1));
        bytes[bytes.size() - 3] ^= 0x40;
        test::write_bytes(m.part_path(1), bytes);
        CHECK_THROWS_AS(dist::load_graph_part(m, 1), parse_error);
        CHECK_THAT(message(1), Catch::Contains("checksum"));
    }
    SECTION("part of another graph") {
        fs::copy_file(b + "/part-00000-of-00003.lqs", m.part_path(0),
                      fs::copy_options::overwrite_existing);
        CHECK_THAT(message(0), Catch::Contains("from another partitioning"));
    }
    SECTION("parts swapped") {
        fs::copy_file(m.part_path(0), m.part_path(1), fs::copy_options::overwrite_existing);
        CHECK_THAT(message(1), Catch::Contains("is part 0") && Catch::Contains("expected part 1"));
    }
    SECTION("index beyond the part count") {
        CHECK_THROWS_AS(dist::load_graph_part(m, 3), std::out_of_range);
    }
    SECTION("no manifest") {
        CHECK_THROWS_AS(dist::load_partition_manifest(tmp.file("nowhere")), fs::filesystem_error);
    }
    SECTION("a graph snapshot is not a manifest") {
        fs::create_directories(tmp.file("c"));
        io::save_snapshot(tmp.file("c") + "/manifest.lqs", g);
        CHECK_THROWS_WITH(dist::load_partition_manifest(tmp.file("c")),
                          Catch::Contains("not a linkequity partition file"));
    }
    SECTION("no parts") {
        CHECK_THROWS_AS(dist::save_partitions(tmp.file("d"), g, 0), std::invalid_argument);
    }
}

TEST_CASE("partition: `linkequity snapshot --partitions` writes a partitioned graph",
          "[partition][cli]") {
    if (!linkequity::testing::cli_available()) return;
    test::temp_dir tmp("linkequity-partition-cli");
    const auto r = linkequity::testing::run("snapshot --scale 8 --partitions 3 --out parts",
                                            tmp.path);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("partitions   3 parts in parts"));
    const auto m = dist::load_partition_manifest(tmp.file("parts"));
    CHECK(m.parts == 3);
    CHECK(m.num_nodes == 256);
    kronecker_options ko;
    ko.scale = 8;
    CHECK(m.num_edges == build_graph(kronecker_edges(ko)).num_edges());
    const auto bad = linkequity::testing::run("snapshot --scale 8 --partitions 0 --out p0", tmp.path);
    CHECK(bad.code == 2);
    // More parts than nodes: the last ranges are empty.
    const auto many = linkequity::testing::run("snapshot --scale 2 --partitions 6 --out p6", tmp.path);
    REQUIRE(many.code == 0);
    const auto m6 = dist::load_partition_manifest(tmp.file("p6"));
    CHECK(m6.bounds.back() == 4);
    CHECK(dist::load_graph_part(m6, 5).num_local() == 0);
}
