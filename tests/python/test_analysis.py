# SPDX-License-Identifier: MIT
# Backlink analysis from Python (WebGraph.link_intersect, anchors, profile, report, to_networkx)
# on the hand-made fixture tests/data/analysis/backlinks.csv (rows in make_fixture.py), with
# expectations computed by hand; networkx reads the exported GraphML/GEXF back; a domain-level
# PageRank by networkx is the oracle for the authority the profile reports.
import dataclasses
import math
import pathlib
import re
import subprocess

import networkx as nx
import pytest

import linkequity
from linkequity import _core

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"
FIXTURE = DATA / "analysis" / "backlinks.csv"


@pytest.fixture(scope="module")
def web():
    return linkequity.WebGraph.read_links(FIXTURE)


def test_link_intersect_columns_and_order(web):
    df = web.link_intersect(["comp-a.com", "comp-b.com", "comp-c.com"], exclude="my-shop.com")
    assert list(df.columns) == ["domain", "authority", "targets_linked", "comp-a.com",
                                "comp-b.com", "comp-c.com", "links"]
    assert list(df["domain"]) == ["r1.org", "r2.net", "r4.io", "r5.de"]
    assert list(df["targets_linked"]) == [3, 2, 1, 1]
    assert list(df["links"]) == [3, 2, 1, 2]
    assert list(df["comp-c.com"]) == [True, False, True, False]
    assert df["comp-a.com"].dtype == bool
    assert list(web.link_intersect("comp-a.com,comp-b.com", min_targets=2)["domain"]) == \
        ["r1.org", "r2.net", "r3.com"]


@pytest.mark.parametrize("kwargs, message", [
    (dict(competitors=[]), "competitors is empty"),
    (dict(competitors=["comp-a.com"], exclude="comp-a.com"), "also the excluded"),
    (dict(competitors=["nope.example"]), "'nope.example' is not a domain"),
    (dict(competitors=["comp-a.com"], exclude="nope.example"), "excluded domain 'nope.example'"),
    (dict(competitors=["comp-a.com"], min_targets=2), "min_targets must be in"),
])
def test_link_intersect_errors(web, kwargs, message):
    with pytest.raises(ValueError, match=message):
        web.link_intersect(**kwargs)


def test_anchors_table_and_classes(web):
    df = web.anchors("my-shop.com", keywords=["running shoes"])
    assert list(df.columns) == ["anchor", "class", "links", "referring_domains", "share"]
    assert df.iloc[0].tolist()[:4] == ["My Shop", "branded", 13, 2]
    assert math.isclose(df["share"].sum(), 1.0)
    assert df.attrs["links"] == 29 and df.attrs["referring_domains"] == 10
    classes = df.attrs["classes"].set_index("class")
    assert classes["links"].to_dict() == {"empty": 1, "url": 2, "exact": 2, "partial": 1,
                                          "branded": 14, "generic": 3, "other": 6}
    assert classes.loc["branded", "referring_domains"] == 3
    page = web.anchors("https://my-shop.com/shoes", keywords=["running shoes"], level="page")
    assert sorted(page["anchor"]) == ["Running Shoes", "my-shop.com"]
    with pytest.raises(ValueError, match="target 'nope.org' is not a domain"):
        web.anchors("nope.org")
    with pytest.raises(ValueError, match="keyword 1 is empty"):
        web.anchors("my-shop.com", keywords=[""])
    with pytest.raises(ValueError, match="level must be"):
        web.anchors("my-shop.com", level="site")


@pytest.mark.parametrize("anchor, expected", [
    ("", "empty"), ("   ", "empty"), ("https://x.org/a", "url"), ("www.my-shop.com", "url"),
    ("Running  SHOES", "exact"), ("cheap running shoes", "partial"), ("My-Shop", "branded"),
    ("myshop", "branded"), ("Click here", "generic"), ("weiterlesen", "generic"),
    ("en savoir plus", "generic"), ("aquí", "generic"), ("lees meer", "generic"),
    ("a great store", "other"),
])
def test_classify_anchor(anchor, expected):
    assert _core.classify_anchor(anchor, ["running shoes"], "my-shop") == expected


def test_profile_by_hand(web):
    p = web.profile("my-shop.com", top=3)
    assert isinstance(p, linkequity.LinkProfile) and p.backlinks == p["backlinks"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.backlinks = 0
    assert (p["backlinks"], p["followable_backlinks"], p["referring_domains"]) == (29, 26, 10)
    assert p["rel"] == {"follow": 26, "nofollow": 1, "sponsored": 1, "ugc": 1, "disavowed": 0}
    assert p["positions"]["footer"] == 13 and p["positions"]["content"] == 16
    assert p["authority_bands"]["0-10"] == 10
    assert p["tlds"] == {"com": 7, "org": 2, "net": 1}
    assert (p["sitewide_domains"], p["sitewide_links"]) == (2, 15)
    assert p["months"]["new_domains"].tolist() == [3, 1, 2, 1, 2]
    assert p["months"]["lost_links"].tolist() == [0, 0, 1, 2, 2]
    assert p["top_referring_domains"]["domain"].tolist() == ["sw.net", "small.org", "a1.com"]
    # Oracle: networkx PageRank of the domain graph (weight 1 per linking pair, followable only).
    links = web.links()
    ext = links[~links["internal"] & links["followable"]]
    g = nx.DiGraph()
    g.add_nodes_from(web.domain_names())
    g.add_edges_from(zip(ext["source_domain"], ext["target_domain"]))
    pr = nx.pagerank(g, alpha=0.85, tol=1e-12)
    assert max(pr, key=pr.get) == "my-shop.com" and p["rank"] == 1
    assert math.isclose(p["score"], pr["my-shop.com"], rel_tol=1e-6)
    with pytest.raises(ValueError, match="not a domain"):
        web.profile("nope.org")


def test_to_networkx_and_export_read_back(web, tmp_path):
    g = web.to_networkx()
    assert g.number_of_nodes() == 19 and g.number_of_edges() == 22
    assert g["sw.net"]["my-shop.com"] == {"weight": 12, "followable": 12}
    assert g["r3.com"]["my-shop.com"]["followable"] == 0
    assert g.nodes["my-shop.com"]["rank"] == 1
    top = web.to_networkx(top=4)
    assert set(top) == {"my-shop.com", "comp-a.com", "comp-b.com", "comp-c.com"}
    assert set(web.to_networkx(min_authority=1)) == set(top)
    assert web.to_networkx(level="host").number_of_nodes() == web.num_hosts
    cli = pathlib.Path(__file__).resolve().parents[2] / "build" / "release" / "src" / "cli" / "linkequity"
    if not cli.exists():
        pytest.skip("CLI not built (build/release/src/cli/linkequity)")
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"g.{fmt}"
        subprocess.run([str(cli), "export", str(FIXTURE), "--out", str(out)], check=True,
                       capture_output=True)
        back = reader(out)
        labels = {n: d["label"] for n, d in back.nodes(data=True)}
        edges = {(labels[u], labels[v]): d for u, v, d in back.edges(data=True)}
        assert len(labels) == 19 and len(edges) == 22
        assert edges[("sw.net", "my-shop.com")]["weight"] == 12
        assert edges[("a4.com", "my-shop.com")]["followable"] == 1
        by_label = {d["label"]: d for _, d in back.nodes(data=True)}
        assert by_label["my-shop.com"]["rank"] == 1
        assert math.isclose(by_label["comp-b.com"]["authority"],
                            g.nodes["comp-b.com"]["authority"], abs_tol=1e-3)


def test_report_is_self_contained(web, tmp_path):
    path = web.report("my-shop.com", tmp_path / "r.html", keywords=["running shoes"])
    html = pathlib.Path(path).read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", html)
    assert "<script" not in html and "@import" not in html and "url(" not in html
    assert html.count("<svg") >= 6
    assert "Backlink report: my-shop.com" in html
    assert ">100.0<" in html            # authority of the target
    assert "1 <span class=\"sub\">of 19</span>" in html  # rank of 19 domains
    assert "14 · 48.3%" in html         # branded anchors
    assert ">sw.net<" in html and ">Read more »<" in html
    with pytest.raises(ValueError, match="not a domain"):
        web.report("nope.org", tmp_path / "n.html")
    assert not (tmp_path / "n.html").exists()


@pytest.mark.parametrize("name", ["generic.csv", "screaming_frog_all_inlinks.csv",
                                  "ahrefs_legacy.csv", "majestic_backlinks.csv",
                                  "ahrefs_backlinks_utf16le.tsv"])
def test_every_method_on_the_crawl_fixtures(name, tmp_path):
    web = linkequity.WebGraph.read_links(DATA / "links" / name)
    gap = web.link_intersect(["example.org", "example.com"])
    assert list(gap.columns)[:3] == ["domain", "authority", "targets_linked"]
    assert not set(gap["domain"]) & {"example.org", "example.com"}
    a = web.anchors("example.org")
    assert a["links"].sum() == a.attrs["links"] and set(a["class"]) <= set(
        ["empty", "url", "exact", "partial", "branded", "generic", "other"])
    p = web.profile("example.org")
    assert p["referring_domains"] == len(p["top_referring_domains"])
    assert sum(p["authority_bands"].values()) == p["referring_domains"]
    g = web.to_networkx()
    assert g.number_of_nodes() == web.num_domains
    html = pathlib.Path(web.report("example.org", tmp_path / "r.html")).read_text("utf-8")
    assert "Backlink report: example.org" in html


def test_report_renders_in_chromium(web, tmp_path):
    import shutil
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("chromium not installed (apt-get install -y chromium)")
    script = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "render-report.sh"
    html = web.report("my-shop.com", tmp_path / "r.html")
    png = tmp_path / "r.png"
    subprocess.run([str(script), html, str(png), "1200x1600"], check=True, capture_output=True,
                   timeout=120)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a page, not a blank
