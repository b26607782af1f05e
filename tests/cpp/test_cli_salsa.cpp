// SPDX-License-Identifier: MIT
// `linkequity salsa FILE --seeds IDS`: the printed top hubs and authorities of a small edge list
// against salsa() run in process, and its errors (a seed that is not a node, a bad option).
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "linkequity/linkequity.hpp"

namespace fs = std::filesystem;
using namespace linkequity::testing;

TEST_CASE("cli: salsa prints the top hubs and authorities", "[cli][salsa]") {
    if (!cli_available()) return;
    const fs::path d = fs::temp_directory_path() /
                       ("linkequity_test_cli_salsa_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    // Seed 0 links to 5; 1 links to 5 and 6; 3 links to 6; 2 links to 7 only.
    std::ofstream(d / "edges.el") << "0 5\n1 5\n1 6\n2 7\n3 6\n";
    const run_result r = run("salsa edges.el --seeds 0 --tolerance 1e-14 --top 3", d);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("salsa        1 seeds,") != std::string::npos);
    using namespace linkequity;
    const auto g = build_graph(8, std::vector<node_id>{0, 1, 1, 2, 3},
                               std::vector<node_id>{5, 5, 6, 7, 6});
    salsa_options o;
    o.pagerank.tolerance = 1e-14;
    const salsa_result want = salsa(g, seed_set{{0}, {}}, o);
    const auto row = [&](int rank, node_id v) {
        return fmt::format("{:>5}  {:>10}  {:>12.6e}  {:>12.6e}\n", rank, v, want.hubs[v],
                           want.authorities[v]);
    };
    const auto by_authority = r.out.find("(by authority)");
    REQUIRE(by_authority != std::string::npos);
    // By hub: the seed, then its co-linker 1, then 3 (which shares a target with 1).
    CHECK(r.out.find(row(1, 0) + row(2, 1) + row(3, 3)) < by_authority);
    // By authority: the seed's target 5, the seed itself (half of every restart lands on its
    // authority copy), then 6.
    CHECK(r.out.find(row(1, 5) + row(2, 0) + row(3, 6), by_authority) != std::string::npos);

    const run_result bad = run("salsa edges.el --seeds 9", d);
    CHECK(bad.code != 0);
    CHECK(bad.err.find("seed 9 is not a node") != std::string::npos);
    const run_result share = run("salsa edges.el --seeds 0 --hub-share 2", d);
    CHECK(share.code != 0);
    CHECK(share.err.find("hub_share") != std::string::npos);
    fs::remove_all(d);
}
