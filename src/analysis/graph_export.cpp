// SPDX-License-Identifier: MIT
// graph_export_tables_of (nodes kept by rank / authority, edges counted over the links) and the
// GraphML / GEXF writers.
#include "linkequity/analysis/graph_export.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <stdexcept>

namespace linkequity::analysis {

void graph_export_options::validate() const {
    if (!(min_authority >= 0 && min_authority <= 100))
        throw std::invalid_argument(
            fmt::format("export: min_authority must be in [0, 100], got {}", min_authority));
}

graph_export_tables graph_export_tables_of(const web::web_graph& g,
                                           const web::authority_table& tab,
                                           const graph_export_options& options) {
    options.validate();
    const bool hosts = options.level == export_level::host;
    const std::size_t n = hosts ? g.num_hosts() : g.num_domains();
    if (tab.size() != n)
        throw std::invalid_argument(fmt::format(
            "export: the authority table has {} rows, the {} level has {} nodes{}", tab.size(),
            hosts ? "host" : "domain", n, hosts ? " (compute host authority first)" : ""));
    auto node_of = [&](node_id page) { return hosts ? g.host_of(page) : g.domain_of(page); };

    std::vector<node_id> order(n);
    std::iota(order.begin(), order.end(), node_id{0});
    std::sort(order.begin(), order.end(), [&](node_id a, node_id b) {
        return tab.rank[a] != tab.rank[b] ? tab.rank[a] < tab.rank[b] : a < b;
    });
    std::vector<std::uint64_t> pages(n, 0);
    for (node_id h = 0; h < g.num_hosts(); ++h)
        pages[hosts ? h : g.domain_of_host(h)] += g.host_pages(h).second - g.host_pages(h).first;

    graph_export_tables t;
    constexpr std::uint32_t none = ~std::uint32_t{0};
    std::vector<std::uint32_t> index(n, none);
    for (node_id v : order) {
        if (options.top > 0 && t.nodes.size() >= options.top) break;
        if (tab.authority[v] < options.min_authority) continue;
        index[v] = static_cast<std::uint32_t>(t.nodes.size());
        t.nodes.push_back(v);
        t.names.emplace_back(hosts ? g.host_name(v) : g.domain_name(v));
        t.score.push_back(tab.score[v]);
        t.authority.push_back(tab.authority[v]);
        t.rank.push_back(tab.rank[v]);
        t.backlinks.push_back(tab.backlinks[v]);
        t.referring_domains.push_back(tab.referring_domains[v]);
        t.outgoing_links.push_back(tab.outgoing_links[v]);
        t.pages.push_back(pages[v]);
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<std::uint64_t, std::uint64_t>> e;
    const auto src = g.link_sources(), dst = g.link_targets();
    const auto fl = g.link_flags();
    for (std::size_t l = 0; l < g.num_links(); ++l) {
        const std::uint32_t a = index[node_of(src[l])], b = index[node_of(dst[l])];
        if (a == none || b == none || a == b) continue;
        auto& w = e[{a, b}];
        ++w.first;
        w.second += (fl[l] & flags::default_excluded) == 0;
    }
    for (const auto& [k, w] : e) {
        t.edge_source.push_back(k.first);
        t.edge_target.push_back(k.second);
        t.weight.push_back(w.first);
        t.followable.push_back(w.second);
    }
    return t;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') out += "\xEF\xBF\xBD";
                else out.push_back(ch);
        }
    }
    return out;
}

namespace {

void write_graphml(std::ostream& out, const graph_export_tables& t) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
           "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
           "  <key id=\"score\" for=\"node\" attr.name=\"score\" attr.type=\"double\"/>\n"
           "  <key id=\"authority\" for=\"node\" attr.name=\"authority\" attr.type=\"double\"/>\n"
           "  <key id=\"rank\" for=\"node\" attr.name=\"rank\" attr.type=\"long\"/>\n"
           "  <key id=\"backlinks\" for=\"node\" attr.name=\"backlinks\" attr.type=\"long\"/>\n"
           "  <key id=\"referring_domains\" for=\"node\" attr.name=\"referring_domains\" attr.type=\"long\"/>\n"
           "  <key id=\"outgoing_links\" for=\"node\" attr.name=\"outgoing_links\" attr.type=\"long\"/>\n"
           "  <key id=\"pages\" for=\"node\" attr.name=\"pages\" attr.type=\"long\"/>\n"
           "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
           "  <key id=\"followable\" for=\"edge\" attr.name=\"followable\" attr.type=\"long\"/>\n"
           "  <graph id=\"G\" edgedefault=\"directed\">\n";
    for (std::size_t i = 0; i < t.nodes.size(); ++i)
        fmt::print(out,
                   "    <node id=\"n{}\"><data key=\"label\">{}</data><data key=\"score\">{:.9e}"
                   "</data><data key=\"authority\">{:.3f}</data><data key=\"rank\">{}</data>"
                   "<data key=\"backlinks\">{}</data><data key=\"referring_domains\">{}</data>"
                   "<data key=\"outgoing_links\">{}</data><data key=\"pages\">{}</data></node>\n",
                   i, xml_escape(t.names[i]), t.score[i], t.authority[i], t.rank[i],
                   t.backlinks[i], t.referring_domains[i], t.outgoing_links[i], t.pages[i]);
    for (std::size_t k = 0; k < t.weight.size(); ++k)
        fmt::print(out,
                   "    <edge source=\"n{}\" target=\"n{}\"><data key=\"weight\">{}</data>"
                   "<data key=\"followable\">{}</data></edge>\n",
                   t.edge_source[k], t.edge_target[k], t.weight[k], t.followable[k]);
    out << "  </graph>\n</graphml>\n";
}

void write_gexf(std::ostream& out, const graph_export_tables& t) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
           "  <meta><creator>linkequity</creator></meta>\n"
           "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
           "    <attributes class=\"node\">\n"
           "      <attribute id=\"0\" title=\"score\" type=\"double\"/>\n"
           "      <attribute id=\"1\" title=\"authority\" type=\"double\"/>\n"
           "      <attribute id=\"2\" title=\"rank\" type=\"long\"/>\n"
           "      <attribute id=\"3\" title=\"backlinks\" type=\"long\"/>\n"
           "      <attribute id=\"4\" title=\"referring_domains\" type=\"long\"/>\n"
           "      <attribute id=\"5\" title=\"outgoing_links\" type=\"long\"/>\n"
           "      <attribute id=\"6\" title=\"pages\" type=\"long\"/>\n"
           "    </attributes>\n"
           "    <attributes class=\"edge\">\n"
           "      <attribute id=\"0\" title=\"followable\" type=\"long\"/>\n"
           "    </attributes>\n"
           "    <nodes>\n";
    for (std::size_t i = 0; i < t.nodes.size(); ++i)
        fmt::print(out,
                   "      <node id=\"n{}\" label=\"{}\"><attvalues><attvalue for=\"0\" value=\"{:.9e}\"/>"
                   "<attvalue for=\"1\" value=\"{:.3f}\"/><attvalue for=\"2\" value=\"{}\"/>"
                   "<attvalue for=\"3\" value=\"{}\"/><attvalue for=\"4\" value=\"{}\"/>"
                   "<attvalue for=\"5\" value=\"{}\"/><attvalue for=\"6\" value=\"{}\"/>"
                   "</attvalues></node>\n",
                   i, xml_escape(t.names[i]), t.score[i], t.authority[i], t.rank[i],
                   t.backlinks[i], t.referring_domains[i], t.outgoing_links[i], t.pages[i]);
    out << "    </nodes>\n    <edges>\n";
    for (std::size_t k = 0; k < t.weight.size(); ++k)
        fmt::print(out,
                   "      <edge id=\"e{}\" source=\"n{}\" target=\"n{}\" weight=\"{}\"><attvalues>"
                   "<attvalue for=\"0\" value=\"{}\"/></attvalues></edge>\n",
                   k, t.edge_source[k], t.edge_target[k], t.weight[k], t.followable[k]);
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace

void write_graph(std::ostream& out, const graph_export_tables& t, export_format format) {
    if (format == export_format::gexf) write_gexf(out, t);
    else write_graphml(out, t);
}

}  // namespace linkequity::analysis
