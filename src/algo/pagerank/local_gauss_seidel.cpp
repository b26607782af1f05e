// SPDX-License-Identifier: MIT
// The local Gauss–Seidel solver (pagerank_solver::local_gauss_seidel): Gauss–Seidel inside each
// fixed block of sum_block consecutive ids, Jacobi between blocks. A node pulls the newest
// contributions of the nodes before it in its own block and the previous sweep's of every
// other node, so the blocks can run on any threads in any order and every sweep gives the
// same bits on any thread count (the blocks depend on n only). Link graphs number a host's
// pages together, and most links stay inside a host: there the sweeps converge about like
// serial Gauss–Seidel (benchmarks/README.md, "Local Gauss–Seidel, and GAPBS side by side
// again"); on graphs whose ids carry no locality they converge like the power method.
//
// Gauss–Seidel does not keep Σx = 1, and a sweep that did not renormalise would let the total
// mass converge at the slow rate α (on a random graph: 84 sweeps to 1e-10 where power needs
// 21). The sweeps therefore iterate the homogeneous form of the update equation (teleport
// (1 − α) M v for an iterate of mass M; update_equation's `mass`), whose fixed points are the
// multiples of PageRank: the mass of each sweep's iterate is summed in block order with it, the
// next sweep uses it, and the scores are divided by it once at the end. No extra pass.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "driver.hpp"
#include "jacobi.hpp"
#include "local_gauss_seidel.hpp"
#include "linkequity/detail/parallel.hpp"
#include "solvers.hpp"

namespace linkequity::detail {
namespace {

/// One sweep per call. x holds the iterate at scale M = mass() (Σx = M); c and D, Z follow it.
/// Returns ‖x_new − x_old‖₁ / M: the L1 change of the sweep at the scale of x_old.
template <bool Weighted, bool Masked>
class local_gauss_seidel_step : public jacobi_state {
public:
    local_gauss_seidel_step(const pagerank_problem& k, std::vector<double>& x)
        : jacobi_state(k, x),
          parts_((k.n + sum_block - 1) / sum_block),
          block_mass_(parts_.size()) {
        sum_mass();
    }
    /// x changed from outside: c, D, Z and the mass follow it.
    void restart() {
        jacobi_state::restart();
        sum_mass();
    }
    /// Σx of the current iterate, summed in block order.
    double mass() const { return mass_; }

    double operator()() {
        const jacobi_update update = writer(mass_);
        const std::size_t n = k_.n;
#pragma omp parallel for schedule(dynamic, 1) if (n > parallel_threshold)
        for (std::size_t b = 0; b < parts_.size(); ++b) {
            block_sums sums;
            block_mass_[b] = local_gauss_seidel_block<Weighted, Masked>(
                k_, c_.data(), update, b * sum_block, std::min(n, (b + 1) * sum_block), sums);
            parts_[b] = sums;
        }
        const double old_mass = mass_;
        mass_ = 0;
        for (double m : block_mass_) mass_ += m;  // in block order: the same on any thread count
        sweep_sums s = in_block_order(parts_);
        s.residual /= old_mass;
        return finish(s);
    }

private:
    void sum_mass() {
        mass_ = ordered_sums<1>(k_.n, [&](std::size_t i, auto& a) { a[0] += x_[i]; })[0];
    }

    std::vector<block_sums> parts_;   // per block of sum_block nodes, added in block order
    std::vector<double> block_mass_;  // Σx' per block
    double mass_ = 1;
};

}  // namespace

void solve_local_gauss_seidel(const pagerank_problem& k, std::vector<double>& x,
                              const pagerank_options& o, pagerank_result& r) {
    drive_solver<local_gauss_seidel_step>(k, x, o, r, [&](const auto& step) {
        const double mass = step.mass();
        const std::size_t n = x.size();
#pragma omp parallel for schedule(static) if (n > parallel_threshold)
        for (std::size_t i = 0; i < n; ++i) x[i] /= mass;
    });
}

}  // namespace linkequity::detail
