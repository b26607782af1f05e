# SPDX-License-Identifier: MIT
"""linkequity.generate's labelled manipulation: the default web is unchanged (a fingerprint of the
generator's output from before manipulation existed), web_labels / web_csv(labels=) agree with
each other and with the links (farm members link to their target, PBN members to a money site,
exchanges both ways, sitewide footer links on every seller page), determinism, bad options."""
import hashlib

import numpy as np
import pytest

import linkequity as le
from linkequity import Flag, generate

SPAM = dict(domains=1500, links=60000, seed=4, farms=3, farm_size=8, pbns=2, pbn_size=6,
            exchanges=5, paid_links=4, paid_sponsored=0.5)


def test_default_web_csv_is_unchanged(tmp_path):
    # sha256 of `linkequity generate --domains 300 --links 30000 --seed 5` before manipulation.
    path = tmp_path / "links.csv"
    counts = generate.web_csv(path, domains=300, links=30000, seed=5)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == \
        "619ba1ba0f9d7448b822687614703c2d5ec4aaea6fb61ac04676e7d824b567fd"
    assert counts.manipulation == 0 and counts.links == 30000
    labels = generate.web_labels(domains=300, links=30000, seed=5)
    assert list(labels.columns) == ["domain", "label", "group"]
    assert len(labels) == 300 and set(labels["label"]) == {"honest"}
    assert set(labels["group"]) == {""}


def test_labels_counts_and_file(tmp_path):
    labels = generate.web_labels(**SPAM)
    counts = labels["label"].value_counts().to_dict()
    assert counts == {"honest": 1500 - 3 - 6 - 10 - 8, "farm": 24, "pbn": 12, "target": 3 + 6,
                      "exchange": 10, "paid_seller": 4, "paid_buyer": 4}
    assert labels["domain"].is_unique
    assert (labels.loc[labels["label"] == "honest", "group"] == "").all()
    assert set(labels.loc[labels["label"] == "farm", "group"]) == {"farm-0", "farm-1", "farm-2"}
    path, label_path = tmp_path / "links.csv", tmp_path / "labels.csv"
    written = generate.web_csv(path, labels=label_path, **SPAM)
    assert written.manipulation > 0 and written.links == 60000 + written.manipulation
    import pandas as pd

    from_file = pd.read_csv(label_path, keep_default_na=False)
    pd.testing.assert_frame_equal(from_file, labels)


def _followable_domain_edges(web):
    links = web.links()
    ext = links[links["followable"] & ~links["internal"]]
    return set(zip(ext["source_domain"], ext["target_domain"])), links


def test_labels_agree_with_links():
    web = generate.web(**SPAM)
    labels = generate.web_labels(**SPAM)
    edges, links = _followable_domain_edges(web)
    for group, rows in labels[labels["group"] != ""].groupby("group"):
        by = {label: list(rows.loc[rows["label"] == label, "domain"]) for label in set(rows["label"])}
        if group.startswith("farm-"):
            (target,) = by["target"]
            for m in by["farm"]:
                assert (m, target) in edges
                # every page of a member links to the target
                own = links[links["source_domain"] == m]
                hits = own[own["target_domain"] == target].groupby("source").size()
                assert set(hits.index) == set(own["source"])
        elif group.startswith("pbn-"):
            assert len(by["target"]) == 3  # pbn_targets
            for m in by["pbn"]:
                assert any((m, t) in edges for t in by["target"])
        elif group.startswith("exchange-"):
            a, b = by["exchange"]
            assert (a, b) in edges and (b, a) in edges
        else:
            (seller,), (buyer,) = by["paid_seller"], by["paid_buyer"]
            own = links[links["source_domain"] == seller]
            paid = own[(own["target_domain"] == buyer) & (own["position"] == "footer")]
            assert set(paid["source"]) == set(own["source"])  # sitewide: every page
            sponsored = (paid["flags"] & int(Flag.SPONSORED)) != 0
            assert sponsored.all() or not sponsored.any()


def test_deterministic_by_seed(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    generate.web_csv(a, **SPAM)
    generate.web_csv(b, **SPAM)
    assert a.read_bytes() == b.read_bytes()
    other = dict(SPAM, seed=5)
    assert not generate.web_labels(**other).equals(generate.web_labels(**SPAM))
    mixed = generate.web_labels(domains=4000, links=20000, manipulation=True)
    counts = mixed["label"].value_counts()
    assert counts["farm"] == 6 * 20 and counts["pbn"] == 8 * 10  # sized by spam_share 0.05
    assert np.array_equal(mixed["domain"], generate.web_labels(domains=4000, links=20000,
                                                              manipulation=True)["domain"])


@pytest.mark.parametrize("options, error, match", [
    (dict(farms=1, farm_size=1), ValueError, "farm_size must be an integer >= 2, got 1"),
    (dict(farms=1, farm_pages=0.5), ValueError, r"farm_pages must be >= 1, got 0.5"),
    (dict(paid_links=1, paid_sponsored=1.5), ValueError, r"paid_sponsored must be in \[0, 1\]"),
    (dict(manipulation=True, spam_share=0), ValueError, r"spam_share must be in \(0, 1\)"),
    (dict(domains=10, exchanges=5), ValueError, "at most half of domains"),
    (dict(farms=-1), ValueError, "farms must be an integer >= 0"),
    (dict(farms="many"), TypeError, "farms must be a number"),
    (dict(farm=3), TypeError, "unexpected option 'farm'"),
])
def test_bad_options(options, error, match):
    with pytest.raises(error, match=match):
        generate.web_labels(**options)


EXPIRED = dict(domains=1500, links=60000, seed=8, expired=5, expired_per_site=2)


def test_expired_domains_redirect_to_their_money_site(tmp_path):
    labels = generate.web_labels(**EXPIRED)
    counts = labels["label"].value_counts().to_dict()
    assert counts == {"honest": 1500 - 5 - 3, "expired": 5, "target": 3}  # ceil(5 / 2) sites
    assert sorted(set(labels.loc[labels["label"] == "expired", "group"])) == \
        ["expired-0", "expired-1", "expired-2"]
    path = tmp_path / "links.csv"
    written = generate.web_csv(path, **EXPIRED)
    import pandas as pd

    rows = pd.read_csv(path, keep_default_na=False)
    assert list(rows.columns) == ["source", "target", "anchor", "rel", "position", "type", "status"]
    records = rows[rows["type"] == "redirect"]
    assert len(records) == written.redirects > 0 and (records["status"].astype(str) == "301").all()
    assert set(rows["type"]) == {"link", "redirect"}
    # Each record: a URL of an expired domain -> the home page of its group's money site.
    host = records["source"].str.extract(r"https://(?:www\.)?([^/]+)/")[0]
    group = dict(zip(labels["domain"], labels["group"]))
    money = {g: d for d, g, lab in zip(labels["domain"], labels["group"], labels["label"])
             if lab == "target"}
    for h, target in zip(host, records["target"]):
        assert target in (f"https://{money[group[h]]}/", f"https://www.{money[group[h]]}/")
    # Scored with redirects followed the expired domains are gone and their money site gains.
    follow = generate.web(**EXPIRED)
    ignore = le.WebGraph.read_links(path, redirects="ignore")
    gone = set(labels.loc[labels["label"] == "expired", "domain"])
    assert not gone & set(follow.domain_names())
    assert len(gone & set(ignore.domain_names())) >= 4  # the ones anything links to
    a = follow.domain_authority().set_index("domain")["score"]
    b = ignore.domain_authority().set_index("domain")["score"]
    sites = sorted(set(money.values()))
    assert a[sites].sum() > 1.5 * b[sites].sum()
