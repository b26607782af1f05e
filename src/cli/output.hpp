// SPDX-License-Identifier: MIT
// Output helpers shared by the `linkequity` subcommands: files written under a temporary name and
// renamed into place only when complete (never a partial output left as if finished), CSV field
// quoting, number formatting, and a progress line on stderr shown only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace linkequity::cli {

/// A file written as `<path>.tmp-<pid>` beside its final name. commit() flushes, closes and
/// renames it into place (atomic on POSIX within one file system); the destructor removes the
/// temporary file when commit() never ran (an error, Ctrl-C unwinding), so a half-written file
/// never carries the final name. @throws std::ios_base::failure / filesystem_error on I/O errors.
class atomic_output {
public:
    explicit atomic_output(std::filesystem::path final_path);
    ~atomic_output();
    atomic_output(const atomic_output&) = delete;
    atomic_output& operator=(const atomic_output&) = delete;

    std::ostream& stream() { return out_; }
    /// Writes raw bytes.
    void write(std::string_view s) { out_.write(s.data(), static_cast<std::streamsize>(s.size())); }
    /// Flushes and closes; throws if any write failed (disk full …). Idempotent.
    void close();
    /// close() then rename to the final path.
    void commit();
    const std::filesystem::path& path() const noexcept { return final_; }

private:
    std::filesystem::path final_, temp_;
    std::ofstream out_;
    std::unique_ptr<char[]> buffer_;
    bool committed_ = false;
};

/// Closes every output, then renames them all: either all files appear or (on an error while
/// writing) none of the new ones does.
void commit_all(const std::vector<atomic_output*>& outputs);

/// `s` as one CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF.
void append_csv_field(std::string& out, std::string_view s);

/// Throws std::filesystem::filesystem_error (exit code 3) for an input path that does not exist
/// or is a directory, before any work starts.
void require_input_files(const std::vector<std::string>& paths);

/// 1234567 → "1,234,567".
std::string thousands(std::uint64_t v);
/// Seconds as "0.42 s", "12.3 s", "3 min 05 s".
std::string duration(double seconds);

/// A one-line progress display on stderr ("label  1,234,567 / 10,000,000  12.3%  1.2M/s  ETA 8 s"),
/// redrawn at most 5 times a second, and only when stderr is a terminal (isatty(2)): logs and
/// pipes stay clean. total == 0 means unknown (no percentage or ETA).
class progress_bar {
public:
    progress_bar(std::string label, std::uint64_t total);
    ~progress_bar();
    void update(std::uint64_t done);
    /// Clears the line. Called by the destructor too.
    void finish();
    bool enabled() const noexcept { return enabled_; }

private:
    std::string label_;
    std::uint64_t total_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace linkequity::cli
