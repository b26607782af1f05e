// SPDX-License-Identifier: MIT
// string_table: many immutable strings in one character buffer plus offsets (8 bytes of overhead
// per string instead of a std::string's 32 + heap block). The web graph keeps its page URLs,
// host and domain names and anchor texts in these; lookups return string_views into it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace linkequity::web {

/// Append-only table of strings, addressed by their 0-based insertion index.
class string_table {
public:
    string_table() { offsets_.push_back(0); }

    /// Appends `s` and returns its index. Amortised O(|s|).
    std::uint32_t push_back(std::string_view s) {
        chars_.append(s.data(), s.size());
        offsets_.push_back(chars_.size());
        return static_cast<std::uint32_t>(offsets_.size() - 2);
    }
    /// The i-th string; valid until the next push_back. i < size() (unchecked).
    std::string_view operator[](std::size_t i) const noexcept {
        return {chars_.data() + offsets_[i], static_cast<std::size_t>(offsets_[i + 1] - offsets_[i])};
    }
    std::size_t size() const noexcept { return offsets_.size() - 1; }
    bool empty() const noexcept { return size() == 0; }
    void reserve(std::size_t strings, std::size_t chars) {
        offsets_.reserve(strings + 1);
        chars_.reserve(chars);
    }
    /// Bytes held (characters and offsets).
    std::size_t memory_bytes() const noexcept {
        return chars_.capacity() + offsets_.capacity() * sizeof(std::uint64_t);
    }

private:
    std::string chars_;
    std::vector<std::uint64_t> offsets_;
};

}  // namespace linkequity::web
