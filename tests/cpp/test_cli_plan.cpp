// SPDX-License-Identifier: MIT
// `linkequity plan` end to end on the hand-made fixture tests/data/analysis/backlinks.csv: the
// ranking and plan CSVs, the first step's score and authority against `linkequity score` of the
// links with that link added (an independent recompute), a candidates file, and bad input (unknown
// target or candidate, target among the candidates, --links 0, a comma in the candidates file).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.hpp"
#include "temp_files.hpp"

using namespace linkequity::testing;

namespace {

const std::string fixture = std::string(LINKEQUITY_TEST_DATA) + "/analysis/backlinks.csv";

/// The line of `csv` whose first field is `key`.
std::string line_of(const std::string& csv, const std::string& key) {
    std::istringstream in(csv);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ",", 0) == 0) return line;
    return {};
}

}  // namespace

TEST_CASE("cli plan: ranking, plan, and the first step against score with the link", "[cli][plan]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-plan");
    const auto r = run("plan r3.com '" + fixture + "' --links 2 --top 3 --out rank.csv "
                       "--plan-out steps.csv", d.path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string rank = slurp(d.path / "rank.csv");
    CHECK(rank.rfind("rank,domain,authority,gain,error_bound,score_after,existing_link\n"
                     "1,comp-b.com,72.671,", 0) == 0);
    CHECK(std::count(rank.begin(), rank.end(), '\n') == 4);
    const std::string steps = slurp(d.path / "steps.csv");
    CHECK(steps.find("step,domain,gain,error_bound,score,authority\n0,,,,") == 0);
    CHECK(steps.find("\n1,comp-b.com,") != std::string::npos);
    CHECK(steps.find("\n2,my-shop.com,") != std::string::npos);
    // the same link added to the input and scored from scratch
    {
        std::ofstream plus(d.path / "plus.csv");
        plus << slurp(fixture) << "https://comp-b.com/,https://r3.com/,x,,content,,\n";
    }
    REQUIRE(run("score plus.csv --out scored", d.path).code == 0);
    const std::string r3 = line_of(slurp(d.path / "scored" / "domains.csv"), "r3.com");
    REQUIRE(!r3.empty());
    // r3.com,<score>,<authority>,...: the plan's step 1 says 2.219270e-01 and 96.844
    CHECK(r3.rfind("r3.com,2.21926972", 0) == 0);
    CHECK(r3.find(",96.844,") != std::string::npos);
    CHECK(line_of(steps, "1").find(",2.219270e-01,96.844") != std::string::npos);
}

TEST_CASE("cli plan: candidates file and bad input", "[cli][plan]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-plan-bad");
    {
        std::ofstream c(d.path / "prospects.txt");
        c << "# competitors' referring domains\nr1.org\nhttps://r2.net/a\n\ncomp-b.com\n";
    }
    const auto ok = run("plan my-shop.com '" + fixture + "' --candidates prospects.txt", d.path);
    INFO(ok.err);
    REQUIRE(ok.code == 0);
    CHECK(ok.out.find("candidates   3 ranked") != std::string::npos);
    const auto unknown = run("plan nope.example '" + fixture + "'", d.path);
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("target 'nope.example' is not a domain") != std::string::npos);
    {
        std::ofstream c(d.path / "self.txt");
        c << "r1.org\nmy-shop.com\n";
    }
    const auto self = run("plan my-shop.com '" + fixture + "' --candidates self.txt", d.path);
    CHECK(self.code == 2);
    CHECK(self.err.find("candidate 'my-shop.com' is the target") != std::string::npos);
    const auto zero = run("plan my-shop.com '" + fixture + "' --links 0", d.path);
    CHECK(zero.code == 2);
    CHECK(zero.err.find("links must be >= 1") != std::string::npos);
    {
        std::ofstream c(d.path / "comma.txt");
        c << "r1.org\nr2.net,r3.com\n";
    }
    const auto comma = run("plan my-shop.com '" + fixture + "' --candidates comma.txt", d.path);
    CHECK(comma.code == 1);
    CHECK(comma.err.find("comma.txt:2") != std::string::npos);
}

TEST_CASE("cli plan --site: internal links, against score --site with the link", "[cli][plan][site]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-plan-site");
    const std::string site = std::string(LINKEQUITY_TEST_DATA) + "/web/site.csv";
    const auto r = run("plan https://www.shop.com/c '" + site + "' --site shop.com --links 2 "
                       "--top 0 --out rank.csv --plan-out steps.csv", d.path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("site         shop.com (6 pages, internal links only)") != std::string::npos);
    const std::string rank = slurp(d.path / "rank.csv");
    // five candidates: every other page of shop.com (b's only link to c is nofollow); b first
    CHECK(rank.rfind("rank,page,authority,gain,error_bound,score_after,existing_link\n"
                     "1,https://www.shop.com/b,87.361,", 0) == 0);
    CHECK(std::count(rank.begin(), rank.end(), '\n') == 6);
    CHECK(line_of(rank, "1").find(",true") != std::string::npos);
    CHECK(rank.find("other.com") == std::string::npos);
    const std::string steps = slurp(d.path / "steps.csv");
    CHECK(steps.find("\n1,https://www.shop.com/b,") != std::string::npos);
    // the first link added to the input and the site scored from scratch: c's internal score
    // and authority equal step 1's
    {
        std::ofstream plus(d.path / "plus.csv");
        plus << slurp(site) << "https://www.shop.com/b,https://www.shop.com/c,C2,\n";
    }
    REQUIRE(run("score plus.csv --site shop.com --out scored", d.path).code == 0);
    const std::string c = line_of(slurp(d.path / "scored" / "site.csv"), "https://www.shop.com/c");
    REQUIRE(!c.empty());
    // https://www.shop.com/c,www.shop.com,shop.com,1.563196906e-01,70.410,...
    CHECK(c.find(",1.5631969") != std::string::npos);
    CHECK(c.find(",70.410,") != std::string::npos);
    CHECK(line_of(steps, "1").find(",1.563197e-01,70.410") != std::string::npos);
}

TEST_CASE("cli plan --site: bad input", "[cli][plan][site]") {
    if (!cli_available()) return;
    linkequity::test::temp_dir d("le-cli-plan-site-bad");
    const std::string site = "'" + std::string(LINKEQUITY_TEST_DATA) + "/web/site.csv'";
    const auto off = run("plan https://other.com/x " + site + " --site shop.com", d.path);
    CHECK(off.code == 2);
    CHECK(off.err.find("target 'https://other.com/x' is not a page of site 'shop.com'") !=
          std::string::npos);
    const auto unknown = run("plan https://www.shop.com/c " + site + " --site nope.com", d.path);
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("site 'nope.com' is not a domain or host") != std::string::npos);
    {
        std::ofstream c(d.path / "c.txt");
        c << "https://www.shop.com/a\nhttps://other.com/\n";
    }
    const auto cand =
        run("plan https://www.shop.com/c " + site + " --site shop.com --candidates c.txt", d.path);
    CHECK(cand.code == 2);
    CHECK(cand.err.find("candidate 'https://other.com/' is not a page of site 'shop.com'") !=
          std::string::npos);
    const auto level =
        run("plan https://www.shop.com/c " + site + " --site shop.com --level domain", d.path);
    CHECK(level.code == 2);
    CHECK(level.err.find("--level domain does not apply") != std::string::npos);
}
