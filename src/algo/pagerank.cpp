// SPDX-License-Identifier: MIT
// pagerank(): set-up and entry points. Reads a graph (csr_graph, or a caller's csr_view) into a
// pagerank_problem — out-weights, teleport vectors, start, node order — runs the solver the
// options choose (src/algo/pagerank/: the reference pull iteration, blocked, Gauss–Seidel, all
// through one driver) and maps the scores back, with the dangling and evaporated masses.
#include "linkequity/algo/pagerank.hpp"

#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "linkequity/detail/parallel.hpp"
#include "pagerank/followable_copy.hpp"
#include "pagerank/node_order.hpp"
#include "pagerank/solvers.hpp"

namespace linkequity {
namespace {

using detail::pagerank_problem;

/// v / Σv, or empty (= uniform) when v is empty.
std::vector<double> normalised(const std::vector<double>& v) {
    if (v.empty()) return {};
    const double sum = std::accumulate(v.begin(), v.end(), 0.0);
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out[i] = v[i] / sum;
    return out;
}

/// A graph as pagerank() reads it: its in-adjacency, and what a csr_graph adds to it.
struct graph_source {
    csr_view in;
    csr_view out;                        // the out-adjacency when stored (else empty)
    span<const double> lean_out_weight;  // a lean csr_graph's stored out-weights
    bool lean = false;
    bool rows_sorted = true;             // every row of `in` ascending by source

    bool has_out() const { return !out.offsets.empty(); }
};

graph_source source_of(const csr_graph& g) {
    graph_source s;
    s.in = g.in_view();
    if (g.has_out_edges()) s.out = g.out_view();
    s.lean_out_weight = g.lean_out_weight();
    s.lean = g.is_lean();
    return s;
}

/// out(j): the weight (1 when unweighted) of j's out-edges that carry no bit of `mask`, summed
/// along the rows of the out-adjacency. O(n + m), parallel; O(n) unweighted and unmasked (the
/// row lengths: counting them one by one was a chain of m dependent adds, 25 ms at 31M links).
std::vector<double> out_weight_by_rows(const csr_view& out, bool weighted, edge_flags mask) {
    const std::size_t n = out.num_nodes;
    std::vector<double> w(n);
    if (!weighted && !mask) {
#pragma omp parallel for schedule(static) if (n > detail::parallel_threshold)
        for (std::size_t j = 0; j < n; ++j)
            w[j] = static_cast<double>(out.offsets[j + 1] - out.offsets[j]);
        return w;
    }
#pragma omp parallel for schedule(dynamic, 4096) if (n > detail::parallel_threshold)
    for (std::size_t j = 0; j < n; ++j) {
        double s = 0;
        for (edge_offset e = out.offsets[j]; e < out.offsets[j + 1]; ++e) {
            if (mask && (out.flags[e] & mask)) continue;
            s += weighted ? static_cast<double>(out.weights[e]) : 1.0;
        }
        w[j] = s;
    }
    return w;
}

/// The same, summed per source over the in-adjacency (each source's edges in destination
/// order). O(n + m), serial.
std::vector<double> out_weight_by_sources(const csr_view& in, bool weighted, edge_flags mask) {
    std::vector<double> w(in.num_nodes, 0.0);
    for (edge_offset e = 0; e < in.num_edges(); ++e) {
        if (mask && (in.flags[e] & mask)) continue;
        w[in.sources[e]] += weighted ? static_cast<double>(in.weights[e]) : 1.0;
    }
    return w;
}

std::vector<double> out_weight(const graph_source& g, const pagerank_options& o) {
    if (g.lean) {
        if (o.excluded_links == excluded_link_mode::evaporate)
            throw std::invalid_argument(
                "pagerank: excluded_links = evaporate needs the excluded links, which a lean graph "
                "dropped at build time; build without build_options::lean");
        if (o.weighted || !g.in.has_weights())
            return {g.lean_out_weight.begin(), g.lean_out_weight.end()};
        // An unweighted run on a weighted lean graph: out(j) is the followable out-degree.
        return out_weight_by_sources(g.in, false, 0);
    }
    const bool weighted = o.weighted && g.in.has_weights();
    const edge_flags mask = o.excluded_links == excluded_link_mode::exclude && g.in.has_flags()
                                ? o.excluded : edge_flags(0);
    return g.has_out() ? out_weight_by_rows(g.out, weighted, mask)
                       : out_weight_by_sources(g.in, weighted, mask);
}

bool any_masked(span<const edge_flags> f, edge_flags mask) {
    if (f.empty() || mask == 0) return false;
    bool any = false;
#pragma omp parallel for reduction(|| : any) if (f.size() > detail::parallel_threshold)
    for (std::size_t e = 0; e < f.size(); ++e) any = any || (f[e] & mask) != 0;
    return any;
}

/// 1/out(j) and, in evaporate mode with excluded links present, the share of out(j) that
/// evaporates.
void set_out_weights(const graph_source& g, const pagerank_options& o, bool masked,
                     pagerank_problem& k) {
    const std::size_t n = k.n;
    const std::vector<double> out = out_weight(g, o);
    k.inv_out.resize(n);
    if (o.excluded_links == excluded_link_mode::evaporate && masked) {
        // out(j) counts every link; the excluded share of it evaporates.
        pagerank_options follow_only = o;
        follow_only.excluded_links = excluded_link_mode::exclude;
        const std::vector<double> follow = out_weight(g, follow_only);
        k.evaporated.resize(n);
        for (std::size_t j = 0; j < n; ++j) {
            k.inv_out[j] = out[j] > 0 ? 1.0 / out[j] : 0.0;
            k.evaporated[j] = out[j] > 0 ? (out[j] - follow[j]) / out[j] : 0.0;
        }
    } else {
        for (std::size_t j = 0; j < n; ++j) k.inv_out[j] = out[j] > 0 ? 1.0 / out[j] : 0.0;
    }
}

/// v, u and the start vector (v unless o.start is given).
std::vector<double> set_teleport(const pagerank_options& o, pagerank_problem& k) {
    k.v = normalised(o.personalization);
    switch (o.dangling) {
        case dangling_policy::personalization: k.u = k.v; break;
        case dangling_policy::uniform: break;
        case dangling_policy::vector: k.u = normalised(o.dangling_distribution); break;
    }
    std::vector<double> x = o.start.empty() ? std::vector<double>{} : normalised(o.start);
    if (x.empty()) {
        x.resize(k.n);
        for (std::size_t i = 0; i < k.n; ++i) x[i] = k.v_at(i);
    }
    return x;
}

/// vec[new] = vec[old_of[new]] (empty vectors stay empty).
void permute_to_new(std::vector<double>& vec, const std::vector<node_id>& old_of) {
    if (vec.empty()) return;
    std::vector<double> out(vec.size());
#pragma omp parallel for schedule(static) if (vec.size() > detail::parallel_threshold)
    for (std::size_t i = 0; i < vec.size(); ++i) out[i] = vec[old_of[i]];
    vec.swap(out);
}

/// Whether two arrays hold the same bytes; compared in parallel pieces. O(size).
template <class T>
bool same_array(span<const T> a, span<const T> b) {
    if (a.size() != b.size()) return false;
    constexpr std::size_t piece = std::size_t{1} << 20;
    const std::size_t pieces = (a.size() + piece - 1) / piece;
    bool same = true;
#pragma omp parallel for schedule(static) reduction(&& : same) if (pieces > 1)
    for (std::size_t p = 0; p < pieces; ++p) {
        const std::size_t first = p * piece, count = std::min(piece, a.size() - first);
        same = same && std::memcmp(a.data() + first, b.data() + first, count * sizeof(T)) == 0;
    }
    return same;
}

/// Whether the followable links of g are symmetric: W_ij = W_ji for every pair, W_ij the summed
/// weight (the count, unweighted) of the followable links j → i. Row i of the in-adjacency and
/// row i of the out-adjacency (both sorted by neighbour in a csr_graph) must list the same
/// neighbours with the same summed weights, links carrying a bit of `mask` skipped and
/// neighbours whose sum is 0 ignored. Summed weights count as the same within a relative 1e-6
/// (float rounding: the builder's merged parallel links are summed in either direction's own
/// order), and parallel links may come in any order within a neighbour's run. False
/// when g stores no out-adjacency. O(n + m), parallel: first a byte comparison of the two
/// adjacencies (a symmetrized graph usually passes it), then row by row, a thread stopping at
/// its first difference.
bool followable_symmetric(const graph_source& g, bool weighted, edge_flags mask) {
    // The builder merges parallel links into one float weight, summed in an order that can
    // differ between j → i and i → j: sums of the same weights may differ in their last bits.
    constexpr double weight_rounding = 1e-6;
    if (!g.has_out()) return false;
    const csr_view& in = g.in;
    const csr_view& out = g.out;
    const bool masked = mask != 0 && in.has_flags() && out.has_flags();
    if (same_array(in.offsets, out.offsets) && same_array(in.sources, out.sources) &&
        (!weighted || same_array(in.weights, out.weights)) &&
        (!masked || same_array(in.flags, out.flags)))
        return true;
    struct run {
        node_id node = 0;
        double weight = 0;
    };
    // The next neighbour of the row [e, end) with a positive followable weight, from e on.
    const auto next_run = [&](const csr_view& v, edge_offset& e, edge_offset end, run& r) {
        while (e < end) {
            const node_id j = v.sources[e];
            double w = 0;
            for (; e < end && v.sources[e] == j; ++e)
                if (!(masked && (v.flags[e] & mask) != 0))
                    w += weighted ? static_cast<double>(v.weights[e]) : 1.0;
            if (w != 0) {
                r = {j, w};
                return true;
            }
        }
        return false;
    };
    const std::size_t n = in.num_nodes;
    bool symmetric = true;
#pragma omp parallel for schedule(dynamic, 4096) reduction(&& : symmetric) \
    if (n > detail::parallel_threshold)
    for (std::size_t i = 0; i < n; ++i) {
        if (!symmetric) continue;
        edge_offset a = in.offsets[i], b = out.offsets[i];
        const edge_offset a_end = in.offsets[i + 1], b_end = out.offsets[i + 1];
        run ra, rb;
        while (symmetric) {
            const bool has_a = next_run(in, a, a_end, ra), has_b = next_run(out, b, b_end, rb);
            if (!has_a || !has_b) {
                symmetric = has_a == has_b;
                break;
            }
            symmetric = ra.node == rb.node &&
                        std::fabs(ra.weight - rb.weight) <= weight_rounding * ra.weight;
        }
    }
    return symmetric;
}

/// The solver o chooses, on k from x.
void run_solver(const pagerank_problem& k, std::vector<double>& x, const pagerank_options& o,
                pagerank_result& r) {
    if (o.solver == pagerank_solver::conjugate_gradient) {
        const std::string why = detail::conjugate_gradient_refusal(k);
        if (!why.empty())
            throw std::invalid_argument("pagerank: solver = conjugate_gradient " + why);
        detail::solve_conjugate_gradient(k, x, o, r);
    } else if (o.solver == pagerank_solver::gauss_seidel) detail::solve_gauss_seidel(k, x, o, r);
    else if (o.solver == pagerank_solver::block_gauss_seidel)
        detail::solve_block_gauss_seidel(k, x, o, r);
    else if (o.solver == pagerank_solver::local_gauss_seidel)
        detail::solve_local_gauss_seidel(k, x, o, r);
    else if (detail::blocked_applies(k, o)) detail::solve_blocked(k, x, o, r);
    else detail::solve_power(k, x, o, r);
}

/// D and Z of the final scores x (the graph's ids), summed in id order: D over the nodes with
/// out(j) = 0, Z = Σ x_j · e_j with e_j the evaporating share of out(j) that set_out_weights
/// already computed (k.evaporated, empty outside evaporate mode). O(n).
void set_final_masses(const pagerank_problem& k, const detail::relabelled_in_graph* relabelled,
                      pagerank_result& r) {
    const auto& x = r.scores;
    double dangling = 0, evaporated = 0;
    for (std::size_t j = 0; j < x.size(); ++j) {
        const std::size_t i = relabelled ? relabelled->new_of[j] : j;
        if (k.inv_out[i] == 0.0) dangling += x[j];
        if (!k.evaporated.empty()) evaporated += x[j] * k.evaporated[i];
    }
    r.dangling_mass = dangling;
    r.evaporated_mass = evaporated;
}

/// pagerank() of either kind of graph.
pagerank_result solve(const graph_source& g, const pagerank_options& o) {
    const std::size_t n = g.in.num_nodes;
    o.validate(n);
    pagerank_result r;
    if (n == 0) {
        r.converged = true;
        return r;
    }
    const detail::stopwatch t0;
    pagerank_problem k;
    k.n = n;
    k.alpha = o.damping;
    const bool weighted = o.weighted && g.in.has_weights();
    const bool masked = any_masked(g.in.flags, o.excluded);
    set_out_weights(g, o, masked, k);
    std::vector<double> x = set_teleport(o, k);
    k.offsets = g.in.offsets.data();
    k.sources = g.in.sources.data();
    k.weights = weighted ? g.in.weights.data() : nullptr;
    k.flags = masked ? g.in.flags.data() : nullptr;
    k.mask = masked ? o.excluded : 0;
    k.rows_sorted = g.rows_sorted;
    if (o.solver == pagerank_solver::conjugate_gradient)
        k.symmetric = followable_symmetric(g, weighted, k.mask);
    detail::relabelled_in_graph relabelled;
    const bool by_degree =
        detail::iterates_by_degree(o, g.has_out(), g.lean, g.in.num_edges());
    if (by_degree) {
        // Only the blocked kernel needs each row sorted by source.
        const bool sort_rows = o.kernel == pagerank_kernel::blocked;
        // The excluded links are left out of the relabelled copy itself (no flags carried).
        relabelled = detail::relabel_by_out_degree(g.in, g.has_out() ? &g.out : nullptr,
                                                   weighted, false, sort_rows, k.mask);
        const auto& old_of = relabelled.old_of;
        for (auto* vec : {&k.inv_out, &k.evaporated, &k.v, &k.u, &x}) permute_to_new(*vec, old_of);
        k.offsets = relabelled.offsets.data();
        k.sources = relabelled.sources.data();
        if (weighted) k.weights = relabelled.weights.data();
        k.flags = nullptr;
        k.mask = 0;
        k.rows_sorted = sort_rows;
    }
    k.last_edge = k.offsets[n] > 0 ? k.offsets[n] - 1 : 0;
    // Excluded links (nofollow and the like) leave the copy the solvers iterate: one O(m) pass
    // here instead of a flag test and a wasted gather per excluded link in every iteration
    // (by degree, the relabelled copy above left them out already).
    detail::followable_copy followable;
    detail::drop_masked_edges(k, followable);
    r.setup_seconds = t0.seconds();
    run_solver(k, x, o, r);
    if (by_degree) {
        r.scores.resize(n);
#pragma omp parallel for schedule(static) if (n > detail::parallel_threshold)
        for (std::size_t i = 0; i < n; ++i) r.scores[relabelled.old_of[i]] = x[i];
    } else {
        r.scores = std::move(x);
    }
    r.seconds = t0.seconds() - r.setup_seconds;
    set_final_masses(k, by_degree ? &relabelled : nullptr, r);
    return r;
}

/// Whether every row of the view is ascending by source. O(m), parallel.
bool rows_sorted(const csr_view& in) {
    bool sorted = true;
    const std::size_t n = in.num_nodes;
#pragma omp parallel for schedule(dynamic, 4096) reduction(&& : sorted) \
    if (n > detail::parallel_threshold)
    for (std::size_t i = 0; i < n; ++i)
        for (edge_offset e = in.offsets[i] + 1; e < in.offsets[i + 1]; ++e)
            sorted = sorted && in.sources[e - 1] <= in.sources[e];
    return sorted;
}

graph_source source_of(const csr_view& view, const pagerank_options& o) {
    view.validate();
    graph_source s;
    s.in = view;
    // Only the blocked kernel needs sorted rows; by_degree sorts them anyway.
    s.rows_sorted = o.kernel == pagerank_kernel::blocked && rows_sorted(view);
    return s;
}

}  // namespace

std::vector<double> followable_out_weight(const csr_graph& g, const pagerank_options& o) {
    return out_weight(source_of(g), o);
}

std::vector<double> followable_out_weight(const csr_view& g, const pagerank_options& o) {
    g.validate();
    graph_source s;
    s.in = g;
    return out_weight(s, o);
}

pagerank_result pagerank(const csr_graph& g, const pagerank_options& o) {
    return solve(source_of(g), o);
}

pagerank_result pagerank(const csr_view& g, const pagerank_options& o) {
    return solve(source_of(g, o), o);
}

}  // namespace linkequity
