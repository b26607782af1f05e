// SPDX-License-Identifier: MIT
// string_table: many immutable strings in one character buffer plus offsets (8 bytes of overhead
// per string instead of a std::string's 32 + heap block). The web graph keeps its page URLs,
// host and domain names and anchor texts in these; lookups return string_views into it. A table
// either owns its storage (append with push_back) or views storage kept alive by an owner, such
// as a memory-mapped snapshot (string_table::view: read-only, zero-copy).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linkequity/span.hpp"

namespace linkequity::web {

/// Append-only table of strings, addressed by their 0-based insertion index.
class string_table {
public:
    string_table() { offsets_.push_back(0); }

    /// A read-only table of offsets.size() − 1 strings viewing `offsets` and `chars`, which
    /// `owner` keeps alive (the table holds a copy of it). Unchecked contract, as
    /// io::snapshot_extras::add_strings states it: offsets has k+1 entries, starts at 0, never
    /// decreases and ends at chars.size() (io::load_snapshot checks this). O(1), no copy.
    static string_table view(span<const std::uint64_t> offsets, std::string_view chars,
                             std::shared_ptr<const void> owner) {
        string_table t;
        t.view_offsets_ = offsets;
        t.view_chars_ = chars;
        t.keep_alive_ = std::move(owner);
        t.viewing_ = true;
        return t;
    }

    /// The table of strings at(0), …, at(count − 1) (each a std::string_view, valid during the
    /// call; at must be safe to call from several threads). Built in parallel: the lengths, their
    /// prefix sums, then the copies. O(count + total length); the same table on any thread count.
    template <class At>
    static string_table gather(std::size_t count, At&& at) {
        string_table t;
        t.offsets_.assign(count + 1, 0);
        const auto n = static_cast<std::ptrdiff_t>(count);
#pragma omp parallel for schedule(static) if (count > 4096)
        for (std::ptrdiff_t i = 0; i < n; ++i)
            t.offsets_[static_cast<std::size_t>(i) + 1] = at(static_cast<std::size_t>(i)).size();
        for (std::size_t i = 0; i < count; ++i) t.offsets_[i + 1] += t.offsets_[i];
        t.chars_.resize(t.offsets_[count]);
#pragma omp parallel for schedule(static) if (count > 4096)
        for (std::ptrdiff_t i = 0; i < n; ++i) {
            const auto k = static_cast<std::size_t>(i);
            const std::string_view s = at(k);
            if (!s.empty()) std::memcpy(&t.chars_[t.offsets_[k]], s.data(), s.size());
        }
        return t;
    }

    /// Appends `s` and returns its index. Amortised O(|s|).
    /// @throws std::logic_error on a table made by view() (it is read-only).
    std::uint32_t push_back(std::string_view s) {
        if (viewing_)
            throw std::logic_error("string_table::push_back: the table is a read-only view");
        chars_.append(s.data(), s.size());
        offsets_.push_back(chars_.size());
        return static_cast<std::uint32_t>(offsets_.size() - 2);
    }
    /// The i-th string; valid until the next push_back. i < size() (unchecked).
    std::string_view operator[](std::size_t i) const noexcept {
        const std::uint64_t* o = viewing_ ? view_offsets_.data() : offsets_.data();
        const char* c = viewing_ ? view_chars_.data() : chars_.data();
        return {c + o[i], static_cast<std::size_t>(o[i + 1] - o[i])};
    }
    std::size_t size() const noexcept { return offsets().size() - 1; }
    bool empty() const noexcept { return size() == 0; }
    void reserve(std::size_t strings, std::size_t chars) {
        offsets_.reserve(strings + 1);
        chars_.reserve(chars);
    }
    /// The storage: size() + 1 offsets into chars(), string i is chars[offsets[i], offsets[i+1]).
    span<const std::uint64_t> offsets() const noexcept {
        return viewing_ ? view_offsets_ : span<const std::uint64_t>(offsets_);
    }
    std::string_view chars() const noexcept {
        return viewing_ ? view_chars_ : std::string_view(chars_);
    }
    /// True for a table made by view().
    bool is_view() const noexcept { return viewing_; }
    /// Bytes held or viewed (characters and offsets).
    std::size_t memory_bytes() const noexcept {
        if (viewing_) return view_chars_.size() + view_offsets_.size() * sizeof(std::uint64_t);
        return chars_.capacity() + offsets_.capacity() * sizeof(std::uint64_t);
    }

private:
    std::string chars_;
    std::vector<std::uint64_t> offsets_;
    span<const std::uint64_t> view_offsets_;  // view mode
    std::string_view view_chars_;
    std::shared_ptr<const void> keep_alive_;
    bool viewing_ = false;
};

}  // namespace linkequity::web
