// SPDX-License-Identifier: MIT
// fuzz_url_fast_path: normalize_url's fast path (src/web/url_fast.hpp) against the full
// normaliser on arbitrary bytes. Byte 0's low bit picks a base URL or none; the rest is the URL.
// Traps when the fast path accepts a URL the full path would change, when normalize_url_view
// (views of the input or of a reused result) differs from the full path, or when the full path
// changes a URL it made (normalising must be idempotent).
// Run:  ./fuzz_url_fast_path -max_total_time=120 -max_len=256 -dict=url.dict corpus_url/
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../src/web/url_fast.hpp"

namespace le = linkequity::web;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view base = (data[0] & 1) ? "https://example.com/dir/page?q" : "";
    const std::string_view raw(reinterpret_cast<const char*>(data) + 1, size - 1);
    const le::normalized_url full = le::detail::normalize_url_full(raw, base);
    le::normalized_url kept;
    kept.url = "https://stale.example/a/long/path/left/by/an/earlier/row";
    kept.host = "stale.example";
    kept.error = "stale";
    const le::detail::normalized_url_view view = le::detail::normalize_url_view(raw, base, kept);
    if (view.kind != full.kind || view.url != full.url || view.host != full.host ||
        view.error != full.error)
        __builtin_trap();
    if (full.ok()) {  // normalising is idempotent: a normal URL is its own normal form
        const le::normalized_url again = le::detail::normalize_url_full(full.url, "");
        if (!again.ok() || again.url != full.url || again.host != full.host) __builtin_trap();
    }
    std::string_view host;
    if (le::detail::already_normal(raw, host) &&
        !(full.ok() && full.url == raw && full.host == host))
        __builtin_trap();
    return 0;
}
