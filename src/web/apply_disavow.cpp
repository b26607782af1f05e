// SPDX-License-Identifier: MIT
// apply_disavow: one match test per source page (pages are few compared with links), then one
// pass over the links, which are grouped by source page.
#include "linkequity/web/apply_disavow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <vector>

#include "linkequity/web/url.hpp"

namespace linkequity::web {
namespace {

/// The host of `owner`: a bare domain/host ("Example.com") or a URL ("https://www.example.com/").
std::string owner_host(std::string_view owner) {
    std::string s(owner);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    s.erase(0, std::min(s.size(), s.find_first_not_of(" \t")));
    if (s.rfind("domain:", 0) == 0) s.erase(0, 7);
    const std::string as_url = s.find("://") == std::string::npos ? "http://" + s : s;
    const normalized_url u = normalize_url(as_url);
    if (!u.ok() || u.host.empty())
        throw std::invalid_argument(fmt::format(
            "apply_disavow: owner '{}' is not a domain, host or http(s) URL{}", owner,
            u.error.empty() ? "" : " (" + u.error + ")"));
    return u.host;
}

}  // namespace

disavow_application apply_disavow(
    web_graph& g, const std::function<bool(std::string_view url, std::string_view host)>& matches,
    std::string_view owner) {
    disavow_application r;
    std::optional<node_id> owner_id;
    if (!owner.empty()) {
        r.owner_domain = g.suffix_list().registrable_domain(owner_host(owner));
        owner_id = g.find_domain(r.owner_domain);
        r.owner_found = owner_id.has_value();
        if (!owner_id) return r;
    }
    const auto offsets = g.link_offsets();
    const auto dst = g.link_targets();
    auto fl = g.mutable_link_flags();
    for (std::size_t p = 0; p < g.num_pages(); ++p) {
        const node_id page = static_cast<node_id>(p);
        const edge_offset b = offsets[p], e = offsets[p + 1];
        std::size_t in_scope = 0;
        for (edge_offset l = b; l < e; ++l)
            if (!owner_id || g.domain_of(dst[l]) == *owner_id) ++in_scope;
        r.links_in_scope += in_scope;
        if (in_scope == 0 || !matches(g.page_url(page), g.host_name(g.host_of(page)))) continue;
        ++r.source_pages_matched;
        for (edge_offset l = b; l < e; ++l) {
            if (owner_id && g.domain_of(dst[l]) != *owner_id) continue;
            ++r.links_disavowed;
            if (!(fl[l] & flags::disavowed)) ++r.newly_disavowed;
            fl[l] |= flags::disavowed;
        }
    }
    return r;
}

disavow_application apply_disavow(web_graph& g, const disavow_list& list, std::string_view owner) {
    return apply_disavow(
        g, [&list](std::string_view url, std::string_view host) { return list.matches(url, host); },
        owner);
}

}  // namespace linkequity::web
