// SPDX-License-Identifier: MIT
// Internal to the synthetic web: the state the manipulation passes share (the web's structure,
// which they grow with new domains; the labels; the rows they add) and the helpers they draw
// with. One pass a file: link_farms.cpp, private_blog_networks.cpp, link_exchanges.cpp,
// paid_links.cpp, expired_domains.cpp; plant_manipulation (manipulation.cpp) runs them in order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/io/link_source.hpp"
#include "linkequity/web/synthetic_manipulation.hpp"
#include "random.hpp"

namespace linkequity::web::synthetic {

/// A row a pass adds; anchor kinds as synthetic_web.cpp's link_item (0 navigation, 1 footer,
/// 2 keyword words, 3 brand, 4 naked URL, 5 generic, 6 none), anchor_param seeds its text.
/// `redirect`: not a link but a 301 redirect record, page src → page dst (no rel, anchor or
/// position).
struct spam_link {
    std::uint32_t src, dst;  // pages
    edge_flags rel;
    link_position pos;
    std::uint8_t anchor_kind;
    std::uint32_t anchor_param;
    bool redirect;
};

namespace anchor {
inline constexpr std::uint8_t navigation = 0, footer = 1, words = 2, brand = 3, url = 4,
                              generic = 5, none = 6;
}

/// The synthetic web under construction, by reference: the passes append domains (one host
/// each, pages contiguous after every existing page), give honest domains roles, and add rows.
struct spam_web {
    std::vector<std::string>& domain_names;
    std::vector<std::string>& host_names;
    std::vector<std::uint32_t>& host_domain;
    std::vector<std::uint32_t>& page_host;
    std::vector<std::uint32_t>& domain_first_page;  // with a final end entry
    std::vector<std::uint32_t>& host_first_page;    // with a final end entry
    const std::vector<double>& alias_prob;          // preferential attachment over honest domains
    const std::vector<std::uint32_t>& alias;
    std::vector<domain_label>& label;               // one per domain (honest by default)
    std::vector<std::string>& group;                // "farm-3", "pbn-0", … ("" for honest)
    std::vector<spam_link>& links;
    std::size_t honest_domains;
    std::uint64_t honest_pages;
    std::vector<std::uint32_t> by_popularity;       // honest domains, most cited first
    std::vector<std::uint8_t> taken;                // honest domains already given a role

    std::uint32_t first_page(std::uint32_t d) const { return domain_first_page[d]; }
    std::uint32_t num_pages(std::uint32_t d) const {
        return domain_first_page[d + 1] - domain_first_page[d];
    }
};

/// Appends a domain named `name` with `pages` pages on one host (`www.` + name when `www`).
/// @throws std::length_error past 2^32 − 1 pages.
std::uint32_t add_domain(spam_web& w, std::string name, std::uint32_t pages, bool www);

/// An honest domain not yet given a role, drawn uniformly among the ranks [lo, hi) · n of the
/// popularity order (0 = most cited); nearest free rank when the range is full. Marks it taken.
std::uint32_t take_honest(spam_web& w, rng& r, double lo, double hi);

/// Gives domain d its label and group.
void set_role(spam_web& w, std::uint32_t d, domain_label l, const std::string& group);

/// A page of domain d: its home page with probability `home`, else uniform over its pages.
std::uint32_t page_of(const spam_web& w, std::uint32_t d, rng& r, double home);

/// An honest page drawn uniformly (the source of a leaked or legacy backlink).
std::uint32_t honest_page(const spam_web& w, rng& r);

/// An honest domain by preferential attachment (as honest external links pick targets).
std::uint32_t popular_domain(const spam_web& w, rng& r);

/// Poisson(mean) by inversion (mean is small here).
std::uint32_t poisson(rng& r, double mean);

/// 1 + a geometric count with the given mean (>= 1): page counts of new domains.
std::uint32_t page_count(rng& r, double mean);

/// A plausible name for a new domain: syllables like the honest ones (`honest_style`, for PBNs)
/// or hyphenated money keywords (farms); unique through base-36 `id`; an ICANN suffix.
std::string new_domain_name(rng& r, std::uint64_t id, bool honest_style);

/// Appends a row src → dst.
void add_link(spam_web& w, std::uint32_t src, std::uint32_t dst, edge_flags rel,
              link_position pos, std::uint8_t anchor_kind, std::uint32_t anchor_param);

/// Appends a 301 redirect record: page src now redirects to page dst.
void add_redirect(spam_web& w, std::uint32_t src, std::uint32_t dst);

/// The money sites `expired` expired domains need: ceil(expired / expired_per_site).
inline std::size_t expired_sites(const manipulation_options& o) {
    return (o.expired + o.expired_per_site - 1) / o.expired_per_site;
}

// The passes, in the order plant_manipulation runs them; each draws from its own stream.
void plant_link_farms(spam_web& w, const manipulation_options& o, rng& r);
void plant_private_blog_networks(spam_web& w, const manipulation_options& o, rng& r);
void plant_link_exchanges(spam_web& w, const manipulation_options& o, rng& r);
void plant_paid_links(spam_web& w, const manipulation_options& o, rng& r);
void plant_expired_domains(spam_web& w, const manipulation_options& o, rng& r);

/// Runs the passes (options already resolved and validated) with streams derived from `seed`.
void plant_manipulation(spam_web& w, const manipulation_options& o, std::uint64_t seed);

}  // namespace linkequity::web::synthetic
