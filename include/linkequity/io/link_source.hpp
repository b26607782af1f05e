// SPDX-License-Identifier: MIT
// Streaming import of link exports: CSV/TSV (RFC 4180 quoting incl. quoted newlines), UTF-8 with
// or without BOM, UTF-16 LE/BE with BOM, gzip; formats recognised by their header row (generic,
// Screaming Frog "All Inlinks", Ahrefs, Majestic) or given; SNAP-style integer edge lists.
// Rows come out as raw_link records (strings as in the file: not yet normalised URLs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "linkequity/graph/builder.hpp"
#include "linkequity/graph/edge_flags.hpp"
#include "linkequity/span.hpp"

namespace linkequity {

/// Where on the page a link sits (Screaming Frog's "Link Position"); used by the optional
/// "reasonable surfer" weights.
enum class link_position : std::uint8_t { unknown, content, navigation, header, footer, sidebar };

}  // namespace linkequity

namespace linkequity::io {

/// What a row says: a link, or a redirect / canonical record (docs/redirects.md). Records are
/// delivered only when read_options::records is set; otherwise they are counted as resources.
enum class record_kind : std::uint8_t { link, redirect, canonical };

/// HTTP status of a redirect record: 301, 302, 303, 307, 308, or one of these (0 = unknown).
namespace redirect_status {
inline constexpr std::uint16_t unknown = 0;
inline constexpr std::uint16_t meta_refresh = 1;  ///< <meta http-equiv="refresh">
inline constexpr std::uint16_t javascript = 2;    ///< a JavaScript redirect
}  // namespace redirect_status

/// One link as read from an export, before URL normalisation.
struct raw_link {
    std::string source;  ///< linking page URL, as in the file
    std::string target;  ///< linked URL, as in the file (may be relative)
    std::string anchor;  ///< anchor text (empty when absent)
    edge_flags rel = flags::none;  ///< nofollow / sponsored / ugc bits
    link_position position = link_position::unknown;
    std::string first_seen;  ///< as in the file (empty when absent)
    std::string last_seen;
    std::size_t line = 0;    ///< 1-based line of the row's first line in its file
    /// link (default), or a record: source = the URL, target = its redirect / canonical target.
    record_kind kind = record_kind::link;
    std::uint16_t status = redirect_status::unknown;  ///< redirects only
};

/// A redirect status cell: "301", "302", "303", "307", "308"; "meta-refresh" (also "meta
/// refresh", "Meta Refresh Redirect"); "javascript" (also "js", "JavaScript Redirect"); in any
/// case, surrounding spaces ignored; "" → redirect_status::unknown. Returns false for anything
/// else (e.g. "200"). Screaming Frog's "HTTP Redirect" and "HSTS Policy" → unknown (true).
bool parse_redirect_status(std::string_view text, std::uint16_t& status) noexcept;
/// "301" …, "meta-refresh", "javascript", or "" for unknown.
std::string redirect_status_name(std::uint16_t status);

enum class link_format { auto_detect, generic, screaming_frog, ahrefs, majestic, edge_list };

/// Every link_format, in the order the CLI and messages list them.
inline constexpr link_format all_link_formats[] = {
    link_format::auto_detect, link_format::generic, link_format::screaming_frog,
    link_format::ahrefs,      link_format::majestic, link_format::edge_list};

/// Name used on the command line and in messages: "auto", "generic", "screaming-frog",
/// "ahrefs", "majestic", "edge-list".
const char* format_name(link_format f) noexcept;
/// Inverse of format_name. @throws std::invalid_argument listing the allowed names.
link_format parse_format(const std::string& name);

/// The rel bits of a rel attribute / link-type cell: nofollow, sponsored and ugc tokens
/// separated by spaces, commas, semicolons or '|', in any case; other tokens (follow,
/// dofollow, noopener, external…) add nothing. "" → flags::none. O(|text|), never throws.
edge_flags parse_rel(std::string_view text) noexcept;

/// A link position cell: content, navigation (nav), header, footer, sidebar (aside), in any
/// case, surrounding spaces ignored; anything else → link_position::unknown. Never throws.
link_position parse_position(std::string_view text) noexcept;

struct read_options {
    link_format format = link_format::auto_detect;
    /// Lenient mode: skip bad rows, count them by reason, keep the first few as examples.
    /// Strict mode (false, the default) throws parse_error at the first bad row.
    bool skip_bad = false;
    /// Explicit column mapping for generic files, by header name (empty = by convention).
    std::string source_column, target_column, anchor_column, rel_column, position_column;
    /// Rows longer than this many bytes are bad rows (a binary file or a missing quote).
    std::size_t max_row_bytes = 1u << 20;
    /// Deliver redirect and canonical rows (generic `type` column, Screaming Frog "Canonical"
    /// and redirect rows) to the sink with raw_link::kind set. False (the default): they are
    /// counted in read_report::resources and read_report::records and not delivered.
    bool records = false;
    /// Parallel reading of CSV link files (read_links, read_links_chunked): the text is cut at
    /// line ends into chunks of about this many bytes, which all threads parse at once; the links
    /// come out in input order, exactly as a serial read gives them (a quoted field that spans a
    /// cut makes the two chunks be read again as one). 0: read serially. Edge lists are always
    /// read serially. Memory: text of link_chunk_slots chunks and the links of as many.
    std::size_t chunk_bytes = std::size_t{128} << 10;
    /// false: raw_link::anchor is left empty, the anchor text not copied (for callers that use
    /// none, as web_graph::read with web_graph_options::anchors = false). The anchor column is
    /// still mapped, so the same rows have too few columns; nothing else changes.
    bool anchors = true;
};

/// What a read (and later stages that reject rows, such as URL normalisation) skipped.
struct read_report {
    std::string path;
    link_format format = link_format::auto_detect;  ///< the format used (detected or given)
    std::size_t rows = 0;       ///< data rows seen (header excluded)
    std::size_t links = 0;      ///< rows delivered as links
    std::size_t resources = 0;  ///< rows that are not page-to-page links (e.g. SF "Image" rows)
                                ///< (redirect / canonical records included, see `records`)
    std::size_t records = 0;    ///< redirect and canonical rows (counted in resources too)
    std::size_t skipped = 0;    ///< bad rows skipped (lenient mode)
    std::map<std::string, std::size_t> skipped_by_reason;
    std::vector<std::string> examples;  ///< first bad rows, "file:line: reason" (at most 10)

    /// Counts a bad row: throws parse_error in strict mode, else records it.
    void bad_row(bool skip_bad, std::size_t line, std::size_t column, const std::string& reason);
    /// Same, with a per-row `detail`: `reason` (a fixed category such as "too few columns") is
    /// the key counted in skipped_by_reason; the message and example read "reason: detail".
    /// Keep `reason` free of per-row values so that the counts group.
    void bad_row(bool skip_bad, std::size_t line, std::size_t column, const std::string& reason,
                 const std::string& detail);
};

/// Reads a links file and calls `sink` for every link, in file order. Streaming: memory does not
/// grow with the file. Gzip is recognised by its magic bytes, UTF-16 by its BOM.
/// @throws parse_error (strict mode) naming file, line, column and reason; for a missing or
///         unreadable file, an empty file, a header without the needed columns.
///
/// Details of the contract (additions to the above):
/// - Input: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (or starting "x\0y\0"), either
///   possibly gzip-compressed (multi-member gzip is read to the end). An Excel "sep=;" first line
///   sets the delimiter; otherwise the most frequent of tab, comma, semicolon in the header wins.
/// - Format: options.format, else an edge list when the first non-comment line is "int int
///   [number]", else recognised by header names (case, spaces, '_', '-' and '.' ignored):
///   "Referring page URL" → ahrefs; "Flag No Follow"/"Source Trust Flow"/"FirstIndexedDate" →
///   majestic; "Source" + "Destination" + one of Type/Follow/Link Position/Status Code →
///   screaming_frog; else generic. For edge lists, raw_link.source/target hold the ids as text
///   and any weight is ignored (use read_edge_list for weights).
/// - Delivered strings are trimmed of surrounding ASCII whitespace; source and target are valid UTF-8 or
///   the row is bad; anchor / first_seen / last_seen have ill-formed UTF-8 replaced by U+FFFD.
///   raw_link::line is the row's first line; columns in messages are 1-based byte offsets in the
///   UTF-8 text of that line. The sink's raw_link is reused: copy what you keep.
/// - Bad rows (unterminated quote, text after a closing quote, NUL byte, row > max_row_bytes,
///   too few columns, empty or non-UTF-8 source/target, invalid boolean in a flag column, empty
///   Screaming Frog Type) go through read_report::bad_row: strict throws, lenient counts them by
///   reason and continues at the next line. Screaming Frog rows whose Type is not Hyperlink
///   (or AHREF) are counted in `resources`. After a read, rows == links + resources + skipped.
/// - File-level problems throw parse_error in both modes: missing/unreadable file, corrupt or
///   truncated gzip, UTF-16 with an odd byte count, empty file, unusable header row, a column
///   override naming no header column. Links delivered before such an error must be discarded.
/// - Cost: O(file size) time, about 300 MB/s per core on plain CSV (benchmarks/bench_import);
///   CSV files are parsed on all threads (read_options::chunk_bytes, read_links_chunked) and the
///   sink is called in input order on the calling thread. Memory O(max_row_bytes + 32 chunks),
///   independent of the file size.
read_report read_links(const std::string& path, const read_options& options,
                       const std::function<void(const raw_link&)>& sink);

/// How many chunk buffers read_links_chunked uses: link_chunk::slot is below this. A block of
/// up to half as many chunks is parsed while the previous block's are consumed.
inline constexpr std::size_t link_chunk_slots = 32;

/// A run of consecutive links of one input, as read_links_chunked delivers them.
struct link_chunk {
    std::vector<raw_link> links;  ///< links[0, size), in input order; the rest are spare buffers
    std::size_t size = 0;
    std::size_t slot = 0;         ///< which of the link_chunk_slots buffers this is
};

/// read_links for callers that take links in bulk and want per-link work done in parallel.
/// The text is read in blocks of up to link_chunk_slots / 2 chunks of options.chunk_bytes (the
/// next block is read, and inflated or converted from UTF-16, on a thread of its own meanwhile).
/// A block's chunks are parsed on all threads while the calling thread consumes the previous
/// block's chunks (then it helps parsing): the serial work of `consume` overlaps the parsing.
/// - `prepare(chunk)` (may be empty) runs right after a chunk is parsed, on the parsing threads,
///   concurrently for distinct slots, in no set order, and while `consume` runs on chunks of
///   other slots: for work that needs no order, such as normalising URLs. A chunk may be
///   prepared and then dropped (a quoted field spanned its cut: the merged chunk is parsed and
///   prepared again in the same slot before it is delivered).
/// - `consume(chunk)` runs on the calling thread, one chunk at a time, in input order, after the
///   last `prepare` of that chunk. raw_link::line is final by then. The chunk and its slot are
///   reused after consume returns.
/// Same links, lines, reports and errors as read_links (options.chunk_bytes = 0, or an edge
/// list: read serially, delivered in chunks of 4,096 links in slot 0). Strict mode: the links
/// before the first bad row are consumed, then its parse_error is thrown.
/// @throws what read_links throws, and whatever prepare or consume throw.
read_report read_links_chunked(const std::string& path, const read_options& options,
                               const std::function<void(link_chunk&)>& prepare,
                               const std::function<void(link_chunk&)>& consume);

/// A step over a run of prepared chunks (in input order) shared by `parts` threads: the call
/// with part p (0 ≤ p < parts) does the p-th share of the work, whatever the callee makes that.
using chunk_share_step = std::function<void(span<link_chunk* const> chunks, int part, int parts)>;

/// The same, with a third step between prepare and consume, for order-dependent work that can
/// still be split, such as interning strings into tables sharded by hash. With 2+ threads, each
/// run of chunks about to be consumed goes to `share(chunks, p, T)` on each of the T threads at
/// once (p = 0 … T−1), concurrently with the parsing (and prepare) of other chunks, never while
/// `consume` runs; all T calls return before the first of those chunks is consumed. Every chunk
/// is shared once, in input order across runs. With 1 thread `share` is never called; the
/// serial reader (chunk_bytes = 0) shares each chunk alone, as part 0 of 1. Chunks consumed
/// before a strict-mode error may skip it. Same links, reports and errors as without.
read_report read_links_chunked(const std::string& path, const read_options& options,
                               const std::function<void(link_chunk&)>& prepare,
                               const chunk_share_step& share,
                               const std::function<void(link_chunk&)>& consume);

/// Same as read_links, from bytes in memory (e.g. a Python `bytes` object or a download);
/// `name` stands for the file name in messages. Gzip and UTF-16 are recognised as for files.
read_report read_links_from_memory(const void* data, std::size_t size, const std::string& name,
                                   const read_options& options,
                                   const std::function<void(const raw_link&)>& sink);

/// Reads a redirect / canonical map file and calls `sink` with one raw_link per record
/// (kind redirect or canonical; source = the URL, target = its target), in file order. The
/// columns are recognised by the header (names compared as for link files):
/// - URL: `url`, `address` (Screaming Frog), `source`, `from`;
/// - redirect target: `redirect url`, `redirect_url`, `redirect`, `redirect uri`, `location`;
/// - canonical target: `canonical url`, `canonical`, `canonical link element 1`, then
///   `http canonical 1` when the former is empty;
/// - status: `status`, `status code`; redirect kind: `redirect type` (Screaming Frog: "HTTP
///   Redirect", "HSTS Policy", "Meta Refresh Redirect", "JavaScript Redirect").
/// A URL column and at least one target column are required (file-level parse_error listing
/// the columns found otherwise). A row with empty targets gives no record (e.g. a 200 page in
/// a Screaming Frog "Internal" export); a row with both gives two. Bad rows (strict: throws;
/// lenient: counted): empty or non-UTF-8 URL, an invalid status for a redirect (a Screaming
/// Frog Status Code must be 3xx unless Redirect Type names a meta refresh or JavaScript
/// redirect). URLs are normalised later (an invalid target is a bad row of web_graph_builder).
/// Streaming; O(file size). report.links counts records delivered.
read_report read_redirects(const std::string& path, const read_options& options,
                           const std::function<void(const raw_link&)>& sink);

/// The format read_links would use for this file: edge_list when the first non-comment line is
/// two or three numbers, else recognised from the header row (generic when nothing more
/// specific matches). Reads only the start of the file.
/// @throws parse_error for a missing, unreadable or empty file.
link_format detect_format(const std::string& path);

/// Reads an integer edge list. The content decides the format (never the file name):
/// - SNAP-style, also GAPBS `.el` / `.wel`: "src dst [weight]" per line, whitespace or comma
///   separated, `#`/`%` comment lines. Ids are used as given (0-based, not compacted): node
///   count = max id + 1, so ids that never occur are isolated nodes.
/// - Matrix Market, when the text starts with "%%MatrixMarket": `matrix coordinate` with field
///   pattern / real / integer and symmetry general / symmetric (stored triangle expanded to both
///   directions); entry "i j [value]" is the edge i-1 → j-1 (1-based ids); the size line
///   "n n nnz" gives the node count (it must be square) and the entry count.
/// @throws parse_error naming file and line for a non-integer or negative id.
///
/// Ids must be < max_nodes; a weight must be a finite number >= 0; once any line has a weight,
/// `weights` has one entry per edge (1 for lines without). Blank lines are skipped. Bad lines
/// follow options.skip_bad like read_links rows; gzip and UTF-16 are read as for read_links.
/// Matrix Market: a bad banner or size line is a file-level parse_error in both modes; an entry
/// outside [1, n] or an entry count that differs from nnz is a bad row (see
/// io/matrix_market.hpp in the sources). report->links counts edges delivered (a symmetric
/// off-diagonal entry gives two). O(file size) time; memory: the edge list (9-13 bytes/edge).
/// @throws std::invalid_argument when options.format is neither auto_detect nor edge_list.
edge_list read_edge_list(const std::string& path, const read_options& options = {},
                         read_report* report = nullptr);

/// Same as read_edge_list, from bytes in memory; `name` stands for the file name in messages.
edge_list read_edge_list_from_memory(const void* data, std::size_t size, const std::string& name,
                                     const read_options& options = {},
                                     read_report* report = nullptr);

}  // namespace linkequity::io
