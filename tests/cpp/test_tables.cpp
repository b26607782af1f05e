// SPDX-License-Identifier: MIT
// The output layer: the authority tables (columns, row order, derived counts) on a hand-made
// web whose values are computed by hand below, their CSV form, the CSV field quoting and the
// atomic files (temporary file + rename; nothing left behind on failure).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "linkequity/io/atomic_file.hpp"
#include "linkequity/io/csv_writer.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/tables.hpp"
#include "synthetic_feed.hpp"
#include "temp_files.hpp"
#include "threads.hpp"

using namespace linkequity;
using namespace linkequity::web;

namespace {

/// Five pages, four hosts, three domains:
///   a.com/ -> b.com/, a.com/x -> b.com/ (followable, cross-domain)
///   b.com/ -> www.b.com/p                (internal: b.com and www.b.com are one domain)
///   c.com/ -> a.com/                     (nofollow: passes nothing)
web_graph hand_web(const test::temp_dir& dir) {
    const std::string path = dir.file("links.csv");
    std::ofstream(path) << "source,target,rel\n"
                           "https://a.com/,https://b.com/,\n"
                           "https://a.com/x,https://b.com/,\n"
                           "https://b.com/,https://www.b.com/p,\n"
                           "https://c.com/,https://a.com/,nofollow\n";
    return web_graph::read({path});
}

authority_options exact() {
    authority_options o;
    o.pagerank.tolerance = 1e-14;
    o.pagerank.max_iterations = 1000;
    o.compute_hosts = true;
    return o;
}

std::string csv_of(const score_table& t, const web_graph& g) {
    std::string s;
    write_csv(t, g, [&s](std::string_view part) { s.append(part); });
    return s;
}

/// The names a name column shows, row by row.
std::vector<std::string> names_in_rows(const score_table& t, const web_graph& g,
                                       const std::string& column) {
    const auto& ids = std::get<name_ids>(t.column(column).values);
    std::vector<std::string> out;
    for (node_id x : t.rows) out.emplace_back(name_of(g, ids.list, ids.ids.empty() ? x : ids.ids[x]));
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("table columns are named once per level, in the CSV header order") {
    const std::vector<std::string> stats = {
        "score", "authority", "rank", "backlinks", "followable_backlinks", "referring_pages",
        "referring_domains", "followable_referring_domains", "outgoing_links",
        "followable_outgoing_links"};
    auto with = [&](std::vector<std::string> head, std::vector<std::string> tail) {
        head.insert(head.end(), stats.begin(), stats.end());
        head.insert(head.end(), tail.begin(), tail.end());
        return head;
    };
    CHECK(table_column_names(table_level::pages) == with({"url", "host", "domain"}, {}));
    CHECK(table_column_names(table_level::hosts) == with({"host", "domain"}, {"pages"}));
    CHECK(table_column_names(table_level::domains) == with({"domain"}, {"hosts", "pages"}));
    CHECK(parse_table_level("hosts") == table_level::hosts);
    CHECK_THROWS_AS(parse_table_level("links"), std::invalid_argument);
}

TEST_CASE("rows are ordered by rank, equal ranks by id") {
    const std::vector<std::uint32_t> rank = {2, 1, 4, 2, 1};
    CHECK(rank_order(rank) == std::vector<node_id>{1, 4, 0, 3, 2});
    CHECK(rank_order({}).empty());
    CHECK(rank_order(std::vector<std::uint32_t>{7, 5}) == std::vector<node_id>{1, 0});  // > n + 1

    // Competition ranks of random scores with many ties (the counting sort, over the parallel
    // threshold) and ranks above n + 1 (the sort), against a serial sort by (rank, id).
    std::mt19937_64 rng(5);
    for (const std::uint32_t spread : {30u, 1000u, 4000000u}) {
        std::vector<std::uint32_t> r(50000);
        for (auto& x : r) x = 1 + static_cast<std::uint32_t>(rng() % spread);
        std::vector<node_id> expected(r.size());
        std::iota(expected.begin(), expected.end(), node_id{0});
        std::sort(expected.begin(), expected.end(),
                  [&](node_id a, node_id b) { return r[a] != r[b] ? r[a] < r[b] : a < b; });
        CHECK(test_threads::on(1, [&] { return rank_order(r); }) == expected);
        CHECK(test_threads::on(2, [&] { return rank_order(r); }) == expected);
    }
}

TEST_CASE("domain table of a hand-made web: order, derived counts, link counts, CSV") {
    const test::temp_dir dir;
    const web_graph g = hand_web(dir);
    REQUIRE(g.num_domains() == 3);
    authority_result r = compute_authority(g, exact());
    const score_table t = make_score_table(g, table_level::domains, std::move(r.domains));
    std::vector<std::string> names;
    for (const auto& c : t.columns) names.push_back(c.name);
    CHECK(names == table_column_names(table_level::domains));

    // Domain graph: a -> b only (c -> a is nofollow). By hand, with u = x_a = x_c (no
    // followable in-links, both get (1-α)/3 + α·D/3) and x_b = u + α·u: 3.85 u = 1.
    const auto rows = names_in_rows(t, g, "domain");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == "b.com");
    CHECK(t.rows[1] < t.rows[2]);  // a.com and c.com tie (rank 2): by id
    const auto& score = t.values<double>("score");
    CHECK(score[t.rows[0]] == Approx(1.85 / 3.85).epsilon(1e-12));
    CHECK(score[t.rows[1]] == Approx(1 / 3.85).epsilon(1e-12));
    CHECK(t.values<std::uint32_t>("rank")[t.rows[0]] == 1);

    // Derived counts: b.com has hosts b.com and www.b.com and 2 pages; a.com 1 host, 2 pages.
    const auto b = *g.find_domain("b.com"), a = *g.find_domain("a.com"), c = *g.find_domain("c.com");
    const auto& hosts = t.values<std::int64_t>("hosts");
    const auto& pages = t.values<std::int64_t>("pages");
    CHECK((hosts[a] == 1 && hosts[b] == 2 && hosts[c] == 1));
    CHECK((pages[a] == 2 && pages[b] == 2 && pages[c] == 1));
    CHECK(t.values<std::uint64_t>("backlinks")[b] == 2);
    CHECK(t.values<std::uint64_t>("followable_backlinks")[a] == 0);
    CHECK(t.values<std::uint64_t>("referring_domains")[a] == 1);

    const std::string csv = csv_of(t, g);
    const std::string header =
        "domain,score,authority,rank,backlinks,followable_backlinks,referring_pages,"
        "referring_domains,followable_referring_domains,outgoing_links,"
        "followable_outgoing_links,hosts,pages\n";
    REQUIRE(csv.substr(0, header.size()) == header);
    // b.com: score 1.85/3.85 = 0.4805194805|19..., the strongest (100), 2 backlinks from 2
    // pages of 1 domain, no outgoing links, 2 hosts, 2 pages.
    CHECK(csv.substr(header.size(), csv.find('\n', header.size()) + 1 - header.size()) ==
          "b.com,4.805194805e-01,100.000,1,2,2,2,1,1,0,0,2,2\n");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 4);
}

TEST_CASE("page and host tables: name columns through the host and domain of each node") {
    const test::temp_dir dir;
    const web_graph g = hand_web(dir);
    authority_result r = compute_authority(g, exact());
    const score_table pages = make_score_table(g, table_level::pages, std::move(r.pages));
    REQUIRE(pages.size() == 5);
    const auto urls = names_in_rows(pages, g, "url");
    const auto hosts = names_in_rows(pages, g, "host");
    const auto domains = names_in_rows(pages, g, "domain");
    for (std::size_t i = 0; i < urls.size(); ++i) {
        if (urls[i] == "https://www.b.com/p") CHECK((hosts[i] == "www.b.com" && domains[i] == "b.com"));
        if (urls[i] == "https://a.com/x") CHECK((hosts[i] == "a.com" && domains[i] == "a.com"));
    }
    // By hand, with b the score of a page without followable in-links (a.com/, a.com/x,
    // c.com/): b.com/ = b + 0.85·(b + b) = 2.7 b and www.b.com/p = b + 0.85·2.7 b = 3.295 b.
    CHECK(urls[0] == "https://www.b.com/p");
    CHECK(urls[1] == "https://b.com/");
    const auto& score = pages.values<double>("score");
    CHECK(score[pages.rows[0]] / score[pages.rows[4]] == Approx(3.295).epsilon(1e-10));
    CHECK(pages.values<std::uint32_t>("rank")[pages.rows[4]] == 3);

    const score_table host_table = make_score_table(g, table_level::hosts, std::move(r.hosts));
    const auto host_names = names_in_rows(host_table, g, "host");
    const auto host_domains = names_in_rows(host_table, g, "domain");
    const auto& host_pages = host_table.values<std::int64_t>("pages");
    REQUIRE(host_names.size() == 4);
    for (std::size_t i = 0; i < host_names.size(); ++i) {
        const node_id h = host_table.rows[i];
        const std::int64_t expected = host_names[i] == "a.com" ? 2 : 1;
        CHECK(host_pages[h] == expected);
        CHECK(host_domains[i] == (host_names[i] == "www.b.com" ? "b.com" : host_names[i]));
    }
    CHECK_THROWS_AS(make_score_table(g, table_level::hosts, authority_table{}),
                    std::invalid_argument);
}

TEST_CASE("write_csv: blocks formatted in parallel give the same bytes, rows in rank order") {
    // 20,000+ pages: several 8,192-row blocks, so two threads format blocks side by side.
    synthetic_web_options o;
    o.domains = 10000;
    o.links = 200000;
    o.seed = 11;
    const web_graph g = test_synthetic::feed(synthetic_web(o));
    REQUIRE(g.num_pages() > 3 * 8192);
    authority_result r = compute_authority(g, authority_options{});
    const score_table pages = make_score_table(g, table_level::pages, std::move(r.pages));
    const std::string one = test_threads::on(1, [&] { return csv_of(pages, g); });
    const std::string two = test_threads::on(2, [&] { return csv_of(pages, g); });
    CHECK(one == two);
    // Line k + 1 is row k: its URL field, and its rank field, as the table holds them.
    std::istringstream lines(two);
    std::string line;
    std::getline(lines, line);
    CHECK(line.rfind("url,host,domain,score,", 0) == 0);
    const auto urls = names_in_rows(pages, g, "url");
    const auto& rank = pages.values<std::uint32_t>("rank");
    std::size_t k = 0, mismatches = 0;
    for (; std::getline(lines, line); ++k) {
        if (k >= urls.size()) break;
        std::string expected;
        io::append_csv_field(expected, urls[k]);
        const std::string rank_field = "," + std::to_string(rank[pages.rows[k]]) + ",";
        if (line.rfind(expected + ",", 0) != 0 || line.find(rank_field) == std::string::npos)
            ++mismatches;
    }
    CHECK(k == urls.size());
    CHECK(mismatches == 0);
}

TEST_CASE("write_csv: number cells in each style as printf writes them, 300 digits too") {
    const web_graph g;  // no names: the table has number columns only
    score_table t;
    t.rows = {1, 0};
    t.columns.push_back({"sci", std::vector<double>{0.000123456789012, 2.5e-300},
                         number_style::scientific});
    t.columns.push_back({"fixed", std::vector<double>{99.99951, 1e300}, number_style::fixed});
    t.columns.push_back({"plain", std::vector<double>{0.1, -3.0}, number_style::plain});
    t.columns.push_back({"n", std::vector<std::uint32_t>{7, 4294967295u}, number_style::plain});
    auto printed = [](const char* format, double x) {  // the C library's exact conversion
        char text[512];
        const int n = std::snprintf(text, sizeof text, format, x);
        return std::string(text, static_cast<std::size_t>(n));
    };
    const std::string huge = printed("%.3f", 1e300);
    REQUIRE(huge.size() > 300);  // longer than the writer's local array: its other branch
    CHECK(csv_of(t, g) == "sci,fixed,plain,n\n" + printed("%.9e", 2.5e-300) + "," + huge +
                              ",-3,4294967295\n" + printed("%.9e", 0.000123456789012) + ",100.000,"
                              "0.1,7\n");
}

TEST_CASE("write_csv: text and integer cells, quoted where the field needs it") {
    const web_graph g;  // no names
    score_table t;
    t.rows = {2, 0, 1};
    t.columns.push_back({"label", std::vector<std::string>{"news", "a,b", "say \"hi\"\n"},
                         number_style::plain});
    t.columns.push_back({"big", std::vector<std::uint64_t>{0, 18446744073709551615ull, 42},
                         number_style::plain});
    t.columns.push_back({"signed", std::vector<std::int64_t>{-9223372036854775807ll - 1, 5, -1},
                         number_style::plain});
    CHECK(csv_of(t, g) == "label,big,signed\n"
                          "\"say \"\"hi\"\"\n\",42,-1\n"
                          "news,0,-9223372036854775808\n"
                          "\"a,b\",18446744073709551615,5\n");
}

TEST_CASE("CSV fields are quoted when they hold a comma, quote, CR or LF") {
    auto field = [](std::string_view s) {
        std::string out;
        io::append_csv_field(out, s);
        return out;
    };
    CHECK(field("plain") == "plain");
    CHECK(field("") == "");
    CHECK(field("a,b") == "\"a,b\"");
    CHECK(field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(field("two\nlines") == "\"two\nlines\"");
    CHECK(field("cr\r") == "\"cr\r\"");
    CHECK(field("semi;colon tab\t") == "semi;colon tab\t");
}

TEST_CASE("atomic_output: the file appears on commit, nothing is left on failure") {
    const test::temp_dir dir;
    const std::string path = dir.file("out.csv");
    {
        io::atomic_output out(path);
        out.write("a,b\n");
        CHECK(dir.entries() == std::vector<std::string>{io::temporary_path(path).filename().string()});
        out.commit();
    }
    CHECK(dir.entries() == std::vector<std::string>{"out.csv"});
    CHECK(read_file(path) == "a,b\n");

    // An error before commit: the temporary file goes, the old file stays as it was.
    try {
        io::atomic_output out(path);
        out.write("half");
        throw std::runtime_error("failed while writing");
    } catch (const std::runtime_error&) {
    }
    CHECK(dir.entries() == std::vector<std::string>{"out.csv"});
    CHECK(read_file(path) == "a,b\n");

    // commit_all: all files or none.
    {
        io::atomic_output x(dir.file("x")), y(dir.file("y"));
        x.write("1");
        y.write("2");
        io::commit_all({&x, &y});
    }
    CHECK(dir.entries() == std::vector<std::string>{"out.csv", "x", "y"});
    CHECK_THROWS_AS(io::atomic_output(dir.file("no/such/dir/f")), std::filesystem::filesystem_error);
    CHECK(dir.entries() == std::vector<std::string>{"out.csv", "x", "y"});
}
