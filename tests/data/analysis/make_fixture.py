# SPDX-License-Identifier: MIT
# Writes backlinks.csv: the hand-made fixture of the backlink analysis tests (link intersect,
# anchors, profile, export). The expected values are computed by hand in tests/cpp/test_analysis.cpp
# and tests/python/test_analysis.py from the rows below, not from this script.
import csv

J1, L6 = ("2024-01-15", "2024-06-01")
rows = [
    # competitor gap: competitors comp-a.com, comp-b.com, comp-c.com; own domain my-shop.com
    ("https://r1.org/p1", "https://comp-a.com/", "comp a", "", "content", "", ""),
    ("https://r1.org/p1", "https://comp-b.com/x", "comp b", "", "content", "", ""),
    ("https://r1.org/p2", "https://comp-c.com/", "comp c", "", "content", "", ""),
    ("https://r2.net/a", "https://comp-a.com/", "a", "", "content", "", ""),
    ("https://r2.net/a", "https://comp-b.com/", "b", "", "content", "", ""),
    ("https://r3.com/", "https://comp-a.com/", "a", "", "content", "", ""),
    ("https://r3.com/", "https://comp-b.com/", "b", "", "content", "", ""),
    ("https://r3.com/", "https://my-shop.com/", "My Shop", "nofollow", "content", J1, L6),
    ("https://r4.io/", "https://comp-a.com/", "a", "nofollow", "content", "", ""),
    ("https://r4.io/", "https://comp-c.com/", "c", "", "content", "", ""),
    ("https://r5.de/1", "https://comp-b.com/", "b", "", "content", "", ""),
    ("https://r5.de/2", "https://comp-b.com/", "b", "", "content", "", ""),
    ("https://r6.fr/", "https://comp-a.com/", "a", "nofollow", "content", "", ""),
    ("https://comp-a.com/", "https://comp-b.com/", "partner", "", "content", "", ""),
    # anchors of every class into my-shop.com (keyword: "running shoes")
    ("https://a1.com/", "https://my-shop.com/", "", "", "content", "2024-01-20", L6),
    ("https://a2.com/x", "https://my-shop.com/", "https://my-shop.com/", "", "content", "2024-02-10", "2024-04-20"),
    ("https://a3.com/", "https://my-shop.com/shoes", "my-shop.com", "", "content", "2024-03-01", L6),
    ("https://a1.com/", "https://my-shop.com/shoes", "Running Shoes", "", "content", "2024-02-03", "2024-03-10"),
    ("https://a2.com/y", "https://my-shop.com/shoes", "Running Shoes", "", "content", "2024-02-11", "2024-04-25"),
    ("https://a3.com/", "https://my-shop.com/", "Best running shoes 2024", "", "content", "2024-03-05", L6),
    ("https://a4.com/", "https://my-shop.com/", "Myshop deals", "", "content", "2024-03-15", "2024-05-30"),
    ("https://a4.com/", "https://my-shop.com/", "click here", "sponsored", "content", "2024-03-15", "2024-05-30"),
    ("https://a5.com/", "https://my-shop.com/", "Read more »", "ugc", "footer", "2024-04-01", L6),
    ("https://a5.com/", "https://my-shop.com/", "hier", "", "content", "2024-04-01", L6),
    ("https://a6.com/", "https://my-shop.com/", "great store for runners", "", "content", "2024-05-02", L6),
    ("https://my-shop.com/", "https://my-shop.com/shoes", "Home", "", "navigation", "2024-01-01", L6),
]
# sitewide: sw.net links from 12 pages; small.org from all 3 of its pages; two.org from 2 (not)
rows += [(f"https://sw.net/p{i:02d}", "https://my-shop.com/", "My Shop", "", "footer", "2024-01-05", L6)
         for i in range(1, 13)]
rows += [(f"https://small.org/{i}", "https://my-shop.com/", "small", "", "content", "2024-05-10", L6)
         for i in range(1, 4)]
rows += [(f"https://two.org/{i}", "https://my-shop.com/", "two", "", "content", "", "")
         for i in range(1, 3)]

with open("backlinks.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["source", "target", "anchor", "rel", "position", "first seen", "last seen"])
    w.writerows(rows)
