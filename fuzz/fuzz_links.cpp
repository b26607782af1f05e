// SPDX-License-Identifier: MIT
// libFuzzer target: arbitrary bytes through read_links_from_memory and read_edge_list_from_memory,
// strict and lenient, with the format and row limit picked by the first input byte. Only
// parse_error (and invalid_argument for a forced non-edge-list format) may come out; any other
// exception, a crash or a sanitizer report is a finding. Report invariants are checked too, and
// that a file read cleanly in strict mode gives the same links in lenient mode. Bit 4 of the
// first byte prefixes a Matrix Market banner (bits 5-6 pick its qualifiers) before the edge-list
// read, so that the Matrix Market reader's size line and entries are reached at once. The CSV
// tokenizer's rows read in place must equal its state machine's on the same bytes (from memory
// and through the stream, whose blocks are tiny in fuzz_links_small_blocks).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "../src/io/csv_reader.hpp"
#include "linkequity/error.hpp"
#include "linkequity/io/link_source.hpp"

using namespace linkequity;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

/// Returns the number of links delivered, or -1 when parse_error was thrown.
long run_links(const std::uint8_t* data, std::size_t size, const io::read_options& options) {
    try {
        std::size_t delivered = 0;
        io::read_report r = io::read_links_from_memory(data, size, "fuzz.csv", options,
                                                       [&](const io::raw_link& l) {
                                                           ++delivered;
                                                           check(!l.source.empty());
                                                           check(!l.target.empty());
                                                           check(l.line > 0);
                                                       });
        check(r.links == delivered);
        check(r.rows == r.links + r.resources + r.skipped);
        check(options.skip_bad || r.skipped == 0);
        check(r.examples.size() <= 10 && r.examples.size() <= r.skipped);
        return static_cast<long>(delivered);
    } catch (const parse_error&) {
        return -1;
    }
}

void run_edges(const std::uint8_t* data, std::size_t size, const io::read_options& options) {
    try {
        io::read_report r;
        edge_list e = io::read_edge_list_from_memory(data, size, "fuzz.txt", options, &r);
        check(e.src.size() == e.dst.size());
        check(e.weights.empty() || e.weights.size() == e.src.size());
        for (std::size_t i = 0; i < e.src.size(); ++i) {
            check(e.src[i] < e.num_nodes && e.dst[i] < e.num_nodes);
        }
        check(r.links == e.src.size());
    } catch (const parse_error&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t control = data[0];
    ++data;
    --size;
    static const io::link_format formats[] = {
        io::link_format::auto_detect, io::link_format::generic, io::link_format::screaming_frog,
        io::link_format::ahrefs,      io::link_format::majestic, io::link_format::edge_list,
        io::link_format::auto_detect, io::link_format::auto_detect};
    io::read_options options;
    options.format = formats[control & 7];
    options.max_row_bytes = (control & 8) ? 64 : (1u << 20);
    static const char* const banners[] = {
        "%%MatrixMarket matrix coordinate pattern general\n",
        "%%MatrixMarket matrix coordinate real symmetric\n",
        "%%MatrixMarket matrix coordinate integer general\n",
        "%%MatrixMarket matrix coordinate real general\n"};
    std::string edge_bytes;
    if (control & 16) {
        edge_bytes = banners[(control >> 5) & 3];
        edge_bytes.append(reinterpret_cast<const char*>(data), size);
    }
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const char delimiter = ",;\t\""[(control >> 5) & 3];
    for (const bool stream : {false, true}) {
        try {
            check(io::detail::describe_rows(text, options.max_row_bytes, delimiter, stream, true) ==
                  io::detail::describe_rows(text, options.max_row_bytes, delimiter, stream, false));
        } catch (const parse_error&) {  // the stream's decoding (both calls alike)
        }
    }
    long strict_links = -1;
    for (bool lenient : {false, true}) {
        options.skip_bad = lenient;
        long n = run_links(data, size, options);
        // A file that reads cleanly in strict mode reads the same in lenient mode.
        if (!lenient) strict_links = n;
        if (lenient && strict_links >= 0) check(n == strict_links);
        io::read_options edge_options;
        edge_options.skip_bad = lenient;
        edge_options.max_row_bytes = options.max_row_bytes;
        if (control & 16)
            run_edges(reinterpret_cast<const std::uint8_t*>(edge_bytes.data()), edge_bytes.size(),
                      edge_options);
        else
            run_edges(data, size, edge_options);
    }
    return 0;
}
