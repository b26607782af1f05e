// SPDX-License-Identifier: MIT
// public_suffix_list: libpsl behind a pimpl. All sections use psl_registrable_domain; the
// ICANN-only mode walks the host's suffixes with psl_is_public_suffix2(PSL_TYPE_ICANN), since
// libpsl has no registrable-domain call restricted to one section.
#include "linkequity/web/domain.hpp"

#include <libpsl.h>
#include <sys/stat.h>

#include <array>
#include <cstring>
#include <ctime>
#include <fmt/format.h>
#include <stdexcept>

namespace linkequity::web {

struct public_suffix_list::impl {
    const psl_ctx_t* ctx = nullptr;
    bool owned = false;  // psl_builtin() is static data and must not be freed
    std::string source;  // for version()

    impl() = default;
    impl(const impl&) = delete;
    impl& operator=(const impl&) = delete;
    ~impl() {
        if (owned) psl_free(const_cast<psl_ctx_t*>(ctx));
    }
};

namespace {

std::string format_date(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string file_date(const char* path) {
    struct stat st {};
    if (::stat(path, &st) != 0) return "date unknown";
    return format_date(st.st_mtime);
}

std::string builtin_source() {
    return fmt::format("libpsl {} builtin from {} ({}, sha1 {})", PSL_VERSION,
                       psl_builtin_filename(), format_date(psl_builtin_file_time()),
                       psl_builtin_sha1sum());
}

// Calls f(const char*) with a NUL-terminated copy of `host` (on the stack when short).
template <class F>
auto with_c_string(std::string_view host, F&& f) {
    std::array<char, 256> small;
    if (host.size() < small.size()) {
        std::memcpy(small.data(), host.data(), host.size());
        small[host.size()] = '\0';
        return f(static_cast<const char*>(small.data()));
    }
    const std::string copy(host);
    return f(copy.c_str());
}

}  // namespace

public_suffix_list::public_suffix_list(psl_sections sections) : sections_(sections) {
    auto p = std::make_shared<impl>();
    psl_ctx_t* latest = psl_latest(nullptr);
    const psl_ctx_t* builtin = psl_builtin();
    if (latest != nullptr && latest != builtin) {
        p->ctx = latest;
        p->owned = true;
        p->source = fmt::format("{} ({})", psl_dist_filename(), file_date(psl_dist_filename()));
    } else if (builtin != nullptr) {
        p->ctx = builtin;
        p->source = builtin_source();
    } else {
        throw std::runtime_error(
            fmt::format("public_suffix_list: no Public Suffix List found: neither {} nor a list "
                        "compiled into libpsl {} (install Debian's publicsuffix package)",
                        psl_dist_filename(), PSL_VERSION));
    }
    impl_ = std::move(p);
}

public_suffix_list public_suffix_list::from_file(const std::string& path, psl_sections sections) {
    auto p = std::make_shared<impl>();
    p->ctx = psl_load_file(path.c_str());
    if (p->ctx == nullptr) {
        throw std::runtime_error(fmt::format(
            "public_suffix_list::from_file: cannot load \"{}\" (a public_suffix_list.dat text "
            "file or a libpsl DAFSA file is expected)",
            path));
    }
    p->owned = true;
    p->source = fmt::format("{} ({})", path, file_date(path.c_str()));
    return public_suffix_list(std::move(p), sections);
}

bool public_suffix_list::is_ip_host(std::string_view host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        if (host.size() == 2) return false;
        for (char c : host.substr(1, host.size() - 2)) {
            const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                            (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) return false;
        }
        return true;
    }
    // Dotted decimal: exactly four parts of 1-3 digits, each <= 255.
    int parts = 0, digits = 0, value = 0;
    for (std::size_t i = 0; i <= host.size(); ++i) {
        if (i == host.size() || host[i] == '.') {
            if (digits == 0 || value > 255) return false;
            ++parts;
            digits = value = 0;
        } else if (host[i] >= '0' && host[i] <= '9' && digits < 3) {
            value = value * 10 + (host[i] - '0');
            ++digits;
        } else {
            return false;
        }
    }
    return parts == 4;
}

std::string public_suffix_list::registrable_domain(std::string_view host) const {
    while (!host.empty() && host.back() == '.') host.remove_suffix(1);
    if (host.empty() || is_ip_host(host)) return std::string(host);
    const psl_ctx_t* ctx = impl_->ctx;
    if (sections_ == psl_sections::all) {
        return with_c_string(host, [&](const char* h) {
            const char* r = psl_registrable_domain(ctx, h);
            // NULL: the host is a public suffix itself (or a single label): its own domain.
            return r == nullptr ? std::string(h) : std::string(r);
        });
    }
    // ICANN only: the longest suffix that is an ICANN public suffix, plus one label.
    return with_c_string(host, [&](const char* h) {
        const std::size_t n = std::strlen(h);
        std::size_t prev = std::string::npos;  // start of the label before `start`
        std::size_t start = 0;
        while (true) {
            if (psl_is_public_suffix2(ctx, h + start, PSL_TYPE_ICANN)) {
                return prev == std::string::npos ? std::string(h) : std::string(h + prev);
            }
            const char* dot = std::strchr(h + start, '.');
            if (dot == nullptr) return std::string(h);  // no suffix matched at all
            prev = start;
            start = static_cast<std::size_t>(dot - h) + 1;
            if (start >= n) return std::string(h);
        }
    });
}

std::string public_suffix_list::version() const {
    if (sections_ == psl_sections::icann_only) return impl_->source + " [ICANN section only]";
    return impl_->source;
}

}  // namespace linkequity::web
