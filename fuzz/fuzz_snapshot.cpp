// SPDX-License-Identifier: MIT
// libFuzzer target: arbitrary bytes written to a file and opened with load_snapshot. Byte 0 picks
// the verification level and whether the checksums are first recomputed ("resealed") so that the
// fuzzer gets past them and reaches the table, length and structure checks. Only parse_error may
// come out; after a load with structure verification every adjacency list, flag, weight and extra
// section is read in full (a bad id or offset that slipped through shows up under ASan).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "linkequity/error.hpp"
#include "linkequity/io/snapshot.hpp"
#include "snapshot_fuzz.hpp"

using namespace linkequity;

namespace {

using fuzz::check;

void exercise(const io::snapshot& s) {
    const csr_graph& g = s.graph();
    const std::size_t n = g.num_nodes();
    std::uint64_t sum = 0;
    for (node_id v = 0; v < n; ++v) {
        for (node_id u : g.in_neighbors(v)) sum += u, check(u < n);
        for (edge_flags f : g.in_flags(v)) sum += f;
        for (edge_weight w : g.in_weights(v)) check(w >= 0);
        if (g.has_out_edges()) {
            for (node_id t : g.out_neighbors(v)) sum += t, check(t < n);
            for (edge_flags f : g.out_flags(v)) sum += f;
            for (edge_weight w : g.out_weights(v)) check(w >= 0);
        }
    }
    for (double w : g.lean_out_weight()) check(w >= 0);
    check(g.in_sources().size() == g.num_edges());
    for (const auto& name : s.string_table_names()) {
        const io::snapshot_strings t = s.strings(name);
        for (std::size_t i = 0; i < t.size(); ++i) sum += t[i].size();
    }
    for (const auto& info : s.sections()) {
        if (info.kind != io::snapshot_section_kind::array) continue;
        switch (info.element) {
            case io::snapshot_element::u8: for (auto x : s.array<std::uint8_t>(info.name)) sum += x; break;
            case io::snapshot_element::u32: for (auto x : s.array<std::uint32_t>(info.name)) sum += x; break;
            case io::snapshot_element::u64: for (auto x : s.array<std::uint64_t>(info.name)) sum += x; break;
            case io::snapshot_element::f32: for (auto x : s.array<float>(info.name)) sum += x != x; break;
            case io::snapshot_element::f64: for (auto x : s.array<double>(info.name)) sum += x != x; break;
        }
    }
    fuzz::consume(sum);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t mode = data[0];
    std::vector<unsigned char> file(data + 1, data + size);
    if (mode & 1) fuzz::reseal(file);
    const io::snapshot_verify verify =
        (mode >> 1) % 3 == 0 ? io::snapshot_verify::checksums
        : (mode >> 1) % 3 == 1 ? io::snapshot_verify::structure
                               : io::snapshot_verify::none;
    static const std::string path = fuzz::scratch_path("fuzz_snapshot", ".lqs");
    fuzz::write_file(path, file);
    try {
        const io::snapshot s = io::load_snapshot(path, {verify});
        check(s.file_bytes() == file.size());
        if (verify != io::snapshot_verify::none) exercise(s);
    } catch (const parse_error& e) {
        check(e.path() == path);
    }
    return 0;
}
