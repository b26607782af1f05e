// SPDX-License-Identifier: MIT
// Binding of the web model: web_graph (read from link exports or built from columns of strings
// in one C++ call, or opened from a web snapshot), compute_authority (each level's table made by
// the C++ table layer, as for the CLI's CSVs; the Python wrapper makes pandas DataFrames of it)
// and disavow files. The result classes are bound in bind_web_results.cpp, the synthetic web in
// bind_synthetic_web.cpp.
// The GIL is released while reading, building and scoring; Ctrl-C is checked about every 0.1 s.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <cmath>
#include <exception>
#include <filesystem>
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
#include "linkequity/web/harmonic_column.hpp"
#include "linkequity/web/disavow.hpp"
#include "linkequity/web/tables.hpp"
#include "linkequity/web/topics.hpp"
#include "linkequity/web/url.hpp"
#include "linkequity/web/web_graph.hpp"
#include "web_results.hpp"
// The reader's rel/position value parsers, so DataFrame columns mean what CSV columns mean.
// Internal to the library (src/io); the binding is built in the same tree and links it statically.

namespace linkequity::python {
namespace {

using web::web_graph;

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

/// "follow" / "ignore" for the redirects= and canonicals= keywords.
web::follow_mode follow_mode_of(const char* keyword, const std::string& value) {
    if (value == "follow") return web::follow_mode::follow;
    if (value == "ignore") return web::follow_mode::ignore;
    throw std::invalid_argument(
        fmt::format("WebGraph.read_links: {} must be 'follow' or 'ignore', got '{}'", keyword, value));
}

web_graph read_links(const std::vector<std::string>& paths, const std::string& format,
                     bool skip_bad, const std::string& sections,
                     const std::optional<std::string>& source_column,
                     const std::optional<std::string>& target_column,
                     const std::optional<std::string>& anchor_column,
                     const std::optional<std::string>& rel_column,
                     const std::optional<std::string>& position_column,
                     const std::string& redirects, const std::string& canonicals,
                     const std::vector<std::string>& redirect_files, bool anchors) {
    web::web_graph_options o = graph_options(skip_bad, format, sections);
    o.anchors = anchors;
    o.consolidation.redirects = follow_mode_of("redirects", redirects);
    o.consolidation.canonicals = follow_mode_of("canonicals", canonicals);
    o.redirect_files = redirect_files;
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

io::snapshot_verify parse_verify(const std::string& verify) {
    return parse_enum<io::snapshot_verify>(verify, option_info("verify", ""), "WebGraph.open");
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

/// A level's table and the scalars of its run (iterations, residual…): its per-node vectors
/// are moved into the table; the run keeps an authority_table without them.
py::tuple table_and_run(web::score_table&& table, web::authority_table&& run) {
    return py::make_tuple(py::cast(std::move(table)), py::cast(std::move(run)));
}

py::dict authority(const web_graph& g, web::authority_options o, py::object progress,
                   const py::object& topics, bool harmonic) {
    const std::optional<web::topic_labels> labels = topic_labels_of(topics);  // bind_topics.cpp
    std::vector<std::string> unknown_topic_domains;
    o.validate();
    progress_hook hook{std::move(progress), 0.1, nullptr};
    o.pagerank.progress = [&hook](const pagerank_progress& p) { return hook(p); };
    web::authority_result r;
    web::score_table pages, domains, host_table;
    {
        py::gil_scoped_release release;
        try {
            r = web::compute_authority(g, o);
        } catch (const cancelled_error&) {
            if (!hook.error) throw;
        }
        if (!hook.error) {
            using web::table_level;
            pages = web::make_score_table(g, table_level::pages, std::move(r.pages));
            domains = web::make_score_table(g, table_level::domains, std::move(r.domains));
            if (o.compute_hosts)
                host_table = web::make_score_table(g, table_level::hosts, std::move(r.hosts));
            if (labels)
                unknown_topic_domains =
                    web::add_topic_columns(g, *labels, o, pages, domains,
                                           o.compute_hosts ? &host_table : nullptr)
                        .unknown_domains;
            harmonic_options ho;  // harmonic=True: a `harmonic` column (domains, hosts)
            ho.excluded = o.pagerank.excluded;
            if (harmonic) web::add_harmonic_column(g, domains, ho);
            if (harmonic && o.compute_hosts) web::add_harmonic_column(g, host_table, ho);
        }
    }
    if (hook.error) std::rethrow_exception(hook.error);
    py::dict d;
    d["pages"] = table_and_run(std::move(pages), std::move(r.pages));
    d["domains"] = table_and_run(std::move(domains), std::move(r.domains));
    d["hosts"] = o.compute_hosts
                     ? py::object(table_and_run(std::move(host_table), std::move(r.hosts)))
                     : py::object(py::none());
    d["scale_version"] = r.scale_version;
    d["seconds_graphs"] = r.seconds_graphs;
    d["seconds_counts"] = r.seconds_counts;
    d["unknown_topic_domains"] = unknown_topic_domains;
    return d;
}

disavow_result disavow(web_graph& g, const std::string& path, const std::string& owner,
                       bool skip_bad) {
    py::gil_scoped_release release;
    const web::disavow_list list = web::disavow_list::read(path, skip_bad);
    disavow_result r;
    r.applied = web::apply_disavow(g, list, owner);
    r.domains = list.num_domains();
    r.urls = list.num_urls();
    r.lines = list.report().lines;
    r.skipped = list.report().skipped;
    return r;
}

/// WebGraphCore's name lists, zero-copy array views and look-ups.
void bind_web_arrays(py::class_<web_graph>& w) {
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
}

/// WebGraphCore's scoring: the authority options (from their table), authority and disavow.
void bind_web_scoring(py::module_& m, py::class_<web_graph>& w) {
    bind_enum<web::domain_weight_mode>(m, "DomainWeightMode", "Domain graph edge weights.");
    py::class_<web::authority_options> ao(
        m, "AuthorityOptions", "authority_options (private; built by WebGraph.authority).");
    ao.def(py::init<>());
    bind_option_table(ao, "authority");
    w.def("authority", &authority, py::arg("options"), py::arg("progress") = py::none(),
          py::arg("topics") = py::none(), py::arg("harmonic") = false,
          "compute_authority: {'pages': table, 'domains': table, 'hosts': table or None, ...}.");
    w.def("apply_disavow", &disavow, py::arg("path"), py::arg("owner") = "",
          py::arg("skip_bad") = false, "Reads a disavow file and flags the matching links.");
}

}  // namespace

void bind_web(py::module_& m) {
    bind_web_results(m);
    m.def(
        "normalize_url",
        [](const std::string& url, const std::string& base) -> std::optional<std::string> {
            web::normalized_url n = web::normalize_url(url, base);
            if (!n.ok()) return std::nullopt;
            return std::move(n.url);
        },
        py::arg("url"), py::arg("base") = "",
        "The URL in the normal form the web graph names pages by (lowercase scheme and host, IDN "
        "to punycode, default port, fragment and dot segments dropped, percent-encoding "
        "normalised; docs/web-model.md), resolved against `base` when relative; None when it "
        "is not an http(s) URL or is invalid.");
    m.def(
        "normalize_host_name",
        [](const std::string& name) -> std::optional<std::string> {
            std::string host = web::normalize_host_name(name);
            if (host.empty()) return std::nullopt;
            return host;
        },
        py::arg("name"),
        "A host or domain name as a person writes it (`Bücher.DE.`) in the form the web graph "
        "names hosts and domains (`xn--bcher-kva.de`); None when it is not a bare host name.");
    py::class_<web_graph> w(m, "WebGraphCore", "web_graph (private; wrapped by linkequity.WebGraph).");
    w.def_static("read", &read_links, py::arg("paths"), py::arg("format") = "auto",
                 py::arg("skip_bad") = false, py::arg("suffixes") = "all",
                 py::arg("source_column") = py::none(), py::arg("target_column") = py::none(),
                 py::arg("anchor_column") = py::none(), py::arg("rel_column") = py::none(),
                 py::arg("position_column") = py::none(), py::arg("redirects") = "follow",
                 py::arg("canonicals") = "follow",
                 py::arg("redirect_files") = std::vector<std::string>{},
                 py::arg("anchors") = true,
                 "Reads link export files (see linkequity.WebGraph.read_links).");
    w.def_property_readonly(
        "redirect_columns",
        [](const web_graph& g) {
            const web::redirect_table& t = g.redirects();
            std::vector<std::string> url, final_url, kind, status;
            std::vector<int> hops;
            for (std::size_t i = 0; i < t.size(); ++i) {
                url.emplace_back(t.urls[i]);
                final_url.emplace_back(t.final_urls[i]);
                kind.emplace_back(web::redirect_kind_name(t.kinds[i]));
                hops.push_back(t.hops[i]);
                status.emplace_back(web::redirect_state_name(t.states[i]));
            }
            return py::make_tuple(url, final_url, kind, hops, status);
        },
        "The redirect table as (url, final_url, kind, hops, status) lists (WebGraph.redirects).");
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
    w.def_property_readonly("stats", [](const web_graph& g) { return g.stats(); });
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
    bind_web_arrays(w);
    bind_web_scoring(m, w);
}

}  // namespace linkequity::python
