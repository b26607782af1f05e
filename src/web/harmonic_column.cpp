// SPDX-License-Identifier: MIT
// add_harmonic_column: the level's contracted graph → harmonic_centrality → a `harmonic`
// column appended to the level's score_table.
#include "linkequity/web/harmonic_column.hpp"

#include <stdexcept>
#include <string>

#include "linkequity/web/contraction.hpp"

namespace linkequity::web {

harmonic_result add_harmonic_column(const web_graph& g, score_table& t,
                                    const harmonic_options& options) {
    if (t.level == table_level::pages)
        throw std::invalid_argument("harmonic: only host and domain tables get a harmonic column");
    options.validate();
    contraction_options co;
    co.excluded = options.excluded;
    const csr_graph level = contract(
        g, t.level == table_level::hosts ? graph_level::host : graph_level::domain, co);
    if (level.num_nodes() != t.size())
        throw std::invalid_argument("harmonic: the " + std::string(table_level_name(t.level)) +
                                    " table has " + std::to_string(t.size()) + " rows, the graph " +
                                    std::to_string(level.num_nodes()) + " nodes");
    harmonic_result r = harmonic_centrality(level, options);
    t.columns.push_back({"harmonic", std::move(r.scores), number_style::scientific});
    r.scores.clear();
    return r;
}

}  // namespace linkequity::web
