// SPDX-License-Identifier: MIT
// The link files that `score` and `info` read, as one web graph, with the progress bar.
#pragma once

#include <string>
#include <vector>

#include "linkequity/web/web_graph.hpp"

namespace linkequity::cli {

/// Reads `inputs` (checked to exist first: exit code 3 otherwise) into a web graph, showing a
/// progress bar on stderr when it is a terminal: rows read, rate, and — for uncompressed files —
/// a percentage and ETA against a row count estimated from the file sizes and the line length
/// of each file's first MiB. @throws parse_error for bad rows in strict mode.
web::web_graph read_link_files(const std::vector<std::string>& inputs, bool skip_bad,
                               bool icann_only, const std::string& format);

}  // namespace linkequity::cli
