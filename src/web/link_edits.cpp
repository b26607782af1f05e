// SPDX-License-Identifier: MIT
// apply_link_edits: the edit rows' URLs are normalised and looked up; removals mark link rows;
// then the numbering passes of web_graph_builder are redone as merges — old hosts / domains
// (already in key order) with the new ones, each host's old pages with its new pages — so that
// every old id maps monotonically and the old link order survives remapping; the added links
// (sorted by new source, target, edit order) are merged in after the old links of equal pairs.
#include "linkequity/web/link_edits.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "linkequity/error.hpp"
#include "linkequity/web/url.hpp"

namespace linkequity::web {
namespace {

constexpr edge_flags rel_bits = flags::nofollow | flags::sponsored | flags::ugc;
constexpr node_id none = edited_web_graph::invalid_id;

/// An end of an added link: an old page id, or (is_new) an index into the new URLs.
struct page_ref {
    bool is_new = false;
    node_id id = 0;
};

struct added_link {
    page_ref source, target;
    edge_flags rel = flags::none;
    link_position position = link_position::unknown;
    std::size_t edit = 0;  // index into the edits
    node_id s = 0, t = 0;  // new ids, once numbered
    std::uint32_t anchor = 0, first_seen = 0, last_seen = 0;  // ids in the new tables
};

/// A URL, host or domain the old graph lacks, with what it belongs to.
struct new_name {
    std::string name, key;  // key: host_sort_key for hosts and domains, the URL for pages
    node_id parent = 0;     // page → host ref, host → domain ref (see is_new_parent)
    bool is_new_parent = false;
    node_id id = 0;         // final id
};

void bad_row(const link_edit& e, bool skip_bad, const std::string& reason, link_edit_report& r) {
    if (!skip_bad) throw parse_error(e.origin, e.link.line, 0, reason);
    ++r.bad_rows;
    if (r.examples.size() < 10)
        r.examples.push_back(fmt::format("{}:{}: {}", e.origin, e.link.line, reason));
}

}  // namespace

/// The passes of apply_link_edits, with access to web_graph's members.
struct web_graph_edit_access {
    web_graph_edit_access(const web_graph& graph, const std::vector<link_edit>& e, bool skip)
        : g(graph), edits(e), skip_bad(skip) {}

    const web_graph& g;
    const std::vector<link_edit>& edits;
    bool skip_bad;
    edited_web_graph out;
    std::vector<std::uint8_t> removed;      // per old link, when any removal
    std::vector<edge_offset> removed_rows;  // the old links removed, each once
    std::vector<std::uint8_t> used;         // per old page: an added link needs it
    std::vector<added_link> added;
    std::vector<new_name> new_pages, new_hosts, new_domains;
    std::unordered_map<std::string, node_id> new_page_index, new_host_index, new_domain_index;

    std::optional<node_id> old_page(const normalized_url& u) const {
        const auto h = g.find_host(u.host);
        if (!h) return std::nullopt;
        auto [b, e] = g.host_pages(*h);
        while (b < e) {  // pages of a host are sorted by URL
            const node_id mid = b + (e - b) / 2;
            if (g.page_url(mid) < u.url) b = mid + 1;
            else e = mid;
        }
        if (b == g.host_pages(*h).second || g.page_url(b) != u.url) return std::nullopt;
        return b;
    }

    /// u, or its final URL when the graph consolidated u (a resolved redirect / canonical
    /// record of g.redirects()): edit rows name pages as the builder's rows do.
    normalized_url resolve(const normalized_url& u, bool& moved) const {
        const redirect_table& t = g.redirects();
        if (t.empty() || !u.ok()) return u;
        std::size_t lo = 0, hi = t.size();
        while (lo < hi) {  // urls are sorted
            const std::size_t mid = lo + (hi - lo) / 2;
            if (t.urls[mid] < u.url) lo = mid + 1;
            else hi = mid;
        }
        if (lo == t.size() || t.urls[lo] != u.url || t.states[lo] != redirect_state::resolved ||
            t.final_urls[lo] == u.url)
            return u;
        moved = true;
        return normalize_url(t.final_urls[lo]);
    }

    page_ref page_of(const normalized_url& u) {
        if (auto p = old_page(u)) {
            used[*p] = 1;
            return {false, *p};
        }
        auto [it, inserted] =
            new_page_index.emplace(u.url, static_cast<node_id>(new_pages.size()));
        if (inserted) new_pages.push_back({u.url, u.url, host_of(u.host), false, 0});
        return {true, it->second};
    }

    /// The host ref of a new page: an old host id, or the index of a new host (high bit set).
    node_id host_of(const std::string& host) {
        if (auto h = g.find_host(host)) return *h;
        auto [it, inserted] =
            new_host_index.emplace(host, static_cast<node_id>(new_hosts.size()));
        if (inserted) {
            const std::string domain = g.suffix_list().registrable_domain(host);
            new_name n{host, host_sort_key(host), 0, false, 0};
            if (auto d = g.find_domain(domain)) {
                n.parent = *d;
            } else {
                auto [dt, dins] =
                    new_domain_index.emplace(domain, static_cast<node_id>(new_domains.size()));
                if (dins) new_domains.push_back({domain, host_sort_key(domain), 0, false, 0});
                n.parent = dt->second;
                n.is_new_parent = true;
            }
            new_hosts.push_back(std::move(n));
        }
        return it->second | new_bit;
    }
    static constexpr node_id new_bit = node_id{1} << 31;

    void read_edits();
    void remove_links(const link_edit& e, const normalized_url& s, const normalized_url& t);
    std::vector<std::uint8_t> kept_pages() const;
    void number_hosts_and_domains(const std::vector<std::uint8_t>& keep_page,
                                  std::vector<std::uint8_t>& keep_host);
    void number_pages(const std::vector<std::uint8_t>& keep_page,
                      const std::vector<std::uint8_t>& keep_host);
    void intern_texts();
    void count_rows(std::vector<node_id>& old_of, std::vector<std::uint32_t>& first_added);
    void fill_links();
    void fill_stats();
    void list_touched_pages();
};

void web_graph_edit_access::read_edits() {
    link_edit_report& r = out.report;
    used.assign(g.num_pages(), 0);
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const link_edit& e = edits[i];
        ++r.rows;
        const normalized_url raw_source = normalize_url(e.link.source);
        bool moved = false;  // an end replaced by its final URL
        const normalized_url s = resolve(raw_source, moved);
        if (!s.ok()) {
            bad_row(e, skip_bad, s.kind == url_kind::non_web
                                     ? fmt::format("source URL is not http(s) (scheme {})", s.url)
                                     : fmt::format("invalid source URL: {}", s.error), r);
            continue;
        }
        const normalized_url t = resolve(normalize_url(e.link.target, raw_source.url), moved);
        if (t.kind == url_kind::invalid ||
            (t.kind == url_kind::non_web && e.action == edit_action::remove)) {
            bad_row(e, skip_bad, t.kind == url_kind::invalid
                                     ? fmt::format("invalid target URL: {}", t.error)
                                     : fmt::format("target URL is not http(s) (scheme {})", t.url),
                    r);
            continue;
        }
        if (e.action == edit_action::remove) {
            remove_links(e, s, t);
            continue;
        }
        ++r.add_rows;
        if (moved && t.ok() && s.url == t.url) {  // as the builder drops it
            ++r.merged;
            continue;
        }
        const page_ref sp = page_of(s);
        if (t.kind == url_kind::non_web) {
            ++r.non_web_targets;
            continue;
        }
        added.push_back({sp, page_of(t), static_cast<edge_flags>(e.link.rel & rel_bits),
                         e.link.position, i, 0, 0});
    }
}

void web_graph_edit_access::remove_links(const link_edit& e, const normalized_url& s,
                                         const normalized_url& t) {
    link_edit_report& r = out.report;
    const auto sp = old_page(s), tp = old_page(t);
    edge_offset b = 0, en = 0;
    if (sp && tp) {
        const auto offs = g.link_offsets();
        const node_id* first = g.link_targets().data();
        b = static_cast<edge_offset>(std::lower_bound(first + offs[*sp], first + offs[*sp + 1], *tp) - first);
        en = static_cast<edge_offset>(std::upper_bound(first + b, first + offs[*sp + 1], *tp) - first);
    }
    if (b == en) {
        const std::string why = fmt::format("remove: no link from {} to {} in the graph", s.url, t.url);
        if (!skip_bad) throw parse_error(e.origin, e.link.line, 0, why);
        ++r.missing;
        if (r.examples.size() < 10)
            r.examples.push_back(fmt::format("{}:{}: {}", e.origin, e.link.line, why));
        return;
    }
    if (removed.empty()) removed.assign(g.num_links(), 0);
    ++r.remove_rows;
    for (edge_offset l = b; l < en; ++l) {
        if (removed[l] == 0) removed_rows.push_back(l);
        r.links_removed += removed[l] == 0;
        removed[l] = 1;
    }
}

/// Pages kept: every page, except those that had a link in g and have none left (and no added
/// link needs them).
std::vector<std::uint8_t> web_graph_edit_access::kept_pages() const {
    std::vector<std::uint8_t> keep(g.num_pages(), 1);
    if (removed.empty()) return keep;
    std::vector<std::uint8_t> had(g.num_pages(), 0), left(g.num_pages(), 0);
    const auto src = g.link_sources(), dst = g.link_targets();
    for (std::size_t l = 0; l < g.num_links(); ++l) {
        had[src[l]] = had[dst[l]] = 1;
        if (!removed[l]) left[src[l]] = left[dst[l]] = 1;
    }
    for (std::size_t p = 0; p < g.num_pages(); ++p)
        keep[p] = !had[p] || left[p] || used[p];
    return keep;
}

namespace {

/// Merges old names (ids 0..n-1 in key order, those with keep[i]) with new ones (sorted here
/// by key): old_map[i] and added[k].id get the merged ids. Returns the merged order as
/// (is_new, index) pairs.
template <class OldKey>
std::vector<page_ref> merge_names(std::size_t n, const std::vector<std::uint8_t>& keep,
                                  OldKey old_key, std::vector<new_name>& added,
                                  std::vector<node_id>& old_map) {
    std::vector<node_id> order(added.size());
    std::iota(order.begin(), order.end(), node_id{0});
    std::sort(order.begin(), order.end(),
              [&](node_id a, node_id b) { return added[a].key < added[b].key; });
    std::vector<page_ref> merged;
    old_map.assign(n, none);
    std::size_t k = 0;
    for (std::size_t i = 0; i <= n; ++i) {
        if (i < n && !keep[i]) continue;
        while (k < order.size() && (i == n || added[order[k]].key < old_key(i))) {
            added[order[k]].id = static_cast<node_id>(merged.size());
            merged.push_back({true, order[k++]});
        }
        if (i == n) break;
        old_map[i] = static_cast<node_id>(merged.size());
        merged.push_back({false, static_cast<node_id>(i)});
    }
    return merged;
}

}  // namespace

void web_graph_edit_access::number_hosts_and_domains(const std::vector<std::uint8_t>& keep_page,
                                                     std::vector<std::uint8_t>& keep_host) {
    web_graph& ng = out.graph;
    keep_host.assign(g.num_hosts(), 0);
    for (std::size_t p = 0; p < g.num_pages(); ++p)
        if (keep_page[p]) keep_host[g.host_of(static_cast<node_id>(p))] = 1;
    for (const new_name& p : new_pages)
        if (!(p.parent & new_bit)) keep_host[p.parent] = 1;
    std::vector<std::uint8_t> keep_domain(g.num_domains(), 0);
    for (std::size_t h = 0; h < g.num_hosts(); ++h)
        if (keep_host[h]) keep_domain[g.domain_of_host(static_cast<node_id>(h))] = 1;
    for (const new_name& h : new_hosts)
        if (!h.is_new_parent) keep_domain[h.parent] = 1;

    const auto domains = merge_names(g.num_domains(), keep_domain,
                                     [&](std::size_t i) { return g.domain_keys_[i]; },
                                     new_domains, out.domain_map);
    for (const page_ref& d : domains) {
        ng.domain_names_.push_back(d.is_new ? std::string_view(new_domains[d.id].name) : g.domain_name(d.id));
        ng.domain_keys_.push_back(d.is_new ? std::string_view(new_domains[d.id].key) : g.domain_keys_[d.id]);
    }
    const auto hosts = merge_names(g.num_hosts(), keep_host,
                                   [&](std::size_t i) { return g.host_keys_[i]; }, new_hosts,
                                   out.host_map);
    ng.host_domain_ = linkequity::detail::buffer<node_id>(hosts.size());
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        const page_ref& h = hosts[i];
        if (h.is_new) {
            const new_name& nh = new_hosts[h.id];
            ng.host_names_.push_back(nh.name);
            ng.host_keys_.push_back(nh.key);
            ng.host_domain_[i] =
                nh.is_new_parent ? new_domains[nh.parent].id : out.domain_map[nh.parent];
        } else {
            ng.host_names_.push_back(g.host_name(h.id));
            ng.host_keys_.push_back(g.host_keys_[h.id]);
            ng.host_domain_[i] = out.domain_map[g.domain_of_host(h.id)];
        }
    }
    out.report.new_hosts = new_hosts.size();
    out.report.new_domains = new_domains.size();
    out.report.dropped_hosts = static_cast<std::size_t>(std::count(out.host_map.begin(), out.host_map.end(), none));
    out.report.dropped_domains = static_cast<std::size_t>(std::count(out.domain_map.begin(), out.domain_map.end(), none));
}

void web_graph_edit_access::number_pages(const std::vector<std::uint8_t>& keep_page,
                                         const std::vector<std::uint8_t>& keep_host) {
    web_graph& ng = out.graph;
    const std::size_t nh = ng.host_domain_.size();
    // New pages by new host, each host's list sorted by URL.
    std::vector<std::vector<node_id>> by_host(nh);
    for (std::size_t k = 0; k < new_pages.size(); ++k) {
        const node_id ref = new_pages[k].parent;
        by_host[(ref & new_bit) ? new_hosts[ref & ~new_bit].id : out.host_map[ref]].push_back(
            static_cast<node_id>(k));
    }
    std::vector<node_id> host_old(nh, none);
    for (std::size_t h = 0; h < g.num_hosts(); ++h)
        if (keep_host[h]) host_old[out.host_map[h]] = static_cast<node_id>(h);
    out.page_map.assign(g.num_pages(), none);
    ng.host_first_page_ = linkequity::detail::buffer<node_id>(nh + 1);
    std::vector<node_id> page_host;
    page_host.reserve(g.num_pages() + new_pages.size());
    for (std::size_t h = 0; h < nh; ++h) {
        ng.host_first_page_[h] = static_cast<node_id>(page_host.size());
        auto& list = by_host[h];
        std::sort(list.begin(), list.end(),
                  [&](node_id a, node_id b) { return new_pages[a].name < new_pages[b].name; });
        node_id p = 0, pe = 0;
        if (host_old[h] != none) std::tie(p, pe) = g.host_pages(host_old[h]);
        std::size_t k = 0;
        while (p < pe || k < list.size()) {
            if (p < pe && !keep_page[p]) {
                ++p;
                continue;
            }
            const bool take_new = k < list.size() && (p == pe || new_pages[list[k]].name < g.page_url(p));
            if (take_new) {
                new_pages[list[k]].id = static_cast<node_id>(page_host.size());
                ng.page_urls_.push_back(new_pages[list[k++]].name);
            } else {
                out.page_map[p] = static_cast<node_id>(page_host.size());
                ng.page_urls_.push_back(g.page_url(p++));
            }
            page_host.push_back(static_cast<node_id>(h));
        }
    }
    ng.host_first_page_[nh] = static_cast<node_id>(page_host.size());
    ng.page_host_ = linkequity::detail::buffer<node_id>(page_host.size());
    std::copy(page_host.begin(), page_host.end(), ng.page_host_.data());
    out.report.new_pages = new_pages.size();
    out.report.dropped_pages = static_cast<std::size_t>(std::count(out.page_map.begin(), out.page_map.end(), none));
}

/// Link rows per new source page (old rows kept + added rows) into ng.link_offsets_, and
/// per page the old page (none for new pages) and its first added link.
void web_graph_edit_access::count_rows(std::vector<node_id>& old_of,
                                       std::vector<std::uint32_t>& first_added) {
    web_graph& ng = out.graph;
    const std::size_t n = ng.page_host_.size();
    old_of.assign(n, none);
    for (std::size_t p = 0; p < g.num_pages(); ++p)
        if (out.page_map[p] != none) old_of[out.page_map[p]] = static_cast<node_id>(p);
    ng.link_offsets_ = linkequity::detail::buffer<edge_offset>(n + 1);
    edge_offset* offs = ng.link_offsets_.data();
    std::fill_n(offs, n + 1, edge_offset{0});
    const auto old_offs = g.link_offsets();
    for (std::size_t s = 0; s < n; ++s)
        if (old_of[s] != none) offs[s + 1] = old_offs[old_of[s] + 1] - old_offs[old_of[s]];
    for (const edge_offset l : removed_rows) {  // a removed row's source may be dropped
        const node_id s = out.page_map[g.link_source(l)];
        if (s != none) --offs[s + 1];
    }
    first_added.assign(n + 1, 0);
    for (const added_link& a : added) {
        ++offs[a.s + 1];
        ++first_added[a.s + 1];
    }
    for (std::size_t s = 0; s < n; ++s) {
        offs[s + 1] += offs[s];
        first_added[s + 1] += first_added[s];
    }
}

/// The link arrays: each new page's row is its old row (removed links skipped, targets
/// renumbered) merged with its added links (sorted by target), old links first among equal
/// targets — the order building from the edited rows gives. Rows are filled in parallel.
void web_graph_edit_access::fill_links() {
    web_graph& ng = out.graph;
    auto id_of = [&](const page_ref& r) { return r.is_new ? new_pages[r.id].id : out.page_map[r.id]; };
    for (added_link& a : added) {
        a.s = id_of(a.source);
        a.t = id_of(a.target);
    }
    std::stable_sort(added.begin(), added.end(), [](const added_link& x, const added_link& y) {
        return x.s != y.s ? x.s < y.s : x.t < y.t;
    });
    std::vector<node_id> old_of;
    std::vector<std::uint32_t> first_added;
    count_rows(old_of, first_added);
    const std::size_t n = ng.page_host_.size(), m = ng.link_offsets_[n];
    ng.link_source_ = linkequity::detail::buffer<node_id>(m);
    ng.link_target_ = linkequity::detail::buffer<node_id>(m);
    ng.link_flags_ = linkequity::detail::buffer<edge_flags>(m);
    ng.link_position_ = linkequity::detail::buffer<link_position>(m);
    ng.link_anchor_ = linkequity::detail::buffer<std::uint32_t>(m);
    bool dates = g.has_dates();
    for (const added_link& a : added)
        dates = dates || !edits[a.edit].link.first_seen.empty() || !edits[a.edit].link.last_seen.empty();
    if (dates) {
        ng.link_first_seen_ = linkequity::detail::buffer<std::uint32_t>(m);
        ng.link_last_seen_ = linkequity::detail::buffer<std::uint32_t>(m);
    }
    // Anchors and dates of the old links keep their ids; new texts were appended (intern_texts).
    const auto old_offs = g.link_offsets();
    const auto dst = g.link_targets();
#pragma omp parallel for schedule(dynamic, 4096) if (n > 65536)
    for (std::ptrdiff_t si = 0; si < static_cast<std::ptrdiff_t>(n); ++si) {
        const auto s = static_cast<node_id>(si);
        edge_offset i = ng.link_offsets_[s];
        edge_offset l = 0, le = 0;
        if (old_of[s] != none) {
            l = old_offs[old_of[s]];
            le = old_offs[old_of[s] + 1];
        }
        std::size_t k = first_added[s];
        const std::size_t ke = first_added[s + 1];
        for (;; ++i) {
            while (l < le && !removed.empty() && removed[l]) ++l;
            if (l == le && k == ke) break;
            ng.link_source_[i] = s;
            if (l < le && (k == ke || out.page_map[dst[l]] <= added[k].t)) {
                ng.link_target_[i] = out.page_map[dst[l]];
                ng.link_flags_[i] = g.link_flags()[l];
                ng.link_position_[i] = g.link_positions()[l];
                ng.link_anchor_[i] = g.link_anchors()[l];
                if (dates) {
                    ng.link_first_seen_[i] = g.has_dates() ? g.link_first_seen_[l] : 0;
                    ng.link_last_seen_[i] = g.has_dates() ? g.link_last_seen_[l] : 0;
                }
                ++l;
            } else {
                const added_link& a = added[k++];
                ng.link_target_[i] = a.t;
                const bool internal = ng.domain_of(a.s) == ng.domain_of(a.t);
                ng.link_flags_[i] = static_cast<edge_flags>(a.rel | (internal ? flags::internal : 0));
                ng.link_position_[i] = a.position;
                ng.link_anchor_[i] = a.anchor;
                if (dates) {
                    ng.link_first_seen_[i] = a.first_seen;
                    ng.link_last_seen_[i] = a.last_seen;
                }
            }
        }
    }
}

/// The anchor and date ids of the added links: old texts keep their ids, new ones are appended
/// (to an owned copy of the tables; unchanged tables are shared, even a snapshot's view).
void web_graph_edit_access::intern_texts() {
    web_graph& ng = out.graph;
    ng.anchors_ = g.anchors_;
    ng.dates_ = g.dates_;
    if (added.empty()) return;
    auto owned = [](const string_table& t) {  // push_back needs an owned table, not a view
        string_table copy;
        copy.reserve(t.size(), t.chars().size());
        for (std::size_t a = 0; a < t.size(); ++a) copy.push_back(t[a]);
        if (copy.empty()) copy.push_back("");  // id 0: the empty text
        return copy;
    };
    ng.anchors_ = owned(g.anchors_);
    ng.dates_ = owned(g.dates_);
    auto intern = [](const string_table& old, string_table& t,
                     std::unordered_map<std::string_view, std::uint32_t>& old_ids,
                     std::unordered_map<std::string, std::uint32_t>& new_ids,
                     std::string_view s) -> std::uint32_t {
        if (s.empty()) return 0;  // id 0 is the empty text in both tables
        if (old_ids.empty())
            for (std::size_t a = 0; a < old.size(); ++a)
                old_ids.emplace(old[a], static_cast<std::uint32_t>(a));
        if (auto it = old_ids.find(s); it != old_ids.end()) return it->second;
        if (auto it = new_ids.find(std::string(s)); it != new_ids.end()) return it->second;
        const std::uint32_t id = t.push_back(s);
        new_ids.emplace(std::string(s), id);
        return id;
    };
    std::unordered_map<std::string_view, std::uint32_t> old_anchor, old_date;
    std::unordered_map<std::string, std::uint32_t> new_anchor, new_date;
    for (added_link& a : added) {
        const io::raw_link& r = edits[a.edit].link;
        a.anchor = intern(g.anchors_, ng.anchors_, old_anchor, new_anchor, r.anchor);
        a.first_seen = intern(g.dates_, ng.dates_, old_date, new_date, r.first_seen);
        a.last_seen = intern(g.dates_, ng.dates_, old_date, new_date, r.last_seen);
    }
}

void web_graph_edit_access::fill_stats() {
    web_graph& ng = out.graph;
    const std::size_t m = ng.link_target_.size();
    web_graph_stats st = g.stats();
    st.links = m;
    std::size_t internal = 0, self = 0;
#pragma omp parallel for reduction(+ : internal, self) if (m > 65536)
    for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(m); ++i) {
        internal += (ng.link_flags_[i] & flags::internal) != 0;
        self += ng.link_source_[i] == ng.link_target_[i];
    }
    st.internal_links = internal;
    st.self_links = self;
    st.rows += out.report.add_rows;
    st.non_web_targets += out.report.non_web_targets;
    ng.stats_ = std::move(st);
    const redirect_table& rt = g.redirects_;  // the consolidation stays the graph's
    redirect_table& nt = ng.redirects_;
    nt.urls = rt.urls;
    nt.final_urls = rt.final_urls;
    nt.hops = linkequity::detail::buffer<std::uint8_t>(rt.size());
    nt.kinds = linkequity::detail::buffer<redirect_kind>(rt.size());
    nt.states = linkequity::detail::buffer<redirect_state>(rt.size());
    std::copy(rt.hops.data(), rt.hops.data() + rt.size(), nt.hops.data());
    std::copy(rt.kinds.data(), rt.kinds.data() + rt.size(), nt.kinds.data());
    std::copy(rt.states.data(), rt.states.data() + rt.size(), nt.states.data());
    ng.psl_ = std::make_unique<public_suffix_list>(g.suffix_list());
    ng.build_psl_version_ = g.build_psl_version_;
}

void web_graph_edit_access::list_touched_pages() {
    std::vector<node_id>& t = out.touched_pages;
    t.reserve(2 * (added.size() + removed_rows.size()));
    for (const added_link& a : added) {
        t.push_back(a.s);
        t.push_back(a.t);
    }
    for (const edge_offset l : removed_rows)
        for (const node_id p : {g.link_source(l), g.link_targets()[l]})
            if (out.page_map[p] != none) t.push_back(out.page_map[p]);
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
}

edited_web_graph apply_link_edits(const web_graph& g, const std::vector<link_edit>& edits,
                                  bool skip_bad) {
    web_graph_edit_access a(g, edits, skip_bad);
    a.read_edits();
    const std::vector<std::uint8_t> keep_page = a.kept_pages();
    std::vector<std::uint8_t> keep_host;
    a.number_hosts_and_domains(keep_page, keep_host);
    a.number_pages(keep_page, keep_host);
    a.intern_texts();
    a.fill_links();
    a.fill_stats();
    a.list_touched_pages();
    return std::move(a.out);
}

}  // namespace linkequity::web
