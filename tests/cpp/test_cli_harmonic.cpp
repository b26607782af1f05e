// SPDX-License-Identifier: MIT
// `linkequity score --harmonic`: the harmonic column of domains.csv and hosts.csv on the small
// fixture, against hand-computed values (paths into each domain over followable links).
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

/// column `name` of a CSV without quoted commas in the first and that column, by first field.
std::map<std::string, std::string> column(const std::string& csv, const std::string& name) {
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    auto split = [](const std::string& s) {
        std::vector<std::string> f;
        std::stringstream ss(s);
        for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
        return f;
    };
    const auto header = split(line);
    std::size_t k = 0;
    while (k < header.size() && header[k] != name) ++k;
    std::map<std::string, std::string> out;
    while (std::getline(in, line)) {
        const auto f = split(line);
        if (k < f.size()) out[f[0]] = f[k];
    }
    return out;
}

}  // namespace

TEST_CASE("cli: score --harmonic adds the harmonic column", "[cli][harmonic]") {
    if (!cli_available()) return;
    const fs::path d = fs::temp_directory_path() /
                       ("linkequity_test_cli_harmonic_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    const std::string links = std::string(LINKEQUITY_TEST_DATA) + "/web/small.csv";
    const run_result r = run("score '" + links + "' --out r --hosts --harmonic", d);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("harmonic     domains: exact") != std::string::npos);
    // Followable domain links: alpha ⇄ beta, beta → gamma, gamma → alpha, example → alpha
    // (alpha → gamma is nofollow, delta → gamma ugc, alpha → example sponsored).
    const auto h = column(slurp(d / "r" / "domains.csv"), "harmonic");
    CHECK(h.at("alpha.com") == "3.000000000e+00");
    CHECK(h.at("beta.co.uk") == "2.000000000e+00");
    CHECK(h.at("gamma.blogspot.com") == "1.833333333e+00");  // 1 + 1/2 + 1/3
    CHECK(h.at("delta.blogspot.com") == "0.000000000e+00");
    CHECK(slurp(d / "r" / "hosts.csv").find(",harmonic\n") != std::string::npos);
    // Without the flag the files keep their columns.
    REQUIRE(run("score '" + links + "' --out plain", d).code == 0);
    CHECK(slurp(d / "plain" / "domains.csv").find("harmonic") == std::string::npos);
    fs::remove_all(d);
}
