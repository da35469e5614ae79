"""A catalogue's YAML read into Python values, with the line of every key path.

PyYAML composes the file into nodes (``yaml.compose``, libyaml's parser when present);
a walk over the nodes then builds the values as PyYAML's SafeConstructor would, and
notes where each key and item is written and what is wrong with it. Imported only when
a catalogue is parsed and checked: a run whose catalogue comes from the cache
(:mod:`iku_cli.loading.catalogue_cache`) does not pay for importing PyYAML.

Limits, so that no file can make iku build without end:

- ``MAX_NODES`` nodes written in the file. A text longer than half of it is counted
  from the parser's events before it is composed (no YAML construct writes more than
  one node per character, so a shorter text cannot reach it).
- ``MAX_ALIAS_NODES`` nodes built again through aliases. The composer keeps one node
  per anchor, however many aliases point at it, so an alias bomb ("billion laughs")
  composes in no time; the walk counts what each alias repeats and stops there.
- ``MAX_DEPTH`` levels of nesting, a value that holds itself included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..core.catalogue import (
    _RAW_TEXT_KEYS,
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_NODES,
    Path_,
    format_path,
)
from ..core.catalogue_checks import _shown_number
from ..core.errors import CatalogueError, CatalogueProblem
from ..outputs.safety import has_control, printable

_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_UNSET = object()


@dataclass
class _Tree:
    """A YAML document as Python values, with the line of every key path."""

    data: Any
    # the line of each key of a mapping and of each item of a list, by the mapping's or
    # list's path: a small dict per collection, not an entry per key path
    keys: dict[Path_, dict[str, int]]
    items: dict[Path_, dict[int, int]]
    root: int | None

    def line(self, path: Path_) -> int | None:
        """The line of ``path``, else of the nearest path around it the file writes."""
        while path:
            parent, last = path[:-1], path[-1]
            if isinstance(last, int):
                items = self.items.get(parent)
                if items is not None and last in items:
                    return items[last]
            else:
                keys = self.keys.get(parent)
                if keys is not None and last in keys:
                    return keys[last]
            path = parent
        return self.root


class _TooManyNodes(Exception):
    pass


class _Stop(Exception):
    """Building stops, with the problem to say."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _line(node: yaml.Node) -> int:
    line: int = node.start_mark.line + 1
    return line


class _Walk:
    """Python values, the line of every key path and the problems, from composed nodes.

    The composer gives every alias the very node of its anchor; a node met a second
    time is therefore an alias, and what it holds is built again as a copy (with the
    anchor's lines) and counted against MAX_ALIAS_NODES: each node under the alias,
    and the alias's own node when it lies inside another alias's copy.
    """

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.keys: dict[Path_, dict[str, int]] = {}  # see _Tree
        self.items: dict[Path_, dict[int, int]] = {}
        self.problems: list[CatalogueProblem] = []
        self.seen: set[int] = set()  # the collections built once already
        self.repeated = 0
        # a control character in a value is written either raw (line breaks aside, which
        # YAML reads as "\n") or as a backslash escape: without either, no value holds one
        self.controls = "\\" in text or has_control(text.replace("\r", ""))
        # (tag, text) -> value, for the texts a catalogue writes many times (`true`, `1`)
        self.built: dict[tuple[str, str], Any] = {}
        self.constructor = yaml.constructor.SafeConstructor()

    def problem(self, line: int | None, path: Path_, key: str, /, **params: object) -> None:
        self.problems.append(CatalogueProblem(self.file, line, format_path(path), key, params))

    def value(self, node: yaml.Node, path: Path_, raw: bool, depth: int, copy: bool) -> Any:
        """The value of ``node``. ``raw``: a scalar is kept as written; ``copy``: the
        node is built again, inside an alias."""
        if copy:
            self.count()
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path, raw)
        if node.tag not in _PLAIN_TAGS:
            self.problem(_line(node), path, "catalogue.yaml_tag", tag=node.tag)
            return None
        if depth >= MAX_DEPTH:
            # a value that holds itself (`&a [*a]`) reaches it too
            raise _Stop("catalogue.yaml_syntax", detail="nesting too deep")
        if not copy:
            if id(node) in self.seen:
                copy = True  # an alias: its own node is a node the file writes
            else:
                self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth + 1, copy)
        items: list[Any] = []
        lines = self.items.setdefault(path, {})
        for index, item in enumerate(node.value):
            lines.setdefault(index, _line(item))
            items.append(self.value(item, (*path, index), False, depth + 1, copy))
        return items

    def count(self) -> None:
        self.repeated += 1
        if self.repeated > MAX_ALIAS_NODES:
            raise _Stop("catalogue.yaml_too_many_nodes", limit=MAX_ALIAS_NODES)

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int, copy: bool) -> Any:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        lines = self.keys.setdefault(path, {})
        key_path = (*path, "<key>")
        for key_node, value_node in node.value:
            key_line = _line(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                lines.setdefault("<key>", key_line)
            key = self.value(key_node, key_path, False, depth, copy)
            if type(key) is str:
                text = key
            else:
                if isinstance(key, list | dict):
                    key = str(key)
                # mapping keys are always text in a path: `targets.2025`, never `targets[2025]`
                text = str(key)
            if key in first_line:
                # the value is not built: the catalogue is refused for the key anyway
                self.problem(
                    key_line, (*path, key), "catalogue.duplicate_key", key=key,
                    first=first_line[key],
                )  # fmt: skip
                continue
            first_line[key] = key_line
            lines[text] = key_line
            raw = key in _RAW_TEXT_KEYS
            result[key] = self.value(value_node, (*path, text), raw, depth, copy)
        return result

    def scalar(self, node: yaml.ScalarNode, path: Path_, raw: bool) -> Any:
        text: str = node.value
        tag: str = node.tag
        if tag == _STR_TAG:
            if self.controls and has_control(text):
                # "\e]0;..." in a double-quoted string would be an escape sequence on
                # every terminal that shows the catalogue's text
                self.problem(_line(node), path, "catalogue.control_character", text=printable(text))
                return printable(text)
            return text
        if tag not in _PLAIN_TAGS:
            self.problem(_line(node), path, "catalogue.yaml_tag", tag=tag)
            return None
        if raw and tag != _NULL_TAG:
            return text
        known = self.built.get((tag, text), _UNSET)
        if known is not _UNSET:
            return known
        value = self.construct(node, path)
        if value is _UNSET:
            return None
        self.built[tag, text] = value
        return value

    def construct(self, node: yaml.ScalarNode, path: Path_) -> Any:
        """The value of a scalar as SafeConstructor builds it; _UNSET after a problem."""
        text: str = node.value
        tag: str = node.tag
        line = _line(node)
        try:
            # a node of its own: the constructor remembers nodes, a failed one too
            fresh = yaml.ScalarNode(tag, text, node.start_mark, node.end_mark)
            return self.constructor.construct_object(fresh, deep=True)
        except (ValueError, OverflowError) as exc:
            # an integer of thousands of digits (Python refuses to convert it) or a
            # date that does not exist (2025-02-30): a problem, not a crash
            if tag in _NUMBER_TAGS:
                self.problem(
                    line, path, "catalogue.number_too_big", value=_shown_number(text),
                    digits=MAX_DIGITS,
                )  # fmt: skip
            else:
                self.problem(line, path, "catalogue.yaml_syntax", detail=f"{text}: {exc}")
        except (yaml.YAMLError, LookupError, AttributeError):
            # `!!bool maybe`, `!!timestamp soon`, `!!map text`: PyYAML has no words for it
            name = tag.rsplit(":", 1)[-1]
            self.problem(line, path, "catalogue.yaml_syntax", detail=f"{text}: not a {name}")
        return _UNSET


def _count_nodes(text: str, loader: Any) -> None:
    """Raise _TooManyNodes past MAX_NODES written nodes, before any is composed: composing
    a million nodes before refusing them took seconds and hundreds of MB, counting them
    0.8 s and nothing."""
    count = 0
    nodes = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent)
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, nodes):
            count += 1
            if count > MAX_NODES:
                raise _TooManyNodes


def _compose(text: str, loader: Any) -> yaml.Node | None:
    if len(text) > MAX_NODES // 2:
        _count_nodes(text, loader)
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=loader)
    except RecursionError:
        # Python's composer calls itself for each level, a few hundred levels deep at most
        raise _Stop("catalogue.yaml_syntax", detail="nesting too deep") from None
    return node


def _parse_yaml(text: str, file: str) -> tuple[_Tree, list[CatalogueProblem]]:
    fast = getattr(yaml, "CSafeLoader", None)
    walk = _Walk(file, text)
    try:
        try:
            # libyaml's parser when present (10x faster than Python's)
            root = _compose(text, fast or yaml.SafeLoader)
        except yaml.YAMLError:
            if fast is None:
                raise
            # on any error, Python's parser: its messages are the ones users see
            # (libyaml refuses 1,000 levels of nesting itself, in words of its own)
            root = _compose(text, yaml.SafeLoader)
        data = None if root is None else walk.value(root, (), False, 0, False)
    except _TooManyNodes:
        problem = CatalogueProblem(
            file, None, "", "catalogue.yaml_too_many_nodes", {"limit": MAX_NODES}
        )
        raise CatalogueError(file, [problem]) from None
    except _Stop as stop:
        problem = CatalogueProblem(file, None, "", stop.key, stop.params)
        raise CatalogueError(file, [problem]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else None
        detail = f"{exc.problem or exc}"
        raise CatalogueError(
            file, [CatalogueProblem(file, line, "", "catalogue.yaml_syntax", {"detail": detail})]
        ) from None
    except yaml.YAMLError as exc:
        raise CatalogueError(
            file, [CatalogueProblem(file, None, "", "catalogue.yaml_syntax", {"detail": str(exc)})]
        ) from None
    root_line = None if root is None else _line(root)
    return _Tree(data, walk.keys, walk.items, root_line), walk.problems
