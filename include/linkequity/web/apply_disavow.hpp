// SPDX-License-Identifier: MIT
// Applying a disavow file to a web graph (docs/web-model.md "Disavow files"): links whose source
// page matches the list get flags::disavowed — only links pointing into the owner's registrable
// domain when an owner is given (as in Search Console), else every link.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "linkequity/web/disavow.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {

/// What apply_disavow did.
struct disavow_application {
    std::string owner_domain;          ///< registrable domain of the owner ("" = all links)
    bool owner_found = true;           ///< the owner domain has pages in the graph
    std::size_t links_in_scope = 0;    ///< links the file applies to (into the owner, or all)
    std::size_t links_disavowed = 0;   ///< links in scope from a matching source (now flagged)
    std::size_t newly_disavowed = 0;   ///< of those, not flagged by an earlier application
    std::size_t source_pages_matched = 0;  ///< distinct pages whose links are disavowed
};

/// Marks flags::disavowed on every link in scope whose source page `matches(url, host)`.
/// `owner` is a domain, host or URL (reduced to its registrable domain with the graph's suffix
/// list; empty = all links). Idempotent. O(P · cost of matches + L). Not thread-safe for `g`.
/// @throws std::invalid_argument when `owner` is not empty and no host can be read from it.
disavow_application apply_disavow(
    web_graph& g, const std::function<bool(std::string_view url, std::string_view host)>& matches,
    std::string_view owner = {});

/// The same with a disavow file (disavow_list::matches decides).
disavow_application apply_disavow(web_graph& g, const disavow_list& list,
                                  std::string_view owner = {});

}  // namespace linkequity::web
