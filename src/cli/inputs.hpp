// SPDX-License-Identifier: MIT
// The link files that `score`, `info` and `snapshot --web` read, as one web graph, with the
// progress bar; and the command-line options that say how to read them.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "linkequity/web/web_graph.hpp"

namespace linkequity::cli {

/// How to read link files: the LINKS (or --web) files and --format, --skip-bad, --icann-only.
struct link_inputs {
    std::vector<std::string> paths;
    std::string format = "auto";
    bool skip_bad = false;
    bool icann_only = false;
    /// --redirects / --canonicals (follow | ignore) and --redirects-file FILE (repeatable).
    web::consolidation_options consolidation;
    std::vector<std::string> redirect_files;
    /// Keep the links' anchor texts (web_graph_options::anchors); set by the command, not a flag.
    bool anchors = true;
    /// --parallel-intern: web_graph_options::parallel_intern_threads.
    int parallel_intern = web::web_graph_options{}.parallel_intern_threads;
};

/// The names --format accepts for link files: every io::link_format but the integer edge list
/// (which `pagerank FILE` reads), as io::format_name spells them.
std::vector<std::string> link_format_choices();

/// The CLI options add_link_input_options created, for callers' excludes/needs constraints.
struct link_input_options {
    CLI::Option* format;
    CLI::Option* skip_bad;
    CLI::Option* icann_only;
    CLI::Option* redirect_files;  ///< --redirects-file (also --redirects, --canonicals)
    CLI::Option* parallel_intern;
    std::vector<CLI::Option*> all() const {
        return {format, skip_bad, icann_only, parallel_intern};
    }
};

/// The options of link_inputs on `cmd`: --format, --skip-bad (help text `skip_bad_help`),
/// --icann-only, --redirects, --canonicals and --redirects-file. The files themselves are each command's own option.
link_input_options add_link_input_options(CLI::App& cmd, link_inputs& in,
                                          const std::string& skip_bad_help);

/// Reads `in.paths` (checked to exist first: exit code 3 otherwise) into a web graph, showing a
/// progress bar on stderr when it is a terminal: rows read, rate, and — for uncompressed files —
/// a percentage and ETA against a row count estimated from the file sizes and the line length
/// of each file's first MiB. @throws parse_error for bad rows in strict mode.
web::web_graph read_link_files(const link_inputs& in);

/// "ICANN section only" or "ICANN + private sections".
const char* psl_sections_name(web::psl_sections sections);

}  // namespace linkequity::cli
