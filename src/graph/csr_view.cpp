// SPDX-License-Identifier: MIT
// csr_view::validate(): the structural checks of a caller's in-adjacency arrays.
#include "linkequity/graph/csr_view.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace linkequity {
namespace {

[[noreturn]] void invalid(const std::string& what) {
    throw std::invalid_argument("csr_view: " + what);
}

}  // namespace

void csr_view::validate() const {
    const std::size_t n = num_nodes;
    if (n > max_nodes)
        invalid(fmt::format("num_nodes = {} exceeds the largest node count, {}", n, max_nodes));
    if (offsets.size() != n + 1)
        invalid(fmt::format("offsets has {} entries, expected num_nodes + 1 = {}", offsets.size(),
                            n + 1));
    if (offsets[0] != 0) invalid(fmt::format("offsets[0] = {}, expected 0", offsets[0]));
    for (std::size_t i = 0; i < n; ++i)
        if (offsets[i + 1] < offsets[i])
            invalid(fmt::format("offsets decrease at index {}: offsets[{}] = {} < offsets[{}] = {}",
                                i + 1, i + 1, offsets[i + 1], i, offsets[i]));
    if (offsets[n] != sources.size())
        invalid(fmt::format("offsets[{}] = {} but sources has {} entries", n, offsets[n],
                            sources.size()));
    for (std::size_t e = 0; e < sources.size(); ++e)
        if (sources[e] >= n)
            invalid(fmt::format("sources[{}] = {} is not a node id (num_nodes = {})", e,
                                sources[e], n));
    if (!weights.empty() && weights.size() != sources.size())
        invalid(fmt::format("weights has {} entries, expected one per edge ({})", weights.size(),
                            sources.size()));
    for (std::size_t e = 0; e < weights.size(); ++e)
        if (!(std::isfinite(weights[e]) && weights[e] >= 0))
            invalid(fmt::format("weights[{}] = {} is not a finite weight >= 0", e, weights[e]));
    if (!flags.empty() && flags.size() != sources.size())
        invalid(fmt::format("flags has {} entries, expected one per edge ({})", flags.size(),
                            sources.size()));
}

}  // namespace linkequity
