// SPDX-License-Identifier: MIT
// The component-mass correction across ranks (dist_aggregates.hpp): components per rank,
// joined on rank 0 through the ghost lists, then mass_aggregates' correction with the sums
// over spanning aggregates added in rank order.
#include "dist_aggregates.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>

#include "rank_order.hpp"

namespace linkequity::dist {
namespace {

/// Union–find with path halving; the smaller index becomes the root.
struct union_find {
    std::vector<std::uint32_t> parent;
    explicit union_find(std::size_t n) : parent(n) {
        std::iota(parent.begin(), parent.end(), std::uint32_t{0});
    }
    std::uint32_t find(std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(std::uint32_t a, std::uint32_t b) {
        a = find(a), b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};

enum : unsigned { has_dangling = 1, has_live = 2, has_evaporating = 4 };

/// Pure components (no dangling, no evaporating node) and all-dangling ones are aggregates of
/// their own; the others go to aggregate 0 (mass_aggregates' rule).
bool own_aggregate(unsigned kind) {
    return kind == has_live || (kind & ~unsigned(has_evaporating)) == has_dangling;
}

double at(const std::vector<double>& dist, std::size_t i, std::size_t n) {
    return dist.empty() ? 1.0 / static_cast<double>(n) : dist[i];
}

/// Element-wise sums over the ranks of equally long vectors, added in rank order.
std::vector<double> sum_over_ranks(const std::vector<double>& mine, MPI_Comm comm) {
    const int size = rank_order::comm_size(comm), k = static_cast<int>(mine.size());
    std::vector<double> all(mine.size() * static_cast<std::size_t>(size)), sum(mine.size(), 0.0);
    MPI_Allgather(mine.data(), k, MPI_DOUBLE, all.data(), k, MPI_DOUBLE, comm);
    for (int r = 0; r < size; ++r)
        for (int i = 0; i < k; ++i) sum[i] += all[static_cast<std::size_t>(r * k + i)];
    return sum;
}

/// Rank 0 joins the (component, node) pairs of every rank; every rank gets, per pair it sent,
/// the smallest global id of the joined component of its first element.
std::vector<std::uint64_t> join_on_rank0(const std::vector<std::uint64_t>& pairs, MPI_Comm comm) {
    const int rank = rank_order::comm_rank(comm), size = rank_order::comm_size(comm);
    int count = static_cast<int>(pairs.size());
    std::vector<int> counts(static_cast<std::size_t>(size)), displs(counts.size(), 0);
    MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, comm);
    for (std::size_t r = 1; r < counts.size(); ++r) displs[r] = displs[r - 1] + counts[r - 1];
    const std::size_t total = static_cast<std::size_t>(displs.back() + counts.back());
    std::vector<std::uint64_t> all(rank == 0 ? total : 0);
    MPI_Gatherv(pairs.data(), count, MPI_UINT64_T, all.data(), counts.data(), displs.data(),
                MPI_UINT64_T, 0, comm);
    std::vector<std::uint64_t> answers(all.size() / 2);
    if (rank == 0) {
        std::unordered_map<std::uint64_t, std::uint32_t> index;
        std::vector<std::uint64_t> id_of;
        auto id = [&](std::uint64_t g) {
            const auto [it, added] = index.emplace(g, static_cast<std::uint32_t>(id_of.size()));
            if (added) id_of.push_back(g);
            return it->second;
        };
        std::vector<std::uint32_t> first_of(answers.size());
        for (std::size_t p = 0; p < answers.size(); ++p) first_of[p] = id(all[2 * p]);
        std::vector<std::uint32_t> second_of(answers.size());
        for (std::size_t p = 0; p < answers.size(); ++p) second_of[p] = id(all[2 * p + 1]);
        union_find uf(id_of.size());
        for (std::size_t p = 0; p < answers.size(); ++p) uf.unite(first_of[p], second_of[p]);
        std::vector<std::uint64_t> smallest(id_of.size(),
                                            std::numeric_limits<std::uint64_t>::max());
        for (std::uint32_t x = 0; x < id_of.size(); ++x)
            smallest[uf.find(x)] = std::min(smallest[uf.find(x)], id_of[x]);
        for (std::size_t p = 0; p < answers.size(); ++p)
            answers[p] = smallest[uf.find(first_of[p])];
    }
    for (auto& c : counts) c /= 2;
    for (auto& d : displs) d /= 2;
    std::vector<std::uint64_t> mine(pairs.size() / 2);
    MPI_Scatterv(answers.data(), counts.data(), displs.data(), MPI_UINT64_T, mine.data(),
                 static_cast<int>(mine.size()), MPI_UINT64_T, 0, comm);
    return mine;
}

/// Each local node's component label (smallest global id of its component over the whole
/// graph) and whether the component reaches another rank.
void label_components(const dist_aggregation_input& in, MPI_Comm comm,
                      std::vector<std::uint64_t>& label, std::vector<char>& spanning) {
    const std::size_t nl = in.n_local, ng = in.ghosts->size();
    union_find uf(nl + ng);
    for (std::size_t i = 0; i < nl; ++i)
        for (edge_offset e = in.offsets[i]; e < in.offsets[i + 1]; ++e)
            if (!(in.flags && (in.flags[e] & in.mask)))
                uf.unite(static_cast<std::uint32_t>(i), in.sources[e]);
    auto gid = [&](std::size_t x) { return x < nl ? in.first + x : (*in.ghosts)[x - nl]; };
    std::vector<std::uint64_t> rep(nl + ng, std::numeric_limits<std::uint64_t>::max());
    for (std::size_t x = 0; x < nl + ng; ++x) {
        const std::uint32_t r = uf.find(static_cast<std::uint32_t>(x));
        rep[r] = std::min(rep[r], gid(x));
    }
    std::vector<std::uint64_t> pairs;  // (rep of the component, a node other ranks also see)
    for (std::size_t x = nl; x < nl + ng; ++x)
        pairs.insert(pairs.end(), {rep[uf.find(static_cast<std::uint32_t>(x))], gid(x)});
    for (std::uint32_t s : *in.sent) pairs.insert(pairs.end(), {rep[uf.find(s)], gid(s)});
    const std::vector<std::uint64_t> joined = join_on_rank0(pairs, comm);
    std::unordered_map<std::uint64_t, std::uint64_t> label_of_rep;
    for (std::size_t p = 0; p < joined.size(); ++p) label_of_rep[pairs[2 * p]] = joined[p];
    label.resize(nl);
    spanning.assign(nl, 0);
    for (std::size_t i = 0; i < nl; ++i) {
        label[i] = rep[uf.find(static_cast<std::uint32_t>(i))];
        const auto it = label_of_rep.find(label[i]);
        if (it != label_of_rep.end()) label[i] = it->second, spanning[i] = 1;
    }
}

}  // namespace

dist_aggregates::dist_aggregates(const dist_aggregation_input& in, MPI_Comm comm)
    : in_(in), comm_(comm) {
    const std::size_t nl = in.n_local, n = in.n_global;
    std::vector<std::uint64_t> label;
    std::vector<char> spanning;
    label_components(in, comm, label, spanning);
    auto kind_of = [&](std::size_t i) {
        unsigned k = in.inv_out[i] == 0.0 ? has_dangling : has_live;
        if (in.evaporated && in.evaporated[i] > 0.0) k |= has_evaporating;
        return k;
    };
    // Local components: kind, v(C), u(C) in node order. Spanning ones: this rank's share,
    // then the whole graph's, added in rank order on every rank.
    std::map<std::uint64_t, std::array<double, 3>> local, span;  // kind, v, u
    for (std::size_t i = 0; i < nl; ++i) {
        auto& c = (spanning[i] ? span : local)[label[i]];
        c[0] = double(unsigned(c[0]) | kind_of(i));
        c[1] += at(*in.v, i, n);
        c[2] += at(*in.u, i, n);
    }
    std::vector<std::array<double, 4>> mine;
    for (const auto& [l, c] : span) mine.push_back({double(l), c[0], c[1], c[2]});
    std::map<std::uint64_t, std::array<double, 3>> whole;
    for (const auto& r : rank_order::gather_in_rank_order<4>(mine, comm)) {
        auto& c = whole[static_cast<std::uint64_t>(r[0])];
        c = {double(unsigned(c[0]) | unsigned(r[1])), c[1] + r[2], c[2] + r[3]};
    }
    // Aggregate ids: 0 mixed, 1..local_ this rank's own components, then the spanning ones
    // (the same list on every rank).
    std::unordered_map<std::uint64_t, std::uint32_t> id;
    v_mass_.assign(1, 0.0);
    u_mass_.assign(1, 0.0);
    for (const auto& [l, c] : local)
        if (own_aggregate(unsigned(c[0]))) {
            id[l] = static_cast<std::uint32_t>(v_mass_.size());
            v_mass_.push_back(c[1]);
            u_mass_.push_back(c[2]);
        }
    local_ = v_mass_.size() - 1;
    for (const auto& [l, c] : whole)
        if (own_aggregate(unsigned(c[0]))) {
            id[l] = static_cast<std::uint32_t>(v_mass_.size());
            v_mass_.push_back(c[1]);
            u_mass_.push_back(c[2]);
        }
    of_.assign(nl, 0);
    std::vector<double> mixed{0.0, 0.0};
    for (std::size_t i = 0; i < nl; ++i) {
        const auto it = id.find(label[i]);
        if (it != id.end()) of_[i] = it->second;
        else mixed[0] += at(*in.v, i, n), mixed[1] += at(*in.u, i, n);
    }
    mixed = sum_over_ranks(mixed, comm);
    v_mass_[0] = mixed[0];
    u_mass_[0] = mixed[1];
    mass_.resize(v_mass_.size());
    dangling_.resize(v_mass_.size());
    evaporated_.resize(v_mass_.size());
    factor_.resize(v_mass_.size());
}

void dist_aggregates::correct(std::vector<double>& x) {
    const std::size_t k = v_mass_.size();
    const double alpha = in_.alpha;
    std::fill(mass_.begin(), mass_.end(), 0.0);
    std::fill(dangling_.begin(), dangling_.end(), 0.0);
    std::fill(evaporated_.begin(), evaporated_.end(), 0.0);
    for (std::size_t i = 0; i < in_.n_local; ++i) {
        const std::uint32_t a = of_[i];
        mass_[a] += x[i];
        if (in_.inv_out[i] == 0.0) dangling_[a] += x[i];
        if (in_.evaporated) evaporated_[a] += x[i] * in_.evaporated[i];
    }
    // The mixed and spanning aggregates' sums over the whole graph.
    std::vector<std::size_t> shared{0};
    for (std::size_t a = local_ + 1; a < k; ++a) shared.push_back(a);
    std::vector<double> partial;
    for (std::size_t a : shared)
        partial.insert(partial.end(), {mass_[a], dangling_[a], evaporated_[a]});
    const std::vector<double> total = sum_over_ranks(partial, comm_);
    for (std::size_t j = 0; j < shared.size(); ++j)
        mass_[shared[j]] = total[3 * j], dangling_[shared[j]] = total[3 * j + 1],
        evaporated_[shared[j]] = total[3 * j + 2];
    // Σ δ v / s, … over the aggregates holding mass: each counted once (shared ones on rank 0).
    const bool rank0 = rank_order::comm_rank(comm_) == 0;
    std::vector<double> sums(4, 0.0);
    for (std::size_t a = 0; a < k; ++a) {
        if (!(mass_[a] > 0)) continue;
        const double delta = dangling_[a] / mass_[a], zeta = evaporated_[a] / mass_[a];
        const double s = 1.0 - alpha * (1.0 - delta - zeta);
        factor_[a] = s;
        if (!rank0 && (a == 0 || a > local_)) continue;
        sums[0] += delta * v_mass_[a] / s;
        sums[1] += delta * u_mass_[a] / s;
        sums[2] += zeta * v_mass_[a] / s;
        sums[3] += zeta * u_mass_[a] / s;
    }
    sums = sum_over_ranks(sums, comm_);
    const double dv = sums[0], du = sums[1], zv = sums[2], zu = sums[3];
    // (I − α B)(D, Z) = (1 − α)(dv, zv), as mass_aggregates::correct.
    const double a11 = 1.0 - alpha * du, a12 = -alpha * dv;
    const double a21 = -alpha * zu, a22 = 1.0 - alpha * zv;
    const double b1 = (1.0 - alpha) * dv, b2 = (1.0 - alpha) * zv;
    const double det = a11 * a22 - a12 * a21;
    const double D = (b1 * a22 - a12 * b2) / det, Z = (a11 * b2 - a21 * b1) / det;
    for (std::size_t a = 0; a < k; ++a) {
        if (!(mass_[a] > 0)) {
            factor_[a] = 1.0;
            continue;
        }
        const double target =
            ((1.0 - alpha + alpha * Z) * v_mass_[a] + alpha * D * u_mass_[a]) / factor_[a];
        factor_[a] = target / mass_[a];
    }
    for (std::size_t i = 0; i < in_.n_local; ++i) x[i] *= factor_[of_[i]];
}

}  // namespace linkequity::dist
