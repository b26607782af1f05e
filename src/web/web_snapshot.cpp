// SPDX-License-Identifier: MIT
// Web snapshots: save_snapshot(path, web_graph) and web_graph::open_snapshot (web_graph.hpp).
// A web snapshot is an io snapshot (io/snapshot.hpp: versioned header, section table, a checksum
// per section, atomic write, read-only shared mmap) whose csr_graph is empty and whose extra
// sections hold the web model. Why not the links' CSR as the snapshot's graph: a csr_graph always
// stores the in-adjacency as well (+5 bytes per link, +8 per page on disk) and nothing of the web
// model reads it — page_graph() and contract() build their own followable graphs from the link
// arrays — so the links are arrays beside an empty graph, and a reader of plain graph snapshots
// sees a 0-node graph plus extras (`linkequity snapshot --info` lists them).
//
// Sections, web snapshot version 1 (P pages, H hosts, D domains, L links, all ids 32-bit):
//   web_meta             u64 array, meta_* below: version, P, H, D, L, PSL sections (0 ICANN +
//                        private, 1 ICANN only), has dates (0/1), then the stats counters
//   web_page_host        u32 P       web_host_domain      u32 H      web_host_first_page  u32 H+1
//   web_link_offsets     u64 P+1     web_link_sources     u32 L      web_link_targets     u32 L
//   web_link_flags       u8 L        web_link_positions   u8 L       web_link_anchors     u32 L
//   web_link_first_seen, web_link_last_seen   u32 L, only when the graph has dates
//   web_non_web_counts   u64 k (stats.non_web_by_scheme, names in web_non_web_schemes)
//   string tables: web_page_urls (P), web_host_names, web_host_keys (H), web_domain_names,
//   web_domain_keys (D), web_anchors, web_dates, web_non_web_schemes (k), web_psl_version (1)
// Version 2 (written only when the graph has redirect / canonical records, so that graphs
// without them keep writing version-1 files, readable by older builds) adds to web_meta the
// consolidation counters (meta_redirect_records … meta_links_merged) and the redirect table:
//   web_redirect_urls, web_redirect_final_urls (R strings), web_redirect_hops,
//   web_redirect_kinds, web_redirect_states (u8 R). This build reads versions 1 and 2.
// Readers of a later version must reject a file whose meta version they do not know.
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "linkequity/detail/parallel.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/snapshot.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {
namespace {

constexpr std::uint64_t web_snapshot_version = 2;  // the newest this build writes and reads

enum meta_index : std::size_t {
    meta_version,
    meta_pages,
    meta_hosts,
    meta_domains,
    meta_links,
    meta_sections,
    meta_dates,
    meta_rows,
    meta_stat_links,
    meta_self_links,
    meta_internal_links,
    meta_non_web_targets,
    meta_bad_rows,
    meta_size,  // version 1 ends here
    meta_redirect_records = meta_size,
    meta_canonical_records,
    meta_conflicting_records,
    meta_redirects_resolved,
    meta_redirect_loops,
    meta_redirects_too_long,
    meta_links_repointed,
    meta_links_merged,
    meta_size_v2,
};

/// The consolidation counters of web_graph_stats, in meta order from meta_redirect_records.
constexpr std::size_t web_graph_stats::*consolidation_counters[] = {
    &web_graph_stats::redirect_records,   &web_graph_stats::canonical_records,
    &web_graph_stats::conflicting_records, &web_graph_stats::redirects_resolved,
    &web_graph_stats::redirect_loops,     &web_graph_stats::redirects_too_long,
    &web_graph_stats::links_repointed,    &web_graph_stats::links_merged};

/// Whether `g` needs version 2 (it has redirect / canonical records).
bool has_consolidation(const web_graph_stats& st, const redirect_table& t) {
    return !t.empty() || st.redirect_records + st.canonical_records > 0;
}

constexpr edge_flags known_flags =
    flags::nofollow | flags::sponsored | flags::ugc | flags::disavowed | flags::internal;
constexpr auto max_position = static_cast<std::uint8_t>(link_position::sidebar);

/// The smallest i < n with bad(i), or n. Parallel for large n; bad must not throw.
template <class Bad>
std::size_t first_bad(std::size_t n, const Bad& bad) {
    std::size_t first = n;
    const auto sn = static_cast<std::ptrdiff_t>(n);
#pragma omp parallel for schedule(dynamic, 4096) reduction(min : first) \
    if (n > linkequity::detail::parallel_threshold)
    for (std::ptrdiff_t i = 0; i < sn; ++i)
        if (static_cast<std::size_t>(i) < first && bad(static_cast<std::size_t>(i)))
            first = static_cast<std::size_t>(i);
    return first;
}

/// Typed, length-checked access to the sections of an opened snapshot; failures are parse_error
/// "path: reason".
class section_reader {
public:
    explicit section_reader(const io::snapshot& s) : s_(s) {}

    [[noreturn]] void fail(const std::string& reason) const {
        throw parse_error(s_.path(), 0, 0, reason);
    }

    /// Stands for "any length" in array() and strings().
    static constexpr std::uint64_t any = ~std::uint64_t{0};

    template <class T>
    span<const T> array(const char* name, std::uint64_t count, const char* what) const {
        if (!s_.has_array(name)) fail(fmt::format("section '{}' missing", name));
        span<const T> a;
        try {
            a = s_.array<T>(name);
        } catch (const std::invalid_argument& e) {
            fail(fmt::format("section '{}' has the wrong element type ({})", name, e.what()));
        }
        if (count != any && a.size() != count)
            fail(fmt::format("section '{}' has {} entries, expected {} ({})", name, a.size(),
                             count, what));
        return a;
    }

    /// A string table viewing the mapping.
    string_table strings(const char* name, std::uint64_t count, const char* what) const {
        if (!s_.has_strings(name)) fail(fmt::format("string table '{}' missing", name));
        const io::snapshot_strings t = s_.strings(name);
        if (count != any && t.size() != count)
            fail(fmt::format("string table '{}' has {} strings, expected {} ({})", name, t.size(),
                             count, what));
        return string_table::view(t.offsets(), t.chars(), s_.mapping());
    }

    template <class T>
    linkequity::detail::buffer<T> view(span<const T> a) const {
        return {a.data(), a.size(), s_.mapping()};
    }

private:
    const io::snapshot& s_;
};

/// Checks that strings [0, n) of `t` ascend strictly where `compared(i)` holds for the pair
/// (i, i+1); fails naming the first pair that does not.
template <class Compared>
void require_ascending(const section_reader& r, const string_table& t, const char* name,
                       std::size_t n, const Compared& compared) {
    const std::size_t i = first_bad(n > 0 ? n - 1 : 0, [&](std::size_t k) {
        return compared(k) && !(t[k] < t[k + 1]);
    });
    if (n > 0 && i < n - 1)
        r.fail(fmt::format("string table '{}': entry {} is not below entry {} (the table must "
                           "ascend strictly)",
                           name, i, i + 1));
}

}  // namespace

/// Declared a friend by web_graph: reads its members to save them and installs views on open.
/// Each step below is one named pass of save or open.
struct web_snapshot_access {
    /// The web_meta array of `g`: version, sizes, PSL sections, dates flag, stats counters.
    static std::vector<std::uint64_t> meta_of(const web_graph& g);
    /// The map and link arrays of `g` as extras (views of g's buffers).
    static void add_arrays(const web_graph& g, io::snapshot_extras& x);
    static void save(const std::string& path, const web_graph& g);

    /// The web_meta section, its version and sizes checked.
    static span<const std::uint64_t> read_meta(const section_reader& r, const io::snapshot& s);
    /// Views of the map and link arrays and the string tables, lengths checked (O(sections)).
    static void view_sections(const section_reader& r, const io::snapshot& s,
                              span<const std::uint64_t> meta, web_graph& g);
    /// The stats and PSL version stored with the graph.
    static void read_provenance(const section_reader& r, span<const std::uint64_t> meta,
                                web_graph& g);
    /// Version 2: the redirect table as extras, and back (values range-checked, O(R)).
    static void add_redirects(const redirect_table& t, io::snapshot_extras& x);
    static void read_redirects(const section_reader& r, redirect_table& t);
    static web_graph open(const std::string& path, const io::snapshot_load_options& options);

    /// Host page ranges agree with page hosts; host domains in range.
    static void check_hosts(const section_reader& r, const web_graph& g);
    /// Link rows: offsets monotone, sources match rows, targets sorted pages, ids in range.
    static void check_links(const section_reader& r, const web_graph& g);
    static void check_structure(const section_reader& r, const web_graph& g);
};

std::vector<std::uint64_t> web_snapshot_access::meta_of(const web_graph& g) {
    const web_graph_stats& st = g.stats_;
    const psl_sections sections = g.psl_ ? g.psl_->sections() : psl_sections::all;
    const bool v2 = has_consolidation(st, g.redirects_);
    std::vector<std::uint64_t> meta(v2 ? meta_size_v2 : meta_size, 0);
    meta[meta_version] = v2 ? 2 : 1;
    if (v2)
        for (std::size_t i = 0; i < std::size(consolidation_counters); ++i)
            meta[meta_redirect_records + i] = st.*consolidation_counters[i];
    meta[meta_pages] = g.num_pages();
    meta[meta_hosts] = g.num_hosts();
    meta[meta_domains] = g.num_domains();
    meta[meta_links] = g.num_links();
    meta[meta_sections] = sections == psl_sections::icann_only ? 1 : 0;
    meta[meta_dates] = g.has_dates() ? 1 : 0;
    meta[meta_rows] = st.rows;
    meta[meta_stat_links] = st.links;
    meta[meta_self_links] = st.self_links;
    meta[meta_internal_links] = st.internal_links;
    meta[meta_non_web_targets] = st.non_web_targets;
    meta[meta_bad_rows] = st.bad_rows;
    return meta;
}

void web_snapshot_access::add_arrays(const web_graph& g, io::snapshot_extras& x) {
    // A default-constructed graph has no offset arrays; store the one entry they stand for.
    static const std::uint64_t zero_offset[1] = {0};
    static const std::uint32_t zero_page[1] = {0};
    auto or_zero = [](auto view, const auto* zero) {
        return view.empty() ? decltype(view)(zero, 1) : view;
    };
    x.add_array("web_page_host", g.page_host_.view());
    x.add_array("web_host_domain", g.host_domain_.view());
    x.add_array("web_host_first_page", or_zero(g.host_first_page_.view(), zero_page));
    x.add_array("web_link_offsets", or_zero(g.link_offsets_.view(), zero_offset));
    x.add_array("web_link_sources", g.link_source_.view());
    x.add_array("web_link_targets", g.link_target_.view());
    x.add_array("web_link_flags", g.link_flags_.view());
    const auto* positions = reinterpret_cast<const std::uint8_t*>(g.link_position_.data());
    x.add_array("web_link_positions", span<const std::uint8_t>(positions, g.link_position_.size()));
    x.add_array("web_link_anchors", g.link_anchor_.view());
    if (g.has_dates()) {
        x.add_array("web_link_first_seen", g.link_first_seen_.view());
        x.add_array("web_link_last_seen", g.link_last_seen_.view());
    }
}

void web_snapshot_access::save(const std::string& path, const web_graph& g) {
    const std::vector<std::uint64_t> meta = meta_of(g);
    std::vector<std::string> schemes;
    std::vector<std::uint64_t> scheme_counts;
    for (const auto& [scheme, n] : g.stats_.non_web_by_scheme) {
        schemes.push_back(scheme);
        scheme_counts.push_back(n);
    }
    io::snapshot_extras x;
    x.add_array("web_meta", span<const std::uint64_t>(meta));
    add_arrays(g, x);
    x.add_array("web_non_web_counts", span<const std::uint64_t>(scheme_counts));
    const struct {
        const char* name;
        const string_table& table;
    } tables[] = {{"web_page_urls", g.page_urls_},       {"web_host_names", g.host_names_},
                  {"web_host_keys", g.host_keys_},       {"web_domain_names", g.domain_names_},
                  {"web_domain_keys", g.domain_keys_},   {"web_anchors", g.anchors_},
                  {"web_dates", g.dates_}};
    for (const auto& t : tables) x.add_strings(t.name, t.table.offsets(), t.table.chars());
    x.add_strings("web_non_web_schemes", schemes);
    x.add_strings("web_psl_version", std::vector<std::string>{g.build_psl_version_});
    if (meta[meta_version] == 2) add_redirects(g.redirects_, x);
    io::save_snapshot(path, csr_graph{}, x);
}

span<const std::uint64_t> web_snapshot_access::read_meta(const section_reader& r,
                                                         const io::snapshot& s) {
    if (!s.has_array("web_meta")) r.fail("not a web-graph snapshot (no section web_meta)");
    const auto meta = r.array<std::uint64_t>("web_meta", section_reader::any, "");
    if (meta.empty()) r.fail("section 'web_meta' is empty");
    if (meta[meta_version] != 1 && meta[meta_version] != 2)
        r.fail(fmt::format("web snapshot version {}, this build reads versions 1 to {}",
                           meta[meta_version], web_snapshot_version));
    if (meta[meta_version] == 1)
        r.array<std::uint64_t>("web_meta", meta_size, "web snapshot version 1");
    else
        r.array<std::uint64_t>("web_meta", meta_size_v2, "web snapshot version 2");
    for (const auto& [n, what] :
         {std::pair{meta[meta_pages], "pages"}, std::pair{meta[meta_hosts], "hosts"},
          std::pair{meta[meta_domains], "domains"}})
        if (n > max_nodes)
            r.fail(fmt::format("web_meta: {} {}, at most {} allowed", n, what, max_nodes));
    if (meta[meta_sections] > 1 || meta[meta_dates] > 1)
        r.fail(fmt::format("web_meta: PSL sections {} and dates flag {}, expected 0 or 1 each",
                           meta[meta_sections], meta[meta_dates]));
    return meta;
}

void web_snapshot_access::view_sections(const section_reader& r, const io::snapshot& s,
                                        span<const std::uint64_t> meta, web_graph& g) {
    const std::uint64_t pages = meta[meta_pages], hosts = meta[meta_hosts],
                        domains = meta[meta_domains], links = meta[meta_links];
    g.page_host_ = r.view(r.array<node_id>("web_page_host", pages, "pages"));
    g.host_domain_ = r.view(r.array<node_id>("web_host_domain", hosts, "hosts"));
    g.host_first_page_ = r.view(r.array<node_id>("web_host_first_page", hosts + 1, "hosts + 1"));
    g.link_offsets_ = r.view(r.array<edge_offset>("web_link_offsets", pages + 1, "pages + 1"));
    g.link_source_ = r.view(r.array<node_id>("web_link_sources", links, "links"));
    g.link_target_ = r.view(r.array<node_id>("web_link_targets", links, "links"));
    g.link_flags_ = r.view(r.array<edge_flags>("web_link_flags", links, "links")).clone();
    const auto positions = r.array<std::uint8_t>("web_link_positions", links, "links");
    g.link_position_ = r.view(span<const link_position>(
        reinterpret_cast<const link_position*>(positions.data()), positions.size()));
    g.link_anchor_ = r.view(r.array<std::uint32_t>("web_link_anchors", links, "links"));
    if (meta[meta_dates] == 1) {
        g.link_first_seen_ = r.view(r.array<std::uint32_t>("web_link_first_seen", links, "links"));
        g.link_last_seen_ = r.view(r.array<std::uint32_t>("web_link_last_seen", links, "links"));
    } else if (s.has_array("web_link_first_seen") || s.has_array("web_link_last_seen")) {
        r.fail("date sections present but web_meta says the graph has no dates");
    }
    g.page_urls_ = r.strings("web_page_urls", pages, "pages");
    g.host_names_ = r.strings("web_host_names", hosts, "hosts");
    g.host_keys_ = r.strings("web_host_keys", hosts, "hosts");
    g.domain_names_ = r.strings("web_domain_names", domains, "domains");
    g.domain_keys_ = r.strings("web_domain_keys", domains, "domains");
    g.anchors_ = r.strings("web_anchors", section_reader::any, "");
    g.dates_ = r.strings("web_dates", section_reader::any, "");
    if (g.host_first_page_[0] != 0 || g.host_first_page_[hosts] != pages)
        r.fail(fmt::format("section 'web_host_first_page' runs from {} to {}, expected 0 to "
                           "pages = {}",
                           g.host_first_page_[0], g.host_first_page_[hosts], pages));
    if (g.link_offsets_[0] != 0 || g.link_offsets_[pages] != links)
        r.fail(fmt::format("section 'web_link_offsets' runs from {} to {}, expected 0 to "
                           "links = {}",
                           g.link_offsets_[0], g.link_offsets_[pages], links));
}

void web_snapshot_access::read_provenance(const section_reader& r,
                                          span<const std::uint64_t> meta, web_graph& g) {
    const string_table schemes = r.strings("web_non_web_schemes", section_reader::any, "");
    const auto counts =
        r.array<std::uint64_t>("web_non_web_counts", schemes.size(), "web_non_web_schemes");
    for (std::size_t i = 0; i < schemes.size(); ++i)
        g.stats_.non_web_by_scheme[std::string(schemes[i])] = counts[i];
    g.build_psl_version_ = std::string(r.strings("web_psl_version", 1, "one version")[0]);
    web_graph_stats& st = g.stats_;
    st.rows = meta[meta_rows];
    st.links = meta[meta_stat_links];
    st.self_links = meta[meta_self_links];
    st.internal_links = meta[meta_internal_links];
    st.non_web_targets = meta[meta_non_web_targets];
    st.bad_rows = meta[meta_bad_rows];
    if (meta[meta_version] < 2) return;
    for (std::size_t i = 0; i < std::size(consolidation_counters); ++i)
        st.*consolidation_counters[i] = meta[meta_redirect_records + i];
    read_redirects(r, g.redirects_);
}

void web_snapshot_access::add_redirects(const redirect_table& t, io::snapshot_extras& x) {
    x.add_strings("web_redirect_urls", t.urls.offsets(), t.urls.chars());
    x.add_strings("web_redirect_final_urls", t.final_urls.offsets(), t.final_urls.chars());
    x.add_array("web_redirect_hops", t.hops.view());
    const auto* kinds = reinterpret_cast<const std::uint8_t*>(t.kinds.data());
    const auto* states = reinterpret_cast<const std::uint8_t*>(t.states.data());
    x.add_array("web_redirect_kinds", span<const std::uint8_t>(kinds, t.size()));
    x.add_array("web_redirect_states", span<const std::uint8_t>(states, t.size()));
}

void web_snapshot_access::read_redirects(const section_reader& r, redirect_table& t) {
    t.urls = r.strings("web_redirect_urls", section_reader::any, "");
    const std::uint64_t n = t.urls.size();
    t.final_urls = r.strings("web_redirect_final_urls", n, "redirect URLs");
    t.hops = r.view(r.array<std::uint8_t>("web_redirect_hops", n, "redirect URLs"));
    const auto kinds = r.array<std::uint8_t>("web_redirect_kinds", n, "redirect URLs");
    const auto states = r.array<std::uint8_t>("web_redirect_states", n, "redirect URLs");
    for (std::size_t i = 0; i < n; ++i)
        if (kinds[i] > 2 || states[i] > 2 || t.hops[i] > max_redirect_hops + 1)
            r.fail(fmt::format("redirect entry {}: kind {}, status {}, hops {} out of range", i,
                               kinds[i], states[i], t.hops[i]));
    t.kinds = r.view(span<const redirect_kind>(
        reinterpret_cast<const redirect_kind*>(kinds.data()), kinds.size()));
    t.states = r.view(span<const redirect_state>(
        reinterpret_cast<const redirect_state*>(states.data()), states.size()));
}

web_graph web_snapshot_access::open(const std::string& path,
                                    const io::snapshot_load_options& options) {
    const io::snapshot s = io::load_snapshot(path, options);
    const section_reader r(s);
    const span<const std::uint64_t> meta = read_meta(r, s);
    web_graph g;
    view_sections(r, s, meta, g);
    read_provenance(r, meta, g);
    if (options.verify != io::snapshot_verify::none) check_structure(r, g);
    g.psl_ = std::make_unique<public_suffix_list>(
        meta[meta_sections] == 1 ? psl_sections::icann_only : psl_sections::all);
    return g;
}

void web_snapshot_access::check_hosts(const section_reader& r, const web_graph& g) {
    const std::size_t hosts = g.num_hosts();
    const auto& first = g.host_first_page_;
    std::size_t i = first_bad(hosts, [&](std::size_t h) { return first[h] > first[h + 1]; });
    if (i < hosts)
        r.fail(fmt::format("section 'web_host_first_page': entry {} = {} is larger than entry "
                           "{} = {}",
                           i, first[i], i + 1, first[i + 1]));
    i = first_bad(hosts, [&](std::size_t h) {
        for (node_id p = first[h]; p < first[h + 1]; ++p)
            if (g.page_host_[p] != h) return true;
        return false;
    });
    if (i < hosts)
        r.fail(fmt::format("section 'web_page_host' disagrees with 'web_host_first_page' in the "
                           "pages [{}, {}) of host {}",
                           first[i], first[i + 1], i));
    i = first_bad(hosts, [&](std::size_t h) { return g.host_domain_[h] >= g.num_domains(); });
    if (i < hosts)
        r.fail(fmt::format("section 'web_host_domain': entry {} is {} but there are {} domains",
                           i, g.host_domain_[i], g.num_domains()));
}

void web_snapshot_access::check_links(const section_reader& r, const web_graph& g) {
    const std::size_t pages = g.num_pages();
    const auto& off = g.link_offsets_;
    std::size_t i = first_bad(pages, [&](std::size_t p) { return off[p] > off[p + 1]; });
    if (i < pages)
        r.fail(fmt::format("section 'web_link_offsets': entry {} = {} is larger than entry "
                           "{} = {}",
                           i, off[i], i + 1, off[i + 1]));
    // Every link of page p: what is wrong with it, or nullptr.
    const bool dates = g.has_dates();
    auto problem = [&](std::size_t p, std::size_t l) -> const char* {
        if (g.link_source_[l] != p) return "its source in 'web_link_sources' is not its row";
        if (g.link_target_[l] >= pages) return "its target is not a page id";
        if (l > off[p] && g.link_target_[l - 1] > g.link_target_[l])
            return "targets of its source are not sorted";
        if (g.link_anchor_[l] >= g.anchors_.size()) return "its anchor id is out of range";
        if (static_cast<std::uint8_t>(g.link_position_[l]) > max_position)
            return "its position is unknown";
        if (g.link_flags_[l] & ~known_flags) return "its flags have unknown bits";
        if (dates && (g.link_first_seen_[l] >= g.dates_.size() ||
                      g.link_last_seen_[l] >= g.dates_.size()))
            return "a date id is out of range";
        return nullptr;
    };
    i = first_bad(pages, [&](std::size_t p) {
        for (edge_offset l = off[p]; l < off[p + 1]; ++l)
            if (problem(p, l)) return true;
        return false;
    });
    if (i < pages)
        for (edge_offset l = off[i]; l < off[i + 1]; ++l)
            if (const char* what = problem(i, l))
                r.fail(fmt::format("link {} (of page {}): {}", l, i, what));
}

void web_snapshot_access::check_structure(const section_reader& r, const web_graph& g) {
    check_hosts(r, g);
    check_links(r, g);
    require_ascending(r, g.host_keys_, "web_host_keys", g.num_hosts(),
                      [](std::size_t) { return true; });
    require_ascending(r, g.domain_keys_, "web_domain_keys", g.num_domains(),
                      [](std::size_t) { return true; });
    require_ascending(r, g.page_urls_, "web_page_urls", g.num_pages(),
                      [&](std::size_t p) { return g.page_host_[p] == g.page_host_[p + 1]; });
}

void save_snapshot(const std::string& path, const web_graph& g) {
    web_snapshot_access::save(path, g);
}

web_graph web_graph::open_snapshot(const std::string& path,
                                   const io::snapshot_load_options& options) {
    return web_snapshot_access::open(path, options);
}

}  // namespace linkequity::web
