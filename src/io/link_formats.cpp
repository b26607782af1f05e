// SPDX-License-Identifier: MIT
// The column names of each link export format (generic, Screaming Frog "All Inlinks", Ahrefs,
// Majestic), header recognition and column mapping, and the small value parsers.
#include "link_formats.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "linkequity/error.hpp"

namespace linkequity::io::detail {
namespace {

inline char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

struct role_spec {
    const char* role;                      // "source", used in messages
    int column_map::*member;
    std::vector<const char*> names;        // display names, first = preferred
    bool required;
};

const std::vector<role_spec>& roles_of(link_format f) {
    static const std::vector<role_spec> generic = {
        {"source", &column_map::source,
         {"source", "from", "src", "source url", "from url", "source page", "referring url",
          "referring page url"},
         true},
        {"target", &column_map::target,
         {"target", "to", "dst", "destination", "target url", "to url", "destination url", "href",
          "link url"},
         true},
        {"anchor", &column_map::anchor, {"anchor", "anchor text", "link text", "text"}, false},
        {"rel", &column_map::rel, {"rel", "rel attribute", "link rel"}, false},
        {"position", &column_map::position, {"position", "link position"}, false},
        {"first seen", &column_map::first_seen, {"first seen"}, false},
        {"last seen", &column_map::last_seen, {"last seen"}, false},
        {"type", &column_map::record_type, {"type"}, false},
        {"status", &column_map::status, {"status", "status code"}, false},
    };
    static const std::vector<role_spec> screaming_frog = {
        {"source", &column_map::source, {"Source"}, true},
        {"target", &column_map::target, {"Destination"}, true},
        {"type", &column_map::type, {"Type"}, false},
        {"anchor", &column_map::anchor, {"Anchor"}, false},
        {"follow", &column_map::follow, {"Follow"}, false},
        {"rel", &column_map::rel, {"Rel"}, false},
        {"position", &column_map::position, {"Link Position"}, false},
    };
    static const std::vector<role_spec> ahrefs = {
        {"source", &column_map::source, {"Referring page URL"}, true},
        {"target", &column_map::target, {"Target URL", "Link URL"}, true},
        {"anchor", &column_map::anchor, {"Anchor", "Link Anchor", "Anchor text"}, false},
        {"nofollow", &column_map::nofollow, {"Nofollow"}, false},
        {"ugc", &column_map::ugc, {"UGC"}, false},
        {"sponsored", &column_map::sponsored, {"Sponsored"}, false},
        {"link type", &column_map::link_type, {"Link type"}, false},
        {"first seen", &column_map::first_seen, {"First seen"}, false},
        {"last seen", &column_map::last_seen, {"Last seen", "Last check"}, false},
    };
    static const std::vector<role_spec> majestic = {
        {"source", &column_map::source, {"Source URL"}, true},
        {"target", &column_map::target, {"Target URL"}, true},
        {"anchor", &column_map::anchor, {"Anchor Text"}, false},
        {"nofollow", &column_map::nofollow, {"Flag No Follow"}, false},
        {"first seen", &column_map::first_seen, {"FirstIndexedDate", "Source First Found Date"},
         false},
        {"last seen", &column_map::last_seen, {"LastSeenDate", "Source Crawl Date"}, false},
    };
    switch (f) {
        case link_format::screaming_frog: return screaming_frog;
        case link_format::ahrefs: return ahrefs;
        case link_format::majestic: return majestic;
        default: return generic;
    }
}

int find_column(const std::vector<std::string>& normalized, const std::string& name) {
    auto it = std::find(normalized.begin(), normalized.end(), name);
    return it == normalized.end() ? -1 : static_cast<int>(it - normalized.begin());
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) {
        if (!s.empty()) s += ", ";
        s += "'" + n + "'";
    }
    return s.empty() ? "none" : s;
}

}  // namespace

std::string normalize_header_name(std::string_view name) {
    if (name.size() >= 3 && std::memcmp(name.data(), "\xEF\xBB\xBF", 3) == 0) name.remove_prefix(3);
    std::string s;
    s.reserve(name.size());
    for (char c : name) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '_' || c == '-' || c == '.') {
            continue;
        }
        s.push_back(lower(c));
    }
    return s;
}

link_format detect_csv_format(const std::vector<std::string>& header) {
    std::vector<std::string> n;
    n.reserve(header.size());
    for (const auto& h : header) n.push_back(normalize_header_name(h));
    auto has = [&](const char* name) { return find_column(n, name) >= 0; };
    if (has("referringpageurl")) return link_format::ahrefs;
    if (has("flagnofollow") || has("sourcetrustflow") || has("sourcecitationflow") ||
        has("firstindexeddate")) {
        return link_format::majestic;
    }
    if (has("source") && has("destination") &&
        (has("type") || has("follow") || has("linkposition") || has("statuscode"))) {
        return link_format::screaming_frog;
    }
    return link_format::generic;
}

column_map map_columns(link_format format, const std::vector<std::string>& header,
                       const read_options& options, const std::string& path, std::size_t line) {
    std::vector<std::string> n;
    n.reserve(header.size());
    for (const auto& h : header) n.push_back(normalize_header_name(h));

    column_map map;
    map.format = format;
    std::vector<std::string> missing;
    for (const role_spec& r : roles_of(format)) {
        int col = -1;
        for (const char* name : r.names) {
            col = find_column(n, normalize_header_name(name));
            if (col >= 0) break;
        }
        map.*(r.member) = col;
        if (col < 0 && r.required) {
            std::vector<std::string> names(r.names.begin(), r.names.end());
            missing.push_back(fmt::format("no {} column (expected {})", r.role,
                                          names.size() == 1 ? quoted_list(names)
                                                            : "one of " + quoted_list(names)));
        }
    }

    // Explicit overrides, by header name.
    struct override_spec { const std::string* name; int column_map::*member; const char* option; };
    const override_spec overrides[] = {
        {&options.source_column, &column_map::source, "source_column"},
        {&options.target_column, &column_map::target, "target_column"},
        {&options.anchor_column, &column_map::anchor, "anchor_column"},
        {&options.rel_column, &column_map::rel, "rel_column"},
        {&options.position_column, &column_map::position, "position_column"},
    };
    for (const auto& o : overrides) {
        if (o.name->empty()) continue;
        int col = find_column(n, normalize_header_name(*o.name));
        if (col < 0) {
            throw parse_error(path, line, 0,
                              fmt::format("read_options::{} '{}' is not in the header; found "
                                          "columns: {}",
                                          o.option, *o.name, quoted_list(header)));
        }
        map.*(o.member) = col;
        if (o.member == &column_map::source) missing.erase(
            std::remove_if(missing.begin(), missing.end(),
                           [](const std::string& m) { return m.rfind("no source", 0) == 0; }),
            missing.end());
        if (o.member == &column_map::target) missing.erase(
            std::remove_if(missing.begin(), missing.end(),
                           [](const std::string& m) { return m.rfind("no target", 0) == 0; }),
            missing.end());
    }

    if (!missing.empty()) {
        std::string what;
        for (const auto& m : missing) what += (what.empty() ? "" : "; ") + m;
        std::string hint;
        for (const auto& h : header) {
            if (h.find("://") != std::string::npos) {
                hint = "; the first line looks like data: the file needs a header row naming its "
                       "columns (e.g. source,target)";
                break;
            }
        }
        throw parse_error(path, line, 0,
                          fmt::format("header lacks the columns of the {} format: {}; found "
                                      "columns: {}{}",
                                      format_name(format), what, quoted_list(header), hint));
    }

    for (int c : {map.source, map.target, map.anchor, map.rel, map.position, map.first_seen,
                  map.last_seen, map.type, map.follow, map.nofollow, map.ugc, map.sponsored,
                  map.link_type}) {
        if (c >= 0) map.min_fields = std::max(map.min_fields, static_cast<std::size_t>(c) + 1);
    }
    return map;
}

tribool parse_bool(std::string_view text, bool plus_minus) noexcept {
    text = trim(text);
    if (text.empty()) return tribool::no;
    for (const char* t : {"true", "1", "yes", "y"}) {
        if (iequals(text, t)) return tribool::yes;
    }
    for (const char* t : {"false", "0", "no", "n"}) {
        if (iequals(text, t)) return tribool::no;
    }
    if (plus_minus && text == "+") return tribool::yes;
    if (plus_minus && text == "-") return tribool::no;
    return tribool::invalid;
}

std::string_view trim(std::string_view s) noexcept {
    auto ws = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    };
    while (!s.empty() && ws(s.front())) s.remove_prefix(1);
    while (!s.empty() && ws(s.back())) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

namespace {
/// Length of the well-formed UTF-8 sequence at s[i] (i < n), or 0 when ill-formed.
inline std::size_t utf8_seq(const unsigned char* s, std::size_t i, std::size_t n) noexcept {
    unsigned char c = s[i];
    if (c < 0x80) return 1;
    auto cont = [&](std::size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        if (c == 0xE0 && s[i + 1] < 0xA0) return 0;   // overlong
        if (c == 0xED && s[i + 1] >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        if (c == 0xF0 && s[i + 1] < 0x90) return 0;   // overlong
        if (c == 0xF4 && s[i + 1] >= 0x90) return 0;  // > U+10FFFF
        return 4;
    }
    return 0;
}
}  // namespace

bool valid_utf8(std::string_view sv) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(sv.data());
    const std::size_t n = sv.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII fast path, eight bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        std::size_t k = utf8_seq(s, i, n);
        if (k == 0) return false;
        i += k;
    }
    return true;
}

void assign_repaired_utf8(std::string& out, std::string_view sv) {
    if (valid_utf8(sv)) {
        out.assign(sv.data(), sv.size());
        return;
    }
    out.clear();
    const auto* s = reinterpret_cast<const unsigned char*>(sv.data());
    const std::size_t n = sv.size();
    std::size_t i = 0;
    while (i < n) {
        std::size_t k = utf8_seq(s, i, n);
        if (k == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
        } else {
            out.append(sv.data() + i, k);
            i += k;
        }
    }
}

char header_delimiter(std::string_view head, bool& sep_line) noexcept {
    sep_line = false;
    if (head.size() >= 5 && head[4] != '\0' && iequals(head.substr(0, 4), "sep=") &&
        (head.size() == 5 || head[5] == '\r' || head[5] == '\n')) {
        sep_line = true;
        return head[4];
    }
    std::size_t tabs = 0, commas = 0, semis = 0;
    bool quoted = false;
    for (char c : head) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        tabs += c == '\t';
        commas += c == ',';
        semis += c == ';';
    }
    if (tabs >= commas && tabs >= semis && tabs > 0) return '\t';
    return semis > commas ? ';' : ',';
}

}  // namespace linkequity::io::detail

namespace linkequity::io {

using detail::iequals;
using detail::trim;

edge_flags parse_rel(std::string_view text) noexcept {
    auto sep = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ';' || c == '|';
    };
    edge_flags f = flags::none;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && sep(text[i])) ++i;
        std::size_t b = i;
        while (i < text.size() && !sep(text[i])) ++i;
        std::string_view tok = text.substr(b, i - b);
        if (tok.empty()) continue;
        switch (detail::lower(tok[0])) {  // one comparison a token
            case 'n': f |= iequals(tok, "nofollow") ? flags::nofollow : flags::none; break;
            case 's': f |= iequals(tok, "sponsored") ? flags::sponsored : flags::none; break;
            case 'u': f |= iequals(tok, "ugc") ? flags::ugc : flags::none; break;
            default: break;
        }
    }
    return f;
}

link_position parse_position(std::string_view text) noexcept {
    text = trim(text);
    if (text.empty()) return link_position::unknown;
    // The first letter picks the candidates: one cell costs one or two comparisons.
    switch (detail::lower(text[0])) {
        case 'c': return iequals(text, "content") ? link_position::content : link_position::unknown;
        case 'n':
            return iequals(text, "navigation") || iequals(text, "nav") ? link_position::navigation
                                                                       : link_position::unknown;
        case 'h': return iequals(text, "header") ? link_position::header : link_position::unknown;
        case 'f': return iequals(text, "footer") ? link_position::footer : link_position::unknown;
        case 's':
            return iequals(text, "sidebar") ? link_position::sidebar : link_position::unknown;
        case 'a': return iequals(text, "aside") ? link_position::sidebar : link_position::unknown;
        default: return link_position::unknown;
    }
}

}  // namespace linkequity::io

namespace linkequity::io {

bool parse_redirect_status(std::string_view text, std::uint16_t& status) noexcept {
    text = detail::trim(text);
    status = redirect_status::unknown;
    if (text.empty()) return true;
    for (const char* code : {"301", "302", "303", "307", "308"}) {
        if (text == code) {
            status = static_cast<std::uint16_t>((code[0] - '0') * 100 + (code[2] - '0'));
            return true;
        }
    }
    for (const char* t : {"meta-refresh", "meta refresh", "meta refresh redirect", "meta_refresh"}) {
        if (detail::iequals(text, t)) {
            status = redirect_status::meta_refresh;
            return true;
        }
    }
    for (const char* t : {"javascript", "js", "javascript redirect"}) {
        if (detail::iequals(text, t)) {
            status = redirect_status::javascript;
            return true;
        }
    }
    return detail::iequals(text, "http redirect") || detail::iequals(text, "hsts policy");
}

std::string redirect_status_name(std::uint16_t status) {
    if (status == redirect_status::meta_refresh) return "meta-refresh";
    if (status == redirect_status::javascript) return "javascript";
    return status == redirect_status::unknown ? std::string() : std::to_string(status);
}

}  // namespace linkequity::io
