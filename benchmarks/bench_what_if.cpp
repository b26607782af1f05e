// SPDX-License-Identifier: MIT
// What-if benchmark: the synthetic web of `linkequity generate --domains D --links L --seed S`
// built in memory, scored once; then a share of its links edited (half removed, half added between
// random existing pages) and re-scored by analysis::what_if warm-started, against a full cold
// recompute (compute_authority) of the same edited graph: time, PageRank iterations and the L1
// gap between the two. The what-if's time includes the edit and the delta tables; the full
// recompute's does not include making the edited graph.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>

#include "linkequity/analysis/what_if.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/web/synthetic_web.hpp"

using namespace linkequity;

namespace {

/// About `count` changed link rows: removals of random link pairs (all their parallel rows) until
/// count / 2 rows are gone, and count / 2 additions between random pages.
std::vector<web::link_edit> random_edits(const web::web_graph& g, std::size_t count,
                                         std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<web::link_edit> edits;
    std::uniform_int_distribution<std::size_t> link(0, g.num_links() - 1);
    std::uniform_int_distribution<node_id> page(0, static_cast<node_id>(g.num_pages() - 1));
    std::size_t removed = 0;  // link rows the removals delete (a pair's parallel links all go)
    const auto offs = g.link_offsets();
    const auto dst = g.link_targets();
    for (std::size_t i = 0; i < count; ++i) {
        web::link_edit e;
        e.origin = "<bench>";
        e.link.line = i + 2;
        if (i % 2 == 0) {
            if (removed >= count / 2) continue;
            const std::size_t l = link(rng);
            const node_id s = g.link_source(l);
            removed += static_cast<std::size_t>(
                std::upper_bound(dst.begin() + offs[s], dst.begin() + offs[s + 1], dst[l]) -
                std::lower_bound(dst.begin() + offs[s], dst.begin() + offs[s + 1], dst[l]));
            e.action = web::edit_action::remove;
            e.link.source = std::string(g.page_url(g.link_source(l)));
            e.link.target = std::string(g.page_url(g.link_targets()[l]));
        } else {
            e.link.source = std::string(g.page_url(page(rng)));
            e.link.target = std::string(g.page_url(page(rng)));
        }
        edits.push_back(std::move(e));
    }
    return edits;
}

double l1(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += std::abs(a[i] - b[i]);
    return s;
}

/// The benchmark's command line.
struct bench_args {
    web::synthetic_web_options web;
    double share = 0.001;
    std::string snapshot;
    bool quadratic = false, no_extrapolation = false;
    std::size_t period = 0, trials = 1;
};

/// The synthetic web: opened from the snapshot cache when it exists, else generated (and cached
/// when a snapshot path is given).
web::web_graph load_web(const bench_args& a) {
    if (!a.snapshot.empty() && std::filesystem::exists(a.snapshot))
        return web::web_graph::open_snapshot(a.snapshot);
    const web::synthetic_web web(a.web);
    web::web_graph_builder builder;
    web.generate([&](span<const io::raw_link> batch) {
        for (const auto& l : batch) builder.add(l);
    });
    web::web_graph g = builder.finish();
    if (!a.snapshot.empty()) web::save_snapshot(a.snapshot, g);
    return g;
}

/// Seconds of one trial: the what-if, its scoring alone, and the full recompute.
struct trial_times {
    double warm = 0, score = 0, cold = 0;
};

/// One trial: the what-if on `before`, then a full recompute of the edited graph (and, with
/// --quadratic, an extrapolated one); prints each and the speed-up.
trial_times run_trial(const bench_args& a, const web::web_graph& g,
                      const web::authority_result& before, const std::vector<web::link_edit>& edits,
                      const analysis::what_if_options& o, bool first) {
    detail::stopwatch t;
    const analysis::what_if_result warm = analysis::what_if(g, before, edits, nullptr, o);
    trial_times r;
    r.warm = t.seconds();
    r.score = r.warm - warm.seconds_edit - warm.seconds_deltas;
    const auto& rep = warm.edited.report;
    if (first)
        fmt::print("edits:            {} rows: {} added, {} links removed, {} missing\n",
                   rep.rows, rep.add_rows, rep.links_removed, rep.missing);
    fmt::print("what-if (warm):   {:.2f} s total: page {} / domain {} iterations, pagerank "
               "{:.2f} s, graphs {:.2f} s, counts {:.2f} s\n", r.warm,
               warm.after.pages.iterations, warm.after.domains.iterations,
               warm.after.pages.seconds + warm.after.domains.seconds,
               warm.after.seconds_graphs, warm.after.seconds_counts);
    fmt::print("  of which:       edit {:.2f} s, delta tables {:.2f} s, scoring {:.2f} s\n",
               warm.seconds_edit, warm.seconds_deltas, r.score);
    t.restart();
    const web::authority_result cold = web::compute_authority(warm.edited.graph);
    r.cold = t.seconds();
    fmt::print("full recompute:   {:.2f} s: page {} / domain {} iterations, pagerank {:.2f} s, "
               "graphs {:.2f} s, counts {:.2f} s\n", r.cold, cold.pages.iterations,
               cold.domains.iterations, cold.pages.seconds + cold.domains.seconds,
               cold.seconds_graphs, cold.seconds_counts);
    if (a.quadratic) {
        t.restart();
        web::authority_options qo = o.authority;
        qo.pagerank.acceleration = pagerank_acceleration::quadratic;
        const web::authority_result q = web::compute_authority(warm.edited.graph, qo);
        fmt::print("full, quadratic:  {:.2f} s: page {} / domain {} iterations, pagerank {:.2f} s\n",
                   t.seconds(), q.pages.iterations, q.domains.iterations,
                   q.pages.seconds + q.domains.seconds);
    }
    if (first)
        fmt::print("L1 gap warm/cold: pages {:.2e}, domains {:.2e} (tolerance {:.0e})\n",
                   l1(warm.after.pages.score, cold.pages.score),
                   l1(warm.after.domains.score, cold.domains.score),
                   o.authority.pagerank.tolerance);
    fmt::print("speed-up:         {:.2f}x (what-if incl. the edit and the delta tables vs full "
               "recompute); scoring alone {:.2f}x\n", r.cold / r.warm, r.cold / r.score);
    return r;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_what_if: warm-started what-if vs a full recompute on the synthetic web"};
    bench_args a;
    a.web.links = 10'000'000;
    a.web.domains = 200'000;
    app.add_option("--links", a.web.links, "Links to generate")->capture_default_str();
    app.add_option("--domains", a.web.domains, "Domains")->capture_default_str();
    app.add_option("--seed", a.web.seed, "Generator seed")->capture_default_str();
    app.add_option("--share", a.share, "Share of links edited")->capture_default_str();
    app.add_option("--snapshot", a.snapshot,
                   "Web snapshot cache: opened when it exists, else written after generating "
                   "(saves the generation between runs; the graph then views the file)");
    app.add_flag("--quadratic", a.quadratic,
                 "Also time a full recompute with quadratic extrapolation (what the what-if's warm "
                 "solves use)");
    app.add_flag("--no-extrapolation", a.no_extrapolation,
                 "The what-if's warm solves without extrapolation (what_if_options::extrapolate)");
    app.add_option("--period", a.period,
                   "Experiment: acceleration_period of the what-if's options (0: the default)");
    app.add_option("--trials", a.trials, "What-if and full recompute, alternately, this many times")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    detail::stopwatch t;
    const web::web_graph g = load_web(a);
    fmt::print("graph:            {} pages, {} domains, {} links ({:.1f} s)\n", g.num_pages(),
               g.num_domains(), g.num_links(), t.seconds());
    t.restart();
    const web::authority_result before = web::compute_authority(g);
    fmt::print("score (cold):     {:.2f} s, page {} / domain {} iterations\n", t.seconds(),
               before.pages.iterations, before.domains.iterations);

    const auto edits =
        random_edits(g, static_cast<std::size_t>(a.share * g.num_links()), a.web.seed + 7);
    analysis::what_if_options o;
    o.skip_bad = true;  // a random removal may repeat an earlier one's pair
    if (a.no_extrapolation) o.extrapolate = false;
    if (a.period > 0) o.authority.pagerank.acceleration_period = a.period;
    // Alternating trials: under a shared machine's load the spread between runs is large.
    std::vector<double> warm_t, cold_t, score_t;
    for (std::size_t trial = 0; trial < a.trials; ++trial) {
        const trial_times r = run_trial(a, g, before, edits, o, trial == 0);
        warm_t.push_back(r.warm);
        cold_t.push_back(r.cold);
        score_t.push_back(r.score);
    }
    if (a.trials > 1)
        fmt::print("median of {}:     what-if {:.2f} s, full recompute {:.2f} s: {:.2f}x "
                   "(scoring alone {:.2f} s: {:.2f}x)\n", a.trials, median(warm_t),
                   median(cold_t), median(cold_t) / median(warm_t), median(score_t),
                   median(cold_t) / median(score_t));
    return 0;
}
