// SPDX-License-Identifier: MIT
// Page / domain authority against an independent oracle: the graphs of tests/data/web/small.csv
// written out by hand below, and docs/scores.md's PageRank equations solved as a dense linear
// system with Eigen. Also the 0–100 scale, ranks, link counts, weight modes, evaporate, disavow.
#include <catch2/catch.hpp>

#include <Eigen/Dense>

#include <cmath>
#include <string>
#include <vector>

#include "linkequity/web/apply_disavow.hpp"
#include "linkequity/web/authority.hpp"

using namespace linkequity;
using namespace linkequity::web;
using Catch::Matchers::WithinAbs;

namespace {

const std::string data_dir = std::string(LINKEQUITY_TEST_DATA) + "/web/";

struct hand_edge {
    std::string s, t;
    double w;
    bool followable;
};

/// Solves x = α Σ_{followable (j,i)} x_j w_ji / out(j) + α D / n + (α Z + 1 − α) / n exactly
/// (docs/scores.md), out(j) over followable edges (exclude) or all edges (evaporate).
Eigen::VectorXd oracle(std::size_t n, const std::vector<std::pair<std::size_t, hand_edge>>& e,
                       const std::vector<std::size_t>& targets, double alpha, bool evaporate) {
    Eigen::VectorXd out_all = Eigen::VectorXd::Zero(n), out_f = Eigen::VectorXd::Zero(n);
    for (std::size_t k = 0; k < e.size(); ++k) {
        out_all[e[k].first] += e[k].second.w;
        if (e[k].second.followable) out_f[e[k].first] += e[k].second.w;
    }
    const Eigen::VectorXd& out = evaporate ? out_all : out_f;
    Eigen::MatrixXd a = Eigen::MatrixXd::Identity(n, n);
    for (std::size_t k = 0; k < e.size(); ++k)
        if (e[k].second.followable)
            a(targets[k], e[k].first) -= alpha * e[k].second.w / out[e[k].first];
    const double dn = static_cast<double>(n);
    for (std::size_t j = 0; j < n; ++j) {
        if (out[j] == 0) a.col(j).array() -= alpha / dn;
        else if (evaporate) a.col(j).array() -= alpha * (out_all[j] - out_f[j]) / out_all[j] / dn;
    }
    return a.partialPivLu().solve(Eigen::VectorXd::Constant(n, (1 - alpha) / dn));
}

/// Oracle scores for a graph given by node names (looked up with `id`).
template <class Id>
Eigen::VectorXd solve_by_hand(std::size_t n, const std::vector<hand_edge>& edges, Id id,
                              double alpha = 0.85, bool evaporate = false) {
    std::vector<std::pair<std::size_t, hand_edge>> e;
    std::vector<std::size_t> t;
    for (const auto& h : edges) {
        e.push_back({id(h.s), h});
        t.push_back(id(h.t));
    }
    return oracle(n, e, t, alpha, evaporate);
}

// The domain graph of small.csv, by hand. Followable: alpha→beta (blog post → beta.co.uk/),
// beta→alpha (two page pairs), beta→gamma, gamma→alpha, example→alpha. Not followable:
// alpha→gamma (nofollow), alpha→example (sponsored), delta→gamma (ugc). Internal links drop out.
std::vector<hand_edge> small_domain_edges(bool links_mode) {
    const double two = links_mode ? 1 + std::log(2.0) : 1.0;
    return {{"alpha.com", "beta.co.uk", 1, true},
            {"beta.co.uk", "alpha.com", two, true},
            {"beta.co.uk", "gamma.blogspot.com", 1, true},
            {"gamma.blogspot.com", "alpha.com", 1, true},
            {"example.com.au", "alpha.com", 1, true},
            {"alpha.com", "gamma.blogspot.com", 1, false},
            {"alpha.com", "example.com.au", 1, false},
            {"delta.blogspot.com", "gamma.blogspot.com", 1, false}};
}

// The page graph of small.csv by hand: parallel links merged, excluded ones flagged.
std::vector<hand_edge> small_page_edges(bool positions) {
    // Weights are stored as float (4 bytes per edge): the oracle uses the same values.
    const double nav = positions ? double(0.3f) : 1, side = positions ? double(0.5f) : 1,
                 foot = positions ? double(0.2f) : 1;
    return {
        // / → /about twice (navigation and content): the most prominent copy's weight (content).
        {"https://www.alpha.com/", "https://www.alpha.com/about", 1, true},
        {"https://www.alpha.com/about", "https://www.alpha.com/", nav, true},
        {"https://www.alpha.com/", "https://blog.alpha.com/post-1", nav, true},
        {"https://blog.alpha.com/post-1", "https://beta.co.uk/", 1, true},
        {"https://blog.alpha.com/post-1", "https://gamma.blogspot.com/", 1, false},
        {"https://www.beta.co.uk/", "https://www.alpha.com/", 1, true},
        {"https://www.beta.co.uk/", "https://www.alpha.com/about", 1, true},
        {"https://beta.co.uk/", "https://gamma.blogspot.com/x", 1, true},
        {"https://gamma.blogspot.com/x", "https://www.alpha.com/", side, true},
        {"https://delta.blogspot.com/", "https://gamma.blogspot.com/", 1, false},
        {"https://www.alpha.com/", "https://shop.example.com.au/item?id=3", 1, false},
        {"https://x.example.com.au/", "https://www.alpha.com/about", foot, true},
    };
}

void check_scores(const std::vector<double>& got, const Eigen::VectorXd& want) {
    REQUIRE(got.size() == static_cast<std::size_t>(want.size()));
    double l1 = 0;
    for (std::size_t i = 0; i < got.size(); ++i) l1 += std::fabs(got[i] - want[i]);
    CHECK(l1 < 1e-9);
}

}  // namespace

TEST_CASE("authority: domain authority equals the hand-built domain graph's dense solve",
          "[authority]") {
    const web_graph g = web_graph::read({data_dir + "small.csv"});
    auto dom = [&](const std::string& name) { return static_cast<std::size_t>(*g.find_domain(name)); };
    for (const bool links_mode : {false, true}) {
        authority_options o;
        o.domain_weights = links_mode ? domain_weight_mode::links : domain_weight_mode::domains;
        const authority_result r = compute_authority(g, o);
        INFO("links mode " << links_mode);
        CHECK(r.domains.converged);
        check_scores(r.domains.score, solve_by_hand(5, small_domain_edges(links_mode), dom));
    }
    // The weight modes really differ (beta splits 1:1 in `domains`, (1+ln 2):1 in `links`).
    authority_options lm;
    lm.domain_weights = domain_weight_mode::links;
    CHECK(compute_authority(g, lm).domains.score[dom("alpha.com")] >
          compute_authority(g).domains.score[dom("alpha.com")]);
}

TEST_CASE("authority: page authority equals the hand-built page graph's dense solve",
          "[authority]") {
    const web_graph g = web_graph::read({data_dir + "small.csv"});
    auto page = [&](const std::string& url) { return static_cast<std::size_t>(*g.find_page(url)); };
    SECTION("exclude mode") {
        const authority_result r = compute_authority(g);
        check_scores(r.pages.score, solve_by_hand(10, small_page_edges(false), page));
    }
    SECTION("evaporate mode") {
        authority_options o;
        o.pagerank.excluded_links = excluded_link_mode::evaporate;
        const authority_result r = compute_authority(g, o);
        check_scores(r.pages.score, solve_by_hand(10, small_page_edges(false), page, 0.85, true));
        auto dom = [&](const std::string& n) { return static_cast<std::size_t>(*g.find_domain(n)); };
        check_scores(r.domains.score, solve_by_hand(5, small_domain_edges(false), dom, 0.85, true));
        // The floor includes the evaporated mass: an unlinked page still scores exactly f.
        CHECK(r.pages.evaporated_mass > 0);
        CHECK_THAT(r.pages.score[page("https://x.example.com.au/")],
                   WithinAbs(r.pages.floor, 1e-12));
    }
    SECTION("reasonable surfer position weights") {
        authority_options o;
        o.positions = position_weights{};
        const authority_result r = compute_authority(g, o);
        check_scores(r.pages.score, solve_by_hand(10, small_page_edges(true), page));
    }
    SECTION("damping 0.5") {
        authority_options o;
        o.pagerank.damping = 0.5;
        check_scores(compute_authority(g, o).pages.score,
                     solve_by_hand(10, small_page_edges(false), page, 0.5));
    }
}

TEST_CASE("authority: the 0-100 scale (unlinked 0, top 100, log steps) and ranks",
          "[authority]") {
    const web_graph g = web_graph::read({data_dir + "small.csv"});
    const authority_result r = compute_authority(g);
    const authority_table& d = r.domains;
    auto dom = [&](const std::string& n) { return *g.find_domain(n); };
    // f = ((1 − α) + α·D)/N with D the dangling mass (delta.blogspot.com has no followable link).
    const double f = (0.15 + 0.85 * d.score[dom("delta.blogspot.com")]) / 5;
    CHECK_THAT(d.floor, WithinAbs(f, 1e-15));
    CHECK_THAT(d.dangling_mass, WithinAbs(d.score[dom("delta.blogspot.com")], 1e-15));
    // No followable link reaches delta (ugc) nor example.com.au (sponsored): both score f, 0.
    CHECK_THAT(d.score[dom("example.com.au")], WithinAbs(f, 1e-12));
    CHECK(d.authority[dom("example.com.au")] == 0.0);
    CHECK(d.authority[dom("delta.blogspot.com")] == 0.0);
    CHECK(d.authority[dom("alpha.com")] == 100.0);  // the strongest
    const double xmax = d.score[dom("alpha.com")], xb = d.score[dom("beta.co.uk")];
    CHECK_THAT(d.authority[dom("beta.co.uk")],
               WithinAbs(100 * std::log(xb / f) / std::log(xmax / f), 1e-9));
    // Ranks: 1 = best, equal scores share a rank (delta and example tie at the bottom).
    CHECK(d.rank[dom("alpha.com")] == 1);
    CHECK(d.rank[dom("beta.co.uk")] == 2);
    CHECK(d.rank[dom("gamma.blogspot.com")] == 3);
    CHECK(d.rank[dom("delta.blogspot.com")] == d.rank[dom("example.com.au")]);
    CHECK(d.rank[dom("delta.blogspot.com")] == 4);
    CHECK(r.scale_version == authority_scale_version);
    CHECK(authority_scale_version == 1);

    // authority_scale on its own: unlinked → 0, top → 100, each factor e of score = equal step.
    const std::vector<double> x = {0.1, 0.1 * std::exp(1.0), 0.1 * std::exp(2.0), 0.1 * 0.5};
    const auto a = authority_scale(x, 0.1);
    CHECK(a[0] == 0.0);
    CHECK_THAT(a[1], WithinAbs(50.0, 1e-12));
    CHECK(a[2] == 100.0);
    CHECK(a[3] == 0.0);  // below the floor: clipped
    CHECK(authority_scale(std::vector<double>{0.25, 0.25, 0.25, 0.25}, 0.25) ==
          std::vector<double>(4, 0.0));  // nothing linked: all 0
    CHECK(competition_ranks(std::vector<double>{0.1, 0.3, 0.3, 0.2}) ==
          std::vector<std::uint32_t>{4, 1, 1, 3});
}

TEST_CASE("authority: link counts per page and per domain", "[authority]") {
    const web_graph g = web_graph::read({data_dir + "small.csv"});
    authority_options o;
    o.compute_hosts = true;
    const authority_result r = compute_authority(g, o);
    const node_id alpha = *g.find_domain("alpha.com");
    // Into alpha.com from outside: www.beta (2 links), gamma/x, x.example.
    CHECK(r.domains.backlinks[alpha] == 4);
    CHECK(r.domains.followable_backlinks[alpha] == 4);
    CHECK(r.domains.referring_pages[alpha] == 3);
    CHECK(r.domains.referring_domains[alpha] == 3);
    // Out of alpha.com: post-1 → beta, post-1 → gamma (nofollow), / → shop (sponsored).
    CHECK(r.domains.outgoing_links[alpha] == 3);
    CHECK(r.domains.followable_outgoing_links[alpha] == 1);
    const node_id gamma = *g.find_domain("gamma.blogspot.com");
    CHECK(r.domains.referring_domains[gamma] == 3);  // alpha (nofollow), beta, delta (ugc)
    CHECK(r.domains.followable_referring_domains[gamma] == 1);
    // /about: from / (twice, internal), www.beta, x.example; referring domains exclude its own.
    const node_id about = *g.find_page("https://www.alpha.com/about");
    CHECK(r.pages.backlinks[about] == 4);
    CHECK(r.pages.referring_pages[about] == 3);
    CHECK(r.pages.referring_domains[about] == 2);
    CHECK(r.pages.outgoing_links[about] == 1);
    // Hosts: blog.alpha.com ← www.alpha.com (internal, other host).
    const node_id blog = *g.find_host("blog.alpha.com");
    CHECK(r.hosts.backlinks[blog] == 1);
    CHECK(r.hosts.referring_domains[blog] == 0);
    CHECK(r.hosts.size() == g.num_hosts());
}

TEST_CASE("authority: disavowed links stop passing authority", "[authority][disavow]") {
    web_graph g = web_graph::read({data_dir + "small.csv"});
    const disavow_list list = disavow_list::parse("domain:beta.co.uk\n");
    const disavow_application a = apply_disavow(g, list, "alpha.com");
    CHECK(a.links_disavowed == 2);
    const authority_result r = compute_authority(g);
    auto dom = [&](const std::string& n) { return static_cast<std::size_t>(*g.find_domain(n)); };
    std::vector<hand_edge> e = small_domain_edges(false);
    e[1].followable = false;  // beta → alpha is disavowed; beta → gamma is not (other owner)
    check_scores(r.domains.score, solve_by_hand(5, e, dom));
    CHECK(r.domains.followable_backlinks[dom("alpha.com")] == 2);
    CHECK(r.domains.backlinks[dom("alpha.com")] == 4);
}

TEST_CASE("authority: same scores from equivalent inputs, empty graph, bad options",
          "[authority]") {
    const authority_result a = compute_authority(web_graph::read({data_dir + "small.csv"}));
    const authority_result b =
        compute_authority(web_graph::read({data_dir + "small_reordered.tsv"}));
    CHECK(a.pages.score == b.pages.score);  // bit for bit
    CHECK(a.domains.score == b.domains.score);
    CHECK(a.pages.rank == b.pages.rank);

    web_graph_builder builder;
    const authority_result e = compute_authority(builder.finish());
    CHECK(e.pages.size() == 0);
    CHECK(e.domains.size() == 0);

    const web_graph g = web_graph::read({data_dir + "small.csv"});
    authority_options bad;
    bad.pagerank.damping = 1.3;
    try {
        compute_authority(g, bad);
        FAIL("expected invalid_argument");
    } catch (const std::invalid_argument& ex) {
        CHECK_THAT(std::string(ex.what()), Catch::Matchers::Contains("damping"));
        CHECK_THAT(std::string(ex.what()), Catch::Matchers::Contains("1.3"));
    }
    CHECK_THROWS_AS(position_weights::parse("footer=-1"), std::invalid_argument);
    CHECK_THROWS_AS(position_weights::parse("middle=1"), std::invalid_argument);
    const position_weights pw = position_weights::parse("footer=0.1, content=2");
    CHECK(pw.footer == 0.1f);
    CHECK(pw.content == 2.0f);
    CHECK(pw.sidebar == 0.5f);
}
