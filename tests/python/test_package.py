# SPDX-License-Identifier: MIT
"""Package metadata, exports, typing files and the exception mapping of _core."""
import importlib.metadata
import pathlib

import pytest

import linkequity
from linkequity import _core


def test_version_comes_from_pyproject():
    assert linkequity.__version__ == "0.1.0"
    assert linkequity.__version__ == importlib.metadata.version("linkequity")
    assert _core.__version__ == linkequity.__version__


def test_exports_have_docstrings():
    for name in linkequity.__all__:
        obj = getattr(linkequity, name)
        if name == "__version__":
            continue
        assert obj.__doc__ and obj.__doc__.strip(), name
    for name in ["kronecker", "kronecker_edges", "erdos_renyi", "erdos_renyi_edges"]:
        assert getattr(linkequity.generate, name).__doc__
    for name in ["from_edges", "from_networkx", "to_networkx", "to_scipy", "edges", "out_degree",
                 "in_degree", "weights", "flags", "node_id", "as_dict"]:
        assert getattr(linkequity.Graph, name).__doc__, name
    for name in ["scores", "history", "iterations", "residual", "converged", "seconds"]:
        assert getattr(linkequity.PageRankResult, name).__doc__, name


def test_pagerank_docstring_has_the_equation():
    doc = linkequity.pagerank.__doc__
    assert "x'_i" in doc and "out(j)" in doc and "dangling" in doc


def test_typing_files_are_installed():
    here = pathlib.Path(linkequity.__file__).parent
    assert (here / "py.typed").is_file()
    stub = (here / "_core.pyi").read_text()
    assert "class PageRankResult" in stub and "def pagerank(" in stub


def test_parse_error_is_a_value_error_with_location():
    with pytest.raises(linkequity.ParseError, match=r"^links\.csv:12:7: missing quote$") as e:
        _core._raise_parse_error("links.csv", 12, 7, "missing quote")
    err = e.value
    assert isinstance(err, ValueError)
    assert (err.path, err.line, err.column, err.reason) == ("links.csv", 12, 7, "missing quote")
    assert linkequity.ParseError.__module__ == "linkequity"
    assert "path" in linkequity.ParseError.__doc__


def test_parse_error_without_line():
    with pytest.raises(ValueError, match=r"^snap\.bin: truncated$") as e:
        _core._raise_parse_error("snap.bin", 0, 0, "truncated")
    assert e.value.line == 0 and e.value.column == 0


def test_graph_constructor_is_private():
    with pytest.raises(TypeError, match="from_edges"):
        linkequity.Graph(object())
