// SPDX-License-Identifier: MIT
// Link intersect (competitor gap), docs/backlinks.md: the referring domains that
// link followably into at least k of a set of competitor domains and not at all into one's own
// domain, ranked by how many competitors they link to, then by domain authority.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::analysis {

struct link_intersect_options {
    /// Competitor domains (registrable domains, hosts or URLs: each is mapped to its registrable
    /// domain). At least one; no duplicates after mapping.
    std::vector<std::string> competitors;
    /// Own domain (empty = none): domains with any link into it (followable or not) are dropped.
    std::string exclude;
    /// Minimum number of competitors a domain must link to (k), in [1, competitors.size()].
    std::size_t min_targets = 1;
    /// Links with any of these bits do not count as "linking to a competitor".
    edge_flags excluded = flags::default_excluded;

    /// @throws std::invalid_argument: no competitor, min_targets out of range.
    void validate() const;
};

/// One referring domain of the gap.
struct link_intersect_row {
    node_id domain = 0;             ///< domain id in the web graph
    double score = 0;               ///< domain PageRank (the table given)
    double authority = 0;           ///< 0–100
    std::uint32_t rank = 0;         ///< domain rank
    std::uint32_t targets_linked = 0;  ///< competitors it links to followably
    std::vector<bool> links_to;     ///< per competitor, in options order
    std::uint64_t links = 0;        ///< followable link rows into all competitors together
};

struct link_intersect_result {
    std::vector<std::string> competitors;  ///< registrable domains, in options order
    std::vector<node_id> competitor_ids;
    std::string exclude;                   ///< registrable domain, or empty
    /// Sorted by targets_linked (desc), score (desc), then domain name (asc: the tie rule).
    std::vector<link_intersect_row> rows;
};

/// The gap of docs/backlinks.md: every domain D, other than the competitors and own domain, with a
/// followable link (no bit of options.excluded; internal links never count, since D differs from
/// the competitor) from one of its pages into a page of at least min_targets competitors, and no
/// link at all into `exclude`. `domains` is the domain table of compute_authority(g) (size
/// num_domains). Cost: O(L) over the links plus O(R log R) to sort R rows.
/// @throws std::invalid_argument for bad options, a competitor or own domain that is not a
///         domain of the graph ("link_intersect: competitor 'x.com' is not a domain of the
///         links"), a duplicate competitor, or a competitor equal to the own domain.
link_intersect_result link_intersect(const web::web_graph& g, const web::authority_table& domains,
                                     const link_intersect_options& options);

/// The domain id of `name` in `g`: a registrable domain, a host (mapped to its registrable domain
/// by g's suffix list) or an http(s) URL (its host), case-insensitive, IDN in Unicode or
/// punycode. `who` and `what` name the caller and the argument in the error.
/// @throws std::invalid_argument when it is not in `g`.
node_id resolve_domain(const web::web_graph& g, std::string_view name, std::string_view who,
                       std::string_view what);

}  // namespace linkequity::analysis
