// SPDX-License-Identifier: MIT
// Redirects and canonicals (docs/redirects.md): chain resolution, consolidation in the web graph
// builder, the readers' record rows (generic `type`, Screaming Frog exports, map files), bad
// records, snapshots. Expected values are hand-computed; page and domain scores come from the
// dense oracle on the hand-consolidated graph.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "linkequity/error.hpp"
#include "linkequity/io/snapshot.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"
#include "oracle.hpp"

using namespace linkequity;
using namespace linkequity::web;

namespace {

const std::string data_dir = std::string(LINKEQUITY_TEST_DATA) + "/redirects/";

io::raw_link row(const std::string& s, const std::string& t,
                 io::record_kind kind = io::record_kind::link, edge_flags rel = flags::none) {
    io::raw_link l;
    l.source = s;
    l.target = t;
    l.kind = kind;
    l.rel = rel;
    return l;
}

constexpr auto R = io::record_kind::redirect;
constexpr auto C = io::record_kind::canonical;

web_graph build(const std::vector<io::raw_link>& rows, web_graph_options o = {}) {
    web_graph_builder b(o);
    std::size_t line = 0;
    for (io::raw_link l : rows) {
        l.line = ++line;
        b.add(l);
    }
    return b.finish();
}

std::vector<std::string> page_urls(const web_graph& g) {
    std::vector<std::string> out;
    for (node_id p = 0; p < g.num_pages(); ++p) out.emplace_back(g.page_url(p));
    return out;
}

/// "source -> target [flags]" of every link, in the graph's order.
std::vector<std::string> links_of(const web_graph& g) {
    std::vector<std::string> out;
    for (std::size_t l = 0; l < g.num_links(); ++l)
        out.push_back(std::string(g.page_url(g.link_sources()[l])) + " -> " +
                      std::string(g.page_url(g.link_targets()[l])) +
                      ((g.link_flags()[l] & flags::nofollow) ? " nofollow" : ""));
    return out;
}

struct entry {
    std::string final_url, kind;
    int hops;
    std::string state;
    bool operator==(const entry& o) const {
        return final_url == o.final_url && kind == o.kind && hops == o.hops && state == o.state;
    }
};

std::map<std::string, entry> table(const web_graph& g) {
    std::map<std::string, entry> out;
    const redirect_table& t = g.redirects();
    for (std::size_t i = 0; i < t.size(); ++i)
        out[std::string(t.urls[i])] = {std::string(t.final_urls[i]), redirect_kind_name(t.kinds[i]),
                                       int(t.hops[i]), redirect_state_name(t.states[i])};
    return out;
}

std::string u(int i) { return "https://a.com/" + std::to_string(i); }

}  // namespace

TEST_CASE("resolve_chains: chains, loops, more than 10 hops, kinds", "[redirects]") {
    // 0 -> 1 -> 2 -> 3 (redirects); 4 -> 5 -> 4 (loop); 6 -> 0 by canonical (mixed, 4 hops);
    // 7 -> 8 -> ... -> 18 (11 hops); 19 -> 12 (joins the long chain: too_long as well).
    const std::uint32_t N = no_record;
    std::vector<std::uint32_t> next = {1, 2, 3, N, 5, 4, 0};
    std::vector<std::uint8_t> red = {1, 1, 1, 0, 1, 1, 0};
    for (std::uint32_t i = 7; i < 18; ++i) next.push_back(i + 1), red.push_back(1);
    next.push_back(N), red.push_back(0);   // 18: the end of the long chain
    next.push_back(12), red.push_back(1);  // 19
    const chain_resolution r = resolve_chains(next, red);
    CHECK(r.final_node[0] == 3);
    CHECK(r.hops[0] == 3);
    CHECK(r.kind[0] == redirect_kind::redirect);
    CHECK(r.state[0] == redirect_state::resolved);
    CHECK(r.final_node[2] == 3);
    CHECK(r.hops[2] == 1);
    CHECK(r.state[4] == redirect_state::loop);
    CHECK(r.state[5] == redirect_state::loop);
    CHECK(r.hops[4] == 2);
    CHECK(r.final_node[4] == 4);
    CHECK(r.final_node[6] == 3);
    CHECK(r.hops[6] == 4);
    CHECK(r.kind[6] == redirect_kind::mixed);
    CHECK(r.state[7] == redirect_state::too_long);
    CHECK(r.hops[7] == 11);
    CHECK(r.final_node[7] == 7);
    for (std::uint32_t i = 8; i < 18; ++i) {  // on the 11-hop chain: keep their identity
        CHECK(r.state[i] == redirect_state::too_long);
        CHECK(r.final_node[i] == i);
    }
    CHECK(r.hops[17] == 1);
    CHECK(r.state[18] == redirect_state::resolved);  // no record
    CHECK(r.state[19] == redirect_state::too_long);
    CHECK(r.hops[19] == 7);
    // A chain of exactly 10 hops resolves.
    std::vector<std::uint32_t> ten;
    for (std::uint32_t i = 0; i < 10; ++i) ten.push_back(i + 1);
    ten.push_back(N);
    const chain_resolution t = resolve_chains(ten, std::vector<std::uint8_t>(11, 1));
    CHECK(t.state[0] == redirect_state::resolved);
    CHECK(t.final_node[0] == 10);
    CHECK(t.hops[0] == 10);
    CHECK_THROWS_AS(resolve_chains(std::vector<std::uint32_t>{5}, std::vector<std::uint8_t>{1}),
                    std::invalid_argument);
}

TEST_CASE("consolidation: a chain of 3 redirects moves links and backlinks to the end",
          "[redirects]") {
    const web_graph g = build({row("https://x.com/", u(1)), row(u(1), "https://y.com/"),
                               row(u(1), u(2), R), row(u(2), u(3), R), row(u(3), u(4), R)});
    CHECK(page_urls(g) == std::vector<std::string>{u(4), "https://x.com/", "https://y.com/"});
    CHECK(links_of(g) == std::vector<std::string>{u(4) + " -> https://y.com/",
                                                  "https://x.com/ -> " + u(4)});
    const auto t = table(g);
    REQUIRE(t.size() == 3);
    CHECK(t.at(u(1)) == entry{u(4), "redirect", 3, "resolved"});
    CHECK(t.at(u(2)) == entry{u(4), "redirect", 2, "resolved"});
    CHECK(t.at(u(3)) == entry{u(4), "redirect", 1, "resolved"});
    CHECK(g.stats().redirect_records == 3);
    CHECK(g.stats().redirects_resolved == 3);
    CHECK(g.stats().links_repointed == 2);
    CHECK(g.stats().links_merged == 0);
}

TEST_CASE("consolidation: loops and 11-hop chains resolve nothing and are reported",
          "[redirects]") {
    std::vector<io::raw_link> rows = {row("https://x.com/", u(1)), row(u(1), u(2), R),
                                      row(u(2), u(1), R)};
    for (int i = 10; i < 21; ++i) rows.push_back(row(u(i), u(i + 1), R));  // 10 -> ... -> 21
    rows.push_back(row("https://x.com/", u(10)));
    rows.push_back(row("https://x.com/", u(15)));
    const web_graph g = build(rows);
    CHECK(page_urls(g) ==
          std::vector<std::string>{u(1), u(10), u(15), "https://x.com/"});  // identities kept
    const auto t = table(g);
    CHECK(t.at(u(1)) == entry{u(1), "redirect", 2, "loop"});
    CHECK(t.at(u(2)) == entry{u(2), "redirect", 2, "loop"});
    CHECK(t.at(u(10)) == entry{u(10), "redirect", 11, "too_long"});
    CHECK(t.at(u(15)) == entry{u(15), "redirect", 6, "too_long"});
    CHECK(t.at(u(20)) == entry{u(20), "redirect", 1, "too_long"});
    CHECK(g.stats().redirect_loops == 2);
    CHECK(g.stats().redirects_too_long == 11);
    CHECK(g.stats().redirects_resolved == 0);
}

TEST_CASE("consolidation: redirect wins over the URL's canonical, canonical to a redirect",
          "[redirects]") {
    const std::string a = "https://s.com/a", b = "https://s.com/b", c = "https://s.com/c";
    const std::string utm = "https://s.com/c?utm=1", http_c = "http://s.com/c";
    const web_graph g = build({row("https://x.com/", a), row("https://x.com/", utm),
                               row(a, b, R), row(a, "https://s.com/z", C),  // ignored: a redirects
                               row(b, c, C), row(utm, http_c, C), row(http_c, c, R),
                               row(c, c, C)});  // self-canonical: no record
    CHECK(page_urls(g) == std::vector<std::string>{c, "https://x.com/"});
    const auto t = table(g);
    CHECK(t.size() == 4);
    CHECK(t.at(a) == entry{c, "mixed", 2, "resolved"});
    CHECK(t.at(b) == entry{c, "canonical", 1, "resolved"});
    CHECK(t.at(utm) == entry{c, "mixed", 2, "resolved"});
    CHECK(t.at(http_c) == entry{c, "redirect", 1, "resolved"});
    CHECK(g.stats().canonical_records == 3);
    // Both links from x.com now go to c: two parallel links, kept as rows.
    CHECK(links_of(g) == std::vector<std::string>{"https://x.com/ -> " + c,
                                                  "https://x.com/ -> " + c});
}

TEST_CASE("consolidation: nofollow stays with its link, links that become self-links are dropped",
          "[redirects]") {
    const std::string a = "https://s.com/a", b = "https://s.com/b";
    const web_graph g = build({row("https://x.com/", a, io::record_kind::link, flags::nofollow),
                               row(a, b), row(b, b), row(a, b, R)});
    CHECK(links_of(g) == std::vector<std::string>{b + " -> " + b, "https://x.com/ -> " + b +
                                                                      " nofollow"});
    CHECK(g.stats().links_merged == 1);  // a -> b became b -> b; the old b -> b stays
    CHECK(g.stats().self_links == 1);
}

TEST_CASE("consolidation: conflicting records: the first in input order wins", "[redirects]") {
    const std::string a = "https://s.com/a";
    const web_graph g = build({row("https://x.com/", a), row(a, "https://s.com/b", R),
                               row(a, "https://s.com/c", R), row(a, "https://s.com/b", R)});
    CHECK(table(g).at(a).final_url == "https://s.com/b");
    CHECK(g.stats().conflicting_records == 1);
    CHECK(g.stats().redirect_records == 3);
}

TEST_CASE("consolidation: off gives the graph of the links alone", "[redirects]") {
    const web_graph plain = web_graph::read({data_dir + "site_move.csv"}, [] {
        web_graph_options o;
        o.consolidation.redirects = follow_mode::ignore;
        o.consolidation.canonicals = follow_mode::ignore;
        return o;
    }());
    web_graph_builder b;
    for (const auto& l : {row("https://a.com/", "https://old.com/"),
                          row("https://b.com/", "https://old.com/x"),
                          row("https://old.com/", "https://a.com/"),
                          row("https://new.com/", "https://b.com/"),
                          row("https://c.com/", "https://old.com/x", io::record_kind::link,
                              flags::nofollow)})
        b.add(l);
    const web_graph links_only = b.finish();
    CHECK(page_urls(plain) == page_urls(links_only));
    CHECK(links_of(plain) == links_of(links_only));
    CHECK(plain.redirects().empty());
    CHECK(plain.stats().redirect_records == 2);  // read and counted, not followed
}

TEST_CASE("consolidation: a site move moves the domain's backlinks (dense oracle)",
          "[redirects]") {
    const web_graph g = web_graph::read({data_dir + "site_move.csv"});
    std::vector<std::string> domains;
    for (node_id d = 0; d < g.num_domains(); ++d) domains.emplace_back(g.domain_name(d));
    CHECK(domains == std::vector<std::string>{"a.com", "b.com", "c.com", "new.com"});
    CHECK(links_of(g) == std::vector<std::string>{
                             "https://a.com/ -> https://new.com/",
                             "https://b.com/ -> https://new.com/x",
                             "https://c.com/ -> https://new.com/x nofollow",
                             "https://new.com/ -> https://a.com/",
                             "https://new.com/ -> https://b.com/"});
    const authority_result r = compute_authority(g, {});
    // Domain graph by hand: a -> new, b -> new, new -> a, new -> b (c's link is nofollow).
    oracle::dense_case dc;
    dc.n = 4;  // a, b, c, new (ids as above)
    dc.src = {0, 1, 3, 3};
    dc.dst = {3, 3, 0, 1};
    const std::vector<double> want = oracle::dense_pagerank(dc);
    REQUIRE(r.domains.size() == 4);
    for (std::size_t d = 0; d < 4; ++d) CHECK(r.domains.score[d] == Approx(want[d]).epsilon(1e-6));
    CHECK(r.domains.score[3] > r.domains.score[0]);
}

TEST_CASE("records: Screaming Frog All Inlinks redirect and canonical rows", "[redirects]") {
    const web_graph g = web_graph::read({data_dir + "sf_all_inlinks.csv"});
    const std::string home = "https://www.example.com/", shoes = home + "shoes",
                      sale = home + "sale";
    CHECK(page_urls(g) == std::vector<std::string>{home, sale, shoes});
    CHECK(links_of(g) == std::vector<std::string>{home + " -> " + sale, home + " -> " + shoes,
                                                  sale + " -> " + shoes + " nofollow",
                                                  shoes + " -> " + home, shoes + " -> " + home});
    const auto t = table(g);
    REQUIRE(t.size() == 2);
    CHECK(t.at("http://www.example.com/sale") == entry{sale, "redirect", 1, "resolved"});
    CHECK(t.at(shoes + "?utm_source=nav") == entry{shoes, "canonical", 1, "resolved"});
    const io::read_report& rep = g.stats().reports.at(0);
    CHECK(rep.rows == 10);
    CHECK(rep.links == 6);
    CHECK(rep.resources == 4);  // Image + HTTP Redirect + 2 Canonical
    CHECK(rep.records == 3);
    CHECK(g.stats().links_merged == 1);
    CHECK(g.stats().links_repointed == 2);
    // Page scores against the dense oracle on the consolidated graph: / -> sale, / -> shoes,
    // shoes -> / (twice: merged), sale -> shoes nofollow (excluded). Ids: home 0, sale 1, shoes 2.
    const authority_result r = compute_authority(g, {});
    oracle::dense_case dc;
    dc.n = 3;
    dc.src = {0, 0, 2, 2, 1};
    dc.dst = {1, 2, 0, 0, 2};
    dc.flags = {0, 0, 0, 0, flags::nofollow};
    const std::vector<double> want = oracle::dense_pagerank(dc);
    for (std::size_t p = 0; p < 3; ++p) CHECK(r.pages.score[p] == Approx(want[p]).epsilon(1e-6));
    // Without records delivered, the reader counts them as resources, as before.
    io::read_report plain = io::read_links(data_dir + "sf_all_inlinks.csv", {},
                                           [](const io::raw_link& l) {
                                               CHECK(l.kind == io::record_kind::link);
                                           });
    CHECK(plain.links == 6);
    CHECK(plain.resources == 4);
    CHECK(plain.records == 3);
}

TEST_CASE("records: map files and Screaming Frog Response Codes / Canonicals exports",
          "[redirects]") {
    web_graph_options o;
    o.redirect_files = {data_dir + "sf_response_codes.csv", data_dir + "sf_canonicals.csv"};
    const web_graph g = web_graph::read({data_dir + "sf_all_inlinks.csv"}, o);
    const std::string home = "https://www.example.com/", shoes = home + "shoes",
                      sale = home + "sale";
    const auto t = table(g);
    CHECK(t.at("http://example.com/") == entry{home, "redirect", 2, "resolved"});
    CHECK(t.at("https://example.com/") == entry{home, "redirect", 1, "resolved"});
    CHECK(t.at(home + "old-sale") == entry{sale, "redirect", 1, "resolved"});
    CHECK(t.at(shoes + "?sort=price") == entry{shoes, "canonical", 1, "resolved"});  // HTTP canonical
    CHECK(t.size() == 6);
    CHECK(g.stats().conflicting_records == 0);  // the same records twice agree
    std::vector<std::uint16_t> statuses;
    io::read_redirects(data_dir + "sf_response_codes.csv", {},
                       [&](const io::raw_link& l) { statuses.push_back(l.status); });
    CHECK(statuses == std::vector<std::uint16_t>{301, 308, 301, io::redirect_status::meta_refresh});

    web_graph_options m;
    m.redirect_files = {data_dir + "redirects_map.csv", data_dir + "canonicals_map.csv"};
    const web_graph g2 = web_graph::read({data_dir + "site_move.csv"}, m);
    const auto t2 = table(g2);
    CHECK(t2.at("https://old.com/b?utm=1") == entry{"https://old.com/b", "canonical", 1, "resolved"});
    CHECK(t2.at("https://old.com/a") == entry{"https://old.com/b", "redirect", 1, "resolved"});
    CHECK(t2.at("http://old.com/") == entry{"https://new.com/", "redirect", 2, "resolved"});
    CHECK_THROWS_WITH(io::read_redirects(data_dir + "../links/generic.csv", {},
                                         [](const io::raw_link&) {}),
                      Catch::Contains("header lacks the columns of a redirect map"));
}

TEST_CASE("records: bad rows are strict errors or skipped and counted", "[redirects]") {
    web_graph_options lenient;
    lenient.skip_bad = true;
    const web_graph g = web_graph::read({data_dir + "bad_records.csv"}, lenient);
    const io::read_report& rep = g.stats().reports.at(0);
    CHECK(rep.skipped == 4);
    CHECK(rep.skipped_by_reason.count("invalid type") == 1);
    CHECK(rep.skipped_by_reason.count("invalid redirect status") == 1);
    CHECK(g.stats().redirect_records == 1);  // the meta-refresh one
    // Strict: a redirect to an invalid URL names file, line and reason.
    web_graph_builder b;
    b.begin_source("map.csv");
    io::raw_link l1 = row("https://a.com/", "https://b.com/"),
                 l2 = row("https://old.com/", "http://exa mple.com:99999/", R);
    l1.line = 1;
    l2.line = 2;
    b.add(l1);
    b.add(l2);
    CHECK_THROWS_WITH(b.finish(), Catch::Contains("map.csv:2") &&
                                      Catch::Contains("invalid redirect target URL"));
    web_graph_builder b2;
    b2.add(row("https://old.com/", "mailto:x@y.com", C));
    CHECK_THROWS_WITH(b2.finish(), Catch::Contains("canonical target is not http(s)"));
    // The first bad row in input order: line 3's target URL, before line 4's invalid type (the
    // serial reader used to report line 4: line 3 still waited in the builder's batch).
    CHECK_THROWS_WITH(web_graph::read({data_dir + "bad_records.csv"}),
                      Catch::Contains("bad_records.csv:3:") &&
                          Catch::Contains("invalid redirect target URL"));
}

TEST_CASE("records: snapshots store the consolidation, graphs without records stay version 1",
          "[redirects]") {
    const auto dir = std::filesystem::temp_directory_path() / "linkequity_redirects_test";
    std::filesystem::create_directories(dir);
    const std::string with = (dir / "with.lqs").string(), without = (dir / "without.lqs").string();
    const web_graph g = web_graph::read({data_dir + "sf_all_inlinks.csv"});
    save_snapshot(with, g);
    const web_graph s = web_graph::open_snapshot(with);
    CHECK(table(s) == table(g));
    CHECK(page_urls(s) == page_urls(g));
    CHECK(s.stats().links_repointed == g.stats().links_repointed);
    CHECK(s.stats().canonical_records == 1);
    CHECK(io::load_snapshot(with).array<std::uint64_t>("web_meta")[0] == 2);
    save_snapshot(without, build({row("https://a.com/", "https://b.com/")}));
    CHECK(io::load_snapshot(without).array<std::uint64_t>("web_meta")[0] == 1);
    CHECK(web_graph::open_snapshot(without).redirects().empty());
    std::filesystem::remove_all(dir);
}
