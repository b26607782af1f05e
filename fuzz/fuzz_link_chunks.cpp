// SPDX-License-Identifier: MIT
// libFuzzer target (issue 11): the chunked CSV reader against the serial one on the same bytes.
// Byte 0 picks the format (bits 0-2), the row limit (bit 3: 64 bytes, so rows too long are cut
// by chunks too) and the chunk size (bits 4-7: 1 to 64 KiB, mostly tiny so that quotes, CR / LF
// line ends and bad rows meet cuts and block ends); byte 1 bit 0 delivers records. Strict and
// lenient, both reads must give the same links (every field), the same report, or the same
// error message; anything else aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "linkequity/error.hpp"
#include "linkequity/io/link_source.hpp"

using namespace linkequity;

namespace {

std::string digest(const std::uint8_t* data, std::size_t size, const io::read_options& options) {
    std::string out;
    try {
        io::read_report r = io::read_links_from_memory(
            data, size, "fuzz.csv", options, [&](const io::raw_link& l) {
                out += std::to_string(l.line) + '|' + l.source + '|' + l.target + '|' + l.anchor +
                       '|' + std::to_string(l.rel) + '|' + std::to_string(int(l.position)) + '|' +
                       l.first_seen + '|' + l.last_seen + '|' + std::to_string(int(l.kind)) +
                       '|' + std::to_string(l.status) + '\n';
            });
        out += "rows " + std::to_string(r.rows) + " links " + std::to_string(r.links) +
               " resources " + std::to_string(r.resources) + " records " +
               std::to_string(r.records) + " skipped " + std::to_string(r.skipped) + '\n';
        for (const auto& [reason, n] : r.skipped_by_reason)
            out += reason + ": " + std::to_string(n) + '\n';
        for (const auto& e : r.examples) out += e + '\n';
    } catch (const parse_error& e) {
        out += std::string("error ") + e.what();
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::uint8_t control = data[0], control2 = data[1];
    data += 2;
    size -= 2;
    static const io::link_format formats[] = {
        io::link_format::auto_detect, io::link_format::generic, io::link_format::screaming_frog,
        io::link_format::ahrefs,      io::link_format::majestic, io::link_format::generic,
        io::link_format::auto_detect, io::link_format::auto_detect};
    static const std::size_t chunk_sizes[] = {1,  2,  3,   4,   5,   7,    8,    11,
                                              13, 16, 31, 64, 100, 333, 4096, 65536};
    io::read_options options;
    options.format = formats[control & 7];
    options.max_row_bytes = (control & 8) ? 64 : (1u << 20);
    options.records = (control2 & 1) != 0;
    for (bool lenient : {false, true}) {
        options.skip_bad = lenient;
        options.chunk_bytes = 0;
        const std::string serial = digest(data, size, options);
        options.chunk_bytes = chunk_sizes[control >> 4];
        if (digest(data, size, options) != serial) std::abort();
    }
    return 0;
}
