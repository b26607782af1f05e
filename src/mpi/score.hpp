// SPDX-License-Identifier: MIT
// `linkequity-mpi score` (score.cpp): the page, domain (and host) authority files of a web
// snapshot written with `linkequity snapshot --web LINKS --partitions P --out DIR`. Internal to
// the linkequity-mpi command.
#pragma once

#include <mpi.h>

#include <string>

#include <CLI/CLI.hpp>

namespace linkequity::mpi_cli {

struct score_args {
    std::string snapshot;  ///< DIR: web.lqs, pages/, hosts/, domains/
    std::string out;       ///< output directory
    bool hosts = false;    ///< also hosts.csv
    double damping = 0.85;
    double tolerance = 1e-10;
    std::size_t max_iterations = 200;
    std::string solver = "power";  ///< power or local_gauss_seidel (both give `score`'s bits)
};

/// Registers the `score` subcommand, filling `a`.
void add_score(CLI::App& app, score_args& a);

/// Runs it collectively; returns the exit code every rank agrees on.
int run_score(const score_args& a, MPI_Comm comm);

}  // namespace linkequity::mpi_cli
