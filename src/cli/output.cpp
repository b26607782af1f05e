// SPDX-License-Identifier: MIT
// Number formatting, input checks, progress_bar (see output.hpp).
#include "output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
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

std::string format_progress(const progress_view& v) {
    std::string line = v.label;
    const bool counts = v.style == progress_style::counts;
    if (counts) line += "  " + thousands(v.done);
    if (v.total > 0) {
        const double frac =
            std::min(1.0, static_cast<double>(v.done) / static_cast<double>(v.total));
        const int width = 24, full = static_cast<int>(frac * width);
        if (counts) line += " / " + thousands(v.total);
        line += fmt::format("  [{}{}] {:5.1f}%", std::string(full, '#'),
                            std::string(width - full, '.'), 100 * frac);
        if (v.done > 0 && v.done < v.total && v.elapsed > 0)
            line += "  ETA " + duration(v.elapsed * static_cast<double>(v.total - v.done) /
                                        static_cast<double>(v.done));
    }
    if (counts && v.elapsed > 0) line += "  " + rate(static_cast<double>(v.done) / v.elapsed);
    if (!counts && v.total == 0) line += "  " + duration(v.elapsed);
    if (!v.detail.empty()) line += "  " + v.detail;
    if (v.since_full >= 0 && !v.after_full.empty())
        line += fmt::format("  → {} {}", v.after_full, duration(v.since_full));
    return line;
}

double convergence_share(double first_residual, double residual, double tolerance) {
    if (residual < tolerance) return 1.0;
    if (!(first_residual > tolerance) || !(residual > 0)) return 0.0;
    const double share = std::log(first_residual / residual) / std::log(first_residual / tolerance);
    return std::clamp(share, 0.0, 1.0);
}

/// The state the owner writes and the drawing thread reads.
struct progress_bar::shared {
    std::mutex m;
    std::condition_variable wake;
    bool stop = false;
    progress_view view;
    detail::stopwatch since_start, since_full;
    bool full = false;
    std::atomic<std::uint64_t> done{0};
    std::thread drawer;
    bool drawn = false;

    /// Draws the line now (m held).
    void draw() {
        progress_view v = view;
        v.done = done.load(std::memory_order_relaxed);
        v.elapsed = since_start.seconds();
        if (v.total > 0 && v.done >= v.total) {
            if (!full) since_full.restart();
            full = true;
            v.since_full = since_full.seconds();
        }
        std::fprintf(stderr, "\r%s\033[K", format_progress(v).c_str());
        std::fflush(stderr);
        drawn = true;
    }
    void run() {
        std::unique_lock<std::mutex> lock(m);
        while (!wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop; }))
            draw();
    }
};

namespace {
bool progress_wanted() {
    const char* env = std::getenv("LINKEQUITY_PROGRESS");
    if (env && std::string_view(env) == "always") return true;
    if (env && std::string_view(env) == "never") return false;
    return ::isatty(2) == 1;
}
}  // namespace

progress_bar::progress_bar(std::string label, std::uint64_t total, progress_style style)
    : enabled_(progress_wanted()) {
    if (!enabled_) return;
    s_ = std::make_unique<shared>();
    s_->view.label = std::move(label);
    s_->view.total = total;
    s_->view.style = style;
    shared* sh = s_.get();
    sh->drawer = std::thread([sh] { sh->run(); });
}

progress_bar::~progress_bar() { finish(); }

void progress_bar::update(std::uint64_t done) {
    if (s_) s_->done.store(done, std::memory_order_relaxed);
}

void progress_bar::detail(std::string text) {
    if (!s_) return;
    std::lock_guard<std::mutex> lock(s_->m);
    s_->view.detail = std::move(text);
}

void progress_bar::after_full(std::string text) {
    if (!s_) return;
    std::lock_guard<std::mutex> lock(s_->m);
    s_->view.after_full = std::move(text);
}

void progress_bar::stage(std::string label, std::uint64_t total, progress_style style) {
    if (!s_) return;
    std::lock_guard<std::mutex> lock(s_->m);
    s_->view = progress_view{};
    s_->view.label = std::move(label);
    s_->view.total = total;
    s_->view.style = style;
    s_->done.store(0, std::memory_order_relaxed);
    s_->full = false;
    s_->since_start.restart();
    s_->draw();
}

void progress_bar::set_total(std::uint64_t total) {
    if (!s_) return;
    std::lock_guard<std::mutex> lock(s_->m);
    s_->view.total = total;
}

void progress_bar::restart() {
    if (!s_) return;
    std::lock_guard<std::mutex> lock(s_->m);
    s_->view.detail.clear();
    s_->done.store(0, std::memory_order_relaxed);
    s_->full = false;
    s_->since_start.restart();
}

void progress_bar::finish() {
    if (!s_) return;
    {
        std::lock_guard<std::mutex> lock(s_->m);
        s_->stop = true;
    }
    s_->wake.notify_all();
    if (s_->drawer.joinable()) s_->drawer.join();
    if (s_->drawn) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }
    s_.reset();
}

}  // namespace linkequity::cli
