// SPDX-License-Identifier: MIT
// pagerank_options::validate: every option checked before any kernel runs, with messages that
// name the option, its value and what is allowed: the option table's checks, then the ones
// that depend on the graph's size or on another option.
#include "linkequity/algo/pagerank_options.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace linkequity {
namespace {

void check_distribution(const std::vector<double>& v, std::size_t n, const char* name,
                        bool allow_empty) {
    if (v.empty() && allow_empty) return;
    if (v.size() != n)
        throw std::invalid_argument(fmt::format(
            "pagerank: {} has {} entries, expected {} (one per node){}", name, v.size(), n,
            allow_empty ? " or none" : ""));
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!(std::isfinite(v[i]) && v[i] >= 0))
            throw std::invalid_argument(fmt::format(
                "pagerank: {}[{}] is {}, expected a finite number >= 0", name, i, v[i]));
        sum += v[i];
    }
    if (!(sum > 0))
        throw std::invalid_argument(
            fmt::format("pagerank: {} sums to {}, expected a positive sum", name, sum));
}

}  // namespace

void pagerank_options::validate(std::size_t n) const {
    check_fields(*this, "pagerank");  // ranges and enum values, from the option table
    check_distribution(personalization, n, "personalization", true);
    check_distribution(start, n, "start", true);
    if (acceleration != pagerank_acceleration::none && acceleration_period < 4)
        throw std::invalid_argument(fmt::format(
            "pagerank: acceleration_period must be >= 4 (extrapolation needs 3 previous iterates), "
            "got {}", acceleration_period));
    if (dangling == dangling_policy::vector)
        check_distribution(dangling_distribution, n, "dangling_distribution", false);
    else if (!dangling_distribution.empty())
        throw std::invalid_argument(
            "pagerank: dangling_distribution is given but dangling is not dangling_policy::vector");
}

}  // namespace linkequity
