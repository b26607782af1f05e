// SPDX-License-Identifier: MIT
// Diff of two web graphs (docs/what-if.md "Diff"): links new and lost, keyed by (source URL,
// target URL) as the graphs hold them, and per registrable domain the referring domains gained
// and lost with the authority before and after. The graphs' page URLs are normalised — and
// consolidated (redirects, canonicals) when the builder that made them consolidates — so the diff
// compares exactly the pages the graphs score; nothing is re-normalised here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::analysis {

/// A (source, target) page pair present in one graph only, with its link rows there.
struct link_change {
    node_id source = 0, target = 0;  ///< page ids in the graph that has the pair
    std::uint32_t links = 0;         ///< link rows of the pair (parallel links)
    std::uint32_t followable = 0;    ///< of those, with no bit of the excluded flags
};

/// One registrable domain of either graph.
struct domain_change {
    static constexpr node_id absent = ~node_id{0};
    node_id before = absent, after = absent;  ///< domain ids (absent: not in that graph)
    /// Distinct other registrable domains with a link (any rel) into the domain.
    std::uint64_t referring_before = 0, referring_after = 0;
    std::uint64_t gained = 0;  ///< referring domains in after, not in before
    std::uint64_t lost = 0;    ///< referring domains in before, not in after
    double score_before = 0, score_after = 0;          ///< raw domain PageRank (0 when absent)
    double authority_before = 0, authority_after = 0;  ///< 0–100 (0 when absent)
    /// "kept", "new" (only after) or "dropped" (only before).
    const char* status() const noexcept;
};

struct web_diff_result {
    std::vector<link_change> new_links;   ///< ids of `after`; sorted by source URL, target URL
    std::vector<link_change> lost_links;  ///< ids of `before`; sorted the same way
    /// Every domain of either graph, by authority change (after − before, descending), then name.
    std::vector<domain_change> domains;
};

/// Compares `before` and `after` (two builds of a link set: crawls or exports of two dates).
/// A pair is new when after has a link row from its source URL to its target URL and before has
/// none; lost, the other way round. Parallel links and flags only count: a pair present in both
/// is neither (links whose rel changed are not reported). `before_domains` / `after_domains`:
/// the domain tables of compute_authority of each graph. `excluded`: the flags that make a link
/// not followable (for link_change::followable).
/// Cost: O(P log P) to match pages by URL, O(L log(L/P)) for the pairs, O(L log L) for the
/// referring-domain pairs, O(D log D) for the order.
/// @throws std::invalid_argument when a table's size is not its graph's domain count.
web_diff_result web_diff(const web::web_graph& before, const web::web_graph& after,
                         const web::authority_table& before_domains,
                         const web::authority_table& after_domains,
                         edge_flags excluded = flags::default_excluded);

/// Writes link changes as CSV: source, target, source_domain, target_domain, links,
/// followable_links; `g` is the graph their ids belong to.
void write_link_changes_csv(const std::vector<link_change>& rows, const web::web_graph& g,
                            const std::function<void(std::string_view)>& sink);

/// Writes the domain rows as CSV: domain, status, referring_domains_before,
/// referring_domains_after, referring_domains_gained, referring_domains_lost, score_before,
/// score_after, score_change, authority_before, authority_after, authority_change.
void write_domain_changes_csv(const std::vector<domain_change>& rows,
                              const web::web_graph& before, const web::web_graph& after,
                              const std::function<void(std::string_view)>& sink);

}  // namespace linkequity::analysis
