// SPDX-License-Identifier: MIT
// `linkequity pagerank`: PageRank of an integer graph — a generated Kronecker / Erdős–Rényi graph
// (the default: Kronecker scale 16) or an edge-list file (SNAP / GAPBS .el .wel / Matrix Market,
// gzip allowed: io::read_edge_list) — with the top nodes and timings.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "command.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "node_seeds.hpp"
#include "linkequity/io/link_source.hpp"
#include "option_flags.hpp"
#include "linkequity/io/snapshot.hpp"
#include "linkequity/linkequity.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_pagerank {
namespace {

struct pagerank_args {
    graph_generator generator = graph_generator::kronecker;
    kronecker_options gen;  ///< --scale, --edge-factor, --seed, --symmetrize
    pagerank_options options;  ///< --damping, --tolerance, ... (pagerank_options::fields)
    std::size_t top = 10;
    bool verify = false;
    std::string snapshot;
    std::string snapshot_verify = "checksums";
    std::string file;       ///< FILE: an integer edge list (empty = generate)
    bool skip_bad = false;  ///< --skip-bad: skip and count bad lines of FILE
    std::string scores;     ///< --scores FILE: every node's score as CSV (node,score)
    std::string trusted;    ///< --trusted FILE: TrustRank from these seed node ids
};

csr_graph generate_and_build(const pagerank_args& a, double& t_gen, double& t_build);
csr_graph read_and_build(const pagerank_args& a, std::string& source, double& t_read,
                         double& t_build);
void report(const pagerank_args& a, const csr_graph& g, const std::string& source, double t_gen,
            double t_build);

void run(const pagerank_args& a) {
    detail::stopwatch t0;
    csr_graph g;
    std::string source;
    double t_gen = 0, t_build = 0;
    if (!a.snapshot.empty()) {
        io::snapshot_load_options lo;
        lo.verify = parse_enum<io::snapshot_verify>(
            a.snapshot_verify, option_info("snapshot_verify", ""), "pagerank");
        g = io::load_snapshot(a.snapshot, lo).take_graph();
        t_build = t0.seconds();
        source = fmt::format("snapshot {} (opened and verified ({}) in {:.3f} s)", a.snapshot,
                             a.snapshot_verify, t_build);
    } else if (!a.file.empty()) {
        g = read_and_build(a, source, t_gen, t_build);
    } else {
        source = fmt::format("{} (scale {}, edge factor {}{})", to_string(a.generator), a.gen.scale,
                             a.gen.edge_factor, a.gen.symmetrize ? ", symmetrized" : "");
        g = generate_and_build(a, t_gen, t_build);
    }
    report(a, g, source, t_gen, t_build);
}

csr_graph generate_and_build(const pagerank_args& a, double& t_gen, double& t_build) {
    detail::stopwatch t0;
    edge_list edges;
    if (a.generator == graph_generator::kronecker) {
        const kronecker_options& k = a.gen;
        edges = kronecker_edges(k);
    } else {
        const std::size_t n = std::size_t{1} << a.gen.scale;
        edges = erdos_renyi_edges(n, static_cast<std::size_t>(a.gen.edge_factor * n), a.gen.seed);
    }
    t_gen = t0.seconds();
    t0.restart();
    csr_graph g = build_graph(edges);
    t_build = t0.seconds();
    return g;
}

/// FILE → edge list (strict, or lenient with --skip-bad: the skipped lines are counted in
/// `source` and the first examples go to stderr) → graph. Ids as in the file (SNAP: max id + 1
/// nodes; Matrix Market: the size line). Missing file: exit 3; bad line (strict): exit 1.
csr_graph read_and_build(const pagerank_args& a, std::string& source, double& t_read,
                         double& t_build) {
    require_input_files({a.file});
    detail::stopwatch t0;
    io::read_options ro;
    ro.skip_bad = a.skip_bad;
    io::read_report rep;
    const edge_list edges = io::read_edge_list(a.file, ro, &rep);
    t_read = t0.seconds();
    for (const auto& example : rep.examples)
        fmt::print(stderr, "linkequity: skipped {}\n", example);
    source = fmt::format("{} ({} lines, {} skipped{})", a.file, rep.rows, rep.skipped,
                         edges.weights.empty() ? "" : ", weighted");
    t0.restart();
    csr_graph g = build_graph(edges);
    t_build = t0.seconds();
    return g;
}

void report(const pagerank_args& a, const csr_graph& g, const std::string& source, double t_gen,
            double t_build) {
    const pagerank_options& o = a.options;
    pagerank_options solved = o;  // with --trusted: the seeds' v, for --verify
    seed_set seeds;
    if (!a.trusted.empty()) {
        seeds = read_node_seeds(a.trusted);
        solved.personalization = seeds.distribution(g.num_nodes(), "pagerank --trusted");
    }
    const pagerank_result r = a.trusted.empty() ? pagerank(g, o) : trustrank(g, seeds, o);

    fmt::print("graph        {}: {} nodes, {} edges{}\n", source, g.num_nodes(), g.num_edges(),
               g.is_lean() ? " (lean)" : "");
    if (a.snapshot.empty())
        fmt::print("{}     {:.3f} s\nbuild        {:.3f} s ({:.1f} MB)\n",
                   a.file.empty() ? "generate" : "read    ", t_gen, t_build,
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
        const auto check = verify_pagerank(g, r.scores, solved, 10 * o.tolerance);
        fmt::print("verify       {}\n", check.message);
        if (!check.ok) throw std::runtime_error("verification failed: " + check.message);
    }
    if (!a.scores.empty()) {
        atomic_output out(a.scores);
        out.stream() << "node,score\n";
        for (std::size_t i = 0; i < r.scores.size(); ++i)
            out.stream() << fmt::format("{},{:.17g}\n", i, r.scores[i]);
        out.commit();
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
        "pagerank",
        "PageRank of an integer graph: an edge-list FILE, or a generated one (Kronecker or "
        "Erdős–Rényi)");
    auto* file =
        cmd->add_option("file", args->file,
                        "Integer edge list: SNAP-style 'src dst [weight]' lines (whitespace or "
                        "comma, # comments; also GAPBS .el/.wel), ids as given, n = max id + 1; "
                        "or Matrix Market coordinate (%%MatrixMarket banner; 1-based; pattern, "
                        "real or integer; general or symmetric; n from the size line). Gzip is "
                        "recognised by its magic bytes. Default: generate a graph");
    cmd->add_flag("--skip-bad", args->skip_bad,
                  "Skip and count bad lines of FILE instead of stopping at the first (exit 1)")
        ->needs(file);
    add_choice_flag(*cmd, option_info("generator", "Graph generator"), "pagerank",
                    choices_of<graph_generator>(), static_cast<long long>(args->generator),
                    [args](long long v) { args->generator = static_cast<graph_generator>(v); });
    add_kronecker_options(*cmd, args->gen);
    add_option_flags(*cmd, args->options, "pagerank");
    cmd->add_flag_callback(
           "--by-degree",
           [args] { args->options.node_order = pagerank_node_order::by_degree; },
           "Same as --node-order by_degree")
        ->excludes("--node-order");
    cmd->add_option("--top", args->top, "How many top nodes to print")->capture_default_str();
    cmd->add_option("--scores", args->scores,
                    "Write every node's score to this CSV file (node,score; 17 digits)");
    cmd->add_option("--trusted", args->trusted,
                    "TrustRank: teleport to the seed node ids in this file (one per line, "
                    "optionally with a weight; # comments), dangling score too");
    cmd->add_flag("--verify", args->verify, "Check the result with an independent push step");
    auto* snap = cmd->add_option("--snapshot", args->snapshot,
                                 "Score a binary snapshot (from `linkequity snapshot`) instead of "
                                 "generating a graph")
                     ->check(CLI::ExistingFile);
    for (const char* opt : {"--generator", "--scale", "--edge-factor", "--seed", "--symmetrize"}) {
        snap->excludes(opt);
        file->excludes(opt);
    }
    snap->excludes(file);
    cmd->add_option("--snapshot-verify", args->snapshot_verify,
                    "Checks on opening: none (trusted files), structure, checksums")
        ->check(CLI::IsMember(choice_names<io::snapshot_verify>()))
        ->capture_default_str();
    add_threads_option(*cmd);
    cmd->callback([args] { run(*args); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_pagerank
