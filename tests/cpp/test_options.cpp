// SPDX-License-Identifier: MIT
// The options vocabulary: every bad value's message names the option, the value and what is
// allowed; every spelling of every enum parses (old ones with a deprecation); the option tables
// of pagerank_options and authority_options hold what they declare, with their own defaults.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "linkequity/algo/pagerank_options.hpp"
#include "linkequity/web/authority.hpp"

using namespace linkequity;
using Catch::Matchers::Contains;

namespace {

template <class Options>
std::vector<std::string> field_names(const Options& o) {
    std::vector<std::string> names;
    Options::fields(o, [&](const auto&, const option_info& f) { names.push_back(f.name); });
    return names;
}

/// The option_info of field `name` of Options.
template <class Options>
option_info info_of(const std::string& name) {
    option_info out("", "");
    const Options defaults{};
    Options::fields(defaults, [&](const auto&, const option_info& f) {
        if (name == f.name) out = f;
    });
    return out;
}

/// Every current spelling parses to its value and prints back; the list is complete.
template <class E>
void check_spellings(const std::vector<std::string>& expected) {
    const option_info f("x", "");
    std::vector<std::string> current;
    for (const auto& s : spellings(E{})) {
        std::string deprecation;
        CHECK(parse_enum<E>(s.name, f, "t", &deprecation) == s.value);
        CHECK(deprecation.empty() == !s.deprecated);
        if (!s.deprecated) {
            current.push_back(s.name);
            CHECK(std::string(to_string(s.value)) == s.name);
        }
    }
    CHECK(current == expected);
}

/// What a new algorithm declares to join the vocabulary (here a HITS-like toy): an enum with its
/// spellings, an options struct with its table (nesting pagerank's), validate() = check_fields.
/// add_option_flags (CLI) and bind_option_table (Python) then need nothing more.
enum class toy_scores { hubs, authorities };
constexpr enum_spelling<toy_scores> toy_scores_names[] = {
    {toy_scores::hubs, "hubs"}, {toy_scores::authorities, "authorities"}};
constexpr enum_names<toy_scores> spellings(toy_scores) { return make_enum_names(toy_scores_names); }

struct toy_options {
    pagerank_options pagerank;
    toy_scores scores = toy_scores::authorities;
    double mix = 0.5;

    template <class Self, class Visitor>
    static void fields(Self& o, Visitor&& v) {
        pagerank_options::fields(o.pagerank, v);
        v(o.scores, option_info("scores", "Which scores to return"));
        v(o.mix, option_info("mix", "Share of the hub scores").open(0, 1));
    }
    void validate() const { check_fields(*this, "toy"); }
};

}  // namespace

TEST_CASE("options: a new options struct gets its checks and spellings from its table",
          "[options]") {
    toy_options o;
    CHECK_NOTHROW(o.validate());
    o.mix = 2;
    CHECK_THROWS_WITH(o.validate(), "toy: mix must be in (0, 1), got 2");
    o = {};
    o.pagerank.damping = 1;
    CHECK_THROWS_WITH(o.validate(), "toy: damping must be in (0, 1), got 1");
    o = {};
    o.scores = static_cast<toy_scores>(2);
    CHECK_THROWS_WITH(o.validate(), Contains("toy: scores is 2") &&
                                        Contains("'hubs' or 'authorities'"));
    CHECK(parse_enum<toy_scores>("hubs", option_info("scores", ""), "toy") == toy_scores::hubs);
    CHECK(std::string(to_string(toy_scores::authorities)) == "authorities");
    CHECK(field_names(toy_options{}).size() == field_names(pagerank_options{}).size() + 2);
}

TEST_CASE("options: each enum value has one current spelling, which parses and prints",
          "[options]") {
    check_spellings<dangling_policy>({"personalization", "uniform", "vector"});
    check_spellings<excluded_link_mode>({"exclude", "evaporate"});
    check_spellings<pagerank_solver>({"power", "gauss_seidel", "block_gauss_seidel", "conjugate_gradient",
                                      "local_gauss_seidel"});
    check_spellings<pagerank_acceleration>({"none", "quadratic"});
    check_spellings<pagerank_node_order>({"automatic", "as_built", "by_degree"});
    check_spellings<pagerank_kernel>({"pull", "blocked"});
    check_spellings<web::domain_weight_mode>({"domains", "links"});
}

TEST_CASE("options: old spellings still parse, with a deprecation naming the new one",
          "[options]") {
    const option_info solver = info_of<pagerank_options>("solver");
    std::string deprecation;
    CHECK(parse_enum<pagerank_solver>("gauss-seidel", solver, "pagerank", &deprecation) ==
          pagerank_solver::gauss_seidel);
    CHECK(deprecation == "pagerank: solver 'gauss-seidel' is deprecated, use 'gauss_seidel'");
    const option_info order = info_of<pagerank_options>("node_order");
    deprecation.clear();
    CHECK(parse_enum<pagerank_node_order>("auto", order, "pagerank", &deprecation) ==
          pagerank_node_order::automatic);
    CHECK(deprecation == "pagerank: node_order 'auto' is deprecated, use 'automatic'");
    // Without a place for the message it still parses; printing never uses the old spelling.
    CHECK(parse_enum<pagerank_solver>("gauss-seidel", solver, "pagerank") ==
          pagerank_solver::gauss_seidel);
    CHECK(std::string(to_string(pagerank_node_order::automatic)) == "automatic");
}

TEST_CASE("options: an unknown spelling names the option, the value and the allowed ones",
          "[options]") {
    const option_info solver = info_of<pagerank_options>("solver");
    CHECK_THROWS_WITH(parse_enum<pagerank_solver>("jacobi", solver, "pagerank"),
                      "pagerank: solver must be 'power', 'gauss_seidel', 'block_gauss_seidel', 'conjugate_gradient' or 'local_gauss_seidel', got 'jacobi'");
    const option_info order = info_of<pagerank_options>("node_order");
    CHECK_THROWS_WITH(
        parse_enum<pagerank_node_order>("random", order, "pagerank"),
        "pagerank: node_order must be 'automatic', 'as_built' or 'by_degree', got 'random'");
    CHECK_THROWS_AS(parse_enum<pagerank_kernel>("Pull", info_of<pagerank_options>("kernel"), "t"),
                    std::invalid_argument);  // spellings are case-sensitive
}

TEST_CASE("options: pagerank_options::validate rejects each bad value by name", "[options]") {
    const auto bad = [](auto set, const std::vector<std::string>& parts) {
        pagerank_options o;
        set(o);
        try {
            o.validate(3);
            FAIL("expected invalid_argument");
        } catch (const std::invalid_argument& e) {
            for (const auto& p : parts) CHECK_THAT(std::string(e.what()), Contains(p));
        }
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    bad([](pagerank_options& o) { o.damping = 1.3; }, {"pagerank: damping", "(0, 1)", "1.3"});
    bad([](pagerank_options& o) { o.damping = 0; }, {"damping must be in (0, 1), got 0"});
    bad([&](pagerank_options& o) { o.damping = nan; }, {"damping", "(0, 1)", "nan"});
    bad([](pagerank_options& o) { o.tolerance = 0; }, {"tolerance must be > 0, got 0"});
    bad([](pagerank_options& o) { o.tolerance = -1e-3; }, {"tolerance", "> 0", "-0.001"});
    bad([&](pagerank_options& o) { o.tolerance = nan; }, {"tolerance", "> 0", "nan"});
    bad([](pagerank_options& o) { o.solver = static_cast<pagerank_solver>(7); },
        {"pagerank: solver is 7", "'power', 'gauss_seidel', 'block_gauss_seidel', 'conjugate_gradient' or 'local_gauss_seidel'"});
    bad([](pagerank_options& o) { o.kernel = static_cast<pagerank_kernel>(9); },
        {"kernel is 9", "'pull' or 'blocked'"});
    bad([](pagerank_options& o) { o.node_order = static_cast<pagerank_node_order>(5); },
        {"node_order is 5", "'automatic', 'as_built' or 'by_degree'"});
    bad([](pagerank_options& o) { o.excluded_links = static_cast<excluded_link_mode>(2); },
        {"excluded_links is 2", "'exclude' or 'evaporate'"});
    bad([](pagerank_options& o) { o.dangling = static_cast<dangling_policy>(3); },
        {"dangling is 3", "'personalization', 'uniform' or 'vector'"});
    bad([](pagerank_options& o) { o.acceleration = static_cast<pagerank_acceleration>(4); },
        {"acceleration is 4", "'none' or 'quadratic'"});
    // The allowed edges of the ranges pass.
    pagerank_options ok;
    ok.damping = 1e-9;
    ok.tolerance = std::numeric_limits<double>::infinity();
    ok.max_iterations = 0;
    CHECK_NOTHROW(ok.validate(3));
}

TEST_CASE("options: authority_options::validate checks its nested pagerank options by name",
          "[options]") {
    web::authority_options o;
    o.pagerank.tolerance = 0;
    CHECK_THROWS_WITH(o.validate(), "compute_authority: tolerance must be > 0, got 0");
    o = {};
    o.domain_weights = static_cast<web::domain_weight_mode>(3);
    CHECK_THROWS_WITH(o.validate(), Contains("domain_weights is 3") &&
                                        Contains("'domains' or 'links'"));
    o = {};
    o.pagerank.personalization = {1.0, 2.0};
    CHECK_THROWS_WITH(o.validate(), Contains("personalization has 2 entries, expected none"));
    o = {};
    o.pagerank.dangling = dangling_policy::vector;
    CHECK_THROWS_WITH(o.validate(), Contains("dangling is vector"));
    o = {};
    o.pagerank.solver = pagerank_solver::gauss_seidel;
    CHECK_NOTHROW(o.validate());
}

TEST_CASE("options: the tables hold each field once, with each struct's defaults", "[options]") {
    const std::vector<std::string> pr = field_names(pagerank_options{});
    CHECK(pr == std::vector<std::string>{"damping", "tolerance", "max_iterations",
                                         "personalization", "dangling", "dangling_distribution",
                                         "weighted", "start", "excluded", "excluded_links",
                                         "solver", "acceleration", "acceleration_period",
                                         "node_order", "kernel", "blocked_hot_nodes"});
    CHECK(std::set<std::string>(pr.begin(), pr.end()).size() == pr.size());
    // authority: pagerank's fields that are not per node, flat, then its own.
    const std::vector<std::string> au = field_names(web::authority_options{});
    CHECK(au == std::vector<std::string>{"damping", "tolerance", "max_iterations", "weighted",
                                         "excluded", "excluded_links", "solver", "acceleration",
                                         "acceleration_period", "node_order", "kernel",
                                         "blocked_hot_nodes", "domain_weights", "hosts",
                                         "position_weights"});
    // Defaults: the members' initializers, read through the table.
    std::size_t pr_iterations = 0, au_iterations = 0;
    const pagerank_options pr_defaults{};
    const web::authority_options au_defaults{};
    pagerank_options::fields(pr_defaults, [&](const auto& m, const option_info& f) {
        if constexpr (std::is_same_v<std::decay_t<decltype(m)>, std::size_t>)
            if (std::string(f.name) == "max_iterations") pr_iterations = m;
    });
    web::authority_options::fields(au_defaults, [&](const auto& m, const option_info& f) {
        if constexpr (std::is_same_v<std::decay_t<decltype(m)>, std::size_t>)
            if (std::string(f.name) == "max_iterations") au_iterations = m;
    });
    CHECK(pr_iterations == 100);
    CHECK(au_iterations == 200);
    CHECK(web::authority_options{}.pagerank.dangling == dangling_policy::uniform);
    CHECK(web::authority_options{}.pagerank.excluded == flags::default_excluded);
    // Where each is offered.
    CHECK(info_of<pagerank_options>("damping").has(option_cli | option_python));
    CHECK_FALSE(info_of<pagerank_options>("personalization").has(option_cli));
    CHECK(info_of<pagerank_options>("blocked_hot_nodes").has(option_python));
}

TEST_CASE("options: ranges print as the messages and the help say them", "[options]") {
    CHECK(describe_range(info_of<pagerank_options>("damping")) == "in (0, 1)");
    CHECK(describe_range(info_of<pagerank_options>("tolerance")) == "> 0");
    CHECK(describe_range(info_of<pagerank_options>("max_iterations")) == ">= 0");
    CHECK(describe_range(option_info("x", "")) == "");
}

TEST_CASE("options: edge flag lists parse and print by name", "[options]") {
    const option_info f = info_of<pagerank_options>("excluded");
    CHECK(parse_edge_flags("nofollow,ugc", f, "t") == (flags::nofollow | flags::ugc));
    CHECK(parse_edge_flags("none", f, "t") == flags::none);
    CHECK(parse_edge_flags("nofollow,sponsored,ugc,disavowed", f, "t") == flags::default_excluded);
    CHECK(parse_edge_flags("internal", f, "t") == flags::internal);
    CHECK(format_edge_flags(flags::default_excluded) == "nofollow,sponsored,ugc,disavowed");
    CHECK(format_edge_flags(flags::none) == "none");
    CHECK(format_edge_flags(flags::ugc | edge_flags{1u << 7}) == "ugc,128");
    for (edge_flags x = 0; x < 32; ++x) CHECK(parse_edge_flags(format_edge_flags(x), f, "t") == x);
    CHECK_THROWS_WITH(parse_edge_flags("nofollow,bogus", f, "score"),
                      Contains("score: excluded") && Contains("'nofollow,bogus'") &&
                          Contains("none, nofollow, sponsored, ugc, disavowed, internal"));
    CHECK_THROWS_AS(parse_edge_flags("", f, "t"), std::invalid_argument);
}
