// SPDX-License-Identifier: MIT
// Labelled link manipulation for the synthetic web (synthetic_web.hpp): link farms, private blog
// networks, reciprocal link exchanges, sitewide paid footer links and expired domains
// 301-redirected to a money site, planted over the honest web as ground truth for spam
// detection. manipulation_options (a `fields` table: CLI flags and Python keywords come from it)
// says how much of each; domain_label says what each domain is. All off by default: a web
// generated without them is byte-identical to one from before they existed.
#pragma once

#include <cstddef>

#include "linkequity/options.hpp"

namespace linkequity::web {

/// What a synthetic domain is, as the label file (`generate --labels`) spells it.
enum class domain_label : unsigned char {
    honest,       ///< no part in any manipulation
    target,       ///< boosted: the target of a link farm or a money site of a PBN
    farm,         ///< a link-farm member domain
    pbn,          ///< a private-blog-network member domain
    exchange,     ///< one side of a reciprocal link exchange
    paid_seller,  ///< links sitewide (every page's footer) to a buyer
    paid_buyer,   ///< receives a seller's sitewide footer link
    expired,      ///< a formerly honest domain that now 301-redirects to a money site
};

/// The spellings of domain_label (the label file's `label` column).
const enum_names<domain_label>& spellings(domain_label);

/// How much manipulation synthetic_web plants (every count 0 by default: none). Link farms and
/// PBNs add new domains after the honest ones; targets, money sites, exchangers and paid-link
/// buyers/sellers are honest domains given that role (each domain has one label at most). The
/// rows they add come after the honest `links` rows. Pass by pass: docs/cli.md, "Manipulation".
struct manipulation_options {
    /// A sensible mix sized by spam_share: each count below left at 0 is derived from it.
    bool manipulation = false;
    /// With `manipulation`: farm + PBN member domains ≈ spam_share × domains (60 % farms, 40 %
    /// PBNs); exchanges ≈ spam_share × domains / 5 pairs; paid links ≈ spam_share × domains / 10;
    /// expired domains ≈ spam_share × domains / 10.
    double spam_share = 0.05;
    std::size_t farms = 0;        ///< link farms, each boosting one target domain
    std::size_t farm_size = 20;   ///< member domains per farm
    double farm_pages = 3;        ///< mean pages per farm member (1 + geometric)
    double farm_leak = 0.5;       ///< mean followable links from honest pages into each member
    std::size_t pbns = 0;         ///< private blog networks
    std::size_t pbn_size = 10;    ///< member domains per PBN
    double pbn_pages = 12;        ///< mean pages per PBN member
    std::size_t pbn_targets = 3;  ///< money sites per PBN
    double pbn_backlinks = 4;     ///< mean legacy links from honest pages into each member
    std::size_t exchanges = 0;    ///< reciprocal link-exchange pairs
    std::size_t paid_links = 0;   ///< sitewide paid footer-link deals (seller → buyer)
    double paid_sponsored = 0.2;  ///< share of deals whose links say rel="sponsored"
    /// Expired domains: honest domains (with the backlinks the honest web gave them) whose every
    /// URL now 301-redirects to a money site's home page (redirect records after the links).
    std::size_t expired = 0;
    std::size_t expired_per_site = 2;  ///< expired domains redirected to each money site

    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& f) {
        f(o.manipulation, option_info("manipulation",
                                      "Plant a mix of labelled manipulation sized by spam_share"));
        f(o.spam_share, option_info("spam_share",
                                    "With manipulation: share of domains added as farm/PBN "
                                    "members (also sizes exchanges and paid links)")
                            .open(0, 1));
        f(o.farms, option_info("farms", "Link farms, each boosting one target domain"));
        f(o.farm_size, option_info("farm_size", "Member domains per link farm").at_least(2));
        f(o.farm_pages, option_info("farm_pages", "Mean pages per farm member").at_least(1));
        f(o.farm_leak, option_info("farm_leak",
                                   "Mean followable links from honest pages into a farm member")
                           .at_least(0));
        f(o.pbns, option_info("pbns", "Private blog networks"));
        f(o.pbn_size, option_info("pbn_size", "Member domains per PBN").at_least(2));
        f(o.pbn_pages, option_info("pbn_pages", "Mean pages per PBN member").at_least(1));
        f(o.pbn_targets, option_info("pbn_targets", "Money sites per PBN").at_least(1));
        f(o.pbn_backlinks, option_info("pbn_backlinks",
                                       "Mean legacy links from honest pages into a PBN member")
                               .at_least(0));
        f(o.exchanges, option_info("exchanges", "Reciprocal link-exchange pairs of domains"));
        f(o.paid_links, option_info("paid_links", "Sitewide paid footer-link deals"));
        f(o.paid_sponsored,
          option_info("paid_sponsored", "Share of paid deals marked rel=sponsored").within(0, 1));
        f(o.expired, option_info("expired",
                                 "Expired honest domains 301-redirected to a money site "
                                 "(adds redirect records: type,status columns)"));
        f(o.expired_per_site, option_info("expired_per_site",
                                          "Expired domains redirected to each money site")
                                  .at_least(1));
    }

    /// Whether any manipulation is planted (the `manipulation` switch or a non-zero count).
    bool any() const noexcept {
        return manipulation || farms || pbns || exchanges || paid_links || expired;
    }

    /// These options with the counts `manipulation` derives for a web of `domains` honest
    /// domains (counts already non-zero are kept); unchanged when `manipulation` is off.
    manipulation_options resolved(std::size_t domains) const;

    /// Checks the table's ranges, farm_pages and pbn_pages <= 10^6,
    /// farm_leak and pbn_backlinks <= 1000, and that the honest domains given roles
    /// (farms + pbns·pbn_targets + 2·exchanges + 2·paid_links + expired + its money sites) are
    /// at most half of `domains`.
    /// @throws std::invalid_argument "synthetic_web: NAME must be …, got VALUE".
    void validate(std::size_t domains) const;
};

}  // namespace linkequity::web
