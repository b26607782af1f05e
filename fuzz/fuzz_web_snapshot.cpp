// SPDX-License-Identifier: MIT
// libFuzzer target: web_graph::open_snapshot on damaged web snapshots. Structure-aware, so that
// the web-level checks (lengths, ids in range, offsets, sorted keys …) are reached without a
// seed corpus: byte 0 picks the verification level, whether the input is patches to a valid web
// snapshot built at start-up (with dates, non-web targets, several hosts per domain) or a whole
// file, and whether every checksum is recomputed afterwards ("resealed") so the damage gets past
// them. Only parse_error may come out; after an open with structure verification every accessor
// is read in full and authority is computed (ASan catches any read out of bounds).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "linkequity/error.hpp"
#include "linkequity/io/snapshot.hpp"
#include "linkequity/web/authority.hpp"
#include "linkequity/web/web_graph.hpp"
#include "snapshot_fuzz.hpp"

using namespace linkequity;

namespace {

using fuzz::check;

/// A small but complete web snapshot: the patch target.
const std::vector<unsigned char>& valid_snapshot() {
    static const std::vector<unsigned char> bytes = [] {
        web::web_graph_builder b;
        const char* pages[] = {"https://www.alpha.com/", "https://blog.alpha.com/p",
                               "https://beta.co.uk/", "https://x.example.com.au/a?b=1",
                               "https://gamma.blogspot.com/", "https://www.alpha.com/about"};
        std::size_t line = 0;
        for (std::size_t i = 0; i < 6; ++i)
            for (std::size_t j = 0; j < 6; j += 1 + i % 2) {
                io::raw_link l;
                l.source = pages[i];
                l.target = (i + j) % 7 == 3 ? "mailto:x@alpha.com" : pages[(i + j) % 6];
                l.anchor = "anchor " + std::to_string(j);
                l.rel = static_cast<edge_flags>(j % 3 == 1 ? flags::nofollow : flags::none);
                l.position = static_cast<link_position>(j % 6);
                l.first_seen = j % 2 ? "2024-01-0" + std::to_string(j) : "";
                l.line = ++line;
                b.add(l);
            }
        const std::string path = fuzz::scratch_path("fuzz_web_snapshot", "-seed.lqs");
        web::save_snapshot(path, b.finish());
        std::ifstream in(path, std::ios::binary);
        std::vector<unsigned char> v{std::istreambuf_iterator<char>(in),
                                     std::istreambuf_iterator<char>()};
        std::remove(path.c_str());
        return v;
    }();
    return bytes;
}

void exercise(const web::web_graph& g) {
    std::uint64_t sum = 0;
    const std::size_t pages = g.num_pages(), hosts = g.num_hosts(), domains = g.num_domains();
    for (node_id p = 0; p < pages; ++p) {
        sum += g.page_url(p).size() + g.domain_name(g.domain_of(p)).size();
        check(g.host_of(p) < hosts && g.domain_of(p) < domains);
        sum += g.find_page(g.page_url(p)).value_or(0);
    }
    for (node_id h = 0; h < hosts; ++h) {
        const auto [first, last] = g.host_pages(h);
        check(first <= last && last <= pages);
        sum += g.host_name(h).size() + g.find_host(g.host_name(h)).value_or(0);
    }
    for (node_id d = 0; d < domains; ++d)
        sum += g.domain_name(d).size() + g.find_domain(g.domain_name(d)).value_or(0);
    const auto off = g.link_offsets();
    check(off.size() == pages + 1 && off[pages] == g.num_links());
    for (std::size_t l = 0; l < g.num_links(); ++l) {
        check(g.link_source(l) < pages && g.link_targets()[l] < pages);
        sum += g.anchor_text(g.link_anchors()[l]).size() + g.first_seen(l).size() +
               g.last_seen(l).size() + g.link_flags()[l] +
               std::strlen(web::position_name(g.link_positions()[l]));
    }
    web::authority_options o;
    o.compute_hosts = true;
    o.positions = web::position_weights{};
    o.pagerank.max_iterations = 20;
    const web::authority_result r = web::compute_authority(g, o);
    check(r.pages.size() == pages && r.domains.size() == domains);
    fuzz::consume(sum);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t mode = data[0];
    std::vector<unsigned char> file;
    if (mode & 8) {
        file.assign(data + 1, data + size);
    } else {  // patches: (u16 offset, op, value) records applied to the valid snapshot
        file = valid_snapshot();
        for (std::size_t i = 1; i + 4 <= size; i += 4) {
            std::uint16_t at;
            std::memcpy(&at, data + i, 2);
            const std::size_t pos = at % file.size();
            const std::uint8_t op = data[i + 2], v = data[i + 3];
            switch (op % 4) {
                case 0: file[pos] = v; break;
                case 1: file[pos] ^= v; break;
                case 2: file[pos] = static_cast<unsigned char>(file[pos] + v); break;
                case 3: if (op & 4) file.resize(pos); break;
            }
            if (file.empty()) break;
        }
    }
    if (mode & 1) fuzz::reseal(file);
    // Bits 1-2: checksums (twice as likely), structure, none.
    const unsigned level = (mode >> 1) & 3;
    const io::snapshot_verify verify = level == 1   ? io::snapshot_verify::structure
                                       : level == 3 ? io::snapshot_verify::none
                                                    : io::snapshot_verify::checksums;
    static const std::string path = fuzz::scratch_path("fuzz_web_snapshot", ".lqs");
    fuzz::write_file(path, file);
    try {
        const web::web_graph g = web::web_graph::open_snapshot(path, {verify});
        if (verify != io::snapshot_verify::none) exercise(g);
    } catch (const parse_error& e) {
        check(e.path() == path);
    }
    return 0;
}
