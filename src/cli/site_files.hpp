// SPDX-License-Identifier: MIT
// `score --site`: the site's internal authority (web/site.hpp) computed right after reading (an
// unknown site fails before any file is written) and written as site.csv, orphans.csv and
// dead_ends.csv beside pages.csv, with a summary line.
#pragma once

#include <string>

#include "linkequity/web/site.hpp"

namespace linkequity::cli {

/// site_authority(g, site, options) with its summary lines on stdout.
/// @throws std::invalid_argument for an unknown site.
web::site_authority_result site_pass(const web::web_graph& g, const std::string& site,
                                     const web::authority_options& options);

/// Writes DIR/site.csv (the site table, with `pages`' whole-graph link counts), DIR/orphans.csv
/// and DIR/dead_ends.csv (the same columns, those rows only), renamed into place together.
void write_site_files(const web::web_graph& g, const web::site_authority_result& s,
                      const web::score_table& pages, const std::string& dir);

}  // namespace linkequity::cli
