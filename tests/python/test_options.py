# SPDX-License-Identifier: MIT
# The keyword arguments come from the C++ option tables: every option is settable (including
# blocked_hot_nodes and excluded by name), documented in the docstring and the signature,
# unknown keywords are rejected, and old enum spellings work with a DeprecationWarning.
import inspect
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import linkequity
from linkequity import Flag, Graph, WebGraph, _core, pagerank


@pytest.fixture
def kron():
    return linkequity.generate.kronecker(10, edge_factor=8, seed=3)


def test_blocked_hot_nodes_reaches_the_kernel(kron):
    # Oracle: the pull kernel (itself checked against networkx in test_pagerank). With a hot
    # prefix of 1 or 64 ids nearly every source is binned, so the blocked path really runs.
    pull = pagerank(kron, tolerance=1e-300, max_iterations=6, node_order="as_built")
    for hot in (1, 64):
        blocked = pagerank(kron, tolerance=1e-300, max_iterations=6, node_order="as_built",
                           kernel="blocked", blocked_hot_nodes=hot)
        assert blocked.iterations == 6
        assert np.abs(blocked.scores - pull.scores).sum() < 1e-14
    o = _core.PageRankOptions()
    o.set("blocked_hot_nodes", 64)
    assert o.blocked_hot_nodes == 64
    with pytest.raises(ValueError, match="blocked_hot_nodes must be an integer >= 0, got -1"):
        pagerank(kron, blocked_hot_nodes=-1)
    with pytest.raises(ValueError, match="blocked_hot_nodes must be an integer >= 0, got 2.5"):
        pagerank(kron, blocked_hot_nodes=2.5)


def test_old_spellings_warn_and_mean_the_new_ones(kron):
    new = pagerank(kron, node_order="automatic", tolerance=1e-12)
    with pytest.warns(DeprecationWarning,
                      match="node_order 'auto' is deprecated, use 'automatic'") as record:
        old = pagerank(kron, node_order="auto", tolerance=1e-12)
    assert record[0].filename == __file__  # points at the caller's line
    np.testing.assert_array_equal(old.scores, new.scores)
    with pytest.warns(DeprecationWarning, match="solver 'gauss-seidel' is deprecated"):
        gs = pagerank(kron, solver="gauss-seidel", tolerance=1e-12, max_iterations=1000)
    assert gs.converged
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # current spellings never warn
        pagerank(kron, node_order="by_degree", solver="gauss_seidel", acceleration="none")


def test_unknown_keywords_are_rejected(kron, small_web):
    with pytest.raises(TypeError, match="pagerank: unexpected option 'dampin'; the options are "
                                        "damping, tolerance"):
        pagerank(kron, dampin=0.5)
    with pytest.raises(TypeError, match="unexpected option 'alpha'"):
        linkequity.pagerank_residual(kron, np.full(kron.num_nodes, 1 / kron.num_nodes), alpha=1)
    with pytest.raises(TypeError, match="authority: unexpected option 'personalization'"):
        small_web.page_authority(personalization=[1.0])  # several graphs: not an option here
    with pytest.raises(TypeError, match="damping must be a number, got 'high'"):
        pagerank(kron, damping="high")


def test_docstrings_and_signatures_list_every_option():
    doc = pagerank.__doc__
    params = inspect.signature(pagerank).parameters
    for f in _core.PageRankOptions.fields():
        assert f"        {f['name']}: " in doc, f["name"]
        assert f["name"] in params
        for c in f["choices"]:
            assert repr(c) in doc
    assert params["max_iterations"].default == 100
    assert params["node_order"].default == "automatic"
    auth = WebGraph.authority.__doc__
    for f in _core.AuthorityOptions.fields():
        assert f"            {f['name']}: " in auth, f["name"]
    defaults = {f["name"]: f["default"] for f in _core.AuthorityOptions.fields()}
    assert defaults["max_iterations"] == 200 and defaults["domain_weights"] == "domains"
    assert "personalization" not in defaults  # per-node: not for several graphs
    auth_params = inspect.signature(WebGraph.authority).parameters
    assert set(defaults) | {"self", "progress", "evaporate", "trusted", "spam", "topics",
                            "harmonic"} == set(auth_params)
    assert auth_params["max_iterations"].default == 200
    assert "{options}" not in doc and "{options}" not in auth


def test_excluded_by_flag_names(kron):
    g = Graph.from_edges([0, 0, 1, 2], [1, 2, 0, 0], flags=[0, Flag.NOFOLLOW, 0, 0])
    by_mask = pagerank(g, excluded=0, tolerance=1e-13, max_iterations=500)
    by_name = pagerank(g, excluded="none", tolerance=1e-13, max_iterations=500)
    np.testing.assert_array_equal(by_mask.scores, by_name.scores)
    # Oracle: networkx on the graph with every edge (nothing excluded).
    ref = nx.pagerank(nx.DiGraph([(0, 1), (0, 2), (1, 0), (2, 0)]), alpha=0.85, tol=1e-14,
                      max_iter=10000)
    np.testing.assert_allclose(by_name.scores, [ref[i] for i in range(3)], atol=1e-10)
    listed = pagerank(g, excluded=["nofollow", "ugc"], tolerance=1e-13, max_iterations=500)
    default = pagerank(g, tolerance=1e-13, max_iterations=500)
    np.testing.assert_array_equal(listed.scores, default.scores)  # the nofollow link is out
    with pytest.raises(ValueError, match="excluded must be a comma-separated list of flag names"):
        pagerank(g, excluded="nofollow,typo")


@pytest.fixture
def small_web():
    return WebGraph.from_links(pd.DataFrame({
        "source": ["https://a.com/", "https://a.com/", "https://b.com/", "https://c.com/"],
        "target": ["https://b.com/", "https://c.com/x", "https://a.com/", "https://a.com/"],
        "rel": ["", "nofollow", "", ""]}))


def test_authority_takes_every_pagerank_option(small_web):
    base = small_web.page_authority(tolerance=1e-13)
    gs = small_web.page_authority(tolerance=1e-13, solver="gauss_seidel", node_order="by_degree")
    np.testing.assert_allclose(gs.sort_values("url").score.values,
                               base.sort_values("url").score.values, atol=1e-11)
    named = small_web.page_authority(excluded="none")
    masked = small_web.page_authority(excluded=0)
    pd.testing.assert_frame_equal(named, masked)
    with pytest.warns(DeprecationWarning, match="solver 'gauss-seidel'"):
        small_web.page_authority(solver="gauss-seidel", tolerance=1e-12)
    with pytest.raises(ValueError, match="authority: domain_weights must be 'domains' or 'links'"):
        small_web.domain_authority(domain_weights="pages")


def test_position_weights_is_a_table_option(small_web):
    """position_weights comes from AuthorityOptions' table like every other option: None /
    False off, True or "default" the defaults, a spec or a dict; its value reads back as text."""
    f = {x["name"]: x for x in _core.AuthorityOptions.fields()}["position_weights"]
    assert f["kind"] == "spec" and f["default"] is None and f["cli"]
    o = _core.AuthorityOptions()
    o.set("position_weights", {"footer": 0.1})
    assert o.values()["position_weights"].startswith("unknown=1,content=1,navigation=0.3")
    assert "footer=0.1" in o.values()["position_weights"]
    o.set("position_weights", False)
    assert o.values()["position_weights"] is None
    off = small_web.page_authority()
    pd.testing.assert_frame_equal(small_web.page_authority(position_weights=None), off)
    pd.testing.assert_frame_equal(small_web.page_authority(position_weights=False), off)
    on = small_web.page_authority(position_weights=True)
    pd.testing.assert_frame_equal(small_web.page_authority(position_weights="default"), on)
    pd.testing.assert_frame_equal(small_web.page_authority(
        position_weights="unknown=1,content=1,navigation=0.3,header=0.3,footer=0.2,sidebar=0.5"),
        on)
    pd.testing.assert_frame_equal(small_web.page_authority(position_weights={"footer": 0.2}), on)
    with pytest.raises(ValueError, match="unknown position 'middle'"):
        small_web.page_authority(position_weights={"middle": 1})
    with pytest.raises(TypeError, match="position_weights must be None, a bool, a str or a dict"):
        small_web.page_authority(position_weights=3)
    assert "position_weights: " in WebGraph.authority.__doc__


def test_policy_and_dangling_spellings_come_from_the_enum_tables(kron):
    with pytest.raises(ValueError, match="pagerank: dangling must be 'personalization', "
                                         "'uniform' or 'vector', got 'spread'"):
        pagerank(kron, dangling="spread")
    with pytest.raises(ValueError, match="from_edges: duplicates must be 'merge', 'count' or "
                                         "'keep', got 'sum'"):
        Graph.from_edges([0], [1], duplicates="sum")


def test_synthetic_web_keywords_come_from_its_table():
    """generate.web's keywords are synthetic_web_options' table (with the manipulation's):
    every field is a keyword, checked by its range, documented in the docstring."""
    names = [f["name"] for f in _core.SyntheticWebOptions.fields()]
    for name in ("domains", "links", "seed", "size_exponent", "attachment_offset", "farms",
                 "paid_sponsored"):
        assert name in names
    assert len(set(names)) == len(names)
    doc = linkequity.generate.web.__doc__
    assert "size_exponent: " in doc and "farms: " in doc and "WEB_OPTIONS" not in doc
    small = dict(domains=50, links=2000, seed=2)
    a = linkequity.generate.web(**small, size_exponent=3.0)
    b = linkequity.generate.web(**small)
    assert a.num_pages != b.num_pages or a.num_links != b.num_links or \
        not np.array_equal(a.domain_names(), b.domain_names())
    with pytest.raises(ValueError, match="synthetic_web: internal_nofollow must be in \\[0, 1\\], "
                                         "got 2"):
        linkequity.generate.web(**small, internal_nofollow=2)
    with pytest.raises(ValueError, match="size_exponent must be in \\(1.05, 10\\)"):
        linkequity.generate.web(**small, size_exponent=1.0)
    with pytest.raises(TypeError, match="generate.web: unexpected option 'bogus'"):
        linkequity.generate.web(**small, bogus=1)


def test_evaporate_and_dangling_shorthands_mean_the_same_everywhere(kron, small_web):
    # evaporate=True is excluded_links="evaporate" for every function that takes it, and says so
    # when excluded_links contradicts it.
    g = Graph.from_edges([0, 1, 1, 2], [1, 2, 0, 0], flags=[0, Flag.NOFOLLOW, 0, 0], num_nodes=4)
    short = linkequity.link_gain(g, 0, evaporate=True, tolerance=1e-13)
    spelled = linkequity.link_gain(g, 0, excluded_links="evaporate", tolerance=1e-13)
    pd.testing.assert_frame_equal(short, spelled)
    assert not short.equals(linkequity.link_gain(g, 0, tolerance=1e-13))
    calls = [lambda **o: pagerank(g, **o), lambda **o: linkequity.link_gain(g, 0, **o),
             lambda **o: linkequity.topic_pagerank(g, {"t": [0]}, **o),
             lambda **o: small_web.domain_authority(**o),
             lambda **o: small_web.explain("a.com", **o),
             lambda **o: small_web.plan_links("a.com", **o)]
    for call in calls:
        with pytest.raises(ValueError, match="evaporate=True contradicts excluded_links='exclude'"):
            call(evaporate=True, excluded_links="exclude")
    # an array dangling is dangling="vector" with that distribution, in link_gain as in pagerank
    d = np.array([0.0, 0.0, 0.0, 1.0])
    np.testing.assert_array_equal(
        pagerank(g, dangling=d).scores,
        pagerank(g, dangling="vector", dangling_distribution=d).scores)
    pd.testing.assert_frame_equal(
        linkequity.link_gain(g, 0, dangling=d),
        linkequity.link_gain(g, 0, dangling="vector", dangling_distribution=d))
