// SPDX-License-Identifier: MIT
// write_csv_with_redirects (web/synthetic_redirects.hpp): the synthetic web's link stream with a
// share of targets rewritten to duplicate URLs (http://, ?utm_source=, http://…?ref=old) and the
// redirect / canonical record rows that send them back, plus a few redirect loops.
#include "linkequity/web/synthetic_redirects.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>

#include "linkequity/detail/hash_mix.hpp"
#include "linkequity/io/csv_writer.hpp"
#include "linkequity/web/web_graph.hpp"

namespace linkequity::web {
namespace {

/// The rel column: the nofollow / sponsored / ugc tokens of `f`, space-separated.
std::string rel_tokens(edge_flags f) {
    std::string s;
    for (auto [bit, name] : {std::pair{flags::nofollow, "nofollow"},
                             std::pair{flags::sponsored, "sponsored"}, std::pair{flags::ugc, "ugc"}})
        if (f & bit) s += s.empty() ? name : std::string(" ") + name;
    return s;
}

/// Appends one row: source,target,anchor,rel,position,type,status.
void append_row(std::string& text, std::string_view source, std::string_view target,
                std::string_view anchor, std::string_view rel, std::string_view position,
                const char* type, const char* status) {
    io::append_csv_field(text, source);
    text += ',';
    io::append_csv_field(text, target);
    text += ',';
    io::append_csv_field(text, anchor);
    text += fmt::format(",{},{},{},{}\n", rel, position, type, status);
}

/// `url` with "https://" replaced by "http://".
std::string as_http(std::string_view url) { return "http://" + std::string(url.substr(8)); }

std::string with_query(std::string_view url, std::string_view query) {
    return std::string(url) + (url.find('?') == std::string_view::npos ? "?" : "&") +
           std::string(query);
}

/// Rewrites rows and writes the records of the duplicate URLs they introduce.
class rewriter {
public:
    rewriter(const synthetic_redirect_options& o, std::uint64_t seed, synthetic_redirect_stats& st)
        : o_(o), seed_(seed), st_(st) {}

    void row(const io::raw_link& l, std::string& text) {
        if (l.kind == io::record_kind::redirect) {  // the generator's own (expired domains)
            const std::string status = io::redirect_status_name(l.status);
            append_row(text, l.source, l.target, "", "", "", "redirect", status.c_str());
            return;
        }
        const bool web = l.target.rfind("https://", 0) == 0;
        const std::uint64_t h = linkequity::detail::fmix64(l.line * 0x9E3779B97F4A7C15ull ^ seed_);
        const bool rewrite = web && double(h >> 11) * 0x1.0p-53 < o_.share;
        const std::string rel = rel_tokens(l.rel);
        const char* pos = l.position == link_position::unknown ? "" : position_name(l.position);
        if (!rewrite) {
            append_row(text, l.source, l.target, l.anchor, rel, pos, "link", "");
            return;
        }
        ++st_.rewritten;
        std::string dup;
        switch (h % 3) {
            case 0: dup = as_http(l.target); break;
            case 1: dup = with_query(l.target, "utm_source=feed"); break;
            default: dup = as_http(with_query(l.target, "ref=old")); break;
        }
        append_row(text, l.source, dup, l.anchor, rel, pos, "link", "");
        if (seen_.insert(dup).second) records(h % 3, l.target, dup, text);
        if ((st_.rewritten % o_.loop_every) == 0) loop(l, text);
    }

private:
    void records(std::uint64_t variant, const std::string& url, const std::string& dup,
                 std::string& text) {
        if (variant == 0) {
            append_row(text, dup, url, "", "", "", "redirect", "301");
            ++st_.redirects;
        } else if (variant == 1) {
            append_row(text, dup, url, "", "", "", "canonical", "");
            ++st_.canonicals;
        } else {
            const std::string https = with_query(url, "ref=old");
            append_row(text, dup, https, "", "", "", "redirect", "301");
            append_row(text, https, url, "", "", "", "canonical", "");
            ++st_.redirects;
            ++st_.canonicals;
        }
    }
    void loop(const io::raw_link& l, std::string& text) {
        const std::string_view t = l.target;
        const std::size_t slash = t.find('/', 8);
        const std::string root(t.substr(0, slash));
        const std::string a = fmt::format("{}/loop-{}-a", root, st_.loops),
                          b = fmt::format("{}/loop-{}-b", root, st_.loops);
        append_row(text, l.source, a, "", "", "", "link", "");
        append_row(text, a, b, "", "", "", "redirect", "302");
        append_row(text, b, a, "", "", "", "redirect", "302");
        st_.redirects += 2;
        ++st_.loops;
    }

    const synthetic_redirect_options& o_;
    std::uint64_t seed_;
    synthetic_redirect_stats& st_;
    std::unordered_set<std::string> seen_;
};

}  // namespace

void synthetic_redirect_options::validate() const {
    if (!(share >= 0 && share <= 1))
        throw std::invalid_argument(
            fmt::format("synthetic_redirects: share must be in [0, 1], got {}", share));
    if (loop_every < 1)
        throw std::invalid_argument("synthetic_redirects: loop_every must be >= 1, got 0");
}

synthetic_redirect_stats write_csv_with_redirects(
    const synthetic_web& w, const synthetic_redirect_options& o, std::ostream& out,
    const std::function<void(std::size_t)>& progress) {
    o.validate();
    out.exceptions(std::ios::badbit | std::ios::failbit);
    out << "source,target,anchor,rel,position,type,status\n";
    synthetic_redirect_stats st;
    rewriter rw(o, w.options().seed, st);
    std::string text;
    std::size_t done = 0;
    st.links = w.generate([&](span<const io::raw_link> rows) {
        text.clear();
        for (const io::raw_link& l : rows) rw.row(l, text);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        done += rows.size();
        if (progress) progress(done);
    });
    return st;
}

}  // namespace linkequity::web
