// SPDX-License-Identifier: MIT
// The reference PageRank iteration: Jacobi (power) over the in-adjacency. Every node pulls the
// contributions c_j = x_j / out(j) of its followable in-neighbours and applies the update
// equation (kernel.hpp); D, Z and ‖x' − x‖₁ are summed in the same loop, per fixed block of
// nodes and then in block order (the same bits on any thread count). Every other solver is
// tested against this one.

#include <algorithm>
#include <vector>

#include "driver.hpp"
#include "jacobi.hpp"
#include "linkequity/detail/parallel.hpp"
#include "solvers.hpp"

namespace linkequity::detail {
namespace {

/// One power iteration per call: x' = α P x + teleport, pulled row by row.
template <bool Weighted, bool Masked>
class reference_step : public jacobi_state {
public:
    using jacobi_state::jacobi_state;

    double operator()() {
        const jacobi_update update = writer();
        const double* c = c_.data();
        const std::size_t n = k_.n;
        parts_.assign((n + sum_block - 1) / sum_block, block_sums{});
#pragma omp parallel for schedule(dynamic, 1) if (n > parallel_threshold)
        for (std::size_t b = 0; b < parts_.size(); ++b) {
            block_sums sums;
            const std::size_t end = std::min(n, (b + 1) * sum_block);
            for (std::size_t i = b * sum_block; i < end; ++i)
                update(i, pull<Weighted, Masked>(k_, c, i), sums);
            parts_[b] = sums;
        }
        return finish(in_block_order(parts_));
    }

private:
    std::vector<block_sums> parts_;  // per block of sum_block nodes, added in block order
};

}  // namespace

void solve_power(const pagerank_problem& k, std::vector<double>& x, const pagerank_options& o,
                 pagerank_result& r) {
    drive_solver<reference_step>(k, x, o, r);
}

}  // namespace linkequity::detail
