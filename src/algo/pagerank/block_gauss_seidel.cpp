// SPDX-License-Identifier: MIT
// The block Gauss–Seidel solver (pagerank_solver::block_gauss_seidel): parallel sweeps whose
// values do not depend on the thread count. The nodes form a fixed sequence of phases of
// consecutive ids (phase_plan: a function of n only). Phase p reads the newest scores, D and Z
// of every earlier phase and the previous sweep's of its own and later phases (Gauss–Seidel
// between phases, Jacobi inside one), so its nodes can be shared among threads in any way. Two
// barriers end each phase. After each sweep the aggregates' mass correction
// (mass_aggregates.hpp) runs in its parallel, fixed-order form.
#include <algorithm>
#include <cmath>

#include "driver.hpp"
#include "kernel.hpp"
#include "linkequity/detail/parallel.hpp"
#include "mass_aggregates.hpp"
#include "solvers.hpp"

namespace linkequity::detail {

phase_plan phase_plan::of(std::size_t n) {
    const std::size_t even = (n + max_phases - 1) / max_phases;
    phase_plan p;
    p.nodes = std::max(min_nodes, (even + chunk - 1) / chunk * chunk);
    for (std::size_t s = 0; s < n; s += p.nodes) p.starts.push_back(s);
    p.starts.push_back(n);
    return p;
}

namespace {

/// One parallel sweep per call, then the mass correction; returns ‖x_new − x_old‖₁.
///
/// c holds the contributions as they are before the current phase: the newest of every earlier
/// phase, the previous sweep's of this phase and the later ones. A phase's nodes pull from c
/// alone and write their new contributions to c_new; after the phase's barrier every thread adds
/// the chunks' changes of D and Z in chunk order (so all threads hold the same D and Z), the
/// phase's slice of c_new is copied into c, and a second barrier ends the phase. The nodes of a
/// phase are shared among the threads in chunks of phase_plan::chunk.
///
/// (An earlier form copied phase p − 1 during phase p, with one barrier a phase, and every
/// gather chose between c and c_new by the source's phase: the choice cost more than the second
/// barrier saves; benchmarks/README.md.)
template <bool Weighted, bool Masked>
class block_gauss_seidel_step {
public:
    block_gauss_seidel_step(const pagerank_problem& k, std::vector<double>& x)
        : k_(k), x_(x), c_(k.n), c_new_(k.n), old_(k.n), plan_(phase_plan::of(k.n)),
          parts_((k.n + sum_block - 1) / sum_block),
          aggregates_(aggregation_of(k), mass_aggregates::parallel_components) {
        changes_.resize(plan_.nodes / phase_plan::chunk);
        aggregates_.index_members();
        restart();
    }
    void restart() { m_ = refresh(false); }

    double operator()() {
#pragma omp parallel if (k_.n > parallel_threshold)
        {
            double dangling = m_.dangling, evaporated = m_.evaporated;  // the same in every thread
            for (std::size_t p = 0; p < plan_.phases(); ++p) {
                const std::size_t first = plan_.starts[p], last = plan_.starts[p + 1];
                const std::size_t chunks = (last - first + phase_plan::chunk - 1) / phase_plan::chunk;
                const update_equation next(k_, dangling, evaporated);
#pragma omp for schedule(dynamic, 1)
                for (std::size_t t = 0; t < chunks; ++t) {
                    const std::size_t a = first + t * phase_plan::chunk;
                    changes_[t] = sweep(next, a, std::min(last, a + phase_plan::chunk));
                }
                for (std::size_t t = 0; t < chunks; ++t) {  // in chunk order, in every thread
                    dangling += changes_[t].dang;
                    evaporated += changes_[t].evap;
                }
#pragma omp for schedule(static)
                for (std::size_t i = first; i < last; ++i) c_[i] = c_new_[i];
            }
        }
        aggregates_.correct_in_blocks(x_);
        m_ = refresh(true);
        return m_.residual;
    }

private:
    static aggregation_input aggregation_of(const pagerank_problem& k) {
        return {k.n,     k.alpha,         k.offsets, k.sources,
                k.flags, k.mask,          k.inv_out.data(),
                k.evaporated.empty() ? nullptr : k.evaporated.data(), &k.v, &k.u};
    }

    /// Updates nodes [a, z) of the current phase by `next`, pulling from c. Returns the chunk's
    /// changes of D (dang) and Z (evap).
    block_sums sweep(const update_equation& next, std::size_t a, std::size_t z) {
        block_sums d;
        for (std::size_t i = a; i < z; ++i) {
            const double xi = next(i, pull<Weighted, Masked>(k_, c_.data(), i));
            const double change = xi - x_[i];
            if (k_.inv_out[i] == 0.0) d.dang += change;
            d.evap += change * k_.evaporated_at(i);
            old_[i] = x_[i];
            x_[i] = xi;
            c_new_[i] = xi * k_.inv_out[i];
        }
        return d;
    }

    /// c = x / out, and D, Z of x (with ‖x − old‖₁ when `residual`), per block of sum_block
    /// nodes, added in block order.
    sweep_sums refresh(bool residual) {
        const std::size_t n = k_.n;
#pragma omp parallel for schedule(static) if (n > parallel_threshold)
        for (std::size_t b = 0; b < parts_.size(); ++b) {
            block_sums s;
            const std::size_t last = std::min(n, (b + 1) * sum_block);
            for (std::size_t i = b * sum_block; i < last; ++i) {
                const double xi = x_[i], inv = k_.inv_out[i];
                if (residual) s.res += std::fabs(xi - old_[i]);
                c_[i] = xi * inv;
                if (inv == 0.0) kahan_add(s.dang, s.dang_lo, xi);
                if (!k_.evaporated.empty()) kahan_add(s.evap, s.evap_lo, xi * k_.evaporated[i]);
            }
            parts_[b] = s;
        }
        return in_block_order(parts_);
    }

    const pagerank_problem& k_;
    std::vector<double>& x_;
    gather_vector c_, c_new_;
    std::vector<double> old_;
    phase_plan plan_;
    std::vector<block_sums> parts_;          // refresh's sums per block
    std::vector<block_sums> changes_;        // per chunk of the phase: D, Z changes
    mass_aggregates aggregates_;
    sweep_sums m_;
};

}  // namespace

void solve_block_gauss_seidel(const pagerank_problem& k, std::vector<double>& x,
                              const pagerank_options& o, pagerank_result& r) {
    drive_solver<block_gauss_seidel_step>(k, x, o, r);
}

}  // namespace linkequity::detail
