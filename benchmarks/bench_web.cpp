// SPDX-License-Identifier: MIT
// Web-model benchmark: a synthetic web of --links links streamed into the web-graph builder,
// then page graph → host graph → domain graph contraction and PageRank on each, with the time,
// resident memory and peak memory after every stage; --solvers compares power iteration,
// quadratic extrapolation and Gauss–Seidel to 1e-9 on the (web-shaped) page graph.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/resource.h>

#include <cmath>
#include <fstream>

#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/linkequity.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"

using namespace linkequity;

namespace {

double peak_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

double rss_mb() {
    std::ifstream f("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    f >> pages >> resident;
    return static_cast<double>(resident) * 4096.0 / 1e6;
}

struct stage_timer {
    linkequity::detail::stopwatch timer;
    void done(const std::string& stage, const std::string& what) {
        const double s = timer.seconds();
        fmt::print("{:<26} {:>8.2f} s  rss {:>8.0f} MB  peak {:>8.0f} MB  {}\n", stage + ":", s,
                   rss_mb(), peak_mb(), what);
        std::fflush(stdout);
        timer.restart();  // the printing is not the next stage's time
    }
};

std::string graph_size(const csr_graph& g) {
    return fmt::format("{} nodes, {} edges, {:.0f} MB", g.num_nodes(), g.num_edges(),
                       g.memory_bytes() / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_web: synthetic web → web graph → page/host/domain graphs → PageRank"};
    web::synthetic_web_options w;
    w.links = 10'000'000;
    w.domains = 200'000;
    bool solvers = false;
    app.add_option("--links", w.links, "Links to generate")->capture_default_str();
    app.add_option("--domains", w.domains, "Registrable domains")->capture_default_str();
    app.add_option("--seed", w.seed, "Seed")->capture_default_str();
    app.add_flag("--solvers", solvers, "Compare solvers to 1e-9 on the page graph");
    CLI11_PARSE(app, argc, argv);

    stage_timer t;
    const web::synthetic_web web(w);
    t.done("synthetic web structure",
           fmt::format("{} domains, {} hosts, {} pages", web.num_domains(), web.num_hosts(),
                       web.num_pages()));
    web::web_graph_builder builder;
    const auto stats = web.generate([&](span<const io::raw_link> batch) {
        for (const auto& l : batch) builder.add(l);
    });
    t.done("generate + intern links", fmt::format("{} rows", stats.links));
    const web::web_graph g = builder.finish();
    t.done("web graph (finish)", fmt::format("{} pages, {} hosts, {} domains, {} links, {:.0f} MB",
                                             g.num_pages(), g.num_hosts(), g.num_domains(),
                                             g.num_links(), g.memory_bytes() / 1e6));
    const csr_graph pages = web::page_graph(g);
    t.done("page graph", graph_size(pages));
    const csr_graph hosts = web::contract(g, web::graph_level::host);
    t.done("host graph", graph_size(hosts));
    const csr_graph domains = web::contract(g, web::graph_level::domain);
    t.done("domain graph", graph_size(domains));
    pagerank_options o;
    o.tolerance = 1e-10;
    o.max_iterations = 1000;
    for (const auto& [name, graph] :
         {std::pair<const char*, const csr_graph*>{"pagerank pages", &pages},
          {"pagerank hosts", &hosts},
          {"pagerank domains", &domains}}) {
        const auto r = pagerank(*graph, o);
        t.done(name, fmt::format("{} iterations, {:.3f} ns/edge/iteration", r.iterations,
                                 1e9 * r.seconds / std::max<std::size_t>(1, r.iterations) /
                                     std::max<std::size_t>(1, graph->num_edges())));
    }
    if (solvers) {
        o.tolerance = 1e-9;
        const auto power = pagerank(pages, o);
        pagerank_options q = o;
        q.acceleration = pagerank_acceleration::quadratic;
        const auto qe = pagerank(pages, q);
        pagerank_options gs = o;
        gs.solver = pagerank_solver::gauss_seidel;
        const auto gsr = pagerank(pages, gs);
        auto l1 = [&](const std::vector<double>& a) {
            double s = 0;
            for (std::size_t i = 0; i < a.size(); ++i) s += std::fabs(a[i] - power.scores[i]);
            return s;
        };
        fmt::print("page graph to 1e-9: power {} it {:.2f} s; quadratic {} it ({:.0f}%) {:.2f} s "
                   "L1 {:.1e}; gauss-seidel {} it ({:.0f}%) {:.2f} s L1 {:.1e}\n",
                   power.iterations, power.seconds, qe.iterations,
                   100.0 * qe.iterations / power.iterations, qe.seconds, l1(qe.scores),
                   gsr.iterations, 100.0 * gsr.iterations / power.iterations, gsr.seconds,
                   l1(gsr.scores));
    }
    return 0;
}
