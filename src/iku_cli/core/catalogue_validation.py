"""pydantic's validation errors read as catalogue problems: the key, what it should have been."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .catalogue import _RAW_TEXT_KEYS, Path_

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


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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
