// SPDX-License-Identifier: MIT
// The options vocabulary. An algorithm's options struct declares each field once, in its
// static `fields(self, visitor)` table: the member, its name, the values it allows and a one-line
// help (the default is the member's initializer). That table drives validate() (check_fields
// below), the CLI flags (src/cli/option_flags.hpp), the Python keywords and their docstrings
// (bindings/python/bind_options.hpp). Enum values have one spelling each (enum_spelling).
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "linkequity/graph/edge_flags.hpp"

namespace linkequity {

/// One spelling of an enum value. Each value has exactly one current spelling (the C++
/// enumerator's name); a deprecated one still parses, with a warning from the face that read
/// it, and is never printed. An enum E opts in with a function found by argument-dependent
/// lookup: `const enum_names<E>& spellings(E)`.
template <class E>
struct enum_spelling {
    E value;
    const char* name;
    bool deprecated = false;
};

/// The spellings of an enum, current ones first.
template <class E>
struct enum_names {
    const enum_spelling<E>* data;
    std::size_t size;
    const enum_spelling<E>* begin() const { return data; }
    const enum_spelling<E>* end() const { return data + size; }
};

/// Builds an enum_names from a static array of spellings.
template <class E, std::size_t N>
constexpr enum_names<E> make_enum_names(const enum_spelling<E> (&a)[N]) {
    return {a, N};
}

/// Where an option is offered, and what it is.
enum option_trait : unsigned {
    option_cli = 1u << 0,     ///< a `--kebab-name` flag of the commands that take the struct
    option_python = 1u << 1,  ///< a keyword argument of the Python functions that take it
    /// Sized per graph (one value per node) or only meaningful with such a vector: not on the
    /// command line, and not in options that score several graphs (authority_options).
    option_per_node = 1u << 2,
};

/// One field of an options struct: its name (the C++ member, the Python keyword; the CLI flag
/// is --name with '-' for '_'), a one-line help and, for numbers, the allowed range.
/// Built with chained setters: `option_info("damping", "Damping factor").open(0, 1)`.
struct option_info {
    const char* name;
    const char* help;
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    bool min_open = false, max_open = false;
    unsigned traits = option_cli | option_python;

    constexpr option_info(const char* n, const char* h) : name(n), help(h) {}
    /// Allowed: min < x < max.
    constexpr option_info open(double lo, double hi) const {
        option_info f = *this;
        f.min = lo, f.max = hi, f.min_open = f.max_open = true;
        return f;
    }
    /// Allowed: x > lo (NaN never is).
    constexpr option_info above(double lo) const {
        option_info f = *this;
        f.min = lo, f.min_open = true;
        return f;
    }
    /// Allowed: lo <= x <= hi.
    constexpr option_info within(double lo, double hi) const {
        option_info f = *this;
        f.min = lo, f.max = hi;
        return f;
    }
    /// Allowed: x >= lo.
    constexpr option_info at_least(double lo) const {
        option_info f = *this;
        f.min = lo;
        return f;
    }
    /// One value per node (or only meaningful with one): Python only, not for several graphs.
    constexpr option_info per_node() const {
        option_info f = *this;
        f.traits = option_python | option_per_node;
        return f;
    }
    constexpr bool has(unsigned trait) const { return (traits & trait) == trait; }
};

/// "in (0, 1)", "> 0", ">= 4" or "" (any): the range of `f` as messages and help print it.
std::string describe_range(const option_info& f);

/// Throws std::invalid_argument "WHO: NAME must be RANGE, got VALUE" when x is outside f's range.
void check_range(double x, const option_info& f, const char* who);

/// A type-erased spelling: what the faces and the messages need of any enum.
struct choice_spelling {
    long long value;
    const char* name;
    bool deprecated;
};

/// The index in `choices` of `text`. When it is a deprecated spelling, `deprecation` (if given)
/// gets "WHO: NAME 'OLD' is deprecated, use 'NEW'".
/// @throws std::invalid_argument "WHO: NAME must be 'a', 'b' or 'c', got 'TEXT'".
std::size_t parse_choice(const std::vector<choice_spelling>& choices, std::string_view text,
                         const option_info& f, const char* who, std::string* deprecation);

/// "'a', 'b' or 'c'": the current spellings, as messages and docs list them.
std::string describe_choices(const std::vector<choice_spelling>& choices);

/// The spellings of E, type-erased.
template <class E>
std::vector<choice_spelling> choices_of() {
    std::vector<choice_spelling> out;
    for (const auto& s : spellings(E{}))
        out.push_back({static_cast<long long>(s.value), s.name, s.deprecated});
    return out;
}

/// The current spelling of `v` (the C++ enumerator's name).
/// @throws std::invalid_argument when v is not a named value (a cast of a bad number).
template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
const char* to_string(E v) {
    for (const auto& s : spellings(v))
        if (s.value == v && !s.deprecated) return s.name;
    throw std::invalid_argument("to_string: enum value " +
                                std::to_string(static_cast<long long>(v)) + " has no name");
}

/// The value spelled `text` (current or deprecated spelling; see parse_choice).
template <class E>
E parse_enum(std::string_view text, const option_info& f, const char* who,
             std::string* deprecation = nullptr) {
    const auto choices = choices_of<E>();
    return static_cast<E>(choices[parse_choice(choices, text, f, who, deprecation)].value);
}

/// "nofollow,sponsored,ugc,disavowed" (flags::names order), "none" for 0; unnamed bits as
/// numbers.
std::string format_edge_flags(edge_flags f);

/// The flags of a comma-separated list of flag names ("none" = no flag).
/// @throws std::invalid_argument naming the option, the bad name and the allowed ones.
edge_flags parse_edge_flags(std::string_view list, const option_info& f, const char* who);

/// A structured option value written as text, like position weights ("footer=0.1,sidebar=0.4"):
/// a type T with `static T parse(std::string_view)` (throwing std::invalid_argument naming the
/// bad entry) and `std::string to_string() const` (what parse reads back). A field of type
/// std::optional<T> is off when empty; the CLI's --name alone, Python's True, turn it on with
/// T's defaults; a text (or, in Python, a dict of name → number) sets it. parse() is the check.
template <class T, class = void>
struct is_spec_option : std::false_type {};
template <class T>
struct is_spec_option<T, std::void_t<decltype(T::parse(std::string_view{})),
                                     decltype(std::declval<const T&>().to_string())>>
    : std::is_same<decltype(T::parse(std::string_view{})), T> {};

/// true for std::optional<T> with T a spec option.
template <class T>
struct is_optional_spec : std::false_type {};
template <class T>
struct is_optional_spec<std::optional<T>> : is_spec_option<T> {};

namespace detail {

template <class T>
void check_field(const T& value, const option_info& f, const char* who) {
    if constexpr (std::is_enum_v<T>) {
        for (const auto& s : spellings(value))
            if (s.value == value) return;
        throw std::invalid_argument(std::string(who) + ": " + f.name + " is " +
                                    std::to_string(static_cast<long long>(value)) +
                                    ", expected " + describe_choices(choices_of<T>()));
    } else if constexpr (std::is_floating_point_v<T>) {
        check_range(value, f, who);
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                         !std::is_same_v<T, edge_flags>) {
        check_range(static_cast<double>(value), f, who);
    }
    // bool, edge_flags (every bit pattern allowed), spec options (checked by their parse) and
    // per-node vectors (checked against the graph's size by each validate()) have no table
    // check.
}

}  // namespace detail

/// The table checks of `o` (ranges, named enum values), in table order; the message names the
/// option, its value and what is allowed ("WHO: damping must be in (0, 1), got 1.3").
/// Options::fields(o, visitor) must call visitor(member, option_info) per field.
template <class Options>
void check_fields(const Options& o, const char* who) {
    Options::fields(o, [who](const auto& member, const option_info& f) {
        detail::check_field(member, f, who);
    });
}

}  // namespace linkequity
