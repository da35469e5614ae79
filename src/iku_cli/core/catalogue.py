"""The IKU catalogue: pydantic models and YAML loading that names file, line and key path.

Loading never stops at the first mistake: every problem of a file is collected
and raised together as one :class:`~iku_cli.core.errors.CatalogueError`.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from . import formula
from .errors import CatalogueError, CatalogueProblem
from .periods import PERIODS, Period, parse_period

if TYPE_CHECKING:
    from ..loading.catalogue_cache import CatalogueCache
    from ..loading.catalogue_yaml import _Tree

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
OverallMethod = Literal["goals", "indicators"]
# what a quarterly indicator's target is before TW4 when only the year's is given:
# year: the year's target holds every quarter (a rate, a share of what came in);
# profile: the year's target x the catalogue's quarterly_profile (a cumulative flow);
# provisional: none; the figure is on_track / behind, not a band, until TW4
QuarterlyTarget = Literal["year", "profile", "provisional"]
Evidence = Literal["required", "optional"]


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


# the share of the year's target (percent) a cumulative flow is expected to reach by
# each quarter's end, when a quarterly target is derived from the year's
LINEAR_PROFILE: dict[str, Decimal] = {
    "TW1": Decimal(25),
    "TW2": Decimal(50),
    "TW3": Decimal(75),
    "TW4": Decimal(100),
}


class AchievementSettings(_Model):
    negative_formula: NegativeFormula = "two_minus_ratio"
    cap: Decimal | None = None
    # the lowest achievement that goes into averages (a lower-is-better figure can fall
    # below 0); None: no floor. Like ``cap``, the reported achievement stays raw.
    floor: Decimal | None = Decimal(0)
    # the overall figure: the mean of the goals' means, or of all indicators
    overall: OverallMethod = "goals"
    # percent of the year's target expected by each quarter (TW1..TW4): the quarterly
    # target of an indicator with ``quarterly_target: profile``, and the pace that says
    # on_track / behind for one with ``quarterly_target: provisional``
    quarterly_profile: dict[str, Decimal] | None = Field(
        default_factory=lambda: dict(LINEAR_PROFILE)
    )
    scale: tuple[ScaleBand, ...] = DEFAULT_SCALE

    def band(self, achievement: Decimal) -> ScaleBand | None:
        """The first band (highest first) whose ``min`` the achievement reaches."""
        for band in self.scale:
            if band.min is None or achievement >= band.min:
                return band
        return None


class Budget(_Model):
    """A goal's budget for one year, in Rupiah (pagu: the ceiling; realisasi: spent)."""

    pagu: Decimal
    realisasi: Decimal | None = None

    @property
    def absorption(self) -> Decimal | None:
        """realisasi / pagu x 100 (penyerapan anggaran), None without both or with pagu 0."""
        if self.realisasi is None or not self.pagu:
            return None
        return self.realisasi / self.pagu * 100


class Goal(_Model):
    code: str
    statement: str
    note: str | None = None  # why the statement departs from the published table
    budget: dict[int, Budget] = Field(default_factory=dict)


class Baseline(_Model):
    """Kondisi awal: the value an indicator started from, and its year."""

    year: int
    value: Decimal


class Benchmark(_Model):
    """A national or provincial standard to compare with, and where it comes from."""

    value: Decimal
    source: str


class Input(_Model):
    label: str
    min: Decimal = Decimal(0)
    max: Decimal | None = None
    integer: bool = False
    unit: str | None = None
    # a flow added up from 1 January (documents issued, cases closed), which may not fall
    # from one quarter to the next; None: as ``integer`` says (see ``is_cumulative``)
    cumulative: bool | None = None

    @property
    def is_cumulative(self) -> bool:
        """Whether a fall between quarters is suspect. Unless said: whole-number inputs
        (counts of things done) are flows; amounts, indexes, levels and shares are not."""
        return self.integer if self.cumulative is None else self.cumulative


class Component(_Model):
    label: str
    weight: Decimal
    numerator: str
    denominator: str
    # the most its percentage (numerator / denominator x 100) may be; None: the indicator's max
    max: Decimal | None = None


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
    quarterly_target: QuarterlyTarget = "year"
    source: str | None = None
    note: str | None = None
    baseline: Baseline | None = None
    final_target: Decimal | None = None
    benchmark: Benchmark | None = None
    programmes: tuple[str, ...] = ()
    evidence: Evidence = "optional"

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

    def has_quarterly_targets(self, year: int) -> bool:
        """Whether ``year``'s targets are given per quarter (TW1: .., TW4: ..)."""
        return isinstance(self.targets.get(year), dict)

    def final_target_for(self, years: Iterable[int]) -> Decimal | None:
        """The end-of-period target (Renstra/RPJMD): ``final_target`` when given, else
        the year's target of the last of ``years`` that has one."""
        if self.final_target is not None:
            return self.final_target
        for year in sorted(years, reverse=True):
            target = self.target(year, "TW4")
            if target is not None:
                return target
        return None


class Catalogue(_Model):
    schema_: int = Field(alias="schema")
    organisation: str
    organisation_note: str | None = None  # why the name departs from the published table
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

    def final_target(self, indicator: Indicator) -> Decimal | None:
        """The indicator's end-of-period target: its ``final_target``, else the target of
        the last catalogue year that has one."""
        return indicator.final_target_for(self.years)

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


# Kept as written: codes (`1.10` is not the number 1.1) and expressions (`denominator: 14`).
_RAW_TEXT_KEYS = {"code", "goal", "numerator", "denominator", "value"}
_FORM_KEYS = {"numerator", "denominator", "value", "components"}
# A catalogue nests 6 deep; far deeper is refused before Python's recursion limit
# (in pydantic, in copy.deepcopy) could turn it into a crash.
MAX_DEPTH = 100


def load(path: str | Path, cache: CatalogueCache | None = None) -> Catalogue:
    """Read, check and return the catalogue at ``path``; raises CatalogueError.

    With ``cache``, a catalogue whose very bytes were checked before by this code is
    read back instead of checked again (see :mod:`iku_cli.loading.catalogue_cache`).
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
    from ..loading.catalogue_yaml import _parse_yaml  # PyYAML only when a file is parsed

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
        self.check_codes(goals, "goals", "catalogue.duplicate_goal")
        self.check_codes(indicators, "indicators", "catalogue.duplicate_indicator")
        self.check_owners(indicators)
        # a goal with a mistake of its own still exists for its indicators
        goal_codes = [g.code for g in good_goals] + [
            raw["code"]
            for g, raw in zip(goals, data.get("goals") or [], strict=False)
            if g is None and isinstance(raw, dict) and isinstance(raw.get("code"), str)
        ]
        years = catalogue.years if catalogue is not None else None
        for index, goal in enumerate(goals):
            if goal is not None:
                self.check_goal(goal, ("goals", index), years)
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
        profile = catalogue.achievement.quarterly_profile
        for period in profile or {}:
            if period not in PERIODS:
                where: Path_ = ("achievement", "quarterly_profile", period)
                self.add(where, "catalogue.target_period", period=period)
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
        self, items: list[Goal | None] | list[Indicator | None], group: str, key: str
    ) -> None:
        """A code used twice in ``group``, said at the second (items None: already wrong)."""
        first: dict[str, int | None] = {}
        for index, item in enumerate(items):
            if item is None:
                continue
            path: Path_ = (group, index, "code")
            if item.code in first:
                self.add(path, key, code=item.code, first=first[item.code])
            else:
                first[item.code] = self.tree.line(path)

    def check_owners(self, items: list[Indicator | None]) -> None:
        """Owners spelt two ways (``Biro POD`` / ``BIRO  POD``): one could never submit."""
        first: dict[str, tuple[str, int | None]] = {}
        for index, item in enumerate(items):
            if item is None:
                continue
            path: Path_ = ("indicators", index, "owner")
            key = " ".join(item.owner.split()).casefold()
            if key not in first:
                first[key] = (item.owner, self.tree.line(path))
            elif first[key][0] != item.owner:
                spelt, line = first[key]
                self.add(path, "catalogue.owner_spelling", owner=item.owner, first=spelt, line=line)

    def check_goal(self, goal: Goal, path: Path_, years: tuple[int, ...] | None) -> None:
        """A goal's budget: catalogue years only, amounts not negative, realisasi within
        pagu (an APBD cannot spend beyond its ceiling: more is a typing mistake)."""
        self.check_numbers(goal, path)
        for year, budget in goal.budget.items():
            where: Path_ = (*path, "budget", str(year))
            if years is not None and year not in years:
                self.add(
                    where, "catalogue.budget_year", year=year, years=", ".join(map(str, years))
                )
            for key in ("pagu", "realisasi"):
                amount = getattr(budget, key)
                if amount is not None and amount < 0:
                    self.add((*where, key), "catalogue.budget_negative", key=key, value=amount)
            if budget.realisasi is not None and budget.realisasi > budget.pagu >= 0:
                self.add(
                    (*where, "realisasi"),
                    "catalogue.budget_over",
                    realisasi=budget.realisasi,
                    pagu=budget.pagu,
                )

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
        if indicator.baseline is not None and years and indicator.baseline.year >= min(years):
            self.add(
                (*path, "baseline", "year"),
                "catalogue.baseline_year",
                year=indicator.baseline.year,
                first=min(years),
            )
        for index, name in enumerate(indicator.programmes):
            if not name.strip():
                self.add((*path, "programmes", index), "catalogue.programme_empty")
        if indicator.benchmark is not None and not indicator.benchmark.source.strip():
            self.add((*path, "benchmark", "source"), "catalogue.benchmark_source")

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
        if isinstance(part, int) and out and out[-1] in {"targets", "inputs", "budget"}:
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
    "Baseline",
    "Benchmark",
    "Budget",
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
