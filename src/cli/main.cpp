// SPDX-License-Identifier: MIT
// `linkequity`: parse arguments → library call → print. Exceptions become one line on stderr
// and an exit code (see command.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <new>
#include <stdexcept>

#include "command.hpp"
#include "linkequity/error.hpp"
#include "linkequity/version.hpp"

#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
#include <omp.h>
#endif

namespace linkequity::cli {

std::vector<command_entry>& command_table() {
    static std::vector<command_entry> table;
    return table;
}

void add_kronecker_options(CLI::App& cmd, kronecker_options& k) {
    cmd.add_option("--scale", k.scale, "2^scale nodes")
        ->check(CLI::Range(1u, 31u))
        ->capture_default_str();
    cmd.add_option("--edge-factor", k.edge_factor, "Edges per node drawn")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    cmd.add_option("--seed", k.seed, "Random seed")->capture_default_str();
    cmd.add_flag("--symmetrize", k.symmetrize, "Add every edge reversed (GAP benchmark graphs)");
}

void add_threads_option(CLI::App& cmd) {
    cmd.add_option_function<int>(
           "--threads",
           [](int t) {
#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
               if (t > 0) omp_set_num_threads(t);  // the CLI is the caller: it owns the count
#else
               (void)t;
#endif
           },
           "Worker threads (default: OMP_NUM_THREADS or all cores)")
        ->check(CLI::NonNegativeNumber);
}

}  // namespace linkequity::cli

int main(int argc, char** argv) {
    using namespace linkequity::cli;
    CLI::App app{"linkequity — page and domain authority over the web's link graph"};
    app.set_version_flag("--version", std::string(linkequity::version_string));
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 success; 1 bad input data (file:line: reason); 2 bad command line or "
        "option; 3 a file could not be read or written; 4 internal error.\n"
        "Run `linkequity COMMAND --help` for a command's options.");
    auto& table = command_table();
    std::sort(table.begin(), table.end(),
              [](const command_entry& a, const command_entry& b) { return a.order < b.order; });
    for (const auto& entry : table) entry.setup(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    } catch (const linkequity::parse_error& e) {
        fmt::print(stderr, "linkequity: error: {}\n", e.what());
        return exit_input;
    } catch (const std::filesystem::filesystem_error& e) {
        fmt::print(stderr, "linkequity: error: {}\n", e.what());
        return exit_io;
    } catch (const std::ios_base::failure& e) {
        fmt::print(stderr, "linkequity: error: {}\n", e.what());
        return exit_io;
    } catch (const std::invalid_argument& e) {
        fmt::print(stderr, "linkequity: error: {}\n", e.what());
        return exit_usage;
    } catch (const std::out_of_range& e) {
        fmt::print(stderr, "linkequity: error: {}\n", e.what());
        return exit_usage;
    } catch (const std::bad_alloc&) {
        fmt::print(stderr, "linkequity: error: out of memory\n");
        return exit_internal;
    } catch (const std::exception& e) {
        fmt::print(stderr, "linkequity: error: {}\n", e.what());
        return exit_internal;
    }
    return exit_ok;
}
