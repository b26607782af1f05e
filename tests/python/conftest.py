# SPDX-License-Identifier: MIT
# Fixtures for the Python tests. They test the *installed* package (pip install .): the source
# tree's bindings/python/linkequity has no compiled _core, and this file fails fast when a
# checkout shadows the installed package.
import os
import pathlib

import numpy as np
import pytest

import linkequity

SOURCE_PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python" / "linkequity"


def pytest_report_header(config):
    return f"linkequity {linkequity.__version__} from {os.path.dirname(linkequity.__file__)}"


@pytest.fixture(scope="session", autouse=True)
def installed_package():
    here = pathlib.Path(linkequity.__file__).resolve().parent
    assert here != SOURCE_PACKAGE, (
        "tests must import the installed package, not the source tree: run pytest from a "
        "directory that does not put bindings/python on sys.path")
    return here


@pytest.fixture
def rng():
    return np.random.default_rng(20240611)


def random_edges(rng, n, m, *, self_loops=True):
    """m random edges (with possible duplicates) over n nodes, as uint32 arrays."""
    src = rng.integers(0, n, size=m, dtype=np.uint32)
    dst = rng.integers(0, n, size=m, dtype=np.uint32)
    if not self_loops:
        keep = src != dst
        src, dst = src[keep], dst[keep]
    return src, dst


@pytest.fixture
def small_graph():
    """0 -> 1 -> 2 -> 0, 2 -> 3 (3 is a sink)."""
    return linkequity.Graph.from_edges(np.array([0, 1, 2, 2], dtype=np.uint32),
                                       np.array([1, 2, 0, 3], dtype=np.uint32))
