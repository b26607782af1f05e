// SPDX-License-Identifier: MIT
// Reading binary snapshots (io/snapshot.hpp): load_snapshot's passes — map the file → read the
// header → read the section table → check overlaps → verify checksums → find and size the graph
// arrays → check the string tables → view the graph → check its structure (graph layer) — and the
// accessors of an opened snapshot. Layout: snapshot_format.hpp. Self-contained on purpose (inline
// csr_graph code, src/graph/csr_structure.cpp, fmt and POSIX): the fuzz targets compile it alone.
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

#include "../graph/csr_structure.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/snapshot.hpp"
#include "snapshot_format.hpp"

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

using format::file_header;
using format::section_entry;
using K = snapshot_section_kind;
using sections_t = std::vector<snapshot_section_info>;

[[noreturn]] void throw_os(const std::string& what, const std::string& path, int err) {
    throw std::filesystem::filesystem_error(what, std::filesystem::path(path),
                                            std::error_code(err, std::generic_category()));
}

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

class validator {
public:
    explicit validator(const std::string& path) : path_(path) {}
    void set_base(const unsigned char* base) { base_ = base; }

    [[noreturn]] void fail(const std::string& reason) const {
        throw parse_error(path_, 0, 0, reason);
    }

    const snapshot_section_info* find(const sections_t& s, const char* name,
                                      snapshot_section_kind kind) const {
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

/// The mapped file: its owner (unmaps when the last view goes), first byte and size.
struct mapped_file {
    std::shared_ptr<const void> owner;
    const unsigned char* base = nullptr;
    std::uint64_t size = 0;
};

/// Pass 1: opens and maps `path` read-only; fails early on a non-file or a too short one.
mapped_file map_file(const std::string& path, validator& v) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw_os("load_snapshot: cannot open", path, errno);
    fd_guard guard{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw_os("load_snapshot: cannot stat", path, errno);
    if (!S_ISREG(st.st_mode)) v.fail("not a regular file");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size < sizeof(file_header))
        v.fail(fmt::format("truncated: {} bytes, a snapshot header alone takes {} (not a "
                           "linkequity snapshot?)",
                           size, sizeof(file_header)));
    void* addr = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_SHARED, fd, 0);
    if (addr == MAP_FAILED) throw_os("load_snapshot: cannot mmap", path, errno);
    mapped_file f;
    f.owner = std::make_shared<mapping>(addr, static_cast<std::size_t>(size));
    f.base = static_cast<const unsigned char*>(addr);
    f.size = size;
    v.set_base(f.base);
    return f;
}

/// Pass 2: the header — magic, byte order, version, record sizes, table bounds, the header
/// checksum (over header and table), the file size.
file_header read_header(const mapped_file& f, const validator& v) {
    file_header h;
    std::memcpy(&h, f.base, sizeof h);
    if (std::memcmp(h.magic, format::magic, sizeof format::magic) != 0)
        v.fail("wrong magic: not a linkequity snapshot (expected \"LNKEQTY\\0\" at offset 0)");
    if (h.endian_mark != format::endian_mark) {
        if (h.endian_mark == format::swapped_endian_mark)
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
    if (h.section_count > format::max_sections)
        v.fail(fmt::format("{} sections, at most {} allowed (header corrupted?)", h.section_count,
                           format::max_sections));
    const std::uint64_t table_end = format::table_end(h.section_count);
    if (table_end > f.size)
        v.fail(fmt::format("truncated: {} bytes, the section table ends at byte {}", f.size,
                           table_end));
    {
        std::vector<unsigned char> head(f.base, f.base + table_end);
        std::memset(head.data() + offsetof(file_header, checksum), 0, 8);
        if (snapshot_checksum(head.data(), head.size()) != h.checksum)
            v.fail("header checksum mismatch (file corrupted?)");
    }
    if (h.file_bytes > f.size)
        v.fail(fmt::format("truncated: {} bytes, the header says {}", f.size, h.file_bytes));
    if (h.file_bytes < f.size)
        v.fail(fmt::format("{} unexpected bytes after the end of the snapshot ({} bytes)",
                           f.size - h.file_bytes, h.file_bytes));
    return h;
}

/// Pass 3: the section table — names, kinds, element types and sizes, alignment, bounds, no
/// name used twice for one kind.
sections_t read_section_table(const mapped_file& f, const file_header& h, const validator& v) {
    const std::uint64_t table_end = format::table_end(h.section_count);
    sections_t sections;
    sections.reserve(h.section_count);
    for (std::uint32_t i = 0; i < h.section_count; ++i) {
        section_entry e;
        std::memcpy(&e, f.base + sizeof(file_header) + std::size_t{i} * sizeof e, sizeof e);
        if (e.name[sizeof e.name - 1] != '\0' || e.name[0] == '\0')
            v.fail(fmt::format("section {}: bad name", i));
        const std::string name = format::entry_name(e);
        if (!format::known_kind(e.kind) || !format::known_element(e.element))
            v.fail(fmt::format("section '{}': unknown kind {} or element type {}", name, e.kind,
                               e.element));
        const auto el = static_cast<snapshot_element>(e.element);
        if (e.element_size != format::element_size(el))
            v.fail(fmt::format("section '{}': element size {} for type {}", name, e.element_size,
                               to_string(el)));
        if (e.count > std::numeric_limits<std::uint64_t>::max() / e.element_size ||
            e.bytes != e.count * e.element_size)
            v.fail(fmt::format("section '{}': {} bytes for {} elements of {} bytes", name, e.bytes,
                               e.count, e.element_size));
        if (e.offset % format::alignment != 0)
            v.fail(fmt::format("section '{}': offset {} is not a multiple of {}", name, e.offset,
                               format::alignment));
        if (e.offset < table_end || e.offset > h.file_bytes || e.bytes > h.file_bytes - e.offset)
            v.fail(fmt::format("section '{}': bytes [{}, {}) out of bounds (data lies in [{}, {}))",
                               name, e.offset, e.offset + e.bytes, format::round_up(table_end),
                               h.file_bytes));
        for (const auto& s : sections)
            if (s.name == name && static_cast<std::uint32_t>(s.kind) == e.kind)
                v.fail(fmt::format("section '{}' appears twice", name));
        sections.push_back({name, static_cast<K>(e.kind), el, e.element_size, e.count, e.offset,
                            e.bytes, e.checksum});
    }
    return sections;
}

/// Pass 4: no two sections share a byte. Empty sections occupy no bytes: one may share its
/// offset with the next section.
void check_no_overlap(const sections_t& sections, const validator& v) {
    std::vector<const snapshot_section_info*> order;
    for (const auto& s : sections)
        if (s.bytes > 0) order.push_back(&s);
    std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->offset < b->offset; });
    for (std::size_t i = 1; i < order.size(); ++i)
        if (order[i]->offset < order[i - 1]->offset + order[i - 1]->bytes)
            v.fail(fmt::format("sections '{}' and '{}' overlap", order[i - 1]->name,
                               order[i]->name));
}

/// Pass 5 (verify = checksums): every section's checksum. Runs before the content checks, so
/// that a corrupted byte is reported as such, not as whatever it broke.
void verify_checksums(const mapped_file& f, const sections_t& sections, const validator& v) {
    for (const auto& s : sections)
        if (snapshot_checksum(f.base + s.offset, s.bytes) != s.checksum)
            v.fail(fmt::format("section '{}' checksum mismatch (file corrupted?)", s.name));
}

/// Pass 6: every graph section is one of the format's, with its element type.
void check_graph_section_types(const sections_t& sections, const validator& v) {
    for (const auto& s : sections) {
        if (s.kind != K::graph) continue;
        const auto* k = std::find_if(std::begin(format::graph_sections),
                                     std::end(format::graph_sections),
                                     [&](const auto& x) { return s.name == x.name; });
        if (k == std::end(format::graph_sections))
            v.fail(fmt::format("unknown graph section '{}' (format version {})", s.name,
                               snapshot_format_version));
        if (s.element != k->element)
            v.fail(fmt::format("section '{}' holds {} elements, expected {}", s.name,
                               to_string(s.element), to_string(k->element)));
    }
}

/// The graph's sections, located and sized (null when absent), and the meta values.
struct graph_layout {
    std::uint64_t n = 0, m = 0;
    bool lean = false;
    const snapshot_section_info *out_off = nullptr, *out_tg = nullptr, *out_fl = nullptr,
                                *out_wt = nullptr, *in_off = nullptr, *in_src = nullptr,
                                *in_fl = nullptr, *in_wt = nullptr, *lean_w = nullptr;
};

/// Pass 7a: the meta section — n, m, the lean flag.
void read_meta(const mapped_file& f, const sections_t& sections, const validator& v,
               graph_layout& l) {
    const snapshot_section_info* meta_s = v.find(sections, "meta", K::graph);
    if (!meta_s || meta_s->count < 3) v.fail("section 'meta' missing or shorter than 3 entries");
    std::uint64_t meta[3];
    std::memcpy(meta, f.base + meta_s->offset, sizeof meta);
    l.n = meta[0];
    l.m = meta[1];
    if (l.n > max_nodes) v.fail(fmt::format("meta: {} nodes, at most {} allowed", l.n, max_nodes));
    if (meta[2] > 1) v.fail(fmt::format("meta: lean flag is {}, expected 0 or 1", meta[2]));
    l.lean = meta[2] == 1;
}

/// Pass 7b: each graph array present exactly when the graph's shape (lean, flags, weights)
/// calls for it, with its expected length; offsets run from 0 to m. O(1).
graph_layout locate_graph_arrays(const mapped_file& f, const sections_t& sections,
                                 const validator& v) {
    graph_layout l;
    read_meta(f, sections, v, l);
    const std::uint64_t n = l.n, m = l.m;
    auto sec = [&](const char* name) { return v.find(sections, name, K::graph); };
    auto need = [&](const char* name, std::uint64_t count, bool present) {
        const snapshot_section_info* s = sec(name);
        if (present && !s) v.fail(fmt::format("section '{}' missing", name));
        if (!present && s)
            v.fail(fmt::format("section '{}' present but the graph is {}", name,
                               l.lean ? "lean" : "not lean, or the paired array is absent"));
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
        const auto* o = reinterpret_cast<const std::uint64_t*>(f.base + s->offset);
        if (o[0] != 0 || o[n] != m)
            v.fail(fmt::format("section '{}' runs from {} to {}, expected 0 to m = {}", name, o[0],
                               o[n], m));
        return s;
    };
    const bool has_flags = sec("in_flags") || sec("out_flags");
    const bool has_weights = sec("in_weights") || sec("out_weights");
    l.in_off = offsets_ok("in_offsets");
    l.in_src = need("in_sources", m, true);
    l.in_fl = need("in_flags", m, has_flags && !l.lean);
    l.in_wt = need("in_weights", m, has_weights);
    if (l.lean) {
        need("out_offsets", 0, false);
        need("out_targets", 0, false);
        need("out_flags", 0, false);
        need("out_weights", 0, false);
        l.lean_w = need("lean_out_weight", n, true);
    } else {
        l.out_off = offsets_ok("out_offsets");
        l.out_tg = need("out_targets", m, true);
        l.out_fl = need("out_flags", m, has_flags);
        l.out_wt = need("out_weights", m, has_weights);
        need("lean_out_weight", 0, false);
    }
    return l;
}

/// Pass 8: string tables come in pairs (u64 offsets, u8 chars), offsets from 0 to the chars'
/// length; with verify != none also never decreasing (O(k)).
void check_string_tables(const mapped_file& f, const sections_t& sections, snapshot_verify verify,
                         const validator& v) {
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
        const auto* o = reinterpret_cast<const std::uint64_t*>(f.base + s.offset);
        if (o[0] != 0 || o[s.count - 1] != other->count)
            v.fail(fmt::format("string table '{}': offsets run from {} to {}, expected 0 to {}",
                               s.name, o[0], o[s.count - 1], other->count));
        if (verify != snapshot_verify::none)
            for (std::uint64_t i = 1; i < s.count; ++i)
                if (o[i] < o[i - 1])
                    v.fail(fmt::format("string table '{}': offset {} = {} is smaller than the one "
                                       "before ({})",
                                       s.name, i, o[i], o[i - 1]));
    }
}

/// Pass 9: the graph's arrays as buffers viewing the mapping (no copy).
graph_storage_access::parts view_graph(const graph_layout& l, const mapped_file& f,
                                       const validator& v) {
    graph_storage_access::parts p;
    p.num_nodes = static_cast<std::size_t>(l.n);
    p.num_edges = static_cast<std::size_t>(l.m);
    p.lean = l.lean;
    p.out_offsets = v.view<edge_offset>(l.out_off, f.owner);
    p.out_targets = v.view<node_id>(l.out_tg, f.owner);
    p.out_flags = v.view<edge_flags>(l.out_fl, f.owner);
    p.out_weights = v.view<edge_weight>(l.out_wt, f.owner);
    p.in_offsets = v.view<edge_offset>(l.in_off, f.owner);
    p.in_sources = v.view<node_id>(l.in_src, f.owner);
    p.in_flags = v.view<edge_flags>(l.in_fl, f.owner);
    p.in_weights = v.view<edge_weight>(l.in_wt, f.owner);
    p.lean_out_weight = v.view<double>(l.lean_w, f.owner);
    return p;
}

/// One direction's structure (detail::check_csr_structure), worded with the section names.
/// Returns the order-free hash of its edges.
std::uint64_t check_direction(const validator& v, detail::csr_rows rows,
                              const char* offsets_name, const char* ids_name,
                              span<const edge_offset> off, span<const node_id> ids,
                              span<const edge_flags> fl, span<const edge_weight> wt,
                              std::size_t n) {
    using problem = detail::csr_structure_report::problem;
    const detail::csr_structure_report r = detail::check_csr_structure(off, ids, fl, wt, n, rows);
    const std::size_t e = r.entry;
    switch (r.what) {
        case problem::none: return r.edge_hash;
        case problem::offsets_decrease:
            v.fail(fmt::format("section '{}': entry {} = {} is larger than entry {} = {}",
                               offsets_name, r.row, off[r.row], r.row + 1, off[r.row + 1]));
        case problem::id_out_of_range:
            v.fail(fmt::format("section '{}': entry {} (row {}) is {} but the graph has {} nodes",
                               ids_name, e, r.row, ids[e], n));
        case problem::row_unsorted:
            v.fail(fmt::format("section '{}': row {} is not sorted at entry {}", ids_name, r.row,
                               e));
        case problem::bad_weight:
            v.fail(fmt::format("section '{}_weights': entry {} is {}, expected a finite number >= 0",
                               rows == detail::csr_rows::out ? "out" : "in", e, wt[e]));
        default:  // shapes are checked by locate_graph_arrays before; kept for safety
            v.fail(fmt::format("sections '{}' and '{}' do not form a CSR of {} nodes",
                               offsets_name, ids_name, n));
    }
}

/// Pass 10 (verify != none): O(n + m) — both directions well-formed, the in-adjacency the
/// transpose of the out-adjacency (edge hashes equal), lean out-weights finite and >= 0.
void check_graph_structure(const graph_storage_access::parts& p, const validator& v) {
    using detail::csr_rows;
    const std::size_t n = p.num_nodes;
    const std::uint64_t in_hash =
        check_direction(v, csr_rows::in, "in_offsets", "in_sources", p.in_offsets.view(),
                        p.in_sources.view(), p.in_flags.view(), p.in_weights.view(), n);
    if (!p.lean) {
        const std::uint64_t out_hash =
            check_direction(v, csr_rows::out, "out_offsets", "out_targets", p.out_offsets.view(),
                            p.out_targets.view(), p.out_flags.view(), p.out_weights.view(), n);
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
    validator v(path);
    mapped_file f = map_file(path, v);
    const file_header h = read_header(f, v);
    sections_t sections = read_section_table(f, h, v);
    check_no_overlap(sections, v);
    if (options.verify == snapshot_verify::checksums) verify_checksums(f, sections, v);
    check_graph_section_types(sections, v);
    const graph_layout layout = locate_graph_arrays(f, sections, v);
    check_string_tables(f, sections, options.verify, v);
    graph_storage_access::parts p = view_graph(layout, f, v);
    if (options.verify != snapshot_verify::none) check_graph_structure(p, v);

    snapshot s;
    s.graph_ = graph_storage_access::make(std::move(p));
    s.path_ = path;
    s.version_ = h.version;
    s.file_bytes_ = f.size;
    s.sections_ = std::move(sections);
    s.mapping_ = std::move(f.owner);
    s.base_ = f.base;
    return s;
}

}  // namespace io
}  // namespace linkequity
