// SPDX-License-Identifier: MIT
// The non-template half of the options vocabulary: range and choice messages, parsing of
// spellings (with their deprecations) and of edge-flag lists.
#include "linkequity/options.hpp"

#include <fmt/format.h>

#include <cmath>

namespace linkequity {

std::string describe_range(const option_info& f) {
    const bool lo = std::isfinite(f.min), hi = std::isfinite(f.max);
    if (lo && hi)
        return fmt::format("in {}{}, {}{}", f.min_open ? '(' : '[', f.min, f.max,
                           f.max_open ? ')' : ']');
    if (lo) return fmt::format("{} {}", f.min_open ? ">" : ">=", f.min);
    if (hi) return fmt::format("{} {}", f.max_open ? "<" : "<=", f.max);
    return {};
}

void check_range(double x, const option_info& f, const char* who) {
    const bool ok = (f.min_open ? x > f.min : x >= f.min) && (f.max_open ? x < f.max : x <= f.max);
    if (!ok)  // NaN fails every comparison
        throw std::invalid_argument(
            fmt::format("{}: {} must be {}, got {}", who, f.name, describe_range(f), x));
}

std::string describe_choices(const std::vector<choice_spelling>& choices) {
    std::vector<const char*> names;
    for (const auto& c : choices)
        if (!c.deprecated) names.push_back(c.name);
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) s += i + 1 == names.size() ? " or " : ", ";
        s += fmt::format("'{}'", names[i]);
    }
    return s;
}

std::size_t parse_choice(const std::vector<choice_spelling>& choices, std::string_view text,
                         const option_info& f, const char* who, std::string* deprecation) {
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (text != choices[i].name) continue;
        if (choices[i].deprecated && deprecation) {
            const char* current = choices[i].name;
            for (const auto& c : choices)
                if (c.value == choices[i].value && !c.deprecated) current = c.name;
            *deprecation = fmt::format("{}: {} '{}' is deprecated, use '{}'", who, f.name, text,
                                       current);
        }
        return i;
    }
    throw std::invalid_argument(fmt::format("{}: {} must be {}, got '{}'", who, f.name,
                                            describe_choices(choices), text));
}

std::string format_edge_flags(edge_flags f) {
    if (f == 0) return "none";
    std::string s;
    for (const auto& n : flags::names) {
        if (!(f & n.bit)) continue;
        s += s.empty() ? "" : ",";
        s += n.name;
        f = static_cast<edge_flags>(f & ~n.bit);
    }
    for (unsigned bit = 0; bit < 8; ++bit)
        if (f & (1u << bit)) s += fmt::format("{}{}", s.empty() ? "" : ",", 1u << bit);
    return s;
}

edge_flags parse_edge_flags(std::string_view list, const option_info& f, const char* who) {
    edge_flags out = 0;
    std::size_t begin = 0;
    while (begin <= list.size()) {
        std::size_t end = list.find(',', begin);
        if (end == std::string_view::npos) end = list.size();
        const std::string_view name = list.substr(begin, end - begin);
        bool known = name == "none";
        for (const auto& n : flags::names)
            if (name == n.name) out = static_cast<edge_flags>(out | n.bit), known = true;
        if (!known) {
            std::string allowed = "none";
            for (const auto& n : flags::names) allowed += fmt::format(", {}", n.name);
            throw std::invalid_argument(fmt::format(
                "{}: {} must be a comma-separated list of flag names ({}), got '{}'", who,
                f.name, allowed, list));
        }
        begin = end + 1;
    }
    return out;
}

}  // namespace linkequity
