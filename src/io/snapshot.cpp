// SPDX-License-Identifier: MIT
// Binary graph snapshots (io/snapshot.hpp): atomic writer, mmap loader with three verification
// levels, the section checksum. Self-contained on purpose (only inline csr_graph code, fmt and
// POSIX): the fuzz targets compile src/io/*.cpp without the rest of the library.
//
// File layout, version 1 (all integers in the writer's byte order; the endianness mark tells):
//   [0, 64)        file_header: magic "LNKEQTY\0", endian mark 0x01020304, version, header
//                  size, section count, file size, table offset, entry size, header checksum
//                  (over the header with that field zeroed, then the table)
//   [64, …)        section table: section_count × 80-byte section_entry (name[32], element
//                  type, element size, count, offset, bytes, checksum, reserved)
//   64-aligned     the sections' bytes in table order, zero padding between them
// Checksum: our own 64-bit multiply-rotate hash (snapshot_checksum), not zlib's crc32: 13.7 GB/s
// vs 4.0 GB/s on one core of the build machine (1 GiB buffer), and blocks hash in parallel.
// Graph sections: meta (u64: n, m, lean), out_offsets u64 (n+1), out_targets u32 (m),
// out_flags u8, out_weights f32, in_offsets, in_sources, in_flags, in_weights, lean_out_weight
// f64 (n); absent arrays are not stored. Extras: arrays, and string tables as a pair
// (string_offsets u64 k+1, string_chars u8) under one name.
#include "linkequity/io/snapshot.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "linkequity/detail/parallel.hpp"
#include "linkequity/error.hpp"

namespace linkequity {

/// Declared a friend by csr_graph: lets the snapshot loader install mapped arrays.
struct graph_storage_access {
    struct parts {
        std::size_t num_nodes = 0, num_edges = 0;
        bool lean = false;
        detail::buffer<edge_offset> out_offsets, in_offsets;
        detail::buffer<node_id> out_targets, in_sources;
        detail::buffer<edge_flags> out_flags, in_flags;
        detail::buffer<edge_weight> out_weights, in_weights;
        detail::buffer<double> lean_out_weight;
    };
    static csr_graph make(parts&& p) {
        csr_graph g;
        g.num_nodes_ = p.num_nodes;
        g.num_edges_ = p.num_edges;
        g.lean_ = p.lean;
        g.out_offsets_ = std::move(p.out_offsets);
        g.out_targets_ = std::move(p.out_targets);
        g.out_flags_ = std::move(p.out_flags);
        g.out_weights_ = std::move(p.out_weights);
        g.in_offsets_ = std::move(p.in_offsets);
        g.in_sources_ = std::move(p.in_sources);
        g.in_flags_ = std::move(p.in_flags);
        g.in_weights_ = std::move(p.in_weights);
        g.lean_out_weight_ = std::move(p.lean_out_weight);
        return g;
    }
};

namespace io {
namespace {

constexpr char magic[8] = {'L', 'N', 'K', 'E', 'Q', 'T', 'Y', '\0'};
constexpr std::uint32_t endian_mark = 0x01020304u;
constexpr std::uint64_t alignment = 64;
constexpr std::uint32_t max_sections = 1u << 16;

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

std::uint64_t round_up(std::uint64_t x) { return (x + alignment - 1) / alignment * alignment; }

// ------------------------------------------------------------------------------- checksum
constexpr std::uint64_t prime1 = 0x9E3779B97F4A7C15ull;
constexpr std::uint64_t prime2 = 0xC2B2AE3D27D4EB4Full;
constexpr std::size_t block_bytes = std::size_t{1} << 20;

inline std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
// Bijective in h for a fixed w and in w for a fixed h: a changed word always changes the state.
inline std::uint64_t step(std::uint64_t h, std::uint64_t w) { return rotl((h ^ w) * prime2, 31); }
inline std::uint64_t fmix(std::uint64_t h) {  // MurmurHash3's finaliser (bijective)
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}
inline std::uint64_t load64(const unsigned char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

std::uint64_t block_hash(const unsigned char* p, std::size_t n, std::uint64_t seed) {
    std::uint64_t l0 = seed + prime1, l1 = seed + 2 * prime1, l2 = seed + 3 * prime1,
                  l3 = seed + 4 * prime1;
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        l0 = step(l0, load64(p + i));
        l1 = step(l1, load64(p + i + 8));
        l2 = step(l2, load64(p + i + 16));
        l3 = step(l3, load64(p + i + 24));
    }
    for (; i + 8 <= n; i += 8) l0 = step(l0, load64(p + i));
    if (i < n) {
        unsigned char tail[8] = {};
        std::memcpy(tail, p + i, n - i);
        l1 = step(l1, load64(tail));
    }
    // Each lane enters through a bijection and the lanes are xor-ed: one changed lane changes h.
    return fmix(fmix(l0) ^ rotl(fmix(l1 ^ 1), 17) ^ rotl(fmix(l2 ^ 2), 29) ^
                rotl(fmix(l3 ^ 3), 43) ^ (n * prime1));
}

}  // namespace

std::uint64_t snapshot_checksum(const void* data, std::size_t bytes) noexcept {
    const auto* p = static_cast<const unsigned char*>(data);
    const std::size_t blocks = (bytes + block_bytes - 1) / block_bytes;
    std::uint64_t h = fmix(bytes ^ prime1);
    if (blocks <= 1) return fmix(step(h, block_hash(p, bytes, 0)));
    std::vector<std::uint64_t> digest;
    try {
        digest.resize(blocks);
    } catch (...) {  // cannot happen in practice (8 bytes per MiB); stay noexcept and serial
        for (std::size_t b = 0; b < blocks; ++b)
            h = step(h, block_hash(p + b * block_bytes,
                                   std::min(block_bytes, bytes - b * block_bytes), b));
        return fmix(h);
    }
    const auto nb = static_cast<std::ptrdiff_t>(blocks);
#pragma omp parallel for schedule(dynamic, 8) if (blocks >= 16)
    for (std::ptrdiff_t b = 0; b < nb; ++b) {
        const std::size_t lo = static_cast<std::size_t>(b) * block_bytes;
        digest[b] = block_hash(p + lo, std::min(block_bytes, bytes - lo),
                               static_cast<std::uint64_t>(b));
    }
    for (std::uint64_t d : digest) h = step(h, d);
    return fmix(h);
}

const char* to_string(snapshot_element e) noexcept {
    switch (e) {
        case snapshot_element::u8: return "u8";
        case snapshot_element::u32: return "u32";
        case snapshot_element::u64: return "u64";
        case snapshot_element::f32: return "f32";
        case snapshot_element::f64: return "f64";
    }
    return "?";
}

const char* to_string(snapshot_section_kind k) noexcept {
    switch (k) {
        case snapshot_section_kind::graph: return "graph";
        case snapshot_section_kind::array: return "array";
        case snapshot_section_kind::string_offsets: return "strings.offsets";
        case snapshot_section_kind::string_chars: return "strings.chars";
    }
    return "?";
}

namespace {

std::uint32_t element_size(snapshot_element e) {
    switch (e) {
        case snapshot_element::u8: return 1;
        case snapshot_element::u32: return 4;
        case snapshot_element::u64: return 8;
        case snapshot_element::f32: return 4;
        case snapshot_element::f64: return 8;
    }
    return 0;
}

bool known_element(std::uint32_t e) { return e >= 1 && e <= 5; }
bool known_kind(std::uint32_t k) { return k >= 1 && k <= 4; }

}  // namespace

// ------------------------------------------------------------------------------- extras
void snapshot_extras::add(std::string name, snapshot_section_kind kind, snapshot_element element,
                          const void* data, std::size_t count) {
    if (name.empty() || name.size() > snapshot_max_name || name.find('\0') != std::string::npos)
        throw std::invalid_argument(fmt::format(
            "snapshot_extras: section name '{}' must be 1 to {} bytes without NUL, got {} bytes",
            name, snapshot_max_name, name.size()));
    for (const entry& e : entries_)
        if (e.name == name && (e.kind == kind || e.kind == snapshot_section_kind::array ||
                               kind == snapshot_section_kind::array))
            throw std::invalid_argument(
                fmt::format("snapshot_extras: section name '{}' is already used", name));
    entries_.push_back({std::move(name), kind, element, data, count});
}

void snapshot_extras::add_array(std::string name, span<const std::uint8_t> v) {
    add(std::move(name), snapshot_section_kind::array, snapshot_element::u8, v.data(), v.size());
}
void snapshot_extras::add_array(std::string name, span<const std::uint32_t> v) {
    add(std::move(name), snapshot_section_kind::array, snapshot_element::u32, v.data(), v.size());
}
void snapshot_extras::add_array(std::string name, span<const std::uint64_t> v) {
    add(std::move(name), snapshot_section_kind::array, snapshot_element::u64, v.data(), v.size());
}
void snapshot_extras::add_array(std::string name, span<const float> v) {
    add(std::move(name), snapshot_section_kind::array, snapshot_element::f32, v.data(), v.size());
}
void snapshot_extras::add_array(std::string name, span<const double> v) {
    add(std::move(name), snapshot_section_kind::array, snapshot_element::f64, v.data(), v.size());
}

void snapshot_extras::add_strings(std::string name, span<const std::uint64_t> offsets,
                                  std::string_view chars) {
    if (offsets.empty() || offsets[0] != 0 || offsets[offsets.size() - 1] != chars.size())
        throw std::invalid_argument(fmt::format(
            "snapshot_extras::add_strings: '{}': offsets must start at 0 and end at chars.size() "
            "= {}",
            name, chars.size()));
    for (std::size_t i = 1; i < offsets.size(); ++i)
        if (offsets[i] < offsets[i - 1])
            throw std::invalid_argument(fmt::format(
                "snapshot_extras::add_strings: '{}': offsets[{}] = {} < offsets[{}] = {}", name, i,
                offsets[i], i - 1, offsets[i - 1]));
    add(name, snapshot_section_kind::string_offsets, snapshot_element::u64, offsets.data(),
        offsets.size());
    add(std::move(name), snapshot_section_kind::string_chars, snapshot_element::u8, chars.data(),
        chars.size());
}

void snapshot_extras::add_strings(std::string name, const std::vector<std::string>& strings) {
    struct table {
        std::vector<std::uint64_t> offsets;
        std::string chars;
    };
    auto t = std::make_shared<table>();
    t->offsets.reserve(strings.size() + 1);
    t->offsets.push_back(0);
    for (const std::string& s : strings) {
        t->chars += s;
        t->offsets.push_back(t->chars.size());
    }
    add_strings(std::move(name), t->offsets, t->chars);
    owned_.push_back(std::move(t));
}

// ------------------------------------------------------------------------------- writer
namespace {

[[noreturn]] void throw_os(const std::string& what, const std::string& path, int err) {
    throw std::filesystem::filesystem_error(what, std::filesystem::path(path),
                                            std::error_code(err, std::generic_category()));
}

void write_all(int fd, const void* data, std::size_t n, const std::string& tmp) {
    const auto* p = static_cast<const unsigned char*>(data);
    while (n > 0) {
        const ssize_t w = ::write(fd, p, std::min<std::size_t>(n, std::size_t{1} << 30));
        if (w < 0) {
            if (errno == EINTR) continue;
            throw_os("save_snapshot: cannot write", tmp, errno);
        }
        p += w;
        n -= static_cast<std::size_t>(w);
    }
}

struct pending {
    std::string name;
    snapshot_section_kind kind;
    snapshot_element element;
    const void* data;
    std::size_t count;
};

// Removes the temp file unless released; closes the descriptor.
struct temp_file {
    std::string path;
    int fd = -1;
    bool keep = false;
    ~temp_file() {
        if (fd >= 0) ::close(fd);
        if (!keep) ::unlink(path.c_str());
    }
};

}  // namespace

void save_snapshot(const std::string& path, const csr_graph& g, const snapshot_extras& extras) {
    using K = snapshot_section_kind;
    using E = snapshot_element;
    const std::uint64_t meta[3] = {g.num_nodes(), g.num_edges(), g.is_lean() ? 1u : 0u};
    std::vector<pending> sections;
    auto add = [&](const char* name, E e, auto s, bool present) {
        if (present) sections.push_back({name, K::graph, e, s.data(), s.size()});
    };
    sections.push_back({"meta", K::graph, E::u64, meta, 3});
    add("out_offsets", E::u64, g.out_offsets(), !g.is_lean());
    add("out_targets", E::u32, g.out_targets(), !g.is_lean());
    add("out_flags", E::u8, g.out_flag_array(), !g.out_flag_array().empty());
    add("out_weights", E::f32, g.out_weight_array(), !g.out_weight_array().empty());
    add("in_offsets", E::u64, g.in_offsets(), true);
    add("in_sources", E::u32, g.in_sources(), true);
    add("in_flags", E::u8, g.in_flag_array(), !g.in_flag_array().empty());
    add("in_weights", E::f32, g.in_weight_array(), !g.in_weight_array().empty());
    add("lean_out_weight", E::f64, g.lean_out_weight(), g.is_lean());
    for (const auto& e : extras.entries())
        sections.push_back({e.name, e.kind, e.element, e.data, e.count});

    if (sections.size() > max_sections)
        throw std::invalid_argument(fmt::format("save_snapshot: {} sections, at most {} allowed",
                                                sections.size(), max_sections));
    // Layout.
    std::vector<section_entry> table(sections.size());
    const std::uint64_t table_end = sizeof(file_header) + table.size() * sizeof(section_entry);
    std::uint64_t pos = round_up(table_end);
    for (std::size_t i = 0; i < sections.size(); ++i) {
        section_entry& t = table[i];
        std::memset(&t, 0, sizeof t);
        std::memcpy(t.name, sections[i].name.data(), sections[i].name.size());
        t.kind = static_cast<std::uint32_t>(sections[i].kind);
        t.element = static_cast<std::uint32_t>(sections[i].element);
        t.element_size = element_size(sections[i].element);
        t.count = sections[i].count;
        t.bytes = t.count * t.element_size;
        t.offset = pos;
        pos = round_up(pos + t.bytes);
    }
    const std::uint64_t file_bytes =
        table.empty() ? table_end : table.back().offset + table.back().bytes;

    temp_file tmp;
    tmp.path = fmt::format("{}.tmp-{}", path, static_cast<long>(::getpid()));
    tmp.fd = ::open(tmp.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (tmp.fd < 0) {
        const int err = errno;
        tmp.keep = true;  // nothing was created
        throw_os("save_snapshot: cannot create", tmp.path, err);
    }
    static const unsigned char zeros[alignment] = {};
    std::vector<unsigned char> head(round_up(table_end), 0);
    write_all(tmp.fd, head.data(), head.size(), tmp.path);  // provisional; rewritten below
    std::uint64_t at = head.size();
    for (std::size_t i = 0; i < sections.size(); ++i) {
        section_entry& t = table[i];
        if (at < t.offset) {
            write_all(tmp.fd, zeros, t.offset - at, tmp.path);
            at = t.offset;
        }
        t.checksum = snapshot_checksum(sections[i].data, t.bytes);
        write_all(tmp.fd, sections[i].data, t.bytes, tmp.path);
        at += t.bytes;
    }

    file_header h{};
    std::memcpy(h.magic, magic, sizeof magic);
    h.endian_mark = endian_mark;
    h.version = snapshot_format_version;
    h.header_bytes = sizeof(file_header);
    h.section_count = static_cast<std::uint32_t>(table.size());
    h.file_bytes = file_bytes;
    h.table_offset = sizeof(file_header);
    h.entry_bytes = sizeof(section_entry);
    std::memcpy(head.data(), &h, sizeof h);
    if (!table.empty())
        std::memcpy(head.data() + sizeof h, table.data(), table.size() * sizeof(section_entry));
    h.checksum = snapshot_checksum(head.data(), table_end);
    std::memcpy(head.data(), &h, sizeof h);
    for (std::size_t done = 0; done < table_end;) {
        const ssize_t w = ::pwrite(tmp.fd, head.data() + done, table_end - done,
                                   static_cast<off_t>(done));
        if (w < 0) {
            if (errno == EINTR) continue;
            throw_os("save_snapshot: cannot write", tmp.path, errno);
        }
        done += static_cast<std::size_t>(w);
    }
    if (::fsync(tmp.fd) != 0) throw_os("save_snapshot: cannot fsync", tmp.path, errno);
    const int fd = tmp.fd;
    tmp.fd = -1;
    if (::close(fd) != 0) throw_os("save_snapshot: cannot close", tmp.path, errno);
    if (::rename(tmp.path.c_str(), path.c_str()) != 0)
        throw_os(fmt::format("save_snapshot: cannot rename {} to", tmp.path), path, errno);
    tmp.keep = true;
    // Make the rename itself durable. Best effort: the data is complete and in place already.
    std::string dir = std::filesystem::path(path).parent_path().string();
    if (dir.empty()) dir = ".";
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)::fsync(dfd);
        ::close(dfd);
    }
}

// ------------------------------------------------------------------------------- reader
namespace {

struct mapping {
    void* addr = nullptr;
    std::size_t length = 0;
    mapping(void* a, std::size_t n) : addr(a), length(n) {}
    mapping(const mapping&) = delete;
    mapping& operator=(const mapping&) = delete;
    ~mapping() {
        if (addr) ::munmap(addr, length);
    }
};

struct fd_guard {
    int fd;
    ~fd_guard() {
        if (fd >= 0) ::close(fd);
    }
};

std::string entry_name(const section_entry& e) {
    return std::string(e.name, strnlen(e.name, sizeof e.name));
}

class validator {
public:
    explicit validator(const std::string& path) : path_(path) {}
    void set_base(const unsigned char* base) { base_ = base; }

    [[noreturn]] void fail(const std::string& reason) const {
        throw parse_error(path_, 0, 0, reason);
    }

    const snapshot_section_info* find(const std::vector<snapshot_section_info>& s,
                                      const char* name, snapshot_section_kind kind) const {
        for (const auto& x : s)
            if (x.kind == kind && x.name == name) return &x;
        return nullptr;
    }

    template <class T>
    detail::buffer<T> view(const snapshot_section_info* s,
                           const std::shared_ptr<const void>& owner) const {
        if (!s) return {};
        return detail::buffer<T>(reinterpret_cast<const T*>(base_ + s->offset),
                                 static_cast<std::size_t>(s->count), owner);
    }

private:
    const std::string& path_;
    const unsigned char* base_ = nullptr;
};

// O(n + m) consistency of one direction: offsets monotone, ids < n, rows sorted, weights finite
// and >= 0. Returns the order-free hash of the edge multiset (u, v, flags, weight).
template <bool Out>
std::uint64_t check_direction(const validator& v, const char* offsets_name, const char* ids_name,
                              span<const edge_offset> off, span<const node_id> ids,
                              span<const edge_flags> fl, span<const edge_weight> wt,
                              std::size_t n) {
    for (std::size_t u = 0; u + 1 < off.size(); ++u)
        if (off[u] > off[u + 1])
            v.fail(fmt::format("section '{}': entry {} = {} is larger than entry {} = {}",
                               offsets_name, u, off[u], u + 1, off[u + 1]));
    const std::size_t rows = off.empty() ? 0 : off.size() - 1;
    std::size_t first_bad = rows;
    std::uint64_t sum = 0;
    const auto nr = static_cast<std::ptrdiff_t>(rows);
#pragma omp parallel for schedule(dynamic, 4096) reduction(min : first_bad) reduction(+ : sum) \
    if (ids.size() > detail::parallel_threshold)
    for (std::ptrdiff_t r = 0; r < nr; ++r) {
        const std::size_t row = static_cast<std::size_t>(r);
        const edge_offset lo = off[row], hi = off[row + 1];
        bool bad = false;
        for (edge_offset e = lo; e < hi; ++e) {
            const node_id x = ids[e];
            if (x >= n || (e > lo && ids[e - 1] > x)) bad = true;
            if (!wt.empty() && !(std::isfinite(wt[e]) && wt[e] >= 0)) bad = true;
            std::uint32_t wbits = 0;
            if (!wt.empty()) std::memcpy(&wbits, &wt[e], 4);
            const std::uint64_t attr = std::uint64_t{wbits} << 8 | (fl.empty() ? 0u : fl[e]);
            const std::uint64_t src = Out ? row : x, dst = Out ? x : row;
            sum += fmix((src << 32 | dst) + attr * prime1);
        }
        if (bad && row < first_bad) first_bad = row;
    }
    if (first_bad < rows) {  // describe the first bad edge of that row (serial, cheap)
        const edge_offset lo = off[first_bad], hi = off[first_bad + 1];
        for (edge_offset e = lo; e < hi; ++e) {
            if (ids[e] >= n)
                v.fail(fmt::format(
                    "section '{}': entry {} (row {}) is {} but the graph has {} nodes", ids_name, e,
                    first_bad, ids[e], n));
            if (e > lo && ids[e - 1] > ids[e])
                v.fail(fmt::format("section '{}': row {} is not sorted at entry {}", ids_name,
                                   first_bad, e));
            if (!wt.empty() && !(std::isfinite(wt[e]) && wt[e] >= 0))
                v.fail(fmt::format(
                    "section '{}_weights': entry {} is {}, expected a finite number >= 0",
                    Out ? "out" : "in", e, wt[e]));
        }
    }
    return sum;
}

}  // namespace

const snapshot_section_info* snapshot::find(std::string_view name,
                                            snapshot_section_kind kind) const {
    for (const auto& s : sections_)
        if (s.kind == kind && s.name == name) return &s;
    return nullptr;
}

const snapshot_section_info& snapshot::array_info(std::string_view name,
                                                  snapshot_element element) const {
    const snapshot_section_info* s = find(name, snapshot_section_kind::array);
    if (!s) {
        std::string have;
        for (const auto& n : array_names()) have += (have.empty() ? "" : ", ") + n;
        throw std::out_of_range(fmt::format("snapshot::array: '{}' has no array '{}' (arrays: {})",
                                            path_, name, have.empty() ? "none" : have));
    }
    if (s->element != element)
        throw std::invalid_argument(fmt::format(
            "snapshot::array: array '{}' holds {} elements, requested {}", name,
            to_string(s->element), to_string(element)));
    return *s;
}

std::vector<std::string> snapshot::array_names() const {
    std::vector<std::string> r;
    for (const auto& s : sections_)
        if (s.kind == snapshot_section_kind::array) r.push_back(s.name);
    return r;
}

std::vector<std::string> snapshot::string_table_names() const {
    std::vector<std::string> r;
    for (const auto& s : sections_)
        if (s.kind == snapshot_section_kind::string_offsets) r.push_back(s.name);
    return r;
}

bool snapshot::has_array(std::string_view name) const noexcept {
    return find(name, snapshot_section_kind::array) != nullptr;
}

bool snapshot::has_strings(std::string_view name) const noexcept {
    return find(name, snapshot_section_kind::string_offsets) != nullptr;
}

snapshot_strings snapshot::strings(std::string_view name) const {
    const auto* o = find(name, snapshot_section_kind::string_offsets);
    const auto* c = find(name, snapshot_section_kind::string_chars);
    if (!o || !c) {
        std::string have;
        for (const auto& n : string_table_names()) have += (have.empty() ? "" : ", ") + n;
        throw std::out_of_range(fmt::format(
            "snapshot::strings: '{}' has no string table '{}' (string tables: {})", path_, name,
            have.empty() ? "none" : have));
    }
    snapshot_strings r;
    r.offsets_ = {reinterpret_cast<const std::uint64_t*>(base_ + o->offset),
                  static_cast<std::size_t>(o->count)};
    r.chars_ = {reinterpret_cast<const char*>(base_ + c->offset),
                static_cast<std::size_t>(c->count)};
    r.keep_alive_ = mapping_;
    return r;
}

snapshot load_snapshot(const std::string& path, const snapshot_load_options& options) {
    using K = snapshot_section_kind;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw_os("load_snapshot: cannot open", path, errno);
    fd_guard guard{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw_os("load_snapshot: cannot stat", path, errno);
    validator v(path);
    if (!S_ISREG(st.st_mode)) v.fail("not a regular file");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size < sizeof(file_header))
        v.fail(fmt::format("truncated: {} bytes, a snapshot header alone takes {} (not a "
                           "linkequity snapshot?)",
                           size, sizeof(file_header)));

    void* addr = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_SHARED, fd, 0);
    if (addr == MAP_FAILED) throw_os("load_snapshot: cannot mmap", path, errno);
    auto map = std::make_shared<mapping>(addr, static_cast<std::size_t>(size));
    const auto* base = static_cast<const unsigned char*>(addr);
    v.set_base(base);

    // Header.
    file_header h;
    std::memcpy(&h, base, sizeof h);
    if (std::memcmp(h.magic, magic, sizeof magic) != 0)
        v.fail("wrong magic: not a linkequity snapshot (expected \"LNKEQTY\\0\" at offset 0)");
    if (h.endian_mark != endian_mark) {
        if (h.endian_mark == 0x04030201u)
            v.fail("written with the other byte order (endianness mark 0x04030201); this build "
                   "reads snapshots of its own byte order only");
        v.fail(fmt::format("bad endianness mark {:#010x} (expected 0x01020304): file corrupted?",
                           h.endian_mark));
    }
    if (h.version != snapshot_format_version)
        v.fail(fmt::format("format version {}, this build reads version {}", h.version,
                           snapshot_format_version));
    if (h.header_bytes != sizeof(file_header) || h.entry_bytes != sizeof(section_entry) ||
        h.table_offset != sizeof(file_header))
        v.fail(fmt::format("header corrupted (header size {}, entry size {}, table offset {})",
                           h.header_bytes, h.entry_bytes, h.table_offset));
    if (h.section_count > max_sections)
        v.fail(fmt::format("{} sections, at most {} allowed (header corrupted?)", h.section_count,
                           max_sections));
    const std::uint64_t table_end =
        sizeof(file_header) + std::uint64_t{h.section_count} * sizeof(section_entry);
    if (table_end > size)
        v.fail(fmt::format("truncated: {} bytes, the section table ends at byte {}", size,
                           table_end));
    {
        std::vector<unsigned char> head(base, base + table_end);
        std::memset(head.data() + offsetof(file_header, checksum), 0, 8);
        if (snapshot_checksum(head.data(), head.size()) != h.checksum)
            v.fail("header checksum mismatch (file corrupted?)");
    }
    if (h.file_bytes > size)
        v.fail(fmt::format("truncated: {} bytes, the header says {}", size, h.file_bytes));
    if (h.file_bytes < size)
        v.fail(fmt::format("{} unexpected bytes after the end of the snapshot ({} bytes)",
                           size - h.file_bytes, h.file_bytes));

    // Section table.
    std::vector<snapshot_section_info> sections;
    sections.reserve(h.section_count);
    for (std::uint32_t i = 0; i < h.section_count; ++i) {
        section_entry e;
        std::memcpy(&e, base + sizeof(file_header) + std::size_t{i} * sizeof e, sizeof e);
        if (e.name[sizeof e.name - 1] != '\0' || e.name[0] == '\0')
            v.fail(fmt::format("section {}: bad name", i));
        const std::string name = entry_name(e);
        if (!known_kind(e.kind) || !known_element(e.element))
            v.fail(fmt::format("section '{}': unknown kind {} or element type {}", name, e.kind,
                               e.element));
        const auto el = static_cast<snapshot_element>(e.element);
        if (e.element_size != element_size(el))
            v.fail(fmt::format("section '{}': element size {} for type {}", name, e.element_size,
                               to_string(el)));
        if (e.count > std::numeric_limits<std::uint64_t>::max() / e.element_size ||
            e.bytes != e.count * e.element_size)
            v.fail(fmt::format("section '{}': {} bytes for {} elements of {} bytes", name, e.bytes,
                               e.count, e.element_size));
        if (e.offset % alignment != 0)
            v.fail(fmt::format("section '{}': offset {} is not a multiple of {}", name, e.offset,
                               alignment));
        if (e.offset < table_end || e.offset > h.file_bytes || e.bytes > h.file_bytes - e.offset)
            v.fail(fmt::format("section '{}': bytes [{}, {}) out of bounds (data lies in [{}, {}))",
                               name, e.offset, e.offset + e.bytes, round_up(table_end),
                               h.file_bytes));
        for (const auto& s : sections)
            if (s.name == name && static_cast<std::uint32_t>(s.kind) == e.kind)
                v.fail(fmt::format("section '{}' appears twice", name));
        sections.push_back({name, static_cast<K>(e.kind), el, e.element_size, e.count, e.offset,
                            e.bytes, e.checksum});
    }
    {
        // Empty sections occupy no bytes: one may share its offset with the next section.
        std::vector<const snapshot_section_info*> order;
        for (const auto& s : sections)
            if (s.bytes > 0) order.push_back(&s);
        std::sort(order.begin(), order.end(),
                  [](auto* a, auto* b) { return a->offset < b->offset; });
        for (std::size_t i = 1; i < order.size(); ++i)
            if (order[i]->offset < order[i - 1]->offset + order[i - 1]->bytes)
                v.fail(fmt::format("sections '{}' and '{}' overlap", order[i - 1]->name,
                                   order[i]->name));
    }

    // Checksums first: a corrupted byte is reported as such, not as whatever it broke.
    if (options.verify == snapshot_verify::checksums)
        for (const auto& s : sections)
            if (snapshot_checksum(base + s.offset, s.bytes) != s.checksum)
                v.fail(fmt::format("section '{}' checksum mismatch (file corrupted?)", s.name));

    // Graph sections: presence, types, lengths.
    static const struct {
        const char* name;
        snapshot_element element;
    } known[] = {{"meta", snapshot_element::u64},        {"out_offsets", snapshot_element::u64},
                 {"out_targets", snapshot_element::u32}, {"out_flags", snapshot_element::u8},
                 {"out_weights", snapshot_element::f32}, {"in_offsets", snapshot_element::u64},
                 {"in_sources", snapshot_element::u32},  {"in_flags", snapshot_element::u8},
                 {"in_weights", snapshot_element::f32},
                 {"lean_out_weight", snapshot_element::f64}};
    for (const auto& s : sections) {
        if (s.kind != K::graph) continue;
        const auto* k = std::find_if(std::begin(known), std::end(known),
                                     [&](const auto& x) { return s.name == x.name; });
        if (k == std::end(known))
            v.fail(fmt::format("unknown graph section '{}' (format version {})", s.name,
                               snapshot_format_version));
        if (s.element != k->element)
            v.fail(fmt::format("section '{}' holds {} elements, expected {}", s.name,
                               to_string(s.element), to_string(k->element)));
    }
    auto sec = [&](const char* name) { return v.find(sections, name, K::graph); };
    const snapshot_section_info* meta_s = sec("meta");
    if (!meta_s || meta_s->count < 3) v.fail("section 'meta' missing or shorter than 3 entries");
    std::uint64_t meta[3];
    std::memcpy(meta, base + meta_s->offset, sizeof meta);
    const std::uint64_t n = meta[0], m = meta[1];
    if (n > max_nodes) v.fail(fmt::format("meta: {} nodes, at most {} allowed", n, max_nodes));
    if (meta[2] > 1) v.fail(fmt::format("meta: lean flag is {}, expected 0 or 1", meta[2]));
    const bool lean = meta[2] == 1;

    auto need = [&](const char* name, std::uint64_t count, bool present) {
        const snapshot_section_info* s = sec(name);
        if (present && !s) v.fail(fmt::format("section '{}' missing", name));
        if (!present && s)
            v.fail(fmt::format("section '{}' present but the graph is {}", name,
                               lean ? "lean" : "not lean, or the paired array is absent"));
        if (s && s->count != count)
            v.fail(fmt::format("section '{}' has {} entries, expected {} (n = {}, m = {})", name,
                               s->count, count, n, m));
        return s;
    };
    auto offsets_ok = [&](const char* name) {
        const snapshot_section_info* s = sec(name);
        if (!s) v.fail(fmt::format("section '{}' missing", name));
        if (s->count == 0 && n == 0 && m == 0) return s;  // an empty default-constructed graph
        if (s->count != n + 1)
            v.fail(fmt::format("section '{}' has {} entries, expected n + 1 = {}", name, s->count,
                               n + 1));
        const auto* o = reinterpret_cast<const std::uint64_t*>(base + s->offset);
        if (o[0] != 0 || o[n] != m)
            v.fail(fmt::format("section '{}' runs from {} to {}, expected 0 to m = {}", name, o[0],
                               o[n], m));
        return s;
    };
    const bool has_flags = sec("in_flags") || sec("out_flags");
    const bool has_weights = sec("in_weights") || sec("out_weights");
    const auto* in_off = offsets_ok("in_offsets");
    const auto* in_src = need("in_sources", m, true);
    const auto* in_fl = need("in_flags", m, has_flags && !lean);
    const auto* in_wt = need("in_weights", m, has_weights);
    const snapshot_section_info *out_off = nullptr, *out_tg = nullptr, *out_fl = nullptr,
                                *out_wt = nullptr, *lean_w = nullptr;
    if (lean) {
        need("out_offsets", 0, false);
        need("out_targets", 0, false);
        need("out_flags", 0, false);
        need("out_weights", 0, false);
        lean_w = need("lean_out_weight", n, true);
    } else {
        out_off = offsets_ok("out_offsets");
        out_tg = need("out_targets", m, true);
        out_fl = need("out_flags", m, has_flags);
        out_wt = need("out_weights", m, has_weights);
        need("lean_out_weight", 0, false);
    }
    for (const auto& s : sections) {
        if (s.kind != K::string_offsets && s.kind != K::string_chars) continue;
        const bool is_off = s.kind == K::string_offsets;
        const auto* other =
            v.find(sections, s.name.c_str(), is_off ? K::string_chars : K::string_offsets);
        if (!other)
            v.fail(fmt::format("string table '{}' lacks its {} section", s.name,
                               is_off ? "chars" : "offsets"));
        if (!is_off) continue;
        if (s.element != snapshot_element::u64 || other->element != snapshot_element::u8 ||
            s.count == 0)
            v.fail(fmt::format("string table '{}': offsets must be u64 (k+1 entries), chars u8",
                               s.name));
        const auto* o = reinterpret_cast<const std::uint64_t*>(base + s.offset);
        if (o[0] != 0 || o[s.count - 1] != other->count)
            v.fail(fmt::format("string table '{}': offsets run from {} to {}, expected 0 to {}",
                               s.name, o[0], o[s.count - 1], other->count));
        if (options.verify != snapshot_verify::none)
            for (std::uint64_t i = 1; i < s.count; ++i)
                if (o[i] < o[i - 1])
                    v.fail(fmt::format("string table '{}': offset {} = {} is smaller than the one "
                                       "before ({})",
                                       s.name, i, o[i], o[i - 1]));
    }

    // Build the graph viewing the mapping.
    std::shared_ptr<const void> owner = map;
    graph_storage_access::parts p;
    p.num_nodes = static_cast<std::size_t>(n);
    p.num_edges = static_cast<std::size_t>(m);
    p.lean = lean;
    p.out_offsets = v.view<edge_offset>(out_off, owner);
    p.out_targets = v.view<node_id>(out_tg, owner);
    p.out_flags = v.view<edge_flags>(out_fl, owner);
    p.out_weights = v.view<edge_weight>(out_wt, owner);
    p.in_offsets = v.view<edge_offset>(in_off, owner);
    p.in_sources = v.view<node_id>(in_src, owner);
    p.in_flags = v.view<edge_flags>(in_fl, owner);
    p.in_weights = v.view<edge_weight>(in_wt, owner);
    p.lean_out_weight = v.view<double>(lean_w, owner);

    if (options.verify != snapshot_verify::none) {
        const std::uint64_t in_hash =
            check_direction<false>(v, "in_offsets", "in_sources", p.in_offsets.view(),
                                   p.in_sources.view(), p.in_flags.view(), p.in_weights.view(), n);
        if (!lean) {
            const std::uint64_t out_hash = check_direction<true>(
                v, "out_offsets", "out_targets", p.out_offsets.view(), p.out_targets.view(),
                p.out_flags.view(), p.out_weights.view(), n);
            if (out_hash != in_hash)
                v.fail("the in-adjacency is not the transpose of the out-adjacency (edges, flags "
                       "or weights differ)");
        }
        for (std::size_t u = 0; u < p.lean_out_weight.size(); ++u)
            if (!(std::isfinite(p.lean_out_weight[u]) && p.lean_out_weight[u] >= 0))
                v.fail(fmt::format("section 'lean_out_weight': entry {} is {}, expected a finite "
                                   "number >= 0",
                                   u, p.lean_out_weight[u]));
    }

    snapshot s;
    s.graph_ = graph_storage_access::make(std::move(p));
    s.path_ = path;
    s.version_ = h.version;
    s.file_bytes_ = size;
    s.sections_ = std::move(sections);
    s.mapping_ = std::move(owner);
    s.base_ = base;
    return s;
}

}  // namespace io
}  // namespace linkequity
