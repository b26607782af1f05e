// SPDX-License-Identifier: MIT
// PageRank benchmark harness (GAPBS-style): a generated Kronecker graph (fixed seed) or an edge
// list file, built once, then --trials timed runs. Prints aligned `label: value` lines: build time
// and memory, per-iteration time, ns/edge/iteration, iterations to the tolerance, peak RSS,
// bytes per edge, Gauss–Seidel's iteration ratio, and 1-vs-N-thread speed-up; --verify checks
// each result with the push-direction verifier (algo/verify.hpp).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "linkequity/linkequity.hpp"

#if defined(_OPENMP)
#include <omp.h>
#endif

using namespace linkequity;

namespace {

double peak_rss_bytes() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) * 1024.0;
}

double current_rss_bytes() {
    std::ifstream f("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    f >> pages >> resident;
    return static_cast<double>(resident) * 4096.0;
}

void line(const std::string& label, const std::string& value) {
    fmt::print("{:<28} {}\n", label + ":", value);
}

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_pagerank: PageRank speed and memory on a Kronecker graph"};
    unsigned scale = 20;
    double edge_factor = 16;
    bool symmetrize = false, verify = false, compare_solvers = false, scaling = false, lean = false,
         stream = false, by_degree = false;
    int trials = 3;
    double tolerance = 1e-4;
    std::size_t max_iterations = 20;
    std::uint64_t seed = 27491095;
    app.add_option("--scale", scale, "2^scale nodes")->capture_default_str();
    app.add_option("--degree,--edge-factor", edge_factor, "Edges per node")->capture_default_str();
    app.add_option("--seed", seed, "Generator seed")->capture_default_str();
    app.add_flag("--symmetrize", symmetrize, "Add reversed edges (as GAP's benchmark graphs)");
    app.add_flag("--lean", lean, "Build the lean graph (in-adjacency + out-weights only)");
    app.add_flag("--stream", stream,
                 "Build the lean graph straight from the generator (two passes, no edge list)");
    app.add_flag("--by-degree", by_degree, "Iterate in decreasing-out-degree node order");
    app.add_option("--trials", trials, "Timed PageRank runs")->capture_default_str();
    app.add_option("--tolerance", tolerance, "L1 stopping tolerance for the timed runs")
        ->capture_default_str();
    app.add_option("--max-iterations", max_iterations, "Iteration cap of the timed runs")
        ->capture_default_str();
    app.add_flag("--verify", verify, "Verify each result with an independent push step");
    app.add_flag("--solvers", compare_solvers,
                 "Also run power and Gauss-Seidel to 1e-9 and compare iterations");
    app.add_flag("--scaling", scaling, "Also time one iteration on 1 thread for the speed-up");
    CLI11_PARSE(app, argc, argv);

    const double rss0 = current_rss_bytes();
    double t0 = now_seconds();
    kronecker_options k;
    k.scale = scale;
    k.edge_factor = edge_factor;
    k.seed = seed;
    k.symmetrize = symmetrize;
    edge_list edges;
    std::size_t input_edges = 0;
    double t_gen = 0, t_build = 0;
    csr_graph g;
    if (stream) {
        const edge_stream es = kronecker_stream(k);
        input_edges = es.num_edges;
        t_gen = now_seconds() - t0;
        t0 = now_seconds();
        g = build_lean_graph(es);  // generation runs inside both passes
        t_build = now_seconds() - t0;
        lean = true;
    } else {
        edges = kronecker_edges(k);
        input_edges = edges.num_edges();
        t_gen = now_seconds() - t0;
        t0 = now_seconds();
        build_options bo;
        bo.lean = lean;
        g = build_graph(edges, bo);
        t_build = now_seconds() - t0;
        edges = {};
    }
    const double build_peak = peak_rss_bytes() - rss0;
    const double m = static_cast<double>(g.num_edges());

    line("graph", fmt::format("kronecker scale {} edge factor {}{}{}{}", scale, edge_factor,
                              symmetrize ? " symmetrized" : "", lean ? " lean" : "",
                              stream ? " (streamed: generated in both build passes)" : ""));
    line("nodes", fmt::format("{}", g.num_nodes()));
    line("edges", fmt::format("{} (from {} generated)", g.num_edges(), input_edges));
    line("threads", fmt::format("{}", omp_get_max_threads()));
    line("generate", fmt::format("{:.3f} s", t_gen));
    line("build", fmt::format("{:.3f} s ({:.1f} M edges/s)", t_build, input_edges / t_build / 1e6));
    line("graph memory", fmt::format("{:.1f} MB, {:.2f} bytes/edge ({:.2f} without offsets)",
                                     g.memory_bytes() / 1e6, g.memory_bytes() / m,
                                     (g.memory_bytes() - 16.0 * (g.num_nodes() + 1)) / m));
    line("build peak", fmt::format("{:.2f} bytes/input edge incl. the input", build_peak / input_edges));

    pagerank_options o;
    o.tolerance = tolerance;
    o.max_iterations = max_iterations;
    if (by_degree) o.node_order = pagerank_node_order::by_degree;
    double best = 1e300, total = 0;
    std::size_t iters = 0;
    for (int t = 0; t < trials; ++t) {
        const pagerank_result r = pagerank(g, o);
        const double per_iter = r.seconds / static_cast<double>(std::max<std::size_t>(1, r.iterations));
        best = std::min(best, per_iter);
        total += per_iter;
        iters = r.iterations;
        line(fmt::format("trial {}", t + 1),
             fmt::format("{:.3f} s, {} iterations, {:.2f} ms/iteration, {:.3f} ns/edge/iteration"
                         " (+{:.3f} s setup)",
                         r.seconds, r.iterations, 1e3 * per_iter, 1e9 * per_iter / m,
                         r.setup_seconds));
        if (verify && !g.is_lean()) line("verify", verify_pagerank(g, r.scores, o, 1.0).message);
    }
    line("average", fmt::format("{:.2f} ms/iteration, {:.3f} ns/edge/iteration ({} iterations)",
                                1e3 * total / trials, 1e9 * total / trials / m, iters));
    line("best", fmt::format("{:.2f} ms/iteration, {:.3f} ns/edge/iteration", 1e3 * best,
                             1e9 * best / m));

    if (scaling) {
#if defined(_OPENMP)
        const int threads = omp_get_max_threads();
        omp_set_num_threads(1);
        double best1 = 1e300;
        for (int t = 0; t < trials; ++t) {
            const auto r = pagerank(g, o);
            best1 = std::min(best1, r.seconds / std::max<std::size_t>(1, r.iterations));
        }
        omp_set_num_threads(threads);
        line("1 thread", fmt::format("{:.2f} ms/iteration, {:.3f} ns/edge/iteration", 1e3 * best1,
                                     1e9 * best1 / m));
        line("speed-up", fmt::format("{:.2f}x on {} threads", best1 / best, threads));
#endif
    }
    if (compare_solvers) {
        pagerank_options p;
        p.tolerance = 1e-9;
        p.max_iterations = 1000;
        const auto power = pagerank(g, p);
        p.solver = pagerank_solver::gauss_seidel;
        const auto gs = pagerank(g, p);
        double l1 = 0;
        for (std::size_t i = 0; i < power.scores.size(); ++i)
            l1 += std::abs(power.scores[i] - gs.scores[i]);
        p.solver = pagerank_solver::power;
        p.acceleration = pagerank_acceleration::quadratic;
        const auto qe = pagerank(g, p);
        double l1q = 0;
        for (std::size_t i = 0; i < power.scores.size(); ++i)
            l1q += std::abs(power.scores[i] - qe.scores[i]);
        line("power to 1e-9", fmt::format("{} iterations, {:.3f} s", power.iterations, power.seconds));
        line("quadratic extrap. to 1e-9",
             fmt::format("{} iterations ({:.0f}% of power), {:.3f} s, L1 difference {:.1e}",
                         qe.iterations, 100.0 * qe.iterations / power.iterations, qe.seconds, l1q));
        line("gauss-seidel to 1e-9",
             fmt::format("{} iterations ({:.0f}% of power), {:.3f} s, L1 difference {:.1e}",
                         gs.iterations, 100.0 * gs.iterations / power.iterations, gs.seconds, l1));
    }
    line("peak RSS", fmt::format("{:.1f} MB ({:.2f} bytes/edge)", peak_rss_bytes() / 1e6,
                                 peak_rss_bytes() / m));
    return 0;
}
