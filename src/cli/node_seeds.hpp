// SPDX-License-Identifier: MIT
// Seed files of integer node ids for TrustRank on an integer graph (`linkequity pagerank
// --trusted FILE`, `linkequity-mpi pagerank --trusted FILE`): reading them, and the slice of
// the seeds' distribution one MPI rank needs (no n-vector).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "linkequity/algo/trustrank.hpp"

namespace linkequity::cli {

/// The seeds in FILE: one node id per line, optionally followed by a weight ("17" or "17 2.5",
/// whitespace or a comma between); blank lines and lines starting with # are skipped. Either
/// every seed line has a weight or none does. O(lines).
/// @throws parse_error naming FILE, the line and what was expected (an id that is not a
///         non-negative integer, a bad weight, extra fields, weights on some lines only, no
///         seed at all); std::filesystem::filesystem_error when FILE cannot be opened.
seed_set read_node_seeds(const std::string& path);

}  // namespace linkequity::cli
