// SPDX-License-Identifier: MIT
// libFuzzer target: the one-entry-per-line files of the web model on arbitrary bytes — disavow
// files (disavow_list::parse), seed files for TrustRank and spam mass (seed_list::parse) and
// topics files (topic_labels::parse). Byte 0 picks the parser (bits 0-1); the rest is the file.
// Each parser runs strict and lenient. Traps when:
//  - anything but linkequity::parse_error comes out, or lenient mode throws for a line;
//  - a file read cleanly in strict mode reads differently in lenient mode;
//  - a disavow report's counts do not add up to its lines, or a listed entry does not match
//    itself;
//  - the entries, written back as a file of the same kind, do not read back as the same entries
//    (normalising is idempotent: what a file lists is in the form it would list it).
// Run (one command):  ./fuzz_web_lines -max_total_time=120 -max_len=2048 corpus_web_lines/
//                       ../tests/data/disavow ../tests/data/trust
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "linkequity/error.hpp"
#include "linkequity/web/disavow.hpp"
#include "linkequity/web/seeds.hpp"
#include "linkequity/web/topics.hpp"

namespace le = linkequity;
namespace web = linkequity::web;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

/// parse(text, name, skip_bad), or nothing when it threw parse_error (any other exception
/// escapes to libFuzzer, which reports it).
template <class Parse>
auto attempt(Parse&& parse) -> std::optional<decltype(parse())> {
    try {
        return parse();
    } catch (const le::parse_error&) {
        return std::nullopt;
    }
}

void disavow(std::string_view text) {
    const auto strict = attempt([&] { return web::disavow_list::parse(text, "f.txt", false); });
    const auto lenient = attempt([&] { return web::disavow_list::parse(text, "f.txt", true); });
    // Lenient mode throws only for the file-level limits, which strict mode hits as well.
    if (!lenient) {
        check(!strict);
        return;
    }
    const web::disavow_report& r = lenient->report();
    check(r.domain_lines + r.url_lines + r.comment_lines + r.blank_lines + r.skipped.size() ==
          r.lines);
    for (const std::string& d : lenient->domains()) check(lenient->matches_host(d));
    for (const std::string& u : lenient->urls()) check(lenient->matches_url(u));
    if (strict) {
        check(r.skipped.empty());
        check(strict->domains() == lenient->domains() && strict->urls() == lenient->urls());
    }
    std::string again;
    for (const std::string& d : lenient->domains()) again += "domain:" + d + "\n";
    for (const std::string& u : lenient->urls()) again += u + "\n";
    const web::disavow_list back = web::disavow_list::parse(again, "again.txt", false);
    check(back.domains() == lenient->domains() && back.urls() == lenient->urls());
}

bool same_entries(const web::seed_list& a, const web::seed_list& b) {
    if (a.entries().size() != b.entries().size()) return false;
    for (std::size_t i = 0; i < a.entries().size(); ++i)
        if (a.entries()[i].kind != b.entries()[i].kind ||
            a.entries()[i].value != b.entries()[i].value)
            return false;
    return true;
}

void seeds(std::string_view text) {
    const auto strict = attempt([&] { return web::seed_list::parse(text, "s.txt", false); });
    const web::seed_list lenient = web::seed_list::parse(text, "s.txt", true);
    check(lenient.entries().size() + lenient.skipped().size() <= lenient.lines());
    if (strict) check(lenient.skipped().empty() && same_entries(*strict, lenient));
    std::string again;
    for (const web::seed_entry& e : lenient.entries())
        again += (e.kind == web::seed_kind::domain ? "domain:" : "") + e.value + "\n";
    check(same_entries(web::seed_list::parse(again, "again.txt", false), lenient));
}

/// A CSV field in quotes, inner quotes doubled (RFC 4180).
std::string quoted(const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

void topics(std::string_view text) {
    const auto strict = attempt([&] { return web::topic_labels::parse(text, "t.csv", false); });
    // Lenient mode still throws for a file without a header or without a good row.
    const auto lenient = attempt([&] { return web::topic_labels::parse(text, "t.csv", true); });
    if (!lenient) {
        check(!strict);
        return;
    }
    const web::topic_labels& l = *lenient;
    for (std::size_t i = 1; i < l.topics.size(); ++i) check(l.topics[i - 1] < l.topics[i]);
    for (const auto& [domain, t] : l.domains) check(!domain.empty() && t < l.topics.size());
    if (strict)
        check(l.skipped.empty() && strict->topics == l.topics && strict->domains == l.domains);
    std::string again = "domain,topic\n";
    for (const auto& [domain, t] : l.domains)
        again += quoted(domain) + "," + quoted(l.topics[t]) + "\n";
    const web::topic_labels back = web::topic_labels::parse(again, "again.csv", false);
    check(back.topics == l.topics && back.domains == l.domains);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] & 3) {
        case 0: disavow(text); break;
        case 1: seeds(text); break;
        default: topics(text); break;
    }
    return 0;
}
