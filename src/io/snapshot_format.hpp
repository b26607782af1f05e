// SPDX-License-Identifier: MIT
// The on-disk layout of a binary snapshot (io/snapshot.hpp), shared by the writer
// (snapshot_writer.cpp) and the reader (snapshot_reader.cpp): header and section-table records,
// the constants, and the graph sections a csr_graph is stored as. Internal header.
//
// File layout, version 1 (all integers in the writer's byte order; the endianness mark tells):
//   [0, 64)        file_header: magic "LNKEQTY\0", endian mark 0x01020304, version, header
//                  size, section count, file size, table offset, entry size, header checksum
//                  (over the header with that field zeroed, then the table)
//   [64, …)        section table: section_count × 80-byte section_entry (name[32], element
//                  type, element size, count, offset, bytes, checksum, reserved)
//   64-aligned     the sections' bytes in table order, zero padding between them
// Checksum: snapshot_checksum.cpp. Graph sections: meta (u64: n, m, lean), out_offsets u64
// (n+1), out_targets u32 (m), out_flags u8, out_weights f32, in_offsets, in_sources, in_flags,
// in_weights, lean_out_weight f64 (n); absent arrays are not stored. Extras: arrays, and string
// tables as a pair (string_offsets u64 k+1, string_chars u8) under one name.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

#include "linkequity/io/snapshot.hpp"

namespace linkequity::io::format {

inline constexpr char magic[8] = {'L', 'N', 'K', 'E', 'Q', 'T', 'Y', '\0'};
inline constexpr std::uint32_t endian_mark = 0x01020304u;
/// The endianness mark as read on a machine of the other byte order.
inline constexpr std::uint32_t swapped_endian_mark = 0x04030201u;
/// Every section starts at a multiple of this many bytes.
inline constexpr std::uint64_t alignment = 64;
inline constexpr std::uint32_t max_sections = 1u << 16;

struct file_header {
    char magic[8];
    std::uint32_t endian_mark;
    std::uint32_t version;
    std::uint32_t header_bytes;
    std::uint32_t section_count;
    std::uint64_t file_bytes;
    std::uint64_t table_offset;
    std::uint32_t entry_bytes;
    std::uint32_t reserved0;
    std::uint64_t reserved1;
    std::uint64_t checksum;
};
static_assert(sizeof(file_header) == 64, "file_header is 64 bytes");

struct section_entry {
    char name[32];
    std::uint32_t kind;
    std::uint32_t element;
    std::uint32_t element_size;
    std::uint32_t reserved0;
    std::uint64_t count;
    std::uint64_t offset;
    std::uint64_t bytes;
    std::uint64_t checksum;
};
static_assert(sizeof(section_entry) == 80, "section_entry is 80 bytes");

/// x rounded up to the next multiple of `alignment`.
inline std::uint64_t round_up(std::uint64_t x) {
    return (x + alignment - 1) / alignment * alignment;
}

/// Where the section table ends (header + `sections` entries).
inline std::uint64_t table_end(std::uint64_t sections) {
    return sizeof(file_header) + sections * sizeof(section_entry);
}

/// Bytes per element of type e (0 for an unknown value).
inline std::uint32_t element_size(snapshot_element e) {
    switch (e) {
        case snapshot_element::u8: return 1;
        case snapshot_element::u32: return 4;
        case snapshot_element::u64: return 8;
        case snapshot_element::f32: return 4;
        case snapshot_element::f64: return 8;
    }
    return 0;
}

inline bool known_element(std::uint32_t e) { return e >= 1 && e <= 5; }
inline bool known_kind(std::uint32_t k) { return k >= 1 && k <= 4; }

/// The NUL-terminated name stored in a table entry.
inline std::string entry_name(const section_entry& e) {
    return std::string(e.name, strnlen(e.name, sizeof e.name));
}

/// The graph sections of format version 1 and their element types.
struct graph_section {
    const char* name;
    snapshot_element element;
};
inline constexpr graph_section graph_sections[] = {
    {"meta", snapshot_element::u64},        {"out_offsets", snapshot_element::u64},
    {"out_targets", snapshot_element::u32}, {"out_flags", snapshot_element::u8},
    {"out_weights", snapshot_element::f32}, {"in_offsets", snapshot_element::u64},
    {"in_sources", snapshot_element::u32},  {"in_flags", snapshot_element::u8},
    {"in_weights", snapshot_element::f32},  {"lean_out_weight", snapshot_element::f64}};

}  // namespace linkequity::io::format
