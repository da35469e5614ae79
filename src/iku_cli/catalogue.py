"""The IKU catalogue: pydantic models and YAML loading that names file, line and key path.

Loading never stops at the first mistake: every problem of a file is collected
and raised together as one :class:`~iku_cli.errors.CatalogueError`.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from . import formula
from .errors import CatalogueError, CatalogueProblem
from .periods import PERIODS, Period, parse_period

MAX_CATALOGUE_BYTES = 20_000_000
MAX_NODES = 2_000_000
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
        return self._compiled[key]

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

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)

    def goal(self, code: str) -> Goal | None:
        return next((g for g in self.goals if g.code == code), None)

    def indicators_of(self, owner: str, period: Period | None = None) -> list[Indicator]:
        """The owner's indicators, only those reported in ``period`` when given."""
        return [
            i
            for i in self.indicators
            if i.owner == owner and (period is None or i.reports_in(period))
        ]

    def owner_by_name(self, text: str) -> str | None:
        """The catalogue owner a free-typed name means (case, spaces, slug tolerant)."""
        wanted = slug(text)
        return next((o for o in self.owners if slug(o) == wanted), None)


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
    lines: dict[Path_, int]

    def line(self, path: Path_) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


_RAW_TEXT_KEYS = {"code", "goal"}
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


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[Path_, int] = {}
        self.problems: list[CatalogueProblem] = []
        self.count = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def problem(self, line: int | None, path: Path_, key: str, /, **params: object) -> None:
        self.problems.append(CatalogueProblem(self.file, line, format_path(path), key, params))

    def build(self, node: yaml.Node, path: Path_, raw: bool = False) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooManyNodes
        line = node.start_mark.line + 1
        self.lines.setdefault(path, line)
        if node.tag not in _PLAIN_TAGS:
            self.problem(line, path, "catalogue.yaml_tag", tag=node.tag)
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            first_line: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, (*path, "<key>"))
                if isinstance(key, list | dict):
                    key = str(key)
                key_line = key_node.start_mark.line + 1
                if key in first_line:
                    self.problem(
                        key_line, (*path, key), "catalogue.duplicate_key", key=key,
                        first=first_line[key],
                    )  # fmt: skip
                    continue
                first_line[key] = key_line
                # mapping keys are always text in a path: `targets.2025`, never `targets[2025]`
                child: Path_ = (*path, key if isinstance(key, str) else str(key))
                self.lines[child] = key_line
                result[key] = self.build(value_node, child, raw=key in _RAW_TEXT_KEYS)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if raw and node.tag != "tag:yaml.org,2002:null":
            return str(node.value)
        return self.constructor.construct_object(node, deep=True)


class _TooManyNodes(Exception):
    pass


def _parse_yaml(text: str, file: str) -> tuple[_Tree, list[CatalogueProblem]]:
    builder = _Builder(file)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
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
    if node is None:
        data: Any = None
    else:
        try:
            data = builder.build(node, ())
        except _TooManyNodes:
            problem = CatalogueProblem(
                file, None, "", "catalogue.yaml_too_many_nodes", {"limit": MAX_NODES}
            )
            raise CatalogueError(file, [problem]) from None
        except RecursionError:
            problem = CatalogueProblem(
                file, None, "", "catalogue.yaml_syntax", {"detail": "nesting too deep"}
            )
            raise CatalogueError(file, [problem]) from None
    return _Tree(data, builder.lines), builder.problems


def load(path: str | Path) -> Catalogue:
    """Read, check and return the catalogue at ``path``; raises CatalogueError."""
    file = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_CATALOGUE_BYTES:
            problem = CatalogueProblem(
                file, None, "", "catalogue.too_big", {"size": size, "limit": MAX_CATALOGUE_BYTES}
            )
            raise CatalogueError(file, [problem])
        raw = p.read_bytes()
    except FileNotFoundError:
        raise CatalogueError(
            file, [CatalogueProblem(file, None, "", "catalogue.not_found", {"file": file})]
        ) from None
    except (IsADirectoryError, PermissionError, OSError) as exc:
        detail = exc.strerror or str(exc)
        problem = CatalogueProblem(
            file, None, "", "catalogue.unreadable", {"file": file, "detail": detail}
        )
        raise CatalogueError(file, [problem]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = CatalogueProblem(
            file, None, "", "catalogue.unreadable", {"file": file, "detail": f"not UTF-8 ({exc})"}
        )
        raise CatalogueError(file, [problem]) from None
    return loads(text, file=file, sha256=hashlib.sha256(raw).hexdigest())


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


_PYDANTIC_TEXT = {
    "int_parsing": "harus bilangan bulat / must be a whole number",
    "int_type": "harus bilangan bulat / must be a whole number",
    "int_from_float": "harus bilangan bulat / must be a whole number",
    "decimal_parsing": "harus angka / must be a number",
    "decimal_type": "harus angka / must be a number",
    "string_type": "harus teks / must be text",
    "bool_parsing": "harus true atau false / must be true or false",
    "bool_type": "harus true atau false / must be true or false",
    "list_type": "harus daftar / must be a list",
    "tuple_type": "harus daftar / must be a list",
    "dict_type": "harus pemetaan kunci: nilai / must be a mapping",
    "model_type": "harus pemetaan kunci: nilai / must be a mapping",
    "model_attributes_type": "harus pemetaan kunci: nilai / must be a mapping",
}


class _Checker:
    def __init__(self, file: str, tree: _Tree, problems: list[CatalogueProblem]) -> None:
        self.file = file
        self.tree = tree
        self.problems = list(problems)

    def add(self, path: Path_, key: str, /, **params: object) -> None:
        self.problems.append(
            CatalogueProblem(self.file, self.tree.line(path), format_path(path), key, params)
        )

    def validate(self, model: type[BaseModel], data: Any, path: Path_) -> Any:
        """Validate ``data`` against ``model``; problems recorded.

        When some keys are wrong, the model is validated again without them (so their
        defaults apply) and returned, so that the rest can still be checked: every
        mistake of a file is reported in one run. None when even that fails.
        """
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            bad_keys: set[object] = set()
            for err in exc.errors():
                loc: Path_ = _normalise_loc(
                    (*path, *(p for p in err["loc"] if not _is_union_tag(p)))
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
                    expected = err.get("ctx", {}).get("expected", "")
                    self.add(loc, "catalogue.wrong_type", detail=f"{err['input']!r} -> {expected}")
                else:
                    detail = _PYDANTIC_TEXT.get(kind, err["msg"])
                    self.add(loc, "catalogue.wrong_type", detail=f"{err['input']!r}: {detail}")
            if not isinstance(data, dict):
                return None
            try:
                return model.model_validate({k: v for k, v in data.items() if k not in bad_keys})
            except ValidationError:
                return None

    def run(self, sha256: str) -> Catalogue | None:
        data = self.tree.data
        if not isinstance(data, dict):
            self.add((), "catalogue.not_mapping")
            return None
        for key in ("goals", "indicators"):
            if key in data and not isinstance(data[key], list):
                self.add((key,), "catalogue.wrong_type", detail=_PYDANTIC_TEXT["list_type"])
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
        goal_codes = [g.code for g in good_goals]
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

    def check_head(self, catalogue: Catalogue) -> None:
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
        self.check_form(indicator, path)
        allowed = frozenset(indicator.inputs)
        used: set[str] = set()
        for key, source in _expressions(indicator):
            try:
                compiled = formula.parse(source, allowed)
            except formula.FormulaError as exc:
                self.add((*path, *key), exc.key, **exc.params)
                continue
            used |= compiled.names
            indicator._compiled[".".join(str(k) for k in key)] = compiled
        if not any(p.path.startswith(format_path(path) + ".") and p.key.startswith("formula.")
                   for p in self.problems):  # fmt: skip
            for name in indicator.inputs:
                if name not in used:
                    self.add((*path, "inputs", name), "catalogue.unused_input", name=name)
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

    def check_form(self, indicator: Indicator, path: Path_) -> None:
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
