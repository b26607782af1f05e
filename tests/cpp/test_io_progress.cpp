// SPDX-License-Identifier: MIT
// io::file_bytes_read (progress by bytes): reading a file to its end advances the counter by the
// file's size on disk — the compressed size for gzip, the raw size for UTF-16 — and reading from
// memory does not advance it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "linkequity/io/link_source.hpp"
#include "linkequity/io/read_progress.hpp"

namespace io = linkequity::io;

namespace {
std::uint64_t bytes_to_read(const std::string& path) {
    const std::uint64_t before = io::file_bytes_read();
    io::read_links(path, io::read_options{}, [](const io::raw_link&) {});
    return io::file_bytes_read() - before;
}
}  // namespace

TEST_CASE("io progress: a read advances file_bytes_read by the file's size on disk", "[io]") {
    for (const char* name : {"generic.csv", "generic.tsv.gz", "ahrefs_backlinks_utf16le.tsv"}) {
        const std::string path = std::string(LINKEQUITY_TEST_DATA) + "/links/" + name;
        INFO(name);
        CHECK(bytes_to_read(path) == std::filesystem::file_size(path));
    }
}

TEST_CASE("io progress: reads from memory do not count", "[io]") {
    const std::string text = "source,target\nhttps://a.com/,https://b.com/\n";
    const std::uint64_t before = io::file_bytes_read();
    io::read_links_from_memory(text.data(), text.size(), "mem", io::read_options{},
                               [](const io::raw_link&) {});
    CHECK(io::file_bytes_read() == before);
}
