# SPDX-License-Identifier: MIT
"""The web model: WebGraph from files and DataFrames, page/domain/host authority tables,
disavow files, the synthetic web, and ParseError locations."""
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import linkequity
from linkequity import Flag, Graph, WebGraph, pagerank
from linkequity._web import DOMAIN_COLUMNS, HOST_COLUMNS, PAGE_COLUMNS

LINKS = [  # source, target, anchor, rel, position
    ("https://a.com/", "https://b.com/", "b home", "", "content"),
    ("https://a.com/2", "https://c.com/", "c", "", "footer"),
    ("https://a.com/2", "https://c.com/", "c again", "", "content"),  # parallel link
    ("https://b.com/", "https://c.com/", "", "ugc nofollow", "content"),
    ("https://b.com/", "https://www.c.com/x", "", "", "navigation"),
    ("https://www.c.com/x", "https://c.com/", "home", "", "header"),  # internal
    ("https://d.blogspot.com/", "https://a.com/", "spam", "nofollow", "sidebar"),
    ("https://a.com/", "https://a.com/", "self", "", ""),  # self-link: a page, never scored
    ("https://a.com/", "mailto:x@a.com", "mail", "", ""),  # not a page
]


@pytest.fixture
def links_df():
    return pd.DataFrame(LINKS, columns=["source", "target", "anchor", "rel", "position"])


@pytest.fixture
def links_csv(tmp_path, links_df):
    path = tmp_path / "links.csv"
    links_df.to_csv(path, index=False)
    return path


def expected_page_scores(web):
    """PageRank over followable page links (self-links dropped, parallel links merged)."""
    urls = web.page_urls()
    G = nx.DiGraph()
    G.add_nodes_from(urls)
    for s, t, _, rel, _ in LINKS:
        if t.startswith("mailto:") or s == t or "nofollow" in rel or "ugc" in rel:
            continue
        G.add_edge(s, t)
    pr = nx.pagerank(G, tol=1e-15, max_iter=1000)
    return pr


def test_read_links_and_from_links_agree(links_csv, links_df):
    a = WebGraph.read_links(links_csv)
    b = WebGraph.from_links(links_df)
    for w in (a, b):
        assert (w.num_pages, w.num_domains, w.num_links) == (6, 4, 8)
        assert w.num_hosts == 5
        assert w.stats["non_web_targets"] == 1 and w.stats["self_links"] == 1
    assert a.stats["reports"][0]["format"] == "generic"
    assert a.page_urls() == b.page_urls()
    pa, pb = a.page_authority(), b.page_authority()
    pd.testing.assert_frame_equal(pa, pb)
    c = WebGraph.read_links([links_csv, links_csv])  # several files: one graph
    assert c.num_links == 16 and c.num_pages == 6


def test_read_links_without_anchors(links_csv):
    """anchors=False: the same graph and scores, every anchor empty."""
    a = WebGraph.read_links(links_csv)
    b = WebGraph.read_links(links_csv, anchors=False)
    la, lb = a.links(), b.links()
    assert sorted(set(la["anchor"])) == ["", "b home", "c", "c again", "home", "self", "spam"]
    assert set(lb["anchor"]) == {""}
    pd.testing.assert_frame_equal(la.drop(columns="anchor"), lb.drop(columns="anchor"))
    pd.testing.assert_frame_equal(a.page_authority(), b.page_authority())
    pd.testing.assert_frame_equal(a.domain_authority(), b.domain_authority())


def test_from_pyarrow_table(links_df):
    pa = pytest.importorskip("pyarrow")
    w = WebGraph.from_links(pa.Table.from_pandas(links_df))
    pd.testing.assert_frame_equal(w.page_authority(), WebGraph.from_links(links_df).page_authority())


def test_page_authority_table(links_df):
    web = WebGraph.from_links(links_df)
    pages = web.page_authority(tolerance=1e-14)
    assert list(pages.columns) == PAGE_COLUMNS
    assert len(pages) == web.num_pages
    assert abs(pages.score.sum() - 1) < 1e-12
    assert (np.diff(pages.score.values) <= 0).all()  # sorted by score, best first
    assert pages.authority.max() == 100 and pages.authority.min() >= 0
    assert pages["rank"].iloc[0] == 1
    expected = expected_page_scores(web)
    err = sum(abs(s - expected[u]) for u, s in zip(pages.url, pages.score))
    assert err < 1e-9
    c = pages.set_index("url").loc["https://c.com/"]
    assert c.host == "c.com" and c.domain == "c.com"
    # into c.com/: a.com/2 twice, b.com (ugc nofollow), www.c.com/x (internal)
    assert (c.backlinks, c.followable_backlinks, c.referring_pages) == (4, 3, 3)
    assert (c.referring_domains, c.followable_referring_domains) == (2, 1)


def test_domain_authority_is_pagerank_of_the_domain_graph(links_df):
    web = WebGraph.from_links(links_df)
    doms = web.domain_authority(tolerance=1e-14)
    assert list(doms.columns) == DOMAIN_COLUMNS
    names = web.domain_names()
    assert sorted(names) == ["a.com", "b.com", "c.com", "d.blogspot.com"]
    # followable cross-domain pairs: a->b, a->c, b->c (b.com/ -> www.c.com/x); d->a is nofollow
    idx = {d: i for i, d in enumerate(names)}
    g = Graph.from_edges([idx["a.com"], idx["a.com"], idx["b.com"]],
                         [idx["b.com"], idx["c.com"], idx["c.com"]], num_nodes=4)
    expected = pagerank(g, tolerance=1e-14, max_iterations=1000).scores
    got = doms.set_index("domain").loc[names, "score"].values
    assert np.abs(got - expected).sum() < 1e-9
    assert doms.domain.iloc[0] == "c.com"
    row = doms.set_index("domain").loc["c.com"]
    assert (row.hosts, row.pages) == (2, 2)
    links_mode = web.domain_authority(domain_weights="links", tolerance=1e-14)
    assert abs(links_mode.score.sum() - 1) < 1e-12


def test_host_authority(links_df):
    web = WebGraph.from_links(links_df)
    hosts = web.host_authority()
    assert list(hosts.columns) == HOST_COLUMNS
    assert set(hosts.host) == {"a.com", "b.com", "c.com", "www.c.com", "d.blogspot.com"}
    assert hosts.set_index("host").loc["www.c.com", "domain"] == "c.com"
    info = web.authority(hosts=True)["info"]
    assert info["pages"]["converged"] and info["scale_version"] == 1


def test_links_frame_and_rel_flags(links_df):
    web = WebGraph.from_links(links_df)
    links = web.links()
    assert len(links) == web.num_links
    row = links[(links.source == "https://b.com/") & (links.target == "https://c.com/")].iloc[0]
    assert row["flags"] & Flag.NOFOLLOW and row["flags"] & Flag.UGC and not row.followable
    assert links[links.internal].shape[0] == 2  # www.c.com/x -> c.com/, a.com/ -> a.com/
    # rel as an integer Flag column means the same as the text
    as_int = links_df.assign(rel=[int(Flag.NOFOLLOW) * ("nofollow" in r) + int(Flag.UGC) *
                                  ("ugc" in r) for r in links_df.rel])
    pd.testing.assert_frame_equal(WebGraph.from_links(as_int).page_authority(),
                                  web.page_authority())
    assert set(links.position) <= {"unknown", "content", "navigation", "header", "footer",
                                   "sidebar"}


def test_evaporate_and_position_weights(links_df):
    web = WebGraph.from_links(links_df)
    base = web.page_authority()
    evap = web.page_authority(evaporate=True)
    assert abs(evap.score.sum() - 1) < 1e-12
    assert not np.allclose(base.sort_values("url").score.values, evap.sort_values("url").score.values)
    pos = web.page_authority(position_weights={"footer": 0.1})
    assert abs(pos.score.sum() - 1) < 1e-12
    everything = web.page_authority(excluded=0)
    assert everything.set_index("url").loc["https://a.com/", "score"] > \
        base.set_index("url").loc["https://a.com/", "score"]  # the nofollow spam link counts now


def test_authority_option_errors(links_df):
    web = WebGraph.from_links(links_df)
    with pytest.raises(ValueError, match="damping"):
        web.page_authority(damping=1.5)
    with pytest.raises(ValueError, match="domain_weights must be 'domains' or 'links'"):
        web.domain_authority(domain_weights="pages")
    with pytest.raises(ValueError, match="position"):
        web.page_authority(position_weights="middle=2")
    with pytest.raises(KeyboardInterrupt):
        web.authority(progress=lambda *a: False, tolerance=1e-300)


def test_parse_error_location_strict_and_lenient(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target\nhttps://a.com/,https://b.com/\nnot a url,https://b.com/\n")
    with pytest.raises(linkequity.ParseError) as e:
        WebGraph.read_links(bad)
    err = e.value
    assert isinstance(err, ValueError)
    assert (err.path, err.line) == (str(bad), 3)
    assert "source URL" in err.reason and str(err).startswith(f"{bad}:3:")
    web = WebGraph.read_links(bad, skip_bad=True)
    assert web.stats["bad_rows"] == 1 and web.num_links == 1
    quote = tmp_path / "quote.csv"
    quote.write_text('source,target\nhttps://a.com/,https://b.com/\n"https://a.com/2,https://c.com/\n')
    with pytest.raises(linkequity.ParseError) as e:
        WebGraph.read_links(quote)
    assert (e.value.line, e.value.column) == (3, 1)
    with pytest.raises(linkequity.ParseError, match="cannot open") as e:
        WebGraph.read_links(tmp_path / "missing.csv")
    assert e.value.line == 0
    with pytest.raises(ValueError, match="unknown link format 'xml'"):
        WebGraph.read_links(bad, format="xml")
    with pytest.raises(ValueError, match="suffixes must be"):
        WebGraph.read_links(bad, suffixes="none")


def test_from_links_errors():
    with pytest.raises(ValueError, match="no column 'target'"):
        WebGraph.from_links(pd.DataFrame({"source": ["https://a.com/"]}))
    with pytest.raises(TypeError, match="column 'target' row 0 is 3"):
        WebGraph.from_links(pd.DataFrame({"source": ["https://a.com/"], "target": [3]}))
    with pytest.raises(linkequity.ParseError) as e:
        WebGraph.from_links(pd.DataFrame({"source": ["https://a.com/", "zz"],
                                          "target": ["https://b.com/"] * 2}), name="frame")
    assert (e.value.path, e.value.line) == ("frame", 2)
    ok = WebGraph.from_links(pd.DataFrame({"source": ["https://a.com/", "zz"],
                                           "target": ["https://b.com/"] * 2,
                                           "anchor": ["x", None]}), skip_bad=True)
    assert ok.num_links == 1 and ok.stats["bad_rows"] == 1


def test_disavow(tmp_path, links_df):
    web = WebGraph.from_links(links_df)
    before = web.domain_authority().set_index("domain").score
    f = tmp_path / "disavow.txt"
    f.write_text("# spam\ndomain:b.com\n\nhttps://a.com/2\n")
    r = web.apply_disavow(f)
    assert r["links_disavowed"] == 4 and r["newly_disavowed"] == 4
    assert r["owner_domain"] == "" and r["domains"] == 1 and r["urls"] == 1
    after = web.domain_authority().set_index("domain").score
    assert after["c.com"] < before["c.com"]  # its referring domains' links are gone
    links = web.links()
    assert ((links[links.source == "https://b.com/"]["flags"].values & int(Flag.DISAVOWED)) != 0).all()
    assert web.apply_disavow(f)["newly_disavowed"] == 0  # idempotent
    # with an owner, only links into that domain are in scope
    web2 = WebGraph.from_links(links_df)
    r2 = web2.apply_disavow(f, owner="b.com")
    assert r2["owner_domain"] == "b.com" and r2["links_disavowed"] == 0
    bad = tmp_path / "bad.txt"
    bad.write_text("domain:ok.com\ndomain:http://x.com/\n")
    with pytest.raises(linkequity.ParseError) as e:
        web2.apply_disavow(bad)
    assert (e.value.path, e.value.line) == (str(bad), 2)
    lenient = web2.apply_disavow(bad, skip_bad=True)
    assert [s[0] for s in lenient["skipped"]] == [2]


def test_generate_web(tmp_path):
    a = linkequity.generate.web(domains=50, links=3000, seed=5)
    b = linkequity.generate.web(domains=50, links=3000, seed=5)
    assert a.num_domains == 50 and a.stats["rows"] == 3000
    assert a.page_urls() == b.page_urls()
    pd.testing.assert_frame_equal(a.domain_authority(), b.domain_authority())
    path = tmp_path / "web.csv"
    counts = linkequity.generate.web_csv(path, domains=50, links=3000, seed=5)
    assert counts["links"] == 3000
    c = WebGraph.read_links(path)
    assert c.page_urls() == a.page_urls()
    np.testing.assert_allclose(c.page_authority().score.values, a.page_authority().score.values,
                               atol=1e-15)
    with pytest.raises(TypeError, match="unexpected option 'colour'"):
        linkequity.generate.web(colour="red")
    with pytest.raises(ValueError):
        linkequity.generate.web(domains=0)
    with pytest.raises(ValueError):
        linkequity.generate.web(internal_share=1.5)
