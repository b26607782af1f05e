// SPDX-License-Identifier: MIT
// The batched topic iteration: a Jacobi (power) step over k interleaved score vectors. Every
// node pulls its in-neighbours' contribution rows (c_j = x_j / out(j), k values side by side)
// once per pass and updates its k scores by the update equation of kernel.hpp, one column per
// topic; a topic whose residual fell below the tolerance keeps its scores from then on.
// Reductions are per block of nodes, added in block order: the same bits on any thread count.
// With pagerank_solver::local_gauss_seidel the pass is that solver's sweep instead, column by
// column: Gauss–Seidel inside blocks of sum_block ids (a source earlier in the node's block
// gives this pass's row), Jacobi between blocks, each column at the scale of its own mass
// (local_gauss_seidel.cpp).

#include "batch.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <type_traits>

#include "../pagerank/driver.hpp"
#include "linkequity/detail/kahan.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/detail/stopwatch.hpp"

namespace linkequity::detail {
namespace {

/// Nodes per reduction block (blocks are the unit of parallel work too).
constexpr std::size_t block_nodes = 2048;
/// In-edges ahead whose contribution rows are prefetched (rows are stride/8 lines each).
constexpr edge_offset topic_prefetch_distance = 32;

/// Per-block partial sums, each `stride` wide: residual, D (and its Kahan error), Z (and error),
/// and the local sweep's Σx (and error).
enum part_slot : std::size_t {
    p_res, p_dang, p_dang_lo, p_evap, p_evap_lo, p_mass, p_mass_lo, p_slots
};

/// Local: the local Gauss–Seidel sweep (else the power step). S: the row stride when known at
/// compile time (8, 16), else 0 (p.stride).
template <bool Weighted, bool Local, std::size_t S>
class topic_step {
public:
    /// Nodes per block: the local sweep's Gauss–Seidel blocks are local_gauss_seidel's.
    static constexpr std::size_t block = Local ? sum_block : block_nodes;

    topic_step(const topic_problem& p, std::vector<double>& x, topic_buffers& b,
               topic_pagerank_result& r, double tol)
        : p_(p), x_(x), r_(r), tol_(tol), blocks_((p.n + block - 1) / block),
          c_(b.c), c_next_(b.c_next), part_(b.part), active_(p.stride, 0), dang_(p.stride),
          evap_(p.stride), to_u_(p.stride), to_v_(p.stride), res_(p.stride),
          mass_(p.stride, 1.0) {
        c_.resize(p.n * p.stride);  // not written here: the loop below first-touches them
        c_next_.resize(p.n * p.stride);
        part_.resize(blocks_ * p_slots * p.stride);
        std::fill(active_.begin(), active_.begin() + static_cast<std::ptrdiff_t>(p.k), 1);
        const std::size_t s = p.stride;
#pragma omp parallel for schedule(static) if (p.n > parallel_threshold)
        for (std::size_t i = 0; i < p.n; ++i)
            for (std::size_t t = 0; t < s; ++t) {
                c_[i * s + t] = x_[i * s + t] * p.inv_out[i];
                c_next_[i * s + t] = 0.0;
            }
        initial_masses();
    }

    /// After the last pass: the local sweep's columns back to Σx = 1 (each divided by its mass,
    /// as local_gauss_seidel's scores are); nothing for the power step.
    void finish() {
        if constexpr (Local) {
            const std::size_t s = p_.stride, k = p_.k;
#pragma omp parallel for schedule(static) if (p_.n > parallel_threshold)
            for (std::size_t i = 0; i < p_.n; ++i)
                for (std::size_t t = 0; t < k; ++t) x_[i * s + t] /= mass_[t];
        }
    }

    /// One pass: every node's k scores from its in-edges; returns the largest residual of the
    /// topics that were still running.
    double operator()() {
        const std::size_t s = p_.stride;
        for (std::size_t t = 0; t < s; ++t) {  // update_equation's, with Σx = mass_ (1: power)
            to_u_[t] = p_.alpha * dang_[t];
            to_v_[t] = p_.alpha * evap_[t] + (1.0 - p_.alpha) * mass_[t];
        }
#pragma omp parallel if (p_.n > parallel_threshold)
        {
            // The thread's row sums, and its block's partial sums (the per-node additions
            // land here, not in part_, whose blocks lie side by side: two threads adding into
            // neighbouring blocks shared a cache line and ran at one thread's speed), padded by
            // a line each side.
            std::vector<double> acc(s), sums(p_slots * s + 2 * topic_lanes);
#pragma omp for schedule(dynamic, 1)
            for (std::size_t b = 0; b < blocks_; ++b)
                update_block(b, acc.data(), sums.data() + topic_lanes);
        }
        c_.swap(c_next_);
        std::vector<double> old_mass;
        if constexpr (Local) old_mass = mass_;
        reduce();
        if constexpr (Local)  // the change at the previous iterate's scale, as the solver's
            for (std::size_t t = 0; t < p_.k; ++t) res_[t] /= old_mass[t];
        return record();
    }

    void restart() {}  // no extrapolation in a batch

private:
    /// Σ over the followable in-edges of i of c_j · w_ji, for every column, in row order
    /// (local sweep: c_next_j for the sources j in [first, i), this pass's rows). With a
    /// compile-time stride S the k sums stay in registers across the row.
    void gather(std::size_t i, std::size_t first, double* acc) const {
        if constexpr (S > 0) {
            double a[S] = {};
            gather_into<S>(i, first, a);
            std::copy(a, a + S, acc);
        } else {
            std::fill(acc, acc + p_.stride, 0.0);
            gather_into<0>(i, first, acc);
        }
    }

    template <std::size_t Width>
    void gather_into(std::size_t i, std::size_t first, double* acc) const {
        const std::size_t s = Width > 0 ? Width : p_.stride;
        const double* c = c_.data();
        // The local sweep picks c_next's row by a masked offset, in integers, as
        // local_gauss_seidel_block does (no branch; no pointer arithmetic across two arrays).
        const auto c_at = reinterpret_cast<std::uintptr_t>(c);
        const std::uintptr_t to_next = reinterpret_cast<std::uintptr_t>(c_next_.data()) - c_at;
        const std::size_t updated = i - first;
        const edge_offset end = p_.offsets[i + 1];
        for (edge_offset e = p_.offsets[i]; e < end; ++e) {
#if defined(__GNUC__)
            const double* ahead =
                c + std::size_t{p_.sources[std::min(e + topic_prefetch_distance, p_.last_edge)]} * s;
            for (std::size_t l = 0; l < s; l += topic_lanes) __builtin_prefetch(ahead + l);
#endif
            const std::size_t j = p_.sources[e];
            const double* cj = c + j * s;
            if constexpr (Local) {
                const std::uintptr_t mask = 0 - std::uintptr_t{j - first < updated};
                cj = reinterpret_cast<const double*>(c_at + (mask & to_next)) + j * s;
            }
            if constexpr (Weighted) {
                const double w = static_cast<double>(p_.weights[e]);
                for (std::size_t t = 0; t < s; t += topic_lanes)
                    for (std::size_t l = 0; l < topic_lanes; ++l) acc[t + l] += cj[t + l] * w;
            } else {
                for (std::size_t t = 0; t < s; t += topic_lanes)
                    for (std::size_t l = 0; l < topic_lanes; ++l) acc[t + l] += cj[t + l];
            }
        }
    }

    /// The nodes of block b: pull, apply the update equation per running topic, write the next
    /// contributions, and the block's partial sums (added up in `part`, the thread's own, then
    /// copied to the block's place in part_).
    void update_block(std::size_t b, double* acc, double* part) {
        const std::size_t s = S > 0 ? S : p_.stride;
        std::fill(part, part + p_slots * s, 0.0);
        double* res = part + p_res * s;
        const std::size_t first = b * block, end = std::min(p_.n, (b + 1) * block);
        for (std::size_t i = first; i < end; ++i) {
            gather(i, first, acc);
            for (std::size_t t = 0; t < s; ++t) acc[t] *= p_.alpha;
            for (std::size_t q = p_.seed_offsets[i]; q < p_.seed_offsets[i + 1]; ++q) {
                const std::size_t t = p_.seed_topic[q];
                const double v = p_.seed_weight[q];
                acc[t] = acc[t] + (to_u_[t] * v + to_v_[t] * v);
            }
            double* xi = x_.data() + i * s;
            if (all_running_) {  // the common case, without a per-column test
                for (std::size_t t = 0; t < s; ++t) {
                    res[t] += std::fabs(acc[t] - xi[t]);
                    xi[t] = acc[t];
                }
            } else {
                for (std::size_t t = 0; t < s; ++t) {
                    const double xn = active_[t] ? acc[t] : xi[t];
                    res[t] += std::fabs(xn - xi[t]);
                    xi[t] = xn;
                }
            }
            // A dangling node's contributions are 0 in both buffers from the start: its row
            // is not rewritten (saves the write traffic of often half the rows).
            const double inv = p_.inv_out[i];
            if (inv != 0.0) {
                double* ci = c_next_.data() + i * s;
                for (std::size_t t = 0; t < s; ++t) ci[t] = xi[t] * inv;
            }
            add_masses(i, xi, part);
            if constexpr (Local)
                for (std::size_t t = 0; t < s; ++t)
                    kahan_add(part[p_mass * s + t], part[p_mass_lo * s + t], xi[t]);
        }
        std::copy(part, part + p_slots * s, part_.data() + b * p_slots * s);
    }

    /// Adds node i's scores to the block's D (dangling i) and Z (evaporating share).
    void add_masses(std::size_t i, const double* xi, double* part) const {
        const std::size_t s = S > 0 ? S : p_.stride;
        if (p_.inv_out[i] == 0.0)
            for (std::size_t t = 0; t < s; ++t)
                kahan_add(part[p_dang * s + t], part[p_dang_lo * s + t], xi[t]);
        if (!p_.evaporated.empty() && p_.evaporated[i] != 0.0)
            for (std::size_t t = 0; t < s; ++t)
                kahan_add(part[p_evap * s + t], part[p_evap_lo * s + t],
                          xi[t] * p_.evaporated[i]);
    }

    /// The blocks' partial sums, added in block order: residual, D and Z per column.
    void reduce() {
        const std::size_t s = p_.stride;
        std::vector<double> dang_lo(s, 0.0), evap_lo(s, 0.0);
        std::fill(res_.begin(), res_.end(), 0.0);
        std::fill(dang_.begin(), dang_.end(), 0.0);
        std::fill(evap_.begin(), evap_.end(), 0.0);
        for (std::size_t b = 0; b < blocks_; ++b) {
            const double* part = part_.data() + b * p_slots * s;
            for (std::size_t t = 0; t < s; ++t) {
                res_[t] += part[p_res * s + t];
                kahan_add(dang_[t], dang_lo[t], part[p_dang * s + t]);
                dang_lo[t] += part[p_dang_lo * s + t];
                kahan_add(evap_[t], evap_lo[t], part[p_evap * s + t]);
                evap_lo[t] += part[p_evap_lo * s + t];
            }
        }
        for (std::size_t t = 0; t < s; ++t) {
            dang_[t] += dang_lo[t];
            evap_[t] += evap_lo[t];
        }
        if constexpr (Local) {  // each block's compensated Σx, added in block order
            std::fill(mass_.begin(), mass_.end(), 0.0);
            for (std::size_t b = 0; b < blocks_; ++b) {
                const double* part = part_.data() + b * p_slots * s;
                for (std::size_t t = 0; t < s; ++t)
                    mass_[t] += part[p_mass * s + t] + part[p_mass_lo * s + t];
            }
        }
    }

    /// D and Z of the start vector (the residual slots stay 0), and for the local sweep its
    /// Σx: plain sums per block, as ordered_sums adds them.
    void initial_masses() {
        const std::size_t s = p_.stride;
        std::fill(part_.begin(), part_.end(), 0.0);
#pragma omp parallel for schedule(static) if (p_.n > parallel_threshold)
        for (std::size_t b = 0; b < blocks_; ++b) {
            double* part = part_.data() + b * p_slots * s;
            const std::size_t end = std::min(p_.n, (b + 1) * block);
            for (std::size_t i = b * block; i < end; ++i) {
                add_masses(i, x_.data() + i * s, part);
                if constexpr (Local)
                    for (std::size_t t = 0; t < s; ++t) part[p_mass * s + t] += x_[i * s + t];
            }
        }
        reduce();
    }

    /// Per-topic bookkeeping after a pass: iterations and residual of the running topics, which
    /// stop once below the tolerance. Returns the largest of their residuals.
    double record() {
        ++passes_;
        double worst = 0;
        for (std::size_t t = 0; t < p_.k; ++t) {
            if (!active_[t]) continue;
            r_.iterations[t] = passes_;
            r_.residual[t] = res_[t];
            worst = std::max(worst, res_[t]);
            if (res_[t] < tol_) {
                active_[t] = 0;
                r_.converged[t] = 1;
                all_running_ = false;
            }
        }
        return worst;
    }

    const topic_problem& p_;
    std::vector<double>& x_;
    topic_pagerank_result& r_;
    double tol_;
    std::size_t blocks_, passes_ = 0;
    /// Every column runs, padding included (padding stays 0 either way): no per-column test.
    bool all_running_ = true;
    gather_vector &c_, &c_next_;
    std::vector<double>& part_;
    std::vector<unsigned char> active_;
    std::vector<double> dang_, evap_, to_u_, to_v_, res_;
    std::vector<double> mass_;  ///< Σx per column (local sweep; 1 for the power step)
};

/// Runs Step through the shared driver; the driver sees one residual per pass, the largest of
/// the topics still running, so it stops when every topic has converged.
template <class Step>
void run_step(const topic_problem& p, std::vector<double>& x, const pagerank_options& o,
              topic_buffers& buffers, topic_pagerank_result& r) {
    const stopwatch t0;
    Step step(p, x, buffers, r, o.tolerance);
    r.setup_seconds += t0.seconds();
    pagerank_result batch;
    drive(step, x, drive_options{o.tolerance, o.max_iterations, o.progress, false, 10}, batch);
    step.finish();
    r.passes = batch.iterations;
    r.cancelled = batch.cancelled;
}

}  // namespace

void solve_topics(const topic_problem& p, std::vector<double>& x, const pagerank_options& o,
                  topic_buffers& buffers, topic_pagerank_result& r) {
    r.iterations.assign(p.k, 0);
    r.residual.assign(p.k, 0.0);
    r.converged.assign(p.k, 0);
    if (p.flags)
        throw std::logic_error("solve_topics: excluded links must be dropped first (drop_masked_edges)");
    auto run = [&](auto weighted, auto local) {
        constexpr bool w = decltype(weighted)::value, l = decltype(local)::value;
        if (p.stride == 8) run_step<topic_step<w, l, 8>>(p, x, o, buffers, r);
        else if (p.stride == 16) run_step<topic_step<w, l, 16>>(p, x, o, buffers, r);
        else run_step<topic_step<w, l, 0>>(p, x, o, buffers, r);
    };
    auto by_solver = [&](auto weighted) {
        if (o.solver == pagerank_solver::local_gauss_seidel) run(weighted, std::true_type{});
        else run(weighted, std::false_type{});
    };
    if (p.weights) by_solver(std::true_type{});
    else by_solver(std::false_type{});
}

}  // namespace linkequity::detail
