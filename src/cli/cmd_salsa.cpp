// SPDX-License-Identifier: MIT
// `linkequity salsa FILE --seeds IDS`: personalised SALSA (docs/trust.md) of an integer
// edge-list file (as `linkequity pagerank FILE` reads it) from seed node ids, with the top hubs
// (nodes that link like the seeds) and the top authorities (what those link to).
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "command.hpp"
#include "linkequity/algo/salsa.hpp"
#include "linkequity/io/link_source.hpp"
#include "linkequity/linkequity.hpp"
#include "option_flags.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_salsa {
namespace {

struct salsa_args {
    std::string file;
    std::vector<node_id> seeds;
    salsa_options options;  ///< pagerank's flags but the per-node ones, and --hub-share
    std::size_t top = 10;
};

/// The `k` nodes with the highest `score`, ties by id.
std::vector<node_id> top_nodes(const std::vector<double>& score, std::size_t k) {
    std::vector<node_id> order(score.size());
    std::iota(order.begin(), order.end(), node_id{0});
    k = std::min(k, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](node_id x, node_id y) {
                          return score[x] > score[y] || (score[x] == score[y] && x < y);
                      });
    order.resize(k);
    return order;
}

void run(const salsa_args& a) {
    require_input_files({a.file});
    const csr_graph g = build_graph(io::read_edge_list(a.file, io::read_options{}, nullptr));
    const salsa_result r = salsa(g, seed_set{a.seeds, {}}, a.options);
    fmt::print("graph        {}: {} nodes, {} edges\n", a.file, thousands(g.num_nodes()),
               thousands(g.num_edges()));
    fmt::print("salsa        {} seeds, {} iterations, residual {:.3e}, {}\n", a.seeds.size(),
               r.iterations, r.residual, duration(r.seconds));
    if (!r.converged)
        fmt::print(stderr, "linkequity: warning: not converged after {} iterations\n",
                   r.iterations);
    for (const bool hubs : {true, false}) {
        fmt::print("\n{:>5}  {:>10}  {:>12}  {:>12}   (by {})\n", "rank", "node", "hub",
                   "authority", hubs ? "hub" : "authority");
        const auto order = top_nodes(hubs ? r.hubs : r.authorities, a.top);
        for (std::size_t i = 0; i < order.size(); ++i)
            fmt::print("{:>5}  {:>10}  {:>12.6e}  {:>12.6e}\n", i + 1, order[i],
                       r.hubs[order[i]], r.authorities[order[i]]);
    }
}

const command_registrar reg{53, [](CLI::App& app) {
    auto a = std::make_shared<salsa_args>();
    CLI::App* cmd = app.add_subcommand(
        "salsa", "Personalised SALSA hubs and authorities of an integer edge-list FILE from seed "
                 "nodes, e.g. known spam (docs/trust.md)");
    cmd->add_option("file", a->file, "Integer edge list, as `linkequity pagerank FILE` reads")
        ->required();
    cmd->add_option("--seeds", a->seeds, "Seed node ids, comma-separated (e.g. known spam)")
        ->required()
        ->delimiter(',');
    add_option_flags(*cmd, a->options, "salsa");
    cmd->add_option("--top", a->top, "How many top hubs and authorities to print")
        ->capture_default_str();
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_salsa
