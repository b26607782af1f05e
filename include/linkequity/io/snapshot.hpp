// SPDX-License-Identifier: MIT
// Binary snapshots of a built csr_graph: a versioned, section-based, checksummed file that
// load_snapshot maps read-only (mmap, MAP_SHARED) and hands back as a csr_graph whose arrays
// view the mapping — no parsing, no copying; processes opening the same file share one copy in
// the page cache. Named extra sections (arrays, string tables) carry data of higher layers
// (page/host/domain maps, URL tables) without changing the format. Layout: src/io/snapshot_format.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "linkequity/graph/csr_graph.hpp"
#include "linkequity/options.hpp"
#include "linkequity/span.hpp"

namespace linkequity::io {

/// The snapshot format version this build writes and reads.
inline constexpr std::uint32_t snapshot_format_version = 1;

/// Longest section name (bytes; the table stores 32 bytes, NUL-terminated).
inline constexpr std::size_t snapshot_max_name = 31;

/// Element type of a stored section.
enum class snapshot_element : std::uint32_t { u8 = 1, u32 = 2, u64 = 3, f32 = 4, f64 = 5 };

/// Role of a stored section: part of the graph, a user array, or one half of a string table.
enum class snapshot_section_kind : std::uint32_t {
    graph = 1,          ///< csr_graph array (names: meta, out_offsets, in_sources, …)
    array = 2,          ///< snapshot_extras::add_array
    string_offsets = 3, ///< snapshot_extras::add_strings: k+1 uint64 offsets into the chars
    string_chars = 4,   ///< snapshot_extras::add_strings: the characters (u8)
};

/// Named extra sections to store beside the graph. The add_* functions taking spans store a
/// *view*: the data must stay alive and unchanged until save_snapshot returns (no copy is made,
/// so multi-GB tables cost nothing extra). Names are 1–31 bytes and unique per kind of data.
class snapshot_extras {
public:
    void add_array(std::string name, span<const std::uint8_t> values);
    void add_array(std::string name, span<const std::uint32_t> values);
    void add_array(std::string name, span<const std::uint64_t> values);
    void add_array(std::string name, span<const float> values);
    void add_array(std::string name, span<const double> values);
    /// A string table as stored by web::string_table: `offsets` has k+1 entries, starts at 0,
    /// never decreases and ends at chars.size(); string i is chars[offsets[i], offsets[i+1]).
    /// @throws std::invalid_argument when the offsets break that contract.
    void add_strings(std::string name, span<const std::uint64_t> offsets, std::string_view chars);
    /// A string table copied from `strings` (convenience for small tables and tests).
    void add_strings(std::string name, const std::vector<std::string>& strings);

    /// One pending section (internal to save_snapshot, public for inspection).
    struct entry {
        std::string name;
        snapshot_section_kind kind;
        snapshot_element element;
        const void* data;
        std::size_t count;
    };
    const std::vector<entry>& entries() const noexcept { return entries_; }

private:
    void add(std::string name, snapshot_section_kind kind, snapshot_element element,
             const void* data, std::size_t count);
    std::vector<entry> entries_;
    std::vector<std::shared_ptr<const void>> owned_;  // storage of the copying overloads
};

/// Writes `g` and `extras` to `path`, atomically: the data goes to `path + ".tmp-<pid>"`, which
/// is fsync'ed and renamed over `path` (and the directory fsync'ed). On any failure the temp file
/// is removed and an exception thrown; `path` then is untouched (the old file, if any, survives).
/// Processes that have the old file mapped keep seeing the old data (rename replaces the inode).
///
/// Cost: one sequential write of the arrays (O(n + m), no copy of the graph) plus one pass of
/// the 64-bit checksum over every byte (~13 GB/s); in practice bound by the disk and the fsync
/// (Kronecker scale 24, 2.4 GB: 6.5 s on a ~0.25 GB/s virtual disk).
/// @throws std::invalid_argument  bad extra-section name (empty, > 31 bytes, duplicate, NUL).
/// @throws std::filesystem::filesystem_error  the file cannot be created, written, synced or
///         renamed (names the path and the OS error).
void save_snapshot(const std::string& path, const csr_graph& g,
                   const snapshot_extras& extras = {});

/// How much of a snapshot load_snapshot checks beyond the header and section table.
enum class snapshot_verify {
    /// O(1): header, section table (bounds, 64-byte alignment, overlaps, types), and that the
    /// array lengths agree (offsets n+1 entries, first 0, last == m, m ids, n lean weights).
    /// For trusted files only: a corrupted or crafted file can make kernels read out of bounds.
    none,
    /// Also O(n + m): offsets never decrease, every id < n, rows sorted, weights finite and
    /// >= 0, in-adjacency is the transpose of the out-adjacency (order-free 64-bit hash of the
    /// edge multisets), string-table offsets monotone. After it, every accessor and kernel stays
    /// in bounds. Reads every byte once: ≈ 0.45 s per GB from the page cache with 2 threads
    /// (Kronecker scale 24, 2.4 GB: 1.0 s warm, 1.3 s cold).
    structure,
    /// Also every section's checksum (structure included): detects any corrupted byte. Reads
    /// every byte once more, ≈ +0.05–0.1 s per GB warm (scale 24: 1.2 s warm, 2.0 s cold).
    /// The default.
    checksums,
};
inline constexpr enum_spelling<snapshot_verify> snapshot_verify_names[] = {
    {snapshot_verify::none, "none"},
    {snapshot_verify::structure, "structure"},
    {snapshot_verify::checksums, "checksums"}};
constexpr enum_names<snapshot_verify> spellings(snapshot_verify) {
    return make_enum_names(snapshot_verify_names);
}

struct snapshot_load_options {
    snapshot_verify verify = snapshot_verify::checksums;
};

/// Description of one section of an opened snapshot.
struct snapshot_section_info {
    std::string name;
    snapshot_section_kind kind;
    snapshot_element element;
    std::uint32_t element_size;  ///< bytes per element
    std::uint64_t count;         ///< elements
    std::uint64_t offset;        ///< byte offset in the file (multiple of 64)
    std::uint64_t bytes;         ///< count · element_size
    std::uint64_t checksum;      ///< as stored
};

/// A string table viewing a snapshot's mapping. Valid while the snapshot (or a copy of this
/// object, which holds the mapping) lives.
class snapshot_strings {
public:
    snapshot_strings() = default;
    std::size_t size() const noexcept { return offsets_.empty() ? 0 : offsets_.size() - 1; }
    bool empty() const noexcept { return size() == 0; }
    /// String i (i < size(), unchecked).
    std::string_view operator[](std::size_t i) const noexcept {
        return {chars_.data() + offsets_[i],
                static_cast<std::size_t>(offsets_[i + 1] - offsets_[i])};
    }
    span<const std::uint64_t> offsets() const noexcept { return offsets_; }
    std::string_view chars() const noexcept { return chars_; }

private:
    friend class snapshot;
    span<const std::uint64_t> offsets_;
    std::string_view chars_;
    std::shared_ptr<const void> keep_alive_;
};

/// An opened snapshot: the graph (its arrays view the mapping) and the extra sections.
/// Movable. The mapping is released when the snapshot *and* every graph/buffer taken from it
/// are gone. The file must not be truncated or rewritten in place while mapped (save_snapshot
/// never does: it renames a new file over the old one).
class snapshot {
public:
    snapshot() = default;

    const csr_graph& graph() const noexcept { return graph_; }
    /// Moves the graph out (it keeps the mapping alive on its own); graph() is empty after.
    csr_graph take_graph() noexcept { return std::move(graph_); }

    const std::string& path() const noexcept { return path_; }
    std::uint32_t format_version() const noexcept { return version_; }
    std::uint64_t file_bytes() const noexcept { return file_bytes_; }
    const std::vector<snapshot_section_info>& sections() const noexcept { return sections_; }
    /// The mapping's owner, for higher layers that build their own views (detail::buffer).
    const std::shared_ptr<const void>& mapping() const noexcept { return mapping_; }

    /// Names of the extra arrays / string tables, in file order.
    std::vector<std::string> array_names() const;
    std::vector<std::string> string_table_names() const;
    bool has_array(std::string_view name) const noexcept;
    bool has_strings(std::string_view name) const noexcept;

    /// The extra array `name` with elements of type T (std::uint8_t, std::uint32_t,
    /// std::uint64_t or double). Zero-copy; valid while the snapshot lives. O(sections).
    /// @throws std::out_of_range      no such array (the message lists the arrays there are).
    /// @throws std::invalid_argument  the array holds another element type.
    template <class T>
    span<const T> array(std::string_view name) const;

    /// The extra string table `name`. Zero-copy. @throws std::out_of_range when absent.
    snapshot_strings strings(std::string_view name) const;

private:
    friend snapshot load_snapshot(const std::string&, const snapshot_load_options&);
    const snapshot_section_info* find(std::string_view name, snapshot_section_kind kind) const;
    /// The array's description; throws as array<T>() documents.
    const snapshot_section_info& array_info(std::string_view name, snapshot_element element) const;

    csr_graph graph_;
    std::string path_;
    std::uint32_t version_ = 0;
    std::uint64_t file_bytes_ = 0;
    std::vector<snapshot_section_info> sections_;
    std::shared_ptr<const void> mapping_;
    const unsigned char* base_ = nullptr;
};

/// Opens the snapshot at `path`: maps it (PROT_READ, MAP_SHARED), validates it to the level in
/// `options` and returns the graph viewing the mapping. With verify = none or structure no byte
/// of the arrays is copied; opening costs the page-table setup plus what the check reads.
///
/// @throws parse_error  the file is not a valid snapshot — truncated, wrong magic, another format
///         version or byte order, a section out of bounds / misaligned / overlapping, a checksum
///         mismatch, inconsistent arrays; what() is "path: reason".
/// @throws std::filesystem::filesystem_error  the file cannot be opened, stat'ed or mapped
///         (names the path and the OS error, e.g. "No such file or directory").
snapshot load_snapshot(const std::string& path, const snapshot_load_options& options = {});

template <class T>
span<const T> snapshot::array(std::string_view name) const {
    constexpr snapshot_element element =
        std::is_same_v<T, std::uint8_t>    ? snapshot_element::u8
        : std::is_same_v<T, std::uint32_t> ? snapshot_element::u32
        : std::is_same_v<T, std::uint64_t> ? snapshot_element::u64
        : std::is_same_v<T, float>         ? snapshot_element::f32
                                           : snapshot_element::f64;
    static_assert(std::is_same_v<T, std::uint8_t> || std::is_same_v<T, std::uint32_t> ||
                      std::is_same_v<T, std::uint64_t> || std::is_same_v<T, float> ||
                      std::is_same_v<T, double>,
                  "snapshot::array<T>: T is one of uint8_t, uint32_t, uint64_t, float, double");
    const snapshot_section_info& s = array_info(name, element);
    return {reinterpret_cast<const T*>(base_ + s.offset), static_cast<std::size_t>(s.count)};
}

/// Element-type name ("u32", "f64", …) and section-kind name ("graph", "array", …).
const char* to_string(snapshot_element element) noexcept;
const char* to_string(snapshot_section_kind kind) noexcept;

/// The checksum stored for each section: a 64-bit multiply-rotate hash over little-endian 8-byte
/// words, four independent lanes per 1 MiB block, blocks hashed in parallel and then chained.
/// Any change confined to one 8-byte word is always detected; other corruption is missed with
/// probability about 2^-64. Not cryptographic. Exposed for tools and tests.
std::uint64_t snapshot_checksum(const void* data, std::size_t bytes) noexcept;

/// The block size of snapshot_checksum: the data is hashed in blocks of this many bytes (the
/// last one shorter), each block with its index as seed.
inline constexpr std::size_t snapshot_checksum_block_bytes = std::size_t{1} << 20;

/// snapshot_checksum in pieces, for an array held in slices by several processes (the MPI
/// ingest, docs/distributed.md): `snapshot_checksum_block(p, k_bytes, b)` is the digest of block
/// b (its `k_bytes` <= snapshot_checksum_block_bytes bytes at `p`), and
/// `snapshot_checksum_chain(total, digests)` chains the digests of blocks 0, 1, … of an array of
/// `total` bytes. For an empty array give the one digest `snapshot_checksum_block(p, 0, 0)`.
/// chain(bytes, {block(data + b·B, …, b) for every block b}) == snapshot_checksum(data, bytes).
/// O(bytes) and O(blocks).
std::uint64_t snapshot_checksum_block(const void* data, std::size_t bytes,
                                      std::uint64_t index) noexcept;
std::uint64_t snapshot_checksum_chain(std::size_t total_bytes, span<const std::uint64_t> digests)
    noexcept;

}  // namespace linkequity::io
