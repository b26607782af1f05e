// SPDX-License-Identifier: MIT
// Internal: string_interner, the web graph builder's string → dense id map (pages, hosts,
// anchors, dates, record URLs). Strings live back to back in one buffer, each behind a header
// of its id and length; the index is an open-addressing table of (hash tag, record offset)
// words, so a look-up touches one table cache line and, on a tag match, the record itself —
// no node per string as in std::unordered_map, and no id → offset table on the way.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "linkequity/config.hpp"
#include "linkequity/detail/hash_mix.hpp"

namespace linkequity::web::detail {

/// Interns strings to dense ids 0, 1, 2 … in first-seen order.
/// intern(): expected O(|s|) (linear probing at load factor ≤ 1/2); operator[] is O(1).
/// Views returned by operator[] stay valid until the next intern() that inserts.
class string_interner {
public:
    /// Returns (id, inserted). @throws std::length_error past max_nodes strings (32-bit ids)
    /// or past 2^40 bytes of strings.
    std::pair<std::uint32_t, bool> intern(std::string_view s) { return intern(s, hash(s)); }
    /// The same, with h = hash(s) computed beforehand (by another thread, say).
    std::pair<std::uint32_t, bool> intern(std::string_view s, std::uint64_t h) {
        if (slots_.empty()) rehash(1024);
        const std::uint64_t tag = h & tag_mask;
        std::size_t i = h & mask_;
        for (;; i = (i + 1) & mask_) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) break;
            if ((slot & tag_mask) == tag && equals(record_of(slot), s)) {
                return {header(record_of(slot), 0), false};
            }
        }
        if (size() >= max_nodes)
            throw std::length_error(fmt::format(
                "web_graph_builder: more than {} distinct strings; ids are 32-bit", max_nodes));
        if (chars_.size() + header_bytes + s.size() >= ~tag_mask)
            throw std::length_error("web_graph_builder: more than 2^40 bytes of distinct strings");
        const auto id = static_cast<std::uint32_t>(size());
        const std::size_t at = chars_.size();
        const std::uint32_t head[2] = {id, static_cast<std::uint32_t>(s.size())};
        chars_.append(reinterpret_cast<const char*>(head), header_bytes);
        chars_.append(s.data(), s.size());
        offsets_.push_back(at);
        slots_[i] = tag | (at + 1);
        if (2 * size() > slots_.size()) rehash(2 * slots_.size());
        return {id, true};
    }
    std::size_t size() const noexcept { return offsets_.size(); }
    /// The string of id i (i < size(), unchecked).
    std::string_view operator[](std::size_t i) const noexcept {
        const std::size_t at = offsets_[i];
        return std::string_view(chars_.data() + at + header_bytes, header(at, 1));
    }
    /// The id of `s`, or `missing`.
    std::uint32_t find(std::string_view s, std::uint32_t missing) const {
        return find(s, hash(s), missing);
    }
    /// The same, with h = hash(s) computed beforehand. Reads only: calls may run on several
    /// threads at once, as long as no intern() runs meanwhile.
    std::uint32_t find(std::string_view s, std::uint64_t h, std::uint32_t missing) const {
        if (slots_.empty()) return missing;
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) return missing;
            if ((slot & tag_mask) == (h & tag_mask) && equals(record_of(slot), s))
                return header(record_of(slot), 0);
        }
    }
    /// Frees everything.
    void clear() { *this = string_interner(); }

    /// The hash intern() and find() use. Pure: safe to compute on any thread.
    static std::uint64_t hash(std::string_view s) noexcept {
        return linkequity::detail::string_hash(s);  // well spread: tag bits and index alike
    }
    /// Cache hints for a coming intern(s, h), to be given some rows ahead, in two steps: the
    /// table slot first (prefetch_slot), then, once that slot is likely cached, the record its
    /// tag points at (prefetch_string). Hints only: results never depend on them. O(1).
    void prefetch_slot(std::uint64_t h) const noexcept {
#if defined(__GNUC__)
        if (!slots_.empty()) __builtin_prefetch(slots_.data() + (h & mask_));
#else
        (void)h;
#endif
    }
    void prefetch_string(std::uint64_t h) const noexcept {
#if defined(__GNUC__)
        if (slots_.empty()) return;
        const std::uint64_t slot = slots_[h & mask_];
        if (slot != 0 && (slot & tag_mask) == (h & tag_mask))
            __builtin_prefetch(chars_.data() + record_of(slot));
#else
        (void)h;
#endif
    }

private:
    // A slot: 0 = empty, else the hash's top 24 bits (tag_mask) | (record offset + 1). A record:
    // the id and the length (two 32-bit words, header_bytes), then the string's bytes.
    static constexpr std::uint64_t tag_mask = ~((std::uint64_t{1} << 40) - 1);
    static constexpr std::size_t header_bytes = 2 * sizeof(std::uint32_t);

    static std::size_t record_of(std::uint64_t slot) noexcept {
        return static_cast<std::size_t>(slot & ~tag_mask) - 1;
    }
    /// Word k of the header of the record at `at`: 0 the id, 1 the length.
    std::uint32_t header(std::size_t at, int k) const noexcept {
        std::uint32_t w;
        std::memcpy(&w, chars_.data() + at + k * sizeof(std::uint32_t), sizeof w);
        return w;
    }
    bool equals(std::size_t at, std::string_view s) const noexcept {
        return header(at, 1) == s.size() &&
               (s.empty() ||
                std::memcmp(chars_.data() + at + header_bytes, s.data(), s.size()) == 0);
    }
    /// Rebuilds the table with `n` slots (a power of two) from the stored records.
    void rehash(std::size_t n) {
        slots_.assign(n, 0);
        mask_ = n - 1;
        for (std::uint32_t id = 0; id < size(); ++id) {
            const std::uint64_t h = hash((*this)[id]);
            std::size_t i = h & mask_;
            while (slots_[i] != 0) i = (i + 1) & mask_;
            slots_[i] = (h & tag_mask) | (offsets_[id] + 1);
        }
    }

    std::string chars_;                 // the records, back to back
    std::vector<std::size_t> offsets_;  // id → its record's offset
    std::vector<std::uint64_t> slots_;
    std::size_t mask_ = 0;
};

}  // namespace linkequity::web::detail
