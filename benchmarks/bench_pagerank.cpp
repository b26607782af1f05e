// SPDX-License-Identifier: MIT
// PageRank benchmark harness (GAPBS-style): a generated Kronecker graph (fixed seed), built once
// (from the edge list, or streamed straight into the lean form), then --trials timed runs.
// Prints aligned `label: value` lines — build time and memory, per-iteration time,
// ns/edge/iteration, peak RSS, bytes per edge — and optionally: Gauss–Seidel and quadratic
// extrapolation against power iteration to 1e-9, 1-vs-N-thread speed-up, warm-started
// incremental re-scoring, and every figure as JSON (--json) for benchmarks/sweep.py.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "linkequity/io/snapshot.hpp"
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

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

int threads() {
#if defined(_OPENMP)
    return omp_get_max_threads();
#else
    return 1;
#endif
}

/// Collects figures: prints each as a `label: text` line and keeps its number for --json.
struct report {
    std::map<std::string, double> numbers;
    void line(const std::string& label, const std::string& text) {
        fmt::print("{:<30} {}\n", label + ":", text);
        std::fflush(stdout);
    }
    void put(const std::string& key, double value) { numbers[key] = value; }
    void write_json(const std::string& path, const std::string& graph) const {
        std::ofstream f(path);
        f << "{\n  \"graph\": \"" << graph << "\"";
        for (const auto& [k, v] : numbers) f << ",\n  \"" << k << "\": " << fmt::format("{:.9g}", v);
        f << "\n}\n";
    }
};

double l1(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += std::fabs(a[i] - b[i]);
    return s;
}

/// The command line.
struct bench_args {
    unsigned scale = 20;
    double edge_factor = 16;
    bool symmetrize = false, verify = false, solvers = false, scaling = false, lean = false,
         stream = false, by_degree = false, incremental = false, stream_ordered = false,
         blocked = false;
    int trials = 3;
    std::size_t topics = 0;  ///< --topics K: also time topic_pagerank with K topics
    double tolerance = 1e-4;
    std::size_t max_iterations = 20;
    std::uint64_t seed = 27491095;
    std::string json, save_path, snapshot_path;
    std::string solver = "power";  ///< --solver: the timed runs' solver
    bool time_to_solution = false;  ///< --time-to-solution: every solver to 1e-4 and 1e-9
};

/// Registers the options of `a` on `app`.
void add_options(CLI::App& app, bench_args& a) {
    app.add_option("--scale", a.scale, "2^scale nodes")->capture_default_str();
    app.add_option("--degree,--edge-factor", a.edge_factor, "Edges per node")
        ->capture_default_str();
    app.add_option("--seed", a.seed, "Generator seed")->capture_default_str();
    app.add_flag("--symmetrize", a.symmetrize, "Add reversed edges (as GAP's benchmark graphs)");
    app.add_flag("--lean", a.lean, "Build the lean graph (in-adjacency + out-weights only)");
    app.add_flag("--stream", a.stream,
                 "Build the lean graph straight from the generator (two passes, no edge list)");
    app.add_flag("--by-degree", a.by_degree,
                 "Iterate in decreasing-out-degree node order (default: the graph's own order)");
    app.add_flag("--blocked", a.blocked,
                 "Also time pagerank_kernel::blocked (propagation blocking for sources beyond "
                 "the first 2^21 ids; pair with --by-degree) against pull");
    app.add_option("--trials", a.trials, "Timed PageRank runs")->capture_default_str();
    app.add_option("--tolerance", a.tolerance, "L1 stopping tolerance of the timed runs")
        ->capture_default_str();
    app.add_option("--max-iterations", a.max_iterations, "Iteration cap of the timed runs")
        ->capture_default_str();
    app.add_flag("--verify", a.verify, "Verify each result with an independent push step");
    app.add_flag("--solvers", a.solvers,
                 "Power, Gauss-Seidel and quadratic extrapolation to 1e-9: iterations and time");
    app.add_flag("--scaling", a.scaling, "Also time the runs on 1 thread for the speed-up");
    app.add_option("--solver", a.solver, "Solver of the timed runs (power, gauss_seidel, "
                   "block_gauss_seidel, local_gauss_seidel)")->capture_default_str();
    app.add_flag("--time-to-solution", a.time_to_solution,
                 "Also time power, gauss_seidel, block_gauss_seidel, local_gauss_seidel (and "
                 "conjugate_gradient on symmetric graphs) to L1 < 1e-4 and < 1e-9, "
                 "wall time of the whole pagerank() call (set-up and node order included)");
    app.add_flag("--incremental", a.incremental,
                 "Add 0.1% random links and re-score warm-started vs cold, to 1e-9");
    app.add_option("--topics", a.topics,
                   "Also time topic_pagerank with this many topics (100 random seeds each) "
                   "against one PageRank");
    app.add_option("--json", a.json, "Also write every figure to this JSON file");
    app.add_option("--save", a.save_path,
                   "After building, write the graph to this snapshot file (for --snapshot)");
    app.add_option("--snapshot", a.snapshot_path,
                   "Open this snapshot (written by --save) instead of generating: the graph "
                   "options describe it and are not checked; build figures are then the open")
        ->check(CLI::ExistingFile);
}

kronecker_options generator_options(const bench_args& a) {
    kronecker_options k;
    k.scale = a.scale;
    k.edge_factor = a.edge_factor;
    k.seed = a.seed;
    k.symmetrize = a.symmetrize;
    return k;
}

/// The graph under test and what making it cost.
struct built_graph {
    csr_graph g;
    std::size_t input_edges = 0;
    double t_gen = 0, t_build = 0;
};

/// Opens the snapshot, or streams the generator into a lean graph, or generates an edge list
/// and builds from it. Sets a.lean and a.stream_ordered to what the graph is.
built_graph make_graph(bench_args& a, const kronecker_options& k) {
    built_graph b;
    double t0 = now_seconds();
    if (!a.snapshot_path.empty()) {
        // The saved graph is already lean / streamed / renumbered as its --save run said.
        b.g = io::load_snapshot(a.snapshot_path, {io::snapshot_verify::structure}).take_graph();
        b.input_edges = b.g.num_edges();
        b.t_build = now_seconds() - t0;
        a.lean = b.g.is_lean();
        a.stream_ordered = a.stream && a.by_degree;
    } else if (a.stream) {
        const edge_stream es = kronecker_stream(k);
        b.input_edges = es.num_edges;
        t0 = now_seconds();
        // Generation runs inside both passes. With --by-degree the builder renumbers nodes by
        // out-degree itself (no relabelled copy: the lean path's memory stays at ~5 B/edge).
        std::vector<node_id> old_of;
        b.g = build_lean_graph(es, {}, a.by_degree ? &old_of : nullptr);
        a.stream_ordered = a.by_degree;
        b.t_build = now_seconds() - t0;
        a.lean = true;
    } else {
        edge_list edges = kronecker_edges(k);
        b.input_edges = edges.num_edges();
        b.t_gen = now_seconds() - t0;
        t0 = now_seconds();
        build_options bo;
        bo.lean = a.lean;
        b.g = build_graph(edges, bo);
        b.t_build = now_seconds() - t0;
    }
    return b;
}

std::string graph_name(const bench_args& a) {
    return fmt::format("kronecker scale {} edge factor {}{}{}{}{}", a.scale, a.edge_factor,
                       a.symmetrize ? " symmetrized" : "", a.lean ? " lean" : "",
                       a.stream ? " streamed" : "",
                       a.stream_ordered ? " (renumbered by degree)" : "");
}

/// The graph's lines (size, threads, generate/build or open time, memory) and figures.
void report_graph(report& rep, const bench_args& a, const built_graph& b, double build_peak) {
    const csr_graph& g = b.g;
    const double m = static_cast<double>(g.num_edges());
    const std::size_t input_edges = b.input_edges;
    rep.line("graph", a.snapshot_path.empty() ? graph_name(a)
                                              : fmt::format("{} (snapshot {})", graph_name(a),
                                                            a.snapshot_path));
    rep.line("nodes", fmt::format("{}", g.num_nodes()));
    rep.line("edges", fmt::format("{} (from {} generated)", g.num_edges(), input_edges));
    rep.line("threads", fmt::format("{}", threads()));
    if (!a.stream && a.snapshot_path.empty())
        rep.line("generate", fmt::format("{:.3f} s", b.t_gen));
    if (!a.snapshot_path.empty())
        rep.line("open", fmt::format("{:.3f} s (mmap, structure verified)", b.t_build));
    else rep.line("build", fmt::format("{:.3f} s ({:.1f} M input edges/s){}", b.t_build,
                                  input_edges / std::max(b.t_build, 1e-9) / 1e6,
                                  a.stream ? ", generation included (twice)" : ""));
    rep.line("graph memory", fmt::format("{:.1f} MB, {:.2f} bytes/edge", g.memory_bytes() / 1e6,
                                         g.memory_bytes() / m));
    if (a.snapshot_path.empty())
        rep.line("build peak", fmt::format("{:.1f} MB, {:.2f} bytes/input edge incl. the input",
                                       build_peak / 1e6, build_peak / input_edges));
    rep.put("scale", a.scale);
    rep.put("nodes", static_cast<double>(g.num_nodes()));
    rep.put("edges", m);
    rep.put("threads", threads());
    rep.put("generate_seconds", b.t_gen);
    rep.put("build_seconds", b.t_build);
    rep.put("graph_bytes_per_edge", g.memory_bytes() / m);
    rep.put("build_peak_bytes_per_input_edge", build_peak / input_edges);
}

/// --trials runs of pagerank(g, o), one line each: (best, average) seconds per iteration.
std::pair<double, double> time_runs(report& rep, const bench_args& a, const csr_graph& g,
                                    const pagerank_options& o, const char* label) {
    const double m = static_cast<double>(g.num_edges());
    double best = 1e300, total = 0;
    for (int t = 0; t < a.trials; ++t) {
        const pagerank_result r = pagerank(g, o);
        const double per = r.seconds / static_cast<double>(std::max<std::size_t>(1, r.iterations));
        best = std::min(best, per);
        total += per;
        rep.line(fmt::format("{} {}", label, t + 1),
                 fmt::format("{:.3f} s, {} iterations, {:.2f} ms/iteration, "
                             "{:.3f} ns/edge/iteration (+{:.3f} s setup)",
                             r.seconds, r.iterations, 1e3 * per, 1e9 * per / m, r.setup_seconds));
        rep.put("setup_seconds", r.setup_seconds);
        rep.put("iterations", static_cast<double>(r.iterations));
        if (a.verify && !g.is_lean())
            rep.line("verify", verify_pagerank(g, r.scores, o, 1.0).message);
    }
    return std::make_pair(best, total / a.trials);
}

/// The timed runs (average and best), then with --blocked the blocked kernel against them.
/// Returns the best seconds per iteration of the default kernel.
double time_pagerank(report& rep, const bench_args& a, const csr_graph& g,
                     pagerank_options o) {
    const double m = static_cast<double>(g.num_edges());
    const auto [best, average] = time_runs(rep, a, g, o, "trial");
    rep.line("average", fmt::format("{:.2f} ms/iteration, {:.3f} ns/edge/iteration", 1e3 * average,
                                    1e9 * average / m));
    rep.line("best", fmt::format("{:.2f} ms/iteration, {:.3f} ns/edge/iteration", 1e3 * best,
                                 1e9 * best / m));
    rep.put("ms_per_iteration", 1e3 * best);
    rep.put("ns_per_edge_iteration", 1e9 * best / m);
    if (a.blocked) {
        // The same runs with propagation blocking for the cold sources, against pull above.
        o.kernel = pagerank_kernel::blocked;
        const auto [best_b, average_b] = time_runs(rep, a, g, o, "blocked trial");
        (void)average_b;
        rep.line("blocked best", fmt::format("{:.2f} ms/iteration, {:.3f} ns/edge/iteration, "
                                             "{:.2f}x pull's time",
                                             1e3 * best_b, 1e9 * best_b / m, best_b / best));
        rep.put("blocked_ns_per_edge_iteration", 1e9 * best_b / m);
        rep.put("blocked_vs_pull", best_b / best);
    }
    return best;
}

/// --scaling: the timed runs again on one thread, and the speed-up over `best`.
void time_one_thread(report& rep, const bench_args& a, const csr_graph& g,
                     const pagerank_options& o, double best) {
#if defined(_OPENMP)
    const double m = static_cast<double>(g.num_edges());
    const int n_threads = threads();
    omp_set_num_threads(1);
    const auto [best1, average1] = time_runs(rep, a, g, o, "1-thread trial");
    (void)average1;
    omp_set_num_threads(n_threads);
    rep.line("1 thread", fmt::format("{:.2f} ms/iteration, {:.3f} ns/edge/iteration",
                                     1e3 * best1, 1e9 * best1 / m));
    rep.line("speed-up", fmt::format("{:.2f}x on {} threads", best1 / best, n_threads));
    rep.put("ns_per_edge_iteration_1_thread", 1e9 * best1 / m);
    rep.put("speedup", best1 / best);
#else
    (void)rep, (void)a, (void)g, (void)o, (void)best;
#endif
}

/// Whether conjugate_gradient runs on g (its followable links are symmetric).
bool symmetric_graph(const csr_graph& g) {
    pagerank_options p;
    p.solver = pagerank_solver::conjugate_gradient;
    p.max_iterations = 0;
    try {
        pagerank(g, p);
        return true;
    } catch (const std::invalid_argument&) {
        return false;
    }
}

/// --solvers: power iteration, quadratic extrapolation, Gauss–Seidel (serial, block, local)
/// and, on symmetric graphs, conjugate gradients, to 1e-9.
void compare_solvers(report& rep, const csr_graph& g, const pagerank_options& o) {
    pagerank_options p = o;
    p.tolerance = 1e-9;
    p.max_iterations = 1000;
    const auto power = pagerank(g, p);
    rep.line("power to 1e-9", fmt::format("{} iterations, {:.3f} s", power.iterations,
                                          power.seconds + power.setup_seconds));
    rep.put("power_iterations_1e-9", power.iterations);
    rep.put("power_seconds_1e-9", power.seconds + power.setup_seconds);
    // One line and two JSON figures for a variant, against the power method.
    auto versus_power = [&](const char* label, const std::string& key, const pagerank_result& r) {
        rep.line(label, fmt::format(
                            "{} iterations ({:.0f}% of power), {:.3f} s, L1 difference {:.1e}",
                            r.iterations, 100.0 * r.iterations / power.iterations,
                            r.seconds + r.setup_seconds, l1(power.scores, r.scores)));
        rep.put(key + "_iterations_1e-9", r.iterations);
        rep.put(key + "_seconds_1e-9", r.seconds + r.setup_seconds);
    };
    p.acceleration = pagerank_acceleration::quadratic;
    versus_power("quadratic extrap. to 1e-9", "quadratic", pagerank(g, p));
    p.acceleration = pagerank_acceleration::none;
    p.solver = pagerank_solver::gauss_seidel;
    versus_power("gauss-seidel to 1e-9", "gauss_seidel", pagerank(g, p));
    p.solver = pagerank_solver::block_gauss_seidel;
    versus_power("block gauss-seidel to 1e-9", "block_gauss_seidel", pagerank(g, p));
    p.solver = pagerank_solver::local_gauss_seidel;
    versus_power("local gauss-seidel to 1e-9", "local_gauss_seidel", pagerank(g, p));
    if (symmetric_graph(g)) {
        p.solver = pagerank_solver::conjugate_gradient;
        versus_power("conjugate gradient to 1e-9", "conjugate_gradient", pagerank(g, p));
    }
}

/// --time-to-solution: for each solver, the wall time of one whole pagerank() call (set-up,
/// node order, iterations, mapping back) to L1 < 1e-4 and to < 1e-9, against power's.
void time_to_solution(report& rep, const csr_graph& g, const pagerank_options& o) {
    std::vector<pagerank_solver> solvers = {pagerank_solver::power, pagerank_solver::gauss_seidel,
                                            pagerank_solver::block_gauss_seidel,
                                            pagerank_solver::local_gauss_seidel};
    if (symmetric_graph(g)) solvers.push_back(pagerank_solver::conjugate_gradient);
    for (double tolerance : {1e-4, 1e-9}) {
        double power_seconds = 0;
        std::vector<double> power_scores;
        for (pagerank_solver solver : solvers) {
            pagerank_options p = o;
            p.tolerance = tolerance;
            p.max_iterations = 1000;
            p.solver = solver;
            const double t0 = now_seconds();
            const pagerank_result r = pagerank(g, p);
            const double wall = now_seconds() - t0;
            if (solver == pagerank_solver::power) power_seconds = wall, power_scores = r.scores;
            const std::string name = to_string(solver);
            rep.line(fmt::format("{} to {:.0e}", name, tolerance),
                     fmt::format("{:.3f} s wall ({:.0f}% of power), {} iterations, {:.3f} s "
                                 "set-up, L1 difference to power {:.1e}",
                                 wall, 100.0 * wall / power_seconds, r.iterations,
                                 r.setup_seconds, l1(power_scores, r.scores)));
            const std::string key = fmt::format("tts_{}_{:.0e}", name, tolerance);
            rep.put(key + "_seconds", wall);
            rep.put(key + "_iterations", static_cast<double>(r.iterations));
        }
    }
}

/// --incremental: 0.1% new random links; cold start vs warm start from the old scores, both
/// to 1e-9.
void time_incremental(report& rep, const bench_args& a, const kronecker_options& k,
                      const csr_graph& g, const pagerank_options& o) {
    pagerank_options p = o;
    p.tolerance = 1e-9;
    p.max_iterations = 1000;
    const auto before = pagerank(g, p);
    edge_list edges = kronecker_edges(k);
    const auto extra = erdos_renyi_edges(edges.num_nodes, edges.num_edges() / 1000, a.seed + 1);
    edges.src.insert(edges.src.end(), extra.src.begin(), extra.src.end());
    edges.dst.insert(edges.dst.end(), extra.dst.begin(), extra.dst.end());
    build_options bo;
    bo.lean = a.lean;
    const csr_graph changed = build_graph(edges, bo);
    edges = {};
    const auto cold = pagerank(changed, p);
    p.start = before.scores;
    const auto warm = pagerank(changed, p);
    rep.line("incremental (+0.1% links)",
             fmt::format("cold {} iterations {:.3f} s, warm {} iterations {:.3f} s "
                         "({:.0f}% saved), L1 warm vs cold {:.1e}",
                         cold.iterations, cold.seconds, warm.iterations, warm.seconds,
                         100.0 * (1 - warm.seconds / cold.seconds), l1(cold.scores, warm.scores)));
    rep.put("incremental_cold_iterations", cold.iterations);
    rep.put("incremental_warm_iterations", warm.iterations);
}

/// --topics K: --trials runs of topic_pagerank with K topics of 100 random seeds each, per pass
/// against `best` (one PageRank's best seconds per iteration) and in total.
void time_topics(report& rep, const bench_args& a, const csr_graph& g, const pagerank_options& o,
                 double best) {
    const double m = static_cast<double>(g.num_edges());
    std::mt19937_64 rng(a.seed + 2);
    std::vector<topic_seeds> topics(a.topics);
    for (std::size_t t = 0; t < a.topics; ++t) {
        topics[t].name = fmt::format("topic{}", t);
        for (int s = 0; s < 100; ++s)
            topics[t].nodes.push_back(static_cast<node_id>(rng() % g.num_nodes()));
    }
    topic_pagerank_options to;
    to.pagerank.tolerance = o.tolerance;
    to.pagerank.max_iterations = o.max_iterations;
    to.pagerank.node_order = o.node_order;  // --by-degree: both runs relabelled
    const pagerank_result single = pagerank(g, o);
    double best_pass = 1e300, best_total = 1e300;
    for (int t = 0; t < a.trials; ++t) {
        const topic_pagerank_result r = topic_pagerank(g, topics, to);
        // Per iteration of the slowest topic: with batches of 8 topics an iteration is one
        // pass per batch (r.passes counts them all).
        const std::size_t its = *std::max_element(r.iterations.begin(), r.iterations.end());
        const double per = r.seconds / static_cast<double>(std::max<std::size_t>(1, its));
        best_pass = std::min(best_pass, per);
        best_total = std::min(best_total, r.seconds + r.setup_seconds);
        rep.line(fmt::format("{} topics trial {}", a.topics, t + 1),
                 fmt::format("{:.3f} s, {} iterations ({} passes), {:.2f} ms/iteration, "
                             "{:.3f} ns/edge/iteration (+{:.3f} s setup)",
                             r.seconds, its, r.passes, 1e3 * per, 1e9 * per / m,
                             r.setup_seconds));
    }
    rep.line(fmt::format("{} topics vs 1 pagerank", a.topics),
             fmt::format("{:.2f}x the time per iteration; {:.2f}x in total ({:.3f} s vs "
                         "{:.3f} s for {} iterations)",
                         best_pass / best, best_total / (single.seconds + single.setup_seconds),
                         best_total, single.seconds + single.setup_seconds, single.iterations));
    rep.put("topics_ms_per_pass", 1e3 * best_pass);
    rep.put("topics_vs_pagerank_per_iteration", best_pass / best);
    rep.put("topics_vs_pagerank_total", best_total / (single.seconds + single.setup_seconds));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_pagerank: PageRank speed and memory on a Kronecker graph"};
    bench_args a;
    add_options(app, a);
    CLI11_PARSE(app, argc, argv);
    report rep;

    const double rss0 = current_rss_bytes();
    const kronecker_options k = generator_options(a);
    const built_graph b = make_graph(a, k);
    const csr_graph& g = b.g;
    const double build_peak = peak_rss_bytes() - rss0;
    if (!a.save_path.empty()) io::save_snapshot(a.save_path, g);
    report_graph(rep, a, b, build_peak);

    pagerank_options o;
    o.tolerance = a.tolerance;
    o.max_iterations = a.max_iterations;
    o.solver = parse_enum<pagerank_solver>(a.solver, option_info("solver", ""), "bench_pagerank");
    o.node_order = a.by_degree && !a.stream_ordered ? pagerank_node_order::by_degree
                                                    : pagerank_node_order::as_built;
    const double best = time_pagerank(rep, a, g, o);
    if (a.scaling) time_one_thread(rep, a, g, o, best);
    if (a.topics > 0) time_topics(rep, a, g, o, best);
    if (a.solvers) compare_solvers(rep, g, o);
    if (a.time_to_solution) time_to_solution(rep, g, o);
    if (a.incremental && !a.stream) time_incremental(rep, a, k, g, o);

    const double m = static_cast<double>(g.num_edges());
    rep.line("peak RSS", fmt::format("{:.1f} MB ({:.2f} bytes/edge)", peak_rss_bytes() / 1e6,
                                     peak_rss_bytes() / m));
    rep.put("peak_rss_bytes", peak_rss_bytes());
    rep.put("peak_rss_bytes_per_edge", peak_rss_bytes() / m);
    if (!a.json.empty()) rep.write_json(a.json, graph_name(a));
    return 0;
}
