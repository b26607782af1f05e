# SPDX-License-Identifier: MIT
"""Web snapshots: WebGraph.save / WebGraph.open round trips (names, arrays, stats, authority
tables), disavow on an opened graph, arrays that outlive the Python object, and the errors:
corrupted, truncated and foreign files (ParseError with the path; a plain graph snapshot is
covered by the C++ tests), a missing file or directory (OSError), a bad verify level
(ValueError)."""
import os

import numpy as np
import pandas as pd
import pytest

import linkequity
from linkequity import Flag, WebGraph

LINKS = pd.DataFrame(
    [("https://a.com/", "https://b.com/", "b home", "", "content"),
     ("https://a.com/2", "https://c.com/", "c", "", "footer"),
     ("https://b.com/", "https://c.com/", "", "ugc nofollow", "content"),
     ("https://b.com/", "https://www.c.com/x", "", "", "navigation"),
     ("https://www.c.com/x", "https://c.com/", "home", "", "header"),
     ("https://d.blogspot.com/", "https://a.com/", "spam", "nofollow", "sidebar"),
     ("https://a.com/", "mailto:x@a.com", "mail", "", "")],
    columns=["source", "target", "anchor", "rel", "position"])

ARRAYS = ["page_hosts", "host_domains", "link_sources", "link_targets", "link_flags",
          "link_anchors", "link_positions"]


def same_graph(a, b):
    assert (a.num_pages, a.num_hosts, a.num_domains, a.num_links) == \
        (b.num_pages, b.num_hosts, b.num_domains, b.num_links)
    assert a.page_urls() == b.page_urls()
    assert a.host_names() == b.host_names()
    assert a.domain_names() == b.domain_names()
    for name in ARRAYS:
        np.testing.assert_array_equal(getattr(a._core, name), getattr(b._core, name))
    sa, sb = a.stats, b.stats
    for key in ("rows", "links", "self_links", "internal_links", "non_web_targets",
                "non_web_by_scheme", "bad_rows"):
        assert sa[key] == sb[key], key
    assert sb["reports"] == []  # per-file reports are not stored
    assert a.build_suffix_list_version == b.build_suffix_list_version
    pd.testing.assert_frame_equal(a.links(), b.links())


def test_save_open_round_trip(tmp_path):
    web = WebGraph.from_links(LINKS)
    path = tmp_path / "web.lqs"
    web.save(path)  # os.PathLike accepted
    assert path.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == ["web.lqs"]  # no temporary file left
    for verify in ("checksums", "structure", "none"):
        opened = WebGraph.open(str(path), verify=verify)
        same_graph(web, opened)
        assert opened.suffix_list_version == web.suffix_list_version
        for level in ("pages", "domains", "hosts"):
            pd.testing.assert_frame_equal(web.authority(hosts=True)[level],
                                          opened.authority(hosts=True)[level])
    assert opened._core.find_page("https://a.com/2") == web._core.find_page("https://a.com/2")


def test_synthetic_web_round_trip_and_views_outlive_the_graph(tmp_path):
    web = linkequity.generate.web(domains=100, links=5000, seed=3)
    path = tmp_path / "synthetic.lqs"
    web.save(path)
    opened = WebGraph.open(path)
    same_graph(web, opened)
    pd.testing.assert_frame_equal(web.domain_authority(), opened.domain_authority())
    targets = opened._core.link_targets  # a view into the mapping; keeps it alive
    expected = np.array(web._core.link_targets)
    del opened
    os.remove(path)
    np.testing.assert_array_equal(targets, expected)


def test_disavow_on_an_opened_graph(tmp_path):
    web = WebGraph.from_links(LINKS)
    path = tmp_path / "web.lqs"
    web.save(path)
    opened = WebGraph.open(path)
    disavow = tmp_path / "disavow.txt"
    disavow.write_text("domain:d.blogspot.com\n")
    r = opened.apply_disavow(disavow)
    assert r["links_disavowed"] == 1
    assert ((opened._core.link_flags & Flag.DISAVOWED) != 0).sum() == 1
    # The file is not changed by it.
    assert ((WebGraph.open(path)._core.link_flags & Flag.DISAVOWED) != 0).sum() == 0


def test_open_errors(tmp_path):
    web = WebGraph.from_links(LINKS)
    path = tmp_path / "web.lqs"
    web.save(path)
    data = path.read_bytes()

    cut = tmp_path / "cut.lqs"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(linkequity.ParseError, match="truncated") as e:
        WebGraph.open(cut)
    assert e.value.path == str(cut)

    flipped = bytearray(data)
    flipped[-5] ^= 0x40
    bad = tmp_path / "flipped.lqs"
    bad.write_bytes(bytes(flipped))
    with pytest.raises(linkequity.ParseError, match="checksum mismatch"):
        WebGraph.open(bad)

    with pytest.raises(ValueError, match="verify must be"):
        WebGraph.open(path, verify="fast")
    with pytest.raises(FileNotFoundError):
        WebGraph.open(tmp_path / "missing.lqs")
    with pytest.raises(OSError):
        web.save(tmp_path / "no-such-dir" / "web.lqs")


def test_a_file_that_is_no_snapshot(tmp_path):
    text = tmp_path / "links.csv"
    text.write_text("source,target\n" * 20)
    with pytest.raises(linkequity.ParseError, match="wrong magic: not a linkequity snapshot") as e:
        WebGraph.open(text)
    assert e.value.path == str(text)
