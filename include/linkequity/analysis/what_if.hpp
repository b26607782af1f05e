// SPDX-License-Identifier: MIT
// What-if (docs/what-if.md): link edits (web/link_edits.hpp) and a disavow file applied to a scored
// web graph, the edited graph re-scored warm-started from the current scores, and per-node
// deltas (score and 0–100 authority before, after and the change) at page, domain and host level.
// The after-scores equal a full recompute of the edited links to the PageRank tolerance.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/web/apply_disavow.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/link_edits.hpp"
#include "linkequity/web/tables.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::analysis {

struct what_if_options {
    /// The options the before-scores were computed with; the after-scores use the same (their
    /// start_* warm starts are set by what_if and must be empty here).
    web::authority_options authority;
    /// Owner domain of the disavow file (empty = it applies to all links).
    std::string owner;
    /// Lenient edits: bad rows and removals of absent links are counted, not thrown.
    bool skip_bad = false;
    /// false: score the edited graph from the teleport vector (for checks and benchmarks).
    bool warm_start = true;
    /// Warm solves add quadratic extrapolation (pagerank_acceleration::quadratic) when
    /// authority.pagerank asks for the power method without acceleration. The fixed point and
    /// the stop test (L1 change of a power iteration < tolerance) are the same; from a warm start
    /// it saves a further quarter of the iterations (benchmarks/README.md). false: exactly
    /// authority.pagerank's solver.
    bool extrapolate = true;
};

/// Before and after of one level: one row per node of either graph (a node is identified by its
/// name: URL, host or registrable domain). Rows sorted by authority change (descending), then
/// by name; absent on one side: score, authority 0 and rank 0 there.
struct score_delta_table {
    web::table_level level = web::table_level::pages;
    static constexpr node_id absent = web::edited_web_graph::invalid_id;
    std::vector<node_id> before_id, after_id;  ///< per row; `absent` when not in that graph
    std::vector<double> score_before, score_after, authority_before, authority_after;
    std::vector<std::uint32_t> rank_before, rank_after;

    std::size_t size() const noexcept { return before_id.size(); }
    /// "kept", "new" (only after) or "dropped" (only before).
    const char* status(std::size_t row) const noexcept;
};

/// The column names of write_delta_csv for `level` (the name column is url, host or domain).
std::vector<std::string> delta_column_names(web::table_level level);

struct what_if_result {
    web::edited_web_graph edited;      ///< the edited graph (disavow applied), id maps, report
    web::disavow_application disavow;  ///< what the disavow file did (empty when none)
    web::authority_result after;       ///< scores of edited.graph (per-node vectors intact)
    score_delta_table pages, domains, hosts;  ///< hosts empty unless compute_hosts
    double seconds_edit = 0;    ///< apply_link_edits (scoring times: after.seconds_*)
    double seconds_deltas = 0;  ///< the delta tables
};

/// Applies `edits` (web::apply_link_edits: removals, then additions) and then `disavow` (when
/// not null, into options.owner's domain or all links) to a copy of `g`, and scores the edited
/// graph with options.authority, each level warm-started from `before` (compute_authority(g,
/// options.authority)): old nodes start at their score, new ones at the old floor; with
/// options.extrapolate, quadratic extrapolation on top. The link counts are `before`'s, moved to
/// the new ids, with those of the nodes at an end of an edited (or re-flagged) link recomputed
/// (web::recount_links); all are recomputed when `before` has no counts. The result equals
/// compute_authority of the edited links: the same graphs and counts, and scores converged by
/// the same stop test to the same fixed point (both within the tolerance of it).
/// Cost: apply_link_edits' O(P + L) copies, the page graph and contractions as
/// compute_authority builds them, fewer PageRank iterations when the edit is small, two passes
/// over the link targets per level plus the touched nodes' links for the counts, and
/// O(N log N) per delta table.
/// @throws parse_error for bad edit rows or removals of absent links (strict mode);
///         std::invalid_argument when `before` does not match `g` or for bad options.
what_if_result what_if(const web::web_graph& g, const web::authority_result& before,
                       const std::vector<web::link_edit>& edits,
                       const web::disavow_list* disavow, const what_if_options& options);

/// Writes a delta table as CSV: name, status, score_before, score_after, score_change,
/// authority_before, authority_after, authority_change, rank_before, rank_after. Names come
/// from `before` or `after` (the graphs of the ids). Scores `{:.9e}`, authority `{:.3f}`.
void write_delta_csv(const score_delta_table& t, const web::web_graph& before,
                     const web::web_graph& after, const std::function<void(std::string_view)>& sink);

}  // namespace linkequity::analysis
