// SPDX-License-Identifier: MIT
// Link profile of one target domain: its backlinks from other domains by referring domains'
// authority band, rel flags, position, suffix (TLD), first/last seen month (new and lost referring
// domains), sitewide referring domains, and the top referring domains. Counted once here for the
// CLI (`linkequity profile`), the HTML report and Python (WebGraph.profile).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::analysis {

/// Authority bands of referring domains: [0, 10), [10, 20), … [90, 100] (10 bands; band i holds
/// authorities a with 10·i ≤ a < 10·(i+1), and 100 is in the last band).
inline constexpr std::size_t num_authority_bands = 10;

struct profile_options {
    /// Sitewide: a referring domain linking to the target from at least `sitewide_pages` of its
    /// pages, or from at least `sitewide_min_pages` pages that are at least `sitewide_share` of
    /// its pages in the graph (in a backlink export a domain's pages are only those in the file).
    std::size_t sitewide_pages = 10;
    std::size_t sitewide_min_pages = 3;
    double sitewide_share = 0.5;
    std::size_t top = 20;  ///< top referring domains kept (0 = all)
    void validate() const;  ///< @throws std::invalid_argument
};

struct referring_domain_row {
    node_id domain = 0;
    double score = 0, authority = 0;
    std::uint32_t rank = 0;
    std::uint64_t links = 0, followable_links = 0;
    std::uint64_t linking_pages = 0;  ///< distinct pages of the domain linking to the target
    std::uint64_t domain_pages = 0;   ///< pages of the domain in the graph
    bool sitewide = false;
    std::string first_seen, last_seen;  ///< earliest / latest date over its links ("" if none)
};

struct month_row {
    std::string month;  ///< "YYYY-MM"
    std::uint64_t new_links = 0, lost_links = 0, new_domains = 0, lost_domains = 0;
};

struct profile_result {
    std::string target;
    double score = 0, authority = 0;
    std::uint32_t rank = 0;
    std::size_t domains_in_graph = 0;
    std::uint64_t backlinks = 0;             ///< link rows from other domains
    std::uint64_t followable_backlinks = 0;  ///< … with no excluded bit
    std::uint64_t referring_domains = 0, followable_referring_domains = 0;
    std::uint64_t referring_pages = 0;
    double followable_share = 0;  ///< followable_backlinks / backlinks (0 when none)
    /// Links carrying each rel bit (a link may carry several); follow = no rel bit at all.
    std::uint64_t follow = 0, nofollow = 0, sponsored = 0, ugc = 0, disavowed = 0;
    std::array<std::uint64_t, 6> positions{};  ///< links by link_position (enum order)
    std::array<std::uint64_t, num_authority_bands> bands{};  ///< referring domains per band
    /// Referring domains by public suffix ("com", "co.uk": the domain minus its first label),
    /// sorted by count (desc) then suffix.
    std::vector<std::pair<std::string, std::uint64_t>> tlds;
    bool has_dates = false;
    std::vector<month_row> months;  ///< ascending; only months with a change
    std::string latest_seen;        ///< latest last-seen date of any backlink ("" if none)
    std::uint64_t sitewide_domains = 0, sitewide_links = 0;
    /// Every referring domain, by authority (desc), links (desc), then name (asc); the first
    /// `top` when options.top > 0 (sitewide and band counts cover all of them).
    std::vector<referring_domain_row> top_domains;
};

/// The profile of target domain `target` (a registrable domain, host or URL → its domain).
/// Backlinks are link rows from a page of another registrable domain into a page of the target.
/// Dates: a first/last seen value counts when it starts with "YYYY-MM" (ISO 8601, as Ahrefs and
/// Majestic export); a referring domain is new in the month of its earliest first-seen date and
/// lost in the month of its latest last-seen date when that month is before the month of
/// latest_seen (the newest date in the data: a link not seen in the last crawl's month is
/// lost). Links likewise.
/// Cost: O(L + R log R). @throws std::invalid_argument for an unknown target or bad options.
profile_result link_profile(const web::web_graph& g, const web::authority_table& domains,
                            std::string_view target, const profile_options& options = {});

}  // namespace linkequity::analysis
