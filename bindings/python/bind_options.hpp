// SPDX-License-Identifier: MIT
// Python's face of the options vocabulary: bind_option_table(py_class, "who") gives an options
// class one typed property per field of its table (linkequity/options.hpp), `fields()` (the
// table itself, for keyword checking and generated docstrings), `set(name, value)` (a Python
// value checked and converted, enum spellings parsed) and `values()`. bind_enum binds an enum
// with its current spellings.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common.hpp"
#include "linkequity/options.hpp"

namespace linkequity::python {

/// py::enum_<E> with one value per current spelling of E.
template <class E>
py::enum_<E> bind_enum(py::handle scope, const char* name, const char* doc) {
    py::enum_<E> e(scope, name, doc);
    for (const auto& s : spellings(E{}))
        if (!s.deprecated) e.value(s.name, s.value);
    return e;
}

namespace options_detail {

/// Calls f(member) for the field called `name` of type T; false when there is none.
template <class T, class Options, class F>
bool with_field(Options& o, std::string_view name, F&& f) {
    bool found = false;
    Options::fields(o, [&](auto& member, const option_info& info) {
        if constexpr (std::is_same_v<std::decay_t<decltype(member)>, T>)
            if (name == info.name) f(member), found = true;
    });
    return found;
}

inline std::vector<double> to_node_vector(const py::object& v, const option_info& f,
                                          const char* who) {
    if (v.is_none()) return {};
    auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(v);
    if (!a) {
        PyErr_Clear();
        throw py::type_error(fmt::format("{}: {} must be an array of numbers", who, f.name));
    }
    if (a.ndim() != 1)
        throw std::invalid_argument(fmt::format("{}: {} must be one-dimensional, got {} dimensions",
                                                who, f.name, a.ndim()));
    return {a.data(), a.data() + a.size()};
}

/// A field's value as Python sees it in fields() and values(): enums by their spelling.
template <class T>
py::object to_python(const T& v) {
    if constexpr (std::is_enum_v<T>)
        return py::str(to_string(v));
    else if constexpr (std::is_same_v<T, std::vector<double>>)
        return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data());
    else if constexpr (is_optional_spec<T>::value)
        return v ? py::object(py::str(v->to_string())) : py::object(py::none());
    else
        return py::cast(v);
}

inline double to_number(const py::object& v, const option_info& f, const char* who) {
    if (py::isinstance<py::str>(v) || !PyNumber_Check(v.ptr()))
        throw py::type_error(fmt::format("{}: {} must be a number, got {}", who, f.name,
                                         py::repr(v).cast<std::string>()));
    return py::float_(v).cast<double>();
}

/// An integer (or an integral float) >= the field's minimum.
inline std::size_t to_count(const py::object& v, const option_info& f, const char* who) {
    const double x = to_number(v, f, who);
    const double lo = std::max(0.0, f.min);
    if (!(x == std::floor(x) && x >= lo))
        throw std::invalid_argument(fmt::format("{}: {} must be an integer >= {}, got {}", who,
                                                f.name, lo, py::repr(v).cast<std::string>()));
    return py::isinstance<py::int_>(v) ? v.cast<std::size_t>() : static_cast<std::size_t>(x);
}

/// A Flag mask in [0, 255], a comma-separated string of flag names or a list of them.
inline edge_flags to_edge_flags(const py::object& v, const option_info& f, const char* who) {
    if (py::isinstance<py::str>(v)) return parse_edge_flags(v.cast<std::string>(), f, who);
    if (py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v)) {
        std::string names;
        for (const auto& x : v)
            names += (names.empty() ? "" : ",") + py::str(x).cast<std::string>();
        return parse_edge_flags(names.empty() ? "none" : names, f, who);
    }
    const double x = PyNumber_Check(v.ptr()) ? py::int_(v).cast<double>() : -1;
    if (!(x >= 0 && x <= 255))
        throw std::invalid_argument(fmt::format(
            "{}: {} must be a Flag mask in [0, 255] or a list of flag names, got {}", who,
            f.name, py::repr(v).cast<std::string>()));
    return static_cast<edge_flags>(x);
}

/// A spec option (is_spec_option) from None / False (off), True (the defaults), its text, or a
/// dict {name: number} (written "name=number,..." and parsed).
template <class T>
std::optional<T> to_spec(const py::object& v, const option_info& f, const char* who) {
    if (v.is_none() || (py::isinstance<py::bool_>(v) && !v.cast<bool>())) return std::nullopt;
    if (py::isinstance<py::bool_>(v)) return T{};
    std::string text;
    if (py::isinstance<py::str>(v)) {
        text = v.cast<std::string>();
    } else if (py::isinstance<py::dict>(v)) {
        for (const auto& kv : v.cast<py::dict>())
            text += fmt::format("{}{}={}", text.empty() ? "" : ",",
                                py::str(kv.first).cast<std::string>(),
                                py::repr(kv.second).cast<std::string>());
    } else {
        throw py::type_error(fmt::format("{}: {} must be None, a bool, a str or a dict, got {}",
                                         who, f.name, py::repr(v).cast<std::string>()));
    }
    return text == "default" ? T{} : T::parse(text);
}

/// Sets `member` from a Python value; returns a deprecation message or "".
template <class T>
std::string assign(T& member, const py::object& v, const option_info& f, const char* who) {
    std::string deprecation;
    if constexpr (std::is_enum_v<T>) {
        if (py::isinstance<py::str>(v))
            member = parse_enum<T>(v.cast<std::string>(), f, who, &deprecation);
        else if (py::isinstance<T>(v))
            member = v.cast<T>();
        else
            throw py::type_error(fmt::format("{}: {} must be {}, got {}", who, f.name,
                                             describe_choices(choices_of<T>()),
                                             py::repr(v).cast<std::string>()));
    } else if constexpr (std::is_same_v<T, edge_flags>) {
        member = to_edge_flags(v, f, who);
    } else if constexpr (std::is_same_v<T, bool>) {
        member = py::bool_(v);
    } else if constexpr (std::is_same_v<T, double>) {
        member = to_number(v, f, who);
    } else if constexpr (std::is_same_v<T, std::size_t>) {
        member = to_count(v, f, who);
    } else if constexpr (is_optional_spec<T>::value) {
        member = to_spec<typename T::value_type>(v, f, who);
    } else {
        static_assert(std::is_same_v<T, std::vector<double>>, "no Python form for this type");
        member = to_node_vector(v, f, who);
    }
    return deprecation;
}

/// What fields() says of one field.
template <class T>
py::dict describe(const T& default_value, const option_info& f) {
    py::dict d;
    d["name"] = f.name;
    d["help"] = f.help;
    d["default"] = to_python(default_value);
    d["range"] = describe_range(f);
    d["cli"] = f.has(option_cli);
    py::list choices;
    py::dict deprecated;
    if constexpr (std::is_enum_v<T>) {
        d["kind"] = "choice";
        for (const auto& s : spellings(T{})) {
            if (!s.deprecated) choices.append(s.name);
            else deprecated[s.name] = to_string(s.value);
        }
    } else {
        d["kind"] = is_optional_spec<T>::value              ? "spec"
                    : std::is_same_v<T, edge_flags>           ? "flags"
                    : std::is_same_v<T, bool>               ? "bool"
                    : std::is_same_v<T, double>             ? "number"
                    : std::is_same_v<T, std::vector<double>> ? "node_vector"
                                                             : "integer";
    }
    d["choices"] = choices;
    d["deprecated"] = deprecated;
    return d;
}

}  // namespace options_detail

/// Binds the option table of Options on `c` (a class with a default constructor); `who`
/// prefixes messages. Properties are typed (float, int, bool, the bound enum, numpy arrays);
/// `set` is what keyword functions use: it takes Python values and enum spellings.
template <class Options>
void bind_option_table(py::class_<Options>& c, const char* who) {
    namespace d = options_detail;
    Options proto{};
    Options::fields(proto, [&c, who](auto& member, const option_info& f) {
        using T = std::decay_t<decltype(member)>;
        const char* name = f.name;
        if constexpr (std::is_same_v<T, std::vector<double>> ||
                      is_optional_spec<T>::value) {  // a numpy copy; a spec as its text
            c.def_property(
                name,
                [name](const Options& o) {
                    py::object out;
                    d::with_field<T>(o, name, [&](const T& m) { out = d::to_python(m); });
                    return out;
                },
                [f, who](Options& o, const py::object& v) {
                    d::with_field<T>(o, f.name, [&](T& m) { d::assign(m, v, f, who); });
                },
                f.help);
        } else {
            c.def_property(
                name,
                [name](const Options& o) {
                    T out{};
                    d::with_field<T>(o, name, [&](const T& m) { out = m; });
                    return out;
                },
                [name](Options& o, const T& v) {
                    d::with_field<T>(o, name, [&](T& m) { m = v; });
                },
                f.help);
        }
    });
    c.def_static(
        "fields",
        [] {
            const Options defaults{};
            py::list out;
            Options::fields(defaults, [&out](const auto& member, const option_info& f) {
                out.append(d::describe(member, f));
            });
            return out;
        },
        "The option table: one dict per field (name, kind, default, range, choices, "
        "deprecated spellings, help, cli).");
    c.def(
        "set",
        [who](Options& o, const std::string& name, const py::object& v) -> py::object {
            std::string deprecation;
            bool found = false;
            Options::fields(o, [&](auto& member, const option_info& f) {
                if (name != f.name) return;
                deprecation = d::assign(member, v, f, who);
                found = true;
            });
            if (!found)
                throw py::type_error(fmt::format("{}: unexpected option '{}'", who, name));
            return deprecation.empty() ? py::object(py::none()) : py::object(py::str(deprecation));
        },
        py::arg("name"), py::arg("value"),
        "Sets one option from a Python value (enum by spelling); returns a deprecation "
        "message for an old spelling, else None. Raises ValueError/TypeError naming it.");
    c.def(
        "values",
        [](const Options& o) {
            py::dict out;
            Options::fields(o, [&out](const auto& member, const option_info& f) {
                out[f.name] = d::to_python(member);
            });
            return out;
        },
        "Every option's value (enums by spelling).");
}

}  // namespace linkequity::python
