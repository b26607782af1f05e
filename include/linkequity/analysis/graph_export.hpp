// SPDX-License-Identifier: MIT
// The domain or host graph as a file for visual tools (Gephi, Cytoscape, yEd): GraphML or GEXF
// 1.3, nodes with their scores and counts as attributes, one directed edge per linked pair with
// the number of links as its weight; filtered to the top N / a minimum authority so it stays
// drawable. graph_export_tables gives the same nodes and edges as columns (Python: networkx).
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::analysis {

enum class export_level : std::uint8_t { domain, host };
enum class export_format : std::uint8_t { graphml, gexf };

struct graph_export_options {
    export_level level = export_level::domain;
    export_format format = export_format::graphml;
    std::size_t top = 0;         ///< keep the N best-ranked nodes (0 = all); ties by id
    double min_authority = 0;    ///< keep nodes with authority ≥ this (in [0, 100])
    void validate() const;       ///< @throws std::invalid_argument
};

/// Nodes and edges kept, as columns. Nodes in rank order (ties by id); edges sorted by (source,
/// target) position in `nodes`.
struct graph_export_tables {
    std::vector<node_id> nodes;  ///< domain or host ids
    std::vector<std::string> names;
    std::vector<double> score, authority;
    std::vector<std::uint32_t> rank;
    std::vector<std::uint64_t> backlinks, referring_domains, outgoing_links, pages;
    /// Edge ends as indices into `nodes`; weight = link rows from the source node's pages to the
    /// target node's pages (followable or not), followable = those with no excluded bit.
    std::vector<std::uint32_t> edge_source, edge_target;
    std::vector<std::uint64_t> weight, followable;
};

/// The tables of the kept nodes. `level_table` is the authority table of the level
/// (compute_authority(g).domains, or .hosts with compute_hosts). Self-links of a node (internal
/// links) are not edges. Cost: O(L + N log N). @throws std::invalid_argument for bad options or
/// a table whose size is not the level's node count.
graph_export_tables graph_export_tables_of(const web::web_graph& g,
                                           const web::authority_table& level_table,
                                           const graph_export_options& options);

/// Writes `t` as GraphML or GEXF (UTF-8; names XML-escaped; control characters that XML 1.0
/// forbids replaced by U+FFFD). Node ids are "n0", "n1", … in table order, the name is the
/// `label` attribute (GEXF: the label). O(size).
void write_graph(std::ostream& out, const graph_export_tables& t, export_format format);

/// `s` with & < > " ' as XML entities and XML-forbidden control characters as U+FFFD.
std::string xml_escape(std::string_view s);

}  // namespace linkequity::analysis
