// SPDX-License-Identifier: MIT
// compute_authority: page graph + contractions → one pagerank() per level → floor, 0–100 scale
// and ranks; then link counts per node from the raw links (an in-link index by target, built
// by counting sort, walked per node in parallel with thread-local scratch).
#include "linkequity/web/authority.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "linkequity/detail/parallel.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/error.hpp"
#include "../graph/counting_sort.hpp"
#include "parallel_sort.hpp"

namespace linkequity::web {
namespace {

void score_level(const csr_graph& graph, const pagerank_options& po, authority_table& t,
                 const char* level, const std::vector<double>& start = {}) {
    pagerank_options warm;
    if (!start.empty()) {  // authority_options' warm start of this level
        warm = po;
        warm.start = start;
    }
    const pagerank_result r = pagerank(graph, start.empty() ? po : warm);
    if (r.cancelled)
        throw cancelled_error(fmt::format("compute_authority: {} authority cancelled", level));
    t.nodes = graph.num_nodes();
    t.edges = graph.num_edges();
    t.iterations = r.iterations;
    t.residual = r.residual;
    t.converged = r.converged || graph.num_nodes() == 0;
    t.seconds = r.seconds;
    t.score = r.scores;
    t.dangling_mass = r.dangling_mass;
    t.evaporated_mass = r.evaporated_mass;
    t.floor = authority_floor(po.damping, t.dangling_mass, t.evaporated_mass, graph.num_nodes());
    t.authority = authority_scale(t.score, t.floor);
    t.rank = competition_ranks(t.score);
}

/// Members of each node of a level: pages of a host are contiguous; of a domain, gathered.
struct level_members {
    std::vector<edge_offset> offsets;  // size nodes + 1
    std::vector<node_id> pages;        // empty = identity (page level)
};

/// In-links by target page: sources and whether the link is followable; self-links dropped.
struct in_index {
    linkequity::detail::buffer<edge_offset> offsets;
    std::vector<node_id> source;
    std::vector<std::uint8_t> followable;
    std::vector<node_id> page_domain;  // g.domain_of(p) in one load instead of two dependent
};

/// `only` (when not null, one byte per page): rows for the pages with only[p] != 0, the other
/// rows left empty. A stable counting sort of the links by target over chunks of links in
/// parallel (links are sorted by source, so each row's sources ascend): the same index on any
/// thread count. O(n · threads + m).
in_index build_in_index(const web_graph& g, edge_flags excluded,
                        const std::vector<std::uint8_t>* only = nullptr) {
    const std::size_t n = g.num_pages(), m = g.num_links();
    const auto src = g.link_sources();
    const auto dst = g.link_targets();
    const auto fl = g.link_flags();
    auto skip = [&](std::size_t l) { return src[l] == dst[l] || (only && !(*only)[dst[l]]); };
    in_index ix;
    ix.source.resize(m);  // an upper bound; cut to the kept links below
    ix.followable.resize(m);
    const int chunks = linkequity::detail::chunk_count(m);
    ix.offsets = linkequity::detail::counting_sort(
        n, chunks,
        [&](int t, auto&& f) {
            const auto [first, last] = linkequity::detail::chunk_slice(m, chunks, t);
            for (std::size_t l = first; l < last; ++l)
                if (!skip(l)) f(dst[l], l);
        },
        [&](edge_offset slot, std::size_t l) {
            ix.source[slot] = src[l];
            ix.followable[slot] = (fl[l] & excluded) == 0;
        });
    ix.source.resize(ix.offsets[n]);
    ix.followable.resize(ix.offsets[n]);
    ix.page_domain.resize(n);
#pragma omp parallel for schedule(static) if (n > linkequity::detail::parallel_threshold)
    for (std::size_t p = 0; p < n; ++p) ix.page_domain[p] = g.domain_of(static_cast<node_id>(p));
    return ix;
}

/// In-links ahead whose source's domain count_links asks for.
constexpr std::size_t in_link_prefetch = 8;

/// Fills the link-count columns of `t` for a level whose node of page p is group(p): every
/// node, or (`only` not null) the nodes only[k], whose pages are then members' row k.
template <class Group>
void count_links(const web_graph& g, const in_index& ix, const level_members& members,
                 std::size_t num_nodes, Group group, edge_flags excluded, authority_table& t,
                 const std::vector<node_id>* only = nullptr) {
    if (!only) {
        t.backlinks.assign(num_nodes, 0);
        t.followable_backlinks.assign(num_nodes, 0);
        t.referring_pages.assign(num_nodes, 0);
        t.referring_domains.assign(num_nodes, 0);
        t.followable_referring_domains.assign(num_nodes, 0);
        t.outgoing_links.assign(num_nodes, 0);
        t.followable_outgoing_links.assign(num_nodes, 0);
    }
    const std::size_t count = only ? only->size() : num_nodes;
    const auto offs = g.link_offsets();
    const auto dst = g.link_targets();
    const auto fl = g.link_flags();
    const bool identity = members.pages.empty();
#pragma omp parallel if (count > 1024)
    {
        std::vector<node_id> pages_seen;
        std::vector<std::uint64_t> domains_seen;  // domain << 1 | followable
#pragma omp for schedule(dynamic, 256)
        for (std::ptrdiff_t xi = 0; xi < static_cast<std::ptrdiff_t>(count); ++xi) {
            const auto x = only ? (*only)[static_cast<std::size_t>(xi)] : static_cast<node_id>(xi);
            const auto row = static_cast<std::size_t>(xi);
            const edge_offset b = identity ? x : members.offsets[row];
            const edge_offset e = identity ? x + 1 : members.offsets[row + 1];
            const node_id own_domain = ix.page_domain[identity ? x : members.pages[b]];
            pages_seen.clear();
            domains_seen.clear();
            std::uint64_t back = 0, back_f = 0, out = 0, out_f = 0;
            for (edge_offset k = b; k < e; ++k) {
                const node_id p = identity ? static_cast<node_id>(k) : members.pages[k];
                for (edge_offset i = ix.offsets[p]; i < ix.offsets[p + 1]; ++i) {
#if defined(__GNUC__)
                    // the domain of a source some in-links ahead: a random load otherwise waited on
                    if (i + in_link_prefetch < ix.source.size())
                        __builtin_prefetch(&ix.page_domain[ix.source[i + in_link_prefetch]]);
#endif
                    const node_id s = ix.source[i];
                    if (group(s) == x) continue;
                    ++back;
                    back_f += ix.followable[i];
                    pages_seen.push_back(s);
                    const node_id d = ix.page_domain[s];
                    if (d != own_domain)
                        domains_seen.push_back((std::uint64_t{d} << 1) | ix.followable[i]);
                }
                for (edge_offset l = offs[p]; l < offs[p + 1]; ++l) {
                    if (dst[l] == p || group(dst[l]) == x) continue;
                    ++out;
                    out_f += (fl[l] & excluded) == 0;
                }
            }
            // One page's in-row lists its sources in ascending order already (build_in_index).
            if (!identity) std::sort(pages_seen.begin(), pages_seen.end());
            std::sort(domains_seen.begin(), domains_seen.end());
            std::uint64_t rd = 0, rd_f = 0;
            for (std::size_t i = 0; i < domains_seen.size(); ++i) {
                const std::uint64_t d = domains_seen[i] >> 1;
                const bool first = i == 0 || (domains_seen[i - 1] >> 1) != d;
                rd += first;
                // sorted with the followable bit last: a followable entry is the run's last
                const bool last = i + 1 == domains_seen.size() || (domains_seen[i + 1] >> 1) != d;
                rd_f += last && (domains_seen[i] & 1);
            }
            t.backlinks[x] = back;
            t.followable_backlinks[x] = back_f;
            t.referring_pages[x] = static_cast<std::uint64_t>(
                std::unique(pages_seen.begin(), pages_seen.end()) - pages_seen.begin());
            t.referring_domains[x] = rd;
            t.followable_referring_domains[x] = rd_f;
            t.outgoing_links[x] = out;
            t.followable_outgoing_links[x] = out_f;
        }
    }
}

}  // namespace

void authority_options::validate() const {
    check_fields(*this, "compute_authority");  // ranges and enum values, from the option table
    pagerank_options::fields(pagerank, [](const auto& member, const option_info& f) {
        if constexpr (std::is_same_v<std::decay_t<decltype(member)>, std::vector<double>>)
            if (!member.empty())
                throw std::invalid_argument(fmt::format(
                    "compute_authority: {} has {} entries, expected none (each level is a "
                    "different graph)", f.name, member.size()));
    });
    if (pagerank.dangling == dangling_policy::vector)
        throw std::invalid_argument(
            "compute_authority: dangling is vector, expected personalization or uniform");
    if (positions) {
        const position_weights& p = *positions;
        for (float w : {p.unknown, p.content, p.navigation, p.header, p.footer, p.sidebar})
            if (!(std::isfinite(w) && w >= 0))
                throw std::invalid_argument(fmt::format(
                    "compute_authority: position weight {} is not allowed, expected a finite "
                    "number >= 0 (weights: {})", w, p.to_string()));
    }
}

double authority_floor(double damping, double dangling_mass, double evaporated_mass,
                       std::size_t num_nodes) {
    if (num_nodes == 0) return 0;
    return ((1.0 - damping) + damping * (dangling_mass + evaporated_mass)) /
           static_cast<double>(num_nodes);
}

std::vector<double> authority_scale(span<const double> scores, double floor) {
    std::vector<double> a(scores.size(), 0.0);
    if (scores.empty() || !(floor > 0)) return a;
    const double top = *std::max_element(scores.begin(), scores.end());
    if (!(top > floor * (1 + 1e-9))) return a;
    const double denom = std::log(top / floor);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const double x = scores[i];
        if (!(x > floor * (1 + 1e-9))) continue;  // unlinked (up to float noise) or below: 0
        a[i] = std::min(100.0, 100.0 * std::log(x / floor) / denom);
    }
    return a;
}

std::vector<std::uint32_t> competition_ranks(span<const double> scores) {
    const std::size_t n = scores.size();
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    detail::parallel_sort(order, [&](std::uint32_t a, std::uint32_t b) {
        return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
    });
    std::vector<std::uint32_t> rank(n);
    for (std::size_t i = 0; i < n; ++i)
        rank[order[i]] = (i > 0 && scores[order[i]] == scores[order[i - 1]])
                             ? rank[order[i - 1]]
                             : static_cast<std::uint32_t>(i + 1);
    return rank;
}

contraction_options contraction_of(const authority_options& o) {
    contraction_options co;
    co.excluded = o.pagerank.excluded;
    co.weights = o.domain_weights;
    co.use_position_weights = o.positions.has_value();
    if (o.positions) co.positions = *o.positions;
    return co;
}

authority_result compute_authority(const web_graph& g, const authority_options& o) {
    o.validate();
    authority_result res;
    const pagerank_options& po = o.pagerank;

    const auto pass = [&o](const char* name) {
        if (o.on_pass) o.on_pass(name);
    };
    linkequity::detail::stopwatch timer;
    const contraction_options co = contraction_of(o);
    pass("page graph");
    csr_graph pages = page_graph(g, co);
    res.seconds_graphs += timer.seconds();
    pass("page rank");
    score_level(pages, po, res.pages, "page", o.start_pages);
    pages = csr_graph{};

    timer.restart();
    pass("domain graph");
    csr_graph domains = contract(g, graph_level::domain, co);
    res.seconds_graphs += timer.seconds();
    pass("domain rank");
    score_level(domains, po, res.domains, "domain", o.start_domains);
    domains = csr_graph{};

    if (o.compute_hosts) {
        timer.restart();
        pass("host graph");
        csr_graph hosts = contract(g, graph_level::host, co);
        res.seconds_graphs += timer.seconds();
        pass("host rank");
        score_level(hosts, po, res.hosts, "host", o.start_hosts);
    }

    if (!o.compute_counts) return res;
    // Link counts.
    timer.restart();
    pass("link counts");
    const in_index ix = build_in_index(g, po.excluded);
    count_links(g, ix, level_members{}, g.num_pages(), [](node_id p) { return p; }, po.excluded,
                res.pages);
    {
        level_members dm;  // pages by domain: a stable counting sort
        const std::size_t nd = g.num_domains();
        dm.pages.resize(g.num_pages());
        const auto offsets = linkequity::detail::counting_sort(
            nd, 1,
            [&g, &ix](int, auto&& f) {
                for (node_id p = 0; p < g.num_pages(); ++p) f(ix.page_domain[p], p);
            },
            [&dm](edge_offset slot, node_id p) { dm.pages[slot] = p; });
        dm.offsets.assign(offsets.data(), offsets.data() + offsets.size());
        count_links(g, ix, dm, nd, [&ix](node_id p) { return ix.page_domain[p]; }, po.excluded,
                    res.domains);
    }
    if (o.compute_hosts) {
        level_members hm;
        hm.offsets.resize(g.num_hosts() + 1);
        for (std::size_t h = 0; h <= g.num_hosts(); ++h)
            hm.offsets[h] = h < g.num_hosts() ? g.host_pages(h).first : g.num_pages();
        hm.pages.resize(g.num_pages());
        std::iota(hm.pages.begin(), hm.pages.end(), node_id{0});
        count_links(g, ix, hm, g.num_hosts(), [&g](node_id p) { return g.host_of(p); },
                    po.excluded, res.hosts);
    }
    res.seconds_counts = timer.seconds();
    return res;
}

void recount_links(const web_graph& g, graph_level level, const std::vector<node_id>& nodes,
                   edge_flags excluded, authority_table& t) {
    const std::size_t n = level == graph_level::page   ? g.num_pages()
                          : level == graph_level::host ? g.num_hosts()
                                                       : g.num_domains();
    for (const auto* column : {&t.backlinks, &t.followable_backlinks, &t.referring_pages,
                               &t.referring_domains, &t.followable_referring_domains,
                               &t.outgoing_links, &t.followable_outgoing_links})
        if (column->size() != n)
            throw std::invalid_argument(fmt::format(
                "recount_links: a count column has {} entries, the level {} nodes", column->size(), n));
    for (const node_id x : nodes)
        if (x >= n)
            throw std::invalid_argument(fmt::format("recount_links: node {} >= {} nodes", x, n));
    // Pages of each listed node (row k of `members` for nodes[k]) and the filter of the index.
    std::vector<std::uint8_t> only(g.num_pages(), 0);
    level_members members;
    if (level == graph_level::page) {
        for (const node_id p : nodes) only[p] = 1;
    } else {
        std::vector<node_id> row_of(n, ~node_id{0});
        for (std::size_t k = 0; k < nodes.size(); ++k) row_of[nodes[k]] = static_cast<node_id>(k);
        auto group = [&](node_id p) { return level == graph_level::host ? g.host_of(p) : g.domain_of(p); };
        members.offsets.assign(nodes.size() + 1, 0);
        for (node_id p = 0; p < g.num_pages(); ++p)
            if (row_of[group(p)] != ~node_id{0}) ++members.offsets[row_of[group(p)] + 1];
        for (std::size_t k = 0; k < nodes.size(); ++k) members.offsets[k + 1] += members.offsets[k];
        std::vector<edge_offset> next(members.offsets.begin(), members.offsets.end() - 1);
        members.pages.resize(members.offsets.back());
        for (node_id p = 0; p < g.num_pages(); ++p) {
            const node_id k = row_of[group(p)];
            if (k == ~node_id{0}) continue;
            only[p] = 1;
            members.pages[next[k]++] = p;
        }
    }
    if (nodes.empty()) return;
    const in_index ix = build_in_index(g, excluded, &only);
    if (level == graph_level::page)
        count_links(g, ix, members, n, [](node_id p) { return p; }, excluded, t, &nodes);
    else if (level == graph_level::host)
        count_links(g, ix, members, n, [&g](node_id p) { return g.host_of(p); }, excluded, t, &nodes);
    else
        count_links(g, ix, members, n, [&ix](node_id p) { return ix.page_domain[p]; }, excluded, t,
                    &nodes);
}

}  // namespace linkequity::web
