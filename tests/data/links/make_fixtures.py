#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes the link-import fixtures: the same eight links as a generic CSV, a Screaming Frog
# "All Inlinks" export (plus resource rows), an Ahrefs export (UTF-16LE TSV with BOM), an older
# Ahrefs CSV, a Majestic export, and encoding variants (UTF-8 BOM + CRLF + ';', UTF-16BE, gzip);
# then the broken-file corpus in ../broken/ (one file per failure kind). The outputs are
# committed; rerun after editing:  python3 tests/data/links/make_fixtures.py
import csv
import gzip
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BROKEN = os.path.join(HERE, "..", "broken")

NOFOLLOW, SPONSORED, UGC = 1, 2, 4

# source, target, anchor, rel flags, position  (tests/cpp/test_io_formats.cpp lists the same)
LINKS = [
    ("https://blog.example.com/post-1", "https://shop.example.org/", "Best running shoes", 0, "content"),
    ("https://blog.example.com/post-1", "https://shop.example.org/sale", 'Sale, "50% off"', NOFOLLOW, "content"),
    ("https://news.example.net/a?x=1&y=2", "https://shop.example.org/", "Café crème", SPONSORED, "sidebar"),
    ("https://forum.example.io/t/42", "https://shop.example.org/p/1", "line one\nline two", UGC, "content"),
    ("https://forum.example.io/t/42", "https://blog.example.com/", "", 0, "navigation"),
    ("https://日本.example.jp/ページ", "https://shop.example.org/", "日本語のリンク", NOFOLLOW | UGC, "footer"),
    ("https://blog.example.com/post-2", "https://shop.example.org/emoji", "Shoes 👟", 0, "header"),
    ("https://blog.example.com/post-2", "https://shop.example.org/p/1", "tab\there", 0, "content"),
]
FIRST_SEEN = ["2024-01-15", "2024-02-01", "2023-11-30", "2024-03-03", "2024-03-04", "2022-07-19",
              "2024-05-05", "2024-05-06"]
LAST_SEEN = ["2024-06-01", "2024-06-02", "2024-06-03", "2024-06-04", "2024-06-05", "2024-06-06",
             "2024-06-07", "2024-06-08"]


def rel_tokens(flags):
    out = []
    if flags & NOFOLLOW:
        out.append("nofollow")
    if flags & SPONSORED:
        out.append("sponsored")
    if flags & UGC:
        out.append("ugc")
    return " ".join(out)


def to_csv(rows, delimiter=",", lineterminator="\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator)
    w.writerows(rows)
    return buf.getvalue()


def write(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    kw = {} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""}
    with open(path, mode, **kw) as f:
        f.write(data)


def generic_rows():
    rows = [["source", "target", "anchor", "rel", "position"]]
    for s, t, a, f, p in LINKS:
        rows.append([s, t, a, rel_tokens(f) or "follow", p])
    return rows


def screaming_frog():
    header = ["Type", "Source", "Destination", "Size (Bytes)", "Alt Text", "Anchor", "Status Code",
              "Status", "Follow", "Target", "Rel", "Path Type", "Link Path", "Link Position",
              "Link Origin"]
    sf_pos = {"content": "Content", "navigation": "Navigation", "header": "Header",
              "footer": "Footer", "sidebar": "Aside"}
    rows = [header]
    rows.append(["Image", "https://blog.example.com/post-1", "https://blog.example.com/img/shoe.jpg",
                 "48213", "A red shoe", "", "200", "OK", "true", "", "", "Absolute",
                 "//body/main/img", "Content", "HTML"])
    for i, (s, t, a, f, p) in enumerate(LINKS):
        follow = "false" if f & NOFOLLOW else "true"
        rows.append(["Hyperlink", s, t, "0", "", a, "200", "OK", follow, "_blank" if i % 2 else "",
                     rel_tokens(f), "Absolute", "//body/div/a", sf_pos[p], "HTML"])
        if i == 2:
            rows.append(["CSS", s, "https://news.example.net/style.css", "1024", "", "", "200",
                         "OK", "true", "", "", "Absolute", "//head/link", "Head", "HTML"])
            rows.append(["JavaScript", s, "https://news.example.net/app.js", "2048", "", "", "200",
                         "OK", "true", "", "", "Absolute", "//head/script", "Head", "HTML"])
    rows.append(["Canonical", "https://blog.example.com/post-2", "https://blog.example.com/post-2",
                 "", "", "", "200", "OK", "true", "", "canonical", "Absolute", "//head/link",
                 "Head", "HTML"])
    rows.append(["Hreflang", "https://blog.example.com/post-2", "https://blog.example.com/de/post-2",
                 "", "", "", "200", "OK", "true", "", "alternate", "Absolute", "//head/link",
                 "Head", "HTML"])
    return to_csv(rows)  # 5 resource rows


def screaming_frog_legacy():
    # Versions before 11 call hyperlinks "AHREF" and images "IMG", and lack Rel and Link Position.
    rows = [["Type", "Source", "Destination", "Alt Text", "Anchor", "Status Code", "Status",
             "Follow"]]
    for s, t, a, f, p in LINKS:
        rows.append(["AHREF", s, t, "", a, "200", "OK", "false" if f else "true"])
    rows.insert(3, ["IMG", LINKS[0][0], "https://blog.example.com/img/shoe.jpg", "A red shoe", "",
                    "200", "OK", "true"])
    return to_csv(rows, lineterminator="\r\n")


def ahrefs():
    header = ["Referring page title", "Referring page URL", "Language", "Platform",
              "Referring page HTTP code", "Domain rating", "UR", "Referring domains",
              "Linked domains", "External links", "Page traffic", "Keywords", "Target URL",
              "Left context", "Anchor", "Right context", "Type", "Content", "Nofollow", "UGC",
              "Sponsored", "Rendered", "Raw", "Lost status", "Drop reason", "Discovered status",
              "Link Group", "Author", "Links in group", "First seen", "Last seen", "Lost"]
    spell = [("true", "false"), ("TRUE", "FALSE"), ("1", "0")]
    rows = [header]
    for i, (s, t, a, f, p) in enumerate(LINKS):
        yes, no = spell[i % 3]
        b = lambda bit: yes if f & bit else no  # noqa: E731
        rows.append([f"Page {i}", s, "en", "blogs", "200", "41", "12", "3", "17", "25", "120",
                     "8", t, "see", a, "now", "text", "true", b(NOFOLLOW), b(UGC), b(SPONSORED),
                     "false", "true", "", "", "", "", "", "1",
                     FIRST_SEEN[i] + " 10:22:31", LAST_SEEN[i] + " 04:00:00", ""])
    text = to_csv(rows, delimiter="\t")
    return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")


def ahrefs_legacy():
    rows = [["#", "Domain Rating", "URL Rating", "Referring Page Title", "Referring Page URL",
             "Link URL", "TextPre", "Link Anchor", "TextPost", "Link type", "First Seen",
             "Last Check"]]
    for i, (s, t, a, f, p) in enumerate(LINKS):
        lt = rel_tokens(f).replace(" ", ", ") or "dofollow"
        rows.append([str(i + 1), "41", "12", f"Page {i}", s, t, "", a, "", lt, FIRST_SEEN[i],
                     LAST_SEEN[i]])
    return to_csv(rows)


def majestic():
    header = ["TargetURL", "SourceURL", "AnchorText", "SourceCrawlDate", "SourceFirstFoundDate",
              "FlagNoFollow", "FlagImageLink", "FlagRedirect", "FlagFrame", "FlagOldCrawl",
              "FlagAltText", "FlagMention", "SourceCitationFlow", "SourceTrustFlow",
              "TargetCitationFlow", "TargetTrustFlow", "SourceTopicalTrustFlow_Topic_0",
              "SourceTopicalTrustFlow_Value_0", "ReferringCategory", "FirstIndexedDate",
              "LastSeenDate", "DateLost", "ReasonLost", "LinkType", "LinkSubType",
              "TargetCitationFlow", "TargetTrustFlow"]
    rows = [header]
    for i, (s, t, a, f, p) in enumerate(LINKS):
        rows.append([t, s, a, LAST_SEEN[i], FIRST_SEEN[i], "+" if f else "-", "-", "-", "-", "-",
                     "-", "-", "23", "18", "30", "25", "Shopping", "17", "Shopping",
                     FIRST_SEEN[i], LAST_SEEN[i], "", "", "TextLink", "", "30", "25"])
    return to_csv(rows)


def main():
    os.makedirs(BROKEN, exist_ok=True)
    generic = to_csv(generic_rows())
    write(os.path.join(HERE, "generic.csv"), generic)
    write(os.path.join(HERE, "generic_bom_crlf_semicolon.csv"),
          b"\xef\xbb\xbf" + to_csv(generic_rows(), ";", "\r\n").encode("utf-8"))
    tsv = to_csv(generic_rows(), "\t")
    write(os.path.join(HERE, "generic_utf16be.tsv"),
          "\ufeff".encode("utf-16-be") + tsv.encode("utf-16-be"))
    write(os.path.join(HERE, "generic.tsv.gz"), gzip.compress(tsv.encode("utf-8"), mtime=0))
    write(os.path.join(HERE, "screaming_frog_all_inlinks.csv"), screaming_frog())
    write(os.path.join(HERE, "screaming_frog_legacy.csv"), screaming_frog_legacy())
    write(os.path.join(HERE, "ahrefs_backlinks_utf16le.tsv"), ahrefs())
    write(os.path.join(HERE, "ahrefs_legacy.csv"), ahrefs_legacy())
    write(os.path.join(HERE, "majestic_backlinks.csv"), majestic())
    write(os.path.join(HERE, "snap_edges.txt"),
          "# Directed graph (each unordered pair of nodes is saved once)\n"
          "# Nodes: 5 Edges: 6\n# FromNodeId\tToNodeId\n0\t1\n0\t2\n1\t2\n2\t0\n3\t2\n\n4\t3\n")
    write(os.path.join(HERE, "snap_weighted.csv.gz"),
          gzip.compress(b"% weighted, comma separated\n0,1,0.5\n1,2,2\n2,0,1.25\n", mtime=0))

    head = "source,target,anchor\n"
    good = "https://a.example/,https://b.example/,ok\n"
    b = lambda name, data: write(os.path.join(BROKEN, name), data)  # noqa: E731
    b("empty.csv", b"")
    b("unterminated_quote.csv", head + good + good + 'https://a.example/,"https://b.example/,x\n' + good)
    b("text_after_quote.csv", head + good + 'https://a.example/,"https://b.example/"x,y\n' + good)
    b("missing_source.csv", head + good + ',https://b.example/,anchor\n' + good)
    b("missing_target.csv", head + good + good + 'https://a.example/,  ,anchor\n')
    b("too_few_columns.csv", head + good + "https://a.example/\n" + good)
    b("binary_nul.csv", (head + good + "https://a.example/,https://b\x00.example/,x\n" + good).encode())
    b("invalid_utf8.csv", (head + good).encode() + b"https://a.example/,https://b.example/\xff\xfe,x\n")
    b("bad_header.csv", "url,title,status\nhttps://a.example/,A,200\n")
    b("no_header.csv", "https://a.example/,https://b.example/\nhttps://b.example/,https://c.example/\n")
    b("long_line.csv", head + good + "https://a.example/," + "x" * 5000 + ",y\n" + good)
    b("long_quote.csv", head + good + 'https://a.example/,"https://b.example/,oops\n'
      + "".join(f"https://a.example/{i},https://b.example/{i},filler text for the row\n"
                for i in range(60)) + good)
    gz = gzip.compress((head + good * 200).encode(), mtime=0)
    b("truncated.csv.gz", gz[: len(gz) // 2])
    b("corrupt.csv.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"this is not deflate data" * 4)
    utf16 = "\ufeff".encode("utf-16-le") + (head + good).encode("utf-16-le")
    b("odd_utf16.tsv", utf16 + b"x")
    b("bad_boolean_ahrefs.csv", "Referring page URL,Target URL,Anchor,Nofollow\n"
      "https://a.example/,https://b.example/,x,false\nhttps://a.example/,https://c.example/,y,maybe\n")
    b("edge_list_negative.txt", "# edges\n0 1\n1 -2\n")
    b("edge_list_text.txt", "0 1\n1 two\n")
    b("lenient_mix.csv",
      (head + good                                          # line 2 ok
       + ",https://b.example/,no source\n"                 # 3 empty source
       + good                                               # 4 ok
       + "https://a.example/\n"                             # 5 too few columns
       + "https://a.example/,https://b\x00.example/,x\n"    # 6 binary
       + good                                               # 7 ok
       + "https://a.example/,,no target\n"                  # 8 empty target
       + 'https://a.example/,"https://b.example/"x,y\n'     # 9 text after quote
       + ",https://b.example/,no source again\n"            # 10 empty source
       + good).encode()                                     # 11 ok
      + b"https://a.example/\xc3,https://b.example/,bad utf8\n")  # 12 invalid UTF-8


if __name__ == "__main__":
    main()
