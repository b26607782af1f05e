# SPDX-License-Identifier: MIT
# Issue 11: `linkequity score` on a generated link file, stage by stage, next to DuckDB's ingest
# of the same file to an integer edge list (read_csv -> UNION of sources and targets numbered by
# row_number() -> two joins), on the same threads, in one run. Needs `pip install duckdb`.
#
#   python benchmarks/ingest_vs_duckdb.py --links 1000000 --domains 20000 --threads 2
#   python benchmarks/ingest_vs_duckdb.py --links 10000000 --domains 200000 --threads 2
#   add --snapshot for `score --snapshot` on a web snapshot of the same file; --no-duckdb to skip it
#   add --repeat N for N rounds, the order of the two programs alternating, and the median ratio
"""Times linkequity score and DuckDB's edge-list ingest on the same link file."""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

STAGE = re.compile(r"(read|graphs|pagerank|counts|write|total|normalise|intern|number) "
                   r"((?:\d+ min \d+ s)|(?:[\d.]+ (?:s|ms|µs)))")
COLUMNS = ("read", "normalise", "intern", "number", "graphs", "pagerank", "counts", "write")


def seconds(text):
    """'1.5 s', '350 ms', '2 min 05 s' -> seconds."""
    m = re.fullmatch(r"(\d+) min (\d+) s", text)
    if m:
        return 60 * int(m.group(1)) + int(m.group(2))
    value, unit = text.split()
    return float(value) * {"s": 1.0, "ms": 1e-3, "µs": 1e-6}[unit]


def run_child(cmd):
    """Runs cmd; returns its stdout, wall seconds, and its own CPU seconds and peak RSS (KiB):
    os.wait4 gives this child's usage, not the maximum over every child so far."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        pid = os.posix_spawnp(cmd[0], cmd, os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, out.fileno(), 1)])
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - t0
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{' '.join(cmd)} failed (exit status {os.waitstatus_to_exitcode(status)})")
        out.seek(0)
        return out.read().decode(), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def run_linkequity(binary, args, threads, out_dir):
    """Runs `score ARGS`; returns wall time, CPU time, peak RSS and the stage times it prints
    (the `timings` and `reading` lines)."""
    out, wall, cpu, rss = run_child([binary, "score", *args, "--out", out_dir,
                                     "--threads", str(threads)])
    lines = [l for l in out.splitlines() if l.startswith(("timings", "reading"))]
    stages = {k: seconds(v) for line in lines for k, v in STAGE.findall(line)}
    return wall, cpu, rss, stages


def run_duckdb(path, threads):
    """DuckDB: CSV -> dense ids of the distinct URLs -> integer edge list, in a child Python
    process (like `score`, a fresh process each round, and this process stays small: a child's
    peak RSS as wait4 reports it includes its parent's when the parent was large). Returns the
    seconds of the ingest and of its read_csv, the edges and URLs, and the child's peak RSS."""
    out, _, _, rss = run_child([sys.executable, os.path.abspath(__file__), "--duckdb-child",
                                path, "--threads", str(threads)])
    total, t_read, edges, urls = out.split()
    return float(total), float(t_read), int(edges), int(urls), rss


def duckdb_child(path, threads):
    """The child of run_duckdb: times the ingest from an open connection (import and connect
    not counted) and prints `total read edges urls`."""
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
    print(total, t_read, edges, urls)


def row(name, wall, cpu, rss, st):
    cells = [f"{st[k]:.2f} s" if k in st else "" for k in COLUMNS]
    return f"| {name} | " + " | ".join(cells) + f" | {wall:.2f} s | {cpu:.2f} s | {rss / 1024:.0f} MB |"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bin", default="build/release/src/cli/linkequity")
    ap.add_argument("--links", type=int, default=1_000_000)
    ap.add_argument("--domains", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--file", help="link file to use (generated with --links/--domains when missing)")
    ap.add_argument("--snapshot", action="store_true",
                    help="also write a web snapshot of the file and time `score --snapshot` on it")
    ap.add_argument("--no-duckdb", action="store_true", help="skip DuckDB (stage times only)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds of both programs, the order alternating (DuckDB first in the "
                         "even-numbered rounds); prints the median ratio")
    ap.add_argument("--duckdb-child", metavar="FILE", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.duckdb_child:
        duckdb_child(args.duckdb_child, args.threads)
        return 0
    if args.repeat < 1:
        ap.error(f"--repeat {args.repeat}: expected a number of rounds >= 1")
    path = args.file or os.path.join(tempfile.gettempdir(), f"links_{args.links}_{args.seed}.csv")
    if not os.path.exists(path):
        subprocess.run([args.bin, "generate", "--domains", str(args.domains), "--links",
                        str(args.links), "--seed", str(args.seed), "--out", path],
                       check=True, stdout=subprocess.DEVNULL)
    size = os.path.getsize(path)
    ratios = []
    for r in range(args.repeat):
        if args.repeat > 1:
            print(f"round {r + 1} of {args.repeat}")
        # Rounds 2, 4, ... run DuckDB first: neither program always runs right after the other.
        ratios += one_round(args, path, size, duckdb_first=r % 2 == 1)
    if len(ratios) > 1:
        ratios.sort()
        print(f"score total / DuckDB over {len(ratios)} rounds: median "
              f"{statistics.median(ratios):.2f}x (from {ratios[0]:.2f}x to {ratios[-1]:.2f}x)")
    return 0


def one_round(args, path, size, duckdb_first):
    """Runs both programs once and prints the round's table; returns [score total / DuckDB]
    (empty with --no-duckdb)."""
    rows = []
    duck = None
    if not args.no_duckdb and duckdb_first:
        duck = run_duckdb(path, args.threads)
    with tempfile.TemporaryDirectory() as out:
        wall, cpu, rss, st = run_linkequity(args.bin, [path], args.threads, out)
        rows.append(row("linkequity score", wall, cpu, rss, st))
        if args.snapshot:
            snap = os.path.join(out, "web.lqs")
            _, s_wall, s_cpu, s_rss = run_child([args.bin, "snapshot", "--web", path, "--out", snap,
                                                 "--threads", str(args.threads)])
            rows.append(f"| `snapshot --web` (once) | | | | | | | | | {s_wall:.2f} s | {s_cpu:.2f} s "
                        f"| {s_rss / 1024:.0f} MB |")
            w2, c2, r2, st2 = run_linkequity(args.bin, ["--snapshot", snap], args.threads,
                                             os.path.join(out, "s2"))
            rows.append(row("linkequity score --snapshot", w2, c2, r2, st2))
    if not args.no_duckdb and duck is None:
        duck = run_duckdb(path, args.threads)
    if duck is not None:
        dk, dk_read, edges, urls, dk_rss = duck
        rows.append(f"| DuckDB ingest ({urls:,} URLs, {edges:,} edges) | {dk_read:.2f} s |"
                    + " |" * (len(COLUMNS) - 1) + f" {dk:.2f} s | | {dk_rss / 1024:.0f} MB |")
    load = os.getloadavg()[0]
    print(f"file {path}: {size / 1e6:.0f} MB; {args.threads} threads; load average {load:.1f} "
          "at the end. normalise and intern run beside the parsing (2+ threads), inside read.")
    print("| | " + " | ".join(COLUMNS) + " | total | CPU | peak RSS |")
    print("|---|" + "---:|" * (len(COLUMNS) + 3))
    print("\n".join(rows))
    rate = f"reading {size / st['read'] / 1e6:.0f} MB/s"
    if duck is None:
        print(rate)
        return []
    print(f"read / DuckDB ingest: {st['read'] / dk:.2f}x; score total / DuckDB: "
          f"{wall / dk:.2f}x; {rate}")
    return [wall / dk]


if __name__ == "__main__":
    sys.exit(main())
