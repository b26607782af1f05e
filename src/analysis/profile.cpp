// SPDX-License-Identifier: MIT
// link_profile: one pass over the links into the target domain, then per referring domain
// (bands, suffixes, sitewide, dates) and per month.
#include "linkequity/analysis/profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "linkequity/analysis/link_intersect.hpp"

namespace linkequity::analysis {
namespace {

/// "YYYY-MM" of an ISO date, or "" when `d` does not start with one.
std::string month_of(std::string_view d) {
    if (d.size() < 7 || d[4] != '-') return {};
    for (int i : {0, 1, 2, 3, 5, 6})
        if (d[i] < '0' || d[i] > '9') return {};
    return std::string(d.substr(0, 7));
}

/// A date usable for ordering: starts with YYYY-MM ("" otherwise).
std::string_view date_of(std::string_view d) { return month_of(d).empty() ? std::string_view{} : d; }

struct domain_acc {
    std::uint64_t links = 0, followable = 0;
    std::vector<node_id> pages;
    std::string first, last;  // earliest first-seen, latest last-seen
};

std::size_t band_of(double authority) {
    const auto b = static_cast<std::size_t>(std::max(0.0, authority) / 10.0);
    return std::min(b, num_authority_bands - 1);
}

/// First pass: every backlink of domain t (from another domain) into r's link counts and, per
/// referring domain, into acc. Returns the backlinks' link ids (for the monthly pass).
std::vector<std::size_t> count_backlinks(const web::web_graph& g, node_id t, profile_result& r,
                                         std::map<node_id, domain_acc>& acc) {
    std::vector<node_id> ref_pages;
    std::vector<std::size_t> backlinks;  // link ids, for the monthly pass
    const auto src = g.link_sources(), dst = g.link_targets();
    const auto fl = g.link_flags();
    const auto pos = g.link_positions();
    for (std::size_t l = 0; l < g.num_links(); ++l) {
        if (g.domain_of(dst[l]) != t) continue;
        const node_id ds = g.domain_of(src[l]);
        if (ds == t) continue;
        const edge_flags f = fl[l];
        const bool followable = (f & flags::default_excluded) == 0;
        ++r.backlinks;
        r.followable_backlinks += followable;
        r.follow += (f & (flags::nofollow | flags::sponsored | flags::ugc)) == 0;
        r.nofollow += (f & flags::nofollow) != 0;
        r.sponsored += (f & flags::sponsored) != 0;
        r.ugc += (f & flags::ugc) != 0;
        r.disavowed += (f & flags::disavowed) != 0;
        ++r.positions[static_cast<std::size_t>(pos[l])];
        auto& a = acc[ds];
        ++a.links;
        a.followable += followable;
        a.pages.push_back(src[l]);
        ref_pages.push_back(src[l]);
        backlinks.push_back(l);
        const std::string_view fs = date_of(g.first_seen(l)), ls = date_of(g.last_seen(l));
        if (!fs.empty() && (a.first.empty() || fs < a.first)) a.first = std::string(fs);
        if (!ls.empty() && ls > a.last) a.last = std::string(ls);
        if (!ls.empty() && ls > r.latest_seen) r.latest_seen = std::string(ls);
    }
    std::sort(ref_pages.begin(), ref_pages.end());
    r.referring_pages = static_cast<std::uint64_t>(
        std::unique(ref_pages.begin(), ref_pages.end()) - ref_pages.begin());
    r.referring_domains = acc.size();
    r.followable_share = r.backlinks ? double(r.followable_backlinks) / double(r.backlinks) : 0.0;
    return backlinks;
}

}  // namespace

void profile_options::validate() const {
    if (!(sitewide_share > 0 && sitewide_share <= 1))
        throw std::invalid_argument(
            fmt::format("profile: sitewide_share must be in (0, 1], got {}", sitewide_share));
    if (sitewide_pages < 1 || sitewide_min_pages < 1)
        throw std::invalid_argument("profile: sitewide_pages and sitewide_min_pages must be >= 1");
}

profile_result link_profile(const web::web_graph& g, const web::authority_table& domains,
                            std::string_view target, const profile_options& options) {
    options.validate();
    if (domains.size() != g.num_domains())
        throw std::invalid_argument("profile: the domain table does not match the graph");
    const node_id t = resolve_domain(g, target, "profile", "target");
    profile_result r;
    r.target = std::string(g.domain_name(t));
    r.score = domains.score[t];
    r.authority = domains.authority[t];
    r.rank = domains.rank[t];
    r.domains_in_graph = g.num_domains();
    r.has_dates = g.has_dates();

    std::map<node_id, domain_acc> acc;  // ordered: deterministic iteration
    const std::vector<std::size_t> backlinks = count_backlinks(g, t, r, acc);


    // Pages per domain in the graph (hosts of a domain are not contiguous: count over hosts).
    std::vector<std::uint64_t> domain_pages(g.num_domains(), 0);
    for (node_id h = 0; h < g.num_hosts(); ++h)
        domain_pages[g.domain_of_host(h)] += g.host_pages(h).second - g.host_pages(h).first;

    // Lost = not seen in the month of the newest date (exports' last-seen dates spread over the
    // days of the last crawl, so a day-exact cut would call live links lost).
    const std::string latest_month = month_of(r.latest_seen);
    std::map<std::string, std::uint64_t> tld;
    std::map<std::string, month_row> months;
    for (auto& [d, a] : acc) {
        referring_domain_row row;
        row.domain = d;
        row.score = domains.score[d];
        row.authority = domains.authority[d];
        row.rank = domains.rank[d];
        row.links = a.links;
        row.followable_links = a.followable;
        std::sort(a.pages.begin(), a.pages.end());
        row.linking_pages = static_cast<std::uint64_t>(
            std::unique(a.pages.begin(), a.pages.end()) - a.pages.begin());
        row.domain_pages = domain_pages[d];
        row.sitewide = row.linking_pages >= options.sitewide_pages ||
                       (row.linking_pages >= options.sitewide_min_pages &&
                        double(row.linking_pages) >= options.sitewide_share * double(row.domain_pages));
        row.first_seen = a.first;
        row.last_seen = a.last;
        r.followable_referring_domains += a.followable > 0;
        ++r.bands[band_of(row.authority)];
        const std::string_view name = g.domain_name(d);
        const std::size_t dot = name.find('.');
        ++tld[dot == std::string_view::npos ? std::string(name) : std::string(name.substr(dot + 1))];
        if (row.sitewide) {
            ++r.sitewide_domains;
            r.sitewide_links += row.links;
        }
        if (!a.first.empty()) ++months[month_of(a.first)].new_domains;
        if (!a.last.empty() && month_of(a.last) < latest_month) ++months[month_of(a.last)].lost_domains;
        r.top_domains.push_back(std::move(row));
    }
    for (std::size_t l : backlinks) {
        const std::string_view fs = date_of(g.first_seen(l)), ls = date_of(g.last_seen(l));
        if (!fs.empty()) ++months[month_of(fs)].new_links;
        if (!ls.empty() && month_of(ls) < latest_month) ++months[month_of(ls)].lost_links;
    }
    for (auto& [m, row] : months) {
        row.month = m;
        r.months.push_back(row);
    }
    for (const auto& [s, n] : tld) r.tlds.emplace_back(s, n);
    std::stable_sort(r.tlds.begin(), r.tlds.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::sort(r.top_domains.begin(), r.top_domains.end(),
              [&](const referring_domain_row& a, const referring_domain_row& b) {
                  if (a.score != b.score) return a.score > b.score;
                  if (a.links != b.links) return a.links > b.links;
                  return g.domain_name(a.domain) < g.domain_name(b.domain);
              });
    if (options.top > 0 && r.top_domains.size() > options.top) r.top_domains.resize(options.top);
    return r;
}

}  // namespace linkequity::analysis
