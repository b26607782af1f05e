// SPDX-License-Identifier: MIT
// `linkequity hits FILE`: HITS hubs and authorities (docs/centrality.md) of an integer edge-list
// file (as `linkequity pagerank FILE` reads it), with the top authorities and the iterations.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "command.hpp"
#include "linkequity/algo/hits.hpp"
#include "linkequity/io/link_source.hpp"
#include "linkequity/linkequity.hpp"
#include "option_flags.hpp"
#include "output.hpp"

namespace linkequity::cli::cmd_hits {
namespace {

struct hits_args {
    std::string file;
    hits_options options;  ///< --tolerance, --max-iterations, --weighted, --excluded
    std::size_t top = 10;
};

void run(const hits_args& a) {
    require_input_files({a.file});
    const csr_graph g = build_graph(io::read_edge_list(a.file, io::read_options{}, nullptr));
    const hits_result r = hits(g, a.options);
    fmt::print("graph        {}: {} nodes, {} edges\n", a.file, thousands(g.num_nodes()),
               thousands(g.num_edges()));
    fmt::print("hits         {} iterations, residual {:.3e}, {}\n", r.iterations, r.residual,
               duration(r.seconds));
    if (!r.converged)
        fmt::print(stderr, "linkequity: warning: not converged after {} iterations\n",
                   r.iterations);
    std::vector<node_id> order(g.num_nodes());
    std::iota(order.begin(), order.end(), node_id{0});
    const std::size_t k = std::min(a.top, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](node_id x, node_id y) {
                          const double ax = r.authorities[x], ay = r.authorities[y];
                          return ax > ay || (ax == ay && x < y);
                      });
    fmt::print("\n{:>5}  {:>10}  {:>12}  {:>12}\n", "rank", "node", "authority", "hub");
    for (std::size_t i = 0; i < k; ++i)
        fmt::print("{:>5}  {:>10}  {:>12.6e}  {:>12.6e}\n", i + 1, order[i],
                   r.authorities[order[i]], r.hubs[order[i]]);
}

const command_registrar reg{51, [](CLI::App& app) {
    auto a = std::make_shared<hits_args>();
    CLI::App* cmd = app.add_subcommand(
        "hits", "HITS hubs and authorities of an integer edge-list FILE (docs/centrality.md)");
    cmd->add_option("file", a->file, "Integer edge list, as `linkequity pagerank FILE` reads")
        ->required();
    add_option_flags(*cmd, a->options, "hits");
    cmd->add_option("--top", a->top, "How many top authorities to print")->capture_default_str();
    add_threads_option(*cmd);
    cmd->callback([a] { run(*a); });
}};

}  // namespace
}  // namespace linkequity::cli::cmd_hits
