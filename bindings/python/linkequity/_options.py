# SPDX-License-Identifier: MIT
"""Python's face of the C++ option tables (``_core.*Options.fields()``): keyword arguments
checked and converted through a table (unknown ones rejected, old enum spellings accepted with
a DeprecationWarning), and the docstring section and signature a keyword function gets from it.
A function taking a new options class gets all three by calling these with that class."""
from __future__ import annotations

import inspect
import textwrap
import warnings
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional

_Field = Dict[str, Any]


def fields(cls: Any, *, skip: Iterable[str] = ()) -> List[_Field]:
    """The table of an options class, without the names in ``skip``."""
    skipped = set(skip)
    return [f for f in cls.fields() if f["name"] not in skipped]


def _shorthands(who: str, kwargs: Mapping[str, Any], evaporate: bool,
                table: Mapping[str, _Field]) -> Dict[str, Any]:
    """Python's conveniences on top of a table, as table options: ``evaporate=True`` is
    ``excluded_links="evaporate"`` (a contradicting ``excluded_links`` is a ValueError), and a
    ``dangling`` given as an array or dict is ``dangling="vector"`` with that
    ``dangling_distribution``."""
    kwargs = dict(kwargs)
    if evaporate:
        if "excluded_links" not in table:
            raise TypeError(f"{who}: unexpected option 'evaporate'")
        if kwargs.get("excluded_links", "evaporate") != "evaporate":
            raise ValueError(f"{who}: evaporate=True contradicts excluded_links="
                             f"{kwargs['excluded_links']!r}")
        kwargs["excluded_links"] = "evaporate"
    dangling = kwargs.get("dangling")
    if "dangling_distribution" in table and dangling is not None and not isinstance(dangling, str):
        kwargs["dangling"] = "vector"
        kwargs["dangling_distribution"] = dangling
    return kwargs


def build(cls: Any, who: str, kwargs: Mapping[str, Any], *, evaporate: bool = False,
          node_vector: Optional[Callable[[Any, str], Any]] = None, stacklevel: int = 3) -> Any:
    """An instance of ``cls`` with every keyword of ``kwargs`` set through its table. ``None``
    leaves a choice or a per-node vector at its default; ``node_vector(value, name)`` turns
    per-node values (dicts, labels) into arrays; ``evaporate`` and an array ``dangling`` are
    the shorthands of :func:`_shorthands`. Raises TypeError for an unknown keyword and
    ValueError/TypeError (naming the option, the value and what is allowed) for a bad value;
    warns (DeprecationWarning, at the caller ``stacklevel`` frames up) for an old spelling."""
    options = cls()
    table = {f["name"]: f for f in cls.fields()}
    kwargs = _shorthands(who, kwargs, evaporate, table)
    for name, value in kwargs.items():
        f = table.get(name)
        if f is None:
            raise TypeError(f"{who}: unexpected option {name!r}; the options are "
                            + ", ".join(table))
        if value is None and f["kind"] in ("choice", "node_vector", "spec"):
            continue
        if f["kind"] == "node_vector" and node_vector is not None:
            value = node_vector(value, name)
        deprecation = options.set(name, value)
        if deprecation:
            warnings.warn(deprecation, DeprecationWarning, stacklevel=stacklevel)
    return options


def _describe(f: _Field) -> str:
    text = f["help"].rstrip(".")
    if f["kind"] == "choice":
        text += "; one of " + ", ".join(f"``{c!r}``" for c in f["choices"])
        if f["deprecated"]:
            text += " (deprecated: " + ", ".join(
                f"{old!r} for {new!r}" for old, new in f["deprecated"].items()) + ")"
    elif f["kind"] == "spec":
        text += ("; None/False = off, True = the defaults, a spec string "
                 "(``'footer=0.1,sidebar=0.4'``) or a dict")
    elif f["kind"] == "flags":
        text += "; a :class:`Flag` mask or flag names (``'nofollow,ugc'``, ``'none'``)"
    elif f["range"] and f["range"] != ">= 0":
        text += f"; {f['range']}"
    if f["kind"] == "node_vector":
        text += ". An array of length n or a ``{node: weight}`` dict (missing nodes 0)"
    else:
        default = f["default"]
        text += f". Default ``{default!r}``" if f["kind"] != "flags" else \
            f". Default ``{_flag_names(default)}``"
    return text + "."


def _flag_names(mask: int) -> str:
    from ._graph import Flag

    names = [flag.name.lower() for flag in Flag
             if flag.value and flag.value & (flag.value - 1) == 0 and mask & flag.value]
    return ",".join(names) or "none"


def document(table: List[_Field], indent: int = 8) -> str:
    """The "name: help; allowed values. Default x." lines of a docstring's Args section."""
    lines: List[str] = []
    for f in table:
        body = textwrap.wrap(f"{f['name']}: {_describe(f)}", width=96 - indent,
                             subsequent_indent="    ", break_on_hyphens=False)
        lines += [" " * indent + line for line in body]
    return "\n".join(lines).lstrip()


def signature(first: List[inspect.Parameter], table: List[_Field],
              extra: List[inspect.Parameter]) -> inspect.Signature:
    """``first``, then one keyword-only parameter per field (its default; None for per-node
    vectors), then ``extra``: what help() and IDEs show for a ``**options`` function."""
    params = list(first)
    for f in table:
        default = None if f["kind"] == "node_vector" else f["default"]
        params.append(inspect.Parameter(f["name"], inspect.Parameter.KEYWORD_ONLY,
                                        default=default))
    return inspect.Signature(params + list(extra))
