// SPDX-License-Identifier: MIT
// Writing binary snapshots (io/snapshot.hpp): the extra sections a caller adds, then
// save_snapshot's passes — list the sections → lay them out → write them to a temp file →
// seal the header → fsync and rename into place. Layout: snapshot_format.hpp. Self-contained on
// purpose (only inline csr_graph code, fmt and POSIX): the fuzz targets compile src/io/*.cpp
// without the rest of the library.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "linkequity/io/atomic_file.hpp"
#include "linkequity/io/snapshot.hpp"
#include "snapshot_format.hpp"

namespace linkequity::io {

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

using format::file_header;
using format::section_entry;

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

/// One section to write: what the table entry will describe, and where its bytes are.
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

/// The `meta` section of a graph: n, m, lean.
using graph_meta = std::uint64_t[3];

/// Pass 1: the graph's arrays (absent ones skipped) in format order, then the extras.
std::vector<pending> list_sections(const csr_graph& g, const graph_meta& meta,
                                   const snapshot_extras& extras) {
    using K = snapshot_section_kind;
    using E = snapshot_element;
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
    if (sections.size() > format::max_sections)
        throw std::invalid_argument(fmt::format("save_snapshot: {} sections, at most {} allowed",
                                                sections.size(), format::max_sections));
    return sections;
}

/// Pass 2: the section table: each section at the next 64-byte boundary after the table and
/// the section before (checksums are filled in while writing).
std::vector<section_entry> lay_out(const std::vector<pending>& sections) {
    std::vector<section_entry> table(sections.size());
    std::uint64_t pos = format::round_up(format::table_end(table.size()));
    for (std::size_t i = 0; i < sections.size(); ++i) {
        section_entry& t = table[i];
        std::memset(&t, 0, sizeof t);
        std::memcpy(t.name, sections[i].name.data(), sections[i].name.size());
        t.kind = static_cast<std::uint32_t>(sections[i].kind);
        t.element = static_cast<std::uint32_t>(sections[i].element);
        t.element_size = format::element_size(sections[i].element);
        t.count = sections[i].count;
        t.bytes = t.count * t.element_size;
        t.offset = pos;
        pos = format::round_up(pos + t.bytes);
    }
    return table;
}

/// Creates io::temporary_path(path) for writing (the durable, fd-based twin of atomic_output:
/// snapshots are written with pwrite at section offsets and fsynced before the rename).
void create_temp(temp_file& tmp, const std::string& path) {
    tmp.path = temporary_path(path).string();
    tmp.fd = ::open(tmp.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (tmp.fd < 0) {
        const int err = errno;
        tmp.keep = true;  // nothing was created
        throw_os("save_snapshot: cannot create", tmp.path, err);
    }
}

/// Pass 3: zeros where the header and table go (sealed later), then every section's bytes at
/// its offset, zero-padded; fills in each entry's checksum.
void write_sections(const temp_file& tmp, const std::vector<pending>& sections,
                    std::vector<section_entry>& table) {
    static const unsigned char zeros[format::alignment] = {};
    const std::vector<unsigned char> head(format::round_up(format::table_end(table.size())), 0);
    write_all(tmp.fd, head.data(), head.size(), tmp.path);
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
}

/// Pass 4: the header and the section table, checksummed together, written over the zeros.
void seal_header(const temp_file& tmp, const std::vector<section_entry>& table) {
    const std::uint64_t table_end = format::table_end(table.size());
    file_header h{};
    std::memcpy(h.magic, format::magic, sizeof format::magic);
    h.endian_mark = format::endian_mark;
    h.version = snapshot_format_version;
    h.header_bytes = sizeof(file_header);
    h.section_count = static_cast<std::uint32_t>(table.size());
    h.file_bytes = table.empty() ? table_end : table.back().offset + table.back().bytes;
    h.table_offset = sizeof(file_header);
    h.entry_bytes = sizeof(section_entry);
    std::vector<unsigned char> head(table_end, 0);
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
}

/// Pass 5: fsync, close and rename the temp file over `path`, then fsync the directory.
void commit(temp_file& tmp, const std::string& path) {
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

}  // namespace

void save_snapshot(const std::string& path, const csr_graph& g, const snapshot_extras& extras) {
    const graph_meta meta = {g.num_nodes(), g.num_edges(), g.is_lean() ? 1u : 0u};
    const std::vector<pending> sections = list_sections(g, meta, extras);
    std::vector<section_entry> table = lay_out(sections);
    temp_file tmp;
    create_temp(tmp, path);
    write_sections(tmp, sections, table);
    seal_header(tmp, table);
    commit(tmp, path);
}

}  // namespace linkequity::io
