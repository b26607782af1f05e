// SPDX-License-Identifier: MIT
// Page graph and its contraction to hosts / domains. Both walk the web graph's links, which are
// sorted by (source, target), so parallel links are adjacent and merge in one pass (the links
// cut into whole-page parts, a thread each); contraction then sorts the cross-node (X, Y) pairs
// in parallel and aggregates equal runs.
#include "linkequity/web/contraction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "linkequity/detail/buffer.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/graph/builder.hpp"
#include "parallel_sort.hpp"

namespace linkequity::web {
namespace {

/// One page edge: the merge of the links s → t (s ≠ t).
struct merged_edge {
    node_id s, t;
    edge_flags flags;
    bool followable;
    float weight;  // position weight of the most prominent (followable) link
};

/// Calls f(merged_edge) for every distinct page pair s → t, s ≠ t, with links [lo, hi) — a
/// range that starts and ends at a page's first link — in (s, t) order.
template <class F>
void for_each_page_edge(const web_graph& g, const contraction_options& o, std::size_t lo,
                        std::size_t hi, F&& f) {
    const auto src = g.link_sources();
    const auto dst = g.link_targets();
    const auto fl = g.link_flags();
    const auto pos = g.link_positions();
    std::size_t i = lo;
    while (i < hi) {
        std::size_t j = i + 1;
        while (j < hi && src[j] == src[i] && dst[j] == dst[i]) ++j;
        if (src[i] != dst[i]) {
            edge_flags all = 0, follow = 0xFF;
            bool any = false;
            float w_any = 0, w_follow = 0;
            for (std::size_t k = i; k < j; ++k) {
                const float w = o.use_position_weights ? o.positions.of(pos[k]) : 1.0f;
                all |= fl[k];
                w_any = std::max(w_any, w);
                if ((fl[k] & o.excluded) == 0) {
                    follow &= fl[k];
                    any = true;
                    w_follow = std::max(w_follow, w);
                }
            }
            f(merged_edge{src[i], dst[i], any ? follow : all, any, any ? w_follow : w_any});
        }
        i = j;
    }
}

/// The links cut into parts of about equal length for the threads, each starting at a page's
/// first link (so a part holds whole pages, and parallel links never straddle two parts):
/// part k is links [cut[k], cut[k + 1]), the pages detail::balanced_rows gives part k. One part
/// when the links are few. O(parts · log pages).
std::vector<std::size_t> link_parts(const web_graph& g) {
    const auto offsets = g.link_offsets();
    std::vector<std::size_t> cut = linkequity::detail::balanced_rows(
        offsets, linkequity::detail::chunk_count(g.num_links()));
    for (std::size_t& c : cut) c = static_cast<std::size_t>(offsets[c]);  // page → its first link
    return cut;
}

/// A part's count, then its next free slot: a cache line of its own, as threads bump it.
struct alignas(64) part_slot {
    std::size_t at = 0;
};

/// The page edges of the links' parts (link_parts), each part on a thread of its own:
/// f(part, merged_edge) is called for part k's page edges in (s, t) order, by one thread.
template <class F>
void for_each_page_edge_in_parts(const web_graph& g, const contraction_options& o,
                                 const std::vector<std::size_t>& cut, F&& f) {
    const auto parts = static_cast<std::ptrdiff_t>(cut.size() - 1);
#pragma omp parallel for schedule(static, 1) if (parts > 1)
    for (std::ptrdiff_t k = 0; k < parts; ++k)
        for_each_page_edge(g, o, cut[k], cut[k + 1],
                           [&f, k](const merged_edge& e) { f(static_cast<std::size_t>(k), e); });
}

void validate_weights(const contraction_options& o, const char* fn) {
    if (!o.use_position_weights) return;
    const position_weights& p = o.positions;
    for (float w : {p.unknown, p.content, p.navigation, p.header, p.footer, p.sidebar})
        if (!(std::isfinite(w) && w >= 0))
            throw std::invalid_argument(fmt::format(
                "{}: position weight {} is not allowed, expected a finite number >= 0", fn, w));
}

}  // namespace

float position_weights::of(link_position p) const noexcept {
    switch (p) {
        case link_position::content: return content;
        case link_position::navigation: return navigation;
        case link_position::header: return header;
        case link_position::footer: return footer;
        case link_position::sidebar: return sidebar;
        case link_position::unknown: break;
    }
    return unknown;
}

position_weights position_weights::parse(std::string_view spec) {
    position_weights w;
    std::size_t start = 0;
    while (start <= spec.size()) {
        std::size_t end = spec.find(',', start);
        if (end == std::string_view::npos) end = spec.size();
        std::string_view item = spec.substr(start, end - start);
        start = end + 1;
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        if (item.empty()) continue;
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            throw std::invalid_argument(fmt::format(
                "position weights: '{}' is not position=weight (e.g. footer=0.2)", item));
        const std::string name(item.substr(0, eq)), value(item.substr(eq + 1));
        char* stop = nullptr;
        const double v = std::strtod(value.c_str(), &stop);
        if (value.empty() || *stop != '\0' || !std::isfinite(v) || v < 0)
            throw std::invalid_argument(fmt::format(
                "position weights: '{}' for {} is not a finite number >= 0", value, name));
        float* slot = name == "unknown"      ? &w.unknown
                      : name == "content"    ? &w.content
                      : name == "navigation" ? &w.navigation
                      : name == "header"     ? &w.header
                      : name == "footer"     ? &w.footer
                      : name == "sidebar"    ? &w.sidebar
                                             : nullptr;
        if (!slot)
            throw std::invalid_argument(fmt::format(
                "position weights: unknown position '{}', expected one of unknown, content, "
                "navigation, header, footer, sidebar", name));
        *slot = static_cast<float>(v);
    }
    return w;
}

std::string position_weights::to_string() const {
    return fmt::format("unknown={},content={},navigation={},header={},footer={},sidebar={}",
                       unknown, content, navigation, header, footer, sidebar);
}

csr_graph page_graph(const web_graph& g, const contraction_options& o) {
    validate_weights(o, "page_graph");
    // The parts' page edges are counted first, so each part writes its own range of arrays
    // sized to the page edges, touching no memory beyond them.
    const bool weighted = o.use_position_weights;
    const std::vector<std::size_t> cut = link_parts(g);
    std::vector<part_slot> next(cut.size());
    for_each_page_edge_in_parts(g, o, cut,
                                [&next](std::size_t k, const merged_edge&) { ++next[k + 1].at; });
    for (std::size_t k = 1; k < next.size(); ++k) next[k].at += next[k - 1].at;
    const std::size_t count = next.back().at;
    linkequity::detail::buffer<node_id> src(count), dst(count);
    linkequity::detail::buffer<edge_flags> fl(count);
    linkequity::detail::buffer<edge_weight> w(weighted ? count : 0);
    for_each_page_edge_in_parts(g, o, cut, [&](std::size_t k, const merged_edge& e) {
        const std::size_t at = next[k].at++;
        src[at] = e.s;
        dst[at] = e.t;
        fl[at] = e.flags;
        if (weighted) w[at] = e.weight;
    });
    build_options b;
    b.self_loops = self_loop_policy::drop;
    b.duplicates = duplicate_policy::keep;  // already unique
    return build_graph(g.num_pages(), src.view(), dst.view(), fl.view(), w.view(), b);
}

csr_graph contract(const web_graph& g, graph_level level, const contraction_options& o) {
    if (level == graph_level::page) return page_graph(g, o);
    const bool hosts = level == graph_level::host;
    const std::size_t n = hosts ? g.num_hosts() : g.num_domains();
    auto group = [&](node_id p) { return hosts ? g.host_of(p) : g.domain_of(p); };

    // (X, Y) pairs of the page edges that cross nodes; flags in the low byte of a second key
    // so the sort order is total (deterministic on any thread count).
    struct pair_item {
        std::uint64_t key;
        std::uint16_t info;  // flags | followable << 8
    };
    // Counted first, then each part writes its own range: the array is the pairs' exact size.
    const std::vector<std::size_t> cut = link_parts(g);
    std::vector<part_slot> next(cut.size());
    for_each_page_edge_in_parts(g, o, cut, [&](std::size_t k, const merged_edge& e) {
        next[k + 1].at += group(e.s) != group(e.t);
    });
    for (std::size_t k = 1; k < next.size(); ++k) next[k].at += next[k - 1].at;
    std::vector<pair_item> pairs(next.back().at);
    for_each_page_edge_in_parts(g, o, cut, [&](std::size_t k, const merged_edge& e) {
        const node_id x = group(e.s), y = group(e.t);
        if (x == y) return;
        pairs[next[k].at++] = {(std::uint64_t{x} << 32) | y,
                               static_cast<std::uint16_t>(e.flags | (e.followable ? 0x100 : 0))};
    });
    detail::parallel_sort(pairs, [](const pair_item& a, const pair_item& b) {
        return a.key != b.key ? a.key < b.key : a.info < b.info;
    });

    std::vector<node_id> src, dst;
    std::vector<edge_flags> fl;
    std::vector<edge_weight> w;
    for (std::size_t i = 0; i < pairs.size();) {
        std::size_t j = i;
        std::size_t all = 0, follow = 0;
        edge_flags f_all = 0, f_follow = 0xFF;
        for (; j < pairs.size() && pairs[j].key == pairs[i].key; ++j) {
            const auto f = static_cast<edge_flags>(pairs[j].info & 0xFF);
            ++all;
            f_all |= f;
            if (pairs[j].info & 0x100) {
                ++follow;
                f_follow &= f;
            }
        }
        const std::size_t k = follow > 0 ? follow : all;
        src.push_back(static_cast<node_id>(pairs[i].key >> 32));
        dst.push_back(static_cast<node_id>(pairs[i].key & 0xFFFFFFFFu));
        fl.push_back(follow > 0 ? f_follow : f_all);
        w.push_back(o.weights == domain_weight_mode::links
                        ? static_cast<edge_weight>(1.0 + std::log(static_cast<double>(k)))
                        : edge_weight(1));
        i = j;
    }
    build_options b;
    b.duplicates = duplicate_policy::keep;
    return build_graph(n, src, dst, fl, w, b);
}

}  // namespace linkequity::web
