# SPDX-License-Identifier: MIT
"""Spam-detection benchmark on a labelled synthetic web (issue 13, point 3).

Generates a web with link farms, private blog networks, reciprocal exchanges, sitewide paid
links and expired domains 301-redirected to money sites (linkequity.generate.web(...,
manipulation=True) and web_labels), builds its domain graph (redirects followed: an expired
domain's URLs are its money site's), and measures how well each score ranks the labelled spam
above the honest domains: AUC and precision at 100 of relative spam mass (good core: a
documented sample of honest domains), anti-TrustRank (seeds: a documented sample of labelled
spam, "the known spam"), known-spam mass (the share of a domain's PageRank that the known spam
gives it: spam mass's linear form with the known spam as the core), the two-stage anti-trust
that combines them, personalised SALSA from the known spam (hubs: domains that link to what
the known spam links to; authorities: the domains they boost), and plain in-degree, total
degree and PageRank as baselines. Uses linkequity.spam_mass / anti_trustrank / salsa when the
package has them, else the FALLBACK below (scipy / linkequity.pagerank on the reversed graph);
it says which.

    python benchmarks/spam_detection.py [--domains 20000] [--links 1000000] [--seed 3]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Dict, List, Tuple

import numpy as np

import linkequity as le

SPAM_CLASSES = ("farm", "farm_target", "pbn", "pbn_target", "exchange", "paid_seller",
                "paid_buyer", "expired_target")


# --------------------------------------------------------------------------- the labelled web
def labelled_domain_graph(args: argparse.Namespace) -> Tuple[le.Graph, np.ndarray, np.ndarray, int]:
    """The domain graph of the synthetic web (an edge D1 -> D2 when some page of D1 has a
    followable link to a page of D2, D1 != D2: DESIGN.md's domain graph, weight mode
    `domains`), each graph node's class and group ("pbn-3", "" for honest), and how many
    labelled domains are not in the graph (expired domains: redirects are followed, so their
    URLs, backlinks included, belong to their money site)."""
    options = dict(domains=args.domains, links=args.links, seed=args.seed, manipulation=True,
                   spam_share=args.spam_share, expired_per_site=args.expired_per_site)
    web = le.generate.web(**options)
    labels = le.generate.web_labels(**options)
    names = web.domain_names()
    links = web.links()
    external = links[links["followable"] & ~links["internal"]]
    import pandas as pd

    code = {n: i for i, n in enumerate(names)}
    src = pd.Categorical(external["source_domain"], categories=names).codes.astype(np.int64)
    dst = pd.Categorical(external["target_domain"], categories=names).codes.astype(np.int64)
    pairs = np.unique(src * len(names) + dst)
    graph = le.Graph.from_edges((pairs // len(names)).astype(np.uint32),
                                (pairs % len(names)).astype(np.uint32), num_nodes=len(names))
    cls = np.full(len(names), "honest", dtype=object)
    grp = np.full(len(names), "", dtype=object)
    absent = 0
    for domain, label, group in zip(labels["domain"], labels["label"], labels["group"]):
        i = code.get(domain)
        if i is None:  # consolidated into its money site, or without any link row
            absent += label != "honest"
            continue
        cls[i] = f"{group.split('-')[0]}_target" if label == "target" else label
        grp[i] = group
    return graph, cls, grp, absent


# --------------------------------------------------------------------------- the two scores
def spam_mass_relative(graph: le.Graph, core: np.ndarray, damping: float) -> Tuple[np.ndarray, np.ndarray, str]:
    """Relative spam mass m = 1 - p'/p and PageRank p (DESIGN.md, linear form)."""
    if hasattr(le, "spam_mass"):
        r = le.spam_mass(graph, list(map(int, core)), damping=damping, tolerance=1e-12)
        return np.asarray(r.relative), np.asarray(r.pagerank), "linkequity.spam_mass"
    p, p_core = _fallback_spam_mass(graph, core, damping)
    with np.errstate(divide="ignore", invalid="ignore"):
        m = np.where(p > 0, 1 - p_core / p, 0.0)
    return np.clip(m, 0, 1), p, "fallback (scipy, this script)"


def anti_trust(graph: le.Graph, seeds: np.ndarray, damping: float) -> Tuple[np.ndarray, str]:
    """Anti-TrustRank with the given spam seeds (DESIGN.md: TrustRank of the reversed graph)."""
    if hasattr(le, "anti_trustrank"):
        return np.asarray(le.anti_trustrank(graph, list(map(int, seeds)), damping=damping,
                                            tolerance=1e-12).scores), "linkequity.anti_trustrank"
    return _fallback_anti_trust(graph, seeds, damping), "fallback (linkequity.pagerank, reversed)"


def known_spam_mass(graph: le.Graph, seeds: np.ndarray, damping: float) -> np.ndarray:
    """The share of each node's PageRank that the known spam B gives it: p_B / p, with p and
    p_B = (1-α)(I - αTᵀ)⁻¹ 1_B/N spam mass's linear form (DESIGN.md) with B as the "core".
    Gyöngyi et al. define a node's spam mass as the PageRank the spam nodes contribute to it;
    with a sample B of the spam this is its lower bound. Beneficiaries of known spam (farm
    targets, money sites) score high; the members themselves only through each other."""
    if hasattr(le, "spam_mass"):
        r = le.spam_mass(graph, list(map(int, seeds)), damping=damping, tolerance=1e-12)
        p, p_b = np.asarray(r.pagerank), np.asarray(r.core_pagerank)
    else:
        p, p_b = _fallback_spam_mass(graph, seeds, damping)
    return np.divide(p_b, p, out=np.zeros_like(p), where=p > 0)


def two_stage_anti_trust(graph: le.Graph, seeds: np.ndarray, share: np.ndarray,
                         damping: float) -> np.ndarray:
    """Anti-TrustRank seeded with the known spam *and what it boosts*: seed weights = the
    known-spam mass share (known_spam_mass), so distrust starts at the known spam (share of
    their own teleport) and at the domains whose PageRank comes mostly from it (a farm's
    target, a PBN's money sites), and flows to whoever links to them. Stage 1 looks forward
    (who profits from the known spam), stage 2 backward (who else feeds the profiteers)."""
    keep = np.flatnonzero(share > 0)
    weights = {int(i): float(share[i]) for i in keep}
    if hasattr(le, "anti_trustrank"):
        return np.asarray(le.anti_trustrank(graph, weights, damping=damping,
                                            tolerance=1e-12).scores)
    return _fallback_anti_trust(graph, keep, damping, share[keep])


def spam_salsa(graph: le.Graph, seeds: np.ndarray, damping: float) -> Tuple[np.ndarray, np.ndarray]:
    """Personalised SALSA from the known spam (docs/trust.md), restarts split evenly between
    the seeds' hub and authority copies: (hubs, authorities). A walk that follows a link
    forwards, then one backwards, from the known spam: hubs are high for domains that link to
    the same sites as the known spam (a PBN's other members, which all link to its money
    sites), authorities for the sites those domains link to (the money sites). Co-citation,
    the footprint an analyst looks for: "who else links to the sites this spam links to?"."""
    if hasattr(le, "salsa"):
        r = le.salsa(graph, list(map(int, seeds)), damping=damping, tolerance=1e-12,
                     max_iterations=2000)
        return np.asarray(r.hubs), np.asarray(r.authorities)
    return _fallback_salsa(graph, seeds, damping)


# FALLBACK — used only while linkequity.spam_mass / anti_trustrank do not exist in the build.
def _fallback_spam_mass(graph: le.Graph, core: np.ndarray, damping: float) -> Tuple[np.ndarray, np.ndarray]:
    """p = (1-α)(I - αTᵀ)⁻¹ 1/N and p' = (1-α)(I - αTᵀ)⁻¹ 1_C/N by Jacobi iteration
    (converges geometrically with ratio α; T row-stochastic over followable out-edges,
    dangling rows zero)."""
    import scipy.sparse as sp

    a = graph.to_scipy().tocsr().astype(np.float64)
    a.data[:] = 1.0
    n = a.shape[0]
    out = np.asarray(a.sum(axis=1)).ravel()
    inv = np.divide(1.0, out, out=np.zeros(n), where=out > 0)
    tt = (sp.diags(inv) @ a).T.tocsr()  # Tᵀ
    results = []
    for b in (np.full(n, 1.0 / n), np.where(np.isin(np.arange(n), core), 1.0 / n, 0.0)):
        b = (1 - damping) * b
        x = b.copy()
        for _ in range(2000):
            nxt = damping * (tt @ x) + b
            if np.abs(nxt - x).sum() < 1e-14:
                x = nxt
                break
            x = nxt
        results.append(x)
    return results[0], results[1]


def _fallback_anti_trust(graph: le.Graph, seeds: np.ndarray, damping: float,
                         weights=None) -> np.ndarray:
    a = graph.to_scipy().tocoo()
    reverse = le.Graph.from_edges(a.col.astype(np.uint32), a.row.astype(np.uint32),
                                  num_nodes=graph.num_nodes)
    v = np.zeros(graph.num_nodes)
    v[seeds] = 1.0 if weights is None else weights
    v /= v.sum()
    return np.asarray(le.pagerank(reverse, personalization=v, damping=damping,
                                  tolerance=1e-12, max_iterations=1000).scores)


def _fallback_salsa(graph: le.Graph, seeds: np.ndarray, damping: float) -> Tuple[np.ndarray, np.ndarray]:
    """h and a of docs/trust.md's personalised SALSA by iterating its equations (hub_share ½)."""
    a = graph.to_scipy().tocsr().astype(np.float64)
    a.data[:] = 1.0
    n = a.shape[0]
    out, into = np.asarray(a.sum(axis=1)).ravel(), np.asarray(a.sum(axis=0)).ravel()
    inv_out = np.divide(1.0, out, out=np.zeros(n), where=out > 0)
    inv_in = np.divide(1.0, into, out=np.zeros(n), where=into > 0)
    at = a.T.tocsr()
    v = np.zeros(n)
    v[seeds] = 1.0 / len(seeds)
    h, au = v / 2, v / 2
    for _ in range(5000):
        restart = 1 - damping + damping * (h[out == 0].sum() + au[into == 0].sum())
        au2 = damping * (at @ (h * inv_out)) + restart * v / 2
        h2 = damping * (a @ (au * inv_in)) + restart * v / 2
        change = np.abs(h2 - h).sum() + np.abs(au2 - au).sum()
        h, au = h2, au2
        if change < 1e-12:
            break
    return h, au


# --------------------------------------------------------------------------- the measures
def auc(score: np.ndarray, positive: np.ndarray) -> float:
    """P(score of a random positive > score of a random negative), ties counting 1/2
    (the Mann-Whitney U statistic over average ranks)."""
    from scipy.stats import rankdata

    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = rankdata(score)
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def precision_at(score: np.ndarray, positive: np.ndarray, k: int = 100) -> float:
    """Share of positives among the k highest scores (ties broken by node id)."""
    order = np.lexsort((np.arange(len(score)), -score))[:k]
    return float(positive[order].mean()) if len(order) else float("nan")


def evaluate(score: np.ndarray, cls: np.ndarray, evaluated: np.ndarray) -> Dict[str, Dict[str, float]]:
    """Per spam class: AUC and P@100 against the honest domains (both among `evaluated`);
    `all`: every labelled spam against the honest domains."""
    out: Dict[str, Dict[str, float]] = {}
    honest = cls == "honest"
    for c in SPAM_CLASSES + ("all",):
        pos = (cls != "honest") if c == "all" else (cls == c)
        keep = evaluated & (pos | honest)
        if not (keep & pos).any():
            continue
        out[c] = {"auc": auc(score[keep], pos[keep]), "p100": precision_at(score[keep], pos[keep]),
                  "n": int((keep & pos).sum())}
    return out


# --------------------------------------------------------------------------- samples
def good_core(cls: np.ndarray, pagerank: np.ndarray, args: argparse.Namespace, rng) -> np.ndarray:
    """The good core: honest domains only (an editor's vetted list), either the top
    core_share of them by PageRank ("top", the well-known sites an editor would vet first) or
    a uniform random core_share of them ("random")."""
    honest = np.flatnonzero(cls == "honest")
    k = max(1, int(round(args.core_share * len(honest))))
    if args.core == "top":
        return honest[np.argsort(-pagerank[honest], kind="stable")[:k]]
    return np.sort(rng.choice(honest, size=k, replace=False))


def spam_seeds(cls: np.ndarray, args: argparse.Namespace, rng) -> np.ndarray:
    """Anti-TrustRank seeds: a uniform random seed_share of the farm and PBN domains, members
    and boosted targets alike (`--seeds-from all`: spam a reviewer has flagged, wherever it
    is), or of the members only (`members`)."""
    pool = (cls == "farm") | (cls == "pbn")
    if args.seeds_from == "all":
        pool |= (cls == "farm_target") | (cls == "pbn_target")
    members = np.flatnonzero(pool)
    k = max(1, int(round(args.seed_share * len(members))))
    return np.sort(rng.choice(members, size=k, replace=False))


def diagnose(graph: le.Graph, cls: np.ndarray, grp: np.ndarray, seeds: np.ndarray,
              every: np.ndarray, anti: np.ndarray, damping: float,
              hubs: np.ndarray = None) -> Dict:
    """Anti-trust's AUC for PBN members in networks with and without a known-spam domain, and
    the *exact* spam-mass share of the money sites: the PageRank share that all labelled farm
    and PBN members give them (p_S / p with S = every member: Gyöngyi et al.'s true spam mass,
    which no detector knows)."""
    honest = every & (cls == "honest")
    flagged = np.isin(grp, list(set(grp[seeds]) - {""}))
    out: Dict[str, float] = {}
    for name, pos in (("pbn members, network flagged", every & (cls == "pbn") & flagged),
                      ("pbn members, network unflagged", every & (cls == "pbn") & ~flagged)):
        keep = honest | pos
        out[name] = auc(anti[keep], pos[keep])
        out[name + " (n)"] = int(pos.sum())
        if hubs is not None:
            out[name + ", SALSA hubs"] = auc(hubs[keep], pos[keep])
    exact = known_spam_mass(graph, np.flatnonzero(np.isin(cls, ("farm", "pbn"))), damping)
    for c in ("pbn_target", "farm_target", "honest"):
        out[f"exact spam share, {c}, median"] = float(np.median(exact[cls == c]))
    keep = honest | (every & (cls == "pbn_target"))
    out["exact spam share AUC, pbn_target"] = auc(exact[keep], (cls == "pbn_target")[keep])
    lines = [f"anti-TrustRank AUC, PBN members of networks with a known-spam domain: "
             f"{out['pbn members, network flagged']:.3f} ({out['pbn members, network flagged (n)']}),"
             f" without: {out['pbn members, network unflagged']:.3f} "
             f"({out['pbn members, network unflagged (n)']})"]
    if hubs is not None:
        lines.append("SALSA hubs AUC, PBN members of networks with a known-spam domain: "
                     f"{out['pbn members, network flagged, SALSA hubs']:.3f}, without: "
                     f"{out['pbn members, network unflagged, SALSA hubs']:.3f}")
    lines += ["share of PageRank from all farm + PBN members (exact spam mass), median: money "
              f"sites {out['exact spam share, pbn_target, median']:.3f}, farm targets "
              f"{out['exact spam share, farm_target, median']:.3f}, honest "
              f"{out['exact spam share, honest, median']:.3f}; its AUC for money sites "
              f"{out['exact spam share AUC, pbn_target']:.3f}"]
    return {"figures": out, "lines": lines}


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--domains", type=int, default=20000)
    ap.add_argument("--links", type=int, default=1000000)
    ap.add_argument("--seed", type=int, default=3, help="the web's seed")
    ap.add_argument("--spam-share", type=float, default=0.05)
    ap.add_argument("--damping", type=float, default=0.85)
    ap.add_argument("--core", choices=("top", "random"), default="top")
    ap.add_argument("--core-share", type=float, default=0.05,
                    help="share of the honest domains in the good core")
    ap.add_argument("--seed-share", type=float, default=0.1,
                    help="share of the farm + PBN domains given as anti-trust seeds")
    ap.add_argument("--seeds-from", choices=("all", "members"), default="all",
                    help="anti-trust seeds drawn from farm/PBN members and targets, or members")
    ap.add_argument("--rho", type=float, default=1.5,
                    help="spam mass judges domains with N * PageRank >= rho (10x a domain "
                         "nothing links to: 1 - damping = 0.15)")
    ap.add_argument("--negatives", choices=("honest", "linked"), default="honest",
                    help="negative class: every honest domain, or those with a followable "
                         "referring domain (drops the unlinked honest domains every score "
                         "ranks last)")
    ap.add_argument("--expired-per-site", type=int, default=2,
                    help="expired domains redirected to each money site")
    ap.add_argument("--sample-seed", type=int, default=1, help="seed of the core/seed samples")
    ap.add_argument("--json", help="also write the figures as JSON here")
    return ap.parse_args()


def print_tables(figures: Dict[str, Dict[str, Dict[str, float]]]) -> None:
    """The AUC table, then the P@100 table: one row per score, one column per class."""
    cols = list(SPAM_CLASSES) + ["all"]
    for key, title in (("auc", "AUC against the honest domains"),
                       ("p100", "P@100: share of the class among the 100 highest scores of the "
                                "class and the honest domains ('all': any labelled spam)")):
        print(f"\n{title}\n{'score':28}" + "".join(f"{c:>15}" for c in cols))
        for name, per in figures.items():
            print(f"{name:28}" + "".join(f"{per[c][key]:>15.3f}" if c in per else f"{'-':>15}"
                                          for c in cols))


def main() -> int:
    args = parse_args()
    rng = np.random.default_rng(args.sample_seed)

    t0 = time.perf_counter()
    graph, cls, grp, absent = labelled_domain_graph(args)
    t_web = time.perf_counter() - t0
    pr = np.asarray(le.pagerank(graph, damping=args.damping, tolerance=1e-12).scores)
    indeg = np.diff(graph.to_scipy().tocsc().indptr).astype(float)
    core = good_core(cls, pr, args, rng)
    seeds = spam_seeds(cls, args, rng)
    t1 = time.perf_counter()
    mass, p_lin, mass_impl = spam_mass_relative(graph, core, args.damping)
    judged = len(cls) * p_lin >= args.rho
    anti, anti_impl = anti_trust(graph, seeds, args.damping)
    known = known_spam_mass(graph, seeds, args.damping)
    two_stage = two_stage_anti_trust(graph, seeds, known, args.damping)
    hubs, authorities = spam_salsa(graph, seeds, args.damping)
    outdeg = np.diff(graph.to_scipy().tocsr().indptr).astype(float)
    t_scores = time.perf_counter() - t1

    not_core = ~np.isin(np.arange(len(cls)), core)
    not_seed = ~np.isin(np.arange(len(cls)), seeds)
    every = not_core & not_seed
    if args.negatives == "linked":
        every &= (cls != "honest") | (indeg > 0)
    figures = {
        f"spam mass, N·p >= {args.rho:g}": evaluate(mass, cls, every & judged),
        "spam mass, every domain": evaluate(mass, cls, every),
        "anti-TrustRank": evaluate(anti, cls, every),
        "known-spam mass": evaluate(known, cls, every),
        "two-stage anti-trust": evaluate(two_stage, cls, every),
        "SALSA hubs": evaluate(hubs, cls, every),
        "SALSA authorities": evaluate(authorities, cls, every),
        "SALSA hubs + authorities": evaluate(hubs + authorities, cls, every),
        "in-degree (baseline)": evaluate(indeg, cls, every),
        "in + out degree (baseline)": evaluate(indeg + outdeg, cls, every),
        "PageRank (baseline)": evaluate(pr, cls, every),
        "low PageRank (baseline)": evaluate(-pr, cls, every),
    }
    counts = {c: int((cls == c).sum()) for c in ("honest",) + SPAM_CLASSES}
    seeded = set(grp[seeds])
    networks = {k: sorted({g for g in grp if g.startswith(k + "-")}) for k in ("farm", "pbn")}
    unflagged = {k: sum(g not in seeded for g in v) for k, v in networks.items()}
    print(f"web: {args.domains} domains + manipulation, {args.links} links, seed {args.seed}: "
          f"{graph.num_nodes} domains in the graph, {graph.num_edges} domain edges ({t_web:.1f} s)")
    print("classes: " + ", ".join(f"{k} {v}" for k, v in counts.items()) +
          f"; {absent} labelled domains not in the graph (expired: consolidated into their "
          "money sites)")
    print(f"good core: {len(core)} honest domains ({args.core}, {args.core_share:.0%} of honest); "
          f"known spam (anti-trust seeds): {len(seeds)} farm/PBN domains ({args.seed_share:.0%} of "
          f"the {'members and targets' if args.seeds_from == 'all' else 'members'}); "
          "both excluded from the evaluation")
    print("networks without any known-spam domain: " +
          ", ".join(f"{unflagged[k]} of {len(v)} {k}s" for k, v in networks.items()))
    print(f"negatives: {int((every & (cls == 'honest')).sum())} honest domains "
          f"({args.negatives}); spam mass: {mass_impl}; anti-trust: {anti_impl}; SALSA: "
          f"{'linkequity.salsa' if hasattr(le, 'salsa') else 'fallback (numpy, this script)'} "
          f"({t_scores:.1f} s)")
    judged_share = {c: float(judged[cls == c].mean()) for c in ("honest",) + SPAM_CLASSES
                    if (cls == c).any()}
    print(f"judged by spam mass (N·p >= {args.rho:g}): " +
          ", ".join(f"{c} {v:.0%}" for c, v in judged_share.items()))
    print_tables(figures)
    diagnosis = diagnose(graph, cls, grp, seeds, every, anti, args.damping, hubs)
    print("\nWhy PBNs are missed (diagnosis; uses every label, so it is no detector):")
    for line in diagnosis["lines"]:
        print("  " + line)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"args": vars(args), "counts": counts, "spam_mass": mass_impl,
                       "judged_share": judged_share, "unflagged_networks": unflagged,
                       "absent": absent, "anti_trust": anti_impl, "figures": figures,
                       "diagnosis": diagnosis["figures"]}, f,
                      indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
