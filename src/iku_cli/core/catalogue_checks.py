"""The catalogue's checks: a parsed file's values turned into a Catalogue, or every problem in it.

Checking never stops at the first mistake: every problem of a file is collected
and raised together as one :class:`~iku_cli.core.errors.CatalogueError`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError

from . import formula
from .catalogue import (
    INPUT_NAME,
    MAX_DIGITS,
    SCHEMA,
    Catalogue,
    Goal,
    Indicator,
    Path_,
    format_path,
)
from .catalogue_validation import (
    _EXPECTED,
    _is_union_tag,
    _normalise_loc,
    _owner_model,
    _shown,
    _union_errors_that_apply,
    _without_wrong_keys,
)
from .errors import CatalogueError, CatalogueProblem
from .periods import PERIODS

_FORM_KEYS = {"numerator", "denominator", "value", "components"}


class ParsedTree(Protocol):
    """A catalogue file's values and the line of each key path (what its YAML reader gives)."""

    data: Any

    def line(self, path: Path_) -> int | None: ...


def check(file: str, tree: ParsedTree, problems: list[CatalogueProblem], sha256: str) -> Catalogue:
    """The checked catalogue of a parsed file; raises CatalogueError with every problem."""
    checker = _Checker(file, tree, problems)
    catalogue = checker.run(sha256)
    if checker.problems or catalogue is None:
        problems = sorted(checker.problems, key=lambda p: (p.line or 0, p.path))
        raise CatalogueError(file, problems)
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


class _Checker:
    def __init__(self, file: str, tree: ParsedTree, problems: list[CatalogueProblem]) -> None:
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


__all__ = ["ParsedTree", "check", "number_fits", "restore_expressions"]
