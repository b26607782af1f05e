// SPDX-License-Identifier: MIT
// spam_mass(): the two PageRank systems (teleport to every node, teleport to the good core)
// iterated together by a two-column Jacobi step run by the shared driver (pagerank/driver.hpp):
// each row of the in-adjacency is read once per iteration for both; then scaled to the linear form.
#include "linkequity/algo/spam_mass.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "pagerank/driver.hpp"
#include "pagerank/followable_copy.hpp"
#include "pagerank/kernel.hpp"

namespace linkequity {
namespace {

using detail::pagerank_problem;

/// (L_0, L_1): the mass each column of x loses in one application of T, summed serially in id
/// order (so the same on any thread count). O(n).
std::pair<double, double> lost_mass(const std::vector<double>& leak,
                                    const std::vector<double>& x) {
    double all = 0, core = 0;
    for (std::size_t j = 0; j < leak.size(); ++j) {
        if (leak[j] == 0.0) continue;
        all += x[2 * j] * leak[j];
        core += x[2 * j + 1] * leak[j];
    }
    return {all, core};
}

/// One Jacobi iteration of both PageRank systems behind spam mass, in their normalised form
/// (fast to converge, unlike the Neumann series of the linear form, whose increments keep the
/// mass circling in closed parts of the graph):
///
///     x'_t = α Tᵀ x_t + (α L_t + 1 − α) v_t,   L_t = Σ_j x_tj · leak_j
///
/// with v_0 uniform, v_1 uniform over the core, leak_j the share of x_j that T does not pass on
/// (1 for dangling j, the excluded share in evaporate mode, else 0). x holds both columns
/// interleaved (x[2i], x[2i+1]) so a row's gather reads both contributions of a source at once.
/// spam_mass() scales the fixed points to the linear form.
template <bool Weighted, bool Masked>
class two_column_step {
public:
    two_column_step(const pagerank_problem& k, const std::vector<double>& leak,
                    std::vector<double>& x, const std::vector<unsigned char>& in_core,
                    std::size_t core_size)
        : k_(k), leak_(leak), x_(x), in_core_(in_core), core_size_(core_size), c_(x.size()) {}

    double operator()() {
        const std::size_t n = k_.n;
        double* c = c_.data();
        double* x = x_.data();
#pragma omp parallel for schedule(static) if (n > detail::parallel_threshold)
        for (std::size_t j = 0; j < n; ++j) {
            c[2 * j] = x[2 * j] * k_.inv_out[j];
            c[2 * j + 1] = x[2 * j + 1] * k_.inv_out[j];
        }
        const std::pair<double, double> lost = lost_mass(leak_, x_);
        const double alpha = k_.alpha;
        const double to_all = (alpha * lost.first + 1.0 - alpha) / static_cast<double>(n);
        const double to_core =
            (alpha * lost.second + 1.0 - alpha) / static_cast<double>(core_size_);
        // The residuals in block order: the stopping sweep does not depend on the thread count.
        const auto [res_all, res_core] = detail::ordered_sums<2>(n, [&](std::size_t i, auto& res) {
            double s_all = 0, s_core = 0;
            for (edge_offset e = k_.offsets[i]; e < k_.offsets[i + 1]; ++e) {
                prefetch(c, e);
                if constexpr (Masked) {
                    if (k_.flags[e] & k_.mask) continue;
                }
                const node_id j = k_.sources[e];
                double w = 1.0;
                if constexpr (Weighted) w = static_cast<double>(k_.weights[e]);
                s_all += c[2 * j] * w;
                s_core += c[2 * j + 1] * w;
            }
            const double p = alpha * s_all + to_all;
            const double q = alpha * s_core + (in_core_[i] ? to_core : 0.0);
            res[0] += std::fabs(p - x[2 * i]);
            res[1] += std::fabs(q - x[2 * i + 1]);
            x[2 * i] = p;
            x[2 * i + 1] = q;
        });
        return std::max(res_all, res_core);
    }
    void restart() {}  // contributions and L are derived from x at every step

    /// As the PageRank kernels do (kernel.hpp, prefetch_contribution): asks for the pair of
    /// contributions the row loop gathers detail::prefetch_distance edges ahead.
    void prefetch(const double* c, edge_offset e) const {
#if defined(__GNUC__)
        __builtin_prefetch(c + 2 * std::size_t{k_.sources[std::min(e + detail::prefetch_distance,
                                                                    k_.last_edge)]});
#else
        (void)c, (void)e;
#endif
    }

private:
    const pagerank_problem& k_;
    const std::vector<double>& leak_;
    std::vector<double>& x_;
    const std::vector<unsigned char>& in_core_;
    std::size_t core_size_;
    std::vector<double> c_;
};

/// in_core[i] = 1 for the nodes of `core`, checked: non-empty, in range, each once.
std::vector<unsigned char> core_mask(const std::vector<node_id>& core, std::size_t n) {
    if (core.empty())
        throw std::invalid_argument("spam_mass: the good core is empty, expected at least one node");
    std::vector<unsigned char> in_core(n, 0);
    for (node_id c : core) {
        if (c >= n)
            throw std::out_of_range(fmt::format(
                "spam_mass: core node {} is not a node (the graph has {} nodes)", c, n));
        if (in_core[c])
            throw std::invalid_argument(fmt::format(
                "spam_mass: core node {} is listed twice, expected each node once", c));
        in_core[c] = 1;
    }
    return in_core;
}

/// The in-adjacency, 1/out(j) and masking of g as the options read them, and each node's leak
/// (the share of its score T does not pass on: 1 when dangling, the excluded share of out(j)
/// in evaporate mode, else 0). The excluded links are dropped into `followable`, which k then
/// points at (drop_masked_edges: the same bits, fewer links per pass).
pagerank_problem problem_of(const csr_graph& g, const spam_mass_options& o,
                            std::vector<double>& leak, detail::followable_copy& followable) {
    pagerank_options po;
    po.weighted = o.weighted;
    po.excluded = o.excluded;
    po.excluded_links = o.excluded_links;
    const std::vector<double> out = followable_out_weight(g, po);
    std::vector<double> follow;
    if (o.excluded_links == excluded_link_mode::evaporate) {
        po.excluded_links = excluded_link_mode::exclude;
        follow = followable_out_weight(g, po);
    }
    leak.assign(out.size(), 0.0);
    for (std::size_t j = 0; j < out.size(); ++j)
        leak[j] = out[j] > 0 ? (follow.empty() ? 0.0 : (out[j] - follow[j]) / out[j]) : 1.0;
    pagerank_problem k;
    k.n = g.num_nodes();
    k.alpha = o.damping;
    k.inv_out.resize(k.n);
    for (std::size_t j = 0; j < k.n; ++j) k.inv_out[j] = out[j] > 0 ? 1.0 / out[j] : 0.0;
    const csr_view in = g.in_view();
    k.offsets = in.offsets.data();
    k.last_edge = in.num_edges() > 0 ? in.num_edges() - 1 : 0;
    k.sources = in.sources.data();
    k.weights = o.weighted && in.has_weights() ? in.weights.data() : nullptr;
    k.flags = in.has_flags() && o.excluded != 0 ? in.flags.data() : nullptr;
    k.mask = o.excluded;
    detail::drop_masked_edges(k, followable);
    return k;
}

}  // namespace

spam_mass_result spam_mass(const csr_graph& g, const std::vector<node_id>& core,
                           const spam_mass_options& o) {
    o.validate();
    const std::size_t n = g.num_nodes();
    const std::vector<unsigned char> in_core = core_mask(core, n);
    std::vector<double> leak;
    detail::followable_copy followable;
    const pagerank_problem k = problem_of(g, o, leak, followable);
    std::vector<double> x(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        x[2 * i] = 1.0 / static_cast<double>(n);
        x[2 * i + 1] = in_core[i] ? 1.0 / static_cast<double>(core.size()) : 0.0;
    }
    const detail::stopwatch timer;
    pagerank_result run;  // the driver's bookkeeping
    detail::drive_options d;
    d.tolerance = o.tolerance;
    d.max_iterations = o.max_iterations;
    detail::with_edge_kind(k, [&](auto weighted, auto masked) {
        two_column_step<decltype(weighted)::value, decltype(masked)::value> step(
            k, leak, x, in_core, core.size());
        detail::drive(step, x, d, run);
    });
    spam_mass_result r;
    r.seconds = timer.seconds();
    r.iterations = run.iterations;
    r.residual = run.residual;
    r.converged = run.converged;
    r.history = std::move(run.history);
    // The linear form: p = (1−α) π / (1 − α + α L) for π with teleport v; b = 𝟙_C/N = (|C|/N) v_C.
    const double a = o.damping;
    const std::pair<double, double> lost = lost_mass(leak, x);
    const double scale_all = (1 - a) / (1 - a + a * lost.first);
    const double scale_core = (1 - a) / (1 - a + a * lost.second) *
                              static_cast<double>(core.size()) / static_cast<double>(n);
    r.pagerank.resize(n);
    r.core_pagerank.resize(n);
    r.absolute.resize(n);
    r.relative.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double p = x[2 * i] * scale_all, q = x[2 * i + 1] * scale_core;
        r.pagerank[i] = p;
        r.core_pagerank[i] = q;
        r.absolute[i] = std::max(p - q, 0.0);
        r.relative[i] = std::clamp(1.0 - q / p, 0.0, 1.0);
    }
    return r;
}

}  // namespace linkequity
