# SPDX-License-Identifier: MIT
"""linkequity.topic_pagerank: every column against networkx.pagerank(personalization=v,
dangling=v) and against separate linkequity.pagerank runs; labels and weights; the (n, k)
view; 1 and 2 threads; errors."""
import os
import subprocess
import sys
import textwrap

import networkx as nx
import numpy as np
import pytest

import linkequity
from linkequity import Graph, pagerank, topic_pagerank

TOL = 1e-13


def random_topics(rng, n, k):
    """k topics of 1-5 seeds, a list (uniform) or a dict of weights."""
    topics = {}
    for t in range(k):
        seeds = [int(s) for s in rng.integers(0, n, int(rng.integers(1, 6)))]
        if t % 2:
            topics[f"t{t}"] = {s: float(rng.integers(1, 8)) for s in seeds}
        else:
            topics[f"t{t}"] = sorted(set(seeds))
    return topics


def seed_vector(seeds, n):
    v = np.zeros(n)
    if isinstance(seeds, dict):
        for s, w in seeds.items():
            v[s] += w
    else:
        for s in seeds:
            v[s] += 1.0
    return v / v.sum()


@pytest.mark.parametrize("i", range(60))
def test_agrees_with_networkx_and_single_runs(i):
    rng = np.random.default_rng(5000 + i)
    n = int(rng.integers(1, 61))
    m = int(rng.integers(0, 4 * n + 1))
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    weights = rng.integers(1, 64, m) / 8.0 if i % 3 == 1 else None
    alpha = [0.85, 0.5, 0.95][i % 3]
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    for e in range(m):
        if src[e] == dst[e]:
            continue
        if weights is None:
            G.add_edge(int(src[e]), int(dst[e]))
        elif G.has_edge(int(src[e]), int(dst[e])):
            G[int(src[e])][int(dst[e])]["weight"] += weights[e]
        else:
            G.add_edge(int(src[e]), int(dst[e]), weight=weights[e])
    g = Graph.from_edges(src, dst, num_nodes=n, weights=weights)
    topics = random_topics(rng, n, [1, 3, 9, 16][i % 4])
    r = topic_pagerank(g, topics, damping=alpha, tolerance=TOL, max_iterations=5000)
    assert r.topics == list(topics)
    assert r.scores.shape == (n, len(topics))
    assert r.converged.all()
    for t, (name, seeds) in enumerate(topics.items()):
        v = seed_vector(seeds, n)
        personal = {j: v[j] for j in range(n)}
        expected = nx.pagerank(G, alpha=alpha, personalization=personal, dangling=personal,
                               weight="weight", tol=TOL / n / 10, max_iter=5000)
        col = r.scores[:, t]
        assert np.abs(col - np.array([expected[j] for j in range(n)])).sum() < 1e-9
        single = pagerank(g, damping=alpha, tolerance=TOL, max_iterations=5000,
                          personalization=v)
        assert np.max(np.abs(col - single.scores)) < 1e-12
        assert r.iterations[t] == single.iterations
        assert abs(col.sum() - 1) < 1e-12


def test_local_gauss_seidel_batch_agrees_with_networkx_in_fewer_passes():
    # 10,000 nodes in clusters of 10 consecutive ids (3 blocks of the local sweep), most links
    # inside a cluster, every 40th node dangling.
    rng = np.random.default_rng(77)
    n = 10000
    src, dst = [], []
    for i in range(n):
        if i % 40 == 39:
            continue
        first = i // 10 * 10
        for t in rng.integers(0, 10, 3):
            src.append(i)
            dst.append(first + int(t))
        if rng.integers(0, 8) == 0:
            src.append(i)
            dst.append(int(rng.integers(0, n)))
    g = Graph.from_edges(np.array(src), np.array(dst), num_nodes=n)
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from((a, b) for a, b in zip(src, dst) if a != b)
    topics = {"a": [3, 5000, 9999], "b": {17: 2.0, 8100: 1.0}, "c": [4242]}
    local = topic_pagerank(g, topics, solver="local_gauss_seidel", tolerance=1e-12,
                           max_iterations=5000)
    power = topic_pagerank(g, topics, tolerance=1e-12, max_iterations=5000)
    assert local.converged.all()
    assert local.passes <= 0.7 * power.passes
    for t, seeds in enumerate(topics.values()):
        v = seed_vector(seeds, n)
        personal = {j: v[j] for j in range(n)}
        expected = nx.pagerank(G, personalization=personal, dangling=personal, tol=1e-15,
                               max_iter=5000)
        col = local.scores[:, t]
        assert np.abs(col - np.array([expected[j] for j in range(n)])).sum() < 1e-9
        single = pagerank(g, solver="local_gauss_seidel", tolerance=1e-12, max_iterations=5000,
                          personalization=v)
        assert np.abs(col - single.scores).sum() < 1e-12
        assert local.iterations[t] == single.iterations


def test_labels_weights_and_the_view():
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    g = Graph.from_networkx(G)
    r = topic_pagerank(g, {"news": ["a"], "sport": {"d": 3.0, "b": 1.0}}, tolerance=1e-14)
    for t, seeds in enumerate([{"a": 1.0}, {"d": 3.0, "b": 1.0}]):
        total = sum(seeds.values())
        v = {x: seeds.get(x, 0.0) / total for x in G}
        expected = nx.pagerank(G, personalization=v, dangling=v, tol=1e-16, max_iter=1000)
        got = g.as_dict(r.scores[:, t])
        for x in G:
            assert got[x] == pytest.approx(expected[x], abs=1e-12)
    # (n, k) row-major view of the result's memory: no copy, the result stays alive.
    s = r.scores
    assert s.flags["C_CONTIGUOUS"] and s.base is not None
    assert np.shares_memory(s, r.scores)
    assert r.passes == max(r.iterations)
    assert "TopicPageRankResult(n=4, topics=2" in repr(r)


SCRIPT = textwrap.dedent("""
    import sys
    import numpy as np
    import linkequity
    g = linkequity.generate.kronecker(16, edge_factor=8, seed=11)
    rng = np.random.default_rng(1)
    topics = {f"t{t}": list(rng.integers(0, g.num_nodes, 50)) for t in range(11)}
    r = linkequity.topic_pagerank(g, topics, tolerance=1e-12)
    np.save(sys.argv[1], r.scores)
""")


def test_one_and_two_threads_identical(tmp_path):
    out = {}
    for threads in (1, 2):
        path = tmp_path / f"topics{threads}.npy"
        env = dict(os.environ, OMP_NUM_THREADS=str(threads))
        subprocess.run([sys.executable, "-c", SCRIPT, str(path)], check=True, env=env,
                       cwd=tmp_path)
        out[threads] = np.load(path)
    assert out[1].tobytes() == out[2].tobytes()


@pytest.mark.parametrize("topics, error, match", [
    ({}, ValueError, "no topics given"),
    ({"news": []}, ValueError, "topic 'news' has no seeds"),
    ({"news": [7]}, IndexError, "topic 'news'.*out of range"),
    ({"news": {0: -1.0}}, ValueError, "seed 0 has weight -1"),
    ({"news": {0: 0.0}}, ValueError, "sum to 0"),
    ({"news": "abc"}, TypeError, "seeds must be a sequence"),
    ([("news", [0])], TypeError, "topics must be a dict"),
])
def test_bad_topics(small_graph, topics, error, match):
    with pytest.raises(error, match=match):
        topic_pagerank(small_graph, topics)


def test_unknown_label_and_options():
    g = Graph.from_networkx(nx.DiGraph([("a", "b")]))
    with pytest.raises(KeyError, match="topic 'x'.*'zzz' is not a node"):
        topic_pagerank(g, {"x": ["zzz"]})
    with pytest.raises(TypeError, match="unexpected option 'personalization'"):
        topic_pagerank(g, {"x": ["a"]}, personalization=[1, 1])
    with pytest.raises(ValueError, match="damping"):
        topic_pagerank(g, {"x": ["a"]}, damping=2.0)
    r = topic_pagerank(g, {"x": ["a"]}, max_iterations=1)
    assert not r.converged[0] and r.iterations[0] == 1


SMALL = os.path.join(os.path.dirname(__file__), "..", "data", "web", "small.csv")


def test_web_topic_columns_against_networkx(tmp_path):
    web = linkequity.WebGraph.read_links(SMALL)
    labels = {"alpha.com": "tech", "beta.co.uk": "news", "www.gamma.blogspot.com": ["tech"]}
    df = web.domain_authority(topics=labels, tolerance=1e-14, max_iterations=10000)
    assert list(df.columns[-3:]) == ["topic:news", "topic:tech", "top_topic"]
    # The oracle: networkx on the followable domain graph (weight 1 per domain pair).
    G = nx.DiGraph()
    full = web.to_networkx("domain")
    G.add_nodes_from(full.nodes)
    G.add_edges_from((a, b) for a, b, f in full.edges(data="followable") if f)
    for topic, seeds in (("news", ["beta.co.uk"]), ("tech", ["alpha.com", "gamma.blogspot.com"])):
        v = {x: (1.0 / len(seeds) if x in seeds else 0.0) for x in G}
        expected = nx.pagerank(G, personalization=v, dangling=v, tol=1e-16, max_iter=10000)
        got = dict(zip(df["domain"], df[f"topic:{topic}"]))
        for x in G:
            assert got[x] == pytest.approx(expected[x], abs=1e-12)
    top = dict(zip(df["domain"], df["top_topic"]))
    assert top["beta.co.uk"] == "news" and top["alpha.com"] == "tech"
    assert top["delta.blogspot.com"] == ""  # no topic reaches it
    # The same columns from a CSV path and from a DataFrame; pages and hosts get them too.
    path = tmp_path / "topics.csv"
    path.write_text("domain,topic\nalpha.com,tech\nbeta.co.uk,news\ngamma.blogspot.com,tech\n")
    r = web.authority(topics=str(path), hosts=True, tolerance=1e-14, max_iterations=10000)
    assert np.allclose(r.domains["topic:tech"], df["topic:tech"], atol=1e-15)
    for table in (r.pages, r.hosts):
        assert {"topic:news", "topic:tech", "top_topic"} <= set(table.columns)
        assert abs(table["topic:news"].sum() - 1) < 1e-12
    import pandas as pd
    frame = pd.DataFrame({"domain": ["alpha.com", "beta.co.uk"], "topic": ["tech", "news"]})
    assert "topic:news" in web.page_authority(topics=frame).columns
    # Without topics the tables are as before (and cached ones are not changed).
    assert "top_topic" not in web.domain_authority().columns


def test_web_topics_bad_input(tmp_path):
    web = linkequity.WebGraph.read_links(SMALL)
    bad = tmp_path / "bad.csv"
    bad.write_text("domain,topic\nalpha.com,tech\nnot a domain,x\n")
    with pytest.raises(linkequity.ParseError, match=r"bad.csv:3: topics: 'not a domain' is not"):
        web.domain_authority(topics=str(bad))
    with pytest.raises(ValueError, match="topic 'x': none of its domains"):
        web.domain_authority(topics={"nowhere.org": "x"})
    with pytest.warns(UserWarning, match="1 labelled domains are not in the graph: nowhere.org"):
        web.domain_authority(topics={"nowhere.org": "x", "alpha.com": "x"})
    with pytest.raises(ValueError, match="expected columns 'domain' and 'topic'"):
        import pandas as pd
        web.domain_authority(topics=pd.DataFrame({"site": ["a.com"]}))


def test_web_topics_idn_domains(tmp_path):
    # RFC 3492 / IDNA: bücher.de is xn--bcher-kva.de; a label written in Unicode, any case, finds it.
    links = tmp_path / "idn.csv"
    links.write_text("source,target\nhttps://bücher.de/a,https://example.com/\n"
                     "https://example.com/,https://www.bücher.de/\n", encoding="utf-8")
    web = linkequity.WebGraph.read_links(str(links))
    df = web.domain_authority(topics={"Bücher.DE": "books", "example.com": "misc"})
    top = dict(zip(df["domain"], df["top_topic"]))
    assert top == {"example.com": "misc", "xn--bcher-kva.de": "books"}


def test_progress_callback_sees_the_batch_and_can_stop():
    g = linkequity.generate.kronecker(10, edge_factor=8, seed=3)
    seen = []

    def stop_at_three(it, total, residual, tol):
        seen.append((it, residual))
        return it < 3

    r = topic_pagerank(g, {"a": [0, 1], "b": [2]}, tolerance=1e-14, progress=stop_at_three)
    assert r.cancelled and r.passes == 3
    assert [it for it, _ in seen] == [1, 2, 3]
    assert seen[-1][1] == pytest.approx(max(r.residual))
