// SPDX-License-Identifier: MIT
// What-if and diff: apply_link_edits against web_graph_builder on the edited rows (same ids, same
// link arrays), what_if's warm-started scores against compute_authority of the independently built
// edited graph (add, remove, disavow, combined; on a hand-made fixture and a synthetic web), the
// diff's new/lost pairs and referring-domain counts by hand, edits files and their bad input, and
// the CLI (score --what-if, diff).
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <set>

#if defined(_OPENMP)
#include <omp.h>
#endif

#include "cli_runner.hpp"
#include "linkequity/analysis/web_diff.hpp"
#include "linkequity/analysis/what_if.hpp"
#include "linkequity/error.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/url.hpp"
#include "temp_files.hpp"

using namespace linkequity;
using linkequity::testing::run;
using linkequity::testing::slurp;

namespace {

struct row {
    std::string source, target, rel;
};

const std::vector<row> base_rows = {
    {"https://a.com/", "https://b.com/", ""},         {"https://a.com/", "https://c.com/x", ""},
    {"https://a.com/", "https://a.com/about", ""},    {"https://b.com/", "https://c.com/x", ""},
    {"https://b.com/", "https://c.com/x", "nofollow"}, {"https://c.com/x", "https://a.com/", ""},
    {"https://d.org/", "https://a.com/", "nofollow"}, {"https://e.net/p", "https://b.com/", ""},
    {"https://spam.biz/1", "https://a.com/", ""},     {"https://www.spam.biz/2", "https://c.com/x", ""},
};

web::web_graph build(const std::vector<row>& rows) {
    web::web_graph_builder b;
    for (const row& r : rows) b.add(r.source, r.target, "", io::parse_rel(r.rel));
    return b.finish();
}

web::link_edit edit(web::edit_action a, const row& r, std::size_t line) {
    web::link_edit e;
    e.action = a;
    e.link.source = r.source;
    e.link.target = r.target;
    e.link.rel = io::parse_rel(r.rel);
    e.link.line = line;
    e.origin = "edits";
    return e;
}

/// The rows with the edits applied by hand: removed pairs dropped (by normalised URLs), added
/// rows appended.
std::vector<row> edited_rows(const std::vector<row>& rows, const std::vector<web::link_edit>& edits) {
    std::set<std::pair<std::string, std::string>> gone;
    for (const auto& e : edits)
        if (e.action == web::edit_action::remove) {
            const auto s = web::normalize_url(e.link.source);
            gone.emplace(s.url, web::normalize_url(e.link.target, s.url).url);
        }
    std::vector<row> out;
    for (const row& r : rows) {
        const auto s = web::normalize_url(r.source);
        if (!gone.count({s.url, web::normalize_url(r.target, s.url).url})) out.push_back(r);
    }
    for (const auto& e : edits)
        if (e.action == web::edit_action::add)
            out.push_back({e.link.source, e.link.target,
                           e.link.rel & flags::nofollow ? "nofollow" : ""});
    return out;
}

void same_graph(const web::web_graph& x, const web::web_graph& y) {
    REQUIRE(x.num_pages() == y.num_pages());
    REQUIRE(x.num_hosts() == y.num_hosts());
    REQUIRE(x.num_domains() == y.num_domains());
    REQUIRE(x.num_links() == y.num_links());
    for (node_id p = 0; p < x.num_pages(); ++p) REQUIRE(x.page_url(p) == y.page_url(p));
    for (node_id h = 0; h < x.num_hosts(); ++h) REQUIRE(x.host_name(h) == y.host_name(h));
    for (node_id d = 0; d < x.num_domains(); ++d) REQUIRE(x.domain_name(d) == y.domain_name(d));
    for (std::size_t l = 0; l < x.num_links(); ++l) {
        REQUIRE(x.link_sources()[l] == y.link_sources()[l]);
        REQUIRE(x.link_targets()[l] == y.link_targets()[l]);
        REQUIRE(x.link_flags()[l] == y.link_flags()[l]);
    }
}

void same_scores(const web::authority_table& x, const web::authority_table& y, double tol) {
    REQUIRE(x.size() == y.size());
    double l1 = 0;
    for (std::size_t i = 0; i < x.size(); ++i) l1 += std::abs(x.score[i] - y.score[i]);
    CHECK(l1 < tol);
    CHECK(x.backlinks == y.backlinks);
    CHECK(x.followable_referring_domains == y.followable_referring_domains);
    CHECK(x.outgoing_links == y.outgoing_links);
    // what_if carries the other counts over and recomputes the touched nodes' only
    CHECK(x.followable_backlinks == y.followable_backlinks);
    CHECK(x.referring_pages == y.referring_pages);
    CHECK(x.referring_domains == y.referring_domains);
    CHECK(x.followable_outgoing_links == y.followable_outgoing_links);
}

/// what_if(g, edits, disavow) against a full recompute of the independently built edited rows.
void check_what_if(const std::vector<row>& rows, const std::vector<web::link_edit>& edits,
                   const std::string& disavow_text = "", bool hosts = false) {
    const web::web_graph g = build(rows);
    analysis::what_if_options o;
    o.authority.pagerank.tolerance = 1e-12;
    o.authority.compute_hosts = hosts;
    const auto before = web::compute_authority(g, o.authority);
    const web::disavow_list list = web::disavow_list::parse(disavow_text, "disavow.txt");
    const auto r = analysis::what_if(g, before, edits, disavow_text.empty() ? nullptr : &list, o);
    web::web_graph oracle = build(edited_rows(rows, edits));
    if (!disavow_text.empty()) web::apply_disavow(oracle, list);
    same_graph(r.edited.graph, oracle);
    CHECK(r.edited.graph.stats().internal_links == oracle.stats().internal_links);
    CHECK(r.edited.graph.stats().self_links == oracle.stats().self_links);
    for (std::size_t p = 0; p <= oracle.num_pages(); ++p)
        REQUIRE(r.edited.graph.link_offsets()[p] == oracle.link_offsets()[p]);
    const auto full = web::compute_authority(oracle, o.authority);
    same_scores(r.after.pages, full.pages, 1e-10);
    same_scores(r.after.domains, full.domains, 1e-10);
    if (hosts) same_scores(r.after.hosts, full.hosts, 1e-10);
    // Delta rows: by authority change (largest first), then by name, every node once.
    for (const auto* t : {&r.pages, &r.domains}) {
        std::set<std::string> names;
        std::string last_name;
        double last_change = 0;
        for (std::size_t i = 0; i < t->size(); ++i) {
            const std::string name(t->after_id[i] != t->absent
                                       ? web::name_of(r.edited.graph, t->level, t->after_id[i])
                                       : web::name_of(g, t->level, t->before_id[i]));
            const double change = t->authority_after[i] - t->authority_before[i];
            if (i > 0) {
                REQUIRE(change <= last_change);
                if (change == last_change) REQUIRE(last_name < name);
            }
            names.insert(name);
            last_name = name;
            last_change = change;
        }
        CHECK(names.size() == t->size());
    }
}

/// Rows of a synthetic web (nofollow kept, or dropped) and `count` random edits: removals of
/// existing pairs, additions between existing pages and to new pages of new domains.
std::vector<web::link_edit> random_edits(const web::web_graph& g, std::size_t count,
                                         unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<web::link_edit> edits;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t l = rng() % g.num_links();
        const node_id s = g.link_source(l), t = g.link_targets()[l];
        const bool dup = std::any_of(edits.begin(), edits.end(), [&](const web::link_edit& e) {
            return e.link.source == g.page_url(s) && e.link.target == g.page_url(t);
        });
        if (!dup) edits.push_back(edit(web::edit_action::remove,
                                       {std::string(g.page_url(s)), std::string(g.page_url(t)), ""}, i + 2));
        const std::string to = i % 3 == 0 ? "https://new" + std::to_string(i % 7) + ".example/p" + std::to_string(i)
                                          : std::string(g.page_url(static_cast<node_id>(rng() % g.num_pages())));
        edits.push_back(edit(web::edit_action::add,
                             {std::string(g.page_url(static_cast<node_id>(rng() % g.num_pages()))), to,
                              i % 4 == 0 ? "nofollow" : ""},
                             i + 1000));
    }
    return edits;
}

std::vector<row> synthetic_rows(std::size_t domains, std::size_t links) {
    web::synthetic_web_options w;
    w.domains = domains;
    w.links = links;
    w.non_web_share = 0;  // a page that only links to mailto: is kept by the builder, not by edits
    std::vector<row> rows;
    web::synthetic_web(w).generate([&](span<const io::raw_link> batch) {
        for (const auto& l : batch)
            rows.push_back({l.source, l.target, l.rel & flags::nofollow ? "nofollow" : ""});
    });
    return rows;
}

}  // namespace

TEST_CASE("what_if: additions equal a full recompute (new page, host and domain)", "[what_if]") {
    check_what_if(base_rows, {edit(web::edit_action::add, {"https://d.org/", "https://c.com/x", ""}, 2),
                              edit(web::edit_action::add, {"https://a.com/new", "https://b.com/", ""}, 3),
                              edit(web::edit_action::add, {"https://blog.b.com/", "https://a.com/", ""}, 4),
                              edit(web::edit_action::add, {"https://f.io/", "HTTPS://A.com:443/#x", ""}, 5),
                              edit(web::edit_action::add, {"https://a.com/", "https://b.com/", "nofollow"}, 6)});
}

TEST_CASE("what_if: removals equal a full recompute (pages and domains left without links)", "[what_if]") {
    check_what_if(base_rows, {edit(web::edit_action::remove, {"https://e.net/p", "https://b.com/", ""}, 2),
                              edit(web::edit_action::remove, {"https://b.com/", "https://c.com/x", ""}, 3),
                              edit(web::edit_action::remove, {"https://a.com", "/about", ""}, 4)});
}

TEST_CASE("what_if: a disavow file equals a full recompute", "[what_if]") {
    check_what_if(base_rows, {}, "# spam\ndomain:spam.biz\nhttps://d.org/\n");
    check_what_if(base_rows, {edit(web::edit_action::add, {"https://spam.biz/3", "https://b.com/", ""}, 2),
                              edit(web::edit_action::remove, {"https://a.com/", "https://b.com/", ""}, 3)},
                  "domain:spam.biz\n");
}

TEST_CASE("what_if: random edits of a synthetic web equal a full recompute", "[what_if]") {
    web::synthetic_web_options w;
    w.domains = 300;
    w.links = 20000;
    w.non_web_share = 0;  // a page that only links to mailto: is kept by the builder, not by edits
    std::vector<row> rows;
    web::synthetic_web(w).generate([&](span<const io::raw_link> batch) {
        for (const auto& l : batch)
            rows.push_back({l.source, l.target, l.rel & flags::nofollow ? "nofollow" : ""});
    });
    for (row& r : rows) r.rel = "";  // flags kept simple: the oracle rows carry nofollow only
    const web::web_graph g = build(rows);
    std::mt19937 rng(5);
    std::vector<web::link_edit> edits;
    for (std::size_t i = 0; i < 60; ++i) {
        const std::size_t l = rng() % g.num_links();
        const node_id s = g.link_source(l), t = g.link_targets()[l];
        const bool dup = std::any_of(edits.begin(), edits.end(), [&](const web::link_edit& e) {
            return e.link.source == g.page_url(s) && e.link.target == g.page_url(t);
        });
        if (!dup) edits.push_back(edit(web::edit_action::remove,
                                       {std::string(g.page_url(s)), std::string(g.page_url(t)), ""}, i + 2));
        edits.push_back(edit(web::edit_action::add,
                             {std::string(g.page_url(static_cast<node_id>(rng() % g.num_pages()))),
                              "https://new" + std::to_string(i % 7) + ".example/p" + std::to_string(i), ""},
                             i + 100));
    }
    check_what_if(rows, edits);
}

TEST_CASE("what_if: warm start takes fewer iterations than a cold start", "[what_if]") {
    const web::web_graph g = build(base_rows);
    analysis::what_if_options o;
    const auto before = web::compute_authority(g, o.authority);
    const std::vector<web::link_edit> edits = {
        edit(web::edit_action::add, {"https://d.org/", "https://c.com/x", ""}, 2)};
    const auto warm = analysis::what_if(g, before, edits, nullptr, o);
    o.warm_start = false;
    const auto cold = analysis::what_if(g, before, edits, nullptr, o);
    CHECK(warm.after.pages.iterations < cold.after.pages.iterations);
}

TEST_CASE("what_if: 1 and 2 threads give the same graph and scores", "[what_if][threads]") {
#if defined(_OPENMP)
    web::synthetic_web_options w;
    w.domains = 200;
    w.links = 20000;
    web::web_graph_builder b;
    web::synthetic_web(w).generate([&](span<const io::raw_link> batch) {
        for (const auto& l : batch) b.add(l);
    });
    const web::web_graph g = b.finish();
    const std::vector<web::link_edit> edits = {
        edit(web::edit_action::add, {std::string(g.page_url(0)), "https://n.example/", ""}, 2),
        edit(web::edit_action::remove, {std::string(g.page_url(g.link_source(7))),
                                        std::string(g.page_url(g.link_targets()[7])), ""}, 3)};
    analysis::what_if_options o;
    omp_set_num_threads(1);
    const auto before1 = web::compute_authority(g, o.authority);
    const auto one = analysis::what_if(g, before1, edits, nullptr, o);
    omp_set_num_threads(2);
    const auto before2 = web::compute_authority(g, o.authority);
    const auto two = analysis::what_if(g, before2, edits, nullptr, o);
    same_graph(one.edited.graph, two.edited.graph);
    same_scores(one.after.pages, two.after.pages, 1e-13);
    same_scores(one.after.domains, two.after.domains, 1e-13);
#endif
}

TEST_CASE("what_if: removing an absent link is an error, or a counted no-op", "[what_if]") {
    const web::web_graph g = build(base_rows);
    const std::vector<web::link_edit> edits = {
        edit(web::edit_action::remove, {"https://d.org/", "https://b.com/", ""}, 7)};
    try {
        web::apply_link_edits(g, edits);
        FAIL("no error");
    } catch (const parse_error& e) {
        CHECK(std::string(e.what()).find("edits:7") != std::string::npos);
        CHECK(std::string(e.what()).find("no link from https://d.org/ to https://b.com/") !=
              std::string::npos);
    }
    const auto r = web::apply_link_edits(g, edits, true);
    CHECK(r.report.missing == 1);
    CHECK(r.graph.num_links() == g.num_links());
    CHECK_THROWS_WITH(web::apply_link_edits(g, {edit(web::edit_action::add, {"https://a.com/", "http://[bad", ""}, 9)}),
                      Catch::Contains("edits:9") && Catch::Contains("invalid target URL"));
}

TEST_CASE("what_if: edits files (action column) and their bad input", "[what_if]") {
    linkequity::test::temp_dir d("le-whatif");
    auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(d.file(name)) << text;
        return d.file(name);
    };
    const auto ok = write("ok.csv", "source,target,anchor,action\nhttps://a.com/,https://b.com/,x,add\n"
                                    "https://a.com/,https://c.com/,, Remove \n");
    const auto e = web::read_link_edits(ok, {});
    REQUIRE(e.size() == 2);
    CHECK(e[0].action == web::edit_action::add);
    CHECK(e[0].link.anchor == "x");
    CHECK(e[1].action == web::edit_action::remove);
    CHECK(e[1].link.line == 3);
    const auto no_action = write("no_action.csv", "source,target\nhttps://a.com/,https://b.com/\n");
    CHECK_THROWS_WITH(web::read_link_edits(no_action, {}),
                      Catch::Contains("no_action.csv") && Catch::Contains("'action' column"));
    const auto bad = write("bad.csv", "source,target,action\nhttps://a.com/,https://b.com/,add\n"
                                      "https://a.com/,https://c.com/,move\n");
    CHECK_THROWS_WITH(web::read_link_edits(bad, {}),
                      Catch::Contains("bad.csv:3") && Catch::Contains("got 'move'"));
    io::read_options lenient;
    lenient.skip_bad = true;
    web::link_edit_report rep;
    CHECK(web::read_link_edits(bad, lenient, &rep).size() == 1);
    CHECK(rep.bad_rows == 1);
    const auto missing = write("missing.csv", "source,action\nhttps://a.com/,add\n");
    CHECK_THROWS_WITH(web::read_link_edits(missing, {}), Catch::Contains("missing.csv"));
}

TEST_CASE("diff: new and lost pairs and referring domains by hand", "[what_if][diff]") {
    const web::web_graph before = build(base_rows);
    std::vector<row> after_rows(base_rows.begin(), base_rows.end() - 3);  // no e.net, spam.biz
    after_rows.push_back({"https://f.io/", "https://a.com/", ""});
    after_rows.push_back({"https://b.com/", "https://a.com/", "nofollow"});
    after_rows.push_back({"https://b.com/", "https://c.com/x", "ugc"});  // pair exists: not new
    const web::web_graph after = build(after_rows);
    const auto r = analysis::web_diff(before, after, web::compute_authority(before).domains,
                                      web::compute_authority(after).domains);
    REQUIRE(r.new_links.size() == 2);  // sorted by URL: b.com → a.com, f.io → a.com
    CHECK(after.page_url(r.new_links[0].source) == "https://b.com/");
    CHECK(r.new_links[0].followable == 0);
    CHECK(after.page_url(r.new_links[1].source) == "https://f.io/");
    REQUIRE(r.lost_links.size() == 3);
    CHECK(before.page_url(r.lost_links[0].source) == "https://e.net/p");
    CHECK(before.page_url(r.lost_links[1].source) == "https://spam.biz/1");
    CHECK(before.page_url(r.lost_links[2].source) == "https://www.spam.biz/2");
    std::map<std::string, analysis::domain_change> by;
    for (const auto& dc : r.domains)
        by[std::string(dc.after != dc.absent ? after.domain_name(dc.after) : before.domain_name(dc.before))] = dc;
    // a.com: before c.com, d.org, spam.biz; after c.com, d.org, f.io, b.com
    CHECK(by["a.com"].referring_before == 3);
    CHECK(by["a.com"].referring_after == 4);
    CHECK(by["a.com"].gained == 2);
    CHECK(by["a.com"].lost == 1);
    // b.com: before a.com, e.net; after a.com
    CHECK(by["b.com"].gained == 0);
    CHECK(by["b.com"].lost == 1);
    // c.com: before a.com, b.com, spam.biz; after a.com, b.com
    CHECK(by["c.com"].lost == 1);
    CHECK(std::string(by["spam.biz"].status()) == "dropped");
    CHECK(std::string(by["f.io"].status()) == "new");
    for (std::size_t i = 1; i < r.domains.size(); ++i)
        CHECK(r.domains[i - 1].authority_after - r.domains[i - 1].authority_before >=
              r.domains[i].authority_after - r.domains[i].authority_before);
}

TEST_CASE("cli: score --what-if equals scoring the edited links, diff writes its files", "[what_if][cli]") {
    if (!linkequity::testing::cli_available()) return;
    linkequity::test::temp_dir d("le-cli-whatif");
    std::ofstream(d.file("links.csv")) << "source,target,rel\n"
        "https://a.com/,https://b.com/,\nhttps://a.com/,https://c.com/x,\n"
        "https://b.com/,https://c.com/x,\nhttps://c.com/x,https://a.com/,\n"
        "https://d.org/,https://a.com/,nofollow\nhttps://e.net/p,https://b.com/,\n";
    std::ofstream(d.file("edits.csv")) << "source,target,rel,action\n"
        "https://d.org/,https://c.com/x,,add\nhttps://e.net/p,https://b.com/,,remove\n"
        "https://f.io/,https://a.com/,,add\n";
    std::ofstream(d.file("edited.csv")) << "source,target,rel\n"
        "https://a.com/,https://b.com/,\nhttps://a.com/,https://c.com/x,\n"
        "https://b.com/,https://c.com/x,\nhttps://c.com/x,https://a.com/,\n"
        "https://d.org/,https://a.com/,nofollow\nhttps://d.org/,https://c.com/x,\n"
        "https://f.io/,https://a.com/,\n";
    auto r = run("score links.csv --what-if edits.csv --tolerance 1e-14 --out w", d.path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    REQUIRE(run("score edited.csv --tolerance 1e-14 --out full", d.path).code == 0);
    CHECK(slurp(d.path / "w/domains.csv") == slurp(d.path / "full/domains.csv"));
    const std::string deltas = slurp(d.path / "w/domains_delta.csv");
    CHECK(deltas.rfind("domain,status,score_before,score_after,score_change,", 0) == 0);
    CHECK(deltas.find("\ne.net,dropped,") != std::string::npos);
    CHECK(deltas.find("\nf.io,new,") != std::string::npos);
    std::ofstream(d.file("bad.csv")) << "source,target,action\nhttps://a.com/,https://b.com/,drop\n";
    r = run("score links.csv --what-if bad.csv --out bad", d.path);
    CHECK(r.code == 1);
    CHECK(r.err.find("bad.csv:2") != std::string::npos);
    r = run("diff links.csv edited.csv --out diff", d.path);
    REQUIRE(r.code == 0);
    CHECK(slurp(d.path / "diff/links_new.csv") ==
          "source,target,source_domain,target_domain,links,followable_links\n"
          "https://d.org/,https://c.com/x,d.org,c.com,1,1\nhttps://f.io/,https://a.com/,f.io,a.com,1,1\n");
    CHECK(slurp(d.path / "diff/links_lost.csv") ==
          "source,target,source_domain,target_domain,links,followable_links\n"
          "https://e.net/p,https://b.com/,e.net,b.com,1,1\n");
    CHECK(slurp(d.path / "diff/domains.csv").find("\nb.com,kept,2,1,0,1,") != std::string::npos);
    // a web snapshot as BEFORE gives the same files
    REQUIRE(run("snapshot --web links.csv --out before.lqs", d.path).code == 0);
    REQUIRE(run("diff before.lqs edited.csv --out diff2", d.path).code == 0);
    for (const char* f : {"links_new.csv", "links_lost.csv", "domains.csv"})
        CHECK(slurp(d.path / "diff2" / f) == slurp(d.path / "diff" / f));
}

TEST_CASE("what_if: link counts of every level equal a full recompute (hosts, nofollow edits)", "[what_if]") {
    // Counts are carried over from the before-scores and recomputed only for the nodes the edit
    // touched: every column of pages, hosts and domains against compute_authority of the rebuilt
    // edited links (nofollow rows kept, so followable and all counts differ).
    const std::vector<row> rows = synthetic_rows(300, 20000);
    const web::web_graph g = build(rows);
    check_what_if(rows, random_edits(g, 80, 11), "", true);
    check_what_if(rows, random_edits(g, 80, 12), "domain:" + std::string(g.domain_name(3)) + "\n", true);
}

TEST_CASE("what_if: before-scores without link counts get every count recomputed", "[what_if]") {
    const std::vector<row> rows = synthetic_rows(100, 5000);
    const web::web_graph g = build(rows);
    const auto edits = random_edits(g, 20, 3);
    analysis::what_if_options o;
    o.authority.compute_hosts = true;
    web::authority_options no_counts = o.authority;
    no_counts.compute_counts = false;
    const auto before = web::compute_authority(g, no_counts);
    REQUIRE(before.pages.backlinks.empty());
    const auto r = analysis::what_if(g, before, edits, nullptr, o);
    const auto full = web::compute_authority(build(edited_rows(rows, edits)), o.authority);
    same_scores(r.after.pages, full.pages, 1e-9);
    same_scores(r.after.hosts, full.hosts, 1e-9);
    same_scores(r.after.domains, full.domains, 1e-9);
}

TEST_CASE("what_if: without extrapolation the warm solves still equal a full recompute", "[what_if]") {
    const std::vector<row> rows = synthetic_rows(200, 10000);
    const web::web_graph g = build(rows);
    const auto edits = random_edits(g, 40, 9);
    analysis::what_if_options o;
    const auto before = web::compute_authority(g, o.authority);
    const auto full = web::compute_authority(build(edited_rows(rows, edits)), o.authority);
    for (const bool extrapolate : {true, false}) {
        o.extrapolate = extrapolate;
        const auto r = analysis::what_if(g, before, edits, nullptr, o);
        // both stop within the tolerance (1e-10) of the fixed point: L1 gap of its order
        same_scores(r.after.pages, full.pages, 2e-9);
        same_scores(r.after.domains, full.domains, 2e-9);
    }
}

TEST_CASE("what_if: edits of a consolidated graph name final URLs, as a rebuild does", "[what_if]") {
    // http://old.com/ redirects to https://b.com/; https://a.com/x is canonicalised to
    // https://a.com/. Edit rows naming the consolidated URLs must land on the final pages.
    auto rec = [](const std::string& s, const std::string& t, io::record_kind k) {
        io::raw_link l;
        l.source = s;
        l.target = t;
        l.kind = k;
        return l;
    };
    const io::record_kind L = io::record_kind::link, R = io::record_kind::redirect,
                          C = io::record_kind::canonical;
    const std::vector<io::raw_link> base = {
        rec("https://a.com/", "https://b.com/", L),   rec("https://c.com/", "http://old.com/", L),
        rec("https://b.com/", "https://c.com/", L),   rec("https://a.com/x", "https://c.com/", L),
        rec("http://old.com/", "https://b.com/", R),  rec("https://a.com/x", "https://a.com/", C),
        rec("https://d.com/", "https://a.com/", L)};
    auto build_raw = [](const std::vector<io::raw_link>& rows) {
        web::web_graph_builder b;
        std::size_t line = 0;
        for (io::raw_link l : rows) {
            l.line = ++line;
            b.add(l);
        }
        return b.finish();
    };
    const web::web_graph g = build_raw(base);
    REQUIRE(g.redirects().size() == 2);
    REQUIRE_FALSE(g.find_page("http://old.com/"));
    const std::vector<web::link_edit> edits = {
        edit(web::edit_action::add, {"https://d.com/", "http://old.com/", ""}, 2),     // → b.com
        edit(web::edit_action::add, {"https://a.com/x", "https://d.com/", ""}, 3),     // from a.com/
        edit(web::edit_action::add, {"http://old.com/", "https://b.com/", ""}, 4),     // self: dropped
        edit(web::edit_action::remove, {"https://c.com/", "http://old.com/", ""}, 5)};  // c → b
    analysis::what_if_options o;
    o.authority.pagerank.tolerance = 1e-12;
    const auto before = web::compute_authority(g, o.authority);
    const auto r = analysis::what_if(g, before, edits, nullptr, o);
    CHECK(r.edited.report.merged == 1);
    CHECK(r.edited.report.new_pages == 0);
    CHECK(r.edited.graph.redirects().size() == 2);
    // The oracle: the same rows with the edits applied by hand, built with the records.
    std::vector<io::raw_link> rows = {
        rec("https://a.com/", "https://b.com/", L),   rec("https://b.com/", "https://c.com/", L),
        rec("https://a.com/x", "https://c.com/", L),  rec("http://old.com/", "https://b.com/", R),
        rec("https://a.com/x", "https://a.com/", C),  rec("https://d.com/", "https://a.com/", L),
        rec("https://d.com/", "http://old.com/", L),  rec("https://a.com/x", "https://d.com/", L),
        rec("http://old.com/", "https://b.com/", L)};
    const web::web_graph oracle = build_raw(rows);
    same_graph(r.edited.graph, oracle);
    const auto full = web::compute_authority(oracle, o.authority);
    same_scores(r.after.pages, full.pages, 1e-10);
    same_scores(r.after.domains, full.domains, 1e-10);
}
