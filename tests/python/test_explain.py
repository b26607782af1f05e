# SPDX-License-Identifier: MIT
# linkequity.contributions against a scipy sparse solve on random graphs (weights, nofollow in
# exclude and evaporate mode, dangling nodes, personalisation); WebGraph.explain and
# WebGraph.site_authority on the web fixtures (identities, columns, a dense solve of the site,
# orphans and dead ends) and their errors.
import pathlib

import numpy as np
import pytest
import scipy.sparse as sp
import scipy.sparse.linalg as spla

import linkequity as le

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "web"
TIGHT = dict(tolerance=1e-15, max_iterations=10000)


def sparse_oracle(g, target, alpha, evaporate, personalization=None):
    """c_j = s_j N_jt from sparse solves built from the stored edges alone."""
    n = g.num_nodes
    src, dst = g.edges()
    w = g.weights()
    w = np.ones(len(src)) if w is None else w.astype(np.float64)
    fl = g.flags()
    follow = np.ones(len(src), bool) if fl is None else (fl & int(le.Flag.DEFAULT_EXCLUDED)) == 0
    out_all = np.bincount(src, weights=w, minlength=n)
    out_f = np.bincount(src[follow], weights=w[follow], minlength=n)
    out = out_all if evaporate else out_f
    inv = np.divide(1.0, out, out=np.zeros(n), where=out > 0)
    T = sp.csr_matrix((w[follow] * inv[src[follow]], (src[follow], dst[follow])), shape=(n, n))
    v = np.full(n, 1.0 / n) if personalization is None else personalization / personalization.sum()
    dangling = out == 0
    evap = np.divide(out_all - out_f, out, out=np.zeros(n), where=out > 0) if evaporate \
        else np.zeros(n)
    # x = αTᵀx + α(d·x)v + α(e·x)v + (1−α)v with u = v: a linear system in x.
    A = sp.identity(n) - alpha * T.T - alpha * sp.csr_matrix(np.outer(v, dangling + evap))
    x = spla.spsolve(A.tocsc(), (1 - alpha) * v)
    D, Z = x[dangling].sum(), (x * evap).sum()
    s = (1 - alpha + alpha * Z) * v + alpha * D * v
    e = np.zeros(n)
    e[target] = 1
    col = spla.spsolve((sp.identity(n) - alpha * T).tocsc(), e)
    return x, s * col


@pytest.mark.parametrize("case", range(24))
def test_contributions_match_a_sparse_solve(case):
    rng = np.random.default_rng(1000 + case)
    n = int(rng.integers(2, 80))
    m = int(rng.integers(0, 4 * n))
    sinks = int(rng.integers(0, n // 4 + 1))
    src = rng.integers(0, max(1, n - sinks), size=m).astype(np.uint32)
    dst = rng.integers(0, n, size=m).astype(np.uint32)
    weights = rng.uniform(0.1, 3, size=m).astype(np.float32) if case % 2 else None
    flags = np.where(rng.random(m) < 0.25, int(le.Flag.NOFOLLOW), 0).astype(np.uint8) \
        if case % 3 else None
    evaporate = case % 4 >= 2
    pers = rng.uniform(0, 1, size=n) if case % 5 == 0 else None
    g = le.Graph.from_edges(src, dst, num_nodes=n, weights=weights, flags=flags)
    alpha = 0.5 if case % 6 == 0 else 0.85
    t = int(rng.integers(0, n))
    r = le.contributions(g, t, damping=alpha, evaporate=evaporate, personalization=pers,
                         **TIGHT)
    x, c = sparse_oracle(g, t, alpha, evaporate, pers)
    assert r.converged
    assert r.score == pytest.approx(x[t], abs=1e-13)
    assert np.abs(r.all_paths - c).sum() < 1e-12
    assert r.all_paths.sum() == pytest.approx(r.score, abs=1e-12)
    assert r.one_hop.sum() + r.restart == pytest.approx(r.score, abs=1e-12)
    assert (r.all_paths >= 0).all() and (r.one_hop >= 0).all()
    assert r.column[t] >= 1


def test_contributions_labels_and_errors():
    nx = pytest.importorskip("networkx")
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")])
    g = le.Graph.from_networkx(G)
    r = le.contributions(g, "a", **TIGHT)
    assert r.score == pytest.approx(nx.pagerank(G, tol=1e-14, max_iter=10000)["a"], abs=1e-9)
    assert r.all_paths.sum() == pytest.approx(r.score, abs=1e-12)
    assert r["score"] == r.score
    with pytest.raises(KeyError):
        le.contributions(g, "zz")
    h = le.Graph.from_edges(np.array([0], np.uint32), np.array([1], np.uint32), num_nodes=3)
    with pytest.raises(IndexError, match="target 3 is not a node"):
        le.contributions(h, 3)
    with pytest.raises(ValueError, match="damping"):
        le.contributions(h, 0, damping=1.5)
    with pytest.raises(TypeError, match="unexpected option"):
        le.contributions(h, 0, dampening=0.5)


@pytest.mark.parametrize("evaporate", [False, True])
@pytest.mark.parametrize("level,target", [("domain", "alpha.com"),
                                          ("page", "https://www.alpha.com/about")])
def test_web_explain_adds_up(level, target, evaporate):
    web = le.WebGraph.read_links(DATA / "small.csv")
    df = web.explain(target, level=level, top=0, evaporate=evaporate, **TIGHT)
    name = "domain" if level == "domain" else "url"
    assert list(df.columns) == [name, "all_paths", "share", "one_hop", "links", "followable",
                                "authority", "score"]
    a = df.attrs
    assert df["all_paths"].sum() + a["self"] == pytest.approx(a["score"], abs=1e-12)
    assert df["one_hop"].sum() + a["restart"] == pytest.approx(a["score"], abs=1e-12)
    assert np.allclose(df["share"], df["all_paths"] / a["score"])
    assert (np.diff(df["all_paths"].to_numpy()) <= 0).all()
    # The score is the authority table's.
    table = web.authority(evaporate=evaporate, **TIGHT)
    t = table.domains.set_index("domain") if level == "domain" else table.pages.set_index("url")
    assert a["score"] == pytest.approx(t.loc[a["target"], "score"], abs=1e-13)


def test_web_explain_rows_and_errors():
    web = le.WebGraph.read_links(DATA / "small.csv")
    df = web.explain("alpha.com")
    assert df["domain"].tolist() == ["gamma.blogspot.com", "example.com.au", "beta.co.uk"]
    assert df.set_index("domain").loc["beta.co.uk", "links"] == 2
    assert len(web.explain("alpha.com", top=1)) == 1
    with pytest.raises(ValueError, match="'nowhere.org' is not a domain of the links"):
        web.explain("nowhere.org")
    with pytest.raises(ValueError, match="is not a page of the links"):
        web.explain("https://www.alpha.com/nope", level="page")
    with pytest.raises(ValueError, match="level must be"):
        web.explain("alpha.com", level="site")
    with pytest.raises(TypeError, match="unexpected option"):
        web.explain("alpha.com", hosts=True)


def dense_site(urls, edges, alpha=0.85):
    """PageRank of the site graph by a dense solve: uniform teleport and dangling."""
    n = len(urls)
    idx = {u: i for i, u in enumerate(urls)}
    S = np.zeros((n, n))
    for a, b in edges:
        S[idx[a], idx[b]] = 1
    out = S.sum(axis=1)
    for j in range(n):
        S[j] = S[j] / out[j] if out[j] else np.full(n, 1.0 / n)
    return np.linalg.solve(np.eye(n) - alpha * S.T, np.full(n, (1 - alpha) / n))


def test_site_authority_matches_a_dense_solve():
    web = le.WebGraph.read_links(DATA / "site.csv")
    r = web.site_authority("shop.com", **TIGHT)
    assert (r.site, r.kind) == ("shop.com", "domain")
    root = "https://www.shop.com/"
    urls = ["https://blog.shop.com/post", root, root + "a", root + "b", root + "c",
            root + "orphan"]
    edges = [(root, root + "a"), (root, root + "b"), (root, urls[0]), (root + "a", root + "b"),
             (root + "b", root), (root + "orphan", root + "a"), (urls[0], root)]
    expected = dense_site(urls, edges)
    got = r.pages.set_index("url").loc[urls, "score"].to_numpy()
    assert np.abs(got - expected).sum() < 1e-12
    from linkequity._web import PAGE_COLUMNS
    assert list(r.pages.columns) == PAGE_COLUMNS + ["internal_in_links", "internal_out_links",
                                                    "orphan", "dead_end"]
    assert sorted(r.orphans["url"]) == [root + "c", root + "orphan"]
    assert r.dead_ends["url"].tolist() == [root + "c"]
    assert r.internal_links == 8
    row = r.pages.set_index("url").loc[root + "c"]
    assert row["backlinks"] == 2 and row["internal_in_links"] == 0  # whole graph vs internal
    assert r.pages["authority"].max() == pytest.approx(100)


def test_site_authority_host_and_errors():
    web = le.WebGraph.read_links(DATA / "site.csv")
    r = web.site_authority("www.shop.com")
    assert r.kind == "host" and len(r.pages) == 5
    with pytest.raises(ValueError, match="site 'nowhere.org' is not a domain or host"):
        web.site_authority("nowhere.org")
