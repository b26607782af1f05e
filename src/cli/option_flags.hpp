// SPDX-License-Identifier: MIT
// The command line's face of the options vocabulary: add_option_flags(cmd, options) registers
// one `--kebab-name` flag per field of an options struct's table (linkequity/options.hpp), with
// its help, its default and, for enums, the allowed spellings (deprecated ones warn on stderr).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "linkequity/options.hpp"

namespace linkequity::cli {

/// "--max-iterations" for "max_iterations".
std::string flag_name(const option_info& f);

/// A --NAME option taking one of `choices`; `set` gets the current spelling. A deprecated
/// spelling prints "linkequity: warning: ... is deprecated, use ..." on stderr.
CLI::Option* add_choice_flag(CLI::App& cmd, const option_info& f, const char* who,
                             const std::vector<choice_spelling>& choices, long long current,
                             std::function<void(long long)> set);

/// --NAME taking a comma-separated list of edge-flag names (or none).
CLI::Option* add_edge_flags_flag(CLI::App& cmd, const option_info& f, const char* who,
                                 edge_flags& member);

CLI::Option* add_number_flag(CLI::App& cmd, const option_info& f, double& member);
CLI::Option* add_number_flag(CLI::App& cmd, const option_info& f, std::size_t& member);
/// --NAME, or --no-NAME when the default is true.
CLI::Option* add_bool_flag(CLI::App& cmd, const option_info& f, bool& member);

/// --NAME [SPEC] for a spec option (is_spec_option): alone it sets T's defaults ("default"
/// too), with a value it sets T::parse(SPEC); CLI11 reports a bad spec with parse's message.
template <class T>
CLI::Option* add_spec_flag(CLI::App& cmd, const option_info& f, std::optional<T>& member) {
    const auto parse = [](const std::string& text) {
        return text.empty() || text == "default" ? T{} : T::parse(text);
    };
    CLI::Validator check(
        [parse](std::string& text) {
            try {
                parse(text);
                return std::string();
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
        },
        "SPEC");
    return cmd
        .add_option_function<std::string>(
            flag_name(f), [&member, parse](const std::string& text) { member = parse(text); },
            f.help)
        ->expected(0, 1)
        ->check(check)
        ->type_name("[SPEC]");
}

/// The current spellings of E, for CLI::IsMember on options outside a table.
template <class E>
std::vector<std::string> choice_names() {
    std::vector<std::string> names;
    for (const auto& c : choices_of<E>())
        if (!c.deprecated) names.push_back(c.name);
    return names;
}

/// Registers a flag for every field of `options`' table offered on the command line
/// (Options::fields, option_cli), bound to the field: after parsing, `options` holds what the
/// user gave and the defaults elsewhere. `who` prefixes messages ("pagerank"). Range checks are
/// left to Options::validate(), so the command line and the library say the same thing.
template <class Options>
void add_option_flags(CLI::App& cmd, Options& options, const char* who) {
    Options::fields(options, [&cmd, who](auto& member, const option_info& f) {
        using T = std::decay_t<decltype(member)>;
        if (!f.has(option_cli)) return;
        if constexpr (std::is_enum_v<T>) {
            add_choice_flag(cmd, f, who, choices_of<T>(), static_cast<long long>(member),
                            [&member](long long v) { member = static_cast<T>(v); });
        } else if constexpr (std::is_same_v<T, edge_flags>) {
            add_edge_flags_flag(cmd, f, who, member);
        } else if constexpr (is_optional_spec<T>::value) {
            add_spec_flag(cmd, f, member);
        } else if constexpr (std::is_same_v<T, bool>) {
            add_bool_flag(cmd, f, member);
        } else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, std::size_t>) {
            add_number_flag(cmd, f, member);
        } else {  // per-node vectors are never on the command line
            static_assert(std::is_same_v<T, std::vector<double>>, "no command-line form");
        }
    });
}

}  // namespace linkequity::cli
