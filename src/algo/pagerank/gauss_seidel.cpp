// SPDX-License-Identifier: MIT
// The Gauss–Seidel solver (pagerank_solver::gauss_seidel): in-place sweeps in node order that
// use the newest scores, the newest D and Z, and the same update equation as the reference
// (kernel.hpp); after each sweep mass_aggregates rescales every weakly connected component to
// its exact mass (mass_aggregates.hpp). Serial.
#include <cmath>

#include "driver.hpp"
#include "kernel.hpp"
#include "mass_aggregates.hpp"
#include "solvers.hpp"

namespace linkequity::detail {
namespace {

/// One sweep per call, in place: x and c hold the newest values (D and Z too are updated as
/// each node changes). Then the aggregates' correction (without it, small closed components
/// converge their mass at α² per sweep and the solver is no faster than power). Returns
/// ‖x_new − x_old‖₁; D and Z of the corrected x are recomputed exactly.
template <bool Weighted, bool Masked>
class gauss_seidel_step {
public:
    gauss_seidel_step(const pagerank_problem& k, std::vector<double>& x)
        : k_(k), x_(x), c_(k.n), old_(k.n, 0.0), aggregates_(aggregation_of(k)) {
        restart();
    }
    void restart() {
        contributions(k_, x_, c_);
        m_ = masses(k_, x_);
    }

    double operator()() {
        double dangling = m_.dangling, evaporated = m_.evaporated;
        for (std::size_t i = 0; i < k_.n; ++i) {
            const update_equation next(k_, dangling, evaporated);  // the newest D and Z
            const double xi = next(i, pull<Weighted, Masked>(k_, c_.data(), i));
            const double d = xi - x_[i];
            if (k_.inv_out[i] == 0.0) dangling += d;
            evaporated += d * k_.evaporated_at(i);
            old_[i] = x_[i];
            x_[i] = xi;
            c_[i] = xi * k_.inv_out[i];
        }
        aggregates_.correct(x_);
        m_ = masses(k_, x_);
        for (std::size_t i = 0; i < k_.n; ++i) {
            c_[i] = x_[i] * k_.inv_out[i];
            m_.residual += std::fabs(x_[i] - old_[i]);
        }
        return m_.residual;
    }

private:
    static aggregation_input aggregation_of(const pagerank_problem& k) {
        return {k.n,     k.alpha,         k.offsets, k.sources,
                k.flags, k.mask,          k.inv_out.data(),
                k.evaporated.empty() ? nullptr : k.evaporated.data(), &k.v, &k.u};
    }

    const pagerank_problem& k_;
    std::vector<double>& x_;
    gather_vector c_, old_;
    mass_aggregates aggregates_;
    sweep_sums m_;
};

}  // namespace

void solve_gauss_seidel(const pagerank_problem& k, std::vector<double>& x,
                        const pagerank_options& o, pagerank_result& r) {
    drive_solver<gauss_seidel_step>(k, x, o, r);
}

}  // namespace linkequity::detail
