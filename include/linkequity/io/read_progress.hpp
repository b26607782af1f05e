// SPDX-License-Identifier: MIT
// Progress of file reading by bytes: a process-wide count of the bytes every io reader has read
// from files (before gzip inflation or UTF-16 conversion), so that a progress display can say
// how much of its inputs' on-disk size has been consumed, for plain and compressed files alike.
#pragma once

#include <cstdint>

namespace linkequity::io {

/// Bytes read from files so far by the io readers (read_links, read_edge_list, redirects, …)
/// in this process, all threads and files together; for a gzip file its compressed bytes.
/// Sample it before a read and during it: the difference is that read's progress out of the
/// files' sizes. O(1), thread-safe (a relaxed atomic counter).
std::uint64_t file_bytes_read() noexcept;

}  // namespace linkequity::io
