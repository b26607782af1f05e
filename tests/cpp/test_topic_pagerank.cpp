// SPDX-License-Identifier: MIT
// topic_pagerank: every column of a batch against a single personalised pagerank() run and the
// dense Eigen solve (oracle.hpp) on random graphs; identical bits on 1 and 2 threads; per-topic
// convergence; errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <random>

#include "linkequity/linkequity.hpp"
#include "oracle.hpp"
#include "threads.hpp"

#if defined(_OPENMP)
#include <omp.h>
#endif

using namespace linkequity;
using oracle::graph_of;
using oracle::options_of;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {

/// k random topics over n nodes: 1–5 seeds each, weighted or not (a repeated seed sometimes).
std::vector<topic_seeds> random_topics(std::mt19937_64& rng, std::size_t n, std::size_t k) {
    std::vector<topic_seeds> topics(k);
    for (std::size_t t = 0; t < k; ++t) {
        topics[t].name = "t" + std::to_string(t);
        const std::size_t seeds = 1 + rng() % 5;
        const bool weighted = rng() % 2;
        for (std::size_t s = 0; s < seeds; ++s) {
            topics[t].nodes.push_back(static_cast<node_id>(rng() % n));
            if (weighted) topics[t].weights.push_back(1.0 + double(rng() % 7));
        }
    }
    return topics;
}

/// The dense personalisation vector of a topic (what a single TrustRank run is given).
std::vector<double> dense_seeds(const topic_seeds& t, std::size_t n) {
    std::vector<double> v(n, 0.0);
    for (std::size_t q = 0; q < t.nodes.size(); ++q)
        v[t.nodes[q]] += t.weights.empty() ? 1.0 : t.weights[q];
    return v;
}

std::vector<double> column(const topic_pagerank_result& r, std::size_t t) {
    std::vector<double> c(r.num_nodes);
    for (std::size_t i = 0; i < r.num_nodes; ++i) c[i] = r.score(i, t);
    return c;
}

}  // namespace

TEST_CASE("topic_pagerank: each column is a single TrustRank run and the dense solve",
          "[topic_pagerank][oracle]") {
    std::mt19937_64 rng(20261201);
    for (int c_no = 0; c_no < 120; ++c_no) {
        oracle::dense_case c = oracle::random_case(rng, 150);
        c.keep_self_loops = c_no & 1;
        if (c_no & 2) {
            std::uniform_real_distribution<float> w(0.0f, 3.0f);
            for (std::size_t e = 0; e < c.src.size(); ++e) c.weights.push_back(w(rng));
        }
        if (c_no % 3 == 0) {
            for (std::size_t e = 0; e < c.src.size(); ++e)
                c.flags.push_back(static_cast<edge_flags>(rng() % 5 == 0 ? flags::nofollow : 0));
            c.evaporate = (c_no % 2 == 0);
        }
        c.damping = c_no % 4 == 0 ? 0.5 : 0.85;
        const std::size_t k = std::vector<std::size_t>{1, 3, 8, 9, 17}[c_no % 5];
        const auto topics = random_topics(rng, c.n, k);
        const csr_graph g = graph_of(c);
        topic_pagerank_options o;
        o.pagerank.damping = c.damping;
        o.pagerank.tolerance = 1e-14;
        o.pagerank.max_iterations = 10000;
        o.pagerank.excluded_links =
            c.evaporate ? excluded_link_mode::evaporate : excluded_link_mode::exclude;
        INFO("case " << c_no << ": n=" << c.n << " m=" << c.src.size() << " k=" << k);
        const auto r = topic_pagerank(g, topics, o);
        REQUIRE(r.num_topics() == k);
        REQUIRE(r.scores.size() == c.n * k);
        REQUIRE(r.all_converged());
        for (std::size_t t = 0; t < k; ++t) {
            pagerank_options single = o.pagerank;
            single.personalization = dense_seeds(topics[t], c.n);
            const auto s = pagerank(g, single);
            const auto col = column(r, t);
            double worst = 0;
            for (std::size_t i = 0; i < c.n; ++i) worst = std::max(worst, std::fabs(col[i] - s.scores[i]));
            CHECK(worst < 1e-12);
            CHECK(r.iterations[t] == s.iterations);  // the topic stopped where a single run stops
            oracle::dense_case d = c;
            d.personalization = single.personalization;
            CHECK(oracle::l1(col, oracle::dense_pagerank(d)) < 1e-11);
            CHECK_THAT(oracle::sum(col), WithinAbs(1.0, 1e-12));
        }
    }
}

TEST_CASE("topic_pagerank: a view scores the reversed graph like a csr_graph of it",
          "[topic_pagerank]") {
    std::mt19937_64 rng(7);
    const oracle::dense_case c = oracle::random_case(rng, 80);
    const csr_graph g = graph_of(c);
    const csr_graph reversed = build_graph(c.n, c.dst, c.src);
    const auto topics = random_topics(rng, c.n, 4);
    const auto a = topic_pagerank(g.out_view(), topics);
    const auto b = topic_pagerank(reversed, topics);
    for (std::size_t i = 0; i < a.scores.size(); ++i)
        CHECK_THAT(a.scores[i], WithinAbs(b.scores[i], 1e-13));
}

TEST_CASE("topic_pagerank: the degree order gives the graph order's scores", "[topic_pagerank]") {
    std::mt19937_64 rng(11);
    for (int c_no = 0; c_no < 20; ++c_no) {
        oracle::dense_case c = oracle::random_case(rng, 120);
        if (c_no % 2)
            for (std::size_t e = 0; e < c.src.size(); ++e) c.weights.push_back(float(1 + rng() % 4));
        for (std::size_t e = 0; e < c.src.size(); ++e)
            c.flags.push_back(static_cast<edge_flags>(rng() % 4 == 0 ? flags::nofollow : 0));
        c.evaporate = c_no % 3 == 0;
        build_options lean;
        lean.lean = c_no % 4 == 1 && !c.evaporate;
        const csr_graph g = build_graph(c.n, c.src, c.dst, c.flags, c.weights, lean);
        const auto topics = random_topics(rng, c.n, 1 + c_no % 10);
        topic_pagerank_options o;
        o.pagerank.tolerance = 1e-14;
        o.pagerank.max_iterations = 10000;
        if (c.evaporate) o.pagerank.excluded_links = excluded_link_mode::evaporate;
        o.pagerank.node_order = pagerank_node_order::as_built;
        const auto a = topic_pagerank(g, topics, o);
        o.pagerank.node_order = pagerank_node_order::by_degree;
        const auto b = topic_pagerank(g, topics, o);
        INFO("case " << c_no);
        for (std::size_t i = 0; i < a.scores.size(); ++i)
            CHECK_THAT(b.scores[i], WithinAbs(a.scores[i], 1e-13));
    }
}

TEST_CASE("topic_pagerank: 1 and 2 threads give identical bits", "[topic_pagerank][threads]") {
    kronecker_options ko;
    ko.scale = 16;
    ko.edge_factor = 8;
    const csr_graph g = build_graph(kronecker_edges(ko));
    std::mt19937_64 rng(3);
    const auto topics = random_topics(rng, g.num_nodes(), 11);
    topic_pagerank_options o;
    o.pagerank.tolerance = 1e-12;
#if defined(_OPENMP)
    const int before = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto one = topic_pagerank(g, topics, o);
    omp_set_num_threads(2);
    const auto two = topic_pagerank(g, topics, o);
    omp_set_num_threads(before);
    REQUIRE(one.scores.size() == two.scores.size());
    CHECK(std::memcmp(one.scores.data(), two.scores.data(),
                      one.scores.size() * sizeof(double)) == 0);
    CHECK(one.iterations == two.iterations);
    CHECK(one.residual == two.residual);
#else
    SUCCEED("built without OpenMP");
#endif
}

TEST_CASE("topic_pagerank: topics converge on their own and the cap is per batch",
          "[topic_pagerank]") {
    // A cycle 0→1→2→3→0 plus a sink 4 ← 3; the two topics need different numbers of passes.
    const auto g = build_graph(5, std::vector<node_id>{0, 1, 2, 3, 3},
                               std::vector<node_id>{1, 2, 3, 0, 4});
    const std::vector<topic_seeds> topics{{"cycle", {0}, {}}, {"both", {0, 4}, {1.0, 3.0}}};
    topic_pagerank_options o;
    o.pagerank.tolerance = 1e-12;
    o.pagerank.max_iterations = 1000;
    const auto r = topic_pagerank(g, topics, o);
    REQUIRE(r.all_converged());
    CHECK(r.passes == std::max(r.iterations[0], r.iterations[1]));
    o.pagerank.max_iterations = 3;
    const auto capped = topic_pagerank(g, topics, o);
    CHECK(capped.passes == 3);
    CHECK(capped.iterations == std::vector<std::size_t>{3, 3});
    CHECK_FALSE(capped.all_converged());
    // The 3rd iterate of the single run.
    pagerank_options single;
    single.max_iterations = 3;
    single.personalization = {1, 0, 0, 0, 3};
    const auto s = pagerank(g, single);
    for (node_id i = 0; i < 5; ++i) CHECK(capped.score(i, 1) == s.scores[i]);
}

TEST_CASE("topic_pagerank: bad topics and options name what is wrong", "[topic_pagerank][errors]") {
    const auto g = build_graph(3, std::vector<node_id>{0, 1}, std::vector<node_id>{1, 2});
    auto fails = [&](const std::vector<topic_seeds>& t, const char* what,
                     topic_pagerank_options o = {}) {
        INFO(what);
        CHECK_THROWS_WITH(topic_pagerank(g, t, o), Contains(what));
    };
    fails({}, "no topics given");
    fails({{"news", {}, {}}}, "topic 'news' has no seeds");
    fails({{"news", {7}, {}}}, "seed 7 is not a node (the graph has 3 nodes)");
    fails({{"news", {0, 1}, {1.0}}}, "2 seeds and 1 weights");
    fails({{"news", {0}, {-1.0}}}, "seed 0 has weight -1");
    fails({{"news", {0, 1}, {0.0, 0.0}}}, "seed weights sum to 0");
    fails({{"a", {0}, {}}, {"a", {1}, {}}}, "topic 'a' is given twice");
    topic_pagerank_options o;
    o.pagerank.damping = 1.5;
    fails({{"a", {0}, {}}}, "topic_pagerank: damping must be in (0, 1), got 1.5", o);
    o = {};
    o.pagerank.personalization = {1, 1, 1};
    fails({{"a", {0}, {}}}, "come from the topics", o);
    o = {};
    o.pagerank.solver = pagerank_solver::gauss_seidel;
    fails({{"a", {0}, {}}}, "only the power and local_gauss_seidel solvers", o);
    o.pagerank.solver = pagerank_solver::local_gauss_seidel;
    o.pagerank.acceleration = pagerank_acceleration::quadratic;
    fails({{"a", {0}, {}}}, "without acceleration", o);
}

TEST_CASE("topic_pagerank: batches of 8 topics on a graph whose rows outgrow the cache",
          "[topic_pagerank][threads]") {
    // 2^18 nodes × 16 columns × 8 bytes = 32 MiB of rows > a 16 MiB budget: 11 topics run as
    // batches of topics 0–7 and 8–10 (the second reusing the first's buffers), each column
    // still the single TrustRank run, and the same bits as one batch of all 11.
    kronecker_options ko;
    ko.scale = 18;
    ko.edge_factor = 4;
    const csr_graph g = build_graph(kronecker_edges(ko));
    std::mt19937_64 rng(5);
    std::vector<topic_seeds> topics(11);
    for (std::size_t t = 0; t < topics.size(); ++t) {
        topics[t].name = "t" + std::to_string(t);
        for (int s = 0; s < 1 + int(t) * 3; ++s)
            topics[t].nodes.push_back(static_cast<node_id>(rng() % g.num_nodes()));
    }
    topic_pagerank_options o;
    o.pagerank.tolerance = 1e-10;
    o.batch_bytes = std::size_t{16} << 20;
    const auto one = test_threads::on(1, [&] { return topic_pagerank(g, topics, o); });
    const auto two = test_threads::on(2, [&] { return topic_pagerank(g, topics, o); });
    REQUIRE(one.all_converged());
    CHECK(std::memcmp(one.scores.data(), two.scores.data(), one.scores.size() * sizeof(double)) ==
          0);
    CHECK(one.iterations == two.iterations);
    topic_pagerank_options whole = o;
    whole.batch_bytes = std::size_t{64} << 20;
    const auto single_batch = test_threads::on(2, [&] { return topic_pagerank(g, topics, whole); });
    CHECK(single_batch.passes == *std::max_element(one.iterations.begin(), one.iterations.end()));
    CHECK(std::memcmp(one.scores.data(), single_batch.scores.data(),
                      one.scores.size() * sizeof(double)) == 0);
    CHECK(one.iterations == single_batch.iterations);
    // 16 topics in one batch iterate in the result's own memory (k is the stride): still the
    // bits of two batches of 8.
    std::vector<topic_seeds> sixteen = topics;
    for (std::size_t t = topics.size(); t < 16; ++t)
        sixteen.push_back(
            {"t" + std::to_string(t), {static_cast<node_id>(rng() % g.num_nodes())}, {}});
    const auto in_place = test_threads::on(2, [&] { return topic_pagerank(g, sixteen, whole); });
    const auto by_eight = test_threads::on(2, [&] { return topic_pagerank(g, sixteen, o); });
    CHECK(in_place.passes < by_eight.passes);
    CHECK(std::memcmp(in_place.scores.data(), by_eight.scores.data(),
                      in_place.scores.size() * sizeof(double)) == 0);
    CHECK(in_place.iterations == by_eight.iterations);
    auto most = [&](std::size_t first, std::size_t last) {
        return *std::max_element(one.iterations.begin() + first, one.iterations.begin() + last);
    };
    CHECK(one.passes == most(0, 8) + most(8, 11));  // two sweeps of the graph per iteration
    for (const std::size_t t : {0, 7, 8, 10}) {
        pagerank_options single = o.pagerank;
        single.personalization = dense_seeds(topics[t], g.num_nodes());
        const auto s = pagerank(g, single);
        const auto col = column(one, t);
        double worst = 0;
        for (std::size_t i = 0; i < col.size(); ++i)
            worst = std::max(worst, std::fabs(col[i] - s.scores[i]));
        INFO("topic " << t);
        CHECK(worst < 1e-12);
        CHECK(one.iterations[t] == s.iterations);
    }
    // Cancelled in the first batch: the second batch is not run, its columns are the seeds.
    o.pagerank.progress = [](const pagerank_progress&) { return false; };
    const auto cancelled = topic_pagerank(g, topics, o);
    CHECK(cancelled.cancelled);
    CHECK(cancelled.passes == 1);
    CHECK(cancelled.iterations[7] == 1);
    CHECK(cancelled.iterations[8] == 0);
    const auto seeds = dense_seeds(topics[8], g.num_nodes());
    const double total = oracle::sum(seeds);
    std::size_t differ = 0;
    for (std::size_t i = 0; i < seeds.size(); ++i) differ += cancelled.score(i, 8) != seeds[i] / total;
    CHECK(differ == 0);
}
