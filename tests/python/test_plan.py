# SPDX-License-Identifier: MIT
"""Link planning: linkequity.link_gain against networkx.pagerank with the link added (every
candidate, labels, nofollow links, evaporate and dangling options), and WebGraph.plan_links
against domain_authority of the links with one more row (first pick = brute-force best, the
authority after each step), plus bad input."""
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import linkequity
from linkequity import Flag, Graph, WebGraph


def nx_gain(G, j, t, **kw):
    before = nx.pagerank(G, tol=1e-15, max_iter=10000, **kw)
    H = G.copy()
    H.add_edge(j, t)
    return nx.pagerank(H, tol=1e-15, max_iter=10000, **kw)[t] - before[t]


def test_link_gain_matches_networkx_for_every_candidate(rng):
    G = nx.gnm_random_graph(40, 110, seed=3, directed=True)
    G.add_node("sink")  # a dangling node with a label
    G.add_edge(5, "sink")
    graph = Graph.from_networkx(G)
    df = linkequity.link_gain(graph, 7, tolerance=1e-14, max_iterations=1000)
    assert list(df.columns) == ["source", "gain", "score_after", "error_bound", "existing_link"]
    assert len(df) == G.number_of_nodes() - 1 - G.in_degree(7)
    assert df["gain"].is_monotonic_decreasing
    for row in df.itertuples():
        truth = nx_gain(G, row.source, 7)
        assert abs(row.gain - truth) <= 0.01 * truth + 1e-15
        assert abs(row.gain - truth) <= row.error_bound + 1e-14
    assert df.attrs["score"] == pytest.approx(nx.pagerank(G, tol=1e-15)[7], rel=1e-9)


def test_link_gain_personalization_and_candidates():
    G = nx.gnm_random_graph(25, 60, seed=11, directed=True)
    pers = {i: 1.0 + (i % 3) for i in G}
    graph = Graph.from_networkx(G)
    cands = [0, 1, 2, 3, 4, 0]
    df = linkequity.link_gain(graph, 9, cands, personalization=pers, tolerance=1e-14,
                              max_iterations=2000)
    linked = {j for j in set(cands) if G.has_edge(j, 9)}
    assert set(df["source"]) == set(cands) - linked
    assert df.attrs["skipped"] == len(linked)
    for row in df.itertuples():
        truth = nx_gain(G, row.source, 9, personalization=pers)
        assert abs(row.gain - truth) <= 0.01 * truth + 1e-15


def test_link_gain_nofollow_existing_and_evaporate():
    # 0 -> 1, 1 -> 2, 2 -> 0, 3 -(nofollow)-> 2, 3 -> 0; target 2
    src = np.array([0, 1, 2, 3, 3], dtype=np.uint32)
    dst = np.array([1, 2, 0, 2, 0], dtype=np.uint32)
    flags = np.array([0, 0, 0, int(Flag.NOFOLLOW), 0], dtype=np.uint8)
    graph = Graph.from_edges(src, dst, flags=flags)
    for evaporate in (False, True):
        df = linkequity.link_gain(graph, 2, evaporate=evaporate, tolerance=1e-14,
                                  max_iterations=2000)
        row = df[df["source"] == 3].iloc[0]
        assert bool(row["existing_link"])
        after = Graph.from_edges(src, dst, flags=np.array([0, 0, 0, 0, 0], dtype=np.uint8))
        truth = (linkequity.pagerank(after, tolerance=1e-14, max_iterations=2000,
                                     evaporate=evaporate).scores[2]
                 - linkequity.pagerank(graph, tolerance=1e-14, max_iterations=2000,
                                       evaporate=evaporate).scores[2])
        assert row["gain"] == pytest.approx(truth, rel=1e-3)


def test_link_gain_bad_input(small_graph):
    with pytest.raises(ValueError, match="among the candidates"):
        linkequity.link_gain(small_graph, 2, [2])
    with pytest.raises(IndexError):
        linkequity.link_gain(small_graph, 9)
    with pytest.raises(TypeError, match="unexpected option"):
        linkequity.link_gain(small_graph, 2, dampnig=0.5)
    with pytest.raises(ValueError, match="relative_error"):
        linkequity.link_gain(small_graph, 2, relative_error=0)


LINKS = [
    ("https://a.com/", "https://b.com/"), ("https://a.com/x", "https://c.com/"),
    ("https://b.com/", "https://c.com/"), ("https://c.com/", "https://a.com/"),
    ("https://d.com/", "https://a.com/"), ("https://d.com/", "https://b.com/"),
    ("https://e.org/", "https://d.com/"), ("https://f.net/", "https://e.org/"),
    ("https://f.net/", "https://target.io/"), ("https://g.de/", "https://f.net/"),
    ("https://target.io/", "https://g.de/"),
]
NOFOLLOW = ("https://b.com/", "https://target.io/")


def web_of(extra=()):
    rows = [(s, t, "") for s, t in LINKS] + [(*NOFOLLOW, "nofollow")] + [(s, t, "") for s, t in extra]
    return WebGraph.from_links(pd.DataFrame(rows, columns=["source", "target", "rel"]))


def authority_of(web, domain, **options):
    d = web.domain_authority(tolerance=1e-14, max_iterations=2000, **options)
    return d.set_index("domain").loc[domain, ["score", "authority"]]


@pytest.mark.parametrize("weights", ["domains", "links"])
def test_plan_links_first_pick_and_steps(weights):
    web = web_of()
    plan = web.plan_links("target.io", k=3, top=0, domain_weights=weights, tolerance=1e-14,
                          max_iterations=2000)
    assert isinstance(plan, linkequity.LinkPlan)
    before = authority_of(web, "target.io", domain_weights=weights)
    assert plan.score_before == pytest.approx(before["score"], rel=1e-9)
    truth = {}
    for d in plan.candidates["domain"]:
        src = "https://b.com/" if d == "b.com" else f"https://{d}/"
        truth[d] = authority_of(web_of([(src, "https://target.io/")]), "target.io",
                                domain_weights=weights)["score"] - before["score"]
    for row in plan.candidates.itertuples():
        assert row.gain == pytest.approx(truth[row.domain], rel=1e-2)
    assert truth[plan.steps["domain"][0]] >= max(truth.values()) * (1 - 1e-9)
    assert bool(plan.candidates.set_index("domain").loc["b.com", "existing_link"])
    added = []
    for row in plan.steps.itertuples():
        added.append((f"https://{row.domain}/", "https://target.io/"))
        after = authority_of(web_of(added), "target.io", domain_weights=weights)
        assert row.score_after == pytest.approx(after["score"], rel=1e-9)
        assert row.authority_after == pytest.approx(after["authority"], abs=1e-6)
    assert list(plan.steps["step"]) == [1, 2, 3]


def test_plan_links_prospects_page_level_and_errors():
    web = web_of()
    plan = web.plan_links("target.io", candidates=["a.com", "https://c.com/page", "f.net"])
    assert plan.ranked == 2 and plan.skipped == 1  # f.net already links followably
    assert set(plan.candidates["domain"]) == {"a.com", "c.com"}
    page = web.plan_links("https://target.io/", level="page", k=2, top=3)
    assert len(page.candidates) == 3 and len(page.steps) == 2
    assert list(page.steps.columns)[:2] == ["step", "page"]
    with pytest.raises(ValueError, match="target 'nope.example' is not a domain"):
        web.plan_links("nope.example")
    with pytest.raises(ValueError, match="is the target"):
        web.plan_links("target.io", candidates=["target.io"])
    with pytest.raises(ValueError, match="k must be"):
        web.plan_links("target.io", k=0)
    with pytest.raises(ValueError, match="level"):
        web.plan_links("target.io", level="host")
