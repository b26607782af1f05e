// SPDX-License-Identifier: MIT
// web_diff: pages and domains matched by name through hash maps; each graph's (source, target)
// pairs, which its link order groups, looked up in the other graph by binary search over the
// source's sorted targets; referring-domain pairs of both graphs sorted and merged.
#include "linkequity/analysis/web_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

#include "linkequity/io/csv_writer.hpp"

namespace linkequity::analysis {
namespace {

constexpr node_id absent = domain_change::absent;

/// map[i] = the id in `to` of page i of `from` (by URL), or absent.
std::vector<node_id> match_pages(const web::web_graph& from, const web::web_graph& to) {
    std::unordered_map<std::string_view, node_id> ids;
    ids.reserve(to.num_pages());
    for (node_id p = 0; p < to.num_pages(); ++p) ids.emplace(to.page_url(p), p);
    std::vector<node_id> map(from.num_pages(), absent);
    for (node_id p = 0; p < from.num_pages(); ++p)
        if (auto it = ids.find(from.page_url(p)); it != ids.end()) map[p] = it->second;
    return map;
}

bool has_pair(const web::web_graph& g, node_id s, node_id t) {
    if (s == absent || t == absent) return false;
    const auto offs = g.link_offsets();
    const node_id* first = g.link_targets().data();
    return std::binary_search(first + offs[s], first + offs[s + 1], t);
}

/// The pairs of `g` that `other` lacks (page ids mapped by `map`), sorted by URLs.
std::vector<link_change> pairs_only_in(const web::web_graph& g, const web::web_graph& other,
                                       const std::vector<node_id>& map, edge_flags excluded) {
    std::vector<link_change> out;
    const auto dst = g.link_targets();
    const auto fl = g.link_flags();
    const auto offs = g.link_offsets();
    for (node_id s = 0; s < g.num_pages(); ++s) {
        for (edge_offset l = offs[s]; l < offs[s + 1];) {
            link_change c{s, dst[l], 0, 0};
            for (; l < offs[s + 1] && dst[l] == c.target; ++l) {
                ++c.links;
                c.followable += (fl[l] & excluded) == 0;
            }
            if (!has_pair(other, map[s], map[c.target])) out.push_back(c);
        }
    }
    std::sort(out.begin(), out.end(), [&g](const link_change& a, const link_change& b) {
        const auto sa = g.page_url(a.source), sb = g.page_url(b.source);
        return sa != sb ? sa < sb : g.page_url(a.target) < g.page_url(b.target);
    });
    return out;
}

/// Sorted unique (target domain, source domain) pairs of links between different domains,
/// domain ids mapped by `map` (identity when empty).
std::vector<std::uint64_t> referring_pairs(const web::web_graph& g, const std::vector<node_id>& map) {
    std::vector<std::uint64_t> pairs;
    const auto src = g.link_sources(), dst = g.link_targets();
    for (std::size_t l = 0; l < g.num_links(); ++l) {
        node_id sd = g.domain_of(src[l]), td = g.domain_of(dst[l]);
        if (sd == td) continue;
        if (!map.empty()) {
            sd = map[sd];
            td = map[td];
        }
        pairs.push_back((std::uint64_t{td} << 32) | sd);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

/// Domain rows (in after-id space: before-only domains numbered after the after ones).
std::vector<domain_change> domain_rows(const web::web_graph& before, const web::web_graph& after,
                                       std::vector<node_id>& before_to_joint) {
    std::unordered_map<std::string_view, node_id> ids;
    for (node_id d = 0; d < after.num_domains(); ++d) ids.emplace(after.domain_name(d), d);
    std::vector<domain_change> rows(after.num_domains());
    for (node_id d = 0; d < after.num_domains(); ++d) rows[d].after = d;
    before_to_joint.assign(before.num_domains(), absent);
    for (node_id d = 0; d < before.num_domains(); ++d) {
        auto it = ids.find(before.domain_name(d));
        const node_id j = it != ids.end() ? it->second : static_cast<node_id>(rows.size());
        if (it == ids.end()) rows.emplace_back();
        rows[j].before = d;
        before_to_joint[d] = j;
    }
    return rows;
}

}  // namespace

const char* domain_change::status() const noexcept {
    if (before == absent) return "new";
    if (after == absent) return "dropped";
    return "kept";
}

web_diff_result web_diff(const web::web_graph& before, const web::web_graph& after,
                         const web::authority_table& before_domains,
                         const web::authority_table& after_domains, edge_flags excluded) {
    if (before_domains.size() != before.num_domains() || after_domains.size() != after.num_domains())
        throw std::invalid_argument(fmt::format(
            "web_diff: the domain tables have {} and {} rows, the graphs {} and {} domains",
            before_domains.size(), after_domains.size(), before.num_domains(), after.num_domains()));
    web_diff_result r;
    r.lost_links = pairs_only_in(before, after, match_pages(before, after), excluded);
    r.new_links = pairs_only_in(after, before, match_pages(after, before), excluded);

    std::vector<node_id> joint;
    r.domains = domain_rows(before, after, joint);
    const auto pb = referring_pairs(before, joint), pa = referring_pairs(after, {});
    std::size_t i = 0, k = 0;
    while (i < pb.size() || k < pa.size()) {  // merge: in both, only before, only after
        const bool take_b = k == pa.size() || (i < pb.size() && pb[i] <= pa[k]);
        const bool take_a = i == pb.size() || (k < pa.size() && pa[k] <= pb[i]);
        domain_change& d = r.domains[(take_b ? pb[i] : pa[k]) >> 32];
        d.referring_before += take_b;
        d.referring_after += take_a;
        d.lost += take_b && !take_a;
        d.gained += take_a && !take_b;
        i += take_b;
        k += take_a;
    }
    for (domain_change& d : r.domains) {
        if (d.before != absent) {
            d.score_before = before_domains.score[d.before];
            d.authority_before = before_domains.authority[d.before];
        }
        if (d.after != absent) {
            d.score_after = after_domains.score[d.after];
            d.authority_after = after_domains.authority[d.after];
        }
    }
    auto name = [&](const domain_change& d) {
        return d.after != absent ? after.domain_name(d.after) : before.domain_name(d.before);
    };
    std::sort(r.domains.begin(), r.domains.end(), [&](const domain_change& a, const domain_change& b) {
        const double ca = a.authority_after - a.authority_before;
        const double cb = b.authority_after - b.authority_before;
        return ca != cb ? ca > cb : name(a) < name(b);
    });
    return r;
}

void write_link_changes_csv(const std::vector<link_change>& rows, const web::web_graph& g,
                            const std::function<void(std::string_view)>& sink) {
    std::string s = "source,target,source_domain,target_domain,links,followable_links\n";
    for (const link_change& c : rows) {
        io::append_csv_field(s, g.page_url(c.source));
        s += ',';
        io::append_csv_field(s, g.page_url(c.target));
        s += ',';
        io::append_csv_field(s, g.domain_name(g.domain_of(c.source)));
        s += ',';
        io::append_csv_field(s, g.domain_name(g.domain_of(c.target)));
        fmt::format_to(std::back_inserter(s), ",{},{}\n", c.links, c.followable);
        if (s.size() > (1u << 20)) {
            sink(s);
            s.clear();
        }
    }
    sink(s);
}

void write_domain_changes_csv(const std::vector<domain_change>& rows,
                              const web::web_graph& before, const web::web_graph& after,
                              const std::function<void(std::string_view)>& sink) {
    std::string s =
        "domain,status,referring_domains_before,referring_domains_after,referring_domains_gained,"
        "referring_domains_lost,score_before,score_after,score_change,authority_before,"
        "authority_after,authority_change\n";
    for (const domain_change& d : rows) {
        io::append_csv_field(s, d.after != absent ? after.domain_name(d.after)
                                                  : before.domain_name(d.before));
        fmt::format_to(std::back_inserter(s), ",{},{},{},{},{},{:.9e},{:.9e},{:.9e},{:.3f},{:.3f},{:.3f}\n",
                       d.status(), d.referring_before, d.referring_after, d.gained, d.lost,
                       d.score_before, d.score_after, d.score_after - d.score_before,
                       d.authority_before, d.authority_after,
                       d.authority_after - d.authority_before);
        if (s.size() > (1u << 20)) {
            sink(s);
            s.clear();
        }
    }
    sink(s);
}

}  // namespace linkequity::analysis
