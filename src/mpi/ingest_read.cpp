// SPDX-License-Identifier: MIT
// `linkequity-mpi snapshot`, reading (ingest.hpp): the file is mapped, rank r parses the whole
// lines that start in its 1/P of the bytes with io::read_edge_list_from_memory — the very reader
// of `linkequity pagerank FILE` — and a bad line's number is made global with the line count of
// the ranks before it. Gzip, UTF-16 and Matrix Market cannot be split by bytes: every rank then
// reads the whole file and keeps its 1/P of the edges.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "ingest.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/link_source.hpp"

namespace linkequity::mpi_cli::ingest {
namespace {

[[noreturn]] void os_error(const std::string& path, const char* what) {
    const int e = errno;
    throw std::filesystem::filesystem_error(
        fmt::format("linkequity-mpi snapshot: cannot {} the edge list", what),
        std::filesystem::path(path), std::error_code(e, std::generic_category()));
}

/// The whole file mapped read-only (null for an empty file), unmapped with the last owner.
std::shared_ptr<const char> map_file(const std::string& path, std::uint64_t& bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) os_error(path, "open");
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        os_error(path, "stat");
    }
    bytes = static_cast<std::uint64_t>(st.st_size);
    if (bytes == 0) {
        ::close(fd);
        return nullptr;
    }
    void* p = ::mmap(nullptr, bytes, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) os_error(path, "map");
    const std::size_t len = bytes;
    return std::shared_ptr<const char>(static_cast<const char*>(p),
                                       [len](const char* q) { ::munmap(const_cast<char*>(q), len); });
}

bool starts_with_banner(const char* p, std::size_t n) {
    constexpr std::string_view banner = "%%MatrixMarket";
    if (n < banner.size()) return false;
    for (std::size_t i = 0; i < banner.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(p[i])) !=
            std::tolower(static_cast<unsigned char>(banner[i])))
            return false;
    return true;
}

/// Whether the text cannot be cut at byte offsets: gzip, UTF-16 (BOM or NUL bytes in the first
/// four), Matrix Market (its header must be read first). Read whole by every rank, as
/// io::read_edge_list would.
bool needs_whole_read(const char* p, std::uint64_t n) {
    const auto b = [&](std::uint64_t i) { return i < n ? static_cast<unsigned char>(p[i]) : 1u; };
    if (b(0) == 0x1f && b(1) == 0x8b) return true;
    if ((b(0) == 0xFF && b(1) == 0xFE) || (b(0) == 0xFE && b(1) == 0xFF)) return true;
    for (std::uint64_t i = 0; i < 4; ++i)
        if (b(i) == 0) return true;
    const std::uint64_t skip = (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) ? 3 : 0;
    return starts_with_banner(p + std::min(skip, n), n - std::min(skip, n));
}

/// The first line start at or after `offset`: 0, or one past a '\n' at offset-1 or later.
std::uint64_t line_start_from(const char* p, std::uint64_t n, std::uint64_t offset) {
    if (offset == 0) return 0;
    if (offset >= n) return n;
    const void* nl = std::memchr(p + offset - 1, '\n', n - (offset - 1));
    return nl ? static_cast<std::uint64_t>(static_cast<const char*>(nl) - p) + 1 : n;
}

/// Line ends in [begin, end) as the tokenizer counts them: CR LF once, a lone CR or LF once.
std::uint64_t count_line_ends(const char* p, std::uint64_t begin, std::uint64_t end) {
    std::uint64_t lines = 0;
    for (std::uint64_t i = begin; i < end; ++i) {
        if (p[i] == '\r') ++lines;
        else if (p[i] == '\n' && !(i > 0 && p[i - 1] == '\r')) ++lines;
    }
    return lines;
}

void append_edges(const edge_list& el, std::size_t lo, std::size_t hi, edge_share& out) {
    out.weighted = !el.weights.empty();
    out.edges.reserve(hi - lo);
    for (std::size_t e = lo; e < hi; ++e)
        out.edges.push_back({el.src[e], el.dst[e], out.weighted ? el.weights[e] : edge_weight(1)});
}

}  // namespace

file_share open_share(const std::string& path, int rank, int size) {
    file_share s;
    s.path = path;
    s.data = map_file(path, s.file_bytes);
    const char* p = s.data.get();
    const std::uint64_t n = s.file_bytes, r = static_cast<std::uint64_t>(rank),
                        ranks = static_cast<std::uint64_t>(size);
    if (n == 0 || needs_whole_read(p, n)) {
        s.split = false;
        s.data.reset();
        return s;
    }
    s.begin = line_start_from(p, n, n * r / ranks);
    s.end = r + 1 == ranks ? n : line_start_from(p, n, n * (r + 1) / ranks);
    s.end = std::max(s.begin, s.end);
    s.lines = count_line_ends(p, s.begin, s.end);
    return s;
}

edge_share parse_share(file_share& s, std::uint64_t lines_before, int rank, int size) {
    edge_share out;
    if (!s.split) {  // every rank reads the whole file, and keeps its 1/P of the edges
        const edge_list el = io::read_edge_list(s.path);
        const std::size_t m = el.num_edges(), r = static_cast<std::size_t>(rank),
                          ranks = static_cast<std::size_t>(size);
        append_edges(el, m * r / ranks, m * (r + 1) / ranks, out);
        out.nodes = el.num_nodes;
        return out;
    }
    const char* p = s.data.get();
    std::uint64_t begin = s.begin;
    // A "%%MatrixMarket" comment line starting a later share is a comment, not a banner.
    while (begin > 0 && begin < s.end && starts_with_banner(p + begin, s.end - begin)) {
        const void* nl = std::memchr(p + begin, '\n', s.end - begin);
        lines_before += count_line_ends(p, begin, nl ? static_cast<const char*>(nl) - p + 1 : s.end);
        begin = nl ? static_cast<std::uint64_t>(static_cast<const char*>(nl) - p) + 1 : s.end;
    }
    if (begin == s.end) return out;
    edge_list el;
    try {
        el = io::read_edge_list_from_memory(p + begin, s.end - begin, s.path);
    } catch (const parse_error& e) {
        if (e.line() == 0) throw;
        throw parse_error(e.path(), e.line() + lines_before, e.column(), e.reason());
    }
    s.data.reset();  // the mapping is no longer needed: unmap before the edges are copied
    append_edges(el, 0, el.num_edges(), out);
    out.nodes = el.num_nodes;
    return out;
}

}  // namespace linkequity::mpi_cli::ingest
