# SPDX-License-Identifier: MIT
# Redirects and canonicals from Python (docs/redirects.md): WebGraph.read_links(redirects=,
# canonicals=, redirect_files=), WebGraph.redirects, the stats counters; domain scores after a
# site move checked against networkx on the hand-consolidated domain graph.
import pathlib

import networkx as nx
import pytest

import linkequity
from linkequity import WebGraph

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "redirects"


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_chain_of_three_loop_and_eleven_hops(tmp_path):
    rows = ["source,target,type", "https://x.com/,https://a.com/1,link",
            "https://a.com/1,https://a.com/2,redirect", "https://a.com/2,https://a.com/3,redirect",
            "https://a.com/3,https://a.com/4,redirect",
            "https://x.com/,https://l.com/1,", "https://l.com/1,https://l.com/2,redirect",
            "https://l.com/2,https://l.com/1,redirect", "https://x.com/,https://t.com/0,"]
    rows += [f"https://t.com/{i},https://t.com/{i + 1},redirect" for i in range(11)]
    web = WebGraph.read_links(write(tmp_path, "l.csv", "\n".join(rows) + "\n"))
    r = web.redirects.set_index("url")
    assert list(web.redirects.columns) == ["url", "final_url", "kind", "hops", "status"]
    assert tuple(r.loc["https://a.com/1"]) == ("https://a.com/4", "redirect", 3, "resolved")
    assert tuple(r.loc["https://l.com/2"]) == ("https://l.com/2", "redirect", 2, "loop")
    assert tuple(r.loc["https://t.com/0"]) == ("https://t.com/0", "redirect", 11, "too_long")
    assert tuple(r.loc["https://t.com/7"]) == ("https://t.com/7", "redirect", 4, "too_long")
    assert len(r) == 3 + 2 + 11
    pages = set(web.page_authority().url)
    assert pages == {"https://x.com/", "https://a.com/4", "https://l.com/1", "https://t.com/0"}
    st = web.stats
    assert (st.redirects_resolved, st.redirect_loops, st.redirects_too_long) == (3, 2, 11)
    assert st.reports[0].records == 16


def test_site_move_moves_domain_authority():
    web = WebGraph.read_links(DATA / "site_move.csv")
    doms = web.domain_authority(tolerance=1e-14).set_index("domain")
    assert sorted(doms.index) == ["a.com", "b.com", "c.com", "new.com"]
    g = nx.DiGraph()
    g.add_nodes_from(["a.com", "b.com", "c.com", "new.com"])
    g.add_edges_from([("a.com", "new.com"), ("b.com", "new.com"), ("new.com", "a.com"),
                      ("new.com", "b.com")])  # c.com's link is nofollow
    want = nx.pagerank(g, alpha=0.85, tol=1e-14, max_iter=1000)
    for d, s in want.items():
        assert abs(doms.loc[d, "score"] - s) < 1e-9
    # Consolidation off: old.com keeps its backlinks and new.com has none.
    off = WebGraph.read_links(DATA / "site_move.csv", redirects="ignore", canonicals="ignore")
    assert "old.com" in set(off.domain_authority().domain)
    assert off.redirects.empty
    assert off.stats.redirect_records == 2


def test_screaming_frog_crawl_and_map_files():
    web = WebGraph.read_links(DATA / "sf_all_inlinks.csv",
                              redirect_files=[DATA / "sf_response_codes.csv",
                                              DATA / "sf_canonicals.csv"])
    r = web.redirects.set_index("url")
    home = "https://www.example.com/"
    assert tuple(r.loc["http://example.com/"]) == (home, "redirect", 2, "resolved")
    assert tuple(r.loc[home + "shoes?utm_source=nav"]) == (home + "shoes", "canonical", 1,
                                                            "resolved")
    assert set(web.page_authority().url) == {home, home + "sale", home + "shoes"}
    links = web.links()
    into_shoes = links[links.target == home + "shoes"]
    assert into_shoes.shape[0] == 2  # home -> shoes, sale -> shoes (nofollow, kept nofollow)
    assert (~into_shoes.followable).sum() == 1


def test_bad_records_and_option_errors(tmp_path):
    bad = write(tmp_path, "bad.csv",
                "source,target,type\nhttps://a.com/,https://b.com/,link\n"
                "https://a.com/x,http://exa mple.com:99999/,redirect\n")
    with pytest.raises(linkequity.ParseError) as e:
        WebGraph.read_links(bad)
    assert e.value.line == 3 and "invalid redirect target URL" in e.value.reason
    web = WebGraph.read_links(bad, skip_bad=True)
    assert web.stats.bad_rows == 1
    with pytest.raises(ValueError, match="redirects must be 'follow' or 'ignore'"):
        WebGraph.read_links(bad, redirects="yes")
