// SPDX-License-Identifier: MIT
// resolve_chains (web/consolidation.hpp): two passes over a functional graph of redirect /
// canonical records. Pass 1 walks each node's chain (at most 11 hops), classifying it resolved,
// loop or too_long and marking the nodes of too-long chains; pass 2 turns a resolved chain that
// passes through a marked node into too_long, so every URL on a too-long chain keeps its identity.
#include "linkequity/web/consolidation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "linkequity/io/csv_writer.hpp"

namespace linkequity::web {

const char* redirect_kind_name(redirect_kind k) noexcept {
    switch (k) {
        case redirect_kind::redirect: return "redirect";
        case redirect_kind::canonical: return "canonical";
        case redirect_kind::mixed: return "mixed";
    }
    return "unknown";
}

const char* redirect_state_name(redirect_state s) noexcept {
    switch (s) {
        case redirect_state::resolved: return "resolved";
        case redirect_state::loop: return "loop";
        case redirect_state::too_long: return "too_long";
    }
    return "unknown";
}

namespace {

/// One walk from a node: the nodes whose records it followed (in order), where it ended.
struct walk {
    std::vector<std::uint32_t> path;  // nodes whose record was followed
    std::uint32_t end = 0;            // the node reached last
    bool loop = false;
    std::uint8_t bits = 0;            // 1: a redirect was followed, 2: a canonical
};

void walk_from(std::uint32_t u, span<const std::uint32_t> next, span<const std::uint8_t> is_redirect,
               walk& w) {
    w.path.clear();
    w.loop = false;
    w.bits = 0;
    std::uint32_t cur = u;
    while (next[cur] != no_record && w.path.size() <= max_redirect_hops) {
        w.path.push_back(cur);
        w.bits |= is_redirect[cur] ? 1 : 2;
        cur = next[cur];
        if (std::find(w.path.begin(), w.path.end(), cur) != w.path.end()) {
            w.loop = true;
            break;
        }
    }
    w.end = cur;
}

redirect_kind kind_of(std::uint8_t bits) {
    return bits == 1 ? redirect_kind::redirect
                     : bits == 2 ? redirect_kind::canonical : redirect_kind::mixed;
}

}  // namespace

chain_resolution resolve_chains(span<const std::uint32_t> next,
                                span<const std::uint8_t> is_redirect) {
    const std::size_t n = next.size();
    if (is_redirect.size() != n)
        throw std::invalid_argument(fmt::format(
            "resolve_chains: is_redirect has {} entries, next has {}", is_redirect.size(), n));
    for (std::size_t u = 0; u < n; ++u)
        if (next[u] != no_record && next[u] >= n)
            throw std::invalid_argument(
                fmt::format("resolve_chains: next[{}] = {} is not a node (n = {})", u, next[u], n));
    chain_resolution r;
    r.final_node.resize(n);
    r.hops.assign(n, 0);
    r.kind.assign(n, redirect_kind::redirect);
    r.state.assign(n, redirect_state::resolved);
    std::vector<bool> on_long(n, false);
    walk w;
    // Pass 1: each chain on its own.
    for (std::uint32_t u = 0; u < n; ++u) {
        r.final_node[u] = u;
        if (next[u] == no_record) continue;
        walk_from(u, next, is_redirect, w);
        r.hops[u] = static_cast<std::uint8_t>(w.path.size());
        r.kind[u] = kind_of(w.bits);
        if (w.loop) {
            r.state[u] = redirect_state::loop;
        } else if (w.path.size() > max_redirect_hops) {
            r.state[u] = redirect_state::too_long;
            for (std::uint32_t v : w.path) on_long[v] = true;
        } else {
            r.final_node[u] = w.end;
        }
    }
    // Pass 2: a chain through a node of a too-long chain resolves nothing either.
    for (std::uint32_t u = 0; u < n; ++u) {
        if (next[u] == no_record || r.state[u] != redirect_state::resolved) continue;
        walk_from(u, next, is_redirect, w);
        if (std::any_of(w.path.begin(), w.path.end(), [&](std::uint32_t v) { return on_long[v]; })) {
            r.state[u] = redirect_state::too_long;
            r.final_node[u] = u;
        }
    }
    return r;
}

void write_redirects_csv(const redirect_table& t,
                         const std::function<void(std::string_view)>& out) {
    std::string buf = "url,final_url,kind,hops,status\n";
    for (std::size_t i = 0; i < t.size(); ++i) {
        io::append_csv_field(buf, t.urls[i]);
        buf += ',';
        io::append_csv_field(buf, t.final_urls[i]);
        buf += fmt::format(",{},{},{}\n", redirect_kind_name(t.kinds[i]), unsigned(t.hops[i]),
                           redirect_state_name(t.states[i]));
        if (buf.size() >= (1u << 16)) {
            out(buf);
            buf.clear();
        }
    }
    out(buf);
}

}  // namespace linkequity::web
