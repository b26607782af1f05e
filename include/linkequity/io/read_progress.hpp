// SPDX-License-Identifier: MIT
// Progress of file reading by bytes: a process-wide count of the bytes every io reader has read
// from files (before gzip inflation or UTF-16 conversion), so that a progress display can say
// how much of its inputs' on-disk size has been consumed, for plain and compressed files alike.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace linkequity::io {

/// Bytes read from files so far by the io readers (read_links, read_edge_list, redirects, …)
/// in this process, all threads and files together; for a gzip file its compressed bytes.
/// Sample it before a read and during it: the difference is that read's progress out of the
/// files' sizes. O(1), thread-safe (a relaxed atomic counter).
std::uint64_t file_bytes_read() noexcept;

/// The files' sizes on disk, summed (a gzip file's compressed size; a file whose size cannot be
/// had counts 0): the total that file_bytes_read() advances towards. O(files) stat calls.
std::uint64_t files_size(const std::vector<std::string>& paths);

}  // namespace linkequity::io
