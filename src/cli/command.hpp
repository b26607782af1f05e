// SPDX-License-Identifier: MIT
// Subcommand registry of the `linkequity` command. Each cmd_<name>.cpp defines one subcommand
// and registers it with a static `command_registrar`; main.cpp parses and dispatches. Errors are
// exceptions; main turns them into one line on stderr and the documented exit code. A command's
// file keeps its code in namespace linkequity::cli::cmd_<name>: the command is compiled as
// unity sources (src/cli/CMakeLists.txt), where two files' helpers must not share a namespace.
#pragma once

#include <CLI/CLI.hpp>

#include "linkequity/graph/generators.hpp"

#include <functional>
#include <string>
#include <vector>

namespace linkequity::cli {

/// Exit codes, documented in `linkequity --help` and the README.
enum exit_code : int {
    exit_ok = 0,
    exit_input = 1,     ///< bad input data (linkequity::parse_error)
    exit_usage = 2,     ///< bad command line or option value
    exit_io = 3,        ///< a file could not be read or written
    exit_internal = 4,  ///< anything else (a bug: please report it)
};

/// Adds a subcommand to `app`; its callback does the work and may throw.
using command_setup = std::function<void(CLI::App& app)>;

struct command_entry {
    int order;  ///< position in --help
    command_setup setup;
};

std::vector<command_entry>& command_table();

/// `static command_registrar reg{10, [](CLI::App& app) { ... }};` in a cmd_*.cpp file.
struct command_registrar {
    command_registrar(int order, command_setup setup) {
        command_table().push_back({order, std::move(setup)});
    }
};

/// --scale, --edge-factor, --seed and --symmetrize for a generated Kronecker graph (shared by
/// `pagerank` and `snapshot`); the defaults are those of `k` on entry.
void add_kronecker_options(CLI::App& cmd, kronecker_options& k);

/// Thread count option shared by the subcommands: 0 = OpenMP's default. Applies it on parse.
void add_threads_option(CLI::App& cmd);

}  // namespace linkequity::cli
