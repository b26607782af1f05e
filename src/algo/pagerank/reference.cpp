// SPDX-License-Identifier: MIT
// The reference PageRank iteration: Jacobi (power) over the in-adjacency. Every node pulls the
// contributions c_j = x_j / out(j) of its followable in-neighbours and applies the update
// equation (kernel.hpp); D, Z and ‖x' − x‖₁ are reductions of the same loop. Every other
// solver is tested against this one.

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
        double res = 0, dang = 0, evap = 0;
        double dang_lo = 0, evap_lo = 0;
#pragma omp parallel for schedule(dynamic, 4096) \
    reduction(+ : res, dang, dang_lo, evap, evap_lo) \
    if (n > parallel_threshold)
        for (std::size_t i = 0; i < n; ++i)
            update(i, pull<Weighted, Masked>(k_, c, i), res, dang, dang_lo, evap, evap_lo);
        return finish({res, dang + dang_lo, evap + evap_lo});
    }
};

}  // namespace

void solve_power(const pagerank_problem& k, std::vector<double>& x, const pagerank_options& o,
                 pagerank_result& r) {
    with_edge_kind(k, [&](auto weighted, auto masked) {
        const stopwatch t0;
        reference_step<decltype(weighted)::value, decltype(masked)::value> step(k, x);
        r.setup_seconds += t0.seconds();
        drive(step, x, drive_options::of(o), r);
    });
}

}  // namespace linkequity::detail
