// SPDX-License-Identifier: MIT
// render_report: the self-contained HTML backlink report. Charts are inline SVG built by the
// small helpers below (horizontal bars, vertical bars, new/lost per month); CSS is inline; the
// page loads nothing (no script, no font, no image, no link to any URL).
#include "linkequity/analysis/report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "linkequity/analysis/anchors.hpp"
#include "linkequity/analysis/graph_export.hpp"
#include "linkequity/version.hpp"

namespace linkequity::analysis {
namespace {

using out_it = std::back_insert_iterator<std::string>;

struct bar {
    std::string label;
    double value;
    std::string text;   // the value as shown
    const char* color = nullptr;  // nullptr: the chart's colour
};

/// `s` cut to at most `n` code points (UTF-8), with "…" when cut.
std::string cut(std::string_view s, std::size_t n) {
    std::size_t cps = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && cps++ == n) break;
    }
    return i < s.size() ? std::string(s.substr(0, i)) + "\xE2\x80\xA6" : std::string(s);
}

/// A horizontal bar chart: one row per bar, label left, value right of the bar.
void hbars(std::string& h, const std::vector<bar>& bars, const char* color) {
    const int w = 500, label_w = 150, value_w = 80, row = 24;
    const int height = std::max<int>(row, static_cast<int>(bars.size()) * row) + 4;
    double max = 0;
    for (const auto& b : bars) max = std::max(max, b.value);
    fmt::format_to(out_it(h), "<svg class=\"chart\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\">",
                   w, height);
    int y = 2;
    for (const auto& b : bars) {
        const double len = max > 0 ? (w - label_w - value_w) * b.value / max : 0;
        fmt::format_to(out_it(h),
                       "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lbl\">{}</text>"
                       "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" rx=\"2\" fill=\"{}\"/>"
                       "<text x=\"{:.1f}\" y=\"{}\" class=\"val\">{}</text>",
                       label_w - 8, y + 16, xml_escape(cut(b.label, 22)), label_w, y + 3,
                       std::max(len, b.value > 0 ? 1.5 : 0.0), row - 8, b.color ? b.color : color,
                       label_w + len + 6,
                       y + 16, xml_escape(b.text));
        y += row;
    }
    h += "</svg>";
}

/// A vertical bar chart with the value above each bar and the label below.
void vbars(std::string& h, const std::vector<bar>& bars, const char* color) {
    const int w = 500, height = 210, base = 175, top = 22;
    double max = 0;
    for (const auto& b : bars) max = std::max(max, b.value);
    const double step = double(w - 20) / std::max<std::size_t>(1, bars.size());
    fmt::format_to(out_it(h), "<svg class=\"chart\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\">"
                   "<line x1=\"10\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" class=\"axis\"/>", w, height, base, w - 10);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double bh = max > 0 ? (base - top) * bars[i].value / max : 0;
        const double x = 10 + step * double(i);
        fmt::format_to(out_it(h),
                       "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" rx=\"2\" fill=\"{}\"/>"
                       "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" class=\"val\">{}</text>"
                       "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" class=\"lbl small\">{}</text>",
                       x + step * 0.15, base - bh, step * 0.7, bh, color, x + step / 2, base - bh - 5,
                       xml_escape(bars[i].text), x + step / 2, base + 18, xml_escape(bars[i].label));
    }
    h += "</svg>";
}

/// New (above the axis, green) and lost (below, red) referring domains per month.
void months_chart(std::string& h, const std::vector<month_row>& months) {
    const int w = 500, height = 230, mid = 118, half = 80;  // legend above mid - half - 16
    std::uint64_t max = 1;
    for (const auto& m : months) max = std::max({max, m.new_domains, m.lost_domains});
    const double step = double(w - 20) / std::max<std::size_t>(1, months.size());
    fmt::format_to(out_it(h), "<svg class=\"chart\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\">"
                   "<line x1=\"10\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" class=\"axis\"/>"
                   "<rect x=\"12\" y=\"4\" width=\"10\" height=\"10\" fill=\"#2e9d5b\"/><text x=\"26\" y=\"13\" class=\"lbl small\">new</text>"
                   "<rect x=\"62\" y=\"4\" width=\"10\" height=\"10\" fill=\"#d1495b\"/><text x=\"76\" y=\"13\" class=\"lbl small\">lost</text>",
                   w, height, mid, w - 10);
    const bool every = months.size() <= 12;
    for (std::size_t i = 0; i < months.size(); ++i) {
        const auto& m = months[i];
        const double x = 10 + step * double(i), bw = step * 0.6;
        const double up = half * double(m.new_domains) / double(max);
        const double dn = half * double(m.lost_domains) / double(max);
        fmt::format_to(out_it(h),
                       "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#2e9d5b\"/>"
                       "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#d1495b\"/>",
                       x + step * 0.2, mid - up, bw, up, x + step * 0.2, mid, bw, dn);
        if (m.new_domains && every)
            fmt::format_to(out_it(h), "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" class=\"val small\">+{}</text>",
                           x + step / 2, mid - up - 4, m.new_domains);
        if (m.lost_domains && every)
            fmt::format_to(out_it(h), "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" class=\"val small\">−{}</text>",
                           x + step / 2, mid + dn + 13, m.lost_domains);
        if (every || i % ((months.size() + 11) / 12) == 0)
            fmt::format_to(out_it(h), "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" class=\"lbl small\">{}</text>",
                           x + step / 2, height - 6, xml_escape(m.month));
    }
    h += "</svg>";
}

std::string pct(double share) { return fmt::format("{:.1f}%", 100 * share); }

/// 1234567 → "1,234,567".
std::string thousands(std::uint64_t v) {
    std::string s = std::to_string(v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

constexpr const char* css = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;margin:0;background:#f4f5f7;color:#1d2433}
main{max-width:1080px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:17px;margin:0 0 10px}
.sub{color:#5b6475;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0}
.card{background:#fff;border-radius:8px;padding:12px 16px;min-width:100px;flex:1;box-shadow:0 1px 2px #0001}
.card .n{font-size:26px;font-weight:600}.card .k{font-size:12px;color:#5b6475;text-transform:uppercase;letter-spacing:.04em}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(500px,1fr));gap:16px}
section{background:#fff;border-radius:8px;padding:16px;box-shadow:0 1px 2px #0001;margin-bottom:16px;overflow-x:auto}
svg.chart{max-width:100%;height:auto;display:block}
svg text{font-family:inherit;font-size:12px;fill:#1d2433}svg .small{font-size:11px}svg .lbl{fill:#3b4456}
svg .axis{stroke:#9aa3b2;stroke-width:1}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:5px 8px;border-bottom:1px solid #e5e7ec;text-align:right;white-space:nowrap}
th{background:#f0f2f5;font-weight:600}td.l,th.l{text-align:left;white-space:normal;word-break:break-all}
.meter{display:inline-block;height:8px;background:#3a6ea5;border-radius:2px;vertical-align:middle;margin-right:6px}
.cls{display:inline-block;padding:1px 6px;border-radius:8px;font-size:11px;color:#fff}
.note{color:#5b6475;font-size:12px;line-height:1.5}
)";

const char* class_color(anchor_class c) {
    static const char* colors[] = {"#9aa3b2", "#6c757d", "#d1495b", "#edae49", "#3a6ea5",
                                   "#8e6cbf", "#2e9d5b"};
    return colors[static_cast<std::size_t>(c)];
}

void header(std::string& h, const web::web_graph& g, const profile_result& p) {
    fmt::format_to(out_it(h),
                   "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                   "<title>Backlink report: {0}</title><style>{1}</style></head><body><main>"
                   "<h1>Backlink report: {0}</h1><div class=\"sub\">linkequity {2} · {3} pages, "
                   "{4} domains, {5} links in the input · authority = domain authority, 0–100 "
                   "(log scale, scale version {6})</div>",
                   xml_escape(p.target), css, version_string, g.num_pages(), g.num_domains(),
                   g.num_links(), web::authority_scale_version);
    const std::pair<std::string, std::string> cards[] = {
        {"authority", fmt::format("{:.1f}", p.authority)},
        {"rank", fmt::format("{} <span class=\"sub\">of {}</span>", thousands(p.rank), thousands(p.domains_in_graph))},
        {"referring domains", thousands(p.referring_domains)},
        {"backlinks", thousands(p.backlinks)},
        {"followable", pct(p.followable_share)},
        {"sitewide domains", fmt::format("{}", p.sitewide_domains)}};
    h += "<div class=\"cards\">";
    for (const auto& [k, v] : cards)
        fmt::format_to(out_it(h), "<div class=\"card\"><div class=\"k\">{}</div><div class=\"n\">{}</div></div>", k, v);
    h += "</div>";
}

void charts(std::string& h, const profile_result& p, const anchors_result& a) {
    h += "<div class=\"grid\"><section><h2>Referring domains by authority</h2>";
    std::vector<bar> bands;
    for (std::size_t b = 0; b < p.bands.size(); ++b)
        bands.push_back({fmt::format("{}–{}", 10 * b, 10 * b + 10), double(p.bands[b]),
                         thousands(p.bands[b])});
    vbars(h, bands, "#3a6ea5");
    h += "</section><section><h2>Anchor classes (share of links)</h2>";
    std::vector<bar> classes;
    for (const auto& c : a.classes)
        classes.push_back({anchor_class_name(c.cls), double(c.links),
                           fmt::format("{} · {}", thousands(c.links), pct(c.share)), class_color(c.cls)});
    hbars(h, classes, "#edae49");
    h += "</section><section><h2>Links by rel</h2>";
    hbars(h, {{"follow", double(p.follow), thousands(p.follow)},
              {"nofollow", double(p.nofollow), thousands(p.nofollow)},
              {"sponsored", double(p.sponsored), thousands(p.sponsored)},
              {"ugc", double(p.ugc), thousands(p.ugc)},
              {"disavowed", double(p.disavowed), thousands(p.disavowed)}},
          "#2e9d5b");
    h += "</section><section><h2>Links by position</h2>";
    std::vector<bar> pos;
    for (std::size_t i = 0; i < p.positions.size(); ++i)
        pos.push_back({web::position_name(static_cast<link_position>(i)), double(p.positions[i]),
                       thousands(p.positions[i])});
    hbars(h, pos, "#8e6cbf");
    h += "</section><section><h2>Referring domains by suffix</h2>";
    std::vector<bar> tlds;
    for (std::size_t i = 0; i < p.tlds.size() && i < 10; ++i)
        tlds.push_back({"." + p.tlds[i].first, double(p.tlds[i].second), thousands(p.tlds[i].second)});
    hbars(h, tlds, "#3a6ea5");
    h += "</section><section><h2>New and lost referring domains per month</h2>";
    if (p.months.empty())
        h += "<p class=\"note\">The input has no first/last seen dates.</p>";
    else {
        months_chart(h, p.months);
        fmt::format_to(out_it(h), "<p class=\"note\">Months with a change only. Lost: last seen before {}, the month of "
                       "the newest date in the input ({}).</p>",
                       xml_escape(p.latest_seen.substr(0, 7)), xml_escape(p.latest_seen));
    }
    h += "</section></div>";
}

void tables(std::string& h, const web::web_graph& g, const profile_result& p,
            const anchors_result& a, const report_options& o) {
    h += "<section><h2>Top referring domains</h2><table><tr><th class=\"l\">domain</th>"
         "<th class=\"l\">authority</th><th>rank</th><th>links</th><th>followable</th>"
         "<th>pages</th><th>sitewide</th><th>first seen</th><th>last seen</th></tr>";
    for (std::size_t i = 0; i < p.top_domains.size() && i < o.top_domains; ++i) {
        const auto& d = p.top_domains[i];
        fmt::format_to(out_it(h),
                       "<tr><td class=\"l\">{}</td><td class=\"l\"><span class=\"meter\" style=\"width:{:.0f}px\"></span>{:.1f}</td>"
                       "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                       xml_escape(g.domain_name(d.domain)), d.authority * 0.8, d.authority,
                       thousands(d.rank), thousands(d.links), thousands(d.followable_links),
                       thousands(d.linking_pages), d.sitewide ? "yes" : "",
                       xml_escape(d.first_seen.substr(0, 10)), xml_escape(d.last_seen.substr(0, 10)));
    }
    fmt::format_to(out_it(h), "</table><p class=\"note\">{} of {} referring domains, by authority, then links, then name.</p></section>",
                   std::min(o.top_domains, p.top_domains.size()), thousands(p.referring_domains));
    h += "<section><h2>Top anchors</h2><table><tr><th class=\"l\">anchor</th><th class=\"l\">class</th>"
         "<th>links</th><th>referring domains</th><th>share</th></tr>";
    for (std::size_t i = 0; i < a.rows.size() && i < o.top_anchors; ++i) {
        const auto& r = a.rows[i];
        fmt::format_to(out_it(h),
                       "<tr><td class=\"l\">{}</td><td class=\"l\"><span class=\"cls\" style=\"background:{}\">{}</span></td>"
                       "<td>{}</td><td>{}</td><td>{}</td></tr>",
                       r.anchor.empty() ? "<i>(empty)</i>" : xml_escape(cut(r.anchor, 80)),
                       class_color(r.cls), anchor_class_name(r.cls), thousands(r.links),
                       thousands(r.referring_domains),
                       pct(r.share));
    }
    fmt::format_to(out_it(h), "</table><p class=\"note\">{} of {} distinct anchors. Brand looked for: “{}”; keywords: {}.</p></section>",
                   std::min(o.top_anchors, a.rows.size()), thousands(a.rows.size()), xml_escape(a.brand),
                   o.keywords.empty() ? std::string("none given") : xml_escape(fmt::format("{}", fmt::join(o.keywords, ", "))));
}

}  // namespace

void report_options::validate() const {
    profile.validate();
    for (const auto& k : keywords)
        if (normalize_anchor(k).empty())
            throw std::invalid_argument("report: a keyword is empty (keywords must hold text)");
}

std::string render_report(const web::web_graph& g, const web::authority_result& auth,
                          std::string_view target, const report_options& options) {
    options.validate();
    profile_options po = options.profile;
    po.top = 0;
    const profile_result p = link_profile(g, auth.domains, target, po);
    anchors_options ao;
    ao.keywords = options.keywords;
    const anchors_result a = anchors(g, p.target, ao);
    std::string h;
    h.reserve(64 * 1024);
    header(h, g, p);
    charts(h, p, a);
    tables(h, g, p, a, options);
    h += "<section class=\"note\"><b>Definitions.</b> Backlinks are links from pages of other "
         "registrable domains. Followable: no nofollow, sponsored, ugc or disavowed bit. "
         "Authority bands: [0, 10), [10, 20), … [90, 100]. A referring domain is sitewide when it "
         "links from many of its pages (see docs/backlinks.md). Trust/spam scores, the explain "
         "table and link prospects are not part of this report yet: linkequity does not compute "
         "them in this version.</section></main></body></html>\n";
    return h;
}

}  // namespace linkequity::analysis
