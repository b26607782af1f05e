// SPDX-License-Identifier: MIT
// Number formatting, input checks, progress_bar (see output.hpp).
#include "output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <system_error>

namespace linkequity::cli {

void require_input_files(const std::vector<std::string>& paths) {
    for (const auto& p : paths) {
        std::error_code ec;
        const auto st = std::filesystem::status(p, ec);
        if (ec || !std::filesystem::exists(st))
            throw std::filesystem::filesystem_error(
                "cannot read input", p, std::make_error_code(std::errc::no_such_file_or_directory));
        if (std::filesystem::is_directory(st))
            throw std::filesystem::filesystem_error(
                "cannot read input", p, std::make_error_code(std::errc::is_a_directory));
    }
}

std::string thousands(std::uint64_t v) {
    std::string digits = std::to_string(v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string duration(double s) {
    if (s < 10) return fmt::format("{:.2f} s", s);
    if (s < 120) return fmt::format("{:.1f} s", s);
    const auto total = static_cast<long long>(s + 0.5);
    return fmt::format("{} min {:02} s", total / 60, total % 60);
}

namespace {
std::string rate(double per_second) {
    if (per_second >= 1e6) return fmt::format("{:.1f}M/s", per_second / 1e6);
    if (per_second >= 1e3) return fmt::format("{:.1f}k/s", per_second / 1e3);
    return fmt::format("{:.0f}/s", per_second);
}
}  // namespace

progress_bar::progress_bar(std::string label, std::uint64_t total)
    : label_(std::move(label)),
      total_(total),
      enabled_(::isatty(2) == 1) {}

progress_bar::~progress_bar() { finish(); }

void progress_bar::update(std::uint64_t done) {
    if (!enabled_) return;
    if (drawn_ && since_draw_.seconds() < 0.2) return;
    since_draw_.restart();
    drawn_ = true;
    const double elapsed = since_start_.seconds();
    const double per_s = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    std::string line = fmt::format("{}  {}", label_, thousands(done));
    if (total_ > 0) {
        const double frac = std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
        const int width = 24, full = static_cast<int>(frac * width);
        line += fmt::format(" / {}  [{}{}] {:5.1f}%", thousands(total_), std::string(full, '#'),
                            std::string(width - full, '.'), 100 * frac);
        if (per_s > 0 && done < total_)
            line += "  ETA " + duration(static_cast<double>(total_ - done) / per_s);
    }
    line += "  " + rate(per_s);
    std::fprintf(stderr, "\r%s\033[K", line.c_str());
    std::fflush(stderr);
}

void progress_bar::finish() {
    if (enabled_ && drawn_) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }
    drawn_ = false;
}

}  // namespace linkequity::cli
