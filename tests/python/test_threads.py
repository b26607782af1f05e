# SPDX-License-Identifier: MIT
"""Threading: the GIL is released during compute calls, Ctrl-C stops a run, progress callbacks,
and identical scores on 1 and 2 OpenMP threads."""
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest

import linkequity
from linkequity import pagerank


@pytest.fixture(scope="module")
def big_graph():
    return linkequity.generate.kronecker(16, edge_factor=8, seed=11)


@pytest.fixture(scope="module")
def slow_ring():
    """A 2^20-node two-way ring and a start on one node: mixing takes ~n^2 iterations, so an
    unreachable tolerance is never met by an exact floating-point fixed point (the Kronecker graph
    reaches residual 0 after ~58 iterations since the reductions are compensated)."""
    n = 1 << 20
    i = np.arange(n, dtype=np.uint32)
    j = ((i + 1) % n).astype(np.uint32)
    g = linkequity.Graph.from_edges(np.concatenate([i, j]), np.concatenate([j, i]), num_nodes=n)
    start = np.zeros(n)
    start[0] = 1.0
    return g, start


def test_gil_is_released_during_pagerank(slow_ring):
    counter = [0]
    stop = threading.Event()
    started = threading.Event()

    def spin():
        started.set()
        while not stop.is_set():
            counter[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    started.wait()
    try:
        before = counter[0]
        r = pagerank(slow_ring[0], tolerance=1e-300, max_iterations=60, start=slow_ring[1])
        during = counter[0] - before
    finally:
        stop.set()
        t.join()
    assert r.iterations == 60
    # Had the call held the GIL for its whole duration, the spinning thread could not have run.
    assert during > 1000, (during, r.seconds)


def test_gil_is_released_during_from_edges():
    n, src, dst = linkequity.generate.kronecker_edges(17, edge_factor=8)
    src64, dst64 = src.astype(np.int64), dst.astype(np.int64)  # forces the converting path too
    counter = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            counter[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    try:
        time.sleep(0.01)
        before = counter[0]
        linkequity.Graph.from_edges(src64, dst64, num_nodes=n)
        during = counter[0] - before
    finally:
        stop.set()
        t.join()
    assert during > 1000


def test_concurrent_pagerank_calls_agree(big_graph):
    results = [None] * 4

    def run(i):
        results[i] = pagerank(big_graph, tolerance=1e-12, max_iterations=200).scores

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in results[1:]:  # reductions may be ordered differently; per-node sums are not
        np.testing.assert_allclose(s, results[0], rtol=0, atol=1e-15)


def test_progress_callback_and_cancel(big_graph):
    seen = []

    def cb(it, total, residual, tol):
        seen.append((it, total, residual, tol))
        return it < 5  # returning False stops the run

    r = pagerank(big_graph, tolerance=1e-300, max_iterations=50, progress=cb)
    assert r.cancelled and not r.converged and r.iterations == 5
    assert [s[0] for s in seen] == [1, 2, 3, 4, 5]
    assert seen[0][1] == 50 and seen[0][3] == 1e-300
    np.testing.assert_allclose([s[2] for s in seen], r.history)
    none_returned = pagerank(big_graph, tolerance=1e-300, max_iterations=7,
                             progress=lambda *a: None)
    assert none_returned.iterations == 7 and not none_returned.cancelled


def test_exception_in_progress_callback_propagates(big_graph):
    def cb(it, *_):
        if it == 3:
            raise RuntimeError("stop at 3")

    with pytest.raises(RuntimeError, match="stop at 3"):
        pagerank(big_graph, tolerance=1e-300, max_iterations=50, progress=cb)


def test_progress_bar(big_graph, capsys):
    r = pagerank(big_graph, tolerance=1e-300, max_iterations=20, progress=True)
    assert r.iterations == 20
    err = capsys.readouterr().err
    assert "pagerank" in err  # tqdm bar, or the plain stderr line without tqdm


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_interrupts_cleanly(big_graph, slow_ring):
    done = threading.Event()

    def interrupt():
        time.sleep(0.3)
        if not done.is_set():
            os.kill(os.getpid(), signal.SIGINT)

    t = threading.Thread(target=interrupt)
    # A process started in the background by a non-interactive shell inherits SIGINT ignored,
    # and Python then leaves it ignored: the run would never be interrupted. Ctrl-C's handler
    # for the duration of the test.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    t0 = time.perf_counter()
    t.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            # a ring mixing from one node converges so slowly that this would run for hours
            pagerank(slow_ring[0], damping=0.999999, tolerance=1e-300, max_iterations=10**9,
                     start=slow_ring[1])
    finally:
        done.set()
        t.join()
        signal.signal(signal.SIGINT, previous)
    assert time.perf_counter() - t0 < 5.0
    assert pagerank(big_graph, max_iterations=3).iterations == 3  # still usable afterwards


SCRIPT = textwrap.dedent("""
    import sys, numpy as np, linkequity
    g = linkequity.generate.kronecker(16, edge_factor=8, seed=3)
    w = linkequity.Graph.from_edges(*g.edges(), num_nodes=g.num_nodes,
                                    weights=np.arange(g.num_edges) % 7 + 1)
    a = linkequity.pagerank(g, tolerance=1e-12, max_iterations=300).scores
    b = linkequity.pagerank(w, tolerance=1e-12, max_iterations=300,
                            personalization=np.arange(g.num_nodes) % 3).scores
    np.save(sys.argv[1], np.concatenate([a, b]))
""")


def test_one_and_two_threads_agree(tmp_path):
    out = {}
    for threads in (1, 2):
        path = tmp_path / f"scores{threads}.npy"
        env = dict(os.environ, OMP_NUM_THREADS=str(threads))
        subprocess.run([sys.executable, "-c", SCRIPT, str(path)], check=True, env=env,
                       cwd=tmp_path)
        out[threads] = np.load(path)
    assert np.max(np.abs(out[1] - out[2])) <= 1e-12
