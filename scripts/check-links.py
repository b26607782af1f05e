#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Checks the relative links of the user documentation (README.md, docs/**/*.md,
# benchmarks/README.md, or the Markdown files given): each must name a file or folder inside the
# repository, never leave it (no `../` above the root, no absolute filesystem paths), and a
# `#fragment` into a Markdown file must match one of its headings. Web links (http/https/mailto)
# are not fetched. Usage: scripts/check-links.py [FILE.md ...]; exit code 1 when a link is broken.
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# [text](target "title") and ![alt](target); reference definitions "[id]: target".
INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # http:, https:, mailto:, …


def strip_code(lines, blank_spans=True):
    """The lines outside fenced code blocks, numbered from 1, with inline code spans blanked
    (links inside them are not links) unless blank_spans is false (headings keep their text)."""
    inside = False
    for number, line in enumerate(lines, 1):
        if FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            yield number, re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), line) \
                if blank_spans else line


def slug(heading):
    """GitHub's anchor for a heading: lowercase, markup and punctuation dropped, spaces → '-'."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links keep their text
    text = text.replace("`", "").strip().lower()
    kept = []
    for ch in text:
        if ch in " -_" or unicodedata.category(ch)[0] in "LN":
            kept.append("-" if ch == " " else ch)
    return "".join(kept)


def anchors(path, cache={}):
    """Every anchor GitHub generates for the headings of a Markdown file (duplicates get -1, -2)."""
    if path not in cache:
        seen, result = {}, set()
        for _, line in strip_code(path.read_text(encoding="utf-8").splitlines(), False):
            m = HEADING.match(line)
            if not m:
                continue
            base = slug(m.group(2))
            n = seen.get(base, 0)
            seen[base] = n + 1
            result.add(base if n == 0 else f"{base}-{n}")
        cache[path] = result
    return cache[path]


def check(md):
    """Yields 'file:line: problem' for each broken link of Markdown file `md`."""
    try:
        rel = md.relative_to(ROOT)
    except ValueError:
        yield f"{md}: not a file of the repository"
        return
    for number, line in strip_code(md.read_text(encoding="utf-8").splitlines()):
        targets = [m.group(1) for m in INLINE.finditer(line)]
        ref = REFDEF.match(line)
        if ref:
            targets.append(ref.group(1))
        for target in targets:
            if not target or EXTERNAL.match(target):
                continue
            where = f"{rel}:{number}: link '{target}'"
            path_part, _, fragment = target.partition("#")
            if path_part.startswith("/") or path_part.startswith("\\"):
                yield f"{where} is an absolute path; use a path relative to {rel.parent}/"
                continue
            dest = (md.parent / path_part).resolve() if path_part else md.resolve()
            try:
                dest.relative_to(ROOT)
            except ValueError:
                yield f"{where} leaves the repository"
                continue
            if not dest.exists():
                yield f"{where}: no such file or folder in the repository"
                continue
            if fragment and dest.suffix.lower() == ".md" and fragment not in anchors(dest):
                yield f"{where}: no heading with anchor '#{fragment}' in {dest.relative_to(ROOT)}"


def main(argv):
    if argv:
        files = [Path(a).resolve() for a in argv]
    else:
        files = [ROOT / "README.md", ROOT / "benchmarks" / "README.md"]
        files += sorted((ROOT / "docs").rglob("*.md"))
    problems = []
    for md in files:
        if not md.exists():
            problems.append(f"{md}: file not found")
            continue
        problems.extend(check(md))
    for p in problems:
        print(p, file=sys.stderr)
    print(f"check-links: {len(files)} files, {len(problems)} broken link(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
