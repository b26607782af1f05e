// SPDX-License-Identifier: MIT
// Binding of the web model: web_graph (read from link exports or built from columns of strings
// in one C++ call, or opened from a web snapshot), compute_authority (tables as dicts of NumPy
// arrays that own the C++ vectors; the Python wrapper makes pandas DataFrames), disavow files and
// the synthetic web.
// The GIL is released while reading, building and scoring; Ctrl-C is checked about every 0.1 s.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "bind_options.hpp"
#include "common.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/link_source.hpp"
#include "linkequity/web/apply_disavow.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/disavow.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"
// The reader's rel/position value parsers, so DataFrame columns mean what CSV columns mean.
// Internal to the library (src/io); the binding is built in the same tree and links it statically.

namespace linkequity::python {
namespace {

using web::web_graph;

/// Ctrl-C check for row-streaming calls (no way to return "stop": throws cancelled_error,
/// which the caller turns back into the stored Python exception).
struct signal_check {
    double interval = 0.1;
    std::exception_ptr error;
    std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();

    void operator()() {
        const auto now = std::chrono::steady_clock::now();
        if (std::chrono::duration<double>(now - last).count() < interval) return;
        last = now;
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) {
            error = std::make_exception_ptr(py::error_already_set());
            throw cancelled_error("interrupted");
        }
    }
};

/// Runs f() without the GIL; a Python error stored by a hook wins over the cancellation it caused.
template <class F>
auto without_gil(const std::exception_ptr& stored, F&& f) -> decltype(f()) {
    try {
        py::gil_scoped_release release;
        return f();
    } catch (const cancelled_error&) {
        if (stored) std::rethrow_exception(stored);
        throw;
    }
}

/// UTF-8 views of a list of str (None and float NaN = missing = ""). Valid while the list lives.
std::vector<std::string_view> string_column(const py::list& col, const char* name,
                                            std::size_t expected) {
    const std::size_t n = static_cast<std::size_t>(PyList_GET_SIZE(col.ptr()));
    if (expected != static_cast<std::size_t>(-1) && n != expected)
        throw std::invalid_argument(fmt::format(
            "from_links: column '{}' has {} rows, expected {} (as source)", name, n, expected));
    std::vector<std::string_view> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        PyObject* o = PyList_GET_ITEM(col.ptr(), static_cast<py::ssize_t>(i));
        if (PyUnicode_Check(o)) {
            Py_ssize_t len = 0;
            const char* s = PyUnicode_AsUTF8AndSize(o, &len);
            if (!s) throw py::error_already_set();
            out[i] = std::string_view(s, static_cast<std::size_t>(len));
        } else if (o == Py_None || (PyFloat_Check(o) && std::isnan(PyFloat_AS_DOUBLE(o)))) {
            out[i] = std::string_view();
        } else {
            throw py::type_error(fmt::format("from_links: column '{}' row {} is {} ({}), expected str",
                                             name, i, py::repr(o).cast<std::string>(),
                                             Py_TYPE(o)->tp_name));
        }
    }
    return out;
}

web::web_graph_options graph_options(bool skip_bad, const std::string& format,
                                     const std::string& sections) {
    web::web_graph_options o;
    o.skip_bad = skip_bad;
    o.read.format = io::parse_format(format);
    if (sections == "all") o.sections = web::psl_sections::all;
    else if (sections == "icann") o.sections = web::psl_sections::icann_only;
    else
        throw std::invalid_argument(fmt::format(
            "WebGraph: suffixes must be 'all' or 'icann', got '{}'", sections));
    return o;
}

web_graph read_links(const std::vector<std::string>& paths, const std::string& format,
                     bool skip_bad, const std::string& sections,
                     const std::optional<std::string>& source_column,
                     const std::optional<std::string>& target_column,
                     const std::optional<std::string>& anchor_column,
                     const std::optional<std::string>& rel_column,
                     const std::optional<std::string>& position_column) {
    web::web_graph_options o = graph_options(skip_bad, format, sections);
    if (source_column) o.read.source_column = *source_column;
    if (target_column) o.read.target_column = *target_column;
    if (anchor_column) o.read.anchor_column = *anchor_column;
    if (rel_column) o.read.rel_column = *rel_column;
    if (position_column) o.read.position_column = *position_column;
    signal_check check;
    o.progress = [&check](std::size_t) { check(); };
    return without_gil(check.error, [&] { return web_graph::read(paths, o); });
}

web_graph from_columns(const py::list& source, const py::list& target,
                       const std::optional<py::list>& anchor, const std::optional<py::list>& rel,
                       const std::optional<py::array_t<std::uint8_t>>& rel_flags,
                       const std::optional<py::list>& position, bool skip_bad,
                       const std::string& sections, const std::string& name) {
    const auto src = string_column(source, "source", static_cast<std::size_t>(-1));
    const std::size_t n = src.size();
    const auto dst = string_column(target, "target", n);
    std::vector<std::string_view> anc, rel_text, pos;
    if (anchor) anc = string_column(*anchor, "anchor", n);
    if (rel) rel_text = string_column(*rel, "rel", n);
    if (position) pos = string_column(*position, "position", n);
    const std::uint8_t* flags_in = nullptr;
    if (rel_flags) {
        if (static_cast<std::size_t>(rel_flags->size()) != n)
            throw std::invalid_argument(fmt::format(
                "from_links: column 'rel' has {} rows, expected {}", rel_flags->size(), n));
        flags_in = rel_flags->data();
    }
    web::web_graph_options o = graph_options(skip_bad, "auto", sections);
    signal_check check;
    return without_gil(check.error, [&] {
        web::web_graph_builder b(o);
        b.begin_source(name);
        for (std::size_t i = 0; i < n; ++i) {
            edge_flags f = flags::none;
            if (flags_in) f = flags_in[i] & (flags::nofollow | flags::sponsored | flags::ugc);
            else if (!rel_text.empty()) f = io::parse_rel(rel_text[i]);
            const link_position p =
                pos.empty() ? link_position::unknown : io::parse_position(pos[i]);
            b.add(src[i], dst[i], anc.empty() ? std::string_view() : anc[i], f, p);
            if ((i & 0xFFFF) == 0xFFFF) check();
        }
        b.end_source();
        return b.finish();
    });
}

/// Runs f() without the GIL; a filesystem_error becomes OSError(errno, message, path), which
/// Python turns into FileNotFoundError, PermissionError … as the errno says.
template <class F>
auto with_os_errors(F&& f) -> decltype(f()) {
    std::error_code code;
    std::string path;
    try {
        py::gil_scoped_release release;
        return f();
    } catch (const std::filesystem::filesystem_error& e) {
        code = e.code();
        path = e.path1().string();
    }
    const py::object err =
        py::module_::import("builtins").attr("OSError")(code.value(), code.message(), path);
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(err.ptr())), err.ptr());
    throw py::error_already_set();
}

io::snapshot_verify parse_verify(const std::string& verify) {
    return parse_enum<io::snapshot_verify>(verify, option_info("verify", ""), "WebGraph.open");
}

py::dict report_dict(const io::read_report& r) {
    py::dict d;
    d["path"] = r.path;
    d["format"] = io::format_name(r.format);
    d["rows"] = r.rows;
    d["links"] = r.links;
    d["resources"] = r.resources;
    d["skipped"] = r.skipped;
    d["skipped_by_reason"] = r.skipped_by_reason;
    d["examples"] = r.examples;
    return d;
}

py::dict stats_dict(const web::web_graph_stats& s) {
    py::dict d;
    d["rows"] = s.rows;
    d["links"] = s.links;
    d["self_links"] = s.self_links;
    d["internal_links"] = s.internal_links;
    d["non_web_targets"] = s.non_web_targets;
    d["non_web_by_scheme"] = s.non_web_by_scheme;
    d["bad_rows"] = s.bad_rows;
    py::list reports;
    for (const auto& r : s.reports) reports.append(report_dict(r));
    d["reports"] = reports;
    return d;
}

template <class Table>
py::list names(std::size_t n, const Table& name_of) {
    py::list out(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view s = name_of(static_cast<node_id>(i));
        PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<py::ssize_t>(s.size()), "replace");
        if (!o) throw py::error_already_set();
        PyList_SET_ITEM(out.ptr(), static_cast<py::ssize_t>(i), o);
    }
    return out;
}

py::dict table_dict(web::authority_table&& t) {
    py::dict d;
    d["score"] = array_from(std::move(t.score));
    d["authority"] = array_from(std::move(t.authority));
    d["rank"] = array_from(std::move(t.rank));
    d["backlinks"] = array_from(std::move(t.backlinks));
    d["followable_backlinks"] = array_from(std::move(t.followable_backlinks));
    d["referring_pages"] = array_from(std::move(t.referring_pages));
    d["referring_domains"] = array_from(std::move(t.referring_domains));
    d["followable_referring_domains"] = array_from(std::move(t.followable_referring_domains));
    d["outgoing_links"] = array_from(std::move(t.outgoing_links));
    d["followable_outgoing_links"] = array_from(std::move(t.followable_outgoing_links));
    d["floor"] = t.floor;
    d["dangling_mass"] = t.dangling_mass;
    d["evaporated_mass"] = t.evaporated_mass;
    d["nodes"] = t.nodes;
    d["edges"] = t.edges;
    d["iterations"] = t.iterations;
    d["residual"] = t.residual;
    d["converged"] = t.converged;
    d["seconds"] = t.seconds;
    return d;
}

py::dict authority(const web_graph& g, web::authority_options o,
                   std::optional<std::string> position_weights, py::object progress) {
    if (position_weights) {
        o.use_position_weights = true;
        o.positions = web::position_weights::parse(*position_weights);
    }
    o.validate();
    progress_hook hook{std::move(progress), 0.1, nullptr};
    o.pagerank.progress = [&hook](const pagerank_progress& p) { return hook(p); };
    web::authority_result r;
    {
        py::gil_scoped_release release;
        try {
            r = web::compute_authority(g, o);
        } catch (const cancelled_error&) {
            if (!hook.error) throw;
        }
    }
    if (hook.error) std::rethrow_exception(hook.error);
    py::dict d;
    d["pages"] = table_dict(std::move(r.pages));
    d["domains"] = table_dict(std::move(r.domains));
    d["hosts"] = o.compute_hosts ? py::object(table_dict(std::move(r.hosts)))
                                 : py::object(py::none());
    d["scale_version"] = r.scale_version;
    d["seconds_graphs"] = r.seconds_graphs;
    d["seconds_counts"] = r.seconds_counts;
    return d;
}

py::dict disavow(web_graph& g, const std::string& path, const std::string& owner, bool skip_bad) {
    web::disavow_list list;
    web::disavow_application a;
    {
        py::gil_scoped_release release;
        list = web::disavow_list::read(path, skip_bad);
        a = web::apply_disavow(g, list, owner);
    }
    py::dict d;
    d["owner_domain"] = a.owner_domain;
    d["owner_found"] = a.owner_found;
    d["links_in_scope"] = a.links_in_scope;
    d["links_disavowed"] = a.links_disavowed;
    d["newly_disavowed"] = a.newly_disavowed;
    d["source_pages_matched"] = a.source_pages_matched;
    d["domains"] = list.num_domains();
    d["urls"] = list.num_urls();
    const auto& rep = list.report();
    d["lines"] = rep.lines;
    py::list skipped;
    for (const auto& s : rep.skipped) skipped.append(py::make_tuple(s.line, s.reason, s.text));
    d["skipped"] = skipped;
    return d;
}

web::synthetic_web_options synthetic_options(const py::dict& kw) {
    web::synthetic_web_options o;
    for (auto item : kw) {
        const std::string k = py::str(item.first);
        py::handle v = item.second;
        if (k == "domains") o.domains = v.cast<std::size_t>();
        else if (k == "links") o.links = v.cast<std::size_t>();
        else if (k == "seed") o.seed = v.cast<std::uint64_t>();
        else if (k == "links_per_page") o.links_per_page = v.cast<double>();
        else if (k == "size_exponent") o.size_exponent = v.cast<double>();
        else if (k == "internal_share") o.internal_share = v.cast<double>();
        else if (k == "multi_host_share") o.multi_host_share = v.cast<double>();
        else if (k == "multi_label_share") o.multi_label_share = v.cast<double>();
        else if (k == "private_share") o.private_share = v.cast<double>();
        else if (k == "non_web_share") o.non_web_share = v.cast<double>();
        else if (k == "internal_nofollow") o.internal_nofollow = v.cast<double>();
        else if (k == "external_nofollow") o.external_nofollow = v.cast<double>();
        else if (k == "external_sponsored") o.external_sponsored = v.cast<double>();
        else if (k == "external_ugc") o.external_ugc = v.cast<double>();
        else if (k == "sponsored_ugc_also_nofollow") o.sponsored_ugc_also_nofollow = v.cast<double>();
        else if (k == "attachment_refs") o.attachment_refs = v.cast<std::size_t>();
        else if (k == "attachment_offset") o.attachment_offset = v.cast<double>();
        else throw py::type_error(fmt::format("generate.web: unexpected option '{}'", k));
    }
    o.validate();
    return o;
}

py::dict synthetic_stats(const web::synthetic_web_stats& s) {
    py::dict d;
    d["links"] = s.links;
    d["web"] = s.web;
    d["internal"] = s.internal;
    d["non_web"] = s.non_web;
    d["nofollow"] = s.nofollow;
    d["sponsored"] = s.sponsored;
    d["ugc"] = s.ugc;
    return d;
}

}  // namespace

void bind_web(py::module_& m) {
    py::class_<web_graph> w(m, "WebGraphCore", "web_graph (private; wrapped by linkequity.WebGraph).");
    w.def_static("read", &read_links, py::arg("paths"), py::arg("format") = "auto",
                 py::arg("skip_bad") = false, py::arg("suffixes") = "all",
                 py::arg("source_column") = py::none(), py::arg("target_column") = py::none(),
                 py::arg("anchor_column") = py::none(), py::arg("rel_column") = py::none(),
                 py::arg("position_column") = py::none(),
                 "Reads link export files (see linkequity.WebGraph.read_links).");
    w.def_static("from_columns", &from_columns, py::arg("source"), py::arg("target"),
                 py::arg("anchor") = py::none(), py::arg("rel") = py::none(),
                 py::arg("rel_flags") = py::none(), py::arg("position") = py::none(),
                 py::arg("skip_bad") = false, py::arg("suffixes") = "all",
                 py::arg("name") = "<links>",
                 "Builds from columns given as lists of str (see linkequity.WebGraph.from_links).");
    w.def_property_readonly("num_pages", &web_graph::num_pages);
    w.def_property_readonly("num_hosts", &web_graph::num_hosts);
    w.def_property_readonly("num_domains", &web_graph::num_domains);
    w.def_property_readonly("num_links", &web_graph::num_links);
    w.def_property_readonly("memory_bytes", &web_graph::memory_bytes);
    w.def_property_readonly("suffix_list_version",
                            [](const web_graph& g) { return g.suffix_list().version(); });
    w.def_property_readonly("build_suffix_list_version",
                            [](const web_graph& g) { return g.build_psl_version(); });
    w.def_property_readonly("stats", [](const web_graph& g) { return stats_dict(g.stats()); });
    w.def(
        "save",
        [](const web_graph& g, const std::string& path) {
            with_os_errors([&] { web::save_snapshot(path, g); });
        },
        py::arg("path"), "Writes a web snapshot (see linkequity.WebGraph.save).");
    w.def_static(
        "open",
        [](const std::string& path, const std::string& verify) {
            const io::snapshot_load_options o{parse_verify(verify)};
            return with_os_errors([&] { return web_graph::open_snapshot(path, o); });
        },
        py::arg("path"), py::arg("verify") = "checksums",
        "Opens a web snapshot (see linkequity.WebGraph.open).");
    w.def("page_urls", [](const web_graph& g) {
        return names(g.num_pages(), [&](node_id i) { return g.page_url(i); });
    });
    w.def("host_names", [](const web_graph& g) {
        return names(g.num_hosts(), [&](node_id i) { return g.host_name(i); });
    });
    w.def("domain_names", [](const web_graph& g) {
        return names(g.num_domains(), [&](node_id i) { return g.domain_name(i); });
    });
    w.def("anchor_texts", [](const web_graph& g) {
        return names(g.num_anchors(), [&](node_id i) { return g.anchor_text(i); });
    });
    w.def_property_readonly("page_hosts", [](py::object self) {
        return view_of(self.cast<const web_graph&>().page_hosts(), self);
    });
    w.def_property_readonly("host_domains", [](py::object self) {
        return view_of(self.cast<const web_graph&>().host_domains(), self);
    });
    w.def_property_readonly("link_sources", [](py::object self) {
        return view_of(self.cast<const web_graph&>().link_sources(), self);
    });
    w.def_property_readonly("link_targets", [](py::object self) {
        return view_of(self.cast<const web_graph&>().link_targets(), self);
    });
    w.def_property_readonly("link_flags", [](py::object self) {
        return view_of(self.cast<const web_graph&>().link_flags(), self);
    });
    w.def_property_readonly("link_anchors", [](py::object self) {
        return view_of(self.cast<const web_graph&>().link_anchors(), self);
    });
    w.def_property_readonly("link_positions", [](py::object self) {
        const auto p = self.cast<const web_graph&>().link_positions();
        static_assert(sizeof(link_position) == 1, "positions are bytes");
        return view_of(span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(p.data()),
                                                p.size()), self);
    });
    w.def("find_page", [](const web_graph& g, const std::string& url) {
        auto p = g.find_page(url);
        return p ? py::object(py::int_(*p)) : py::object(py::none());
    });
    w.def("find_domain", [](const web_graph& g, const std::string& d) {
        auto p = g.find_domain(d);
        return p ? py::object(py::int_(*p)) : py::object(py::none());
    });
    w.def("find_host", [](const web_graph& g, const std::string& h) {
        auto p = g.find_host(h);
        return p ? py::object(py::int_(*p)) : py::object(py::none());
    });
    bind_enum<web::domain_weight_mode>(m, "DomainWeightMode", "Domain graph edge weights.");
    py::class_<web::authority_options> ao(
        m, "AuthorityOptions", "authority_options (private; built by WebGraph.authority).");
    ao.def(py::init<>());
    bind_option_table(ao, "authority");
    w.def("authority", &authority, py::arg("options"), py::arg("position_weights") = py::none(),
          py::arg("progress") = py::none(),
          "compute_authority: {'pages': table, 'domains': table, 'hosts': table or None, ...}.");
    w.def("apply_disavow", &disavow, py::arg("path"), py::arg("owner") = "",
          py::arg("skip_bad") = false, "Reads a disavow file and flags the matching links.");

    m.def(
        "synthetic_web",
        [](const py::dict& kw) {
            const web::synthetic_web_options o = synthetic_options(kw);
            signal_check check;
            return without_gil(check.error, [&] {
                web::synthetic_web sw(o);
                web::web_graph_builder b;
                b.begin_source("<synthetic>");
                sw.generate([&](span<const io::raw_link> batch) {
                    for (const auto& l : batch) b.add(l);
                    check();
                });
                b.end_source();
                return b.finish();
            });
        },
        py::arg("options"), "Builds the synthetic web's graph (see linkequity.generate.web).");
    m.def(
        "synthetic_web_csv",
        [](const std::string& path, const py::dict& kw) {
            const web::synthetic_web_options o = synthetic_options(kw);
            web::synthetic_web_stats s;
            {
                py::gil_scoped_release release;
                web::synthetic_web sw(o);
                std::ofstream out(path, std::ios::binary);
                if (!out)
                    throw std::invalid_argument(
                        fmt::format("generate.web_csv: cannot write '{}'", path));
                out.exceptions(std::ios::failbit | std::ios::badbit);
                s = sw.write_csv(out);
            }
            return synthetic_stats(s);
        },
        py::arg("path"), py::arg("options"),
        "Writes the synthetic web's links as a generic CSV (see linkequity.generate.web_csv).");
}

}  // namespace linkequity::python
