// SPDX-License-Identifier: MIT
// Web snapshots: save_snapshot(path, web_graph) and web_graph::open_snapshot. Round trips (the
// fixtures, dates, ICANN-only, empty, a synthetic web) compared accessor by accessor, authority
// identical from the opened graph, zero-copy views into the mapping (kept alive past unlink),
// disavow on an opened graph, a different PSL version at open, and bad files: truncated, a
// flipped byte, a plain graph snapshot, another version, missing sections, and inconsistent maps
// crafted section by section (ids out of range, unsorted rows, …) — each a parse_error naming
// the path and what is wrong.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "linkequity/error.hpp"
#include "linkequity/graph/builder.hpp"
#include "linkequity/io/snapshot.hpp"
#include "linkequity/web/apply_disavow.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/disavow.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"
#include "temp_files.hpp"

using namespace linkequity;
using namespace linkequity::web;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

const std::string web_dir = std::string(LINKEQUITY_TEST_DATA) + "/web/";
const std::string links_dir = std::string(LINKEQUITY_TEST_DATA) + "/links/";

using test::read_bytes;
using test::temp_dir;
using test::write_bytes;

template <class T>
bool same(span<const T> a, span<const T> b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

/// Every accessor of `b` answers as `a`'s does.
void require_same_web(const web_graph& a, const web_graph& b) {
    REQUIRE(a.num_pages() == b.num_pages());
    REQUIRE(a.num_hosts() == b.num_hosts());
    REQUIRE(a.num_domains() == b.num_domains());
    REQUIRE(a.num_links() == b.num_links());
    REQUIRE(a.num_anchors() == b.num_anchors());
    REQUIRE(a.has_dates() == b.has_dates());
    for (node_id p = 0; p < a.num_pages(); ++p) {
        REQUIRE(a.page_url(p) == b.page_url(p));
        REQUIRE(a.host_of(p) == b.host_of(p));
        REQUIRE(a.domain_of(p) == b.domain_of(p));
        REQUIRE(b.find_page(b.page_url(p)) == std::optional<node_id>(p));
    }
    for (node_id h = 0; h < a.num_hosts(); ++h) {
        REQUIRE(a.host_name(h) == b.host_name(h));
        REQUIRE(a.domain_of_host(h) == b.domain_of_host(h));
        REQUIRE(a.host_pages(h) == b.host_pages(h));
        REQUIRE(b.find_host(b.host_name(h)) == std::optional<node_id>(h));
    }
    for (node_id d = 0; d < a.num_domains(); ++d) {
        REQUIRE(a.domain_name(d) == b.domain_name(d));
        REQUIRE(b.find_domain(b.domain_name(d)) == std::optional<node_id>(d));
    }
    REQUIRE_FALSE(b.find_page("https://no-such-host.invalid/"));
    REQUIRE_FALSE(b.find_domain("no-such-domain.invalid"));
    REQUIRE(same(a.page_hosts(), b.page_hosts()));
    REQUIRE(same(a.host_domains(), b.host_domains()));
    REQUIRE(same(a.link_offsets(), b.link_offsets()));
    REQUIRE(same(a.link_sources(), b.link_sources()));
    REQUIRE(same(a.link_targets(), b.link_targets()));
    REQUIRE(same(a.link_flags(), b.link_flags()));
    REQUIRE(same(a.link_positions(), b.link_positions()));
    REQUIRE(same(a.link_anchors(), b.link_anchors()));
    for (std::uint32_t i = 0; i < a.num_anchors(); ++i)
        REQUIRE(a.anchor_text(i) == b.anchor_text(i));
    for (std::size_t l = 0; l < a.num_links(); ++l) {
        REQUIRE(a.link_source(l) == b.link_source(l));
        REQUIRE(a.first_seen(l) == b.first_seen(l));
        REQUIRE(a.last_seen(l) == b.last_seen(l));
    }
    const web_graph_stats &sa = a.stats(), &sb = b.stats();
    REQUIRE(sa.rows == sb.rows);
    REQUIRE(sa.links == sb.links);
    REQUIRE(sa.self_links == sb.self_links);
    REQUIRE(sa.internal_links == sb.internal_links);
    REQUIRE(sa.non_web_targets == sb.non_web_targets);
    REQUIRE(sa.non_web_by_scheme == sb.non_web_by_scheme);
    REQUIRE(sa.bad_rows == sb.bad_rows);
    REQUIRE(sb.reports.empty());  // documented: not stored
    REQUIRE(a.build_psl_version() == b.build_psl_version());
    REQUIRE(a.suffix_list().sections() == b.suffix_list().sections());
    REQUIRE(a.memory_bytes() > 0);
    REQUIRE(b.memory_bytes() > 0);
}

template <class T>
void require_equal(const std::vector<T>& a, const std::vector<T>& b) {
    REQUIRE(a == b);  // bit-identical: the same arrays give the same floating-point sums
}

void require_same_table(const authority_table& a, const authority_table& b) {
    require_equal(a.score, b.score);
    require_equal(a.authority, b.authority);
    require_equal(a.rank, b.rank);
    require_equal(a.backlinks, b.backlinks);
    require_equal(a.followable_backlinks, b.followable_backlinks);
    require_equal(a.referring_pages, b.referring_pages);
    require_equal(a.referring_domains, b.referring_domains);
    require_equal(a.followable_referring_domains, b.followable_referring_domains);
    require_equal(a.outgoing_links, b.outgoing_links);
    require_equal(a.followable_outgoing_links, b.followable_outgoing_links);
    REQUIRE(a.iterations == b.iterations);
    REQUIRE(a.residual == b.residual);
}

void require_same_authority(const web_graph& a, const web_graph& b, authority_options o = {}) {
    o.compute_hosts = true;
    const authority_result ra = compute_authority(a, o), rb = compute_authority(b, o);
    require_same_table(ra.pages, rb.pages);
    require_same_table(ra.hosts, rb.hosts);
    require_same_table(ra.domains, rb.domains);
}

web_graph synthetic(std::size_t domains, std::size_t links, psl_sections sections) {
    synthetic_web_options so;
    so.domains = domains;
    so.links = links;
    so.seed = 7;
    const synthetic_web sw(so);
    web_graph_options wo;
    wo.sections = sections;
    web_graph_builder b(wo);
    sw.generate([&](span<const io::raw_link> batch) {
        for (const auto& l : batch) b.add(l);
    });
    return b.finish();
}

/// True when [p, p + n) lies in a mapping of `file` (Linux /proc/self/maps).
bool in_mapping_of(const void* p, std::size_t n, const std::string& file) {
    const std::string target = fs::canonical(file).string();
    std::ifstream maps("/proc/self/maps");
    std::string line;
    const auto addr = reinterpret_cast<std::uintptr_t>(p);
    while (std::getline(maps, line)) {
        if (line.size() < target.size() ||
            line.compare(line.size() - target.size(), target.size(), target) != 0)
            continue;
        unsigned long lo = 0, hi = 0;
        if (std::sscanf(line.c_str(), "%lx-%lx", &lo, &hi) != 2) continue;
        if (addr >= lo && addr + n <= hi) return true;
    }
    return false;
}

// ----------------------------------------------------------------------------- crafting files
/// The first byte of array section `info` of `s`.
const void* array_data(const io::snapshot& s, const io::snapshot_section_info& info) {
    switch (info.element) {
        case io::snapshot_element::u8: return s.array<std::uint8_t>(info.name).data();
        case io::snapshot_element::u32: return s.array<std::uint32_t>(info.name).data();
        case io::snapshot_element::u64: return s.array<std::uint64_t>(info.name).data();
        case io::snapshot_element::f32: return s.array<float>(info.name).data();
        case io::snapshot_element::f64: return s.array<double>(info.name).data();
    }
    return nullptr;
}

/// A snapshot's extra sections, decoded for editing: arrays as raw bytes (by element type),
/// string tables as strings. write() stores them beside an empty graph, like save_snapshot.
struct editable_snapshot {
    struct array {
        io::snapshot_element element;
        std::vector<unsigned char> bytes;
    };
    std::map<std::string, array> arrays;
    std::map<std::string, std::vector<std::string>> strings;
    std::vector<std::string> order;  // array names in file order

    explicit editable_snapshot(const std::string& path) {
        const io::snapshot s = io::load_snapshot(path);
        for (const auto& info : s.sections()) {
            if (info.kind == io::snapshot_section_kind::array) {
                array a{info.element, {}};
                a.bytes.resize(info.bytes);
                if (info.bytes) std::memcpy(a.bytes.data(), array_data(s, info), info.bytes);
                arrays[info.name] = std::move(a);
                order.push_back(info.name);
            }
        }
        for (const auto& name : s.string_table_names()) {
            const io::snapshot_strings t = s.strings(name);
            auto& v = strings[name];
            for (std::size_t i = 0; i < t.size(); ++i) v.emplace_back(t[i]);
        }
    }

    template <class T>
    T get(const std::string& name, std::size_t i) const {
        T v;
        std::memcpy(&v, arrays.at(name).bytes.data() + i * sizeof(T), sizeof(T));
        return v;
    }
    template <class T>
    void set(const std::string& name, std::size_t i, T v) {
        std::memcpy(arrays.at(name).bytes.data() + i * sizeof(T), &v, sizeof(T));
    }

    void write(const std::string& path) const {
        io::snapshot_extras x;
        for (const auto& name : order) {
            auto it = arrays.find(name);
            if (it == arrays.end()) continue;
            const array& a = it->second;
            const auto* p = a.bytes.data();
            const std::size_t n = a.bytes.size();
            using u32 = std::uint32_t;
            using u64 = std::uint64_t;
            switch (a.element) {
                case io::snapshot_element::u8:
                    x.add_array(name, span<const std::uint8_t>(p, n));
                    break;
                case io::snapshot_element::u32:
                    x.add_array(name, span<const u32>(reinterpret_cast<const u32*>(p), n / 4));
                    break;
                case io::snapshot_element::u64:
                    x.add_array(name, span<const u64>(reinterpret_cast<const u64*>(p), n / 8));
                    break;
                default: FAIL("unexpected element type in a web snapshot");
            }
        }
        for (const auto& [name, v] : strings) x.add_strings(name, v);
        io::save_snapshot(path, csr_graph{}, x);
    }
};

/// Opening `path` throws parse_error whose what() names the path and contains `text`.
void require_bad(const std::string& path, const std::string& text,
                 io::snapshot_verify verify = io::snapshot_verify::checksums) {
    INFO("expecting: " << text);
    try {
        web_graph::open_snapshot(path, {verify});
        FAIL("open_snapshot succeeded");
    } catch (const parse_error& e) {
        INFO(e.what());
        REQUIRE(e.path() == path);
        REQUIRE_THAT(e.what(), Contains(path + ": ") && Contains(text));
    }
}

}  // namespace

TEST_CASE("web snapshot: round trip of the fixtures keeps every accessor and score",
          "[web_snapshot]") {
    temp_dir dir;
    using files = std::vector<std::string>;
    for (const auto& [inputs, sections] :
         {std::pair{files{web_dir + "small.csv"}, psl_sections::all},
          std::pair{files{web_dir + "small.csv", web_dir + "small_reordered.tsv"},
                    psl_sections::icann_only},
          std::pair{files{links_dir + "ahrefs_legacy.csv"}, psl_sections::all},
          std::pair{files{links_dir + "majestic_backlinks.csv"}, psl_sections::all}}) {
        INFO(inputs.front() << " sections " << static_cast<int>(sections));
        web_graph_options wo;
        wo.sections = sections;
        const web_graph g = web_graph::read(inputs, wo);
        const std::string path = dir.file("web.lqs");
        save_snapshot(path, g);
        for (auto verify : {io::snapshot_verify::none, io::snapshot_verify::structure,
                            io::snapshot_verify::checksums}) {
            const web_graph o = web_graph::open_snapshot(path, {verify});
            require_same_web(g, o);
            require_same_authority(g, o);
        }
    }
    // The Ahrefs fixture has first/last seen dates: they survive.
    const web_graph dated = web_graph::read({links_dir + "ahrefs_legacy.csv"});
    REQUIRE(dated.has_dates());
    save_snapshot(dir.file("dated.lqs"), dated);
    const web_graph o = web_graph::open_snapshot(dir.file("dated.lqs"));
    REQUIRE(o.has_dates());
    REQUIRE(o.first_seen(0) == dated.first_seen(0));
    REQUIRE_FALSE(o.first_seen(0).empty());
}

TEST_CASE("web snapshot: synthetic web, authority identical from the opened graph",
          "[web_snapshot]") {
    temp_dir dir;
    const web_graph g = synthetic(300, 40000, psl_sections::all);
    REQUIRE(g.num_links() > 30000);
    save_snapshot(dir.file("synthetic.lqs"), g);
    const web_graph o = web_graph::open_snapshot(dir.file("synthetic.lqs"));
    require_same_web(g, o);
    require_same_authority(g, o);
    authority_options evaporate;
    evaporate.pagerank.excluded_links = excluded_link_mode::evaporate;
    evaporate.positions = position_weights{};
    evaporate.domain_weights = domain_weight_mode::links;
    require_same_authority(g, o, evaporate);

    // A snapshot of the opened graph is the same file, byte for byte.
    save_snapshot(dir.file("again.lqs"), o);
    REQUIRE(read_bytes(dir.file("again.lqs")) == read_bytes(dir.file("synthetic.lqs")));

    const web_graph icann = synthetic(200, 5000, psl_sections::icann_only);
    save_snapshot(dir.file("icann.lqs"), icann);
    const web_graph oi = web_graph::open_snapshot(dir.file("icann.lqs"));
    REQUIRE(oi.suffix_list().sections() == psl_sections::icann_only);
    require_same_web(icann, oi);
}

TEST_CASE("web snapshot: arrays and strings view the mapping, which outlives the file",
          "[web_snapshot]") {
    temp_dir dir;
    const web_graph g = synthetic(50, 3000, psl_sections::all);
    const std::string path = dir.file("view.lqs");
    save_snapshot(path, g);
    web_graph o = web_graph::open_snapshot(path);
    CHECK(in_mapping_of(o.link_targets().data(), o.link_targets().size() * 4, path));
    CHECK(in_mapping_of(o.link_sources().data(), o.link_sources().size() * 4, path));
    CHECK(in_mapping_of(o.page_hosts().data(), o.page_hosts().size() * 4, path));
    CHECK(in_mapping_of(o.link_anchors().data(), o.link_anchors().size() * 4, path));
    CHECK(in_mapping_of(o.page_url(0).data(), o.page_url(0).size(), path));
    CHECK(in_mapping_of(o.domain_name(0).data(), o.domain_name(0).size(), path));
    // Flags are a private copy (writable).
    CHECK_FALSE(in_mapping_of(o.link_flags().data(), o.link_flags().size(), path));
    // Moved, and the file removed: the mapping stays valid.
    web_graph moved = std::move(o);
    fs::remove(path);
    require_same_web(g, moved);
}

TEST_CASE("web snapshot: empty graphs", "[web_snapshot]") {
    temp_dir dir;
    web_graph_builder b;
    const web_graph empty = b.finish();
    save_snapshot(dir.file("empty.lqs"), empty);
    const web_graph o = web_graph::open_snapshot(dir.file("empty.lqs"));
    require_same_web(empty, o);
    REQUIRE(o.link_offsets().size() == 1);
    // A default-constructed graph saves too (its offset arrays are empty until built).
    save_snapshot(dir.file("default.lqs"), web_graph{});
    const web_graph d = web_graph::open_snapshot(dir.file("default.lqs"));
    REQUIRE(d.num_pages() == 0);
    REQUIRE(d.num_links() == 0);
}

TEST_CASE("web snapshot: disavow applies on an opened graph, saved flags persist",
          "[web_snapshot]") {
    temp_dir dir;
    const std::string path = dir.file("small.lqs");
    web_graph g = web_graph::read({web_dir + "small.csv"});
    save_snapshot(path, g);
    web_graph o = web_graph::open_snapshot(path);
    const disavow_list list = disavow_list::read(web_dir + "disavow.txt");
    const disavow_application ra = apply_disavow(g, list, "alpha.com");
    const disavow_application rb = apply_disavow(o, list, "alpha.com");
    REQUIRE(ra.links_disavowed == 3);
    REQUIRE(rb.links_disavowed == ra.links_disavowed);
    REQUIRE(rb.owner_found);
    require_same_web(g, o);
    require_same_authority(g, o);
    // The file is untouched (flags were copied on open); a save keeps the disavowed bits.
    const web_graph fresh = web_graph::open_snapshot(path);
    for (edge_flags f : fresh.link_flags()) REQUIRE((f & flags::disavowed) == 0);
    save_snapshot(dir.file("disavowed.lqs"), o);
    const web_graph kept = web_graph::open_snapshot(dir.file("disavowed.lqs"));
    std::size_t disavowed = 0;
    for (edge_flags f : kept.link_flags()) disavowed += (f & flags::disavowed) != 0;
    REQUIRE(disavowed == 3);
}

TEST_CASE("web snapshot: a different PSL version at open still opens, the build one is kept",
          "[web_snapshot]") {
    temp_dir dir;
    const web_graph g = web_graph::read({web_dir + "small.csv"});
    save_snapshot(dir.file("a.lqs"), g);
    editable_snapshot e(dir.file("a.lqs"));
    e.strings["web_psl_version"] = {"public_suffix_list.dat (2001-01-01)"};
    e.write(dir.file("old.lqs"));
    const web_graph o = web_graph::open_snapshot(dir.file("old.lqs"));
    CHECK(o.build_psl_version() == "public_suffix_list.dat (2001-01-01)");
    CHECK(o.suffix_list().version() == g.suffix_list().version());
    CHECK(g.build_psl_version() == g.suffix_list().version());
    require_same_authority(g, o);
}

TEST_CASE("web snapshot: truncated, corrupted and foreign files are parse errors",
          "[web_snapshot]") {
    temp_dir dir;
    const std::string good = dir.file("good.lqs");
    save_snapshot(good, web_graph::read({web_dir + "small.csv"}));
    const std::vector<unsigned char> bytes = read_bytes(good);

    SECTION("truncated at several lengths") {
        for (std::size_t n : {std::size_t{0}, std::size_t{10}, std::size_t{64}, std::size_t{700},
                              bytes.size() / 2, bytes.size() - 1}) {
            const std::string p = dir.file("cut.lqs");
            write_bytes(p, {bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n)});
            require_bad(p, "truncated");
        }
    }
    SECTION("a flipped byte in every section is a checksum mismatch") {
        const io::snapshot s = io::load_snapshot(good);
        for (const auto& info : s.sections()) {
            if (info.bytes == 0) continue;
            std::vector<unsigned char> b = bytes;
            b[info.offset + info.bytes / 2] ^= 0x20;
            const std::string p = dir.file("flip.lqs");
            write_bytes(p, b);
            require_bad(p, "section '" + info.name + "' checksum mismatch");
        }
    }
    SECTION("a plain graph snapshot is not a web graph") {
        const std::vector<node_id> src{0, 1}, dst{1, 0};
        io::save_snapshot(dir.file("plain.lqs"), build_graph(2, src, dst));
        require_bad(dir.file("plain.lqs"), "not a web-graph snapshot (no section web_meta)");
        require_bad(dir.file("plain.lqs"), "not a web-graph snapshot", io::snapshot_verify::none);
    }
    SECTION("not a snapshot at all; a missing file") {
        write_bytes(dir.file("text.lqs"), std::vector<unsigned char>(200, 'x'));
        require_bad(dir.file("text.lqs"), "wrong magic");
        REQUIRE_THROWS_AS(web_graph::open_snapshot(dir.file("missing.lqs")),
                          std::filesystem::filesystem_error);
    }
}

TEST_CASE("web snapshot: inconsistent sections are parse errors naming what is wrong",
          "[web_snapshot]") {
    temp_dir dir;
    const std::string good = dir.file("good.lqs");
    const web_graph g = web_graph::read({links_dir + "ahrefs_legacy.csv", web_dir + "small.csv"});
    REQUIRE(g.has_dates());
    save_snapshot(good, g);
    const std::string bad = dir.file("bad.lqs");
    const auto pages = static_cast<std::uint32_t>(g.num_pages());
    const auto hosts = static_cast<std::uint32_t>(g.num_hosts());
    // The first page whose first two links have different targets, and its first link.
    node_id p2 = 0;
    auto first_two_differ = [&](node_id p) {
        const auto o = g.link_offsets();
        return o[p + 1] - o[p] >= 2 && g.link_targets()[o[p]] != g.link_targets()[o[p] + 1];
    };
    while (!first_two_differ(p2)) ++p2;
    const std::size_t l2 = g.link_offsets()[p2];
    // A host with two pages or more.
    node_id h2 = 0;
    while (g.host_pages(h2).second - g.host_pages(h2).first < 2) ++h2;

    using snap = editable_snapshot;
    struct crafted {
        const char* what;
        std::function<void(editable_snapshot&)> edit;
        const char* message;
        bool checked_without_verify;  // an O(1) check, made at verify = none too
    };
    const std::vector<crafted> cases = {
        {"page_host id out of range",
         [&](snap& e) { e.set("web_page_host", 0, hosts + 5); },
         "'web_page_host' disagrees with 'web_host_first_page'", false},
        {"host_domain id out of range",
         [&](snap& e) {
             e.set("web_host_domain", 1, static_cast<std::uint32_t>(g.num_domains()));
         },
         "section 'web_host_domain': entry 1 is", false},
        {"host_first_page decreasing",
         [&](snap& e) { e.set("web_host_first_page", 1, pages); },
         "section 'web_host_first_page': entry 1", false},
        {"host_first_page not ending at pages",
         [&](snap& e) { e.set("web_host_first_page", hosts, pages - 1); },
         "'web_host_first_page' runs from 0 to", true},
        {"link target out of range",
         [&](snap& e) { e.set("web_link_targets", l2, pages); },
         "its target is not a page id", false},
        {"link targets unsorted",
         [&](snap& e) {
             const auto a = e.get<std::uint32_t>("web_link_targets", l2);
             e.set("web_link_targets", l2, e.get<std::uint32_t>("web_link_targets", l2 + 1));
             e.set("web_link_targets", l2 + 1, a);
         },
         "not sorted", false},
        {"link source not its row",
         [&](snap& e) { e.set("web_link_sources", l2, p2 + 1); },
         "its source in 'web_link_sources' is not its row", false},
        {"link offsets decreasing",
         [&](snap& e) { e.set("web_link_offsets", 1, std::uint64_t{g.num_links()}); },
         "section 'web_link_offsets': entry 1", false},
        {"link offsets not ending at links",
         [&](snap& e) { e.set("web_link_offsets", pages, std::uint64_t{1}); },
         "'web_link_offsets' runs from 0 to 1", true},
        {"anchor id out of range",
         [&](snap& e) { e.set("web_link_anchors", l2, std::uint32_t{100000}); },
         "its anchor id is out of range", false},
        {"date id out of range",
         [&](snap& e) { e.set("web_link_last_seen", 0, std::uint32_t{100000}); },
         "a date id is out of range", false},
        {"unknown position",
         [&](snap& e) { e.set("web_link_positions", l2, std::uint8_t{9}); },
         "its position is unknown", false},
        {"unknown flag bits",
         [&](snap& e) { e.set("web_link_flags", l2, std::uint8_t{0x80}); },
         "its flags have unknown bits", false},
        {"host keys unsorted",
         [&](snap& e) {
             auto& keys = e.strings["web_host_keys"];
             std::swap(keys[0], keys[1]);
         },
         "string table 'web_host_keys': entry 0 is not below entry 1", false},
        {"page URLs unsorted within a host",
         [&](snap& e) {
             auto& u = e.strings["web_page_urls"];
             std::swap(u[g.host_pages(h2).first], u[g.host_pages(h2).first + 1]);
         },
         "string table 'web_page_urls'", false},
        {"another web snapshot version",
         [&](snap& e) { e.set("web_meta", 0, std::uint64_t{3}); },
         "web snapshot version 3, this build reads versions 1 to 2", true},
        {"version 2 without its counters",
         [&](snap& e) { e.set("web_meta", 0, std::uint64_t{2}); },
         "section 'web_meta' has 13 entries, expected 21 (web snapshot version 2)", true},
        {"page count disagrees with the arrays",
         [&](snap& e) { e.set("web_meta", 1, std::uint64_t{pages + 1}); },
         "section 'web_page_host' has", true},
        {"too many pages",
         [&](snap& e) { e.set("web_meta", 1, std::uint64_t{1} << 40); },
         "pages, at most", true},
        {"a missing array", [&](snap& e) { e.arrays.erase("web_link_anchors"); },
         "section 'web_link_anchors' missing", true},
        {"an array of the wrong type",
         [&](snap& e) {
             auto& a = e.arrays["web_link_flags"];
             a.element = io::snapshot_element::u32;
             a.bytes.resize((a.bytes.size() + 3) / 4 * 4);
         },
         "section 'web_link_flags' has the wrong element type", true},
        {"a missing string table", [&](snap& e) { e.strings.erase("web_host_keys"); },
         "string table 'web_host_keys' missing", true},
        {"a short string table",
         [&](snap& e) { e.strings["web_domain_names"].pop_back(); },
         "string table 'web_domain_names' has", true},
        {"dates without the flag",
         [&](snap& e) { e.set("web_meta", 6, std::uint64_t{0}); },
         "date sections present", true},
    };
    for (const crafted& c : cases) {
        INFO(c.what);
        editable_snapshot e(good);
        c.edit(e);
        e.write(bad);
        require_bad(bad, c.message, io::snapshot_verify::structure);
        require_bad(bad, c.message, io::snapshot_verify::checksums);
        if (c.checked_without_verify) require_bad(bad, c.message, io::snapshot_verify::none);
    }
    // The unedited sections rewritten the same way open fine (the crafting itself is sound).
    editable_snapshot(good).write(bad);
    require_same_web(g, web_graph::open_snapshot(bad));
}
