// SPDX-License-Identifier: MIT
// Internal to `linkequity-mpi`: its exit codes and `collectively`, which runs a step on every
// rank and turns an exception on any rank into the same exit code everywhere (no rank waits
// in a collective the others never reach).
#pragma once

#include <mpi.h>

#include <fmt/format.h>

#include <filesystem>
#include <ios>
#include <stdexcept>
#include <string>

#include "linkequity/error.hpp"

namespace linkequity::mpi_cli {

enum exit_code : int { exit_ok = 0, exit_input = 1, exit_usage = 2, exit_io = 3, exit_internal = 4 };

/// Runs `f` on every rank; if it throws on any rank, each failing rank prints its error, and
/// every rank returns the largest exit code (0 when all succeeded). Collective.
template <class F>
inline int collectively(F&& f, int rank, MPI_Comm comm) {
    int code = exit_ok;
    std::string message;
    try {
        f();
    } catch (const parse_error& e) {
        code = exit_input, message = e.what();
    } catch (const std::filesystem::filesystem_error& e) {
        code = exit_io, message = e.what();
    } catch (const std::ios_base::failure& e) {
        code = exit_io, message = e.what();
    } catch (const std::invalid_argument& e) {
        code = exit_usage, message = e.what();
    } catch (const std::exception& e) {
        code = exit_internal, message = e.what();
    }
    if (code != exit_ok) fmt::print(stderr, "linkequity-mpi: rank {}: error: {}\n", rank, message);
    int worst = 0;
    MPI_Allreduce(&code, &worst, 1, MPI_INT, MPI_MAX, comm);
    return worst;
}

}  // namespace linkequity::mpi_cli
