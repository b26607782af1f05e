// SPDX-License-Identifier: MIT
// Gzip sniffing: the one test, by magic bytes, of whether an input is gzip-compressed (the
// readers inflate such files whatever their name).
#pragma once

#include <string_view>

namespace linkequity::io {

/// The first two bytes of every gzip member (RFC 1952: ID1, ID2).
inline constexpr unsigned char gzip_id1 = 0x1f, gzip_id2 = 0x8b;

/// True when `head` (the first bytes of an input) starts with the gzip magic bytes. O(1).
constexpr bool is_gzip(std::string_view head) noexcept {
    return head.size() >= 2 && static_cast<unsigned char>(head[0]) == gzip_id1 &&
           static_cast<unsigned char>(head[1]) == gzip_id2;
}

}  // namespace linkequity::io
