// SPDX-License-Identifier: MIT
// Backlink analysis (include/linkequity/analysis) against hand-computed expectations on
// tests/data/analysis/backlinks.csv (its rows are commented in make_fixture.py): link intersect,
// anchor classes case by case and the anchor table, the link profile (bands, rel, positions,
// suffixes, months, sitewide), graph export tables and XML escaping; bad input errors.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "linkequity/analysis/anchors.hpp"
#include "linkequity/analysis/graph_export.hpp"
#include "linkequity/analysis/link_intersect.hpp"
#include "linkequity/analysis/profile.hpp"
#include "linkequity/web/authority.hpp"

using namespace linkequity;
using namespace linkequity::analysis;
using Catch::Matchers::Contains;

namespace {

const std::string fixture = std::string(LINKEQUITY_TEST_DATA) + "/analysis/backlinks.csv";

struct scored {
    web::web_graph g;
    web::authority_result a;
};

const scored& data() {
    static const scored s = [] {
        web::web_graph g = web::web_graph::read({fixture});
        web::authority_options o;
        o.compute_hosts = true;
        web::authority_result a = web::compute_authority(g, o);
        return scored{std::move(g), std::move(a)};
    }();
    return s;
}

std::string name(node_id d) { return std::string(data().g.domain_name(d)); }

}  // namespace

TEST_CASE("link_intersect: hand-computed gap of three competitors", "[analysis]") {
    const auto& [g, a] = data();
    link_intersect_options o;
    o.competitors = {"comp-a.com", "https://www.comp-b.com/page", "COMP-C.COM"};
    o.exclude = "my-shop.com";
    const auto r = link_intersect(g, a.domains, o);
    CHECK(r.competitors == std::vector<std::string>{"comp-a.com", "comp-b.com", "comp-c.com"});
    // r3.com links to my-shop.com (nofollow still counts as a link): dropped; r6.fr only
    // nofollow; comp-a.com is a competitor. r4.io and r5.de tie on authority: by name.
    REQUIRE(r.rows.size() == 4);
    CHECK(name(r.rows[0].domain) == "r1.org");
    CHECK(r.rows[0].targets_linked == 3);
    CHECK(r.rows[0].links == 3);
    CHECK(r.rows[0].links_to == std::vector<bool>{true, true, true});
    CHECK(name(r.rows[1].domain) == "r2.net");
    CHECK(r.rows[1].links_to == std::vector<bool>{true, true, false});
    CHECK(name(r.rows[2].domain) == "r4.io");
    CHECK(r.rows[2].links_to == std::vector<bool>{false, false, true});  // its comp-a link is nofollow
    CHECK(r.rows[2].links == 1);
    CHECK(name(r.rows[3].domain) == "r5.de");
    CHECK(r.rows[3].links == 2);

    o.min_targets = 2;
    const auto r2 = link_intersect(g, a.domains, o);
    REQUIRE(r2.rows.size() == 2);
    o.exclude.clear();  // r3.com comes back, tied with r2.net: by name
    const auto r3 = link_intersect(g, a.domains, o);
    REQUIRE(r3.rows.size() == 3);
    CHECK(name(r3.rows[1].domain) == "r2.net");
    CHECK(name(r3.rows[2].domain) == "r3.com");
}

TEST_CASE("resolve_domain: a domain, host or URL in any case, IDN in Unicode", "[analysis]") {
    // RFC 3492 / IDNA: bücher.de is xn--bcher-kva.de.
    web::web_graph_builder b;
    b.add("https://www.bücher.de/a", "https://example.com/");
    b.add("https://example.com/", "https://bücher.de/");
    const web::web_graph g = b.finish();
    const node_id d = *g.find_domain("xn--bcher-kva.de");
    for (const char* name : {"bücher.de", "WWW.BÜCHER.DE.", " https://www.Bücher.de/a ",
                             "www.xn--bcher-kva.de"}) {
        INFO(name);
        CHECK(analysis::resolve_domain(g, name, "test", "target") == d);
    }
    CHECK_THROWS_WITH(analysis::resolve_domain(g, "bucher.de", "test", "target"),
                      Contains("test: target 'bucher.de' is not a domain of the links"));
}

TEST_CASE("link_intersect: bad input gets a clear error", "[analysis]") {
    const auto& [g, a] = data();
    link_intersect_options o;
    CHECK_THROWS_WITH(link_intersect(g, a.domains, o), Contains("competitors is empty"));
    o.competitors = {"comp-a.com", "nope.example"};
    CHECK_THROWS_WITH(link_intersect(g, a.domains, o),
                      Contains("competitor 'nope.example' is not a domain of the links"));
    o.competitors = {"comp-a.com", "comp-b.com"};
    o.exclude = "https://comp-b.com/";
    CHECK_THROWS_WITH(link_intersect(g, a.domains, o), Contains("also the excluded (own) domain"));
    o.exclude.clear();
    o.min_targets = 3;
    CHECK_THROWS_AS(link_intersect(g, a.domains, o), std::invalid_argument);
    o.competitors = {"comp-a.com", "www.comp-a.com"};
    o.min_targets = 1;
    CHECK_THROWS_WITH(link_intersect(g, a.domains, o), Contains("given twice"));
}

TEST_CASE("anchors: classification case by case", "[analysis]") {
    const std::vector<std::string> kw = {"running shoes", "trail"};
    auto c = [&](const char* text) { return classify_anchor(text, kw, "my-shop"); };
    CHECK(c("") == anchor_class::empty);
    CHECK(c("  \t\n") == anchor_class::empty);
    CHECK(c("\xC2\xA0") == anchor_class::empty);  // a lone no-break space
    CHECK(c("https://my-shop.com/") == anchor_class::url);
    CHECK(c("http://other.org") == anchor_class::url);
    CHECK(c("www.example.com") == anchor_class::url);
    CHECK(c("example.co.uk/shoes?x=1") == anchor_class::url);
    CHECK(c("my-shop.com") == anchor_class::url);  // url before branded
    CHECK(c("version 2.0") == anchor_class::other);  // a space: not a domain
    CHECK(c("3.14") == anchor_class::other);          // last label not letters
    CHECK(c("Running Shoes") == anchor_class::exact);
    CHECK(c("  running   SHOES ") == anchor_class::exact);
    CHECK(c("TRAIL") == anchor_class::exact);
    CHECK(c("best running shoes 2024") == anchor_class::partial);
    CHECK(c("trail-running") == anchor_class::partial);  // '-' bounds a word
    CHECK(c("trails") == anchor_class::other);           // not a whole word
    CHECK(c("My Shop") == anchor_class::branded);
    CHECK(c("myshop deals") == anchor_class::branded);
    CHECK(c("the my-shop team") == anchor_class::branded);
    CHECK(c("my-shop running shoes") == anchor_class::partial);  // keyword before brand
    CHECK(c("click here") == anchor_class::generic);
    CHECK(c("Click Here!") == anchor_class::generic);
    CHECK(c("Read more \xC2\xBB") == anchor_class::generic);     // "Read more »"
    CHECK(c("read more...") == anchor_class::generic);
    CHECK(c("website") == anchor_class::generic);
    CHECK(c("link") == anchor_class::generic);
    CHECK(c("here") == anchor_class::generic);
    CHECK(c("hier klicken") == anchor_class::generic);  // German
    CHECK(c("Cliquez ici") == anchor_class::generic);   // French
    CHECK(c("leer m\xC3\xA1s") == anchor_class::generic);  // Spanish "leer más"
    CHECK(c("clicca qui") == anchor_class::generic);    // Italian
    CHECK(c("klik hier") == anchor_class::generic);     // Dutch
    CHECK(c("saiba mais") == anchor_class::generic);    // Portuguese
    CHECK(c("click here for running shoes") == anchor_class::partial);
    CHECK(c("here and there") == anchor_class::other);
    CHECK(c("great store for runners") == anchor_class::other);
    CHECK(classify_anchor("running shoes", {}, "my-shop") == anchor_class::other);  // no keywords
    CHECK(normalize_anchor("  A\tB\xC2\xA0 C ") == "a b c");
    CHECK(std::is_sorted(generic_anchors().begin(), generic_anchors().end()));
}

TEST_CASE("anchors: table and class totals of my-shop.com", "[analysis]") {
    const auto& g = data().g;
    anchors_options o;
    o.keywords = {"Running  Shoes"};
    const auto r = anchors(g, "my-shop.com", o);
    CHECK(r.brand == "my-shop");
    CHECK(r.links == 29);  // the internal "Home" link is not counted
    CHECK(r.referring_domains == 10);
    REQUIRE(r.rows.size() == 13);
    CHECK(r.rows[0].anchor == "My Shop");
    CHECK(r.rows[0].cls == anchor_class::branded);
    CHECK(r.rows[0].links == 13);
    CHECK(r.rows[0].referring_domains == 2);
    CHECK_THAT(r.rows[0].share, Catch::Matchers::WithinAbs(13.0 / 29, 1e-12));
    CHECK(r.rows[1].anchor == "small");
    CHECK(r.rows[2].anchor == "Running Shoes");
    CHECK(r.rows[2].cls == anchor_class::exact);
    CHECK(r.rows[2].referring_domains == 2);
    CHECK(r.rows[3].anchor == "two");
    // Then one link each, by byte order of the text.
    const std::vector<std::string> tail = {"",          "Best running shoes 2024", "Myshop deals",
                                           "Read more \xC2\xBB", "click here", "great store for runners",
                                           "hier",      "https://my-shop.com/",    "my-shop.com"};
    for (std::size_t i = 0; i < tail.size(); ++i) CHECK(r.rows[4 + i].anchor == tail[i]);
    struct expect { anchor_class c; std::uint64_t anchors, links, domains; };
    const expect e[] = {{anchor_class::empty, 1, 1, 1},   {anchor_class::url, 2, 2, 2},
                        {anchor_class::exact, 1, 2, 2},   {anchor_class::partial, 1, 1, 1},
                        {anchor_class::branded, 2, 14, 3}, {anchor_class::generic, 3, 3, 2},
                        {anchor_class::other, 3, 6, 3}};
    for (const auto& x : e) {
        const auto& t = r.classes[static_cast<std::size_t>(x.c)];
        INFO(anchor_class_name(x.c));
        CHECK(t.anchors == x.anchors);
        CHECK(t.links == x.links);
        CHECK(t.referring_domains == x.domains);
    }
    const auto p = anchors(g, "https://my-shop.com/shoes", {{"running shoes"}, anchor_level::page});
    CHECK(p.links == 3);  // my-shop.com, Running Shoes ×2
    CHECK(p.referring_domains == 3);
    CHECK_THROWS_WITH(anchors(g, "nope.org"), Contains("target 'nope.org' is not a domain"));
    CHECK_THROWS_WITH(anchors(g, "https://my-shop.com/none", {{}, anchor_level::page}),
                      Contains("is not a page"));
    CHECK_THROWS_WITH(anchors(g, "my-shop.com", {{"shoes", " "}}), Contains("keyword 2 is empty"));
}

TEST_CASE("profile: my-shop.com by hand", "[analysis]") {
    const auto& [g, a] = data();
    const auto r = link_profile(g, a.domains, "www.my-shop.com");
    CHECK(r.target == "my-shop.com");
    CHECK(r.rank == a.domains.rank[*g.find_domain("my-shop.com")]);
    CHECK(r.backlinks == 29);
    CHECK(r.followable_backlinks == 26);
    CHECK(r.referring_domains == 10);
    CHECK(r.followable_referring_domains == 9);  // r3.com only nofollow
    CHECK(r.referring_pages == 25);
    CHECK(r.follow == 26);
    CHECK(r.nofollow == 1);
    CHECK(r.sponsored == 1);
    CHECK(r.ugc == 1);
    CHECK(r.positions[static_cast<int>(link_position::footer)] == 13);
    CHECK(r.positions[static_cast<int>(link_position::content)] == 16);
    CHECK(r.bands[0] == 10);  // no referring domain has a backlink itself: authority 0
    REQUIRE(r.tlds.size() == 3);
    CHECK(r.tlds[0] == std::pair<std::string, std::uint64_t>{"com", 7});
    CHECK(r.tlds[1] == std::pair<std::string, std::uint64_t>{"org", 2});
    CHECK(r.tlds[2] == std::pair<std::string, std::uint64_t>{"net", 1});
    CHECK(r.sitewide_domains == 2);  // sw.net (12 pages), small.org (3 of 3 pages)
    CHECK(r.sitewide_links == 15);
    CHECK(r.latest_seen == "2024-06-01");
    REQUIRE(r.months.size() == 5);
    const std::uint64_t expect[5][4] = {  // new_domains, lost_domains, new_links, lost_links
        {3, 0, 14, 0}, {1, 0, 3, 0}, {2, 0, 4, 1}, {1, 1, 2, 2}, {2, 1, 4, 2}};
    for (int m = 0; m < 5; ++m) {
        INFO(r.months[m].month);
        CHECK(r.months[m].month == "2024-0" + std::to_string(m + 1));
        CHECK(r.months[m].new_domains == expect[m][0]);
        CHECK(r.months[m].lost_domains == expect[m][1]);
        CHECK(r.months[m].new_links == expect[m][2]);
        CHECK(r.months[m].lost_links == expect[m][3]);
    }
    REQUIRE(r.top_domains.size() == 10);
    const std::vector<std::string> order = {"sw.net", "small.org", "a1.com", "a2.com", "a3.com",
                                            "a4.com", "a5.com",    "two.org", "a6.com", "r3.com"};
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(name(r.top_domains[i].domain) == order[i]);
    CHECK(r.top_domains[0].sitewide);
    CHECK(r.top_domains[1].sitewide);
    CHECK_FALSE(r.top_domains[7].sitewide);  // two.org: 2 of 2 pages, below 3
    CHECK(r.top_domains[3].first_seen == "2024-02-10");
    CHECK(r.top_domains[3].last_seen == "2024-04-25");
    profile_options o;
    o.top = 3;
    o.sitewide_pages = 2;  // now two.org and a2.com are sitewide too
    const auto r2 = link_profile(g, a.domains, "my-shop.com", o);
    CHECK(r2.top_domains.size() == 3);
    CHECK(r2.sitewide_domains == 4);
    CHECK_THROWS_WITH(link_profile(g, a.domains, "nope.org"), Contains("not a domain"));
}

TEST_CASE("export: tables, weights, filters", "[analysis]") {
    const auto& [g, a] = data();
    const auto t = graph_export_tables_of(g, a.domains, {});
    CHECK(t.nodes.size() == 19);
    CHECK(t.names[0] == "my-shop.com");  // rank 1
    CHECK(t.weight.size() == 22);        // distinct external domain pairs
    auto edge = [&](const std::string& s, const std::string& d) {
        for (std::size_t k = 0; k < t.weight.size(); ++k)
            if (t.names[t.edge_source[k]] == s && t.names[t.edge_target[k]] == d)
                return std::pair<std::uint64_t, std::uint64_t>{t.weight[k], t.followable[k]};
        return std::pair<std::uint64_t, std::uint64_t>{0, 0};
    };
    CHECK(edge("sw.net", "my-shop.com") == std::pair<std::uint64_t, std::uint64_t>{12, 12});
    CHECK(edge("r3.com", "my-shop.com") == std::pair<std::uint64_t, std::uint64_t>{1, 0});
    CHECK(edge("a4.com", "my-shop.com") == std::pair<std::uint64_t, std::uint64_t>{2, 1});
    CHECK(edge("my-shop.com", "my-shop.com").first == 0);  // internal: no self-edge
    graph_export_options o;
    o.top = 2;
    const auto t2 = graph_export_tables_of(g, a.domains, o);
    REQUIRE(t2.nodes.size() == 2);
    CHECK(t2.weight.size() == 0);  // my-shop.com and comp-b.com do not link to each other
    o.top = 0;
    o.min_authority = 1;  // only linked domains: my-shop, comp-a/b/c
    CHECK(graph_export_tables_of(g, a.domains, o).nodes.size() == 4);
    o.level = export_level::host;
    o.min_authority = 0;
    CHECK(graph_export_tables_of(g, a.hosts, o).nodes.size() == g.num_hosts());
    CHECK_THROWS_WITH(graph_export_tables_of(g, a.pages, o), Contains("the host level has"));
    o.min_authority = 101;
    CHECK_THROWS_AS(graph_export_tables_of(g, a.hosts, o), std::invalid_argument);
}

TEST_CASE("export: XML escaping and both formats", "[analysis]") {
    CHECK(xml_escape("a&b<c>\"d'") == "a&amp;b&lt;c&gt;&quot;d&apos;");
    CHECK(xml_escape(std::string("x\x01y", 3)) == "x\xEF\xBF\xBDy");
    graph_export_tables t;
    t.nodes = {0, 1};
    t.names = {"a&b.com", "<c>.org"};
    t.score = {0.6, 0.4};
    t.authority = {100, 0};
    t.rank = {1, 2};
    t.backlinks = t.referring_domains = t.outgoing_links = t.pages = {1, 1};
    t.edge_source = {1};
    t.edge_target = {0};
    t.weight = {3};
    t.followable = {2};
    std::ostringstream ml, gx;
    write_graph(ml, t, export_format::graphml);
    write_graph(gx, t, export_format::gexf);
    CHECK_THAT(ml.str(), Contains("<data key=\"label\">a&amp;b.com</data>"));
    CHECK_THAT(ml.str(), Contains("<edge source=\"n1\" target=\"n0\"><data key=\"weight\">3</data>"));
    CHECK_THAT(gx.str(), Contains("label=\"&lt;c&gt;.org\""));
    CHECK_THAT(gx.str(), Contains("weight=\"3\""));
}
