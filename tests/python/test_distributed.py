# SPDX-License-Identifier: MIT
# linkequity.distributed (mpi4py): on however many ranks run it (plain pytest: 1; CI also runs
# `mpirun -np 2 python -m pytest tests/python/test_distributed.py`), the ranks' slices put
# together equal single-process linkequity.pagerank of the same graph (also personalised, with the
# vector whole or as each rank's slice, and TrustRank), and a rank count that does not match the
# parts or a bad vector on one rank raises on every rank.
import os
import shutil
import tempfile

import numpy as np
import pytest

MPI = pytest.importorskip("mpi4py.MPI")
import linkequity  # noqa: E402
from linkequity import distributed  # noqa: E402

COMM = MPI.COMM_WORLD


def sample_graph(n=400):
    """Weighted, flagged, with dangling nodes: i links to 7i+3 and 13i+1 (mod n), every 17th
    node has no out-links, every 5th link is nofollow."""
    src, dst, w, f = [], [], [], []
    for i in range(n):
        if i % 17 == 0:
            continue
        for t, wt in (((7 * i + 3) % n, i % 5 + 1), ((13 * i + 1) % n, 0.5)):
            if t == i:
                continue
            src.append(i), dst.append(t), w.append(wt)
            f.append(int(linkequity.Flag.NOFOLLOW) if len(src) % 5 == 0 else 0)
    return linkequity.Graph.from_edges(np.array(src), np.array(dst), num_nodes=n,
                                       weights=np.array(w, dtype=np.float32),
                                       flags=np.array(f, dtype=np.uint8))


@pytest.fixture(scope="module")
def shared_dir():
    path = tempfile.mkdtemp(prefix="linkequity-dist-") if COMM.rank == 0 else None
    path = COMM.bcast(path, root=0)
    yield path
    COMM.Barrier()
    if COMM.rank == 0:
        shutil.rmtree(path, ignore_errors=True)


def written(graph, directory, parts):
    if COMM.rank == 0:
        distributed.save_partitions(graph, directory, parts)
    COMM.Barrier()
    return directory


@pytest.mark.parametrize("options", [
    {},
    {"damping": 0.7, "tolerance": 1e-13},
    {"weighted": False},
    {"excluded_links": "evaporate"},
    {"excluded": 0},
])
def test_slices_equal_single_process_pagerank(shared_dir, options):
    g = sample_graph()
    d = written(g, os.path.join(shared_dir, "g"), COMM.size)
    part = distributed.open_part(d)
    assert (part.first, part.last) == (int(part.bounds[COMM.rank]), int(part.bounds[COMM.rank + 1]))
    r = distributed.pagerank(part, **options)
    assert len(r.scores) == part.last - part.first
    everything = np.concatenate(COMM.allgather(r.scores))
    single = linkequity.pagerank(g, **options)
    assert r.iterations == single.iterations
    assert r.converged == single.converged
    assert np.abs(everything - np.asarray(single.scores)).sum() < 1e-12
    assert abs(everything.sum() - 1) < 1e-12


def personalization_vector(n):
    """Unequal weights with zeros (pagerank normalises it)."""
    return np.array([0.0 if (7 * i + 3) % 5 == 0 else 0.25 + (3 * i) % 9 for i in range(n)])


@pytest.mark.parametrize("how", ["whole", "slice"])
@pytest.mark.parametrize("dangling", ["personalization", "uniform"])
def test_personalization_whole_or_as_slices(shared_dir, how, dangling):
    # 9,000 nodes: three blocks of 4,096 to cut at, so up to 3 ranks hold nodes.
    g = sample_graph(9000)
    d = written(g, os.path.join(shared_dir, "pers"), COMM.size)
    part = distributed.open_part(d)
    v = personalization_vector(g.num_nodes)
    given = v if how == "whole" else v[part.first:part.last]
    r = distributed.pagerank(part, personalization=given, dangling=dangling,
                             excluded_links="evaporate")
    everything = np.concatenate(COMM.allgather(r.scores))
    single = linkequity.pagerank(g, personalization=v, dangling=dangling,
                                 excluded_links="evaporate")
    assert r.iterations == single.iterations
    assert np.abs(everything - np.asarray(single.scores)).sum() < 1e-12


def test_trustrank_seeds_as_slices(shared_dir):
    g = sample_graph(9000)
    d = written(g, os.path.join(shared_dir, "trust"), COMM.size)
    part = distributed.open_part(d)
    seeds = [5, 100, 4500, 8000]
    v = np.zeros(g.num_nodes)
    v[seeds] = 1.0
    r = distributed.pagerank(part, personalization=v[part.first:part.last])
    everything = np.concatenate(COMM.allgather(r.scores))
    single = linkequity.trustrank(g, seeds)
    assert np.abs(everything - np.asarray(single.scores)).sum() < 1e-12


def test_bad_personalization_fails_on_every_rank(shared_dir):
    g = sample_graph()
    d = written(g, os.path.join(shared_dir, "badpers"), COMM.size)
    part = distributed.open_part(d)
    v = personalization_vector(g.num_nodes)[part.first:part.last]
    if COMM.rank == COMM.size - 1:
        v = np.append(v, 1.0)  # one entry too many on the last rank only
    with pytest.raises((ValueError, RuntimeError)):
        distributed.pagerank(part, personalization=v)
    with pytest.raises(ValueError, match="sums to 0"):
        distributed.pagerank(part, personalization=np.zeros(g.num_nodes))


def test_rank_count_must_match_the_parts(shared_dir):
    d = written(sample_graph(), os.path.join(shared_dir, "wrong"), COMM.size + 1)
    with pytest.raises(ValueError, match=f"has {COMM.size + 1} parts, but {COMM.size} ranks"):
        distributed.open_part(d)


def test_missing_part_fails_on_every_rank(shared_dir):
    d = written(sample_graph(), os.path.join(shared_dir, "missing"), COMM.size)
    COMM.Barrier()
    if COMM.rank == 0:
        os.remove(os.path.join(d, f"part-{COMM.size - 1:05}-of-{COMM.size:05}.lqs"))
    COMM.Barrier()
    with pytest.raises((OSError, RuntimeError)):
        distributed.open_part(d)
