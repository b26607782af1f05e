# SPDX-License-Identifier: MIT
# Issue 11: `linkequity score` on a generated link file, stage by stage, next to DuckDB's ingest
# of the same file to an integer edge list (read_csv -> UNION of sources and targets numbered by
# row_number() -> two joins), on the same threads, in one run. Needs `pip install duckdb`.
#
#   python benchmarks/ingest_vs_duckdb.py --links 1000000 --domains 20000 --threads 2
#   python benchmarks/ingest_vs_duckdb.py --links 10000000 --domains 200000 --threads 2
"""Times linkequity score and DuckDB's edge-list ingest on the same link file."""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

STAGE = re.compile(r"(read|graphs|pagerank|counts|write|total) ((?:\d+ min \d+ s)|(?:[\d.]+ (?:s|ms|µs)))")


def seconds(text):
    """'1.5 s', '350 ms', '2 min 05 s' -> seconds."""
    m = re.fullmatch(r"(\d+) min (\d+) s", text)
    if m:
        return 60 * int(m.group(1)) + int(m.group(2))
    value, unit = text.split()
    return float(value) * {"s": 1.0, "ms": 1e-3, "µs": 1e-6}[unit]


def child_usage():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime, r.ru_maxrss


def run_linkequity(binary, path, threads, out_dir):
    """Runs `score`; returns wall time, CPU time, the stage times it prints, and its stderr."""
    cpu0, _ = child_usage()
    t0 = time.perf_counter()
    p = subprocess.run([binary, "score", path, "--out", out_dir, "--threads", str(threads)],
                       capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    cpu1, rss = child_usage()
    line = next(l for l in p.stdout.splitlines() if l.startswith("timings"))
    stages = {k: seconds(v) for k, v in STAGE.findall(line)}
    return wall, cpu1 - cpu0, rss, stages


def run_duckdb(path, threads):
    """DuckDB: CSV -> dense ids of the distinct URLs -> integer edge list; returns seconds."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    t0 = time.perf_counter()
    con.execute(
        "CREATE TEMP TABLE l AS SELECT source, target FROM "
        f"read_csv('{path}', header = true, all_varchar = true)")
    t_read = time.perf_counter() - t0
    con.execute(
        "CREATE TEMP TABLE u AS SELECT url, row_number() OVER () - 1 AS id FROM "
        "(SELECT source AS url FROM l UNION SELECT target FROM l)")
    con.execute(
        "CREATE TEMP TABLE e AS SELECT s.id AS src, t.id AS dst FROM l "
        "JOIN u s ON l.source = s.url JOIN u t ON l.target = t.url")
    total = time.perf_counter() - t0
    edges, urls = con.execute("SELECT (SELECT count(*) FROM e), (SELECT count(*) FROM u)").fetchone()
    con.close()
    return total, t_read, edges, urls


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bin", default="build/release/src/cli/linkequity")
    ap.add_argument("--links", type=int, default=1_000_000)
    ap.add_argument("--domains", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--file", help="link file to use (generated when missing)")
    args = ap.parse_args()
    path = args.file or os.path.join(tempfile.gettempdir(), f"links_{args.links}_{args.seed}.csv")
    if not os.path.exists(path):
        subprocess.run([args.bin, "generate", "--domains", str(args.domains), "--links",
                        str(args.links), "--seed", str(args.seed), "--out", path],
                       check=True, stdout=subprocess.DEVNULL)
    size = os.path.getsize(path)
    with tempfile.TemporaryDirectory() as out:
        wall, cpu, rss, st = run_linkequity(args.bin, path, args.threads, out)
    dk, dk_read, edges, urls = run_duckdb(path, args.threads)
    load = os.getloadavg()[0]
    print(f"file {path}: {size / 1e6:.0f} MB, {args.links:,} links; {args.threads} threads; "
          f"load average {load:.1f} at the end")
    print("| | read | graphs | pagerank | counts | write | total | CPU | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("| linkequity score | " + " | ".join(f"{st.get(k, float('nan')):.2f} s" for k in
                                              ("read", "graphs", "pagerank", "counts", "write"))
          + f" | {wall:.2f} s | {cpu:.2f} s | {rss / 1024:.0f} MB |")
    print(f"| DuckDB ingest ({urls:,} URLs, {edges:,} edges) | {dk_read:.2f} s | | | | | "
          f"{dk:.2f} s | | |")
    print(f"read / DuckDB ingest: {st['read'] / dk:.2f}x; score total / DuckDB: {wall / dk:.2f}x; "
          f"reading {args.links / st['read'] / 1e6:.2f} M links/s, {size / st['read'] / 1e6:.0f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
