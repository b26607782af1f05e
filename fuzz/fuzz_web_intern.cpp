// SPDX-License-Identifier: MIT
// libFuzzer target (issue 11): the web graph builder's interning in shards against its single
// interning thread, on the rows the CSV reader makes of arbitrary bytes. Builder A adds the rows
// one by one on unsharded tables. Builder B has sharded tables and takes the same rows in chunks,
// as web_graph::read feeds them on several threads: prepare_chunk on each chunk of a run, then
// intern_ahead's parts one after another (any order of the parts is a schedule the threads could
// produce), then add_chunk. Byte 0 picks the parts (bits 0-1: 1 to 4), the rows per chunk (bits
// 2-4), anchors kept (bit 5) and lenient mode (bit 6). The two graphs must be identical (pages,
// hosts, domains, links with flags and anchors, counts) or both builds must fail with the same
// message; anything else aborts.
// Run:  ./fuzz_web_intern -max_total_time=120 -max_len=4096 corpus_web_intern/ ../tests/data/links
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "linkequity/error.hpp"
#include "linkequity/io/link_source.hpp"
#include "linkequity/web/web_graph.hpp"

namespace le = linkequity;

namespace {

/// Every table of the graph, and its counts, as text.
std::string digest(const le::web::web_graph& g) {
    std::string s;
    for (le::node_id p = 0; p < g.num_pages(); ++p)
        s.append(g.page_url(p)).append(" ").append(std::to_string(g.host_of(p))).append("\n");
    for (le::node_id h = 0; h < g.num_hosts(); ++h)
        s.append(g.host_name(h))
            .append(" ")
            .append(std::to_string(g.domain_of_host(h)))
            .append("\n");
    for (le::node_id d = 0; d < g.num_domains(); ++d) s.append(g.domain_name(d)).append("\n");
    for (std::size_t l = 0; l < g.num_links(); ++l)
        s.append(std::to_string(g.link_sources()[l]))
            .append(" ")
            .append(std::to_string(g.link_targets()[l]))
            .append(" ")
            .append(std::to_string(g.link_flags()[l]))
            .append(" ")
            .append(g.anchor_text(g.link_anchors()[l]))
            .append("\n");
    const auto& st = g.stats();
    s += "rows " + std::to_string(st.rows) + " links " + std::to_string(st.links) + " bad " +
         std::to_string(st.bad_rows) + " non-web " + std::to_string(st.non_web_targets) +
         " anchors " + std::to_string(g.num_anchors());
    return s;
}

const le::web::public_suffix_list& psl() {
    static const le::web::public_suffix_list list;  // loaded once: builders share it
    return list;
}

template <class Build>
std::string outcome(Build&& build) {
    try {
        return digest(build());
    } catch (const le::parse_error& e) {
        return std::string("error ") + e.what();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::uint8_t control = data[0];
    ++data;
    --size;
    static const std::size_t chunk_rows[] = {1, 2, 3, 5, 8, 13, 64, 4096};
    const int parts = 1 + (control & 3);
    const std::size_t per_chunk = chunk_rows[(control >> 2) & 7];
    le::web::web_graph_options o;
    o.anchors = (control & 32) != 0;
    o.skip_bad = (control & 64) != 0;

    // The rows, as the reader makes them (those before a strict-mode error, if any).
    le::io::read_options ro;
    ro.skip_bad = true;  // bad CSV rows are the reader's; this target is about the builder
    ro.records = true;
    ro.anchors = o.anchors;
    std::vector<le::io::raw_link> rows;
    try {
        le::io::read_links_from_memory(data, size, "fuzz.csv", ro,
                                       [&](const le::io::raw_link& l) { rows.push_back(l); });
    } catch (const le::parse_error&) {
        return 0;  // no usable header, an empty file …: nothing reaches the builder
    }

    o.parallel_intern_threads = 0;  // A: one interning thread
    const std::string alone = outcome([&] {
        le::web::web_graph_builder b(o, psl());
        b.begin_source("fuzz.csv");
        for (const auto& l : rows) b.add(l);
        b.end_source();
        return b.finish();
    });

    o.parallel_intern_threads = 1;  // B: sharded tables, interned ahead in parts
    const std::string sharded = outcome([&] {
        le::web::web_graph_builder b(o, psl());
        b.begin_source("fuzz.csv");
        std::vector<le::io::link_chunk> chunks(le::io::link_chunk_slots);
        std::size_t next = 0, slot = 0;
        while (next < rows.size()) {
            std::vector<le::io::link_chunk*> run;  // up to half the slots, as the reader's blocks
            for (std::size_t k = 0; k < le::io::link_chunk_slots / 2 && next < rows.size(); ++k) {
                le::io::link_chunk& c = chunks[slot];
                c.slot = slot;
                slot = (slot + 1) % le::io::link_chunk_slots;
                c.size = 0;
                c.links.clear();
                for (; c.size < per_chunk && next < rows.size(); ++c.size)
                    c.links.push_back(rows[next++]);
                b.prepare_chunk(c);
                run.push_back(&c);
            }
            for (int p = parts - 1; p >= 0; --p)  // the last part first: order must not matter
                b.intern_ahead(le::span<le::io::link_chunk* const>(run.data(), run.size()), p,
                               parts);
            for (le::io::link_chunk* c : run) b.add_chunk(*c);
        }
        b.end_source();
        return b.finish();
    });
    if (alone != sharded) std::abort();
    return 0;
}
