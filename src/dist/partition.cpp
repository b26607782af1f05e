// SPDX-License-Identifier: MIT
// Partitioned graphs (dist/partition.hpp): the balanced ranges, writing the part files and the
// manifest as snapshots with named arrays, and reading them back with every cross-check a
// distributed run needs before its first collective (same partitioning, right index and range).
#include "linkequity/dist/partition.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "linkequity/error.hpp"
#include "linkequity/graph/builder.hpp"

namespace linkequity::dist {
namespace {

// part_meta / partition_meta layout (u64): version, P, n, m, id, lean, weights, flags, then
// (parts only) index, first, last, edges.
enum meta_field : std::size_t {
    f_version, f_parts, f_nodes, f_edges, f_id, f_lean, f_weights, f_flags,
    f_index, f_first, f_last, f_part_edges, meta_part_size
};
constexpr std::size_t meta_manifest_size = f_index;
/// More parts than nodes leave some empty (a rank with nothing to pull is allowed); the cap only
/// keeps the part numbering within its 5 digits.
constexpr std::size_t max_parts = 99999;

/// A snapshot needs a graph: parts and manifest carry an empty one (0 nodes) and named arrays.
const csr_graph& empty_graph() {
    static const csr_graph g = build_graph(edge_list{});
    return g;
}

/// The checksum the manifest records for a part: over its sections' names and checksums.
std::uint64_t content_checksum(const io::snapshot& s) {
    std::vector<std::uint64_t> words;
    for (const auto& x : s.sections()) {
        words.push_back(io::snapshot_checksum(x.name.data(), x.name.size()));
        words.push_back(x.checksum);
        words.push_back(x.count);
    }
    return io::snapshot_checksum(words.data(), words.size() * sizeof(std::uint64_t));
}

/// Rebased offsets of rows [first, last]: offsets[i] - offsets[first].
std::vector<edge_offset> rebase(span<const edge_offset> offsets, std::uint64_t first,
                                std::uint64_t last) {
    std::vector<edge_offset> r(last - first + 1);
    for (std::uint64_t i = first; i <= last; ++i) r[i - first] = offsets[i] - offsets[first];
    return r;
}

/// Writes part p of g (bounds as computed) and returns its content checksum.
std::uint64_t write_part(const partition_manifest& man, const csr_graph& g, std::size_t p) {
    part_arrays a;
    a.first = man.bounds[p];
    a.last = man.bounds[p + 1];
    const auto in_off = g.in_offsets();
    const edge_offset e0 = in_off[a.first], e1 = in_off[a.last];
    const std::vector<edge_offset> in_rows = rebase(in_off, a.first, a.last);
    a.in_offsets = in_rows;
    a.in_sources = g.in_sources().subspan(e0, e1 - e0);
    if (man.weights) a.in_weights = g.in_weight_array().subspan(e0, e1 - e0);
    if (man.flags) a.in_flags = g.in_flag_array().subspan(e0, e1 - e0);
    std::vector<edge_offset> out_rows;
    if (man.lean) {
        a.lean_out_weight = g.lean_out_weight().subspan(a.first, a.last - a.first);
    } else {
        const auto out_off = g.out_offsets();
        const edge_offset o0 = out_off[a.first], o1 = out_off[a.last];
        out_rows = rebase(out_off, a.first, a.last);
        a.out_offsets = out_rows;
        if (man.weights) a.out_weights = g.out_weight_array().subspan(o0, o1 - o0);
        if (man.flags) a.out_flags = g.out_flag_array().subspan(o0, o1 - o0);
    }
    return write_part_file(man, p, a);
}

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
    throw parse_error(path, 0, 0, reason);
}

/// The u64 meta array of a manifest or part, with its expected length.
span<const std::uint64_t> meta_of(const io::snapshot& s, const char* name, std::size_t size) {
    if (!s.has_array(name))
        fail(s.path(), fmt::format("no '{}' array: not a linkequity partition file (written by "
                                   "`linkequity snapshot --partitions`)", name));
    const auto m = s.array<std::uint64_t>(name);
    if (m.size() != size)
        fail(s.path(), fmt::format("'{}' has {} entries, expected {}", name, m.size(), size));
    if (m[f_version] != partition_format_version)
        fail(s.path(), fmt::format("partition format version {}, this build reads version {}",
                                   m[f_version], partition_format_version));
    return m;
}

template <class T>
span<const T> optional_array(const io::snapshot& s, const char* name, bool present,
                             std::size_t count) {
    if (!present) return {};
    const auto a = s.array<T>(name);
    if (a.size() != count)
        fail(s.path(), fmt::format("'{}' has {} entries, expected {}", name, a.size(), count));
    return a;
}

/// Lengths and (with checks) offsets and source ids of an opened part.
void check_part_arrays(const graph_part& p, bool deep) {
    const std::string& path = p.file.path();
    const std::size_t n = p.num_local();
    auto check_offsets = [&](span<const edge_offset> off, const char* name, std::size_t total) {
        if (off.size() != n + 1 || off[0] != 0 || off[n] != total)
            fail(path, fmt::format("'{}' has {} entries from {} to {}, expected {} from 0 to {}",
                                   name, off.size(), off.empty() ? 0 : off[0],
                                   off.empty() ? 0 : off[off.size() - 1], n + 1, total));
        if (deep)
            for (std::size_t i = 0; i < n; ++i)
                if (off[i + 1] < off[i])
                    fail(path, fmt::format("'{}' decreases at row {}", name, i));
    };
    check_offsets(p.in_offsets, "in_offsets", p.in_sources.size());
    if (!p.manifest.lean)
        check_offsets(p.out_offsets, "out_offsets", p.out_offsets[p.out_offsets.size() - 1]);
    if (deep)
        for (std::size_t e = 0; e < p.in_sources.size(); ++e)
            if (p.in_sources[e] >= p.manifest.num_nodes)
                fail(path, fmt::format("in-edge {} has source {}, expected < {} nodes", e,
                                       p.in_sources[e], p.manifest.num_nodes));
}

}  // namespace

std::string partition_manifest::part_path(std::size_t p) const {
    return (std::filesystem::path(dir) / fmt::format("part-{:05}-of-{:05}.lqs", p, parts))
        .string();
}

std::size_t partition_manifest::owner(std::uint64_t node) const {
    const auto it = std::upper_bound(bounds.begin(), bounds.end(), node);
    return static_cast<std::size_t>(it - bounds.begin()) - 1;
}

std::vector<std::uint64_t> partition_bounds(span<const edge_offset> in_offsets,
                                            std::size_t parts) {
    if (parts == 0) throw std::invalid_argument("partition_bounds: parts must be >= 1, got 0");
    if (in_offsets.empty())
        throw std::invalid_argument("partition_bounds: in_offsets must have n + 1 entries, got 0");
    const std::size_t n = in_offsets.size() - 1;
    const auto& off = in_offsets;
    const long double total = static_cast<long double>(off[n]) + n;
    auto cost = [&](std::uint64_t i) { return static_cast<long double>(off[i]) + i; };
    std::vector<std::uint64_t> b(parts + 1, n);
    b[0] = 0;
    for (std::size_t p = 1; p < parts; ++p) {
        const long double target = total * p / parts;
        std::uint64_t lo = b[p - 1], hi = n;  // first i in [lo, n] with off[i] + i >= target
        while (lo < hi) {
            const std::uint64_t mid = lo + (hi - lo) / 2;
            if (cost(mid) >= target) hi = mid;
            else lo = mid + 1;
        }
        // The nearer (in cost) of the block boundaries around it; ties go down.
        const std::uint64_t down = std::max<std::uint64_t>(
            b[p - 1], lo / partition_alignment * partition_alignment);
        const std::uint64_t up = std::min<std::uint64_t>(n, down + partition_alignment);
        b[p] = lo == down || target - cost(down) <= cost(up) - target ? down : up;
    }
    return b;
}

std::vector<std::uint64_t> partition_bounds(const csr_graph& g, std::size_t parts) {
    return partition_bounds(g.in_offsets(), parts);
}

partition_manifest save_partitions(const std::string& dir, const csr_graph& g, std::size_t parts) {
    if (parts == 0 || parts > max_parts)
        throw std::invalid_argument(fmt::format(
            "save_partitions: parts must be in [1, {}], got {}", max_parts, parts));
    std::filesystem::create_directories(dir);
    partition_manifest m;
    m.dir = dir;
    m.version = partition_format_version;
    m.parts = parts;
    m.num_nodes = g.num_nodes();
    m.num_edges = g.num_edges();
    m.lean = g.is_lean();
    m.weights = g.has_weights();
    m.flags = g.has_flags();
    m.id = partition_id(m, io::snapshot_checksum(g.in_offsets().data(),
                                                 g.in_offsets().size() * sizeof(edge_offset)),
                        io::snapshot_checksum(g.in_sources().data(),
                                              g.in_sources().size() * sizeof(node_id)));
    m.bounds = partition_bounds(g, parts);
    for (std::size_t p = 0; p < parts; ++p) {
        m.part_edges.push_back(g.in_offsets()[m.bounds[p + 1]] - g.in_offsets()[m.bounds[p]]);
        m.part_checksums.push_back(write_part(m, g, p));
    }
    write_manifest_file(m);
    return m;
}

std::uint64_t write_part_file(const partition_manifest& m, std::size_t index,
                              const part_arrays& a) {
    const std::uint64_t meta[meta_part_size] = {
        m.version, m.parts, m.num_nodes, m.num_edges, m.id, m.lean, m.weights, m.flags,
        index,     a.first, a.last,      a.in_sources.size()};
    io::snapshot_extras x;
    x.add_array("part_meta", span<const std::uint64_t>(meta, meta_part_size));
    x.add_array("in_offsets", a.in_offsets);
    x.add_array("in_sources", a.in_sources);
    if (m.weights) x.add_array("in_weights", a.in_weights);
    if (m.flags) x.add_array("in_flags", a.in_flags);
    if (m.lean) {
        x.add_array("lean_out_weight", a.lean_out_weight);
    } else {
        x.add_array("out_offsets", a.out_offsets);
        if (m.weights) x.add_array("out_weights", a.out_weights);
        if (m.flags) x.add_array("out_flags", a.out_flags);
    }
    const std::string path = m.part_path(index);
    io::save_snapshot(path, empty_graph(), x);
    return content_checksum(io::load_snapshot(path, {io::snapshot_verify::none}));
}

void write_manifest_file(const partition_manifest& m) {
    const std::uint64_t meta[meta_manifest_size] = {m.version, m.parts,   m.num_nodes, m.num_edges,
                                                    m.id,      m.lean,    m.weights,   m.flags};
    io::snapshot_extras x;
    x.add_array("partition_meta", span<const std::uint64_t>(meta, meta_manifest_size));
    x.add_array("partition_bounds", span<const std::uint64_t>(m.bounds));
    x.add_array("part_edges", span<const std::uint64_t>(m.part_edges));
    x.add_array("part_checksums", span<const std::uint64_t>(m.part_checksums));
    io::save_snapshot((std::filesystem::path(m.dir) / "manifest.lqs").string(), empty_graph(), x);
}

std::uint64_t partition_id(const partition_manifest& m, std::uint64_t in_offsets_checksum,
                           std::uint64_t in_sources_checksum) {
    const std::uint64_t words[] = {m.num_nodes, m.num_edges, m.parts,
                                   m.lean,      m.weights,   m.flags,
                                   in_offsets_checksum, in_sources_checksum};
    return io::snapshot_checksum(words, sizeof words);
}

partition_manifest load_partition_manifest(const std::string& dir,
                                           const io::snapshot_load_options& options) {
    const std::string path = (std::filesystem::path(dir) / "manifest.lqs").string();
    const io::snapshot s = io::load_snapshot(path, options);
    const auto meta = meta_of(s, "partition_meta", meta_manifest_size);
    partition_manifest m;
    m.dir = dir;
    m.version = meta[f_version];
    m.parts = meta[f_parts];
    m.num_nodes = meta[f_nodes];
    m.num_edges = meta[f_edges];
    m.id = meta[f_id];
    m.lean = meta[f_lean] != 0;
    m.weights = meta[f_weights] != 0;
    m.flags = meta[f_flags] != 0;
    if (m.parts == 0) fail(path, "0 parts, expected at least 1");
    const auto b = optional_array<std::uint64_t>(s, "partition_bounds", true, m.parts + 1);
    const auto e = optional_array<std::uint64_t>(s, "part_edges", true, m.parts);
    const auto c = optional_array<std::uint64_t>(s, "part_checksums", true, m.parts);
    m.bounds.assign(b.begin(), b.end());
    m.part_edges.assign(e.begin(), e.end());
    m.part_checksums.assign(c.begin(), c.end());
    std::uint64_t edges = 0;
    for (std::size_t p = 0; p < m.parts; ++p) {
        if (m.bounds[p + 1] < m.bounds[p])
            fail(path, fmt::format("partition_bounds decrease at part {}: {} > {}", p,
                                   m.bounds[p], m.bounds[p + 1]));
        edges += m.part_edges[p];
    }
    if (m.bounds[0] != 0 || m.bounds[m.parts] != m.num_nodes || edges != m.num_edges)
        fail(path, fmt::format("partition_bounds span [{}, {}) with {} edges, expected [0, {}) "
                               "with {}", m.bounds[0], m.bounds[m.parts], edges, m.num_nodes,
                               m.num_edges));
    return m;
}

graph_part load_graph_part(const partition_manifest& man, std::size_t index,
                           const io::snapshot_load_options& options) {
    if (index >= man.parts)
        throw std::out_of_range(fmt::format("load_graph_part: part {} of a {}-part graph ({})",
                                            index, man.parts, man.dir));
    graph_part p;
    p.index = index;
    p.manifest = man;
    p.file = io::load_snapshot(man.part_path(index), options);
    const std::string& path = p.file.path();
    const auto meta = meta_of(p.file, "part_meta", meta_part_size);
    if (meta[f_id] != man.id || meta[f_parts] != man.parts || meta[f_nodes] != man.num_nodes)
        fail(path, fmt::format("from another partitioning: id {:#018x} of a {}-part graph of {} "
                               "nodes, the manifest has id {:#018x}, {} parts, {} nodes",
                               meta[f_id], meta[f_parts], meta[f_nodes], man.id, man.parts,
                               man.num_nodes));
    if (meta[f_index] != index || meta[f_first] != man.bounds[index] ||
        meta[f_last] != man.bounds[index + 1] || meta[f_part_edges] != man.part_edges[index])
        fail(path, fmt::format("is part {} (nodes [{}, {}), {} edges), expected part {} (nodes "
                               "[{}, {}), {} edges)", meta[f_index], meta[f_first], meta[f_last],
                               meta[f_part_edges], index, man.bounds[index],
                               man.bounds[index + 1], man.part_edges[index]));
    if (content_checksum(p.file) != man.part_checksums[index])
        fail(path, "its sections do not match the checksum the manifest records (rewritten or "
                   "from another run?)");
    p.first = meta[f_first];
    p.last = meta[f_last];
    const std::size_t n = p.num_local(), m = meta[f_part_edges];
    p.in_offsets = optional_array<std::uint64_t>(p.file, "in_offsets", true, n + 1);
    p.in_sources = optional_array<std::uint32_t>(p.file, "in_sources", true, m);
    p.in_weights = optional_array<float>(p.file, "in_weights", man.weights, m);
    p.in_flags = optional_array<std::uint8_t>(p.file, "in_flags", man.flags, m);
    if (man.lean) {
        p.lean_out_weight = optional_array<double>(p.file, "lean_out_weight", true, n);
    } else {
        p.out_offsets = optional_array<std::uint64_t>(p.file, "out_offsets", true, n + 1);
        const std::size_t mo = p.out_offsets[n];
        p.out_weights = optional_array<float>(p.file, "out_weights", man.weights, mo);
        p.out_flags = optional_array<std::uint8_t>(p.file, "out_flags", man.flags, mo);
    }
    check_part_arrays(p, options.verify != io::snapshot_verify::none);
    return p;
}

}  // namespace linkequity::dist
