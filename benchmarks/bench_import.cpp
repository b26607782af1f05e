// SPDX-License-Identifier: MIT
// bench_import: throughput of read_links on a generated generic links CSV (fixed seed; ~10% of
// anchors quoted with "" escapes or commas, some rel/position values), optionally gzip-compressed
// or UTF-16LE. Prints aligned "label: value" lines: file size, each trial's time and MB/s, the best
// and the average, and peak RSS (which must not grow with --mb: the reader streams).
#include <sys/resource.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/io/link_source.hpp"

namespace fs = std::filesystem;

namespace {

std::string make_row(std::mt19937_64& rng) {
    static const char* words[] = {"best", "running", "shoes", "cheap", "review", "guide", "2024",
                                  "top", "sale", "buy", "how", "to", "choose", "the", "right"};
    static const char* rels[] = {"", "", "", "", "nofollow", "sponsored", "ugc", "nofollow ugc"};
    static const char* positions[] = {"content", "content", "navigation", "footer", "sidebar",
                                      "header"};
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    std::string anchor;
    for (std::size_t i = 0, n = 1 + pick(4); i < n; ++i) {
        if (i) anchor += ' ';
        anchor += words[pick(15)];
    }
    std::size_t q = pick(20);
    if (q == 0) anchor = "\"" + anchor + ", \"\"quoted\"\"\"";
    else if (q == 1) anchor = "\"" + anchor + ", with comma\"";
    return fmt::format("https://site{}.example.com/blog/post-{}?ref={},https://shop{}.example.org/"
                       "p/{},{},{},{}\n",
                       pick(100000), rng() % 10000000, pick(1000), pick(5000), rng() % 1000000,
                       anchor, rels[pick(8)], positions[pick(6)]);
}

std::size_t write_csv(const fs::path& path, std::size_t bytes, const std::string& encoding,
                      std::size_t& rows) {
    std::mt19937_64 rng(42);
    std::string header = "source,target,anchor,rel,position\n";
    std::size_t written = 0;
    auto to_utf16 = [](const std::string& s) {  // ASCII-only input
        std::string out;
        out.reserve(2 * s.size());
        for (char c : s) {
            out.push_back(c);
            out.push_back('\0');
        }
        return out;
    };
    std::string block;
    auto next_block = [&] {  // about 1 MiB of rows
        block.clear();
        while (block.size() < (1u << 20)) {
            block += make_row(rng);
            ++rows;
        }
    };
    if (encoding == "gzip") {
        gzFile gz = gzopen(path.c_str(), "wb6");
        if (!gz) throw std::runtime_error("cannot create " + path.string());
        gzwrite(gz, header.data(), static_cast<unsigned>(header.size()));
        while (written < bytes) {
            next_block();
            gzwrite(gz, block.data(), static_cast<unsigned>(block.size()));
            written += block.size();
        }
        gzclose(gz);
        return written;
    }
    std::ofstream out(path, std::ios::binary);
    if (encoding == "utf16") out << std::string("\xFF\xFE", 2) << to_utf16(header);
    else out << header;
    while (written < bytes) {
        next_block();
        written += block.size();  // UTF-8 text bytes, whatever the encoding on disk
        if (encoding == "utf16") block = to_utf16(block);
        out.write(block.data(), static_cast<std::streamsize>(block.size()));
    }
    return written;
}

double peak_rss_mb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_import: read_links throughput on a generated links CSV"};
    std::size_t mb = 256;
    int trials = 3;
    std::string encoding = "plain";
    std::string dir;
    bool keep = false;
    app.add_option("--mb", mb, "size of the generated file in MB (uncompressed)");
    app.add_option("--trials", trials, "number of timed reads")->check(CLI::PositiveNumber);
    app.add_option("--encoding", encoding, "plain, gzip or utf16")
        ->check(CLI::IsMember({"plain", "gzip", "utf16"}));
    app.add_option("--dir", dir, "where to write the file (default: a temp directory)");
    app.add_flag("--keep", keep, "keep the generated file");
    CLI11_PARSE(app, argc, argv);

    fs::path base = dir.empty() ? fs::temp_directory_path() : fs::path(dir);
    fs::path path = base / fmt::format("linkequity_bench_import_{}.csv{}", mb,
                                       encoding == "gzip" ? ".gz" : "");
    linkequity::detail::stopwatch generating;
    std::size_t rows = 0;
    std::size_t text_bytes = write_csv(path, mb << 20, encoding, rows);
    double gen_s = generating.seconds();
    const double file_mb = static_cast<double>(fs::file_size(path)) / 1e6;
    // MB/s is counted on the UTF-8 text (what the tokenizer sees), so encodings compare fairly.
    const double text_mb = static_cast<double>(text_bytes) / 1e6;
    fmt::print("{:<14} {}\n", "file:", path.string());
    fmt::print("{:<14} {}\n", "encoding:", encoding);
    fmt::print("{:<14} {:.1f} MB on disk, {:.1f} MB of text\n", "size:", file_mb, text_mb);
    fmt::print("{:<14} {:.2f} s\n", "generate:", gen_s);

    double best = 0, sum = 0;
    std::size_t links = 0;
    for (int t = 0; t < trials; ++t) {
        std::size_t n = 0, anchor_bytes = 0;
        linkequity::detail::stopwatch reading;
        auto report = linkequity::io::read_links(path.string(), {}, [&](const auto& l) {
            ++n;
            anchor_bytes += l.anchor.size();
        });
        double s = reading.seconds();
        double rate = text_mb / s;
        best = std::max(best, rate);
        sum += rate;
        links = n;
        if (report.links != n || n != rows || anchor_bytes == 0) {
            fmt::print(stderr, "bench_import: read {} links, expected {}\n", n, rows);
            return 1;
        }
        fmt::print("{:<14} {:.3f} s  {:.0f} MB/s  {:.2f} M links/s\n",
                   fmt::format("trial {}:", t + 1), s, rate, n / s / 1e6);
    }
    fmt::print("{:<14} {}\n", "links:", links);
    fmt::print("{:<14} {:.0f} MB/s\n", "best:", best);
    fmt::print("{:<14} {:.0f} MB/s\n", "average:", sum / trials);
    fmt::print("{:<14} {:.1f} MB\n", "peak RSS:", peak_rss_mb());
    if (!keep) fs::remove(path);
    return 0;
}
