// SPDX-License-Identifier: MIT
// Files that appear complete or not at all: written under a temporary name beside the final
// one and renamed into place when complete; the temporary file is removed on failure. Used by
// every file the project writes (CSV tables, synthetic links).
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string_view>
#include <vector>

namespace linkequity::io {

/// The temporary name of a file being written: `<final_path>.tmp-<pid>` (same directory, so
/// the rename stays within one file system and is atomic on POSIX).
std::filesystem::path temporary_path(const std::filesystem::path& final_path);

/// A file written as temporary_path(final_path). commit() flushes, closes and renames it into
/// place; the destructor removes the temporary file when commit() never ran (an error, an
/// exception unwinding), so a half-written file never carries the final name and none is left
/// behind. Writes go through a 1 MiB buffer.
/// @throws std::filesystem::filesystem_error when the file cannot be created or renamed;
///         std::ios_base::failure on a failed write (disk full …).
class atomic_output {
public:
    explicit atomic_output(std::filesystem::path final_path);
    ~atomic_output();
    atomic_output(const atomic_output&) = delete;
    atomic_output& operator=(const atomic_output&) = delete;

    /// The stream writing the temporary file (exceptions on badbit/failbit).
    std::ostream& stream() { return out_; }
    /// Writes raw bytes.
    void write(std::string_view s) { out_.write(s.data(), static_cast<std::streamsize>(s.size())); }
    /// Flushes and closes; throws if any write failed. Idempotent.
    void close();
    /// close() then renames the temporary file to the final path.
    void commit();
    const std::filesystem::path& path() const noexcept { return final_; }

private:
    std::filesystem::path final_, temp_;
    std::ofstream out_;
    std::unique_ptr<char[]> buffer_;
    bool committed_ = false;
};

/// Closes every output, then renames them all: either all files appear or (on an error while
/// writing or closing) none of the new ones does.
void commit_all(const std::vector<atomic_output*>& outputs);

}  // namespace linkequity::io
