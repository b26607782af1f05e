// SPDX-License-Identifier: MIT
// Reading link edits: an edits file is read twice with io::read_links in the generic format —
// once for the links (source, target, anchor, rel, position, dates), once with the `action`
// column standing in for the anchor — and the two are joined by line number.
#include <fmt/format.h>

#include <cctype>
#include <string>
#include <unordered_map>

#include "linkequity/error.hpp"
#include "linkequity/web/link_edits.hpp"

namespace linkequity::web {
namespace {

std::string lower_trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::vector<link_edit> read_link_edits(const std::string& path, const io::read_options& options,
                                       link_edit_report* report) {
    io::read_options ro = options;
    ro.format = io::link_format::generic;
    std::vector<link_edit> rows;
    const io::read_report links = io::read_links(path, ro, [&](const io::raw_link& l) {
        rows.push_back({edit_action::add, l, path});
    });
    std::unordered_map<std::size_t, std::string> action;  // line → action text
    ro.anchor_column = "action";
    try {
        io::read_links(path, ro, [&](const io::raw_link& l) { action[l.line] = l.anchor; });
    } catch (const parse_error& e) {
        if (e.line() > 1) throw;  // a row error: the first pass would have thrown it too
        throw parse_error(path, e.line(), 0,
                          "an edits file needs an 'action' column (add or remove) beside the "
                          "link columns; " + e.reason());
    }
    link_edit_report r;
    r.bad_rows = links.skipped;
    for (const auto& ex : links.examples)
        if (r.examples.size() < 10) r.examples.push_back(ex);
    std::vector<link_edit> out;
    out.reserve(rows.size());
    for (link_edit& e : rows) {
        const auto it = action.find(e.link.line);
        const std::string a = it == action.end() ? std::string() : lower_trimmed(it->second);
        if (a == "add" || a == "remove") {
            e.action = a == "add" ? edit_action::add : edit_action::remove;
            out.push_back(std::move(e));
            continue;
        }
        const std::string why = fmt::format(
            "action must be 'add' or 'remove', got '{}'", it == action.end() ? "" : it->second);
        if (!options.skip_bad) throw parse_error(path, e.link.line, 0, why);
        ++r.bad_rows;
        if (r.examples.size() < 10) r.examples.push_back(fmt::format("{}:{}: {}", path, e.link.line, why));
    }
    r.rows = links.rows;
    if (report) *report = std::move(r);
    return out;
}

std::vector<link_edit> read_links_as_edits(const std::string& path, edit_action action,
                                           const io::read_options& options) {
    std::vector<link_edit> out;
    io::read_links(path, options, [&](const io::raw_link& l) { out.push_back({action, l, path}); });
    return out;
}

}  // namespace linkequity::web
