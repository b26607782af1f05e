// SPDX-License-Identifier: MIT
// `linkequity pagerank`: PageRank of an integer graph — a generated Kronecker / Erdős–Rényi graph
// (the default: Kronecker scale 16) or an edge-list file — with the top nodes and timings.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <numeric>

#include "command.hpp"
#include "option_flags.hpp"
#include "linkequity/io/snapshot.hpp"
#include "linkequity/linkequity.hpp"

namespace linkequity::cli {
namespace {

struct pagerank_args {
    std::string generator = "kronecker";
    kronecker_options gen;  ///< --scale, --edge-factor, --seed, --symmetrize
    pagerank_options options;  ///< --damping, --tolerance, ... (pagerank_options::fields)
    std::size_t top = 10;
    bool verify = false;
    std::string snapshot;
    std::string snapshot_verify = "checksums";
};

csr_graph generate_and_build(const pagerank_args& a, double& t_gen, double& t_build);
void report(const pagerank_args& a, const csr_graph& g, const std::string& source, double t_gen,
            double t_build);

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void run(const pagerank_args& a) {
    auto t0 = std::chrono::steady_clock::now();
    csr_graph g;
    std::string source;
    double t_gen = 0, t_build = 0;
    if (!a.snapshot.empty()) {
        io::snapshot_load_options lo;
        lo.verify = parse_enum<io::snapshot_verify>(
            a.snapshot_verify, option_info("snapshot_verify", ""), "pagerank");
        g = io::load_snapshot(a.snapshot, lo).take_graph();
        t_build = seconds_since(t0);
        source = fmt::format("snapshot {} (opened and verified ({}) in {:.3f} s)", a.snapshot,
                             a.snapshot_verify, t_build);
    } else {
        source = fmt::format("{} (scale {}, edge factor {}{})", a.generator, a.gen.scale,
                             a.gen.edge_factor, a.gen.symmetrize ? ", symmetrized" : "");
        g = generate_and_build(a, t_gen, t_build);
    }
    report(a, g, source, t_gen, t_build);
}

csr_graph generate_and_build(const pagerank_args& a, double& t_gen, double& t_build) {
    auto t0 = std::chrono::steady_clock::now();
    edge_list edges;
    if (a.generator == "kronecker") {
        const kronecker_options& k = a.gen;
        edges = kronecker_edges(k);
    } else {
        const std::size_t n = std::size_t{1} << a.gen.scale;
        edges = erdos_renyi_edges(n, static_cast<std::size_t>(a.gen.edge_factor * n), a.gen.seed);
    }
    t_gen = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    csr_graph g = build_graph(edges);
    t_build = seconds_since(t0);
    return g;
}

void report(const pagerank_args& a, const csr_graph& g, const std::string& source, double t_gen,
            double t_build) {
    const pagerank_options& o = a.options;
    const pagerank_result r = pagerank(g, o);

    fmt::print("graph        {}: {} nodes, {} edges{}\n", source, g.num_nodes(), g.num_edges(),
               g.is_lean() ? " (lean)" : "");
    if (a.snapshot.empty())
        fmt::print("generate     {:.3f} s\nbuild        {:.3f} s ({:.1f} MB)\n", t_gen, t_build,
                   g.memory_bytes() / 1e6);
    fmt::print("pagerank     {:.3f} s, {} iterations, {:.2f} ms/iteration, {:.3f} ns/edge/iteration\n",
               r.seconds, r.iterations, 1e3 * r.seconds / std::max<std::size_t>(1, r.iterations),
               1e9 * r.seconds /
                   (std::max<std::size_t>(1, r.iterations) * std::max<std::size_t>(1, g.num_edges())));
    fmt::print("converged    {} (residual {:.3e}, tolerance {:.1e})\n", r.converged ? "yes" : "NO",
               r.residual, o.tolerance);
    if (!r.converged)
        fmt::print(stderr, "linkequity: warning: not converged after {} iterations\n", r.iterations);
    if (a.verify && g.is_lean()) {
        fmt::print("verify       skipped: a lean graph has no out-adjacency to push along\n");
    } else if (a.verify) {
        const auto check = verify_pagerank(g, r.scores, o, 10 * o.tolerance);
        fmt::print("verify       {}\n", check.message);
        if (!check.ok) throw std::runtime_error("verification failed: " + check.message);
    }
    std::vector<node_id> order(g.num_nodes());
    std::iota(order.begin(), order.end(), node_id{0});
    const std::size_t k = std::min(a.top, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](node_id x, node_id y) { return r.scores[x] > r.scores[y]; });
    fmt::print("\n{:>5}  {:>10}  {:>12}  {:>8}  {:>8}\n", "rank", "node", "score", "in-deg",
               "out-deg");
    for (std::size_t i = 0; i < k; ++i)
        fmt::print("{:>5}  {:>10}  {:>12.6e}  {:>8}  {:>8}\n", i + 1, order[i], r.scores[order[i]],
                   g.in_degree(order[i]),
                   g.is_lean() ? static_cast<std::size_t>(g.lean_out_weight()[order[i]])
                               : g.out_degree(order[i]));
}

const command_registrar reg{50, [](CLI::App& app) {
    auto args = std::make_shared<pagerank_args>();
    CLI::App* cmd = app.add_subcommand(
        "pagerank", "PageRank of a generated integer graph (Kronecker or Erdős–Rényi)");
    cmd->add_option("--generator", args->generator, "Graph generator")
        ->check(CLI::IsMember({"kronecker", "erdos-renyi"}))
        ->capture_default_str();
    add_kronecker_options(*cmd, args->gen);
    add_option_flags(*cmd, args->options, "pagerank");
    cmd->add_flag_callback(
           "--by-degree",
           [args] { args->options.node_order = pagerank_node_order::by_degree; },
           "Same as --node-order by_degree")
        ->excludes("--node-order");
    cmd->add_option("--top", args->top, "How many top nodes to print")->capture_default_str();
    cmd->add_flag("--verify", args->verify, "Check the result with an independent push step");
    auto* snap = cmd->add_option("--snapshot", args->snapshot,
                                 "Score a binary snapshot (from `linkequity snapshot`) instead of "
                                 "generating a graph")
                     ->check(CLI::ExistingFile);
    for (const char* opt : {"--generator", "--scale", "--edge-factor", "--seed", "--symmetrize"})
        snap->excludes(opt);
    cmd->add_option("--snapshot-verify", args->snapshot_verify,
                    "Checks on opening: none (trusted files), structure, checksums")
        ->check(CLI::IsMember(choice_names<io::snapshot_verify>()))
        ->capture_default_str();
    add_threads_option(*cmd);
    cmd->callback([args] { run(*args); });
}};

}  // namespace
}  // namespace linkequity::cli
