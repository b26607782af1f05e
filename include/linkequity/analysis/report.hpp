// SPDX-License-Identifier: MIT
// The backlink report of one target domain as ONE self-contained HTML page: no network, no
// scripts, no external fonts or images; charts are inline SVG written here. It shows the target's
// authority and rank, the authority bands of its referring domains, anchor classes, rel and
// position mix, suffixes, new/lost referring domains per month, top referring domains and anchors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/analysis/profile.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::analysis {

struct report_options {
    std::vector<std::string> keywords;  ///< for the exact/partial anchor classes (may be empty)
    std::size_t top_domains = 25;       ///< rows of the referring-domains table
    std::size_t top_anchors = 25;       ///< rows of the anchors table
    profile_options profile;            ///< sitewide thresholds (its `top` is ignored)
    void validate() const;              ///< @throws std::invalid_argument
};

/// The HTML page (UTF-8) for `target` (a domain, host or URL → its registrable domain).
/// `auth` is compute_authority(g) (its domains table is used). Every name and anchor is
/// HTML-escaped. Cost: link_profile + anchors + O(size of the page).
/// @throws std::invalid_argument for an unknown target or bad options.
std::string render_report(const web::web_graph& g, const web::authority_result& auth,
                          std::string_view target, const report_options& options = {});

}  // namespace linkequity::analysis
