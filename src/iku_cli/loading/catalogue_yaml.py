"""A catalogue's YAML read into Python values, with the line of every key path.

Imported only when a catalogue is parsed and checked: a run whose catalogue comes
from the cache (:mod:`iku_cli.loading.catalogue_cache`) does not pay for importing PyYAML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


@dataclass
class _Tree:
    """A YAML document as Python values, with the line of every key path."""

    data: Any
    # the line of each key of a mapping and of each item of a list, by the mapping's or
    # list's path: a small dict per collection, not an entry per key path, which took a
    # province's catalogue 4 ms more to build
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


# PyYAML's event classes, told apart by type(): their stubs share no attributes
_Event = Any
_Next = Callable[[], _Event]
_SCALAR = yaml.ScalarEvent
_ALIAS = yaml.AliasEvent
_MAPPING = yaml.MappingStartEvent
_SEQUENCE = yaml.SequenceStartEvent
_NODE_EVENTS = (_SCALAR, _MAPPING, _SEQUENCE, _ALIAS)
_MAPPING_END = yaml.MappingEndEvent
_UNSET = object()
_END_EVENTS = (_MAPPING_END, yaml.SequenceEndEvent)


class _TooManyNodes(Exception):
    pass


class _Stop(Exception):
    """Building stops. Said only once the rest of the file has been read: a YAML error
    anywhere in the file comes first, as it did when the whole file was composed first."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _recording(next_: _Next, record: list[_Event]) -> _Next:
    """``next_``, keeping each event in ``record`` too (an anchor's, for its aliases)."""

    def recorded() -> _Event:
        event = next_()
        record.append(event)
        return event

    return recorded


class _Builder:
    """Python values, the line of every key path, and problems, from YAML parser events
    in one pass: what PyYAML's composer and SafeConstructor would make of the document.

    Nodes are counted as they are read, so MAX_NODES holds whatever parser reads the
    file (a text long enough to reach it is counted before, see _COUNT_FIRST). An alias
    is built again from the events recorded for its anchor; nodes built that way beyond
    the alias itself are bounded by MAX_ALIAS_NODES, which an alias bomb ("billion
    laughs") reaches within a fraction of a second. The
    composer's own errors (an undefined alias, an anchor written twice, a second
    document) are raised as it raises them, so their messages stay the same.
    """

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.keys: dict[Path_, dict[str, int]] = {}  # see _Tree
        self.items: dict[Path_, dict[int, int]] = {}
        self.root: int | None = None
        self.problems: list[CatalogueProblem] = []
        self.written = 0  # nodes the file writes, aliases included
        self.repeated = 0  # nodes built again through aliases, beyond the aliases
        self.marks: dict[str, Any] = {}  # every anchor read so far: where
        self.anchors: dict[str, list[_Event]] = {}  # an anchored node read whole
        self.replaying: list[str] = []
        # a control character in a value is written either raw (line breaks aside, which
        # YAML reads as "\n") or as a backslash escape: without either, no value holds one
        self.controls = "\\" in text or has_control(text.replace("\r", ""))
        self.tags: dict[str, str] = {}  # plain scalar text -> its tag
        # plain scalar text -> (tag, value) once built without a problem: most texts of a
        # catalogue are written many times over (`label`, `true`, `Persen`)
        self.plain: dict[str, tuple[str, Any]] = {}
        self.resolver: Any = yaml.resolver.Resolver()
        self.constructor = yaml.constructor.SafeConstructor()

    def problem(self, line: int | None, path: Path_, key: str, /, **params: object) -> None:
        self.problems.append(CatalogueProblem(self.file, line, format_path(path), key, params))

    def build(self, events: Iterator[_Event]) -> Any:
        """The document's value; raises _TooManyNodes, _Stop and yaml.YAMLError."""
        next_ = events.__next__
        data: Any = None
        root: _Event | None = None
        stop: _Stop | None = None
        for event in events:
            kind = type(event)  # mypy narrowing `event` itself trips on libyaml's Mark
            if kind is yaml.DocumentStartEvent:
                if root is not None:
                    raise yaml.composer.ComposerError(
                        "expected a single document in the stream", root.start_mark,
                        "but found another document", event.start_mark,
                    )  # fmt: skip
                root = next_()
                self.root = self.line_of(root)
                try:
                    data = self.node(root, next_, (), False, True, 0)
                except _Stop as exc:
                    stop = exc
            elif kind in _NODE_EVENTS:
                self.read(event)  # the rest of a node whose building stopped
        if stop is not None:
            raise stop
        return data

    def read(self, event: _Event) -> None:
        """Count a node the file writes; check its anchor or alias as the composer does."""
        self.written += 1
        if self.written > MAX_NODES:
            raise _TooManyNodes
        anchor = event.anchor
        if anchor is None:
            return
        kind = type(event)
        if kind is _ALIAS:
            if anchor not in self.marks:
                raise yaml.composer.ComposerError(
                    None, None, f"found undefined alias {anchor!r}", event.start_mark
                )
        elif anchor in self.marks:
            raise yaml.composer.ComposerError(
                f"found duplicate anchor {anchor!r}; first occurrence", self.marks[anchor],
                "second occurrence", event.start_mark,
            )  # fmt: skip
        else:
            self.marks[anchor] = event.start_mark

    def repeat(self) -> None:
        """Count a node built again from an anchor's events."""
        self.repeated += 1
        if self.repeated > MAX_ALIAS_NODES:
            raise _Stop("catalogue.yaml_too_many_nodes", limit=MAX_ALIAS_NODES)

    def node(
        self, event: _Event, next_: _Next, path: Path_, raw: bool, source: bool, depth: int
    ) -> Any:
        """The value of the node ``event`` starts. ``source``: read from the file, not
        from an anchor's recorded events; ``raw``: a scalar is kept as written."""
        kind = type(event)
        if kind is _SCALAR and event.anchor is None and event.tag is None:
            # nine nodes in ten, handled here in one call (a province's catalogue: 21,000)
            if source:
                self.written += 1
                if self.written > MAX_NODES:
                    raise _TooManyNodes
            else:
                self.repeat()
            text: str = event.value
            if event.implicit[0]:
                known = self.plain.get(text)
                if known is not None:
                    tag, value = known
                    if tag is not _STR_TAG:
                        return text if raw and tag != _NULL_TAG else value
                    if not self.controls:
                        return text
            elif not self.controls:
                return text
            return self.scalar(event, path, raw)
        if kind is _ALIAS:
            if source:
                self.read(event)
                # a node the file writes; what it repeats is counted as built again
                self.repeated -= 1
            return self.alias(event, path, raw, depth)
        anchor = None
        if source:
            self.read(event)
            anchor = event.anchor
        else:
            self.repeat()
        if anchor is not None:
            record = [event]
            next_ = _recording(next_, record)
        if kind is _SCALAR:
            value = self.scalar(event, path, raw)
        else:
            value = self.collection(event, next_, path, source, depth)
        if anchor is not None:
            self.anchors[anchor] = record
        return value

    def alias(self, event: _Event, path: Path_, raw: bool, depth: int) -> Any:
        anchor = event.anchor
        record = self.anchors.get(anchor)
        if record is None or anchor in self.replaying:
            # inside its own anchor's node: a value that holds itself
            raise _Stop("catalogue.yaml_syntax", detail="nesting too deep")
        self.replaying.append(anchor)
        replay = iter(record).__next__
        value = self.node(replay(), replay, path, raw, False, depth)
        self.replaying.pop()
        return value

    def line_of(self, event: _Event) -> int:
        """The line of the node ``event`` starts; an alias's is its anchor's."""
        if type(event) is _ALIAS and event.anchor in self.anchors:
            event = self.anchors[event.anchor][0]
        line: int = event.start_mark.line + 1
        return line

    def collection(self, event: _Event, next_: _Next, path: Path_, source: bool, depth: int) -> Any:
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _PLAIN_TAGS:
            self.problem(event.start_mark.line + 1, path, "catalogue.yaml_tag", tag=tag)
            self.skip_children(next_, source, depth)
            return None
        if depth >= MAX_DEPTH:
            raise _Stop("catalogue.yaml_syntax", detail="nesting too deep")
        if type(event) is _MAPPING:
            return self.mapping(next_, path, source, depth + 1)
        items: list[Any] = []
        lines = self.items.setdefault(path, {})
        while not isinstance(item := next_(), _END_EVENTS):
            lines.setdefault(len(items), self.line_of(item))
            items.append(self.node(item, next_, (*path, len(items)), False, source, depth + 1))
        return items

    def mapping(self, next_: _Next, path: Path_, source: bool, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        lines = self.keys.setdefault(path, {})
        key_path = (*path, "<key>")
        while (kind := type(key_event := next_())) is not _MAPPING_END:
            if kind is _SCALAR:
                key_line = key_event.start_mark.line + 1
            else:
                key_line = self.line_of(key_event)
                if kind is not _ALIAS:
                    lines.setdefault("<key>", key_line)
            key = self.node(key_event, next_, key_path, False, source, depth)
            if type(key) is str:
                text = key
            else:
                if isinstance(key, list | dict):
                    key = str(key)
                # mapping keys are always text in a path: `targets.2025`, never `targets[2025]`
                text = str(key)
            if key in first_line:
                self.problem(
                    key_line, (*path, key), "catalogue.duplicate_key", key=key,
                    first=first_line[key],
                )  # fmt: skip
                self.skip(next_(), next_, source, depth)
                continue
            first_line[key] = key_line
            child = (*path, text)
            lines[text] = key_line
            result[key] = self.node(next_(), next_, child, key in _RAW_TEXT_KEYS, source, depth)
        return result

    def scalar(self, event: _Event, path: Path_, raw: bool) -> Any:
        text: str = event.value
        tag = event.tag
        line = event.start_mark.line + 1
        if tag is None or tag == "!":
            plain = event.implicit[0]
            tag = (self.tags.get(text) or self.resolve(text)) if plain else _STR_TAG
        if tag == _STR_TAG:
            if self.controls and has_control(text):
                # "\e]0;..." in a double-quoted string would be an escape sequence on
                # every terminal that shows the catalogue's text
                self.problem(line, path, "catalogue.control_character", text=printable(text))
                return printable(text)
            value: Any = text
        elif tag not in _PLAIN_TAGS:
            self.problem(line, path, "catalogue.yaml_tag", tag=tag)
            return None
        elif raw and tag != _NULL_TAG:
            return text
        else:
            value = self.construct(event, tag, path, line)
            if value is _UNSET:
                return None
        if event.tag is None and event.implicit[0]:
            self.plain[text] = (tag, value)
        return value

    def construct(self, event: _Event, tag: str, path: Path_, line: int) -> Any:
        """The value of a scalar as SafeConstructor builds it; _UNSET after a problem."""
        text: str = event.value
        try:
            return self.constructor.construct_object(
                yaml.ScalarNode(tag, text, event.start_mark, event.end_mark), deep=True
            )
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

    def resolve(self, text: str) -> str:
        """The tag of a plain scalar (YAML 1.1: `yes` is true, `1:30` is 90)."""
        tag: str = self.resolver.resolve(yaml.ScalarNode, text, (True, False))
        if tag == _STR_TAG:
            tag = _STR_TAG  # the one object, compared with `is`
        self.tags[text] = tag
        return tag

    def skip(self, event: _Event, next_: _Next, source: bool, depth: int) -> None:
        """Read past a node that is not built (a duplicate key's value) as the composer
        would: its nodes counted, its anchors kept for aliases further on."""
        anchor = None
        if source:
            self.read(event)
            anchor = event.anchor if type(event) is not _ALIAS else None
        if anchor is not None:
            record = [event]
            next_ = _recording(next_, record)
        if isinstance(event, (_MAPPING, _SEQUENCE)):
            self.skip_children(next_, source, depth)
        if anchor is not None:
            self.anchors[anchor] = record

    def skip_children(self, next_: _Next, source: bool, depth: int) -> None:
        """Read past the nodes of the collection being read."""
        if depth >= MAX_DEPTH:
            raise _Stop("catalogue.yaml_syntax", detail="nesting too deep")
        while not isinstance(item := next_(), _END_EVENTS):
            self.skip(item, next_, source, depth + 1)


# No YAML construct writes more than one node per character (`{?,?,?}` writes one), so
# a text this short stays far below MAX_NODES. Only a longer one is counted before it is
# built: building a million nodes before refusing them took 2-9 s and up to 400 MB,
# counting them 0.8 s and nothing.
_COUNT_FIRST = MAX_NODES // 2


def _count_nodes(text: str, loader: Any) -> None:
    """Raise _TooManyNodes past MAX_NODES written nodes, before any is built."""
    count = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, _NODE_EVENTS):
            count += 1
            if count > MAX_NODES:
                raise _TooManyNodes


def _parse_yaml(text: str, file: str) -> tuple[_Tree, list[CatalogueProblem]]:
    fast = getattr(yaml, "CSafeLoader", None)
    builder = _Builder(file, text)
    try:
        try:
            # libyaml's parser when present (10x faster than Python's)
            loader = fast or yaml.SafeLoader
            if len(text) > _COUNT_FIRST:
                _count_nodes(text, loader)
            data = builder.build(yaml.parse(text, Loader=loader))
        except (yaml.YAMLError, RecursionError):
            if fast is None:
                raise
            # on any error, Python's parser: its messages are the ones users see
            builder = _Builder(file, text)
            data = builder.build(yaml.parse(text, Loader=yaml.SafeLoader))
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
    except (yaml.YAMLError, RecursionError) as exc:
        raise CatalogueError(
            file, [CatalogueProblem(file, None, "", "catalogue.yaml_syntax", {"detail": str(exc)})]
        ) from None
    return _Tree(data, builder.keys, builder.items, builder.root), builder.problems
