// SPDX-License-Identifier: MIT
// The flags add_option_flags registers, one function per kind of field.
#include "option_flags.hpp"

#include <fmt/format.h>

namespace linkequity::cli {
namespace {

/// The field's help, with its range when it has one.
std::string help_of(const option_info& f) {
    const std::string range = describe_range(f);
    return range.empty() || range == ">= 0" ? f.help : fmt::format("{} ({})", f.help, range);
}

}  // namespace

std::string flag_name(const option_info& f) {
    std::string s = std::string("--") + f.name;
    for (char& c : s)
        if (c == '_') c = '-';
    return s;
}

CLI::Option* add_choice_flag(CLI::App& cmd, const option_info& f, const char* who,
                             const std::vector<choice_spelling>& choices, long long current,
                             std::function<void(long long)> set) {
    std::string names, now;
    for (const auto& c : choices) {
        if (c.deprecated) continue;
        names += (names.empty() ? "" : ",") + std::string(c.name);
        if (c.value == current) now = c.name;
    }
    const std::string flag = flag_name(f);
    const auto parse = [choices, f, who](const std::string& text, std::string* deprecation) {
        return choices[parse_choice(choices, text, f, who, deprecation)].value;
    };
    CLI::Validator check(
        [parse](std::string& text) {
            try {
                parse(text, nullptr);
                return std::string();
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
        },
        "{" + names + "}");
    return cmd
        .add_option_function<std::string>(
            flag,
            [parse, set, flag, choices](const std::string& text) {
                std::string deprecation;
                const long long v = parse(text, &deprecation);
                if (!deprecation.empty())
                    for (const auto& c : choices)
                        if (c.value == v && !c.deprecated)
                            fmt::print(stderr,
                                       "linkequity: warning: {} {} is deprecated, use {} {}\n",
                                       flag, text, flag, c.name);
                set(v);
            },
            f.help)
        ->check(check)
        ->default_str(now);
}

CLI::Option* add_edge_flags_flag(CLI::App& cmd, const option_info& f, const char* who,
                                 edge_flags& member) {
    std::string names = "none";
    for (const auto& n : flags::names) names += fmt::format(",{}", n.name);
    CLI::Validator check(
        [f, who](std::string& text) {
            try {
                parse_edge_flags(text, f, who);
                return std::string();
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
        },
        "{" + names + "}");
    return cmd
        .add_option_function<std::string>(
            flag_name(f),
            [&member, f, who](const std::string& text) { member = parse_edge_flags(text, f, who); },
            help_of(f) + " (comma-separated)")
        ->check(check)
        ->type_name("LIST")
        ->default_str(format_edge_flags(member));
}

CLI::Option* add_number_flag(CLI::App& cmd, const option_info& f, double& member) {
    return cmd.add_option(flag_name(f), member, help_of(f))->capture_default_str();
}

CLI::Option* add_number_flag(CLI::App& cmd, const option_info& f, std::size_t& member) {
    return cmd.add_option(flag_name(f), member, help_of(f))->capture_default_str();
}

CLI::Option* add_bool_flag(CLI::App& cmd, const option_info& f, bool& member) {
    const std::string flag = flag_name(f);
    if (!member) return cmd.add_flag(flag, member, f.help);
    return cmd.add_flag_callback(
        "--no-" + flag.substr(2), [&member] { member = false; },
        fmt::format("Off: {} (on by default)", f.help));
}

}  // namespace linkequity::cli
