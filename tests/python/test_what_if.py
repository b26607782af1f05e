# SPDX-License-Identifier: MIT
"""WebGraph.what_if against a full recompute of the independently edited links (add, remove,
disavow, an edits file), its bad input, and WebGraph.diff on hand-made link sets."""
import numpy as np
import pandas as pd
import pytest

import linkequity
from linkequity import WebGraph

BASE = pd.DataFrame(
    [("https://a.com/", "https://b.com/", ""), ("https://a.com/", "https://c.com/x", ""),
     ("https://b.com/", "https://c.com/x", ""), ("https://c.com/x", "https://a.com/", ""),
     ("https://d.org/", "https://a.com/", "nofollow"), ("https://e.net/p", "https://b.com/", ""),
     ("https://spam.biz/1", "https://a.com/", "")],
    columns=["source", "target", "rel"])
ADD = pd.DataFrame([("https://d.org/", "https://c.com/x"), ("https://f.io/", "https://a.com/")],
                   columns=["source", "target"])
REMOVE = pd.DataFrame([("https://e.net/p", "https://b.com/")], columns=["source", "target"])


def edited():
    keep = ~((BASE.source == "https://e.net/p") & (BASE.target == "https://b.com/"))
    return pd.concat([BASE[keep], ADD.assign(rel="")], ignore_index=True)


def same(after: pd.DataFrame, full: pd.DataFrame, key: str):
    a = after.set_index(key).sort_index()
    f = full.set_index(key).sort_index()
    assert list(a.index) == list(f.index)
    np.testing.assert_allclose(a.score, f.score, rtol=0, atol=1e-11)
    assert (a.backlinks == f.backlinks).all()


def test_what_if_add_remove_equals_full_recompute():
    g = WebGraph.from_links(BASE)
    r = g.what_if(add=ADD, remove=REMOVE, tolerance=1e-13)
    full = WebGraph.from_links(edited()).authority(tolerance=1e-13)
    same(r.scores.pages, full.pages, "url")
    same(r.scores.domains, full.domains, "domain")
    assert r.edits["add_rows"] == 2 and r.edits["links_removed"] == 1
    assert r.graph.num_pages == 6  # 6 pages - e.net/p + f.io/
    d = r.domains.set_index("domain")
    assert d.loc["e.net", "status"] == "dropped" and d.loc["f.io", "status"] == "new"
    assert list(r.domains.authority_change) == sorted(r.domains.authority_change, reverse=True)
    # the edited graph's authority with the same options is the result's
    same(r.graph.authority(tolerance=1e-13).pages, r.scores.pages, "url")


def test_what_if_disavow_and_edits_file(tmp_path):
    dis = tmp_path / "disavow.txt"
    dis.write_text("domain:spam.biz\n")
    edits = tmp_path / "edits.csv"
    edits.write_text("source,target,action\nhttps://d.org/,https://c.com/x,add\n"
                     "https://f.io/,https://a.com/,add\nhttps://e.net/p,https://b.com/,remove\n")
    g = WebGraph.from_links(BASE)
    r = g.what_if(edits=str(edits), disavow=dis, tolerance=1e-13)
    oracle = WebGraph.from_links(edited())
    oracle.apply_disavow(str(dis))
    full = oracle.authority(tolerance=1e-13)
    same(r.scores.domains, full.domains, "domain")
    assert r.links_disavowed == 1


def test_what_if_bad_input(tmp_path):
    g = WebGraph.from_links(BASE)
    with pytest.raises(ValueError, match="no column 'target'"):
        g.what_if(add=pd.DataFrame({"source": ["https://a.com/"]}))
    with pytest.raises(linkequity.ParseError, match=r"<remove>:1.*no link from https://d.org/"):
        g.what_if(remove=pd.DataFrame({"source": ["https://d.org/"], "target": ["https://b.com/"]}))
    r = g.what_if(remove=pd.DataFrame({"source": ["https://d.org/"], "target": ["https://b.com/"]}),
                  skip_bad=True)
    assert r.edits["missing"] == 1
    with pytest.raises(linkequity.ParseError, match=r"<add>:2.*invalid target URL"):
        g.what_if(add=pd.DataFrame({"source": ["https://a.com/", "https://a.com/"],
                                    "target": ["https://b.com/", "http://[bad"]}))
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target,action\nhttps://a.com/,https://b.com/,move\n")
    with pytest.raises(linkequity.ParseError) as e:
        g.what_if(edits=str(bad))
    assert e.value.line == 2 and "move" in str(e.value)


def test_diff_by_hand():
    before = WebGraph.from_links(BASE)
    after = WebGraph.from_links(edited())
    d = WebGraph.diff(before, after)
    assert list(zip(d.links_new.source, d.links_new.target)) == [
        ("https://d.org/", "https://c.com/x"), ("https://f.io/", "https://a.com/")]
    assert list(zip(d.links_lost.source, d.links_lost.target)) == [("https://e.net/p", "https://b.com/")]
    dom = d.domains.set_index("domain")
    # a.com: before c.com, d.org, spam.biz; after + f.io
    assert dom.loc["a.com", ["referring_domains_before", "referring_domains_after",
                             "referring_domains_gained", "referring_domains_lost"]].tolist() == [3, 4, 1, 0]
    assert dom.loc["b.com", "referring_domains_lost"] == 1
    assert dom.loc["e.net", "status"] == "dropped"
    assert list(d.domains.authority_change) == sorted(d.domains.authority_change, reverse=True)
