// SPDX-License-Identifier: MIT
// The conjugate gradient solver (pagerank_solver::conjugate_gradient), for graphs whose
// followable links are symmetric (undirected graphs stored both ways).
//
// PageRank whose lost mass (dangling nodes, evaporated links) all goes where teleportation goes
// (u = v) is the normalised solution of one linear system (Gleich, Zhukov, Berkhin 2004):
//
//     x = y / Σy,   (I − α W H) y = v,   H = diag(1/out(j)),  W_ij = w(j → i) followable.
//
// When W is symmetric, A = I − α W H is self-adjoint in the inner product ⟨a, b⟩_H = aᵀ H b
// (⟨A a, b⟩_H = aᵀ H b − α aᵀ H W H b) and positive definite there (its eigenvalues lie in
// [1 − α, 1 + α]), so conjugate gradients in that inner product solve it. Their error contracts
// by (√κ − 1)/(√κ + 1) per step with κ ≤ (1 + α)/(1 − α): 0.56 at α = 0.85 against power's 0.85,
// and faster on clustered spectra. A step costs one pull over the in-edges (the same gather as
// power: c = H p) and one O(n) pass; every sum is added over fixed blocks in block order, so the
// scores do not depend on the thread count.
//
// Nodes with out(j) = 0 have no followable in-links either (W is symmetric): their equation is
// y_j = v_j, held from the start, outside the inner product (h_j = 0).
//
// The residual reported per step is power's: ‖G(x) − x‖₁ of the current x = y / Σy, with G one
// power iteration. With r = v − A y and σ = Σr, G(x) − x = (r − σ v) / Σy exactly (u = v), so it
// costs no pull. The scores returned are G(x) of the last step, as power returns its last
// iterate.
#include <algorithm>
#include <cmath>

#include "driver.hpp"
#include "kernel.hpp"
#include "linkequity/detail/parallel.hpp"
#include "solvers.hpp"

namespace linkequity::detail {

std::string conjugate_gradient_refusal(const pagerank_problem& k) {
    if (!k.symmetric)
        return "needs a graph whose followable links are symmetric (every followable link j → i "
               "also i → j, with the same weight) and stored both ways; use solver = power";
    const bool u_is_v = (k.u.empty() && k.v.empty()) || k.u == k.v;
    if (u_is_v) return {};
    for (std::size_t i = 0; i < k.n; ++i)
        if (k.inv_out[i] == 0.0)
            return "needs the dangling nodes' score to go where teleportation goes (dangling = "
                   "personalization, or uniform with no personalization), and this graph has "
                   "dangling nodes; use solver = power";
    return {};
}

namespace {

/// One conjugate gradient step per call (one pull, one O(n) pass); returns ‖G(x) − x‖₁.
///
/// State: y, r = v − A y, the search direction p, q = A p, c = H p (what the pull gathers), the
/// sums Σy and σ = Σr. The pull pass computes q and the four H-products the step needs (⟨p,q⟩,
/// ⟨r,q⟩, ⟨q,q⟩ and ⟨r,r⟩); then ⟨r′,r′⟩ = ⟨r,r⟩ − 2a⟨r,q⟩ + a²⟨q,q⟩ gives β before r′ exists,
/// so y, r, p and c are all updated in one more pass.
template <bool Weighted, bool Masked>
class conjugate_gradient_step {
public:
    /// From y = 0 (the Krylov space then starts at v, which is power's start), or, with a warm
    /// start s, from y = γ s with γ = ⟨s, v⟩_H / ⟨s, A s⟩_H, the multiple of s closest to the
    /// solution in A's norm (the answer itself gives r = 0): one more pull.
    conjugate_gradient_step(const pagerank_problem& k, const std::vector<double>& start, bool warm)
        : k_(k), y_(k.n), r_(k.n), p_(k.n), q_(k.n), c_(k.n) {
        double gamma = 0;
        if (warm) {  // p = s off the held nodes, q = A s
#pragma omp parallel for schedule(static) if (k.n > parallel_threshold)
            for (std::size_t i = 0; i < k.n; ++i) {
                p_[i] = k.inv_out[i] == 0.0 ? 0.0 : start[i];
                c_[i] = p_[i] * k.inv_out[i];
            }
            const auto s = ordered_sums<2>(k.n, [&](std::size_t i, std::array<double, 2>& acc) {
                q_[i] = p_[i] - k.alpha * pull<Weighted, Masked>(k, c_.data(), i);
                acc[0] += k.inv_out[i] * p_[i] * k.v_at(i);
                acc[1] += k.inv_out[i] * p_[i] * q_[i];
            });
            gamma = s[1] > 0 ? s[0] / s[1] : 0.0;
        }
        // y = v on the held nodes (out(j) = 0), γ s elsewhere; r = v − A y = v − γ A s there.
        const auto sums = ordered_sums<2>(k.n, [&](std::size_t i, std::array<double, 2>& acc) {
            const bool held = k.inv_out[i] == 0.0;
            y_[i] = held ? k.v_at(i) : warm ? gamma * p_[i] : 0.0;
            r_[i] = held ? 0.0 : k.v_at(i) - (warm ? gamma * q_[i] : 0.0);
            p_[i] = r_[i];
            c_[i] = r_[i] * k.inv_out[i];
            acc[0] += r_[i];
            acc[1] += y_[i];
        });
        sigma_ = sums[0];
        sum_y_ = sums[1];
    }

    void restart() {}  // never called: extrapolation runs with the power solver only

    double operator()() {
        const double alpha = k_.alpha;
        // q = A p and the H-products, in one pull.
        const auto s = ordered_sums<5>(k_.n, [&](std::size_t i, std::array<double, 5>& acc) {
            const double qi = p_[i] - alpha * pull<Weighted, Masked>(k_, c_.data(), i);
            q_[i] = qi;
            const double h = k_.inv_out[i], ri = r_[i];
            acc[0] += h * p_[i] * qi;
            acc[1] += h * ri * qi;
            acc[2] += h * qi * qi;
            acc[3] += h * ri * ri;
            acc[4] += qi;
        });
        const double pq = s[0], rq = s[1], qq = s[2], rr = s[3];
        const double a = pq > 0 ? rr / pq : 0.0;
        const double rr_next = std::max(0.0, rr - 2 * a * rq + a * a * qq);
        const double beta = rr > 0 ? rr_next / rr : 0.0;
        const double sigma = sigma_ - a * s[4];
        // y += a p, r −= a q, p = r + β p, c = H p; and ‖r − σ v‖₁, Σy, Σr.
        const auto t = ordered_sums<3>(k_.n, [&](std::size_t i, std::array<double, 3>& acc) {
            const double yi = y_[i] + a * p_[i];
            const double ri = r_[i] - a * q_[i];
            const double pi = ri + beta * p_[i];
            y_[i] = yi;
            r_[i] = ri;
            p_[i] = pi;
            c_[i] = pi * k_.inv_out[i];
            acc[0] += std::fabs(ri - sigma * k_.v_at(i));
            acc[1] += yi;
            acc[2] += ri;
        });
        sum_y_ = t[1];
        sigma_ = t[2];
        return t[0] / sum_y_;
    }

    /// x = G(y / Σy) = (y + r − σ v) / Σy: sums to 1; an entry that rounds below 0 (possible
    /// only where v is 0, at the size of the residual) is set to 0 and x renormalised.
    void write_scores(std::vector<double>& x) const {
        x.resize(k_.n);
        const double inv = 1.0 / sum_y_;
        const auto s = ordered_sums<2>(k_.n, [&](std::size_t i, std::array<double, 2>& acc) {
            const double xi = (y_[i] + r_[i] - sigma_ * k_.v_at(i)) * inv;
            x[i] = xi > 0 ? xi : 0.0;
            acc[0] += x[i];
            acc[1] += xi < 0 ? 1.0 : 0.0;
        });
        if (s[1] == 0) return;
#pragma omp parallel for schedule(static) if (k_.n > parallel_threshold)
        for (std::size_t i = 0; i < k_.n; ++i) x[i] /= s[0];
    }

private:
    const pagerank_problem& k_;
    gather_vector y_, r_, p_, q_, c_;  // first touched in parallel (see jacobi_state)
    double sigma_ = 0, sum_y_ = 0;
};

}  // namespace

void solve_conjugate_gradient(const pagerank_problem& k, std::vector<double>& x,
                              const pagerank_options& o, pagerank_result& r) {
    drive_solver<conjugate_gradient_step>(
        k, x, o, r,
        [&](auto& step) {
            if (r.iterations > 0) step.write_scores(x);  // else x stays the start, as under power
        },
        !o.start.empty());
}

}  // namespace linkequity::detail
