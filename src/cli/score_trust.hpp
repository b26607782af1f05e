// SPDX-License-Identifier: MIT
// `linkequity score --trusted FILE [--spam FILE]`: the flags, the seed files read before the
// link files (bad lines fail fast), and the trust pass that appends the trust and spam columns
// (web/trust.hpp) to the page, domain and host tables before they are written.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "linkequity/web/authority.hpp"
#include "linkequity/web/seeds.hpp"
#include "linkequity/web/tables.hpp"

namespace linkequity::cli {

struct trust_args {
    std::string trusted, spam;  ///< seed files (empty = not given)
};

/// The seed lists read from trust_args (empty optionals when not given).
struct trust_seeds {
    std::optional<web::seed_list> trusted, spam;
};

/// Adds --trusted and --spam to `cmd` and the trust columns to its help footer.
void add_trust_flags(CLI::App& cmd, trust_args& args);

/// Reads the seed files (skip_bad: bad lines skipped with a warning each on stderr).
/// @throws std::invalid_argument for --spam without --trusted; parse_error for a bad line
///         (strict) or an unreadable file.
trust_seeds read_trust_seeds(const trust_args& args, bool skip_bad);

/// When seeds.trusted is given: add_trust_columns on the tables, a "trust" line per level on
/// stdout, a warning for seed entries that name no node and for runs that did not converge.
void trust_pass(const web::web_graph& g, const web::authority_options& o,
                const trust_seeds& seeds, web::score_table& pages, web::score_table& domains,
                web::score_table* hosts);

}  // namespace linkequity::cli
