// SPDX-License-Identifier: MIT
// Trust and spam columns of the authority tables (docs/trust.md): TrustRank from trusted seeds,
// its versioned 0–100 scale, the trust ratio, relative spam mass with the trusted seeds as good
// core, Anti-TrustRank from spam seeds and CheiRank, each computed per level (pages, hosts,
// domains) on the same graphs and options as authority and appended to the score tables.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "linkequity/web/authority.hpp"
#include "linkequity/web/seeds.hpp"
#include "linkequity/web/tables.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {

/// Version of the trust_authority scale below (a later scale gets a new number).
inline constexpr int trust_scale_version = 1;

/// How one level's trust runs went.
struct trust_level_report {
    std::size_t trusted_seeds = 0, spam_seeds = 0;  ///< seed nodes at this level
    std::size_t iterations = 0;   ///< TrustRank's
    bool converged = true;        ///< every run of the level converged
    double seconds = 0;           ///< graph + all runs of the level
};

struct trust_report {
    trust_level_report pages, hosts, domains;
    std::vector<seed_entry> unmatched_trusted, unmatched_spam;  ///< entries naming no node
    int scale_version = trust_scale_version;
};

/// Appends to each table (of the level it describes) the columns, all indexed by node id:
///  - trust:           TrustRank with the level's trusted seed nodes (resolve_seeds), uniform
///                     over them, dangling score to the seeds; sums to 1
///  - trust_authority: 0–100, scale version 1: the authority formula (authority_scale) applied
///                     to trust with the floor f = ((1 − α) + α(D + Z)) / N of the TrustRank run
///                     (the score one node would have if that teleport mass were spread evenly);
///                     nodes with trust <= f, among them every node no seed reaches, are 0
///  - trust_ratio:     trust_authority / max(authority, 1) (the table's authority column): > 1
///                     when a node is more trusted than it is popular; 0 when trust_authority
///                     is 0; an unlinked seed (authority 0) gets trust_authority itself
///  - spam_mass:       relative spam mass 1 − p′/p (algo/spam_mass.hpp) with the level's trusted
///                     seeds as good core, in [0, 1]
///  - anti_trust:      Anti-TrustRank with the spam seeds (only when `spam` is given)
///  - cheirank:        CheiRank (PageRank of the reversed graph, uniform teleport)
/// The graphs and options are authority's (`o`: page_graph / contract, damping, tolerance,
/// max_iterations, excluded links, weights); its progress callback is not called.
/// `hosts` may be null (no host table). Cost per level: building its graph again plus five
/// PageRank-sized runs (four without spam).
/// @throws std::invalid_argument when no trusted (or spam) entry names a node of g, for a
///         table whose size is not its level's node count, or for bad options.
trust_report add_trust_columns(const web_graph& g, const authority_options& o,
                               const seed_list& trusted, const seed_list* spam,
                               score_table& pages, score_table& domains, score_table* hosts);

/// The names of the columns add_trust_columns appends, in order (without anti_trust when
/// `with_spam` is false).
std::vector<std::string> trust_column_names(bool with_spam);

}  // namespace linkequity::web
