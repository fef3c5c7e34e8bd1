"""Build the data of a parsed YAML tree directly, as PyYAML's constructor would.

PyYAML composes the node tree in C (libyaml) but constructs the data in Python, through a
general machine (a state per node, generators for collections, a hook per object) that costs
about as much as the parsing itself. Our data is plain: mappings, lists and scalars of the
standard tags. `build` walks the tree once, calling the loader's own constructor for each
scalar that is not text, and gives up (returns NOT_PLAIN) on anything else: another tag, a
merge key, a key that is not a scalar, a repeated key (the loader records it), a node that
contains itself, or any error (the loader reports it, placed). The caller then constructs the
usual way, so the data, the problems and their places are exactly the loader's (issue 14:
`validate` took 1.4 times a plain `yaml.load`).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

_STD = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _STD + "str", _STD + "map", _STD + "seq"
_SPECIAL = {_STR, _MAP, _SEQ, _STD + "binary", _STD + "omap", _STD + "pairs", _STD + "set"}
NOT_PLAIN = object()
"""What `build` returns when the document needs the loader's own constructor."""


class _NotPlain(Exception):
    pass


_BUSY = object()


def build(loader: yaml.BaseLoader, node: yaml.Node) -> Any:
    """The data of *node*, or NOT_PLAIN."""
    constructors = type(loader).yaml_constructors
    if constructors.get(_STR) is not yaml.SafeLoader.yaml_constructors[_STR]:
        return NOT_PLAIN  # text would not be the node's value
    scalars = {
        tag: f
        for tag, f in constructors.items()
        if tag and tag.startswith(_STD) and tag not in _SPECIAL
    }
    try:
        return _walk(node, _Walk(loader, scalars, {}))
    except Exception:  # any problem: the loader's constructor reports it, placed
        return NOT_PLAIN


class _Walk:
    """What a walk needs. (A nested function that calls itself would be a reference cycle,
    which keeps the whole document alive while the cycle collector is paused.)"""

    __slots__ = ("loader", "scalars", "memo")

    def __init__(self, loader: yaml.BaseLoader, scalars: dict[str, Any], memo: dict[int, Any]):
        self.loader, self.scalars, self.memo = loader, scalars, memo

    def scalar(self, n: ScalarNode) -> Any:
        if n.tag == _STR:
            return n.value
        f = self.scalars.get(n.tag)
        if f is None:
            raise _NotPlain
        return f(self.loader, n)


def _walk(n: Any, w: _Walk) -> Any:
    cls = n.__class__
    if cls is ScalarNode:
        return w.scalar(n)
    key = id(n)
    found = w.memo.get(key)
    if found is not None:  # an alias: the same object, as PyYAML gives
        if found is _BUSY:
            raise _NotPlain
        return found
    w.memo[key] = _BUSY
    value: Any
    if cls is MappingNode and n.tag == _MAP:
        value = {}
        for k, v in n.value:
            if k.__class__ is not ScalarNode:
                raise _NotPlain
            value[w.scalar(k)] = _walk(v, w)
        if len(value) != len(n.value):  # a repeated key
            raise _NotPlain
    elif cls is SequenceNode and n.tag == _SEQ:
        value = [_walk(v, w) for v in n.value]
    else:
        raise _NotPlain
    w.memo[key] = value
    return value
