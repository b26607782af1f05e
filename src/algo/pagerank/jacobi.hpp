// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: what the two Jacobi (power) steps share — the reference pull
// step (reference.cpp) and the blocked one (blocked.cpp): the contributions of the current
// iterate and of the next, D and Z, and the per-node write after the update equation.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "kernel.hpp"
#include "linkequity/detail/parallel.hpp"

namespace linkequity::detail {

/// Given the pulled sum of node i: writes x_i (by the update equation) and its next
/// contribution, and adds to its block's sums.
struct jacobi_update {
    const pagerank_problem& k;
    update_equation next;
    double* x;
    double* c_next;
    const double* ev;

    jacobi_update(const pagerank_problem& setup, std::vector<double>& x_, gather_vector& c_next_,
                  double dangling, double evaporated, double mass = 1.0)
        : k(setup),
          next(setup, dangling, evaporated, mass),
          x(x_.data()),
          c_next(c_next_.data()),
          ev(setup.evaporated.empty() ? nullptr : setup.evaporated.data()) {}

    /// D and Z accumulate with compensation in `dang_lo`/`evap_lo` (Kahan): millions of
    /// equal tiny scores added to a sum of ~0.5 would otherwise round the same way each time
    /// (measured: 5e-11 of mass lost in one iteration at 4M nodes, and a different amount on
    /// another thread count).
    void operator()(std::size_t i, double pulled, block_sums& b) const {
        const double xi = next(i, pulled);
        b.res += std::fabs(xi - x[i]);
        x[i] = xi;
        const double inv = k.inv_out[i];
        c_next[i] = xi * inv;
        if (inv == 0.0) kahan_add(b.dang, b.dang_lo, xi);
        if (ev) kahan_add(b.evap, b.evap_lo, xi * ev[i]);
    }
};

/// The state of a Jacobi iteration between two steps: x, c = x / out of the current iterate, a
/// buffer for the next contributions, and D, Z of x.
class jacobi_state {
public:
    /// Both buffers left unwritten by the allocator and first touched here, in parallel (page
    /// faults on 1 GB of huge pages cost ~0.6 s at scale 26: set-up, not the first iteration).
    jacobi_state(const pagerank_problem& k, std::vector<double>& x)
        : k_(k), x_(x), c_(k.n), c_next_(k.n) {
        contributions(k_, x_, c_);
#pragma omp parallel for schedule(static) if (k.n > parallel_threshold)
        for (std::size_t i = 0; i < k.n; ++i) c_next_[i] = 0.0;
        m_ = masses(k_, x_);
    }
    /// x changed from outside: c and D, Z follow it.
    void restart() {
        contributions(k_, x_, c_);
        m_ = masses(k_, x_);
    }

protected:
    /// The writer of this iteration (D, Z of the current iterate in its equation; `mass`:
    /// update_equation's).
    jacobi_update writer(double mass = 1.0) {
        return {k_, x_, c_next_, m_.dangling, m_.evaporated, mass};
    }
    /// After the sweep: c_next becomes c, the new masses are kept. Returns the residual.
    double finish(const sweep_sums& s) {
        c_.swap(c_next_);
        m_ = s;
        return s.residual;
    }

    const pagerank_problem& k_;
    std::vector<double>& x_;
    gather_vector c_, c_next_;
    sweep_sums m_;
};

}  // namespace linkequity::detail
