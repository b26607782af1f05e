// SPDX-License-Identifier: MIT
// topic_pagerank(): checks the topics and options, sets up the batched problem (out-weights,
// the seeds as a by-node personalisation, the start vectors) and runs the batch
// (src/algo/topic_pagerank/batch.cpp) — or, when k topics' rows outgrow the cache, batches
// of 8 topics one after the other; the n × k scores come back without the padding.
#include "linkequity/algo/topic_pagerank.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <utility>

#include "linkequity/algo/pagerank.hpp"
#include "linkequity/detail/parallel.hpp"
#include "linkequity/detail/stopwatch.hpp"
#include "pagerank/cache_size.hpp"
#include "pagerank/followable_copy.hpp"
#include "pagerank/node_order.hpp"
#include "topic_pagerank/batch.hpp"

namespace linkequity {
namespace {

/// A topic's seeds as (node, weight / Σ weights), ascending by node, duplicates merged.
/// @throws std::invalid_argument for no seeds, a node >= n, a bad weight or a zero sum.
std::vector<std::pair<node_id, double>> normalised_seeds(const topic_seeds& t, std::size_t n) {
    if (t.nodes.empty())
        throw std::invalid_argument(
            fmt::format("topic_pagerank: topic '{}' has no seeds, expected at least one", t.name));
    if (!t.weights.empty() && t.weights.size() != t.nodes.size())
        throw std::invalid_argument(fmt::format(
            "topic_pagerank: topic '{}' has {} seeds and {} weights, expected one weight per seed",
            t.name, t.nodes.size(), t.weights.size()));
    std::vector<std::pair<node_id, double>> s(t.nodes.size());
    for (std::size_t q = 0; q < t.nodes.size(); ++q) {
        const double w = t.weights.empty() ? 1.0 : t.weights[q];
        if (t.nodes[q] >= n)
            throw std::invalid_argument(fmt::format(
                "topic_pagerank: topic '{}': seed {} is not a node (the graph has {} nodes)",
                t.name, t.nodes[q], n));
        if (!(std::isfinite(w) && w >= 0))
            throw std::invalid_argument(fmt::format(
                "topic_pagerank: topic '{}': seed {} has weight {}, expected a finite number >= 0",
                t.name, t.nodes[q], w));
        s[q] = {t.nodes[q], w};
    }
    std::stable_sort(s.begin(), s.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<node_id, double>> merged;
    for (const auto& [node, w] : s) {
        if (!merged.empty() && merged.back().first == node) merged.back().second += w;
        else merged.emplace_back(node, w);
    }
    double sum = 0;  // in node order, as pagerank() sums a dense personalisation
    for (const auto& m : merged) sum += m.second;
    if (!(sum > 0))
        throw std::invalid_argument(fmt::format(
            "topic_pagerank: topic '{}': seed weights sum to {}, expected a positive sum",
            t.name, sum));
    for (auto& m : merged) m.second /= sum;
    return merged;
}

/// The seeds of every topic by node (p.seed_*), and the start vectors x_t = v_t in x; with
/// `new_of` (old id → new id), in the relabelled numbering.
void set_seeds(const std::vector<topic_seeds>& topics, const std::vector<node_id>* new_of,
               detail::topic_problem& p, std::vector<double>& x) {
    std::vector<std::vector<std::pair<node_id, double>>> per_topic;
    for (const auto& t : topics) {
        per_topic.push_back(normalised_seeds(t, p.n));
        if (new_of)
            for (auto& m : per_topic.back()) m.first = (*new_of)[m.first];
    }
    p.seed_offsets.assign(p.n + 1, 0);
    for (const auto& s : per_topic)
        for (const auto& m : s) ++p.seed_offsets[m.first + 1];
    for (std::size_t i = 0; i < p.n; ++i) p.seed_offsets[i + 1] += p.seed_offsets[i];
    p.seed_topic.resize(p.seed_offsets[p.n]);
    p.seed_weight.resize(p.seed_offsets[p.n]);
    std::vector<std::size_t> next(p.seed_offsets.begin(), p.seed_offsets.end() - 1);
    for (std::size_t t = 0; t < per_topic.size(); ++t)  // topics ascending within a node
        for (const auto& [node, w] : per_topic[t]) {
            p.seed_topic[next[node]] = static_cast<std::uint32_t>(t);
            p.seed_weight[next[node]++] = w;
            x[std::size_t{node} * p.stride + t] = w;
        }
}

/// 1/out(j) and, in evaporate mode with excluded links, each node's evaporating share.
void set_out_weights(const std::vector<double>& out, const csr_view* graph, const csr_graph* full,
                     const pagerank_options& o, detail::topic_problem& p) {
    p.inv_out.resize(p.n);
    for (std::size_t j = 0; j < p.n; ++j) p.inv_out[j] = out[j] > 0 ? 1.0 / out[j] : 0.0;
    if (o.excluded_links != excluded_link_mode::evaporate || !p.flags) return;
    pagerank_options follow_only = o;
    follow_only.excluded_links = excluded_link_mode::exclude;
    const std::vector<double> follow =
        full ? followable_out_weight(*full, follow_only) : followable_out_weight(*graph, follow_only);
    p.evaporated.resize(p.n);
    for (std::size_t j = 0; j < p.n; ++j)
        p.evaporated[j] = out[j] > 0 ? (out[j] - follow[j]) / out[j] : 0.0;
}

bool any_masked(span<const edge_flags> f, edge_flags mask) {
    if (f.empty() || mask == 0) return false;
    for (const edge_flags x : f)
        if (x & mask) return true;
    return false;
}

/// The in-adjacency the batch iterates, without its excluded links: a copy of `in` without them
/// (`followable` holds it), or the copy relabelled by decreasing out-degree (node_order), which
/// leaves them out itself, with 1/out(j) and the evaporating shares in the same numbering.
void set_graph(const csr_view& in, const csr_graph* full, const csr_view* view,
               const pagerank_options& o, detail::relabelled_in_graph& relabelled,
               detail::followable_copy& followable, detail::topic_problem& p) {
    const bool masked = any_masked(in.flags, o.excluded);
    const bool weighted = o.weighted && in.has_weights();
    const std::vector<double> out =
        full ? followable_out_weight(*full, o) : followable_out_weight(*view, o);
    p.flags = masked ? in.flags.data() : nullptr;  // set_out_weights reads whether any is masked
    set_out_weights(out, view, full, o, p);
    const bool has_out = full && full->has_out_edges();
    const bool by_degree =
        detail::iterates_by_degree(o, has_out, has_out && full->is_lean(), in.num_edges());
    p.offsets = in.offsets.data();
    p.sources = in.sources.data();
    p.weights = weighted ? in.weights.data() : nullptr;
    p.mask = masked ? o.excluded : 0;
    if (by_degree) {
        const csr_view out_view = has_out ? full->out_view() : csr_view{};
        // Pulled: rows unsorted; the excluded links left out of the copy itself.
        relabelled = detail::relabel_by_out_degree(in, has_out ? &out_view : nullptr, weighted,
                                                   false, false, p.mask);
        for (auto* vec : {&p.inv_out, &p.evaporated}) {
            if (vec->empty()) continue;
            std::vector<double> moved(vec->size());
            for (std::size_t i = 0; i < moved.size(); ++i) moved[i] = (*vec)[relabelled.old_of[i]];
            vec->swap(moved);
        }
        p.offsets = relabelled.offsets.data();
        p.sources = relabelled.sources.data();
        if (weighted) p.weights = relabelled.weights.data();
        p.flags = nullptr;
        p.mask = 0;
    }
    p.last_edge = p.offsets[p.n] > 0 ? p.offsets[p.n] - 1 : 0;
    detail::drop_masked_edges(p, followable);  // the passes skip no links (same bits)
}

/// Topics per batch: all k while their rows (8 · k' bytes a node, k' = k rounded up to a
/// multiple of topic_lanes) total at most `budget` bytes, else topic_lanes (8: one 64-byte line
/// a node), the batches run one after the other. A pass gathers one row per in-edge from
/// random sources; once the rows outgrow the cache, two sweeps over 64-byte rows keep twice as
/// many of the most gathered rows in cache as one sweep over 128-byte rows, and a miss costs
/// half the bytes; while they fit, one sweep reads the in-edges once instead of twice. Measured
/// with 16 topics on Kronecker scale 20 (128 MiB of rows): on a 32 MiB L3 the batches of 8 were
/// faster, on a 480 MiB L3 the single batch (98 against 131 ms an iteration):
/// benchmarks/README.md, "topic batches".
std::size_t topics_per_batch(std::size_t n, std::size_t k, std::size_t budget) {
    return n * detail::topic_stride(k) * sizeof(double) <= budget ? k : detail::topic_lanes;
}

/// The batches' shared state: the problem, the start vectors' and passes' memory (reused from
/// batch to batch), and the relabelling.
struct batch_run {
    detail::topic_problem& p;
    const detail::relabelled_in_graph& relabelled;
    std::vector<double>& x;  ///< n × stride; zeros on entry to a batch
    detail::topic_buffers buffers;
};

/// Runs the batch of topics[first, last) over the graph set up in run.p and stores its columns,
/// iterations, residuals and convergence in r (r.passes and the times add up over batches).
/// When `direct`, x is r.scores' memory (one batch, k = stride, no relabelling) and nothing is
/// copied. After a cancel (r.cancelled), the batch is not iterated: its columns are the start
/// v_t. O(passes · m · k') time; 24 · k' · n bytes, k' = the stride (kept for the next batch).
void solve_batch(const std::vector<topic_seeds>& topics, std::size_t first, std::size_t last,
                 const pagerank_options& o, bool direct, batch_run& run,
                 topic_pagerank_result& r) {
    const detail::stopwatch t0;
    const std::vector<topic_seeds> batch(topics.begin() + static_cast<std::ptrdiff_t>(first),
                                         topics.begin() + static_cast<std::ptrdiff_t>(last));
    detail::topic_problem& p = run.p;
    std::vector<double>& x = run.x;
    const bool by_degree = !run.relabelled.old_of.empty();
    p.k = batch.size();
    set_seeds(batch, by_degree ? &run.relabelled.new_of : nullptr, p, x);
    topic_pagerank_result b;
    b.setup_seconds = t0.seconds();
    b.iterations.assign(p.k, 0);  // a batch after a cancel is not run: its columns stay v
    b.residual.assign(p.k, 0.0);
    b.converged.assign(p.k, 0);
    b.cancelled = r.cancelled;
    if (!r.cancelled) detail::solve_topics(p, x, o, run.buffers, b);
    const std::size_t k = topics.size();
    if (!direct) {
#pragma omp parallel for schedule(static) if (p.n > detail::parallel_threshold)
        for (std::size_t i = 0; i < p.n; ++i) {
            const std::size_t old = by_degree ? run.relabelled.old_of[i] : i;
            double* xi = x.data() + i * p.stride;
            for (std::size_t t = 0; t < p.k; ++t) r.scores[old * k + first + t] = xi[t];
            std::fill(xi, xi + p.stride, 0.0);  // the next batch starts from zeros
        }
    }
    for (std::size_t t = 0; t < p.k; ++t) {
        r.iterations[first + t] = b.iterations[t];
        r.residual[first + t] = b.residual[t];
        r.converged[first + t] = b.converged[t];
    }
    r.passes += b.passes;
    r.cancelled = b.cancelled;
    r.setup_seconds += b.setup_seconds;
}

/// topic_pagerank() of a csr_graph (`full`) or of a view (`view`), whose in-adjacency is `in`.
topic_pagerank_result solve(const csr_view& in, const csr_graph* full, const csr_view* view,
                            const std::vector<topic_seeds>& topics,
                            const topic_pagerank_options& options) {
    options.validate();
    if (topics.empty())
        throw std::invalid_argument("topic_pagerank: no topics given, expected at least one");
    const pagerank_options& o = options.pagerank;
    const detail::stopwatch t0;
    topic_pagerank_result r;
    for (const auto& t : topics) r.topics.push_back(t.name);
    detail::topic_problem p;
    p.n = in.num_nodes;
    p.alpha = o.damping;
    r.num_nodes = p.n;
    std::set<std::string> names;
    for (const auto& t : topics) {  // every check first, even on an empty graph
        if (!names.insert(t.name).second)
            throw std::invalid_argument(
                fmt::format("topic_pagerank: topic '{}' is given twice", t.name));
        normalised_seeds(t, p.n);
    }
    if (p.n == 0) return r;
    const std::size_t k = topics.size();
    r.iterations.assign(k, 0);
    r.residual.assign(k, 0.0);
    r.converged.assign(k, 0);
    detail::relabelled_in_graph relabelled;
    detail::followable_copy followable;
    set_graph(in, full, view, o, relabelled, followable, p);
    const std::size_t budget =
        options.batch_bytes > 0 ? options.batch_bytes : detail::last_level_cache_bytes() / 2;
    const std::size_t group = topics_per_batch(p.n, k, budget);
    p.stride = detail::topic_stride(group);
    // One batch whose rows are unpadded and unrelabelled iterates in the result's own memory.
    const bool direct = group == k && p.stride == k && relabelled.old_of.empty();
    r.scores.assign(p.n * k, 0.0);
    std::vector<double> x;
    if (direct) x.swap(r.scores);
    else x.assign(p.n * p.stride, 0.0);
    r.setup_seconds = t0.seconds();
    batch_run run{p, relabelled, x, {}};
    for (std::size_t first = 0; first < k; first += group)
        solve_batch(topics, first, std::min(k, first + group), o, direct, run, r);
    if (direct) x.swap(r.scores);
    r.seconds = t0.seconds() - r.setup_seconds;
    return r;
}

}  // namespace

void topic_pagerank_options::validate() const {
    check_fields(*this, "topic_pagerank");
    const pagerank_options& o = pagerank;
    if (!o.personalization.empty() || !o.dangling_distribution.empty() || !o.start.empty() ||
        o.dangling != dangling_policy::personalization)
        throw std::invalid_argument(
            "topic_pagerank: personalization, dangling, dangling_distribution and start come "
            "from the topics; leave them at their defaults");
    if ((o.solver != pagerank_solver::power && o.solver != pagerank_solver::local_gauss_seidel) ||
        o.acceleration != pagerank_acceleration::none)
        throw std::invalid_argument(
            "topic_pagerank: only the power and local_gauss_seidel solvers, without "
            "acceleration, run in a batch");
}

topic_pagerank_result topic_pagerank(const csr_graph& g, const std::vector<topic_seeds>& topics,
                                     const topic_pagerank_options& options) {
    return solve(g.in_view(), &g, nullptr, topics, options);
}

topic_pagerank_result topic_pagerank(const csr_view& g, const std::vector<topic_seeds>& topics,
                                     const topic_pagerank_options& options) {
    g.validate();
    return solve(g, nullptr, &g, topics, options);
}

}  // namespace linkequity
