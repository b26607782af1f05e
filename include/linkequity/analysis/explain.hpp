// SPDX-License-Identifier: MIT
// Explaining a web score (docs/explain.md): for a target domain (or page), every other domain
// (page) with its all-paths contribution to the target's authority score, its share, its one-hop
// share, the links it has into the target and its own authority; contributions() on the domain
// (page) graph of compute_authority, with the same options.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/options.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::analysis {

enum class explain_level : std::uint8_t { domain, page };

/// "domain" or "page".
const char* explain_level_name(explain_level level) noexcept;
/// The inverse. @throws std::invalid_argument naming the value and the choices.
explain_level parse_explain_level(std::string_view name);

struct explain_options {
    /// The scoring options (as compute_authority's: damping, tolerance, excluded links, domain
    /// weights; position weights for the page level). compute_hosts is ignored.
    web::authority_options authority;
    explain_level level = explain_level::domain;
    std::size_t top = 50;  ///< rows kept, best first; 0 = all

    /// @throws std::invalid_argument as authority_options::validate.
    void validate() const;

    /// The option table (CLI flags, Python keywords): pagerank's options except the per-node
    /// ones, then domain_weights; level and top are each face's own arguments.
    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        pagerank_options::fields(o.authority.pagerank, [&v](auto& member, const option_info& f) {
            if (!f.has(option_per_node)) v(member, f);
        });
        v(o.authority.domain_weights, option_info("domain_weights", "Domain edge weights: "
                                                  "domains (1 per linking pair) or links (1 + "
                                                  "ln links)"));
    }
};

/// One contributing domain (page).
struct explain_row {
    node_id node = 0;         ///< domain (page) id in the web graph
    double all_paths = 0;     ///< c_j: the target's score brought by surfers restarting at j
    double share = 0;         ///< all_paths / the target's score
    double one_hop = 0;       ///< α x_j w_jt / out(j): the direct share over j's links (0 if none)
    std::uint64_t links = 0;  ///< link rows from j into the target (pages of it), any rel
    std::uint64_t followable = 0;  ///< those without an excluded flag
    double score = 0;         ///< j's own raw score at this level
    double authority = 0;     ///< j's own 0–100 authority at this level
};

struct explain_result {
    explain_level level = explain_level::domain;
    node_id target = 0;        ///< domain (page) id
    std::string target_name;   ///< its domain name (URL)
    double score = 0;          ///< x_t
    double authority = 0;      ///< its 0–100 authority
    double self = 0;           ///< c_t: surfers restarting at the target itself (not in rows)
    double restart = 0;        ///< s_t, the restart term of the one-hop split
    double one_hop_total = 0;  ///< Σ one_hop; one_hop_total + restart = score
    double explained = 0;      ///< Σ_j c_j over all nodes (self included) = score
    std::size_t contributors = 0;  ///< nodes other than the target with c_j > 0 or a link
    std::size_t referrers = 0;     ///< of them, those with a link into the target
    /// Best first: all_paths descending, then one_hop descending, then links descending, then
    /// node id ascending (name order for pages of one host; the rule is total). At most top.
    std::vector<explain_row> rows;
    std::size_t iterations = 0;  ///< PageRank iterations + column iterations
    bool converged = false;
};

/// Explains the authority score of `target` (a registrable domain, a host or URL of one, at the
/// domain level; a page URL at the page level) as docs/explain.md defines: contributions() on
/// the level's graph (contract(g, domain) or page_graph(g), as compute_authority builds them)
/// with options.authority.pagerank; the link counts from the web graph's links (self-links and
/// links inside the target domain not counted).
/// Cost: one PageRank and one column solve of the level's graph, O(L) for the counts,
/// O(n log n) to sort. @throws std::invalid_argument for an unknown target ("explain: target
/// 'x' is not a domain of the links" / "... not a page of the links") or bad options.
explain_result explain(const web::web_graph& g, std::string_view target,
                       const explain_options& options = {});

}  // namespace linkequity::analysis
