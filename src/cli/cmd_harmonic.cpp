// SPDX-License-Identifier: MIT
// `linkequity harmonic FILE`: harmonic centrality (exact or HyperBall, docs/centrality.md) of an
// integer edge-list file (as `linkequity pagerank FILE` reads it), with the top nodes and time.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "command.hpp"
#include "linkequity/algo/harmonic.hpp"
#include "linkequity/io/link_source.hpp"
#include "linkequity/linkequity.hpp"
#include "option_flags.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_harmonic {
namespace {

struct harmonic_args {
    std::string file;
    harmonic_options options;  ///< --method, --registers-log2, --seed, --excluded
    std::size_t top = 10;
};

void run(const harmonic_args& a) {
    require_input_files({a.file});
    const csr_graph g = build_graph(io::read_edge_list(a.file, io::read_options{}, nullptr));
    const harmonic_result r = harmonic_centrality(g, a.options);
    fmt::print("graph        {}: {} nodes, {} edges\n", a.file, thousands(g.num_nodes()),
               thousands(g.num_edges()));
    if (r.exact)
        fmt::print("harmonic     exact, {} BFS levels, {}\n", r.iterations, duration(r.seconds));
    else
        fmt::print("harmonic     HyperBall, {} registers (relative standard error {:.3f}), {} "
                   "iterations, {}\n",
                   r.registers, r.relative_standard_error, r.iterations, duration(r.seconds));
    std::vector<node_id> order(g.num_nodes());
    std::iota(order.begin(), order.end(), node_id{0});
    const std::size_t k = std::min(a.top, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](node_id x, node_id y) {
                          return r.scores[x] > r.scores[y] || (r.scores[x] == r.scores[y] && x < y);
                      });
    fmt::print("\n{:>5}  {:>10}  {:>14}  {:>8}\n", "rank", "node", "harmonic", "in-deg");
    for (std::size_t i = 0; i < k; ++i)
        fmt::print("{:>5}  {:>10}  {:>14.6f}  {:>8}\n", i + 1, order[i], r.scores[order[i]],
                   g.in_degree(order[i]));
}

const command_registrar reg{52, [](CLI::App& app) {
    auto a = std::make_shared<harmonic_args>();
    CLI::App* cmd = app.add_subcommand(
        "harmonic",
        "Harmonic centrality Σ 1/d(u,v) of an integer edge-list FILE: exact (parallel BFS) or "
        "HyperBall by size (docs/centrality.md)");
    cmd->add_option("file", a->file, "Integer edge list, as `linkequity pagerank FILE` reads")
        ->required();
    add_option_flags(*cmd, a->options, "harmonic_centrality");
    cmd->add_option("--top", a->top, "How many top nodes to print")->capture_default_str();
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_harmonic
