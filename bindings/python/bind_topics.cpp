// SPDX-License-Identifier: MIT
// Binding of topic_pagerank(): its options (the applicable part of pagerank's table), the result
// (topic names, the n × k scores as a zero-copy (n, k) NumPy view, per-topic iterations,
// residual and convergence) and the function, run with the GIL released.
#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

#include <pybind11/stl.h>

#include "bind_options.hpp"
#include "common.hpp"
#include "linkequity/algo/topic_pagerank.hpp"
#include "linkequity/web/topics.hpp"

namespace linkequity::python {
namespace {

/// The topics from Python: a list of (name, node ids, weights or None).
std::vector<topic_seeds> topics_of(const py::list& topics) {
    std::vector<topic_seeds> out;
    for (const py::handle item : topics) {
        const auto t = item.cast<py::tuple>();
        topic_seeds s;
        s.name = t[0].cast<std::string>();
        s.nodes = t[1].cast<std::vector<node_id>>();
        if (!t[2].is_none()) s.weights = t[2].cast<std::vector<double>>();
        out.push_back(std::move(s));
    }
    return out;
}

topic_pagerank_result run(const csr_graph& g, const py::list& topics,
                          topic_pagerank_options options, py::object progress,
                          double signal_interval) {
    std::vector<topic_seeds> seeds = topics_of(topics);
    progress_hook hook{std::move(progress), signal_interval, nullptr};
    options.pagerank.progress = [&hook](const pagerank_progress& p) { return hook(p); };
    topic_pagerank_result r;
    {
        py::gil_scoped_release release;
        r = topic_pagerank(g, seeds, options);
    }
    if (hook.error) std::rethrow_exception(hook.error);
    return r;
}

void bind_result(py::module_& m) {
    py::class_<topic_pagerank_result> r(m, "TopicPageRankResult", R"doc(
The result of linkequity.topic_pagerank.

Attributes:
    topics: the topic names, in order (column t of scores is topics[t]).
    scores: float64 array of shape (n, k): scores[i, t] is node i's score in topic t; each
        column sums to 1. A view of the result's own memory (no copy).
    iterations: per topic, the iterations until it converged (or the batch stopped).
    residual: per topic, the L1 change of its last iteration.
    converged: per topic, residual < tolerance (bool array).
    passes: batched iterations (passes over the graph): the largest of iterations.
    cancelled: a progress callback returned False.
    seconds: wall time of the C++ iterations.
)doc");
    r.def_readonly("topics", &topic_pagerank_result::topics, "Topic names, in column order.");
    r.def_property_readonly(
        "scores",
        [](py::object self) {
            auto& res = self.cast<topic_pagerank_result&>();
            const auto n = static_cast<py::ssize_t>(res.num_nodes);
            const auto k = static_cast<py::ssize_t>(res.topics.size());
            const auto d = static_cast<py::ssize_t>(sizeof(double));
            if (res.scores.empty()) return py::array_t<double>(std::vector<py::ssize_t>{n, k});
            return py::array_t<double>({n, k}, {k * d, d}, res.scores.data(), self);
        },
        "(n, k) float64 view of the result's memory (row-major; no copy).");
    r.def_property_readonly(
        "iterations",
        [](const topic_pagerank_result& s) {
            std::vector<std::size_t> it = s.iterations;
            return array_from(std::move(it));
        },
        "Iterations per topic (array).");
    r.def_property_readonly(
        "residual",
        [](const topic_pagerank_result& s) {
            std::vector<double> res = s.residual;
            return array_from(std::move(res));
        },
        "L1 change of each topic's last iteration (array).");
    r.def_property_readonly(
        "converged",
        [](const topic_pagerank_result& s) {
            py::array_t<bool> out(static_cast<py::ssize_t>(s.converged.size()));
            for (std::size_t t = 0; t < s.converged.size(); ++t)
                out.mutable_at(static_cast<py::ssize_t>(t)) = s.converged[t] != 0;
            return out;
        },
        "Per topic: residual < tolerance (bool array).");
    r.def_readonly("passes", &topic_pagerank_result::passes, "Passes over the graph.");
    r.def_readonly("cancelled", &topic_pagerank_result::cancelled,
                   "A progress callback returned False.");
    r.def_readonly("seconds", &topic_pagerank_result::seconds, "Wall time of the iterations.");
    r.def("__len__", [](const topic_pagerank_result& s) { return s.num_nodes; });
    r.def("__repr__", [](const topic_pagerank_result& s) {
        return fmt::format("TopicPageRankResult(n={}, topics={}, passes={}, converged={})",
                           s.num_nodes, s.topics.size(), s.passes,
                           s.all_converged() ? "True" : "False");
    });
}

}  // namespace

std::optional<web::topic_labels> topic_labels_of(const py::object& topics) {
    if (topics.is_none()) return std::nullopt;
    if (py::isinstance<py::str>(topics))
        return web::topic_labels::read(topics.cast<std::string>());
    const auto pair = topics.cast<py::tuple>();
    return web::topic_labels::from_pairs(pair[0].cast<std::vector<std::string>>(),
                                         pair[1].cast<std::vector<std::string>>());
}

void bind_topics(py::module_& m) {
    py::class_<topic_pagerank_options> o(
        m, "TopicPageRankOptions", "topic_pagerank_options (private; built by topic_pagerank).");
    o.def(py::init<>());
    bind_option_table(o, "topic_pagerank");
    o.def("validate", &topic_pagerank_options::validate, "Checks every option; raises ValueError.");
    bind_result(m);
    m.def("topic_pagerank", &run, py::arg("graph"), py::arg("topics"), py::arg("options"),
          py::arg("progress") = py::none(), py::arg("signal_interval") = 0.1,
          "Runs topic_pagerank with the GIL released (see linkequity.topic_pagerank); topics is "
          "a list of (name, node ids, weights or None).");
}

}  // namespace linkequity::python
