// SPDX-License-Identifier: MIT
// link_gain benchmark: the gain of every candidate source for one target on a 1M-node graph
// (Kronecker, or the page graph of a synthetic web), against the time of one PageRank run with
// the same options (issue 14's target: all candidates within the time of 10 PageRank runs), and
// a sample of the gains checked against a full recompute with the link added.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "linkequity/algo/link_gain.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/linkequity.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"

using namespace linkequity;

namespace {

csr_graph web_pages(std::size_t links, std::uint64_t seed) {
    web::synthetic_web_options w;
    w.links = links;
    w.domains = std::max<std::size_t>(1000, links / 50);
    w.seed = seed;
    const web::synthetic_web web(w);
    web::web_graph_builder builder;
    web.generate([&](span<const io::raw_link> batch) {
        for (const auto& l : batch) builder.add(l);
    });
    return web::page_graph(builder.finish());
}

/// The node of median score among those with a score above the floor (a mid-ranked target).
node_id mid_ranked(const std::vector<double>& x) {
    std::vector<node_id> ids(x.size());
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<node_id>(i);
    const double floor = *std::min_element(x.begin(), x.end());
    ids.erase(std::remove_if(ids.begin(), ids.end(), [&](node_id i) { return x[i] <= floor * 1.01; }),
              ids.end());
    std::nth_element(ids.begin(), ids.begin() + ids.size() / 2, ids.end(),
                     [&](node_id a, node_id b) { return x[a] < x[b]; });
    return ids[ids.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_link_gain: link gains of every candidate vs PageRank runs"};
    std::string graph = "kronecker";
    unsigned scale = 20;
    double edge_factor = 8;
    std::size_t links = 25'000'000, checks = 5;
    std::uint64_t seed = 1;
    long long target = -1;
    link_gain_options o;
    o.pagerank.max_iterations = 1000;
    app.add_option("--graph", graph, "kronecker or web")->check(CLI::IsMember({"kronecker", "web"}))
        ->capture_default_str();
    app.add_option("--scale", scale, "Kronecker: 2^scale nodes")->capture_default_str();
    app.add_option("--edge-factor", edge_factor, "Kronecker: edges per node")->capture_default_str();
    app.add_option("--links", links, "web: link rows of the synthetic web")->capture_default_str();
    app.add_option("--seed", seed, "Seed")->capture_default_str();
    app.add_option("--target", target, "Target node (default: the median-ranked linked node)");
    app.add_option("--tolerance", o.pagerank.tolerance, "PageRank tolerance")->capture_default_str();
    app.add_option("--relative-error", o.relative_error, "Gain error target")->capture_default_str();
    app.add_option("--checks", checks, "Gains checked by a full recompute")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    detail::stopwatch t;
    csr_graph g;
    if (graph == "web") {
        g = web_pages(links, seed);
    } else {
        kronecker_options k;
        k.scale = scale;
        k.edge_factor = edge_factor;
        k.seed = seed;
        g = build_graph(kronecker_edges(k));
    }
    fmt::print("graph        {}: {} nodes, {} edges ({:.1f} s)\n", graph, g.num_nodes(),
               g.num_edges(), t.seconds());
    t.restart();
    const pagerank_result pr = pagerank(g, o.pagerank);
    const double one_run = t.seconds();
    fmt::print("pagerank     {} iterations, {:.2f} s (one run, setup included)\n", pr.iterations,
               one_run);
    const node_id tg = target >= 0 ? static_cast<node_id>(target) : mid_ranked(pr.scores);
    t.restart();
    const link_gain_result r = link_gain(g, tg, {}, o);
    const double all = t.seconds();
    double worst = 0, mean = 0;
    for (const auto& row : r.rows) {
        const double rel = row.gain > 0 ? row.error_bound / row.gain : 0;
        worst = std::max(worst, rel);
        mean += rel;
    }
    fmt::print("link_gain    target {} (score {:.3e}): {} candidates in {:.2f} s = {:.2f} PageRank "
               "runs\n", tg, r.score, r.rows.size(), all, all / one_run);
    fmt::print("  parts      pagerank {:.2f} s, solves {:.2f} s ({} iterations), candidates {:.2f} s "
               "({} pushes, {:.0f} per candidate)\n", r.seconds_pagerank, r.seconds_solves,
               r.solve_iterations, r.seconds_candidates, r.pushes,
               static_cast<double>(r.pushes) / std::max<std::size_t>(1, r.rows.size()));
    fmt::print("  bounds     error_bound / gain: mean {:.2e}, worst {:.2e}\n",
               mean / std::max<std::size_t>(1, r.rows.size()), worst);
    for (std::size_t c = 0; c < checks && !r.rows.empty(); ++c) {
        const auto& row = r.rows[c * (r.rows.size() - 1) / std::max<std::size_t>(1, checks - 1)];
        const auto after = pagerank(with_followable_link(g, row.source, tg), o.pagerank);
        const double truth = after.scores[tg] - r.score;
        fmt::print("  check      source {:>8}: gain {:.6e}, recomputed {:.6e}, |diff| {:.1e} "
                   "(bound {:.1e})\n", row.source, row.gain, truth, std::fabs(row.gain - truth),
                   row.error_bound);
    }
    return 0;
}
