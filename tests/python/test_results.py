# SPDX-License-Identifier: MIT
"""Typed results (attributes, not dicts; r["name"] still reads a field), tables from the C++
table layer (the CLI's CSV columns), and cached tables that callers cannot change."""
import dataclasses

import numpy as np
import pandas as pd
import pytest

import linkequity
from linkequity import AuthorityInfo, AuthorityResult, WebGraph, _core

LINKS = pd.DataFrame({
    "source": ["https://a.com/", "https://a.com/x", "https://b.com/", "https://c.com/",
               "https://a.com/"],
    "target": ["https://b.com/", "https://b.com/", "https://www.b.com/p", "https://a.com/",
               "mailto:me@a.com"],
    "rel": ["", "", "", "nofollow", ""],
})


@pytest.fixture
def web():
    return WebGraph.from_links(LINKS)


def test_authority_result_is_typed(web):
    r = web.authority(hosts=True, tolerance=1e-14)
    assert isinstance(r, AuthorityResult) and isinstance(r.info, AuthorityInfo)
    assert dataclasses.is_dataclass(r)
    for level in (r.info.pages, r.info.domains, r.info.hosts):
        assert isinstance(level, _core.AuthorityLevelInfo)
        assert level.converged and level.iterations > 0 and level.residual < 1e-14
    assert r.info.domains.nodes == 3 and r.info.pages.nodes == 5
    assert r.info.scale_version == 1
    # mapping access kept for code written against the dicts
    assert r["pages"] is not None and r["info"]["domains"]["nodes"] == 3
    with pytest.raises(KeyError):
        r["nope"]
    with pytest.raises(KeyError):
        r.info.pages["nope"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.pages = None
    with pytest.raises(AttributeError):
        r.info.pages.iterations = 3
    assert web.authority().hosts is None or isinstance(web.authority().hosts, pd.DataFrame)
    assert WebGraph.from_links(LINKS).authority().info.hosts is None


def test_stats_and_reports_are_typed(web, tmp_path):
    s = web.stats
    assert isinstance(s, _core.WebGraphStats)
    assert (s.rows, s.links, s.non_web_targets, s.non_web_by_scheme) == (5, 4, 1, {"mailto": 1})
    assert s["links"] == s.links
    with pytest.raises(AttributeError):
        s.rows = 0
    path = tmp_path / "links.csv"
    LINKS.to_csv(path, index=False)
    report = WebGraph.read_links(path).stats.reports[0]
    assert isinstance(report, _core.ReadReport)
    assert (report.path, report.format, report.rows, report.skipped) == (str(path), "generic", 5, 0)
    assert report["format"] == "generic"


def test_disavow_and_web_csv_results_are_typed(web, tmp_path):
    f = tmp_path / "disavow.txt"
    f.write_text("domain:a.com\ndomain:http://x.com/\n")
    r = web.apply_disavow(f, skip_bad=True)
    assert isinstance(r, _core.DisavowResult)
    # a.com's three links: a.com/ -> b.com/, a.com/x -> b.com/, a.com/ -> mailto is no link
    assert (r.links_disavowed, r.newly_disavowed, r.domains, r.urls, r.lines) == (2, 2, 1, 0, 2)
    assert [line for line, _, _ in r.skipped] == [2]
    assert r["links_in_scope"] == r.links_in_scope == 4
    counts = linkequity.generate.web_csv(tmp_path / "w.csv", domains=20, links=500, seed=2)
    assert isinstance(counts, _core.SyntheticWebCounts)
    assert counts.links == 500 and counts["links"] == 500
    assert counts.web + counts.non_web == counts.links
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


def test_tables_come_from_the_cpp_table_layer(web):
    from linkequity._web import DOMAIN_COLUMNS, HOST_COLUMNS, PAGE_COLUMNS

    assert PAGE_COLUMNS == _core.table_columns("pages")
    assert DOMAIN_COLUMNS[-2:] == ["hosts", "pages"] and HOST_COLUMNS[-1] == "pages"
    doms = web.domain_authority(tolerance=1e-14)
    assert list(doms.columns) == DOMAIN_COLUMNS
    # by hand: domain graph a -> b (c -> a is nofollow); x_a = x_c = u, x_b = 1.85 u, 3.85 u = 1
    assert doms.domain.tolist()[0] == "b.com"
    np.testing.assert_allclose(doms.score.values, [1.85 / 3.85, 1 / 3.85, 1 / 3.85], rtol=1e-12)
    by = doms.set_index("domain")
    assert (by.loc["b.com", "hosts"], by.loc["b.com", "pages"]) == (2, 2)
    assert (by.loc["a.com", "hosts"], by.loc["a.com", "pages"]) == (1, 2)
    assert doms["rank"].tolist() == [1, 2, 2]
    assert doms.dtypes["score"] == np.float64 and doms.dtypes["rank"] == np.uint32
    assert doms.dtypes["backlinks"] == np.uint64 and doms.dtypes["pages"] == np.int64
    hosts = web.host_authority().set_index("host")
    assert hosts.loc["www.b.com", "domain"] == "b.com" and hosts.loc["a.com", "pages"] == 2


def test_cached_tables_are_never_handed_out_mutable(web):
    first = web.authority(hosts=True)
    expected = {k: getattr(first, k).copy() for k in ("pages", "domains", "hosts")}
    for name in ("pages", "domains", "hosts"):
        df = getattr(first, name)
        df.loc[df.index[0], "score"] = -1.0
        df["authority"] = 0.0
    again = web.authority(hosts=True)
    for name in ("pages", "domains", "hosts"):
        pd.testing.assert_frame_equal(getattr(again, name), expected[name])
    pages = web.page_authority()
    pages.iloc[0, pages.columns.get_loc("rank")] = 99
    pd.testing.assert_frame_equal(web.page_authority(), expected["pages"])
    doms = web.domain_authority()
    doms["domain"] = doms["domain"].str.upper()
    pd.testing.assert_frame_equal(web.domain_authority(), expected["domains"])
