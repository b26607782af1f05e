// SPDX-License-Identifier: MIT
// `linkequity generate` with manipulation, end to end: the label file next to the links (header,
// one row per domain, the labels the options ask for), identical files on 1 and 2 threads, the
// default output unchanged by --labels, and bad manipulation options (exit code 2, no files).
// Runs the built binary as test_cli does; skipped with a warning when it is not built.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using namespace linkequity::testing;

namespace {

fs::path scratch(const std::string& name) {
    const fs::path d = fs::temp_directory_path() /
                       ("linkequity_test_cli_generate_" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

/// label → number of rows of a label file.
std::map<std::string, int> count_labels(const std::string& text) {
    std::map<std::string, int> out;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        const auto a = line.find(','), b = line.find(',', a + 1);
        ++out[line.substr(a + 1, b - a - 1)];
    }
    return out;
}

}  // namespace

TEST_CASE("cli: generate --labels writes the labels of the manipulation asked for", "[cli]") {
    if (!cli_available()) return;
    const fs::path d = scratch("labels");
    const std::string spam = "generate --domains 1000 --links 30000 --seed 2 --farms 2 "
                             "--farm-size 5 --pbns 1 --pbn-size 4 --exchanges 3 --paid-links 2 ";
    const run_result g = run(spam + "--threads 1 --out a.csv --labels a_labels.csv", d);
    INFO(g.err);
    REQUIRE(g.code == 0);
    CHECK(g.out.find("manipulation ") != std::string::npos);
    const std::string labels = slurp(d / "a_labels.csv");
    CHECK(labels.rfind("domain,label,group\n", 0) == 0);
    const auto counts = count_labels(labels);
    CHECK(counts.at("farm") == 10);
    CHECK(counts.at("pbn") == 4);
    CHECK(counts.at("target") == 2 + 3);
    CHECK(counts.at("exchange") == 6);
    CHECK(counts.at("paid_seller") == 2);
    CHECK(counts.at("paid_buyer") == 2);
    CHECK(counts.at("honest") == 1000 - 5 - 6 - 4);
    REQUIRE(run(spam + "--threads 2 --out b.csv --labels b_labels.csv", d).code == 0);
    CHECK(slurp(d / "a.csv") == slurp(d / "b.csv"));
    CHECK(slurp(d / "a_labels.csv") == slurp(d / "b_labels.csv"));
    // Without manipulation, --labels changes nothing in the links and labels everyone honest.
    REQUIRE(run("generate --domains 300 --links 3000 --out c.csv --labels c_labels.csv", d).code == 0);
    REQUIRE(run("generate --domains 300 --links 3000 --out e.csv", d).code == 0);
    CHECK(slurp(d / "c.csv") == slurp(d / "e.csv"));
    CHECK(count_labels(slurp(d / "c_labels.csv")) == std::map<std::string, int>{{"honest", 300}});
}

TEST_CASE("cli: generate rejects bad manipulation options with exit code 2", "[cli]") {
    if (!cli_available()) return;
    const fs::path d = scratch("bad");
    const run_result a = run("generate --farms 2 --farm-size 1 --out x.csv --labels l.csv", d);
    CHECK(a.code == 2);
    CHECK(a.err.find("farm_size must be >= 2, got 1") != std::string::npos);
    const run_result b = run("generate --domains 10 --exchanges 5 --out x.csv", d);
    CHECK(b.code == 2);
    CHECK(b.err.find("at most half of domains") != std::string::npos);
    CHECK(run("generate --spam-share 1.5 --manipulation --out x.csv", d).code == 2);
    CHECK_FALSE(fs::exists(d / "x.csv"));
    CHECK_FALSE(fs::exists(d / "l.csv"));
}

TEST_CASE("cli: generate --expired writes redirect records that score consolidates", "[cli]") {
    if (!cli_available()) return;
    const fs::path d = scratch("expired");
    const std::string gen = "generate --domains 800 --links 20000 --seed 3 --expired 4 "
                            "--expired-per-site 2 ";
    const run_result g = run(gen + "--threads 1 --out a.csv --labels a_labels.csv", d);
    INFO(g.err);
    REQUIRE(g.code == 0);
    CHECK(g.out.find("expired      4 expired domains") != std::string::npos);
    const std::string links = slurp(d / "a.csv");
    CHECK(links.rfind("source,target,anchor,rel,position,type,status\n", 0) == 0);
    CHECK(links.find(",,,,redirect,301\n") != std::string::npos);
    const auto counts = count_labels(slurp(d / "a_labels.csv"));
    CHECK(counts.at("expired") == 4);
    CHECK(counts.at("target") == 2);
    CHECK(counts.at("honest") == 800 - 6);
    REQUIRE(run(gen + "--threads 2 --out b.csv --labels b_labels.csv", d).code == 0);
    CHECK(slurp(d / "b.csv") == links);
    // With --redirect-share too, the expired domains' records pass through unchanged.
    REQUIRE(run(gen + "--redirect-share 0.2 --out c.csv", d).code == 0);
    const std::string both = slurp(d / "c.csv");
    std::size_t records = 0;
    for (std::size_t at = links.find(",redirect,301\n"); at != std::string::npos;
         at = links.find(",redirect,301\n", at + 1)) {
        const std::size_t begin = links.rfind('\n', at) + 1, end = links.find('\n', at) + 1;
        CHECK(both.find(links.substr(begin, end - begin)) != std::string::npos);
        ++records;
    }
    CHECK(records > 0);
    // score reads the records: consolidated, reported in redirects.csv.
    const run_result s = run("score a.csv --out scored", d);
    INFO(s.err);
    REQUIRE(s.code == 0);
    CHECK(slurp(d / "scored" / "redirects.csv").find(",redirect,1,resolved") != std::string::npos);
}
