// SPDX-License-Identifier: MIT
// spam_mass(): the two linear PageRank systems (teleport to every node, teleport to the good
// core) solved together by a two-column Jacobi step run by the shared driver
// (pagerank/driver.hpp): each row of the in-adjacency is read once per iteration for both.
#include "linkequity/algo/spam_mass.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "pagerank/driver.hpp"
#include "pagerank/kernel.hpp"

namespace linkequity {
namespace {

using detail::pagerank_problem;

/// One Jacobi iteration for both systems x ← αTᵀx + (1−α)b; x holds p and p′ interleaved
/// (x[2i] = p_i, x[2i+1] = p′_i) so a row's gather reads both contributions of a source at once.
template <bool Weighted, bool Masked>
class two_column_step {
public:
    two_column_step(const pagerank_problem& k, std::vector<double>& x,
                    const std::vector<unsigned char>& in_core)
        : k_(k), x_(x), in_core_(in_core), c_(x.size()) {}

    double operator()() {
        const std::size_t n = k_.n;
        double* c = c_.data();
        double* x = x_.data();
#pragma omp parallel for schedule(static) if (n > detail::parallel_threshold)
        for (std::size_t j = 0; j < n; ++j) {
            c[2 * j] = x[2 * j] * k_.inv_out[j];
            c[2 * j + 1] = x[2 * j + 1] * k_.inv_out[j];
        }
        const double alpha = k_.alpha;
        const double teleport = (1.0 - alpha) / static_cast<double>(n);
        double res_all = 0, res_core = 0;
#pragma omp parallel for schedule(dynamic, 4096) reduction(+ : res_all, res_core) \
    if (n > detail::parallel_threshold)
        for (std::size_t i = 0; i < n; ++i) {
            double s_all = 0, s_core = 0;
            for (edge_offset e = k_.offsets[i]; e < k_.offsets[i + 1]; ++e) {
                if constexpr (Masked) {
                    if (k_.flags[e] & k_.mask) continue;
                }
                const node_id j = k_.sources[e];
                double w = 1.0;
                if constexpr (Weighted) w = static_cast<double>(k_.weights[e]);
                s_all += c[2 * j] * w;
                s_core += c[2 * j + 1] * w;
            }
            const double p = alpha * s_all + teleport;
            const double q = alpha * s_core + (in_core_[i] ? teleport : 0.0);
            res_all += std::fabs(p - x[2 * i]);
            res_core += std::fabs(q - x[2 * i + 1]);
            x[2 * i] = p;
            x[2 * i + 1] = q;
        }
        return std::max(res_all, res_core);
    }
    void restart() {}  // contributions are derived from x at every step

private:
    const pagerank_problem& k_;
    std::vector<double>& x_;
    const std::vector<unsigned char>& in_core_;
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

/// The in-adjacency, 1/out(j) and masking of g as the options read them.
pagerank_problem problem_of(const csr_graph& g, const spam_mass_options& o) {
    pagerank_options po;
    po.weighted = o.weighted;
    po.excluded = o.excluded;
    po.excluded_links = o.excluded_links;
    const std::vector<double> out = followable_out_weight(g, po);
    pagerank_problem k;
    k.n = g.num_nodes();
    k.alpha = o.damping;
    k.inv_out.resize(k.n);
    for (std::size_t j = 0; j < k.n; ++j) k.inv_out[j] = out[j] > 0 ? 1.0 / out[j] : 0.0;
    const csr_view in = g.in_view();
    k.offsets = in.offsets.data();
    k.sources = in.sources.data();
    k.weights = o.weighted && in.has_weights() ? in.weights.data() : nullptr;
    k.flags = in.has_flags() && o.excluded != 0 ? in.flags.data() : nullptr;
    k.mask = o.excluded;
    return k;
}

}  // namespace

spam_mass_result spam_mass(const csr_graph& g, const std::vector<node_id>& core,
                           const spam_mass_options& o) {
    o.validate();
    const std::size_t n = g.num_nodes();
    const std::vector<unsigned char> in_core = core_mask(core, n);
    const pagerank_problem k = problem_of(g, o);
    const double teleport = (1.0 - o.damping) / static_cast<double>(n);
    std::vector<double> x(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        x[2 * i] = teleport;
        x[2 * i + 1] = in_core[i] ? teleport : 0.0;
    }
    const detail::stopwatch timer;
    pagerank_result run;  // the driver's bookkeeping
    detail::drive_options d;
    d.tolerance = o.tolerance;
    d.max_iterations = o.max_iterations;
    detail::with_edge_kind(k, [&](auto weighted, auto masked) {
        two_column_step<decltype(weighted)::value, decltype(masked)::value> step(k, x, in_core);
        detail::drive(step, x, d, run);
    });
    spam_mass_result r;
    r.seconds = timer.seconds();
    r.iterations = run.iterations;
    r.residual = run.residual;
    r.converged = run.converged;
    r.history = std::move(run.history);
    r.pagerank.resize(n);
    r.core_pagerank.resize(n);
    r.absolute.resize(n);
    r.relative.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double p = x[2 * i], q = x[2 * i + 1];
        r.pagerank[i] = p;
        r.core_pagerank[i] = q;
        r.absolute[i] = p - q;
        r.relative[i] = std::clamp(1.0 - q / p, 0.0, 1.0);
    }
    return r;
}

}  // namespace linkequity
