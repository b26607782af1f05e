// SPDX-License-Identifier: MIT
// Binary snapshots: round trips (plain, flagged, weighted, lean, empty, extras) compared array by
// array, PageRank on the mapped graph, every verification level, damaged files (truncated, a
// flipped byte per section, wrong magic / version / byte order, crafted structure errors) and the
// atomic writer (no temp file after success or failure, the old file survives a failed save).
#include <catch2/catch.hpp>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "linkequity/io/snapshot.hpp"
#include "linkequity/linkequity.hpp"
#include "temp_files.hpp"

using namespace linkequity;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

using test::read_bytes;
using test::temp_dir;
using test::write_bytes;

template <class T>
void require_same(span<const T> a, span<const T> b) {
    REQUIRE(a.size() == b.size());
    REQUIRE(std::equal(a.begin(), a.end(), b.begin()));
}

void require_same_graph(const csr_graph& a, const csr_graph& b) {
    REQUIRE(a.num_nodes() == b.num_nodes());
    REQUIRE(a.num_edges() == b.num_edges());
    REQUIRE(a.is_lean() == b.is_lean());
    REQUIRE(a.has_flags() == b.has_flags());
    REQUIRE(a.has_weights() == b.has_weights());
    require_same(a.out_offsets(), b.out_offsets());
    require_same(a.out_targets(), b.out_targets());
    require_same(a.out_flag_array(), b.out_flag_array());
    require_same(a.out_weight_array(), b.out_weight_array());
    require_same(a.in_offsets(), b.in_offsets());
    require_same(a.in_sources(), b.in_sources());
    require_same(a.in_flag_array(), b.in_flag_array());
    require_same(a.in_weight_array(), b.in_weight_array());
    require_same(a.lean_out_weight(), b.lean_out_weight());
    REQUIRE(a.memory_bytes() == b.memory_bytes());
}

edge_list random_edges(std::size_t n, std::size_t m, bool with_flags, bool with_weights,
                       std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    edge_list e;
    e.num_nodes = n;
    for (std::size_t i = 0; i < m; ++i) {
        e.src.push_back(static_cast<node_id>(rng() % n));
        e.dst.push_back(static_cast<node_id>(rng() % n));
        if (with_flags) e.flags.push_back(static_cast<edge_flags>(rng() % 4 == 0 ? rng() % 32 : 0));
        if (with_weights) e.weights.push_back(static_cast<float>(rng() % 1000) / 100.0f);
    }
    return e;
}

csr_graph round_trip(const temp_dir& d, const csr_graph& g,
                     io::snapshot_verify verify = io::snapshot_verify::checksums) {
    const std::string p = d.file("g.lqs");
    io::save_snapshot(p, g);
    io::snapshot s = io::load_snapshot(p, {verify});
    return s.take_graph();  // the snapshot object dies here; the graph keeps the mapping
}

// Rewrites the header checksum after a test patched the file on purpose (layout: header 64
// bytes with the checksum at 56; 80-byte table entries with the checksum at 72).
void reseal(std::vector<unsigned char>& b) {
    std::uint32_t count;
    std::memcpy(&count, b.data() + 20, 4);
    const std::size_t end = 64 + std::size_t{count} * 80;
    std::vector<unsigned char> head(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(end));
    std::memset(head.data() + 56, 0, 8);
    const std::uint64_t c = io::snapshot_checksum(head.data(), head.size());
    std::memcpy(b.data() + 56, &c, 8);
}

// Patches one 32-bit value of section `name` and fixes its checksum and the header's.
void patch_u32(std::vector<unsigned char>& b, const io::snapshot& s, const std::string& name,
               std::size_t index, std::uint32_t value) {
    for (std::size_t i = 0; i < s.sections().size(); ++i) {
        const auto& info = s.sections()[i];
        if (info.name != name) continue;
        std::memcpy(b.data() + info.offset + 4 * index, &value, 4);
        const std::uint64_t c = io::snapshot_checksum(b.data() + info.offset, info.bytes);
        std::memcpy(b.data() + 64 + 80 * i + 72, &c, 8);
        reseal(b);
        return;
    }
    FAIL("no section " << name);
}

std::string load_error(const std::string& p,
                       io::snapshot_verify verify = io::snapshot_verify::checksums) {
    try {
        io::load_snapshot(p, {verify});
    } catch (const parse_error& e) {
        CHECK(e.path() == p);
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("snapshot: round trip of plain, flagged, weighted and lean graphs", "[snapshot]") {
    temp_dir d;
    const auto verify = GENERATE(io::snapshot_verify::checksums, io::snapshot_verify::structure,
                                 io::snapshot_verify::none);
    SECTION("kronecker, plain") {
        kronecker_options k;
        k.scale = 10;
        const csr_graph g = build_graph(kronecker_edges(k));
        require_same_graph(g, round_trip(d, g, verify));
    }
    SECTION("flags and weights, every duplicate policy") {
        const edge_list e = random_edges(300, 3000, true, true, 7);
        for (auto dup : {duplicate_policy::merge, duplicate_policy::count, duplicate_policy::keep}) {
            build_options o;
            o.duplicates = dup;
            o.self_loops = self_loop_policy::keep;
            const csr_graph g = build_graph(e, o);
            REQUIRE(g.has_flags());
            REQUIRE(g.has_weights());
            require_same_graph(g, round_trip(d, g, verify));
        }
    }
    SECTION("flags only, weights only") {
        const csr_graph f = build_graph(random_edges(100, 700, true, false, 8));
        require_same_graph(f, round_trip(d, f, verify));
        const csr_graph w = build_graph(random_edges(100, 700, false, true, 9));
        require_same_graph(w, round_trip(d, w, verify));
    }
    SECTION("lean, weighted and not") {
        build_options o;
        o.lean = true;
        for (bool weighted : {false, true}) {
            const csr_graph g = build_graph(random_edges(200, 2000, true, weighted, 10), o);
            REQUIRE(g.is_lean());
            const csr_graph r = round_trip(d, g, verify);
            require_same_graph(g, r);
            REQUIRE_THROWS_AS(r.out_degree(0), std::logic_error);
        }
    }
    SECTION("empty graphs") {
        const csr_graph built = build_graph(0, span<const node_id>{}, span<const node_id>{});
        require_same_graph(built, round_trip(d, built, verify));
        const csr_graph nodes_only = build_graph(5, span<const node_id>{}, span<const node_id>{});
        require_same_graph(nodes_only, round_trip(d, nodes_only, verify));
        const csr_graph def;
        require_same_graph(def, round_trip(d, def, verify));
    }
    REQUIRE(d.entries() == std::vector<std::string>{"g.lqs"});  // no temp file left behind
}

TEST_CASE("snapshot: PageRank on the mapped graph equals PageRank on the original", "[snapshot]") {
    temp_dir d;
    kronecker_options k;
    k.scale = 12;
    const csr_graph g = build_graph(kronecker_edges(k));
    const pagerank_result want = pagerank(g);
    io::save_snapshot(d.file("k.lqs"), g);
    const io::snapshot s = io::load_snapshot(d.file("k.lqs"));
    const pagerank_result got = pagerank(s.graph());
    REQUIRE(got.iterations == want.iterations);
    REQUIRE(got.scores.size() == want.scores.size());
    for (std::size_t i = 0; i < got.scores.size(); ++i)
        REQUIRE_THAT(got.scores[i], Catch::Matchers::WithinAbs(want.scores[i], 1e-15));

    build_options o;
    o.lean = true;
    const csr_graph lean = build_graph(random_edges(500, 5000, true, true, 3), o);
    io::save_snapshot(d.file("lean.lqs"), lean);
    const pagerank_result a = pagerank(lean);
    const pagerank_result b = pagerank(io::load_snapshot(d.file("lean.lqs")).graph());
    for (std::size_t i = 0; i < a.scores.size(); ++i)
        REQUIRE_THAT(b.scores[i], Catch::Matchers::WithinAbs(a.scores[i], 1e-15));
}

TEST_CASE("snapshot: extra sections", "[snapshot]") {
    temp_dir d;
    const csr_graph g = build_graph(random_edges(50, 200, false, false, 1));
    std::vector<std::uint32_t> host_of(50);
    for (std::size_t i = 0; i < host_of.size(); ++i) host_of[i] = static_cast<node_id>(i / 7);
    const std::vector<std::uint64_t> first_seen = {1700000000ull, 1, 0, ~0ull};
    const std::vector<double> scores = {0.25, 0.5, -1.5e300};
    const std::vector<std::uint8_t> empty;
    const std::vector<std::string> urls = {"https://example.com/", "", "https://b.example/ü",
                                           std::string("nul\0inside", 10)};
    const std::string chars = "abcdef";
    const std::vector<std::uint64_t> offs = {0, 1, 3, 3, 6};
    io::snapshot_extras x;
    x.add_array("page.host", host_of);
    x.add_array("link.first_seen", first_seen);
    x.add_array("scores", scores);
    x.add_array("nothing", empty);
    x.add_strings("page.url", urls);
    x.add_strings("raw", offs, chars);
    x.add_strings("no_strings", std::vector<std::string>{});
    io::save_snapshot(d.file("x.lqs"), g, x);

    const io::snapshot s = io::load_snapshot(d.file("x.lqs"));
    require_same_graph(g, s.graph());
    require_same(s.array<std::uint32_t>("page.host"), span<const std::uint32_t>(host_of));
    require_same(s.array<std::uint64_t>("link.first_seen"), span<const std::uint64_t>(first_seen));
    require_same(s.array<double>("scores"), span<const double>(scores));
    REQUIRE(s.array<std::uint8_t>("nothing").empty());
    REQUIRE(s.array_names() ==
            std::vector<std::string>{"page.host", "link.first_seen", "scores", "nothing"});
    REQUIRE(s.string_table_names() == std::vector<std::string>{"page.url", "raw", "no_strings"});
    REQUIRE(s.has_array("scores"));
    REQUIRE_FALSE(s.has_array("page.url"));
    REQUIRE(s.has_strings("page.url"));

    io::snapshot_strings u = s.strings("page.url");
    REQUIRE(u.size() == urls.size());
    for (std::size_t i = 0; i < urls.size(); ++i) REQUIRE(u[i] == urls[i]);
    const io::snapshot_strings r = s.strings("raw");
    REQUIRE(r.size() == 4);
    REQUIRE(r[0] == "a");
    REQUIRE(r[1] == "bc");
    REQUIRE(r[2].empty());
    REQUIRE(r[3] == "def");
    REQUIRE(s.strings("no_strings").empty());

    REQUIRE_THROWS_WITH(s.array<std::uint32_t>("scores"), Contains("f64") && Contains("u32"));
    REQUIRE_THROWS_AS(s.array<std::uint32_t>("scores"), std::invalid_argument);
    REQUIRE_THROWS_AS(s.array<double>("missing"), std::out_of_range);
    REQUIRE_THROWS_WITH(s.array<double>("missing"), Contains("page.host"));
    REQUIRE_THROWS_AS(s.strings("page.host"), std::out_of_range);

    {
        io::snapshot s3 = io::load_snapshot(d.file("x.lqs"));
        const csr_graph taken = s3.take_graph();
        REQUIRE(s3.graph().num_nodes() == 0);
        REQUIRE(s3.graph().in_sources().empty());
        require_same_graph(g, taken);
    }
    // Views outlive the snapshot object through the mapping they hold.
    io::snapshot_strings kept;
    {
        const io::snapshot s2 = io::load_snapshot(d.file("x.lqs"));
        kept = s2.strings("page.url");
    }
    REQUIRE(kept[0] == "https://example.com/");
}

TEST_CASE("snapshot: empty sections may share an offset with the next one", "[snapshot]") {
    // An empty graph stores empty arrays, each at the offset where the next section starts.
    // With enough sections the loader's offset sort is not stable: empty ones must not count
    // as overlapping their neighbour (regression: "sections 'x' and 'in_sources' overlap").
    temp_dir d;
    std::vector<std::vector<std::uint32_t>> arrays;
    io::snapshot_extras x;
    for (std::uint32_t i = 0; i < 40; ++i) arrays.push_back(std::vector<std::uint32_t>(i % 3, i));
    for (std::uint32_t i = 0; i < 40; ++i) x.add_array("a" + std::to_string(i), arrays[i]);
    io::save_snapshot(d.file("e.lqs"), csr_graph{}, x);
    const io::snapshot s = io::load_snapshot(d.file("e.lqs"));
    REQUIRE(s.graph().num_nodes() == 0);
    for (std::uint32_t i = 0; i < 40; ++i)
        require_same(s.array<std::uint32_t>("a" + std::to_string(i)),
                     span<const std::uint32_t>(arrays[i]));
}

TEST_CASE("snapshot: bad extra-section names are rejected", "[snapshot]") {
    io::snapshot_extras x;
    const std::vector<std::uint32_t> v = {1};
    REQUIRE_THROWS_AS(x.add_array("", v), std::invalid_argument);
    REQUIRE_THROWS_WITH(x.add_array(std::string(32, 'a'), v), Contains("1 to 31 bytes"));
    REQUIRE_THROWS_AS(x.add_array(std::string("a\0b", 3), v), std::invalid_argument);
    x.add_array(std::string(31, 'a'), v);
    REQUIRE_THROWS_WITH(x.add_array(std::string(31, 'a'), v), Contains("already used"));
    const std::vector<std::uint64_t> bad = {0, 5, 3};
    REQUIRE_THROWS_WITH(x.add_strings("s", bad, "abc"), Contains("offsets"));
    const std::vector<std::uint64_t> short_end = {0, 2};
    REQUIRE_THROWS_AS(x.add_strings("s", short_end, "abc"), std::invalid_argument);
}

TEST_CASE("snapshot: damaged files give parse_error naming file and problem", "[snapshot]") {
    temp_dir d;
    const csr_graph g = build_graph(random_edges(400, 4000, true, true, 5));
    io::snapshot_extras x;
    const std::vector<std::string> names = {"alpha", "beta"};
    const std::vector<double> vals = {1.0, 2.0, 3.0};
    x.add_strings("names", names);
    x.add_array("vals", vals);
    const std::string good = d.file("good.lqs");
    io::save_snapshot(good, g, x);
    const std::vector<unsigned char> bytes = read_bytes(good);
    const io::snapshot s = io::load_snapshot(good);
    const std::string bad = d.file("bad.lqs");

    SECTION("truncated at several lengths") {
        const std::size_t table_end = 64 + 80 * s.sections().size();
        for (std::size_t len : {std::size_t{0}, std::size_t{1}, std::size_t{63}, std::size_t{64},
                                std::size_t{100}, table_end - 1, table_end, table_end + 200,
                                bytes.size() / 2, bytes.size() - 1}) {
            write_bytes(bad, {bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(len)});
            for (auto verify : {io::snapshot_verify::none, io::snapshot_verify::checksums}) {
                const std::string msg = load_error(bad, verify);
                INFO("length " << len << ": " << msg);
                REQUIRE_THAT(msg, Contains("bad.lqs: truncated"));
            }
        }
    }
    SECTION("appended bytes") {
        std::vector<unsigned char> b = bytes;
        b.push_back(0);
        write_bytes(bad, b);
        REQUIRE_THAT(load_error(bad), Contains("1 unexpected bytes after the end"));
    }
    SECTION("a flipped byte in each section") {
        for (const auto& info : s.sections()) {
            if (info.bytes == 0) continue;
            for (std::uint64_t at : {info.offset, info.offset + info.bytes / 2,
                                     info.offset + info.bytes - 1}) {
                std::vector<unsigned char> b = bytes;
                b[at] ^= 0x10;
                write_bytes(bad, b);
                const std::string msg = load_error(bad);
                INFO(msg);
                REQUIRE_THAT(msg, Contains("bad.lqs: section '" + info.name +
                                           "' checksum mismatch (file corrupted?)"));
            }
        }
    }
    SECTION("a flipped byte in the header or the section table") {
        for (std::size_t at : {std::size_t{24}, std::size_t{50}, std::size_t{64},
                               std::size_t{64 + 80 + 40}, std::size_t{64 + 80 * 3 + 79}}) {
            std::vector<unsigned char> b = bytes;
            b[at] ^= 0x01;
            write_bytes(bad, b);
            const std::string msg = load_error(bad, io::snapshot_verify::none);
            INFO("offset " << at << ": " << msg);
            REQUIRE_THAT(msg, Contains("header checksum mismatch"));
        }
    }
    SECTION("wrong magic, version, byte order") {
        std::vector<unsigned char> b = bytes;
        b[0] = 'X';
        write_bytes(bad, b);
        REQUIRE_THAT(load_error(bad), Contains("wrong magic") && Contains("not a linkequity snapshot"));

        b = bytes;
        const std::uint32_t seven = 7;
        std::memcpy(b.data() + 12, &seven, 4);
        write_bytes(bad, b);
        REQUIRE_THAT(load_error(bad), Contains("bad.lqs: format version 7, this build reads version 1"));

        b = bytes;
        std::swap(b[8], b[11]);
        std::swap(b[9], b[10]);
        write_bytes(bad, b);
        REQUIRE_THAT(load_error(bad), Contains("other byte order"));

        b = bytes;
        b[9] = 0x77;
        write_bytes(bad, b);
        REQUIRE_THAT(load_error(bad), Contains("endianness mark"));
    }
    SECTION("text and empty files") {
        write_bytes(bad, {});
        REQUIRE_THAT(load_error(bad), Contains("truncated: 0 bytes"));
        const std::string text = "0 1\n1 2\n2 0\n# an edge list, not a snapshot ..................."
                                 "...................................................\n";
        write_bytes(bad, {text.begin(), text.end()});
        REQUIRE_THAT(load_error(bad), Contains("wrong magic"));
    }
    SECTION("crafted structure errors with valid checksums") {
        std::vector<unsigned char> b = bytes;
        patch_u32(b, s, "out_targets", 10, 400);  // == n
        write_bytes(bad, b);
        REQUIRE_THAT(load_error(bad), Contains("section 'out_targets'") &&
                                          Contains("is 400 but the graph has 400 nodes"));
        REQUIRE_THAT(load_error(bad, io::snapshot_verify::structure), Contains("400 nodes"));
        REQUIRE_NOTHROW(io::load_snapshot(bad, {io::snapshot_verify::none}));  // trusted mode

        // A different but in-range source in one in-row: sorted, ids fine, not the transpose.
        b = bytes;
        const auto src = s.graph().in_sources();
        const auto off = s.graph().in_offsets();
        std::size_t row = 0;
        while (off[row + 1] - off[row] < 2 || src[off[row]] == 0) ++row;
        patch_u32(b, s, "in_sources", off[row], src[off[row]] - 1);
        write_bytes(bad, b);
        REQUIRE_THAT(load_error(bad), Contains("not the transpose"));

        b = bytes;
        patch_u32(b, s, "in_sources", off[row], src[off[row] + 1] + 1);  // row out of order
        write_bytes(bad, b);
        REQUIRE_THAT(load_error(bad, io::snapshot_verify::structure), Contains("is not sorted"));

        b = bytes;
        const float nan = std::numeric_limits<float>::quiet_NaN();
        std::uint32_t nan_bits;
        std::memcpy(&nan_bits, &nan, 4);
        patch_u32(b, s, "in_weights", 3, nan_bits);
        write_bytes(bad, b);
        REQUIRE_THAT(load_error(bad), Contains("in_weights") && Contains("finite"));
    }
    SECTION("sections out of bounds, misaligned, overlapping") {
        // Entry 1 (out_offsets): offset field at 64 + 80 + 56.
        auto set_offset = [&](std::uint64_t v) {
            std::vector<unsigned char> b = bytes;
            std::memcpy(b.data() + 64 + 80 + 56, &v, 8);
            reseal(b);
            write_bytes(bad, b);
            return load_error(bad, io::snapshot_verify::none);
        };
        REQUIRE_THAT(set_offset((bytes.size() + 63) / 64 * 64 + 64 * 10), Contains("out of bounds"));
        REQUIRE_THAT(set_offset(~0ull & ~63ull), Contains("out of bounds"));
        REQUIRE_THAT(set_offset(s.sections()[1].offset + 8), Contains("not a multiple of 64"));
        REQUIRE_THAT(set_offset(s.sections()[2].offset), Contains("overlap"));
        REQUIRE_THAT(set_offset(0), Contains("out of bounds"));
    }
    SECTION("not a regular file") {
        REQUIRE_THAT(load_error(d.path.string()), Contains("not a regular file"));
    }
}

TEST_CASE("snapshot: missing file names the path and the OS error", "[snapshot]") {
    temp_dir d;
    const std::string p = d.file("nope.lqs");
    REQUIRE_THROWS_AS(io::load_snapshot(p), std::filesystem::filesystem_error);
    REQUIRE_THROWS_WITH(io::load_snapshot(p), Contains("nope.lqs") && Contains("No such file"));
}

TEST_CASE("snapshot: atomic save leaves no temp file behind", "[snapshot]") {
    temp_dir d;
    const csr_graph g = build_graph(random_edges(100, 1000, false, true, 2));
    const csr_graph other = build_graph(random_edges(30, 50, false, false, 3));

    SECTION("directory missing") {
        REQUIRE_THROWS_AS(io::save_snapshot(d.file("no/such/dir.lqs"), g),
                          std::filesystem::filesystem_error);
        REQUIRE(d.entries().empty());
    }
    SECTION("rename fails after a complete write: the target is a non-empty directory") {
        fs::create_directories(d.path / "taken" / "child");
        REQUIRE_THROWS_AS(io::save_snapshot(d.file("taken"), g), std::filesystem::filesystem_error);
        REQUIRE(d.entries() == std::vector<std::string>{"taken"});
    }
    SECTION("write fails midway (file size limit): the old file survives intact") {
        const std::string p = d.file("g.lqs");
        io::save_snapshot(p, other);
        rlimit old{};
        REQUIRE(getrlimit(RLIMIT_FSIZE, &old) == 0);
        auto prev = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 4096;
        REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
        bool threw = false;
        try {
            io::save_snapshot(p, g);
        } catch (const std::filesystem::filesystem_error& e) {
            threw = true;
            CHECK_THAT(e.what(), Contains("cannot write"));
        }
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, prev);
        REQUIRE(threw);
        REQUIRE(d.entries() == std::vector<std::string>{"g.lqs"});
        require_same_graph(other, io::load_snapshot(p).graph());
    }
    SECTION("replacing a mapped snapshot leaves the mapped graph intact") {
        const std::string p = d.file("g.lqs");
        io::save_snapshot(p, other);
        const io::snapshot before = io::load_snapshot(p);
        io::save_snapshot(p, g);
        require_same_graph(other, before.graph());
        require_same_graph(g, io::load_snapshot(p).graph());
        REQUIRE(d.entries() == std::vector<std::string>{"g.lqs"});
    }
}

TEST_CASE("snapshot: section table describes the file", "[snapshot]") {
    temp_dir d;
    const csr_graph g = build_graph(random_edges(64, 640, true, false, 4));
    io::save_snapshot(d.file("t.lqs"), g);
    const io::snapshot s = io::load_snapshot(d.file("t.lqs"));
    REQUIRE(s.format_version() == io::snapshot_format_version);
    REQUIRE(s.file_bytes() == fs::file_size(d.file("t.lqs")));
    std::vector<std::string> names;
    for (const auto& info : s.sections()) {
        names.push_back(info.name);
        REQUIRE(info.offset % 64 == 0);
        REQUIRE(info.bytes == info.count * info.element_size);
    }
    REQUIRE(names == std::vector<std::string>{"meta", "out_offsets", "out_targets", "out_flags",
                                              "in_offsets", "in_sources", "in_flags"});
    REQUIRE(reinterpret_cast<std::uintptr_t>(s.graph().in_sources().data()) % 64 == 0);
    REQUIRE(io::snapshot_checksum("", 0) != io::snapshot_checksum("\0", 1));
}
