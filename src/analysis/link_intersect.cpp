// SPDX-License-Identifier: MIT
// link_intersect (the competitor gap) and resolve_domain, the target lookup shared by the
// analysis functions.
#include "linkequity/analysis/link_intersect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "linkequity/web/url.hpp"

namespace linkequity::analysis {

node_id resolve_domain(const web::web_graph& g, std::string_view name, std::string_view who,
                       std::string_view what) {
    std::string host;
    for (char c : name) host.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    while (!host.empty() && (host.back() == ' ' || host.back() == '\t')) host.pop_back();
    host.erase(0, std::min(host.find_first_not_of(" \t"), host.size()));
    if (host.empty())
        throw std::invalid_argument(fmt::format("{}: {} is empty", who, what));
    if (host.find("://") != std::string::npos) {
        const web::normalized_url u = web::normalize_url(host);
        if (u.ok()) host = u.host;
    } else {
        host = host.substr(0, host.find('/'));
        if (!host.empty() && host.back() == '.') host.pop_back();
    }
    if (std::string h = web::normalize_host_name(host); !h.empty()) host = std::move(h);  // IDN
    if (auto d = g.find_domain(host)) return *d;
    if (!host.empty()) {
        const std::string reg = g.suffix_list().registrable_domain(host);
        if (auto d = g.find_domain(reg)) return *d;
    }
    throw std::invalid_argument(
        fmt::format("{}: {} '{}' is not a domain of the links", who, what, name));
}

void link_intersect_options::validate() const {
    if (competitors.empty())
        throw std::invalid_argument("link_intersect: competitors is empty (give at least one)");
    if (min_targets < 1 || min_targets > competitors.size())
        throw std::invalid_argument(
            fmt::format("link_intersect: min_targets must be in [1, {}] (the number of "
                        "competitors), got {}",
                        competitors.size(), min_targets));
}

link_intersect_result link_intersect(const web::web_graph& g, const web::authority_table& domains,
                                     const link_intersect_options& options) {
    options.validate();
    if (domains.size() != g.num_domains())
        throw std::invalid_argument("link_intersect: the domain table does not match the graph");
    link_intersect_result r;
    const std::size_t nd = g.num_domains(), nc = options.competitors.size();
    constexpr std::uint32_t none = ~std::uint32_t{0};
    std::vector<std::uint32_t> competitor_index(nd, none);  // domain → index in competitors
    for (std::size_t i = 0; i < nc; ++i) {
        const node_id d = resolve_domain(g, options.competitors[i], "link_intersect", "competitor");
        if (competitor_index[d] != none)
            throw std::invalid_argument(fmt::format(
                "link_intersect: competitor '{}' is given twice (as domain {})",
                options.competitors[i], g.domain_name(d)));
        competitor_index[d] = static_cast<std::uint32_t>(i);
        r.competitor_ids.push_back(d);
        r.competitors.emplace_back(g.domain_name(d));
    }
    std::optional<node_id> own;
    if (!options.exclude.empty()) {
        own = resolve_domain(g, options.exclude, "link_intersect", "excluded domain");
        if (competitor_index[*own] != none)
            throw std::invalid_argument(fmt::format(
                "link_intersect: competitor '{}' is also the excluded (own) domain",
                g.domain_name(*own)));
        r.exclude = std::string(g.domain_name(*own));
    }

    // One pass over the links: per referring domain, which competitors it links to and how often,
    // and whether it links to the own domain at all.
    std::vector<std::uint64_t> links(nd, 0);
    std::vector<std::vector<bool>> linked(nd);
    std::vector<char> links_own(nd, 0);
    const auto src = g.link_sources(), dst = g.link_targets();
    const auto fl = g.link_flags();
    for (std::size_t l = 0; l < g.num_links(); ++l) {
        const node_id ds = g.domain_of(src[l]), dt = g.domain_of(dst[l]);
        if (ds == dt) continue;
        if (own && dt == *own) links_own[ds] = 1;
        const std::uint32_t ci = competitor_index[dt];
        if (ci == none || (fl[l] & options.excluded) != 0) continue;
        if (linked[ds].empty()) linked[ds].assign(nc, false);
        linked[ds][ci] = true;
        ++links[ds];
    }
    for (node_id d = 0; d < nd; ++d) {
        if (linked[d].empty() || links_own[d] || competitor_index[d] != none || (own && d == *own))
            continue;
        const auto k = static_cast<std::uint32_t>(std::count(linked[d].begin(), linked[d].end(), true));
        if (k < options.min_targets) continue;
        link_intersect_row row;
        row.domain = d;
        row.score = domains.score[d];
        row.authority = domains.authority[d];
        row.rank = domains.rank[d];
        row.targets_linked = k;
        row.links_to = std::move(linked[d]);
        row.links = links[d];
        r.rows.push_back(std::move(row));
    }
    std::sort(r.rows.begin(), r.rows.end(), [&](const link_intersect_row& a, const link_intersect_row& b) {
        if (a.targets_linked != b.targets_linked) return a.targets_linked > b.targets_linked;
        if (a.score != b.score) return a.score > b.score;
        return g.domain_name(a.domain) < g.domain_name(b.domain);
    });
    return r;
}

}  // namespace linkequity::analysis
