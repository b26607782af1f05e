// SPDX-License-Identifier: MIT
// Binding of the synthetic web (web/synthetic_web.hpp): its graph built in one C++ call
// (linkequity.generate.web) or its links written as a generic CSV (generate.web_csv).
// The GIL is released while generating; Ctrl-C is checked about every 0.1 s.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "bind_options.hpp"
#include "common.hpp"
#include "linkequity/io/atomic_file.hpp"
#include "linkequity/io/link_source.hpp"
#include "linkequity/web/synthetic_web.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::python {
namespace {

/// The label file's columns as lists (domain, label, group), by domain id.
py::dict label_columns(const web::synthetic_web& sw) {
    py::list domain, label, group;
    for (std::size_t d = 0; d < sw.num_domains(); ++d) {
        domain.append(sw.domain_name(d));
        label.append(to_string(sw.label(d)));
        group.append(sw.group(d));
    }
    py::dict out;
    out["domain"] = domain;
    out["label"] = label;
    out["group"] = group;
    return out;
}

/// generate.web's keywords through synthetic_web_options' table (bind_options.hpp): each value
/// checked and converted as the table says; an unknown keyword is a TypeError.
web::synthetic_web_options synthetic_options(const py::dict& kw) {
    web::synthetic_web_options o;
    for (auto item : kw) {
        const std::string k = py::str(item.first);
        const auto v = py::reinterpret_borrow<py::object>(item.second);
        bool found = false;
        web::synthetic_web_options::fields(o, [&](auto& member, const option_info& f) {
            if (k != f.name) return;
            options_detail::assign(member, v, f, "generate.web");
            found = true;
        });
        if (!found) throw py::type_error(fmt::format("generate.web: unexpected option '{}'", k));
    }
    o.validate();
    return o;
}

/// SyntheticWebCounts: what generate.web_csv wrote.
void bind_counts(py::module_& m) {
    using stats = web::synthetic_web_stats;
    py::class_<stats> counts(m, "SyntheticWebCounts",
                             "What generate.web_csv wrote: link rows by kind (read-only).");
    counts.def_readonly("links", &stats::links, "Link rows written.")
        .def_readonly("web", &stats::web, "Rows with a web (http/https) target.")
        .def_readonly("internal", &stats::internal,
                      "Web rows whose ends share a registrable domain.")
        .def_readonly("non_web", &stats::non_web, "Rows with a mailto:/tel:/javascript: target.")
        .def_readonly("nofollow", &stats::nofollow, "Rows carrying rel=nofollow.")
        .def_readonly("sponsored", &stats::sponsored, "Rows carrying rel=sponsored.")
        .def_readonly("ugc", &stats::ugc, "Rows carrying rel=ugc.")
        .def_readonly("manipulation", &stats::manipulation,
                      "Rows added by the manipulation passes (farms, PBNs, exchanges, paid, "
                      "expired domains).")
        .def_readonly("redirects", &stats::redirects,
                      "Of those, 301 redirect records of expired domains (not links).")
        .def("__repr__", [](const stats& s) {
            return fmt::format("SyntheticWebCounts(links={}, web={}, internal={}, non_web={}, "
                               "nofollow={}, sponsored={}, ugc={}{})",
                               s.links, s.web, s.internal, s.non_web, s.nofollow, s.sponsored,
                               s.ugc,
                               s.manipulation ? fmt::format(", manipulation={}", s.manipulation)
                                              : std::string());
        });
    with_item_access(counts);
}

/// The three generating calls: the graph, the CSV (+ labels), the labels alone.
void bind_generating(py::module_& m) {
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
        [](const std::string& path, const py::dict& kw, const std::string& labels) {
            const web::synthetic_web_options o = synthetic_options(kw);
            py::gil_scoped_release release;
            const web::synthetic_web sw(o);
            const auto open = [](const std::string& p) {
                try {  // temporary file + rename: no partial CSV
                    return std::make_unique<io::atomic_output>(p);
                } catch (const std::filesystem::filesystem_error&) {
                    throw std::invalid_argument(
                        fmt::format("generate.web_csv: cannot write '{}'", p));
                }
            };
            std::unique_ptr<io::atomic_output> out = open(path), label_out;
            if (!labels.empty()) label_out = open(labels);
            const web::synthetic_web_stats s = sw.write_csv(out->stream());
            if (label_out) sw.write_labels(label_out->stream());
            out->commit();
            if (label_out) label_out->commit();
            return s;
        },
        py::arg("path"), py::arg("options"), py::arg("labels") = "",
        "Writes the synthetic web's links as a generic CSV (see linkequity.generate.web_csv).");
    m.def(
        "synthetic_web_labels",
        [](const py::dict& kw) {
            const web::synthetic_web_options o = synthetic_options(kw);
            std::unique_ptr<web::synthetic_web> sw;
            {
                py::gil_scoped_release release;
                sw = std::make_unique<web::synthetic_web>(o);  // the structure only, no links
            }
            return label_columns(*sw);
        },
        py::arg("options"),
        "The synthetic web's domain labels as columns domain, label, group (see "
        "linkequity.generate.web_labels).");
}

}  // namespace

void bind_synthetic_web(py::module_& m) {
    bind_counts(m);
    bind_generating(m);
    py::class_<web::manipulation_options> manipulation(
        m, "ManipulationOptions",
        "The synthetic web's labelled manipulation (generate.web's farms=, pbns=, … keywords).");
    manipulation.def(py::init<>());
    bind_option_table(manipulation, "generate.web");
    py::class_<web::synthetic_web_options> options(
        m, "SyntheticWebOptions",
        "synthetic_web_options: every keyword of generate.web, web_csv and web_labels (its "
        "fields() table, manipulation's included).");
    options.def(py::init<>());
    bind_option_table(options, "generate.web");
}

}  // namespace linkequity::python
