// SPDX-License-Identifier: MIT
// The typed result classes of the web binding (bind_web_results.cpp): read reports, graph
// stats, disavow results, authority tables and per-level run info. Read-only objects with
// attributes (and r["name"] for code written when they were dicts).
#pragma once

#include <cstddef>
#include <vector>

#include "common.hpp"
#include "linkequity/web/apply_disavow.hpp"
#include "linkequity/web/disavow.hpp"

namespace linkequity::python {

/// What apply_disavow did, with the counts of the file read (Python's DisavowResult).
struct disavow_result {
    web::disavow_application applied;
    std::size_t domains = 0, urls = 0, lines = 0;  ///< of the file: domain:/URL entries, lines
    std::vector<web::disavow_skipped_line> skipped;  ///< lenient mode's skipped lines
};

/// Registers ReadReport, WebGraphStats, DisavowResult, ScoreTable, AuthorityLevelInfo and
/// table_columns(level) in `m`.
void bind_web_results(py::module_& m);

}  // namespace linkequity::python
