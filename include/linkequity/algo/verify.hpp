// SPDX-License-Identifier: MIT
// Independent checks of kernel results, GAPBS-style: recompute one PageRank step serially in the
// *push* direction (over out-edges, not the kernel's pull over in-edges) and compare. Used by the
// tests, the CLI's --verify and the benchmarks.
#pragma once

#include <string>
#include <vector>

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/graph/csr_graph.hpp"

namespace linkequity {

struct pagerank_check {
    double residual = 0;   ///< ‖step(x) − x‖₁ for one serial push step
    double sum = 0;        ///< Σ x
    double min_score = 0;  ///< min x
    bool ok = false;       ///< residual <= limit, |sum − 1| <= 1e-9 and min >= 0
    std::string message;   ///< one line, for logs
};

/// ‖step(x) − x‖₁ where step is one PageRank iteration (docs/scores.md) computed serially by
/// pushing along out-edges. A converged result has a residual of about α·tolerance. O(n + m).
/// Serial.
/// @throws std::invalid_argument for bad options, a wrong-length `scores`, or a lean graph
///         (which has no out-adjacency to push along).
double pagerank_residual(const csr_graph& g, const std::vector<double>& scores,
                         const pagerank_options& options = {});

/// pagerank_residual plus the sum and sign checks; ok when residual <= limit.
pagerank_check verify_pagerank(const csr_graph& g, const std::vector<double>& scores,
                               const pagerank_options& options, double limit);

}  // namespace linkequity
