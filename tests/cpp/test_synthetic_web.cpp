// SPDX-License-Identifier: MIT
// synthetic_web: link mix (internal share, rel shares) both as counted by the generator and as
// recomputed independently by the web graph (URL normalisation + Public Suffix List), the
// structure (multi-host, multi-label and private suffixes), reproducibility by seed, identical
// output on 1 and 2 threads, and CSV vs direct feeding giving the same graph; on its web graph,
// the page graph against a model of its links and the contractions on 1 and 2 threads (the
// links are cut into one part per thread).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "linkequity/web/contraction.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"
#include "same_graph.hpp"
#include "synthetic_feed.hpp"

#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
#include <omp.h>
#endif

using namespace linkequity;
using namespace linkequity::web;
using test_synthetic::feed;

namespace {

synthetic_web_options small_options(std::uint64_t seed = 7) {
    synthetic_web_options o;
    o.domains = 1500;
    o.links = 150000;
    o.seed = seed;
    return o;
}

std::string csv(const synthetic_web_options& o) {
    std::ostringstream out;
    synthetic_web(o).write_csv(out);
    return out.str();
}

void set_threads(int t) {
#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
    omp_set_num_threads(t);  // the test is the caller: it owns the thread count
#else
    (void)t;
#endif
}

}  // namespace

TEST_CASE("synthetic_web: link mix within the documented ranges", "[synthetic_web]") {
    const synthetic_web w(small_options());
    synthetic_web_stats st = w.generate([](span<const io::raw_link>) {});
    CHECK(st.links == 150000);
    CHECK(st.internal_share() >= 0.75);
    CHECK(st.internal_share() <= 0.85);
    CHECK(st.nofollow_share() >= 0.15);
    CHECK(st.nofollow_share() <= 0.25);
    const double sponsored = double(st.sponsored) / double(st.links);
    const double ugc = double(st.ugc) / double(st.links);
    CHECK(sponsored > 0.005);
    CHECK(sponsored < 0.05);
    CHECK(ugc > 0.005);
    CHECK(ugc < 0.05);
    CHECK(st.non_web > 0);
    for (int p = 1; p < 6; ++p) CHECK(st.by_position[p] > 0);

    // Independently: the web graph recomputes internal/external from normalised URLs and the PSL.
    const web_graph g = feed(w);
    const auto& gs = g.stats();
    CHECK(gs.non_web_targets == st.non_web);
    CHECK(g.num_links() == st.web);
    CHECK(gs.internal_links == st.internal);
    CHECK(gs.self_links == 0);
    std::size_t nofollow = 0;
    for (auto f : g.link_flags()) nofollow += (f & flags::nofollow) != 0;
    CHECK(nofollow == st.nofollow);
    CHECK(g.num_pages() <= w.num_pages());
    CHECK(g.num_domains() <= w.num_domains());
}

TEST_CASE("synthetic_web: domains, hosts and suffixes as the PSL sees them", "[synthetic_web]") {
    synthetic_web_options o = small_options();
    o.links = 400000;
    const synthetic_web w(o);
    std::set<std::string> names;
    std::size_t multi_label = 0, priv = 0;
    for (std::size_t d = 0; d < w.num_domains(); ++d) {
        const std::string& n = w.domain_name(d);
        names.insert(n);
        for (const char* s : {".co.uk", ".com.au", ".co.jp", ".org.uk"})
            if (n.size() > std::strlen(s) && n.compare(n.size() - std::strlen(s), std::string::npos, s) == 0)
                ++multi_label;
        if (n.find(".blogspot.com") != std::string::npos || n.find(".github.io") != std::string::npos)
            ++priv;
    }
    CHECK(names.size() == w.num_domains());  // unique
    CHECK(multi_label > 50);
    CHECK(priv > 20);
    CHECK(w.num_hosts() > w.num_domains());  // some domains have several hosts
    // Every registrable domain the PSL finds in the links is one the generator made.
    const web_graph g = feed(w);
    for (node_id d = 0; d < g.num_domains(); ++d)
        CHECK(names.count(std::string(g.domain_name(d))) == 1);
    std::size_t multi_host_domains = 0;
    std::vector<int> hosts_of(g.num_domains(), 0);
    for (node_id h = 0; h < g.num_hosts(); ++h) ++hosts_of[g.domain_of_host(h)];
    for (int c : hosts_of) multi_host_domains += c > 1;
    CHECK(multi_host_domains > 5);
}

TEST_CASE("synthetic_web: reproducible with a seed, identical on 1 and 2 threads",
          "[synthetic_web]") {
    synthetic_web_options o = small_options(11);
    o.links = 120000;  // several blocks and rounds
    set_threads(1);
    const std::string one = csv(o);
    set_threads(2);
    const std::string two = csv(o);
    const std::string again = csv(o);
    CHECK(one == two);
    CHECK(two == again);
    CHECK(one.rfind("source,target,anchor,rel,position\n", 0) == 0);
    CHECK(std::count(one.begin(), one.end(), '\n') == 120001);
    o.seed = 12;
    CHECK(csv(o) != one);
}

TEST_CASE("synthetic_web: CSV and direct feeding give the same web graph", "[synthetic_web]") {
    synthetic_web_options o = small_options(5);
    o.domains = 300;
    o.links = 30000;
    const synthetic_web w(o);
    const std::string path = "synthetic_web_test.csv";
    {
        std::ofstream f(path, std::ios::binary);
        w.write_csv(f);
    }
    const web_graph a = web_graph::read({path});
    const web_graph b = feed(w);
    std::remove(path.c_str());
    REQUIRE(a.num_pages() == b.num_pages());
    REQUIRE(a.num_links() == b.num_links());
    for (node_id p = 0; p < a.num_pages(); ++p) CHECK(a.page_url(p) == b.page_url(p));
    bool same = true;
    for (std::size_t l = 0; l < a.num_links(); ++l)
        same = same && a.link_targets()[l] == b.link_targets()[l] &&
               a.link_flags()[l] == b.link_flags()[l] &&
               a.link_positions()[l] == b.link_positions()[l] &&
               a.anchor_text(a.link_anchors()[l]) == b.anchor_text(b.link_anchors()[l]);
    CHECK(same);
}

TEST_CASE("synthetic_web: bad options are rejected with the option's name", "[synthetic_web]") {
    synthetic_web_options o;
    o.domains = 0;
    CHECK_THROWS_WITH(synthetic_web(o), Catch::Matchers::Contains("domains"));
    o = {};
    o.internal_share = 1.5;
    CHECK_THROWS_WITH(synthetic_web(o), Catch::Matchers::Contains("internal_share"));
    o = {};
    o.size_exponent = 1.0;  // the table's range, in check_fields' words
    CHECK_THROWS_WITH(synthetic_web(o), Catch::Matchers::Contains(
                                            "synthetic_web: size_exponent must be in (1.05, 10), "
                                            "got 1"));
    o = {};
    o.external_nofollow = 0.6;
    o.external_ugc = 0.6;
    CHECK_THROWS_WITH(synthetic_web(o), Catch::Matchers::Contains(
                                            "external_nofollow + external_sponsored + "
                                            "external_ugc must be <= 1"));
    o = {};
    o.links = 0;
    synthetic_web w(o);
    CHECK(w.generate([](span<const io::raw_link>) {}).links == 0);
}

TEST_CASE("synthetic_web: page graph against a model of the links, contractions on 1 and 2 "
          "threads", "[synthetic_web][contraction]") {
    synthetic_web_options so = small_options(9);
    so.links = 80000;  // above the parallel threshold: the links are cut into parts
    const web_graph g = feed(synthetic_web(so));
    REQUIRE(g.num_links() > 60000);
    contraction_options weighted;
    weighted.use_position_weights = true;
    weighted.positions.footer = 0.25f;
    weighted.positions.navigation = 0.5f;

    // The model: every distinct (s, t), s != t, with its followable links' flags ANDed (all
    // links' flags ORed when none is followable) and its most prominent weight.
    struct merged {
        edge_flags all = 0, follow = 0xFF;
        bool any = false;
        float w_any = 0, w_follow = 0;
    };
    std::map<std::pair<node_id, node_id>, merged> model;
    for (std::size_t l = 0; l < g.num_links(); ++l) {
        const node_id s = g.link_sources()[l], t = g.link_targets()[l];
        if (s == t) continue;
        merged& e = model[{s, t}];
        const edge_flags f = g.link_flags()[l];
        const float w = weighted.positions.of(g.link_positions()[l]);
        e.all |= f;
        e.w_any = std::max(e.w_any, w);
        if ((f & weighted.excluded) == 0) {
            e.follow &= f;
            e.any = true;
            e.w_follow = std::max(e.w_follow, w);
        }
    }
    set_threads(2);
    const csr_graph pg = page_graph(g, weighted);
    REQUIRE(pg.num_edges() == model.size());
    std::size_t at = 0, wrong = 0;
    for (const auto& [st, e] : model) {
        const auto [s, t] = st;
        wrong += pg.out_offsets()[s] > at || at >= pg.out_offsets()[s + 1] ||
                 pg.out_targets()[at] != t ||
                 pg.out_flag_array()[at] != (e.any ? e.follow : e.all) ||
                 pg.out_weight_array()[at] != (e.any ? e.w_follow : e.w_any);
        ++at;
    }
    CHECK(wrong == 0);

    contraction_options by_links;
    by_links.weights = domain_weight_mode::links;
    for (const auto& o : {contraction_options{}, weighted, by_links})
        for (auto level : {graph_level::page, graph_level::host, graph_level::domain}) {
            set_threads(1);
            const csr_graph one = contract(g, level, o);
            set_threads(2);
            const csr_graph two = contract(g, level, o);
            CHECK(one.num_edges() > 0);
            CHECK(test_graphs::identical(one, two));
        }
}
