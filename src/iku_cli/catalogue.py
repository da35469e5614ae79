"""The IKU catalogue: pydantic models and YAML loading that names file, line and key path.

Loading never stops at the first mistake: every problem of a file is collected
and raised together as one :class:`~iku_cli.errors.CatalogueError`.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from . import formula
from .errors import CatalogueError, CatalogueProblem
from .periods import PERIODS, Period, parse_period
from .safety import has_control, printable

if TYPE_CHECKING:
    from .catalogue_cache import CatalogueCache

MAX_CATALOGUE_BYTES = 20_000_000
# A catalogue of a few hundred indicators has some tens of thousands of nodes, a whole
# province's (2,000 indicators) about 100,000. Nodes written in the file are bounded by
# MAX_NODES; nodes reached again through aliases by MAX_ALIAS_NODES, which an alias
# bomb ("billion laughs") passes within a fraction of a second.
MAX_NODES = 1_000_000
MAX_ALIAS_NODES = 100_000
# Numbers (targets, min, max, factor, cap, weights, band minimums) follow the rule of
# formula literals: an IKU has no use for more, and a number such as 1E+999999999
# would make every later step (Decimal arithmetic, display) slow or impossible.
MAX_DIGITS = formula.MAX_LITERAL_DIGITS
SCHEMA = 1
INPUT_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

Form = Literal["ratio", "composite", "direct"]
Polarity = Literal["positive", "negative"]
Frequency = Literal["quarterly", "annual"]
NegativeFormula = Literal["two_minus_ratio", "target_over_realisation"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScaleBand(_Model):
    min: Decimal | None
    label: str


DEFAULT_SCALE = (
    ScaleBand(min=Decimal(91), label="Sangat Tinggi"),
    ScaleBand(min=Decimal(76), label="Tinggi"),
    ScaleBand(min=Decimal(66), label="Sedang"),
    ScaleBand(min=Decimal(51), label="Rendah"),
    ScaleBand(min=None, label="Sangat Rendah"),
)


class AchievementSettings(_Model):
    negative_formula: NegativeFormula = "two_minus_ratio"
    cap: Decimal | None = None
    scale: tuple[ScaleBand, ...] = DEFAULT_SCALE

    def band(self, achievement: Decimal) -> ScaleBand | None:
        """The first band (highest first) whose ``min`` the achievement reaches."""
        for band in self.scale:
            if band.min is None or achievement >= band.min:
                return band
        return None


class Goal(_Model):
    code: str
    statement: str


class Input(_Model):
    label: str
    min: Decimal = Decimal(0)
    max: Decimal | None = None
    integer: bool = False
    unit: str | None = None


class Component(_Model):
    label: str
    weight: Decimal
    numerator: str
    denominator: str


Targets = dict[int, Decimal | dict[str, Decimal]]


class Indicator(_Model):
    code: str
    goal: str
    name: str
    unit: str
    owner: str
    frequency: Frequency = "quarterly"
    polarity: Polarity = "positive"
    inputs: dict[str, Input]
    numerator: str | None = None
    denominator: str | None = None
    factor: Decimal | None = None
    max: Decimal | None = None
    components: tuple[Component, ...] | None = None
    value: str | None = None
    targets: Targets = Field(default_factory=dict)
    source: str | None = None
    note: str | None = None

    _compiled: dict[str, formula.Expression] = PrivateAttr(default_factory=dict)

    @property
    def form(self) -> Form:
        if self.components is not None:
            return "composite"
        if self.value is not None:
            return "direct"
        return "ratio"

    @property
    def effective_factor(self) -> Decimal:
        """``factor``, defaulting to 100 for a percentage and 1 otherwise."""
        if self.factor is not None:
            return self.factor
        return Decimal(100) if self.unit.strip().lower() in {"persen", "%"} else Decimal(1)

    def expression(self, key: str) -> formula.Expression:
        """A compiled expression: ``numerator``, ``denominator``, ``value`` or
        ``components.N.numerator`` / ``components.N.denominator``."""
        # from pydantic's dict of private values: through the model's __getattr__ this
        # took 2 us, and a run asks for every expression of every indicator
        private: Any = self.__pydantic_private__
        compiled: dict[str, formula.Expression] = private["_compiled"]
        return compiled[key]

    def reports_in(self, period: Period) -> bool:
        """Annual indicators are reported at TW4 only."""
        return self.frequency == "quarterly" or period == "TW4"

    def target(self, year: int, period: Period = "TW4") -> Decimal | None:
        """The target for ``year`` at ``period``: the quarter's when given, else the year's."""
        entry = self.targets.get(year)
        if entry is None or isinstance(entry, Decimal):
            return entry
        return entry.get(period)


class Catalogue(_Model):
    schema_: int = Field(alias="schema")
    organisation: str
    years: tuple[int, ...]
    achievement: AchievementSettings = AchievementSettings()
    goals: tuple[Goal, ...]
    indicators: tuple[Indicator, ...]

    path: str = ""
    sha256: str = ""

    @cached_property
    def owners(self) -> tuple[str, ...]:
        """Owners in catalogue order, each once."""
        return tuple(dict.fromkeys(i.owner for i in self.indicators))

    # Lookups by code, owner and slug, built once: a run asks them for every value of
    # every file, and a province's catalogue has hundreds of indicators.
    @cached_property
    def _by_code(self) -> dict[str, Indicator]:
        index: dict[str, Indicator] = {}
        for indicator in self.indicators:
            index.setdefault(indicator.code, indicator)
        return index

    @cached_property
    def _by_owner(self) -> dict[tuple[str, Period | None], list[Indicator]]:
        index: dict[tuple[str, Period | None], list[Indicator]] = {}
        for indicator in self.indicators:
            index.setdefault((indicator.owner, None), []).append(indicator)
            for period in PERIODS:
                if indicator.reports_in(period):
                    index.setdefault((indicator.owner, period), []).append(indicator)
        return index

    @cached_property
    def _by_slug(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for owner in self.owners:
            index.setdefault(slug(owner), owner)
        return index

    def indicator(self, code: str) -> Indicator | None:
        return self._by_code.get(code)

    def goal(self, code: str) -> Goal | None:
        return next((g for g in self.goals if g.code == code), None)

    def indicators_of(self, owner: str, period: Period | None = None) -> list[Indicator]:
        """The owner's indicators, only those reported in ``period`` when given."""
        return list(self._by_owner.get((owner, period), ()))

    def owner_by_name(self, text: str) -> str | None:
        """The catalogue owner a free-typed name means (case, spaces, slug tolerant)."""
        return self._by_slug.get(slug(text))


def slug(text: str) -> str:
    """``Biro Adpim dan Umum`` -> ``biro-adpim-dan-umum``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# --------------------------------------------------------------------------- loading


Path_ = tuple[str | int, ...]


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


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


# Kept as written: codes (`1.10` is not the number 1.1) and expressions (`denominator: 14`).
_RAW_TEXT_KEYS = {"code", "goal", "numerator", "denominator", "value"}
_FORM_KEYS = {"numerator", "denominator", "value", "components"}
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
# A catalogue nests 6 deep; far deeper is refused before Python's recursion limit
# (in pydantic, in copy.deepcopy) could turn it into a crash.
MAX_DEPTH = 100

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


def load(path: str | Path, cache: CatalogueCache | None = None) -> Catalogue:
    """Read, check and return the catalogue at ``path``; raises CatalogueError.

    With ``cache``, a catalogue whose very bytes were checked before by this code is
    read back instead of checked again (see :mod:`iku_cli.catalogue_cache`).
    """
    file = str(path)
    p = Path(path)

    def fail(key: str, **params: object) -> CatalogueError:
        return CatalogueError(
            file, [CatalogueProblem(file, None, "", key, {"file": file, **params})]
        )

    try:
        # a folder (Windows says "permission denied" for one) is a mistake in the name
        if p.is_dir():
            raise fail("catalogue.is_directory")
        size = p.stat().st_size
        if size > MAX_CATALOGUE_BYTES:
            raise fail("catalogue.too_big", size=size, limit=MAX_CATALOGUE_BYTES)
        with p.open("rb") as handle:
            # never more than the limit, whatever stat said (a device, a growing file)
            raw = handle.read(MAX_CATALOGUE_BYTES + 1)
        if len(raw) > MAX_CATALOGUE_BYTES:
            raise fail(
                "catalogue.too_big", size=f"> {MAX_CATALOGUE_BYTES}", limit=MAX_CATALOGUE_BYTES
            )
    except FileNotFoundError:
        raise fail("catalogue.not_found") from None
    except OSError as exc:
        raise fail("catalogue.unreadable", detail=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail("catalogue.not_utf8", line=raw[: exc.start].count(b"\n") + 1) from None
    sha256 = hashlib.sha256(raw).hexdigest()
    if cache is not None:
        kept = cache.get(sha256, file)
        if kept is not None:
            return kept
    catalogue = loads(text, file=file, sha256=sha256)
    if cache is not None:
        cache.put(catalogue)
    return catalogue


def restore_expressions(catalogue: Catalogue) -> None:
    """Compile the expressions of a catalogue that was checked before (read back from the
    cache): the check compiles them as it goes."""
    parsed: dict[tuple[str, frozenset[str]], formula.Expression] = {}
    for indicator in catalogue.indicators:
        allowed = frozenset(indicator.inputs)
        expressions: dict[str, formula.Expression] = indicator.__pydantic_private__["_compiled"]  # type: ignore[index]
        for key, source in _expressions(indicator):
            compiled = parsed.get((source, allowed))
            if compiled is None:
                compiled = parsed[(source, allowed)] = formula.parse(source, allowed)
            expressions[".".join(map(str, key))] = compiled


def loads(text: str, file: str = "indicators.yaml", sha256: str | None = None) -> Catalogue:
    """Check and return a catalogue from YAML text; raises CatalogueError."""
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    tree, problems = _parse_yaml(text, file)
    checker = _Checker(file, tree, problems)
    catalogue = checker.run(sha256)
    if checker.problems or catalogue is None:
        problems = sorted(checker.problems, key=lambda p: (p.line or 0, p.path))
        raise CatalogueError(file, problems)
    return catalogue


# pydantic's error kinds -> what the value should have been (message catalogue.wrong_type.*)
_EXPECTED = {
    "int_parsing": "whole",
    "int_type": "whole",
    "int_from_float": "whole",
    "decimal_parsing": "number",
    "decimal_type": "number",
    "string_type": "text",
    "bool_parsing": "bool",
    "bool_type": "bool",
    "list_type": "list",
    "tuple_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
}


def number_fits(number: Decimal) -> bool:
    """Whether a catalogue number keeps to MAX_DIGITS significant digits and magnitude."""
    if not number.is_finite():
        return False
    if number.is_zero():
        return True
    if not -MAX_DIGITS <= number.adjusted() < MAX_DIGITS:
        return False
    # the text shows every digit, so a short one has few enough (58 ns; as_tuple: 290)
    if len(str(number)) <= MAX_DIGITS:
        return True
    # trailing zeros (1E+5 written 100000) are not significant
    return len("".join(map(str, number.as_tuple().digits)).strip("0")) <= MAX_DIGITS


# values that hold no Decimal: not descended into (most of a catalogue is text)
_LEAVES = (str, int, type(None))


@cache
def _number_fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """A model's fields that can hold a Decimal: (attribute, name as written)."""
    return tuple(
        (name, field.alias or name)
        for name, field in model.model_fields.items()
        if _holds_decimal(field.annotation)
    )


def _holds_decimal(annotation: Any) -> bool:
    if annotation is Decimal:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_decimal(arg) for arg in getattr(annotation, "__args__", ()))


_SEQUENCES = (tuple, list)


def _decimals(value: object, path: Path_, found: list[tuple[Path_, Decimal]]) -> None:
    """Every Decimal in a validated model, with its key path, added to ``found``."""
    # a list, not a generator, and only the fields that can hold a number: walking every
    # field with `yield from` at each level took half the checking time
    children: Iterable[tuple[str | int, object]]
    if isinstance(value, dict):
        children = [(str(key), item) for key, item in value.items()]
    elif isinstance(value, _SEQUENCES):
        children = enumerate(value)
    elif isinstance(value, BaseModel):
        attributes = value.__dict__
        children = [(written, attributes[name]) for name, written in _number_fields(type(value))]
    else:
        return
    for part, item in children:
        if isinstance(item, Decimal):
            found.append(((*path, part), item))
        elif not isinstance(item, _LEAVES):
            _decimals(item, (*path, part), found)


def _shown_number(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:10]}...{text[-8:]} ({len(text)} digits)"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _Checker:
    def __init__(self, file: str, tree: _Tree, problems: list[CatalogueProblem]) -> None:
        self.file = file
        self.tree = tree
        self.problems = list(problems)
        self.expressions: dict[str, formula.Expression] = {}  # by source, parsed fine
        # keys left out to validate a model again after a mistake, by the model's path
        self.dropped: dict[Path_, set[object]] = {}
        # a value with a refused YAML tag was read as null: say so once, not again as a type
        self.tagged = {
            p.path
            for p in problems
            if p.key in {"catalogue.yaml_tag", "catalogue.number_too_big", "catalogue.yaml_syntax"}
        }

    def add(self, path: Path_, key: str, /, **params: object) -> None:
        where = format_path(path)
        if key.startswith("catalogue.wrong_type") and any(
            where == t or where.startswith((t + ".", t + "[")) for t in self.tagged
        ):
            return
        self.problems.append(CatalogueProblem(self.file, self.tree.line(path), where, key, params))

    def validate(self, model: type[BaseModel], data: Any, path: Path_) -> Any:
        """Validate ``data`` against ``model``; problems recorded.

        When some keys are wrong, the model is validated again without them (so their
        defaults apply) and returned, so that the rest can still be checked: every
        mistake of a file is reported in one run. First only the wrong keys themselves
        are left out (``inputs.x.integer``), then, if that is not enough, the whole
        top-level keys that hold them (``inputs``). None when even that fails.
        """
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            bad_keys: set[object] = set()
            errors = _union_errors_that_apply(exc.errors(), data)
            for err in errors:
                loc: Path_ = _normalise_loc(
                    (*path, *(p for p in err["loc"] if not _is_union_tag(p) and p != "[key]"))
                )
                if err["loc"]:
                    bad_keys.add(err["loc"][0])
                kind = err["type"]
                if kind == "extra_forbidden":
                    allowed = ", ".join(
                        f.alias or name
                        for name, f in _owner_model(model, err["loc"]).model_fields.items()
                        if name not in {"path", "sha256"}
                    )
                    self.add(loc, "catalogue.unknown_key", key=loc[-1], allowed=allowed)
                elif kind == "missing":
                    self.add(loc, "catalogue.missing_key", key=loc[-1])
                elif kind == "literal_error":
                    expected = str(err.get("ctx", {}).get("expected", "")).replace(" or ", ", ")
                    self.add(
                        loc,
                        "catalogue.wrong_type.choice",
                        value=_shown(err["input"]),
                        expected=expected,
                    )
                elif kind in _EXPECTED:
                    key = f"catalogue.wrong_type.{_EXPECTED[kind]}"
                    self.add(loc, key, value=_shown(err["input"]))
                else:
                    detail = f"{_shown(err['input'])}: {err['msg']}"
                    self.add(loc, "catalogue.wrong_type", detail=detail)
            if not isinstance(data, dict):
                return None
            self.dropped[path] = bad_keys
            for attempt in (
                _without_wrong_keys(model, data, errors),
                {k: v for k, v in data.items() if k not in bad_keys},
            ):
                try:
                    return model.model_validate(attempt)
                except ValidationError:
                    continue
            return None

    def run(self, sha256: str) -> Catalogue | None:
        data = self.tree.data
        if not isinstance(data, dict):
            self.add((), "catalogue.not_mapping")
            return None
        for key in ("goals", "indicators"):
            if key in data and not isinstance(data[key], list):
                self.add((key,), "catalogue.wrong_type.list", value=_shown(data[key]))
                data[key] = []
        goals = [
            self.validate(Goal, g, ("goals", i)) for i, g in enumerate(data.get("goals") or [])
        ]
        indicators = [
            self.validate(Indicator, ind, ("indicators", i))
            for i, ind in enumerate(data.get("indicators") or [])
        ]
        head = {k: v for k, v in data.items() if k not in {"goals", "indicators"}}
        head["goals"] = []
        head["indicators"] = []
        catalogue = self.validate(Catalogue, head, ())
        if catalogue is not None:
            self.check_head(catalogue)
        if "goals" not in data:
            self.add(("goals",), "catalogue.missing_key", key="goals")
        if "indicators" not in data:
            self.add(("indicators",), "catalogue.missing_key", key="indicators")

        good_goals = [g for g in goals if g is not None]
        self.check_codes(good_goals, "goals", "catalogue.duplicate_goal", goals)
        self.check_codes(
            [i for i in indicators if i is not None],
            "indicators",
            "catalogue.duplicate_indicator",
            indicators,
        )
        # a goal with a mistake of its own still exists for its indicators
        goal_codes = [g.code for g in good_goals] + [
            raw["code"]
            for g, raw in zip(goals, data.get("goals") or [], strict=False)
            if g is None and isinstance(raw, dict) and isinstance(raw.get("code"), str)
        ]
        years = catalogue.years if catalogue is not None else None
        for index, indicator in enumerate(indicators):
            if indicator is not None:
                self.check_indicator(indicator, ("indicators", index), goal_codes, years)
        if not isinstance(catalogue, Catalogue) or any(i is None for i in indicators + goals):
            return None
        return catalogue.model_copy(
            update={
                "goals": tuple(goals),
                "indicators": tuple(indicators),
                "path": self.file,
                "sha256": sha256,
            }
        )

    def check_numbers(self, model: BaseModel, path: Path_) -> None:
        found: list[tuple[Path_, Decimal]] = []
        _decimals(model, path, found)
        for where, number in found:
            if not number_fits(number):
                shown = _shown_number(str(number))
                self.add(where, "catalogue.number_too_big", value=shown, digits=MAX_DIGITS)

    def check_head(self, catalogue: Catalogue) -> None:
        self.check_numbers(catalogue.achievement, ("achievement",))
        if catalogue.schema_ != SCHEMA:
            self.add(("schema",), "catalogue.bad_schema", value=catalogue.schema_)
        if not catalogue.years:
            self.add(("years",), "catalogue.years_empty")
        scale = catalogue.achievement.scale
        path: Path_ = ("achievement", "scale")
        if not scale:
            self.add(path, "catalogue.scale_empty")
            return
        mins = [band.min for band in scale]
        numbers = [m for m in mins[:-1] if m is not None]
        ordered = (
            len(numbers) == len(mins) - 1
            and mins[-1] is None
            and all(a > b for a, b in itertools.pairwise(numbers))
        )
        if not ordered:
            self.add(path, "catalogue.scale_order")

    def check_codes(
        self, items: list[Goal] | list[Indicator], group: str, key: str, raw: list[Any]
    ) -> None:
        first: dict[str, int | None] = {}
        for index, item in enumerate(raw):
            if item is None:
                continue
            path: Path_ = (group, index, "code")
            if item.code in first:
                self.add(path, key, code=item.code, first=first[item.code])
            else:
                first[item.code] = self.tree.line(path)

    def check_indicator(
        self,
        indicator: Indicator,
        path: Path_,
        goal_codes: list[str],
        years: tuple[int, ...] | None,
    ) -> None:
        if goal_codes and indicator.goal not in goal_codes:
            self.add(
                (*path, "goal"),
                "catalogue.unknown_goal",
                goal=indicator.goal,
                known=", ".join(dict.fromkeys(goal_codes)),
            )
        if not indicator.inputs:
            self.add((*path, "inputs"), "catalogue.no_inputs")
        for name, spec in indicator.inputs.items():
            if not INPUT_NAME.match(name):
                self.add((*path, "inputs", name), "catalogue.bad_input_name", name=name)
            if spec.max is not None and spec.min > spec.max:
                self.add(
                    (*path, "inputs", name), "catalogue.input_range", min=spec.min, max=spec.max
                )
        # a form key left out after a mistake would make the form look incomplete
        # and its inputs unused: that mistake is already reported
        form_dropped = bool(self.dropped.get(path, set()) & _FORM_KEYS)
        # without a whole form every input looks unused: the form problem says it all
        form_ok = not form_dropped and self.check_form(indicator, path)
        allowed = frozenset(indicator.inputs)
        used: set[str] = set()
        # pydantic's dict of private values: through the model's __getattr__ each took 2 us
        private: Any = indicator.__pydantic_private__
        expressions: dict[str, formula.Expression] = private["_compiled"]
        for key, source in _expressions(indicator):
            # most expressions are written many times over (`bagian`, `seluruh`) and an
            # Expression is immutable: parsed once (1,019 parses of a province's took 5 ms)
            compiled = self.expressions.get(source)
            if compiled is None or not compiled.names <= allowed:
                try:
                    compiled = formula.parse(source, allowed)
                except formula.FormulaError as exc:
                    self.add((*path, *key), exc.key, **exc.params)
                    continue
                self.expressions[source] = compiled
            used |= compiled.names
            expressions[".".join(map(str, key))] = compiled
        if form_ok and not any(
            p.path.startswith(format_path(path) + ".") and p.key.startswith("formula.")
            for p in self.problems
        ):
            for name in indicator.inputs:
                # a name no expression can hold is reported as such, not as unused
                if name not in used and INPUT_NAME.match(name):
                    self.add((*path, "inputs", name), "catalogue.unused_input", name=name)
        self.check_numbers(indicator, path)
        if indicator.components:
            total = sum((c.weight for c in indicator.components), Decimal(0))
            if abs(total - 1) > Decimal("0.000001"):
                self.add((*path, "components"), "catalogue.weights_sum", total=total)
        for year, entry in indicator.targets.items():
            if years is not None and year not in years:
                self.add(
                    (*path, "targets", str(year)),
                    "catalogue.target_year",
                    year=year,
                    years=", ".join(map(str, years)),
                )
            if isinstance(entry, dict):
                for period in entry:
                    if period not in PERIODS:
                        self.add(
                            (*path, "targets", str(year), period),
                            "catalogue.target_period",
                            period=period,
                        )

    def check_form(self, indicator: Indicator, path: Path_) -> bool:
        """Exactly one whole form; False (and a problem) otherwise."""
        present = [
            k
            for k, v in (
                ("numerator", indicator.numerator),
                ("denominator", indicator.denominator),
                ("components", indicator.components),
                ("value", indicator.value),
            )
            if v is not None
        ]
        forms = {"numerator": "ratio", "denominator": "ratio"}
        kinds = {forms.get(k, k) for k in present}
        if not kinds:
            self.add(path, "catalogue.form_missing")
        elif len(kinds) > 1:
            self.add(path, "catalogue.form_mixed", keys=", ".join(present))
        elif kinds == {"ratio"} and len(present) != 2:
            self.add(path, "catalogue.ratio_incomplete")
        else:
            return True
        return False


def _expressions(indicator: Indicator) -> Iterator[tuple[Path_, str]]:
    for key in ("numerator", "denominator", "value"):
        source = getattr(indicator, key)
        if source is not None:
            yield (key,), source
    for index, component in enumerate(indicator.components or ()):
        yield ("components", index, "numerator"), component.numerator
        yield ("components", index, "denominator"), component.denominator


def _normalise_loc(loc: Path_) -> Path_:
    """Integers right after a mapping field are keys (years), not list positions."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, int) and out and out[-1] in {"targets", "inputs"}:
            out.append(str(part))
        else:
            out.append(part)
    return tuple(out)


def _without_wrong_keys(
    model: type[BaseModel], data: dict[Any, Any], errors: list[Any]
) -> dict[Any, Any] | None:
    """A copy of ``data`` without the keys the errors point at, a missing text filled in
    as empty; None when that can't be done."""
    out = copy.deepcopy(data)
    for err in errors:
        loc = tuple(p for p in err["loc"] if not _is_union_tag(p) and p != "[key]")
        container: Any = out
        for part in loc[:-1]:
            try:
                container = container[part]
            except (KeyError, IndexError, TypeError):
                return None
        if not loc or not isinstance(container, dict):
            return None
        if err["type"] == "missing":
            # a missing name or label hides nothing else; a missing code, goal or
            # expression would make up problems of its own
            field = _owner_model(model, loc).model_fields.get(str(loc[-1]))
            if field is None or field.annotation is not str or loc[-1] in _RAW_TEXT_KEYS:
                return None
            container[loc[-1]] = ""
        elif loc[-1] in container:
            del container[loc[-1]]
        else:
            return None
    return out


def _union_errors_that_apply(errors: list[Any], data: Any) -> list[Any]:
    """Of a failed union (a target: a number, or a mapping of quarters), keep only the
    errors of the member the value was meant as, so one mistake gives one problem."""
    out = []
    for err in errors:
        loc = err["loc"]
        tag = next((i for i, part in enumerate(loc) if _is_union_tag(part)), None)
        if tag is None:
            out.append(err)
            continue
        value: Any = data
        for part in loc[:tag]:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                value = None
                break
        meant_mapping = isinstance(value, dict)
        if meant_mapping == str(loc[tag]).startswith("dict["):
            out.append(err)
    return out or errors


def _is_union_tag(part: object) -> bool:
    # pydantic inserts the member type name into locations of union errors
    return isinstance(part, str) and (
        part in {"decimal", "dict[str,decimal]", "int", "str"} or part.startswith("function-")
    )


def _owner_model(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel]:
    """The model that owns the field at ``loc`` (for listing allowed keys)."""
    current: type[BaseModel] = model
    for part in loc[:-1]:
        field = current.model_fields.get(str(part)) if isinstance(part, str) else None
        if field is None:
            continue
        annotation = field.annotation
        for candidate in _models_in(annotation):
            current = candidate
            break
    return current


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in getattr(annotation, "__args__", ()):
        yield from _models_in(arg)


def period_targets(indicator: Indicator, year: int) -> dict[Period, Decimal | None]:
    """The target at each quarter of ``year``."""
    return {p: indicator.target(year, p) for p in PERIODS}


__all__ = [
    "AchievementSettings",
    "Catalogue",
    "Component",
    "Goal",
    "Indicator",
    "Input",
    "ScaleBand",
    "format_path",
    "load",
    "loads",
    "parse_period",
    "period_targets",
    "slug",
]
