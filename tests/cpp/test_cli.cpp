// SPDX-License-Identifier: MIT
// The `linkequity` command end to end: generate → score, the output files and their columns,
// exit codes (bad input 1, bad option 2, unreadable file 3), no partial output on failure,
// --help contents. Runs the built binary (LINKEQUITY_CLI_PATH, else ../../src/cli/linkequity
// beside this test executable); skipped with a warning when it is not built.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using namespace linkequity::testing;

namespace {

const std::string data_dir = std::string(LINKEQUITY_TEST_DATA) + "/web/";

fs::path scratch(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("linkequity_test_cli_" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_CASE("cli: generate then score writes complete CSV files", "[cli]") {
    if (!cli_available()) return;
    const fs::path d = scratch("main");
    const run_result g = run("generate --domains 300 --links 30000 --seed 4 --out links.csv", d);
    REQUIRE(g.code == 0);
    CHECK(first_line(slurp(d / "links.csv")) == "source,target,anchor,rel,position");
    const run_result s = run("score links.csv --out result --hosts --threads 2", d);
    INFO(s.err);
    REQUIRE(s.code == 0);
    CHECK(s.out.find("top 20 domains by authority") != std::string::npos);
    CHECK(s.out.find("timings") != std::string::npos);
    CHECK(first_line(slurp(d / "result" / "pages.csv")) ==
          "url,host,domain,score,authority,rank,backlinks,followable_backlinks,referring_pages,"
          "referring_domains,followable_referring_domains,outgoing_links,"
          "followable_outgoing_links");
    CHECK(first_line(slurp(d / "result" / "domains.csv")).rfind("domain,score,authority,rank,", 0) == 0);
    CHECK(fs::exists(d / "result" / "hosts.csv"));
    for (const auto& entry : fs::directory_iterator(d / "result"))
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
    // The same run on one thread gives the same domains file, byte for byte.
    const run_result s1 = run("score links.csv --out result1 --threads 1", d);
    REQUIRE(s1.code == 0);
    CHECK(slurp(d / "result" / "domains.csv") == slurp(d / "result1" / "domains.csv"));
    // And so does interning on both threads (tables sharded by hash), which the reading line
    // shows; --parallel-intern 0 never does, and the snapshot is read without it.
    const run_result s2 = run("score links.csv --out result2 --hosts --threads 2 "
                              "--parallel-intern 2", d);
    REQUIRE(s2.code == 0);
    for (const char* f : {"pages.csv", "hosts.csv", "domains.csv"})
        CHECK(slurp(d / "result" / f) == slurp(d / "result2" / f));
#if defined(LINKEQUITY_USE_OPENMP) && defined(_OPENMP)  // (without OpenMP: 1 thread, never)
    CHECK(s2.out.find(" in shards + ") != std::string::npos);
#endif
    CHECK(s.out.find(" in shards + ") == std::string::npos);  // 2 threads: below the default 4
    CHECK(run("score links.csv --out r3 --threads 2 --parallel-intern 0", d).out.find(
              " in shards") == std::string::npos);
    CHECK(run("score links.csv --out r4 --parallel-intern -1", d).code == 2);
}

TEST_CASE("cli: score of the small fixture ranks alpha.com first", "[cli]") {
    if (!cli_available()) return;
    const fs::path d = scratch("small");
    const run_result s = run("score '" + data_dir + "small.csv' --out r", d);
    REQUIRE(s.code == 0);
    const std::string domains = slurp(d / "r" / "domains.csv");
    CHECK(domains.find("\nalpha.com,") == domains.find('\n'));  // first data row
    CHECK(domains.find("alpha.com,") != std::string::npos);
    CHECK(domains.find(",100.000,1,") != std::string::npos);
    const run_result dis = run("score '" + data_dir + "small.csv' --out r2 --disavow '" +
                                   data_dir + "disavow.txt' --owner alpha.com",
                               d);
    REQUIRE(dis.code == 0);
    CHECK(dis.out.find("3 links disavowed") != std::string::npos);
}

TEST_CASE("cli: exit codes and no partial output", "[cli]") {
    if (!cli_available()) return;
    const fs::path d = scratch("errors");
    const run_result missing = run("score nothing.csv --out r", d);
    CHECK(missing.code == 3);
    CHECK(missing.err.find("nothing.csv") != std::string::npos);
    const run_result bad = run("score '" + data_dir + "bad_url.csv' --out r", d);
    CHECK(bad.code == 1);
    CHECK(bad.err.find("bad_url.csv:3") != std::string::npos);
    CHECK_FALSE(fs::exists(d / "r" / "pages.csv"));
    const run_result lenient = run("score '" + data_dir + "bad_url.csv' --out r --skip-bad", d);
    CHECK(lenient.code == 0);
    CHECK(lenient.out.find("2 skipped") != std::string::npos);
    const run_result damping = run("score '" + data_dir + "small.csv' --out r3 --damping 1.5", d);
    CHECK(damping.code == 2);
    CHECK(damping.err.find("damping") != std::string::npos);
    CHECK_FALSE(fs::exists(d / "r3" / "pages.csv"));
    CHECK(run("score '" + data_dir + "small.csv' --out r4 --domain-weights pages", d).code == 2);
    CHECK(run("generate --links 10", d).code == 2);  // --out is required
}

TEST_CASE("cli: --help explains columns and exit codes, info reports statistics", "[cli]") {
    if (!cli_available()) return;
    const fs::path d = scratch("help");
    const run_result h = run("score --help", d);
    CHECK(h.code == 0);
    for (const char* s : {"referring_domains", "authority", "Exit codes", "--disavow", "--owner",
                          "--position-weights", "--evaporate", "--domain-weights"})
        CHECK(h.out.find(s) != std::string::npos);
    CHECK(run("generate --help", d).out.find("Exit codes") != std::string::npos);
    const run_result i = run("info '" + data_dir + "small.csv'", d);
    CHECK(i.code == 0);
    CHECK(i.out.find("non-web      2 targets") != std::string::npos);
    CHECK(i.out.find("domains      5") != std::string::npos);
    CHECK(i.out.find("psl") != std::string::npos);
}

TEST_CASE("cli: score --snapshot writes the same files as scoring the links", "[cli]") {
    if (!cli_available()) return;
    const fs::path d = scratch("web_snapshot");
    REQUIRE(run("generate --domains 200 --links 20000 --seed 9 --out links.csv", d).code == 0);
    const run_result w = run("snapshot --web links.csv --icann-only --out web.lqs", d);
    INFO(w.err);
    REQUIRE(w.code == 0);
    CHECK(w.out.find("web graph") != std::string::npos);
    const run_result a = run("score links.csv --icann-only --hosts --out from_links", d);
    const run_result b = run("score --snapshot web.lqs --hosts --out from_snapshot", d);
    INFO(b.err);
    REQUIRE(a.code == 0);
    REQUIRE(b.code == 0);
    for (const char* f : {"pages.csv", "domains.csv", "hosts.csv"}) {
        INFO(f);
        const std::string x = slurp(d / "from_links" / f);
        CHECK(x.size() > 100);
        CHECK(x == slurp(d / "from_snapshot" / f));
    }
    CHECK(b.out.find("input        web snapshot web.lqs") != std::string::npos);
    // With a disavow file: the same again.
    const std::string dis = " --disavow '" + data_dir + "disavow.txt'";
    const std::string owner = " --owner alpha.com";
    REQUIRE(run("score '" + data_dir + "small.csv' --out s1" + dis + owner, d).code == 0);
    REQUIRE(run("snapshot --web '" + data_dir + "small.csv' --out small.lqs", d).code == 0);
    REQUIRE(run("score --snapshot small.lqs --out s2" + dis + owner, d).code == 0);
    CHECK(slurp(d / "s1" / "pages.csv") == slurp(d / "s2" / "pages.csv"));
    CHECK(slurp(d / "s1" / "domains.csv") == slurp(d / "s2" / "domains.csv"));

    const run_result info = run("snapshot --info web.lqs", d);
    CHECK(info.code == 0);
    CHECK(info.out.find("web snapshot") != std::string::npos);
    CHECK(info.out.find("web graph") != std::string::npos);
    CHECK(info.out.find(" pages, ") != std::string::npos);
    CHECK(info.out.find("web_page_urls") != std::string::npos);

    // Errors: a graph snapshot is not a web snapshot (bad input: 1); LINKS and --snapshot
    // together, --format with --snapshot, --scale with --web are usage errors (2); a missing
    // snapshot is 3; a truncated one is 1 and leaves no output.
    REQUIRE(run("snapshot --scale 4 --out k4.lqs", d).code == 0);
    const run_result plain = run("score --snapshot k4.lqs --out r", d);
    CHECK(plain.code == 1);
    CHECK(plain.err.find("k4.lqs: not a web-graph snapshot (no section web_meta)") !=
          std::string::npos);
    CHECK(run("score links.csv --snapshot web.lqs --out r", d).code == 2);
    CHECK(run("score --snapshot web.lqs --format generic --out r", d).code == 2);
    CHECK(run("score --snapshot web.lqs --parallel-intern 2 --out r", d).code == 2);
    CHECK(run("score --out r", d).code == 2);
    CHECK(run("snapshot --web links.csv --scale 5 --out x.lqs", d).code == 2);
    CHECK(run("snapshot --skip-bad --out x.lqs", d).code == 2);
    CHECK(run("score --snapshot nothing.lqs --out r", d).code == 3);
    const std::string bytes = slurp(d / "web.lqs");
    std::ofstream(d / "cut.lqs", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    const run_result cut = run("score --snapshot cut.lqs --out r", d);
    CHECK(cut.code == 1);
    CHECK(cut.err.find("cut.lqs: truncated") != std::string::npos);
    CHECK_FALSE(fs::exists(d / "r" / "pages.csv"));

    const run_result h = run("snapshot --help", d);
    CHECK(h.out.find("--web") != std::string::npos);
    CHECK(h.out.find("score --snapshot") != std::string::npos);
    CHECK(run("score --help", d).out.find("--snapshot") != std::string::npos);
}

TEST_CASE("cli: pagerank FILE reads integer edge lists, strict and --skip-bad", "[cli]") {
    if (!cli_available()) return;
    const fs::path d = scratch("pagerank_file");
    const std::string edges = std::string(LINKEQUITY_TEST_DATA) + "/edges/";
    // 0 → 1 (0.5), 1 → 2 (1.5), 2 → 0 (2), 3 → 2 (1), 0 → 2 (0.25): node 2 collects the most.
    const run_result mtx = run("pagerank '" + edges + "general_real.mtx' --top 4 --verify", d);
    INFO(mtx.err);
    REQUIRE(mtx.code == 0);
    CHECK(mtx.out.find("general_real.mtx (5 lines, 0 skipped, weighted): 4 nodes, 5 edges") !=
          std::string::npos);
    CHECK(mtx.out.find("verify       ") != std::string::npos);
    const std::string table = mtx.out.substr(mtx.out.find("rank"));
    CHECK(table.find("\n    1           2  ") != std::string::npos);  // rank 1 is node 2
    const run_result gz = run("pagerank '" + edges + "integer.mtx.gz'", d);
    CHECK(gz.code == 0);
    CHECK(gz.out.find("3 nodes, 3 edges") != std::string::npos);

    const run_result strict = run("pagerank '" + edges + "bad_lines.wel'", d);
    CHECK(strict.code == 1);
    CHECK(strict.err.find("bad_lines.wel:2:1: invalid node id: '-1' is not a non-negative "
                          "integer") != std::string::npos);
    const run_result lenient = run("pagerank '" + edges + "bad_lines.wel' --skip-bad", d);
    CHECK(lenient.code == 0);
    CHECK(lenient.out.find("(5 lines, 3 skipped, weighted): 3 nodes, 2 edges") !=
          std::string::npos);
    CHECK(lenient.err.find("bad_lines.wel:4:5: invalid weight") != std::string::npos);
    CHECK(run("pagerank '" + edges + "truncated.mtx.gz' --skip-bad", d).code == 1);
    CHECK(run("pagerank '" + edges + "bad_header.mtx'", d).code == 1);
    CHECK(run("pagerank missing.el", d).code == 3);
    CHECK(run("pagerank '" + edges + "tiny.el' --scale 3", d).code == 2);  // FILE or generator
    CHECK(run("pagerank --skip-bad", d).code == 2);                         // needs FILE
}

/// `path` with the rel attribute of every row whose rel is in `rels` removed (the oracle for
/// --excluded: a link the options do not exclude scores like a link without the attribute).
void strip_rels(const fs::path& from, const fs::path& to, const std::vector<std::string>& rels) {
    std::ifstream in(from);
    std::ofstream out(to);
    std::string line;
    while (std::getline(in, line)) {
        for (const auto& r : rels) {
            const std::string field = "," + r + ",";
            const auto at = line.find(field);
            if (at != std::string::npos) line.replace(at, field.size(), ",,");
        }
        out << line << '\n';
    }
}

TEST_CASE("cli: --excluded sets the flags that pass nothing", "[cli][options]") {
    if (!cli_available()) return;
    const fs::path d = scratch("excluded");
    const std::string small = "'" + data_dir + "small.csv'";
    // The default list, spelled out, is the default.
    REQUIRE(run("score " + small + " --out def", d).code == 0);
    REQUIRE(run("score " + small + " --out all --excluded nofollow,sponsored,ugc,disavowed", d)
                .code == 0);
    // Not excluding ugc = the same file with its ugc attribute removed.
    strip_rels(data_dir + "small.csv", d / "no_ugc.csv", {"ugc"});
    REQUIRE(run("score " + small + " --out keep_ugc --excluded nofollow,sponsored,disavowed", d)
                .code == 0);
    REQUIRE(run("score no_ugc.csv --out stripped_ugc", d).code == 0);
    // Nothing excluded = every attribute removed.
    strip_rels(data_dir + "small.csv", d / "plain.csv", {"ugc", "nofollow", "sponsored"});
    REQUIRE(run("score " + small + " --out none --excluded none", d).code == 0);
    REQUIRE(run("score plain.csv --out plain", d).code == 0);
    for (const char* f : {"pages.csv", "domains.csv"}) {
        INFO(f);
        CHECK(slurp(d / "all" / f) == slurp(d / "def" / f));
        CHECK(slurp(d / "keep_ugc" / f) == slurp(d / "stripped_ugc" / f));
        CHECK(slurp(d / "none" / f) == slurp(d / "plain" / f));
        CHECK(slurp(d / "none" / f) != slurp(d / "def" / f));
    }
    const run_result bad = run("score " + small + " --out bad --excluded nofollow,bogus", d);
    CHECK(bad.code == 2);
    CHECK(bad.err.find("'nofollow,bogus'") != std::string::npos);
    CHECK(bad.err.find("sponsored") != std::string::npos);
}

TEST_CASE("cli: an old enum spelling works and warns, the help lists the new ones",
          "[cli][options]") {
    if (!cli_available()) return;
    const fs::path d = scratch("spelling");
    const run_result old = run("pagerank --scale 8 --solver gauss-seidel --top 5", d);
    const run_result now = run("pagerank --scale 8 --solver gauss_seidel --top 5", d);
    CHECK(old.code == 0);
    CHECK(now.code == 0);
    CHECK(old.err.find("warning: --solver gauss-seidel is deprecated, use --solver gauss_seidel") !=
          std::string::npos);
    CHECK(now.err.find("deprecated") == std::string::npos);
    // The same run: the same top nodes and iteration count (times differ).
    const auto table = [](const std::string& s) { return s.substr(s.find("\n rank")); };
    CHECK(table(old.out) == table(now.out));
    const run_result unknown = run("pagerank --scale 8 --solver jacobi", d);
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("solver must be 'power', 'gauss_seidel', 'block_gauss_seidel', 'conjugate_gradient' or 'local_gauss_seidel', got 'jacobi'") !=
          std::string::npos);
    const run_result h = run("pagerank --help", d);
    for (const char* s : {"{power,gauss_seidel,block_gauss_seidel,conjugate_gradient,local_gauss_seidel}", "{automatic,as_built,by_degree}", "--excluded",
                          "--excluded-links", "--blocked-hot-nodes", "--acceleration-period",
                          "--no-weighted", "--by-degree"})
        CHECK(h.out.find(s) != std::string::npos);
    CHECK(h.out.find("gauss-seidel") == std::string::npos);
    const run_result s = run("score --help", d);
    for (const char* o : {"--max-iterations UINT=200", "--excluded", "--solver", "--hosts"})
        CHECK(s.out.find(o) != std::string::npos);
}

TEST_CASE("cli: --generator and --position-weights come from the option vocabulary",
          "[cli][options]") {
    if (!cli_available()) return;
    const fs::path d = scratch("vocabulary");
    const run_result old = run("pagerank --generator erdos-renyi --scale 8 --top 5", d);
    const run_result now = run("pagerank --generator erdos_renyi --scale 8 --top 5", d);
    CHECK(old.code == 0);
    CHECK(now.code == 0);
    CHECK(old.err.find("--generator erdos-renyi is deprecated, use --generator erdos_renyi") !=
          std::string::npos);
    CHECK(now.out.find("erdos_renyi (scale 8") != std::string::npos);
    const auto table = [](const std::string& s) { return s.substr(s.find("\n rank")); };
    CHECK(table(old.out) == table(now.out));
    CHECK(run("pagerank --generator smallworld --scale 8", d).code == 2);

    // --position-weights alone = the defaults spelled out; a spec changes the page scores.
    const std::string small = "'" + data_dir + "small.csv'";
    REQUIRE(run("score " + small + " --out plain", d).code == 0);
    REQUIRE(run("score " + small + " --out pos --position-weights", d).code == 0);
    REQUIRE(run("score " + small + " --out spelled --position-weights "
                "unknown=1,content=1,navigation=0.3,header=0.3,footer=0.2,sidebar=0.5", d)
                .code == 0);
    REQUIRE(run("score " + small + " --out footer --position-weights navigation=1", d).code == 0);
    CHECK(slurp(d / "pos" / "pages.csv") == slurp(d / "spelled" / "pages.csv"));
    CHECK(slurp(d / "footer" / "pages.csv") != slurp(d / "pos" / "pages.csv"));
    const run_result bad = run("score " + small + " --out bad --position-weights middle=2", d);
    CHECK(bad.code == 2);
    CHECK(bad.err.find("unknown position 'middle'") != std::string::npos);
    CHECK(!fs::exists(d / "bad" / "pages.csv"));
    CHECK(run("score --help", d).out.find("--position-weights [SPEC]") != std::string::npos);
}

TEST_CASE("cli: score's progress line names every pass, only when asked, outputs unchanged",
          "[cli]") {
    if (!cli_available()) return;
    const fs::path d = scratch("progress");
    REQUIRE(run("generate --domains 300 --links 30000 --seed 5 --out links.csv", d).code == 0);
    // stderr is a file here: no progress line unless LINKEQUITY_PROGRESS=always.
    const run_result quiet = run("score links.csv --out quiet --hosts --harmonic", d);
    REQUIRE(quiet.code == 0);
    CHECK(quiet.err.find('\r') == std::string::npos);
    ::setenv("LINKEQUITY_PROGRESS", "always", 1);
    const run_result shown = run("score links.csv --out shown --hosts --harmonic", d);
    ::unsetenv("LINKEQUITY_PROGRESS");
    INFO(shown.err);
    REQUIRE(shown.code == 0);
    // Each pass of compute_authority is drawn as it starts, in this order.
    std::size_t at = 0;
    for (const char* pass : {"page graph", "page rank", "domain graph", "domain rank",
                             "host graph", "host rank", "link counts", "harmonic, domains",
                             "harmonic, hosts"}) {
        const std::size_t found = shown.err.find(std::string("\r") + pass, at);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
    }
    CHECK(shown.err.rfind("\r\033[K") != std::string::npos);  // the line is cleared at the end
    for (const char* file : {"pages.csv", "domains.csv", "hosts.csv"})
        CHECK(slurp(d / "quiet" / file) == slurp(d / "shown" / file));
    CHECK(shown.out.find("top 20 domains by authority") != std::string::npos);
}
