// SPDX-License-Identifier: MIT
// Seed files of integer node ids (node_seeds.hpp): parsing with file:line errors.
#include "node_seeds.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "linkequity/error.hpp"

namespace linkequity::cli {
namespace {

/// The line split at whitespace and commas.
std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> f;
    std::string cur;
    for (char ch : line) {
        if (ch == ' ' || ch == '\t' || ch == ',' || ch == '\r') {
            if (!cur.empty()) f.push_back(cur), cur.clear();
        } else {
            cur += ch;
        }
    }
    if (!cur.empty()) f.push_back(cur);
    return f;
}

}  // namespace

seed_set read_node_seeds(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::filesystem::filesystem_error(
            "cannot open the seed file", path,
            std::error_code(errno != 0 ? errno : EIO, std::generic_category()));
    seed_set s;
    std::string line;
    std::size_t number = 0, weighted = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::vector<std::string> f = fields_of(line);
        if (f.empty() || f[0][0] == '#') continue;
        if (f.size() > 2)
            throw parse_error(path, number, 0, fmt::format("'{}': expected a node id and at most "
                                                           "a weight", line));
        char* end = nullptr;
        errno = 0;
        const unsigned long long id = std::strtoull(f[0].c_str(), &end, 10);
        if (*end != '\0' || f[0][0] == '-' || errno == ERANGE || id > 0xFFFFFFFEull)
            throw parse_error(path, number, 1, fmt::format("'{}' is not a node id (an integer "
                                                           "from 0 to 4294967294)", f[0]));
        s.nodes.push_back(static_cast<node_id>(id));
        if (f.size() == 2) {
            const double w = std::strtod(f[1].c_str(), &end);
            if (*end != '\0' || !std::isfinite(w) || w < 0)
                throw parse_error(path, number, 0, fmt::format("weight '{}' of node {}: expected "
                                                               "a finite number >= 0", f[1], id));
            s.weights.push_back(w);
            ++weighted;
        }
        if (weighted != 0 && weighted != s.nodes.size())
            throw parse_error(path, number, 0, "some seed lines have a weight and some do not: "
                                               "give a weight on every line or on none");
    }
    if (s.nodes.empty()) throw parse_error(path, 0, 0, "no seed: expected one node id per line");
    return s;
}

}  // namespace linkequity::cli
