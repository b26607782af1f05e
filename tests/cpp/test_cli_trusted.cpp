// SPDX-License-Identifier: MIT
// `linkequity pagerank FILE --trusted SEEDS` (TrustRank on an integer graph; src/cli/node_seeds):
// the scores equal a dense solve with v uniform over the seeds (or by their weights) and u = v
// (tests/cpp/oracle.hpp); a bad seed file is an error naming the file and line.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.hpp"
#include "oracle.hpp"

namespace fs = std::filesystem;
using linkequity::testing::run;

namespace {

fs::path scratch(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("linkequity-cli-trusted-" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

/// node,score lines of a --scores file.
std::vector<double> read_scores(const fs::path& p) {
    std::ifstream in(p);
    std::string line;
    std::getline(in, line);  // header
    std::vector<double> x;
    while (std::getline(in, line)) x.push_back(std::stod(line.substr(line.find(',') + 1)));
    return x;
}

}  // namespace

TEST_CASE("cli: pagerank --trusted is TrustRank from a file of seed node ids", "[cli]") {
    if (!linkequity::testing::cli_available()) return;
    const fs::path d = scratch("main");
    oracle::dense_case c;
    c.n = 9;  // node 8 is dangling
    c.src = {0, 1, 1, 2, 3, 4, 5, 6, 6, 7, 5};
    c.dst = {1, 2, 3, 0, 4, 5, 3, 0, 7, 6, 8};
    std::string edges;
    for (std::size_t e = 0; e < c.src.size(); ++e)
        edges += std::to_string(c.src[e]) + " " + std::to_string(c.dst[e]) + "\n";
    edges += "7 7\n";  // a self-loop, dropped by both
    c.src.push_back(7), c.dst.push_back(7);
    write(d / "g.el", edges);
    SECTION("uniform over the seeds") {
        write(d / "seeds.txt", "# trusted\n3\n\n6, \n");
        const auto r = run("pagerank g.el --trusted seeds.txt --tolerance 1e-14 --scores s.csv "
                           "--verify", d);
        REQUIRE(r.code == 0);
        CHECK_THAT(r.out, Catch::Contains("verify       verified"));
        c.personalization = {0, 0, 0, 1, 0, 0, 1, 0, 0};
        CHECK(oracle::l1(read_scores(d / "s.csv"), oracle::dense_pagerank(c)) < 1e-12);
    }
    SECTION("weighted seeds") {
        write(d / "seeds.txt", "3 1\n6 3\n");
        const auto r = run("pagerank g.el --trusted seeds.txt --tolerance 1e-14 --scores s.csv", d);
        REQUIRE(r.code == 0);
        c.personalization = {0, 0, 0, 1, 0, 0, 3, 0, 0};
        CHECK(oracle::l1(read_scores(d / "s.csv"), oracle::dense_pagerank(c)) < 1e-12);
    }
    SECTION("errors name the file and line") {
        write(d / "bad.txt", "3\nthree\n");
        auto r = run("pagerank g.el --trusted bad.txt", d);
        CHECK(r.code == 1);
        CHECK_THAT(r.err, Catch::Contains("bad.txt:2:1") &&
                              Catch::Contains("'three' is not a node id"));
        write(d / "mixed.txt", "3 1\n6\n");
        r = run("pagerank g.el --trusted mixed.txt", d);
        CHECK(r.code == 1);
        CHECK_THAT(r.err, Catch::Contains("mixed.txt:2") && Catch::Contains("some seed lines"));
        write(d / "far.txt", "3\n80\n");
        r = run("pagerank g.el --trusted far.txt", d);
        CHECK(r.code != 0);
        CHECK_THAT(r.err, Catch::Contains("seed 80 is not a node"));
    }
}
