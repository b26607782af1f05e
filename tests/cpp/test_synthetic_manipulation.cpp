// SPDX-License-Identifier: MIT
// synthetic_web's labelled manipulation: the default output is byte-identical to the generator's
// before manipulation existed (FNV-1a fingerprints recorded from it), the labels agree with the
// links as the web graph reads them back (farm members → target from every page, PBN members →
// a money site, reciprocal pairs both ways, sitewide footer links on every seller page), the
// honest rows are unchanged by the overlay, determinism by seed and thread count, bad options;
// expired domains: their redirect records, and consolidation moving their backlinks to the money
// site (oracle: the links as read without following redirects, re-pointed by hand).
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "linkequity/web/authority.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"
#include "synthetic_feed.hpp"
#include "threads.hpp"

#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
#include <omp.h>
#endif

using namespace linkequity;
using namespace linkequity::web;
using test_synthetic::feed;

namespace {

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

std::string csv(const synthetic_web& w) {
    std::ostringstream out;
    w.write_csv(out);
    return out.str();
}

std::string labels(const synthetic_web& w) {
    std::ostringstream out;
    w.write_labels(out);
    return out.str();
}

void set_threads(int t) {
#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)
    omp_set_num_threads(t);  // the test is the caller: it owns the thread count
#else
    (void)t;
#endif
}

synthetic_web_options spam_options(std::uint64_t seed = 3) {
    synthetic_web_options o;
    o.domains = 2000;
    o.links = 100000;
    o.seed = seed;
    o.manipulation.farms = 4;
    o.manipulation.farm_size = 12;
    o.manipulation.pbns = 3;
    o.manipulation.pbn_size = 8;
    o.manipulation.exchanges = 10;
    o.manipulation.paid_links = 6;
    o.manipulation.paid_sponsored = 0.5;
    return o;
}

/// Followable domain edges of the web graph (by domain name) and, per page, its out-links.
struct domain_view {
    const web_graph& g;
    std::set<std::pair<node_id, node_id>> edges;
    explicit domain_view(const web_graph& graph) : g(graph) {
        for (std::size_t l = 0; l < g.num_links(); ++l) {
            if (g.link_flags()[l] & (flags::nofollow | flags::sponsored | flags::ugc)) continue;
            const node_id a = g.domain_of(g.link_source(l)), b = g.domain_of(g.link_targets()[l]);
            if (a != b) edges.insert({a, b});
        }
    }
    node_id id(const std::string& name) const {
        const auto d = g.find_domain(name);
        REQUIRE(d.has_value());
        return *d;
    }
    bool links(const std::string& a, const std::string& b) const {
        return edges.count({id(a), id(b)}) == 1;
    }
};

/// Domains by label, and by group.
struct label_index {
    std::map<domain_label, std::vector<std::size_t>> by_label;
    std::map<std::string, std::vector<std::size_t>> by_group;
    explicit label_index(const synthetic_web& w) {
        for (std::size_t d = 0; d < w.num_domains(); ++d) {
            by_label[w.label(d)].push_back(d);
            if (!w.group(d).empty()) by_group[w.group(d)].push_back(d);
        }
    }
    std::vector<std::size_t> in(const std::string& group, domain_label l,
                                const synthetic_web& w) const {
        std::vector<std::size_t> out;
        for (std::size_t d : by_group.at(group))
            if (w.label(d) == l) out.push_back(d);
        return out;
    }
};

}  // namespace

TEST_CASE("synthetic_web: default output is byte-identical to the pre-manipulation generator",
          "[synthetic_web][manipulation]") {
    // Fingerprints of `linkequity generate` output recorded before manipulation existed.
    CHECK(fnv1a(csv(synthetic_web(synthetic_web_options{}))) == 0xfc42b253c91a9443ull);
    synthetic_web_options o;
    o.domains = 300;
    o.links = 30000;
    o.seed = 5;
    const synthetic_web w(o);
    CHECK(fnv1a(csv(w)) == 0x9cb259e8e22c7387ull);
    CHECK(w.num_domains() == 300);
    CHECK(w.num_honest_domains() == 300);
    CHECK(w.num_links() == 30000);
    for (std::size_t d = 0; d < w.num_domains(); ++d) {
        CHECK(w.label(d) == domain_label::honest);
        CHECK(w.group(d).empty());
    }
    const std::string l = labels(w);
    CHECK(l.rfind("domain,label,group\n" + w.domain_name(0) + ",honest,\n", 0) == 0);
}

TEST_CASE("synthetic_web: manipulation is an overlay after the unchanged honest rows",
          "[synthetic_web][manipulation]") {
    synthetic_web_options honest = spam_options();
    honest.manipulation = {};
    const std::string plain = csv(synthetic_web(honest));
    const synthetic_web w(spam_options());
    const std::string spam = csv(w);
    REQUIRE(spam.size() > plain.size());
    CHECK(spam.compare(0, plain.size(), plain) == 0);
    const synthetic_web_stats st = w.generate([](span<const io::raw_link>) {});
    CHECK(st.links == w.num_links());
    CHECK(st.manipulation == w.num_links() - 100000);
    CHECK(st.manipulation > 0);
    // Counts of each role: farms and PBNs add their members; the rest are honest domains.
    const label_index idx(w);
    CHECK(w.num_domains() == 2000 + 4 * 12 + 3 * 8);
    CHECK(idx.by_label.at(domain_label::farm).size() == 48);
    CHECK(idx.by_label.at(domain_label::pbn).size() == 24);
    CHECK(idx.by_label.at(domain_label::target).size() == 4 + 3 * 3);
    CHECK(idx.by_label.at(domain_label::exchange).size() == 20);
    CHECK(idx.by_label.at(domain_label::paid_seller).size() == 6);
    CHECK(idx.by_label.at(domain_label::paid_buyer).size() == 6);
    for (std::size_t d : idx.by_label.at(domain_label::farm)) CHECK(d >= 2000);
    for (std::size_t d : idx.by_label.at(domain_label::target)) CHECK(d < 2000);
}

TEST_CASE("synthetic_web: labels agree with the links the web graph reads back",
          "[synthetic_web][manipulation]") {
    const synthetic_web w(spam_options());
    const web_graph g = feed(w);
    const domain_view v(g);
    const label_index idx(w);
    // Names are unique, and every labelled domain is a registrable domain as the PSL sees it.
    std::set<std::string> names;
    for (std::size_t d = 0; d < w.num_domains(); ++d) {
        names.insert(w.domain_name(d));
        if (w.label(d) != domain_label::honest) CHECK(g.find_domain(w.domain_name(d)).has_value());
    }
    CHECK(names.size() == w.num_domains());
    CHECK(g.num_domains() <= w.num_domains());
    for (const auto& [group, members] : idx.by_group) {
        const auto name = [&w](std::size_t d) { return w.domain_name(d); };
        if (group.rfind("farm-", 0) == 0) {
            const auto target = idx.in(group, domain_label::target, w);
            REQUIRE(target.size() == 1);
            for (std::size_t m : idx.in(group, domain_label::farm, w)) {
                CHECK(v.links(name(m), name(target[0])));
                // Every page of a member links to the target.
                const node_id gd = v.id(name(m)), gt = v.id(name(target[0]));
                for (node_id p = 0; p < g.num_pages(); ++p) {
                    if (g.domain_of(p) != gd) continue;
                    bool found = false;
                    for (auto l = g.link_offsets()[p]; l < g.link_offsets()[p + 1]; ++l)
                        found = found || g.domain_of(g.link_targets()[l]) == gt;
                    CHECK(found);
                }
            }
        } else if (group.rfind("pbn-", 0) == 0) {
            const auto money = idx.in(group, domain_label::target, w);
            REQUIRE(money.size() == 3);
            for (std::size_t m : idx.in(group, domain_label::pbn, w)) {
                bool any = false;
                for (std::size_t t : money) any = any || v.links(name(m), name(t));
                CHECK(any);
            }
        } else if (group.rfind("exchange-", 0) == 0) {
            REQUIRE(members.size() == 2);
            CHECK(v.links(name(members[0]), name(members[1])));
            CHECK(v.links(name(members[1]), name(members[0])));
        } else {
            REQUIRE(group.rfind("paid-", 0) == 0);
            const auto seller = idx.in(group, domain_label::paid_seller, w);
            const auto buyer = idx.in(group, domain_label::paid_buyer, w);
            REQUIRE(seller.size() == 1);
            REQUIRE(buyer.size() == 1);
            // Every generated page of the seller has a footer link to the buyer, all with the
            // same rel (a template link): sponsored for the whole deal or for none of it.
            const node_id gb = v.id(name(buyer[0]));
            std::set<edge_flags> rels;
            std::size_t pages = 0;
            for (std::size_t p = 0; p < w.num_pages(); ++p) {
                if (w.domain_of_host(w.host_of_page(p)) != seller[0]) continue;
                ++pages;
                const auto gp = g.find_page(w.page_url(p));
                REQUIRE(gp.has_value());
                bool footer = false;
                for (auto l = g.link_offsets()[*gp]; l < g.link_offsets()[*gp + 1]; ++l)
                    if (g.domain_of(g.link_targets()[l]) == gb &&
                        g.link_positions()[l] == link_position::footer) {
                        footer = true;
                        rels.insert(g.link_flags()[l] & flags::sponsored);
                    }
                CHECK(footer);
            }
            CHECK(pages >= 2);
            CHECK(rels.size() == 1);
        }
    }
}

TEST_CASE("synthetic_web: manipulation reproducible by seed, identical on 1 and 2 threads",
          "[synthetic_web][manipulation]") {
    synthetic_web_options o = spam_options(9);
    o.links = 70000;  // several blocks
    o.manipulation.farm_pages = 200;  // enough extra rows for more than one block of their own
    set_threads(1);
    const synthetic_web a(o);
    const std::string one = csv(a), one_labels = labels(a);
    set_threads(2);
    const synthetic_web b(o);
    CHECK(csv(b) == one);
    CHECK(labels(b) == one_labels);
    CHECK(b.num_links() > o.links + (std::size_t{1} << 15));
    o.seed = 10;
    const synthetic_web c(o);
    CHECK(labels(c) != one_labels);
    // The switch: a mix sized by spam_share, explicit counts kept.
    synthetic_web_options m;
    m.domains = 4000;
    m.links = 20000;
    m.manipulation.manipulation = true;
    m.manipulation.exchanges = 3;
    const manipulation_options r = m.manipulation.resolved(m.domains);
    CHECK(r.farms == 6);       // 0.6 · 0.05 · 4000 / 20
    CHECK(r.pbns == 8);        // 0.4 · 0.05 · 4000 / 10
    CHECK(r.exchanges == 3);   // given
    CHECK(r.paid_links == 20); // 0.05 · 4000 / 10
    const synthetic_web mw(m);
    CHECK(mw.num_domains() == 4000 + 6 * 20 + 8 * 10);
}

TEST_CASE("synthetic_web: bad manipulation options are rejected with clear messages",
          "[synthetic_web][manipulation]") {
    using Catch::Matchers::Contains;
    synthetic_web_options o;
    o.manipulation.farms = 1;
    o.manipulation.farm_size = 1;
    CHECK_THROWS_WITH(synthetic_web(o), Contains("farm_size must be >= 2, got 1"));
    o = {};
    o.manipulation.paid_sponsored = 1.5;
    CHECK_THROWS_WITH(synthetic_web(o), Contains("paid_sponsored must be in [0, 1], got 1.5"));
    o = {};
    o.manipulation.spam_share = 0;
    CHECK_THROWS_WITH(synthetic_web(o), Contains("spam_share must be in (0, 1), got 0"));
    o = {};
    o.manipulation.farm_pages = 0.5;
    CHECK_THROWS_WITH(synthetic_web(o), Contains("farm_pages must be >= 1, got 0.5"));
    o = {};
    o.manipulation.pbn_backlinks = 1e9;
    CHECK_THROWS_WITH(synthetic_web(o), Contains("pbn_backlinks must be <= 1000, got 1000000000"));
    o = {};
    o.domains = 10;
    o.manipulation.exchanges = 5;
    CHECK_THROWS_WITH(synthetic_web(o), Contains("needs 10 honest domains") &&
                                            Contains("at most half of domains (5)"));
    o.manipulation.exchanges = 2;
    CHECK_NOTHROW(synthetic_web(o));
}

namespace {

synthetic_web_options expired_options(std::uint64_t seed = 6) {
    synthetic_web_options o;
    o.domains = 2000;
    o.links = 80000;
    o.seed = seed;
    o.manipulation.expired = 7;  // 3 money sites: 3 + 3 + 1 expired domains
    o.manipulation.expired_per_site = 3;
    o.manipulation.farms = 1;    // with another pass, as the mix has them
    return o;
}

}  // namespace

TEST_CASE("synthetic_web: expired domains 301-redirect every URL to their money site",
          "[synthetic_web][manipulation][redirects]") {
    const synthetic_web_options o = expired_options();
    const std::string one = test_threads::on(1, [&] { return csv(synthetic_web(o)); });
    const synthetic_web w = test_threads::on(2, [&] { return synthetic_web(o); });
    CHECK(test_threads::on(2, [&] { return csv(w); }) == one);
    CHECK(labels(w) == test_threads::on(1, [&] { return labels(synthetic_web(o)); }));
    CHECK(one.rfind("source,target,anchor,rel,position,type,status\n", 0) == 0);
    // Labels: 7 expired honest domains in groups expired-0 .. expired-2, one money site each.
    const label_index idx(w);
    CHECK(w.num_domains() == 2000 + 20);  // the farm's members only: expired domains are honest
    REQUIRE(idx.by_label.count(domain_label::expired) == 1);
    CHECK(idx.by_label.at(domain_label::expired).size() == 7);
    std::map<std::string, std::string> money_home;  // group -> money site's home page URL
    std::map<std::size_t, std::string> group_of;    // expired domain -> its group
    for (int k = 0; k < 3; ++k) {
        const std::string g = "expired-" + std::to_string(k);
        const auto money = idx.in(g, domain_label::target, w);
        const auto gone = idx.in(g, domain_label::expired, w);
        REQUIRE(money.size() == 1);
        CHECK(gone.size() == (k < 2 ? 3u : 1u));
        CHECK(money[0] < 2000);
        for (std::size_t d : gone) {
            CHECK(d < 2000);
            group_of[d] = g;
        }
        for (std::size_t p = 0; p < w.num_pages(); ++p)
            if (w.domain_of_host(w.host_of_page(p)) == money[0]) {
                money_home[g] = w.page_url(p);  // pages are contiguous: the first is "/"
                break;
            }
    }
    CHECK(labels(w).find(",expired,expired-2\n") != std::string::npos);
    // The records: one per page of each expired domain, to its money site's home page.
    std::map<std::string, std::string> want;
    for (std::size_t p = 0; p < w.num_pages(); ++p) {
        const auto it = group_of.find(w.domain_of_host(w.host_of_page(p)));
        if (it != group_of.end()) want[w.page_url(p)] = money_home.at(it->second);
    }
    std::map<std::string, std::string> got;
    std::size_t records = 0, from_expired = 0;
    const synthetic_web_stats st = w.generate([&](span<const io::raw_link> rows) {
        for (const auto& r : rows) {
            if (r.kind == io::record_kind::link) {  // an expired domain's pages link no more
                from_expired += want.count(r.source);
                continue;
            }
            ++records;
            CHECK(r.kind == io::record_kind::redirect);
            CHECK(r.status == 301);
            got[r.source] = r.target;
        }
    });
    CHECK(got == want);
    CHECK(from_expired == 0);
    CHECK(records == want.size());
    CHECK(st.redirects == want.size());
    CHECK(st.links == w.num_links());
    CHECK(st.web + st.non_web + st.redirects == st.links);
    // Every other row is as in the web without expired domains, in the same order.
    synthetic_web_options plain = o;
    plain.manipulation.expired = 0;
    std::vector<std::string> a, b;
    const auto rows_of = [&](const synthetic_web& x, std::vector<std::string>& out) {
        x.generate([&](span<const io::raw_link> rows) {
            for (const auto& r : rows)
                if (r.kind == io::record_kind::link && !want.count(r.source))
                    out.push_back(r.source + " " + r.target + " " + r.anchor);
        });
    };
    rows_of(w, a);
    rows_of(synthetic_web(plain), b);
    CHECK(a == b);
    CHECK(st.links - st.manipulation < o.links);  // the expired pages' rows are gone
}

TEST_CASE("synthetic_web: consolidation gives the expired domains' backlinks to the money site",
          "[synthetic_web][manipulation][redirects]") {
    const synthetic_web w(expired_options());
    web_graph_options ignore;
    ignore.consolidation.redirects = follow_mode::ignore;
    const web_graph gi = feed(w, ignore), gf = feed(w);
    const domain_view vi(gi), vf(gf);
    // Oracle: the final domain of each name (an expired domain's is its money site's).
    std::map<std::string, std::string> final_of;
    const label_index idx(w);
    for (const auto& [group, members] : idx.by_group) {
        if (group.rfind("expired-", 0) != 0) continue;
        const std::string money = w.domain_name(idx.in(group, domain_label::target, w).at(0));
        for (std::size_t d : idx.in(group, domain_label::expired, w)) {
            final_of[w.domain_name(d)] = money;
            CHECK(gi.find_domain(w.domain_name(d)).has_value());
            CHECK_FALSE(gf.find_domain(w.domain_name(d)).has_value());  // every URL redirects
        }
    }
    const auto final_name = [&](std::string name) {
        const auto it = final_of.find(name);
        return it == final_of.end() ? name : it->second;
    };
    // The followable domain edges with redirects followed are those read without following
    // them, each end re-pointed to its final domain (self-edges dropped).
    std::set<std::pair<std::string, std::string>> want, got;
    for (const auto& [a, b] : vi.edges) {
        const std::string x = final_name(std::string(gi.domain_name(a)));
        const std::string y = final_name(std::string(gi.domain_name(b)));
        if (x != y) want.insert({x, y});
    }
    for (const auto& [a, b] : vf.edges)
        got.insert({std::string(gf.domain_name(a)), std::string(gf.domain_name(b))});
    CHECK(got == want);
    // Equity: each money site's domain score rises, and together they gain at least half of
    // what the expired domains had above the floor (f: a domain no followable link reaches).
    const authority_result ri = compute_authority(gi, {}), rf = compute_authority(gf, {});
    std::set<std::string> money;
    double inherited = 0, gained = 0;
    for (const auto& [name, site] : final_of) {
        money.insert(site);
        inherited += ri.domains.score[vi.id(name)] - ri.domains.floor;
    }
    REQUIRE(money.size() == 3);
    for (const std::string& site : money) {
        const double before = ri.domains.score[vi.id(site)], after = rf.domains.score[vf.id(site)];
        CHECK(after > 1.25 * before);
        gained += after - before;
    }
    CHECK(inherited > 0);
    CHECK(gained > 0.5 * inherited);
}
