# SPDX-License-Identifier: MIT
"""benchmarks/spam_detection.py's measures and detectors against independent oracles: AUC by
counting every positive/negative pair, P@k by hand, known-spam mass against a dense numpy solve
of DESIGN's linear form, the two-stage anti-trust against networkx (personalised PageRank of the
reversed graph with the share as seed weights), SALSA from the known spam against its numpy
iteration, and the labelled graph on a small web."""
import argparse
import importlib.util
import pathlib

import networkx as nx
import numpy as np
import pytest

import linkequity as le

SCRIPT = pathlib.Path(__file__).resolve().parents[2] / "benchmarks" / "spam_detection.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("spam_detection", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_auc_and_precision_by_hand(bench):
    rng = np.random.default_rng(4)
    score = rng.integers(0, 6, 40).astype(float)  # ties on purpose
    positive = rng.random(40) < 0.3
    pos, neg = score[positive], score[~positive]
    pairs = [(1.0 if a > b else 0.5 if a == b else 0.0) for a in pos for b in neg]
    assert bench.auc(score, positive) == pytest.approx(np.mean(pairs), abs=1e-12)
    order = sorted(range(40), key=lambda i: (-score[i], i))[:10]
    assert bench.precision_at(score, positive, 10) == pytest.approx(positive[order].mean())


def _graph(rng, n=30, m=90):
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = src != dst
    pairs = sorted(set(zip(src[keep].tolist(), dst[keep].tolist())))
    s = np.array([a for a, _ in pairs], dtype=np.uint32)
    d = np.array([b for _, b in pairs], dtype=np.uint32)
    return le.Graph.from_edges(s, d, num_nodes=n), pairs


def test_known_spam_mass_is_the_share_of_a_dense_solve(bench):
    rng = np.random.default_rng(7)
    g, pairs = _graph(rng)
    n, alpha, known = 30, 0.85, np.array([2, 5, 11])
    t = np.zeros((n, n))
    for a, b in pairs:
        t[a, b] = 1.0
    out = t.sum(axis=1)
    t[out > 0] /= out[out > 0, None]
    solve = np.linalg.inv(np.eye(n) - alpha * t.T) * (1 - alpha)
    p = solve @ np.full(n, 1 / n)
    p_b = solve @ np.where(np.isin(np.arange(n), known), 1 / n, 0.0)
    assert np.allclose(bench.known_spam_mass(g, known, alpha), p_b / p, atol=1e-9)


def test_two_stage_anti_trust_against_networkx(bench):
    rng = np.random.default_rng(9)
    g, pairs = _graph(rng)
    share = bench.known_spam_mass(g, np.array([1, 4]), 0.85)
    got = bench.two_stage_anti_trust(g, np.array([1, 4]), share, 0.85)
    rev = nx.DiGraph()
    rev.add_nodes_from(range(30))
    rev.add_edges_from((b, a) for a, b in pairs)
    v = {i: float(share[i]) for i in range(30) if share[i] > 0}
    want = nx.pagerank(rev, personalization=v, dangling=v, tol=1e-14, max_iter=5000)
    assert np.allclose(got, [want[i] for i in range(30)], atol=1e-9)


def test_labelled_domain_graph_on_a_small_web(bench):
    args = argparse.Namespace(domains=1500, links=40000, seed=2, spam_share=0.05,
                              expired_per_site=2)
    graph, cls, grp, absent = bench.labelled_domain_graph(args)
    labels = le.generate.web_labels(domains=1500, links=40000, seed=2, manipulation=True,
                                    spam_share=0.05)
    expired = int((labels["label"] == "expired").sum())
    assert expired > 0 and absent >= expired  # consolidated into their money sites
    assert (cls == "expired_target").sum() == (labels["group"].str.startswith("expired-") &
                                               (labels["label"] == "target")).sum()
    assert graph.num_nodes == len(cls) == len(grp)
    assert set(grp[cls == "pbn"]) == set(labels.loc[labels["label"] == "pbn", "group"])


def test_spam_salsa_matches_its_numpy_fallback(bench):
    rng = np.random.default_rng(12)
    g, _ = _graph(rng)
    hubs, authorities = bench.spam_salsa(g, np.array([3, 8, 20]), 0.85)
    want_h, want_a = bench._fallback_salsa(g, np.array([3, 8, 20]), 0.85)
    assert np.abs(hubs - want_h).sum() + np.abs(authorities - want_a).sum() < 1e-9
    assert hubs.sum() + authorities.sum() == pytest.approx(1.0, abs=1e-12)
