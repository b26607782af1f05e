#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""linkequity quickstart: build a graph from NumPy arrays, score it, map results back.

    pip install .            # from the repository root
    python examples/python/quickstart.py
"""
import numpy as np

import linkequity
from linkequity import Flag, Graph, pagerank

# 1. A graph from edge arrays (uint32 arrays are read in place). Page 3 is a sink; the link
#    2 -> 4 is nofollow, so it passes nothing (docs/scores.md, "Followable links").
src = np.array([0, 1, 2, 2, 4, 4], dtype=np.uint32)
dst = np.array([1, 2, 0, 4, 0, 3], dtype=np.uint32)
flags = np.array([0, 0, 0, Flag.NOFOLLOW, 0, 0], dtype=np.uint8)
g = Graph.from_edges(src, dst, flags=flags)
print(g, "out-degrees", g.out_degree())

r = pagerank(g, max_iterations=500)  # damping 0.85, tolerance 1e-10
print(r)
print("scores", np.round(r.scores, 4), "sum", r.scores.sum())

# 2. Personalised PageRank (a dict maps node -> weight; missing nodes get 0).
topic = pagerank(g, personalization={0: 1.0})
print("personalised on node 0:", np.round(topic.scores, 4))

# 3. A networkx graph keeps its labels; results map back with as_dict().
try:
    import networkx as nx

    G = nx.DiGraph([("home", "about"), ("about", "home"), ("blog", "home"), ("home", "blog")])
    lg = Graph.from_networkx(G)
    print(lg.as_dict(pagerank(lg).scores))
except ImportError:
    pass

# 4. A synthetic Kronecker graph: a million edges in well under a second.
big = linkequity.generate.kronecker(16, edge_factor=16, seed=1)
res = pagerank(big, tolerance=1e-9)
print(big, f"{res.iterations} iterations in {res.seconds:.3f} s, converged={res.converged}")
top = np.argsort(res.scores)[::-1][:5]
print("top nodes", top, np.round(res.scores[top], 6))

# 5. max_iterations is a budget, not an error: the k-th iterate comes back unconverged.
partial = pagerank(big, tolerance=1e-15, max_iterations=5)
print("after 5 iterations: converged =", partial.converged, "residual", f"{partial.residual:.2e}")

# 6. The web model: page and domain authority as pandas DataFrames.
web = linkequity.generate.web(domains=200, links=20000, seed=7)
print(web)
print(web.domain_authority()[["domain", "authority", "referring_domains", "pages"]].head())
