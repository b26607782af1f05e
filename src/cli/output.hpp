// SPDX-License-Identifier: MIT
// Output helpers shared by the `linkequity` subcommands: number formatting, input checks and a
// progress line on stderr shown only when stderr is a terminal; the atomic files (temporary name
// + rename) are the library's (linkequity/io/atomic_file.hpp), named here for the subcommands.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/detail/stopwatch.hpp"
#include "linkequity/io/atomic_file.hpp"

namespace linkequity::cli {

// The library's atomic files, used unqualified by the subcommands.
using io::atomic_output;
using io::commit_all;

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
    detail::stopwatch since_start_, since_draw_;
};

}  // namespace linkequity::cli
