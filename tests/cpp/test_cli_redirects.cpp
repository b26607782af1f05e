// SPDX-License-Identifier: MIT
// The CLI's redirects and canonicals (docs/redirects.md): `score` writes redirects.csv and a
// summary line, `--redirects/--canonicals ignore` give the links-only graph, snapshots keep the
// consolidation, `generate --redirect-share` emits records that `score` consolidates, the same
// on 1 and 2 threads.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli_runner.hpp"

using namespace linkequity::testing;
namespace fs = std::filesystem;

namespace {

const std::string data_dir = std::string(LINKEQUITY_TEST_DATA) + "/redirects/";

fs::path scratch(const std::string& name) {
    const fs::path d = fs::temp_directory_path() /
                       ("linkequity_test_cli_redirects_" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

}  // namespace

TEST_CASE("cli: score writes redirects.csv for a Screaming Frog crawl", "[cli][redirects]") {
    if (!cli_available()) return;
    const fs::path d = scratch("sf");
    const std::string links = "'" + data_dir + "sf_all_inlinks.csv'";
    const run_result s = run("score " + links + " --out r", d);
    REQUIRE(s.code == 0);
    CHECK(s.out.find("redirects    2 resolved, 0 loops, 0 too long (> 10 hops); 2 links "
                     "re-pointed, 1 merged") != std::string::npos);
    CHECK(slurp(d / "r" / "redirects.csv") ==
          "url,final_url,kind,hops,status\n"
          "http://www.example.com/sale,https://www.example.com/sale,redirect,1,resolved\n"
          "https://www.example.com/shoes?utm_source=nav,https://www.example.com/shoes,canonical,"
          "1,resolved\n");
    CHECK(slurp(d / "r" / "pages.csv").find("http://www.example.com/sale") == std::string::npos);

    const run_result off = run("score " + links + " --out off --redirects ignore --canonicals ignore", d);
    REQUIRE(off.code == 0);
    CHECK(!fs::exists(d / "off" / "redirects.csv"));
    CHECK(slurp(d / "off" / "pages.csv").find("http://www.example.com/sale") != std::string::npos);

    REQUIRE(run("snapshot --web " + links + " --out s.lqs", d).code == 0);
    REQUIRE(run("score --snapshot s.lqs --out snap", d).code == 0);
    for (const char* f : {"pages.csv", "domains.csv", "redirects.csv"})
        CHECK(slurp(d / "r" / f) == slurp(d / "snap" / f));

    const run_result bad = run("score " + links + " --out x --redirects sometimes", d);
    CHECK(bad.code == 2);
    const run_result info = run("info " + links + " --redirects-file '" + data_dir +
                                    "sf_response_codes.csv'",
                                d);
    REQUIRE(info.code == 0);
    CHECK(info.out.find("redirects    5 redirect and 1 canonical records (0 conflicting): 5 URLs "
                        "resolved") != std::string::npos);
}

TEST_CASE("cli: generate --redirect-share emits records that score consolidates",
          "[cli][redirects]") {
    if (!cli_available()) return;
    const fs::path d = scratch("gen");
    const run_result g =
        run("generate --domains 200 --links 20000 --seed 3 --redirect-share 0.1 --out l.csv", d);
    REQUIRE(g.code == 0);
    CHECK(slurp(d / "l.csv").rfind("source,target,anchor,rel,position,type,status\n", 0) == 0);
    const run_result s2 = run("score l.csv --out r2 --threads 2", d);
    const run_result s1 = run("score l.csv --out r1 --threads 1", d);
    REQUIRE(s2.code == 0);
    REQUIRE(s1.code == 0);
    const std::string table = slurp(d / "r2" / "redirects.csv");
    CHECK(table.find(",loop\n") != std::string::npos);
    CHECK(table.find(",mixed,2,resolved\n") != std::string::npos);
    for (const char* f : {"pages.csv", "domains.csv", "redirects.csv"})
        CHECK(slurp(d / "r1" / f) == slurp(d / "r2" / f));
}
