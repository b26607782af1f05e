// SPDX-License-Identifier: MIT
// `linkequity score --what-if EDITS.csv [--what-if-disavow FILE]`: the edits applied to the scored
// graph, the edited graph re-scored warm-started (analysis::what_if), and the delta files
// (pages_delta.csv, domains_delta.csv, hosts_delta.csv) written beside the after-scores.
#pragma once

#include <string>

#include "linkequity/analysis/what_if.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::cli {

/// What the what-if pass keeps for the delta files: the graph before the edits and the deltas.
struct what_if_run {
    web::web_graph before;
    analysis::what_if_result result;  ///< its graph and after-scores are moved out (see below)
};

/// Reads EDITS (web::read_link_edits; `skip_bad` lenient) and the optional disavow file, runs
/// analysis::what_if on g scored as r with `options`, prints a summary, and replaces g and r by
/// the edited graph and its scores (so that the score passes write the after-scores).
what_if_run what_if_pass(const std::string& edits_path, const std::string& disavow_path,
                         const std::string& owner, bool skip_bad,
                         const web::authority_options& options, web::web_graph& g,
                         web::authority_result& r);

/// Writes the delta tables of `run` (after graph `after`) into `out_dir`, each atomically.
void write_what_if(const std::string& out_dir, const what_if_run& run,
                   const web::web_graph& after);

}  // namespace linkequity::cli
