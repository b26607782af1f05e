// SPDX-License-Identifier: MIT
// Topical authority on the web model: the topics file (header, quoting, bad rows with file, line
// and value), the seeds of each level against a dense solve (oracle.hpp) on the small fixture,
// the top_topic rule, and `score --topics` end to end.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli_runner.hpp"
#include "linkequity/error.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/topics.hpp"
#include "oracle.hpp"
#include "synthetic_feed.hpp"
#include "temp_files.hpp"

using namespace linkequity;
using namespace linkequity::web;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {

const std::string data_dir = std::string(LINKEQUITY_TEST_DATA) + "/web/";

/// The dense oracle's PageRank of `g` (a csr_graph with out-edges) with personalisation v
/// (dangling distribution = v), straight from its edge list.
std::vector<double> dense_trustrank(const csr_graph& g, const std::vector<double>& v) {
    oracle::dense_case c;
    c.n = g.num_nodes();
    const csr_view out = g.out_view();
    for (std::size_t j = 0; j < c.n; ++j)
        for (edge_offset e = out.offsets[j]; e < out.offsets[j + 1]; ++e) {
            c.src.push_back(static_cast<std::uint32_t>(j));
            c.dst.push_back(out.sources[e]);  // the out-view's "sources" are the targets
            c.flags.push_back(out.flags.empty() ? edge_flags(0) : out.flags[e]);
            if (!out.weights.empty()) c.weights.push_back(out.weights[e]);
        }
    c.personalization = v;
    return oracle::dense_pagerank(c);
}

std::vector<double> column_of(const topic_pagerank_result& r, std::size_t t) {
    std::vector<double> c(r.num_nodes);
    for (std::size_t i = 0; i < r.num_nodes; ++i) c[i] = r.score(i, t);
    return c;
}

}  // namespace

TEST_CASE("topics file: header, comments, quotes and sorted topics", "[web][topics]") {
    const auto l = topic_labels::parse(
        "\xEF\xBB\xBF# labelled by hand\r\ntopic,domain\r\nnews,Beta.CO.UK.\n\n\"tech, AI\",alpha.com\n"
        "news,\"gamma.blogspot.com\"\n",
        "t.csv", false);
    CHECK(l.topics == std::vector<std::string>{"news", "tech, AI"});
    REQUIRE(l.domains.size() == 3);
    CHECK(l.domains[0] == std::make_pair(std::string("beta.co.uk"), std::size_t{0}));
    CHECK(l.domains[1] == std::make_pair(std::string("alpha.com"), std::size_t{1}));
}

TEST_CASE("topics file: IDN domains are named as the graph names them", "[web][topics]") {
    // RFC 3492 / IDNA: bücher.de is xn--bcher-kva.de, in any case, with or without a final dot.
    const topic_labels l = topic_labels::parse(
        "domain,topic\nBÜCHER.de.,books\nxn--bcher-kva.de,shop\n", "t.csv", false);
    REQUIRE(l.domains.size() == 2);
    CHECK(l.domains[0].first == "xn--bcher-kva.de");
    CHECK(l.domains[1].first == "xn--bcher-kva.de");
    const topic_labels p = topic_labels::from_pairs({" Bücher.DE "}, {"books"});
    CHECK(p.domains.at(0).first == "xn--bcher-kva.de");
    web_graph_builder b;
    b.add("https://bücher.de/a", "https://example.com/");
    b.add("https://example.com/", "https://www.bücher.de/");
    const web_graph g = b.finish();
    const topic_scores t = compute_topics(g, l, {}, false);
    CHECK(t.unknown_domains.empty());
}

TEST_CASE("topics file: bad rows name the file, line and value", "[web][topics][errors]") {
    auto fails = [](const char* text, const char* what) {
        INFO(text);
        CHECK_THROWS_WITH(topic_labels::parse(text, "t.csv", false), Contains(what));
    };
    fails("site,label\na.com,x\n", "t.csv:1: topics: expected the header 'domain,topic', got 'site,label'");
    fails("domain,topic\na.com\n", "t.csv:2: topics: expected the fields domain,topic, got 'a.com'");
    fails("domain,topic\na.com,x\nexa mple.com,y\n", "t.csv:3: topics: 'exa mple.com' is not a domain name");
    fails("domain,topic\nhttps://a.com/,y\n", "t.csv:2: topics: 'https://a.com/' is not a domain name");
    fails("domain,topic\na.com:8080,y\n", "t.csv:2: topics: 'a.com:8080' is not a domain name: "
                                        "it has a scheme or a port");
    fails("domain,topic\na.com,\n", "t.csv:2: topics: empty topic for domain 'a.com'");
    fails("domain,topic\na.com,caf\xE9\n",
          "t.csv:2: topics: line is not UTF-8 or ASCII text (invalid byte 0xE9 at column 10)");
    fails("domain,topic\na.com,\"x\n", "t.csv:2: topics: unterminated quote");
    fails("domain,topic\n", "topics: no domain,topic rows");
    fails("", "expected the header 'domain,topic'");
    CHECK_THROWS_AS(topic_labels::parse("domain,topic\na.com\n", "t.csv", false), parse_error);
    const auto l = topic_labels::parse("domain,topic\na.com\nb.com,x\n", "t.csv", true);
    REQUIRE(l.skipped.size() == 1);
    CHECK(l.skipped[0].line == 2);
    CHECK(l.domains.size() == 1);
    CHECK_THROWS_WITH(topic_labels::read("/nonexistent/topics.csv"),
                      Contains("/nonexistent/topics.csv") && Contains("cannot open"));
}

TEST_CASE("topics: each level against the dense solve with the documented seeds",
          "[web][topics][oracle]") {
    const web_graph g = web_graph::read({data_dir + "small.csv"});
    const auto labels = topic_labels::from_pairs(
        {"alpha.com", "beta.co.uk", "www.gamma.blogspot.com", "nowhere.org"},
        {"tech", "news", "tech", "news"});
    authority_options o;
    o.pagerank.tolerance = 1e-14;
    o.pagerank.max_iterations = 10000;
    const topic_scores s = compute_topics(g, labels, o, true);
    CHECK(s.unknown_domains == std::vector<std::string>{"nowhere.org"});
    const node_id alpha = *g.find_domain("alpha.com"), beta = *g.find_domain("beta.co.uk"),
                  gamma = *g.find_domain("gamma.blogspot.com");
    // Domain level: seeds {beta} for news (topic 0), {alpha, gamma} for tech (topic 1).
    const csr_graph domains = contract(g, graph_level::domain);
    std::vector<double> news(g.num_domains(), 0.0), tech(g.num_domains(), 0.0);
    news[beta] = 1;
    tech[alpha] = tech[gamma] = 1;
    CHECK(oracle::l1(column_of(s.domains, 0), dense_trustrank(domains, news)) < 1e-12);
    CHECK(oracle::l1(column_of(s.domains, 1), dense_trustrank(domains, tech)) < 1e-12);
    // Page level: every page of a seed domain, weighted 1 / (pages of the domain).
    const csr_graph pages = page_graph(g);
    std::vector<double> page_tech(g.num_pages(), 0.0);
    std::vector<double> per_domain(g.num_domains(), 0.0);
    for (node_id p = 0; p < g.num_pages(); ++p) per_domain[g.domain_of(p)] += 1;
    for (node_id p = 0; p < g.num_pages(); ++p)
        if (g.domain_of(p) == alpha || g.domain_of(p) == gamma)
            page_tech[p] = 1.0 / per_domain[g.domain_of(p)];
    CHECK(oracle::l1(column_of(s.pages, 1), dense_trustrank(pages, page_tech)) < 1e-12);
    // Host level: the same with hosts.
    const csr_graph hosts = contract(g, graph_level::host);
    std::vector<double> host_news(g.num_hosts(), 0.0), hosts_of(g.num_domains(), 0.0);
    for (node_id h = 0; h < g.num_hosts(); ++h) hosts_of[g.domain_of_host(h)] += 1;
    for (node_id h = 0; h < g.num_hosts(); ++h)
        if (g.domain_of_host(h) == beta) host_news[h] = 1.0 / hosts_of[beta];
    CHECK(oracle::l1(column_of(s.hosts, 0), dense_trustrank(hosts, host_news)) < 1e-12);
    // A topic with none of its domains in the graph is an error naming it.
    CHECK_THROWS_WITH(compute_topics(g, topic_labels::from_pairs({"nowhere.org"}, {"x"}), o, false),
                      Contains("topic 'x': none of its domains (nowhere.org) is in the input"));
}

TEST_CASE("topics: solver local_gauss_seidel gives power's columns in fewer page passes, "
          "other solvers leave the topics on power", "[web][topics][lgs]") {
    synthetic_web_options w;
    w.domains = 1500;
    w.links = 80000;
    const web_graph g = test_synthetic::feed(synthetic_web(w));
    std::vector<std::string> domains, topics;
    for (node_id d = 0; d < g.num_domains(); d += 7) {
        domains.emplace_back(g.domain_name(d));
        topics.push_back(d % 3 == 0 ? "a" : d % 3 == 1 ? "b" : "c");
    }
    const auto labels = topic_labels::from_pairs(domains, topics);
    authority_options o;
    o.pagerank.tolerance = 1e-12;
    o.pagerank.max_iterations = 10000;
    const topic_scores power = compute_topics(g, labels, o, false);
    o.pagerank.solver = pagerank_solver::local_gauss_seidel;
    const topic_scores local = compute_topics(g, labels, o, false);
    o.pagerank.solver = pagerank_solver::gauss_seidel;
    const topic_scores other = compute_topics(g, labels, o, false);
    INFO("page passes: power " << power.pages.passes << ", local " << local.pages.passes);
    REQUIRE(local.pages.all_converged());
    CHECK(10 * local.pages.passes <= 8 * power.pages.passes);
    for (std::size_t t = 0; t < 3; ++t) {
        CHECK(oracle::l1(column_of(local.pages, t), column_of(power.pages, t)) < 1e-9);
        CHECK(oracle::l1(column_of(local.domains, t), column_of(power.domains, t)) < 1e-9);
    }
    CHECK(other.pages.scores == power.pages.scores);
    CHECK(other.pages.passes == power.pages.passes);
}

TEST_CASE("topics: top_topic is the highest score, ties by name, empty when all zero",
          "[web][topics]") {
    topic_pagerank_result r;
    r.topics = {"zeta", "alpha", "mid"};  // column order differs from name order
    r.num_nodes = 4;
    r.scores = {0.1, 0.3, 0.2,   // node 0: alpha
                0.5, 0.5, 0.1,   // node 1: tie zeta/alpha → alpha (first name)
                0.0, 0.0, 0.0,   // node 2: nothing
                0.4, 0.2, 0.2};  // node 3: zeta
    score_table t;
    t.rows = {0, 1, 2, 3};
    append_topic_columns(t, r);
    CHECK(t.values<double>("topic:mid") == std::vector<double>{0.2, 0.1, 0.0, 0.2});
    CHECK(std::get<std::vector<std::string>>(t.column("top_topic").values) ==
          std::vector<std::string>{"alpha", "alpha", "", "zeta"});
    score_table small;
    small.rows = {0};
    CHECK_THROWS_WITH(append_topic_columns(small, r), Contains("4 topic scores for a table of 1"));
}

TEST_CASE("cli: score --topics adds the columns, bad rows report file and line",
          "[cli][topics]") {
    if (!testing::cli_available()) return;
    test::temp_dir dir;
    std::ofstream(dir.path / "topics.csv") << "domain,topic\nalpha.com,tech\nbeta.co.uk,news\n";
    const auto r = testing::run("score '" + data_dir + "small.csv' --topics topics.csv --hosts -o out",
                                dir.path);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Contains("topics       topics.csv: 2 topics, 2 labelled domains"));
    CHECK_THAT(r.out, Contains("; passes: page ") && Contains(", domain ") && Contains(", host "));
    CHECK(r.err.find("did not converge") == std::string::npos);
    for (const char* f : {"pages.csv", "domains.csv", "hosts.csv"}) {
        const std::string csv = testing::slurp(dir.path / "out" / f);
        const std::string header = csv.substr(0, csv.find('\n'));
        INFO(f);
        CHECK_THAT(header, Contains(",topic:news,topic:tech,top_topic"));
    }
    CHECK_THAT(testing::slurp(dir.path / "out" / "domains.csv"),
               Contains("\nbeta.co.uk,") && Contains(",news\n"));
    std::ofstream(dir.path / "bad.csv") << "domain,topic\nalpha.com,tech\nnot a domain,x\n";
    const auto bad = testing::run("score '" + data_dir + "small.csv' --topics bad.csv -o out2",
                                  dir.path);
    CHECK(bad.code == 1);
    CHECK_THAT(bad.err, Contains("bad.csv:3: topics: 'not a domain' is not a domain name"));
    CHECK_FALSE(std::filesystem::exists(dir.path / "out2"));
    const auto skip = testing::run(
        "score '" + data_dir + "small.csv' --topics bad.csv --skip-bad -o out3", dir.path);
    CHECK(skip.code == 0);
    CHECK_THAT(skip.err, Contains("warning: bad.csv:3: skipped: 'not a domain' is not a domain"));
    // Topics stopped by --max-iterations: one warning per level, the run succeeds.
    const auto capped = testing::run("score '" + data_dir + "small.csv' --topics topics.csv "
                                     "--max-iterations 2 -o out4", dir.path);
    CHECK(capped.code == 0);
    CHECK_THAT(capped.err, Contains("warning: 2 of 2 topics did not converge at page level in 2 "
                                    "iterations (largest residual"));
    CHECK_THAT(capped.out, Contains("; passes: page 2, domain 2"));
}
