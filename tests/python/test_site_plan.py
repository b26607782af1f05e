# SPDX-License-Identifier: MIT
# Internal-link planning, WebGraph.plan_links(target_url, site=...), on the hand-made site
# tests/data/web/site.csv: every candidate's gain against networkx.pagerank of the site's
# internal followable graph (written out by hand) with the link added, the first greedy pick =
# the brute-force best, each step against site_authority of the links with the picks added, a
# host as the site, and the errors.
import pathlib

import networkx as nx
import pytest

import linkequity as le

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "web"
TIGHT = dict(tolerance=1e-14, max_iterations=2000)
ROOT = "https://www.shop.com/"
POST = "https://blog.shop.com/post"
PAGES = [ROOT, ROOT + "a", ROOT + "b", ROOT + "c", ROOT + "orphan", POST]
# the fixture's followable internal links of shop.com, by hand (b -> c is nofollow)
FOLLOWABLE = [(ROOT, ROOT + "a"), (ROOT, ROOT + "b"), (ROOT, POST), (ROOT + "a", ROOT + "b"),
              (ROOT + "b", ROOT), (ROOT + "orphan", ROOT + "a"), (POST, ROOT)]


def nx_score(extra, target):
    G = nx.DiGraph()
    G.add_nodes_from(PAGES)
    G.add_edges_from(FOLLOWABLE + list(extra))
    return nx.pagerank(G, alpha=0.85, tol=1e-15, max_iter=10000)[target]


def site_with(tmp_path, extra):
    """site_authority of shop.com on the fixture plus the links `extra`, url-indexed."""
    files = [DATA / "site.csv"]
    if extra:
        f = tmp_path / "extra.csv"
        f.write_text("source,target,anchor,rel\n" + "".join(f"{s},{t},x,\n" for s, t in extra))
        files.append(f)
    web = le.WebGraph.read_links(files)
    return web.site_authority("shop.com", **TIGHT).pages.set_index("url")


@pytest.mark.parametrize("target", PAGES)
def test_site_plan_gains_first_pick_and_steps(tmp_path, target):
    web = le.WebGraph.read_links(DATA / "site.csv")
    plan = web.plan_links(target, site="shop.com", k=2, top=0, **TIGHT)
    assert isinstance(plan, le.LinkPlan)
    assert (plan.site, plan.level) == ("shop.com", "page")
    assert list(plan.candidates.columns)[0] == "page"
    before = site_with(tmp_path, [])
    x = nx_score([], target)
    assert plan.score_before == pytest.approx(x, rel=1e-9)
    assert plan.authority_before == pytest.approx(before.loc[target, "authority"], abs=1e-9)
    # default candidates: every other site page without a followable internal link to target
    expected = {p for p in PAGES if p != target and (p, target) not in FOLLOWABLE}
    assert set(plan.candidates["page"]) == expected
    truth = {p: nx_score([(p, target)], target) - x for p in expected}
    for row in plan.candidates.itertuples():
        assert abs(row.gain - truth[row.page]) <= 0.01 * truth[row.page] + 1e-15
        assert abs(row.gain - truth[row.page]) <= row.error_bound + 1e-13
        assert row.authority == pytest.approx(before.loc[row.page, "authority"], abs=1e-9)
        assert bool(row.existing_link) == (row.page == ROOT + "b" and target == ROOT + "c")
    assert truth[plan.steps["page"][0]] >= max(truth.values()) * (1 - 1e-9)
    added = []
    for row in plan.steps.itertuples():
        added.append((row.page, target))
        after = site_with(tmp_path, added)
        assert row.score_after == pytest.approx(after.loc[target, "score"], rel=1e-9)
        assert row.authority_after == pytest.approx(after.loc[target, "authority"], abs=1e-6)
    assert len(plan.steps) == min(2, len(expected))


def test_site_plan_candidates_host_and_errors():
    web = le.WebGraph.read_links(DATA / "site.csv")
    c = ROOT + "c"
    given = web.plan_links(c, site="shop.com", candidates=[POST, ROOT + "a", ROOT])
    assert given.ranked == 3 and given.steps["page"][0] == given.candidates["page"][0]
    skipped = web.plan_links(ROOT + "a", site="shop.com", candidates=[ROOT + "orphan"])
    assert (skipped.ranked, skipped.skipped) == (0, 1)
    host = web.plan_links(c, site="www.shop.com", level="page", top=0)
    assert host.site == "www.shop.com" and host.ranked == 4  # the blog host is another site
    with pytest.raises(ValueError, match="candidate 'https://blog.shop.com/post' is not a page "
                                         "of site 'www.shop.com'"):
        web.plan_links(c, site="www.shop.com", candidates=[POST])
    with pytest.raises(ValueError, match="target 'https://other.com/x' is not a page of site "
                                         "'shop.com'"):
        web.plan_links("https://other.com/x", site="shop.com")
    with pytest.raises(ValueError, match="candidate 'https://other.com/' is not a page of site"):
        web.plan_links(c, site="shop.com", candidates=["https://other.com/"])
    with pytest.raises(ValueError, match="site 'nowhere.org' is not a domain or host"):
        web.plan_links(c, site="nowhere.org")
    with pytest.raises(ValueError, match="is the target"):
        web.plan_links(c, site="shop.com", candidates=[c])
    with pytest.raises(ValueError, match="level='domain' does not apply"):
        web.plan_links(c, site="shop.com", level="domain")
    with pytest.raises(ValueError, match="site must be"):
        web.plan_links(c, site="  ")
