#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Size sweep of linkequity's PageRank (not a test): one command, 10^5 … 10^9 edges.

    python benchmarks/sweep.py [--bench build/release/benchmarks/bench_pagerank]
                               [--scales 13,16,19,22,24,26] [--out benchmarks/results/sweep]
                               [--tolerance 1e-9] [--by-degree-max-scale 24]

For each Kronecker scale (edge factor 16, directed, Graph500 parameters, fixed seed) it runs
bench_pagerank once to the tolerance and collects: build time, per-iteration time, iterations,
ns/edge/iteration, peak RSS and bytes per edge. Scales from --stream-min-scale up are built
with the memory-lean streaming builder (generator replayed, no edge list held). Scales up to
--by-degree-max-scale, and every streamed scale (renumbered by the builder), also run with the
degree node order. Writes <out>.json, <out>.md (a
markdown table) and <out>.png (time per iteration and peak memory against edges; matplotlib).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile


def run_bench(bench: str, scale: int, args, extra: list[str]) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        path = f.name
    cmd = [bench, "--scale", str(scale), "--edge-factor", "16", "--trials", "1",
           "--tolerance", str(args.tolerance), "--max-iterations", "1000", "--json", path] + extra
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    with open(path) as f:
        data = json.load(f)
    os.unlink(path)
    data["command"] = " ".join(["bench_pagerank"] + cmd[1:-2])
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", default="build/release/benchmarks/bench_pagerank")
    ap.add_argument("--scales", default="13,16,19,22,24,26")
    ap.add_argument("--tolerance", type=float, default=1e-9)
    ap.add_argument("--stream-min-scale", type=int, default=25)
    ap.add_argument("--by-degree-max-scale", type=int, default=24)
    ap.add_argument("--out", default="benchmarks/results/sweep")
    args = ap.parse_args()
    if not os.access(args.bench, os.X_OK):
        print(f"sweep: {args.bench} not found; build with cmake first", file=sys.stderr)
        return 2
    rows = []
    for scale in (int(s) for s in args.scales.split(",")):
        extra = ["--stream"] if scale >= args.stream_min_scale else []
        row = run_bench(args.bench, scale, args, extra)
        row["order"] = "as built"
        rows.append(row)
        # Streamed scales are renumbered by the builder itself (no relabelled copy).
        if scale <= args.by_degree_max_scale or scale >= args.stream_min_scale:
            row = run_bench(args.bench, scale, args, extra + ["--by-degree"])
            row["order"] = "by degree"
            rows.append(row)
    machine = {"machine": platform.machine(), "cpus": os.cpu_count(),
               "threads": os.environ.get("OMP_NUM_THREADS", str(os.cpu_count()))}
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out + ".json", "w") as f:
        json.dump({"machine": machine, "tolerance": args.tolerance, "runs": rows}, f, indent=2)

    lines = [f"Kronecker graphs, edge factor 16, to L1 tolerance {args.tolerance:g}, "
             f"{machine['threads']} threads ({machine['cpus']} cpus, {machine['machine']}).", "",
             "| scale | edges | order | build s | ms/iteration | iterations | ns/edge/it "
             "| peak RSS MB | bytes/edge |",
             "|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(
            f"| {int(r['scale'])} | {int(r['edges']):,} | {r['order']}"
            f"{' (streamed, lean)' if 'streamed' in r['graph'] else ''} | "
            f"{r['build_seconds']:.2f} | {r['ms_per_iteration']:.2f} | "
            f"{int(r.get('iterations', 0)) or '-'} | {r['ns_per_edge_iteration']:.3f} | "
            f"{r['peak_rss_bytes'] / 1e6:,.0f} | {r['peak_rss_bytes_per_edge']:.2f} |")
    with open(args.out + ".md", "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("sweep: matplotlib missing, no plot", file=sys.stderr)
        return 0
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
    for order, marker in (("as built", "o"), ("by degree", "s")):
        sel = [r for r in rows if r["order"] == order]
        if not sel:
            continue
        e = [r["edges"] for r in sel]
        a.plot(e, [r["ns_per_edge_iteration"] for r in sel], marker=marker, label=order)
        b.plot(e, [r["peak_rss_bytes_per_edge"] for r in sel], marker=marker, label=order)
    for ax, title in ((a, "time per edge per iteration (ns)"), (b, "peak RSS (bytes per edge)")):
        ax.set_xscale("log")
        ax.set_xlabel("edges")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
    fig.suptitle("linkequity PageRank, Kronecker edge factor 16")
    fig.tight_layout()
    fig.savefig(args.out + ".png", dpi=120)
    print(f"wrote {args.out}.json, {args.out}.md, {args.out}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
