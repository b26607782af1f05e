// SPDX-License-Identifier: MIT
// web_graph: page numbering (host contiguity, reversed-label host order), page/host/domain maps,
// link attributes (internal bit, rel, position, anchors), non-web targets, bad rows (strict and
// lenient), equivalent inputs, the page graph and its contractions, disavow application.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "linkequity/error.hpp"
#include "linkequity/web/apply_disavow.hpp"
#include "linkequity/web/contraction.hpp"
#include "linkequity/web/string_table.hpp"
#include "linkequity/web/web_graph.hpp"
#include "threads.hpp"

using namespace linkequity;
using namespace linkequity::web;

namespace {

const std::string data_dir = std::string(LINKEQUITY_TEST_DATA) + "/web/";

web_graph small() { return web_graph::read({data_dir + "small.csv"}); }

std::vector<std::string> urls(const web_graph& g) {
    std::vector<std::string> out;
    for (node_id p = 0; p < g.num_pages(); ++p) out.emplace_back(g.page_url(p));
    return out;
}

/// Index of the link s → t with the given anchor (first match), or num_links().
std::size_t find_link(const web_graph& g, const std::string& s, const std::string& t,
                      const std::string& anchor = {}) {
    const auto ps = g.find_page(s), pt = g.find_page(t);
    REQUIRE(ps);
    REQUIRE(pt);
    for (auto l = g.link_offsets()[*ps]; l < g.link_offsets()[*ps + 1]; ++l)
        if (g.link_targets()[l] == *pt &&
            (anchor.empty() || g.anchor_text(g.link_anchors()[l]) == anchor))
            return l;
    return g.num_links();
}

}  // namespace

TEST_CASE("web_graph: pages are numbered by reversed host, then URL, hosts are contiguous",
          "[web_graph]") {
    const web_graph g = small();
    const std::vector<std::string> expected = {
        "https://shop.example.com.au/item?id=3",  // au.com.example.shop
        "https://x.example.com.au/",              // au.com.example.x
        "https://blog.alpha.com/post-1",          // com.alpha.blog
        "https://www.alpha.com/",                 // com.alpha.www
        "https://www.alpha.com/about",
        "https://delta.blogspot.com/",            // com.blogspot.delta
        "https://gamma.blogspot.com/",            // com.blogspot.gamma
        "https://gamma.blogspot.com/x",
        "https://beta.co.uk/",                    // uk.co.beta
        "https://www.beta.co.uk/",                // uk.co.beta.www
    };
    CHECK(urls(g) == expected);
    REQUIRE(g.num_hosts() == 8);
    for (node_id h = 0; h < g.num_hosts(); ++h) {
        const auto [first, last] = g.host_pages(h);
        REQUIRE(first < last);
        for (node_id p = first; p < last; ++p) CHECK(g.host_of(p) == h);
        if (h > 0)
            CHECK(host_sort_key(g.host_name(h - 1)) < host_sort_key(g.host_name(h)));
    }
    CHECK(g.host_name(g.host_of(*g.find_page("https://www.alpha.com/about"))) == "www.alpha.com");
}

TEST_CASE("web_graph: registrable domains by the PSL, private section included", "[web_graph]") {
    const web_graph g = small();
    std::vector<std::string> domains;
    for (node_id d = 0; d < g.num_domains(); ++d) domains.emplace_back(g.domain_name(d));
    CHECK(domains == std::vector<std::string>{"example.com.au", "alpha.com", "delta.blogspot.com",
                                              "gamma.blogspot.com", "beta.co.uk"});
    CHECK(g.domain_name(g.domain_of(*g.find_page("https://blog.alpha.com/post-1"))) == "alpha.com");
    CHECK(g.domain_of(*g.find_page("https://beta.co.uk/")) ==
          g.domain_of(*g.find_page("https://www.beta.co.uk/")));
    CHECK(g.find_domain("gamma.blogspot.com"));
    CHECK_FALSE(g.find_domain("blogspot.com"));
    // Names as people write them: any case, a trailing dot.
    CHECK(g.find_domain("Beta.CO.UK.") == g.domain_of(*g.find_page("https://beta.co.uk/")));
    CHECK(g.find_host("WWW.Alpha.com") == g.host_of(*g.find_page("https://www.alpha.com/about")));
    CHECK_FALSE(g.find_domain("alpha.com/"));
    CHECK_FALSE(g.find_domain(""));

    web_graph_options icann;
    icann.sections = psl_sections::icann_only;
    const web_graph gi = web_graph::read({data_dir + "small.csv"}, icann);
    CHECK(gi.num_domains() == 4);  // gamma and delta merge into blogspot.com
    CHECK(gi.find_domain("blogspot.com"));
}

TEST_CASE("web_graph: IDN hosts and domains are found by their Unicode or punycode names",
          "[web_graph]") {
    // RFC 3492 / IDNA: bücher.de is xn--bcher-kva.de; the graph names it so.
    web_graph_builder b;
    b.add("https://Bücher.de/a", "https://www.bücher.de/b");
    b.add("https://www.bücher.de/b", "https://example.com/");
    const web_graph g = b.finish();
    const auto d = g.find_domain("xn--bcher-kva.de");
    REQUIRE(d);
    CHECK(g.domain_name(*d) == "xn--bcher-kva.de");
    CHECK(g.find_domain("bücher.de") == d);
    CHECK(g.find_domain("BÜCHER.DE.") == d);
    const auto h = g.find_host("WWW.Bücher.de");
    REQUIRE(h);
    CHECK(g.host_name(*h) == "www.xn--bcher-kva.de");
    CHECK(g.domain_of_host(*h) == *d);
    CHECK_FALSE(g.find_domain("bucher.de"));
}

TEST_CASE("web_graph: IPv4 hosts are found by any form of their address", "[web_graph]") {
    // WHATWG IPv4 parser: 0x7f.1 and 127.1 are 127.0.0.1.
    web_graph_builder b;
    b.add("http://127.0.0.1/a", "https://example.com/");
    const web_graph g = b.finish();
    const auto h = g.find_host("127.0.0.1");
    REQUIRE(h);
    CHECK(g.find_host("0x7f.1") == h);
    CHECK(g.find_host("127.1") == h);
}

TEST_CASE("web_graph: link attributes, internal bit, relative targets, fragments",
          "[web_graph]") {
    const web_graph g = small();
    const auto& st = g.stats();
    CHECK(st.rows == 15);
    CHECK(st.non_web_targets == 2);
    CHECK(st.non_web_by_scheme.at("mailto") == 1);
    CHECK(st.non_web_by_scheme.at("tel") == 1);
    CHECK(g.num_links() == 13);
    CHECK(st.bad_rows == 0);
    // delta.blogspot.com's page exists although its only followable-looking rows are non-web.
    CHECK(g.find_page("https://delta.blogspot.com/"));

    // The relative "/" from /about resolves to the home page; it is internal.
    const std::size_t home = find_link(g, "https://www.alpha.com/about", "https://www.alpha.com/");
    REQUIRE(home < g.num_links());
    CHECK((g.link_flags()[home] & flags::internal) != 0);
    CHECK(g.link_positions()[home] == link_position::navigation);
    CHECK(g.anchor_text(g.link_anchors()[home]) == "Home");
    // Cross-host inside one domain is internal too.
    const std::size_t blog = find_link(g, "https://www.alpha.com/", "https://blog.alpha.com/post-1");
    CHECK((g.link_flags()[blog] & flags::internal) != 0);
    // External links carry their rel bits and no internal bit.
    const std::size_t nf = find_link(g, "https://blog.alpha.com/post-1", "https://gamma.blogspot.com/");
    CHECK(g.link_flags()[nf] == flags::nofollow);
    const std::size_t sp = find_link(g, "https://www.alpha.com/", "https://shop.example.com.au/item?id=3");
    CHECK(g.link_flags()[sp] == flags::sponsored);
    // The uppercase / :443 / #fragment row is a second link /  → /about (parallel link).
    CHECK(find_link(g, "https://www.alpha.com/", "https://www.alpha.com/about", "About team") <
          g.num_links());
    CHECK(find_link(g, "https://www.alpha.com/", "https://www.alpha.com/about", "About") <
          g.num_links());
    CHECK(g.anchor_text(g.link_anchors()[find_link(g, "https://www.beta.co.uk/",
                                                   "https://www.alpha.com/about")]) ==
          "About Alpha, the company");
    CHECK(st.internal_links == 4);
    // Links are grouped by source and sorted by target.
    for (node_id p = 0; p < g.num_pages(); ++p)
        for (auto l = g.link_offsets()[p]; l < g.link_offsets()[p + 1]; ++l) {
            CHECK(g.link_sources()[l] == p);
            if (l > g.link_offsets()[p]) CHECK(g.link_targets()[l - 1] <= g.link_targets()[l]);
        }
}

TEST_CASE("web_graph: page graph merges parallel links and keeps flags", "[web_graph]") {
    const web_graph g = small();
    const csr_graph pg = page_graph(g);
    CHECK(pg.num_nodes() == g.num_pages());
    CHECK(pg.num_edges() == 12);  // 13 links, one parallel pair
    const node_id a = *g.find_page("https://blog.alpha.com/post-1");
    const node_id gamma = *g.find_page("https://gamma.blogspot.com/");
    bool seen = false;
    for (std::size_t i = 0; i < pg.out_degree(a); ++i)
        if (pg.out_neighbors(a)[i] == gamma) {
            seen = true;
            CHECK((pg.out_flags(a)[i] & flags::nofollow) != 0);
        }
    CHECK(seen);

    // Domain graph: one edge per domain pair, internal links gone.
    const csr_graph dg = contract(g, graph_level::domain);
    CHECK(dg.num_nodes() == 5);
    // alpha→beta, alpha→gamma(nofollow), alpha→example(sponsored), beta→alpha, beta→gamma,
    // gamma→alpha, delta→gamma(ugc), example→alpha
    CHECK(dg.num_edges() == 8);
    const csr_graph hg = contract(g, graph_level::host);
    CHECK(hg.num_nodes() == 8);
}

TEST_CASE("web_graph: the same links from equivalent inputs give the same graph", "[web_graph]") {
    const web_graph a = small();
    const web_graph b = web_graph::read({data_dir + "small_reordered.tsv"});
    web_graph_builder builder;
    builder.add("https://www.alpha.com/", "https://www.alpha.com/about", "About", 0,
                link_position::navigation);
    builder.add("https://www.alpha.com/about", "/", "Home", 0, link_position::navigation);
    builder.add("https://www.alpha.com/", "https://blog.alpha.com/post-1", "Blog", 0,
                link_position::navigation);
    builder.add("https://blog.alpha.com/post-1", "https://beta.co.uk/", "Beta", 0,
                link_position::content);
    builder.add("https://blog.alpha.com/post-1", "https://gamma.blogspot.com/", "Gamma",
                flags::nofollow, link_position::content);
    builder.add("https://www.beta.co.uk/", "https://www.alpha.com/", "Alpha", 0,
                link_position::content);
    builder.add("https://www.beta.co.uk/", "https://www.alpha.com/about",
                "About Alpha, the company", 0, link_position::content);
    builder.add("https://beta.co.uk/", "https://gamma.blogspot.com/x", "Gamma post", 0,
                link_position::content);
    builder.add("https://gamma.blogspot.com/x", "https://www.alpha.com/", "alpha", 0,
                link_position::sidebar);
    builder.add("https://delta.blogspot.com/", "https://gamma.blogspot.com/", "ugc link",
                flags::ugc, link_position::content);
    builder.add("https://delta.blogspot.com/", "mailto:me@delta.example", "Mail");
    builder.add("https://delta.blogspot.com/", "tel:+15550100", "Call");
    builder.add("https://www.alpha.com/", "https://shop.example.com.au/item?id=3", "Shop",
                flags::sponsored, link_position::content);
    builder.add("HTTPS://WWW.ALPHA.COM:443/", "https://www.alpha.com/about#team", "About team", 0,
                link_position::content);
    builder.add("https://x.example.com.au/", "https://www.alpha.com/about", "about alpha", 0,
                link_position::footer);
    const web_graph c = builder.finish();
    for (const web_graph* o : {&b, &c}) {
        CHECK(urls(*o) == urls(a));
        REQUIRE(o->num_links() == a.num_links());
        CHECK(o->stats().non_web_targets == 2);
        for (std::size_t l = 0; l < a.num_links(); ++l) {
            CHECK(o->link_sources()[l] == a.link_sources()[l]);
            CHECK(o->link_targets()[l] == a.link_targets()[l]);
            CHECK(o->link_flags()[l] == a.link_flags()[l]);
        }
    }
}

TEST_CASE("web_graph: bad URLs are parse errors in strict mode, counted in lenient mode",
          "[web_graph]") {
    try {
        (void)web_graph::read({data_dir + "bad_url.csv"});
        FAIL("expected parse_error");
    } catch (const parse_error& e) {
        CHECK(e.line() == 3);
        CHECK_THAT(std::string(e.what()), Catch::Matchers::Contains("bad_url.csv:3"));
        CHECK_THAT(std::string(e.what()), Catch::Matchers::Contains("target URL"));
    }
    web_graph_options lenient;
    lenient.skip_bad = true;
    const web_graph g = web_graph::read({data_dir + "bad_url.csv"}, lenient);
    CHECK(g.stats().bad_rows == 2);
    REQUIRE(g.stats().reports.size() == 1);
    CHECK(g.stats().reports[0].skipped == 2);
    CHECK(g.num_pages() == 2);
    CHECK(g.num_links() == 2);
}

TEST_CASE("web_graph: disavow with and without an owner domain", "[web_graph][disavow]") {
    const disavow_list list = disavow_list::read(data_dir + "disavow.txt");
    auto count = [](const web_graph& g) {
        std::size_t n = 0;
        for (auto f : g.link_flags()) n += (f & flags::disavowed) != 0;
        return n;
    };
    {
        // Without owner: every link from beta.co.uk (3) and from x.example.com.au (1).
        web_graph g = small();
        const disavow_application r = apply_disavow(g, list);
        CHECK(r.links_disavowed == 4);
        CHECK(r.source_pages_matched == 3);
        CHECK(count(g) == 4);
        const disavow_application again = apply_disavow(g, list);
        CHECK(again.links_disavowed == 4);
        CHECK(again.newly_disavowed == 0);
    }
    {
        // Owner alpha.com: beta's 2 links into alpha and x.example's 1; beta → gamma untouched.
        web_graph g = small();
        const disavow_application r = apply_disavow(g, list, "www.alpha.com");
        CHECK(r.owner_domain == "alpha.com");
        CHECK(r.links_disavowed == 3);
        CHECK(count(g) == 3);
        const std::size_t kept = find_link(g, "https://beta.co.uk/", "https://gamma.blogspot.com/x");
        CHECK((g.link_flags()[kept] & flags::disavowed) == 0);
    }
    {
        web_graph g = small();
        const disavow_application r = apply_disavow(g, list, "https://nowhere.example.org/");
        CHECK_FALSE(r.owner_found);
        CHECK(r.links_disavowed == 0);
        CHECK_THROWS_AS(apply_disavow(g, list, "http://"), std::invalid_argument);
    }
}

TEST_CASE("web_graph: host_sort_key orders hosts label by label", "[web_graph]") {
    CHECK(host_sort_key("www.example.com") == std::string("com\x01" "example\x01www"));
    // All hosts of example.com sort before example-x.com's (a plain reversed string would not).
    CHECK(host_sort_key("www.example.com") < host_sort_key("example-x.com"));
    CHECK(host_sort_key("example.com") < host_sort_key("a.example.com"));
    CHECK(host_sort_key("192.0.2.1") < host_sort_key("a.com"));
}

TEST_CASE("string_table::gather: the table push_back builds, on 1 and 2 threads",
          "[web][strings][threads]") {
    // 10,000 strings (above the parallel threshold), empty ones and long ones among them.
    std::vector<std::string> strings;
    for (int i = 0; i < 10000; ++i)
        strings.push_back(i % 7 == 0 ? std::string()
                                     : std::string(static_cast<std::size_t>(i % 300),
                                                   static_cast<char>('a' + i % 26)) +
                                           std::to_string(i));
    linkequity::web::string_table expected;
    for (const auto& s : strings) expected.push_back(s);
    for (const int threads : {1, 2}) {
        const auto got = test_threads::on(threads, [&] {
            return linkequity::web::string_table::gather(
                strings.size(), [&](std::size_t i) { return std::string_view(strings[i]); });
        });
        INFO("threads " << threads);
        REQUIRE(got.size() == expected.size());
        CHECK(got.chars() == expected.chars());
        CHECK(std::equal(got.offsets().begin(), got.offsets().end(), expected.offsets().begin()));
    }
    CHECK(linkequity::web::string_table::gather(0, [](std::size_t) { return std::string_view(); })
              .size() == 0);
}
