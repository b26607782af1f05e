// SPDX-License-Identifier: MIT
// The blocked power iteration (pagerank_kernel::blocked): the reference step with the gathers of
// "cold" sources (ids >= hot) replaced by propagation blocking through cold_bins (cold_bins.hpp).
// Same update equation and bookkeeping (jacobi.hpp); only the order of each row's sum differs.
#include <algorithm>
#include <utility>

#include "cold_bins.hpp"
#include "driver.hpp"
#include "jacobi.hpp"
#include "solvers.hpp"

namespace linkequity::detail {
namespace {

/// One power iteration per call: the cold contributions are scattered into bins, then each
/// block of bin_size nodes adds its bin into an L2-resident accumulator and pulls the hot prefix
/// of each row (rows are sorted by source). Per node: hot terms in row order, then the cold sum
/// in source order — fixed, so any thread count gives the same sums.
template <bool Masked>
class blocked_step : public jacobi_state {
public:
    blocked_step(const pagerank_problem& k, std::vector<double>& x, node_id hot)
        : jacobi_state(k, x), bins_(k.n, k.offsets, k.sources, k.flags, k.mask, hot) {}

    double operator()() {
        const jacobi_update update = writer();
        const double* c = c_.data();
        const std::size_t n = k_.n;
        const node_id hot = bins_.hot();
        bins_.scatter(c);
        parts_.assign(bins_.num_bins(), block_sums{});
#pragma omp parallel
        {
            std::vector<double> acc(cold_bins::bin_size, 0.0);  // all zero between blocks
#pragma omp for schedule(dynamic, 1)
            for (std::size_t b = 0; b < bins_.num_bins(); ++b) {
                bins_.add_bin(b, acc.data());
                const std::size_t first = b << cold_bins::bin_shift;
                const std::size_t last = std::min(n, first + cold_bins::bin_size);
                block_sums sums;
                for (std::size_t i = first; i < last; ++i) {
                    double s = 0;
                    const edge_offset end = k_.offsets[i + 1];
                    for (edge_offset e = k_.offsets[i]; e < end && k_.sources[e] < hot; ++e) {
                        prefetch_contribution(k_, c, e, hot);
                        s += term<false, Masked>(k_, c, e);
                    }
                    update(i, s + std::exchange(acc[i - first], 0.0), sums);
                }
                parts_[b] = sums;
            }
        }
        return finish(in_block_order(parts_));
    }

private:
    cold_bins bins_;
    std::vector<block_sums> parts_;  // per bin, added in bin order
};

/// The hot prefix o asks for (0 = automatic).
std::size_t hot_nodes(const pagerank_options& o) {
    return o.blocked_hot_nodes ? o.blocked_hot_nodes : cold_bins::automatic_hot();
}

}  // namespace

bool blocked_applies(const pagerank_problem& k, const pagerank_options& o) {
    return o.kernel == pagerank_kernel::blocked && o.solver == pagerank_solver::power &&
           k.weights == nullptr && k.rows_sorted && k.n > hot_nodes(o) &&
           k.n <= cold_bins::max_nodes;
}

void solve_blocked(const pagerank_problem& k, std::vector<double>& x, const pagerank_options& o,
                   pagerank_result& r) {
    const auto hot = static_cast<node_id>(hot_nodes(o));
    const stopwatch t0;
    if (k.flags) {
        blocked_step<true> step(k, x, hot);
        r.setup_seconds += t0.seconds();
        drive(step, x, drive_options::of(o), r);
    } else {
        blocked_step<false> step(k, x, hot);
        r.setup_seconds += t0.seconds();
        drive(step, x, drive_options::of(o), r);
    }
}

}  // namespace linkequity::detail
