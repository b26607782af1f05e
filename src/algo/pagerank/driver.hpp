// SPDX-License-Identifier: MIT
// Internal to the PageRank kernel: the loop every solver shares — iteration cap, convergence
// test, residual history, progress callback and cancel, quadratic extrapolation. A solver is a
// "step": one pass over the graph per call. The driver knows nothing of graphs or equations.
//
// How the algorithms of the next issues plug in (each is a step functor + options away):
//  - TrustRank, topic-sensitive PageRank: options only (personalization = the seeds / topic
//    vector v; dangling = personalization), any step.
//  - Reversed graphs (CheiRank, Anti-TrustRank): PageRank over the transpose is the same steps
//    on the transpose's in-adjacency, which is the graph's out-adjacency:
//    pagerank(g.out_view(), o) (tested in test_csr_view.cpp). No new step.
//  - Personalised / topic batches (k right-hand sides): a batch step holds k interleaved score
//    vectors (x[i·k + t]), pulls each row once and updates the k vectors from it (one
//    update_equation per column: D, Z and v differ per column); its operator() returns the
//    largest of the k residuals, so the driver stops when every column has converged, and its
//    progress/cancel/history are per batch. Extrapolation is per column: until
//    quadratic_extrapolate takes a stride, a batch runs with drive_options::extrapolate off.
//    topic_pagerank's step (src/algo/topic_pagerank/batch.cpp) is such a batch.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <vector>

#include "extrapolation.hpp"
#include "linkequity/algo/pagerank.hpp"

namespace linkequity::detail {

/// What the driver needs of pagerank_options (or of another algorithm's options).
struct drive_options {
    double tolerance = 1e-10;
    std::size_t max_iterations = 100;
    std::function<bool(const pagerank_progress&)> progress;
    bool extrapolate = false;  ///< quadratic extrapolation every `period` iterations
    std::size_t period = 10;

    /// Extrapolation only for the power method: a Gauss–Seidel sweep's iterates are not the
    /// power sequence the extrapolation models.
    static drive_options of(const pagerank_options& o) {
        return {o.tolerance, o.max_iterations, o.progress,
                o.acceleration == pagerank_acceleration::quadratic &&
                    o.solver == pagerank_solver::power,
                o.acceleration_period};
    }
};

/// Iterates `step` on x until its residual < tolerance, max_iterations, or the progress
/// callback returns false; fills r.iterations, residual, history, converged, cancelled.
///
/// A Step provides
///     double operator()();  one iteration: x ← next iterate, returns ‖x_new − x_old‖₁
///     void restart();       x was changed from outside (extrapolation): refresh what the step
///                           derives from it (contributions, D, Z)
/// and keeps a reference to the x it was made with. Extrapolation keeps three previous
/// iterates (3n doubles) and replaces x every `period` iterations by the extrapolated vector.
template <class Step>
void drive(Step& step, std::vector<double>& x, const drive_options& o, pagerank_result& r) {
    std::array<std::vector<double>, 3> past;
    std::size_t stored = 0;  // consecutive previous iterates held in `past` (oldest first)
    while (r.iterations < o.max_iterations) {
        if (o.extrapolate) {
            std::rotate(past.begin(), past.begin() + 1, past.end());
            past[2] = x;  // reuses the rotated-out vector's capacity
            stored = std::min<std::size_t>(stored + 1, 3);
        }
        const double residual = step();
        ++r.iterations;
        r.residual = residual;
        r.history.push_back(residual);
        if (residual < o.tolerance) {
            r.converged = true;
            break;
        }
        if (o.progress && !o.progress({r.iterations, o.max_iterations, residual, o.tolerance})) {
            r.cancelled = true;
            break;
        }
        if (o.extrapolate && stored == 3 && r.iterations % o.period == 0 &&
            r.iterations < o.max_iterations) {
            quadratic_extrapolate(past[0], past[1], past[2], x);
            step.restart();
            stored = 0;  // the next extrapolation needs iterates of the new sequence
        }
    }
}

}  // namespace linkequity::detail
