"""Safe arithmetic over input names: numbers, names, + - * / and parentheses.

Expressions are parsed with :mod:`ast` and checked against a whitelist; nothing
is ever evaluated by Python. Evaluation is in :class:`decimal.Decimal`.
"""

from __future__ import annotations

import ast
import decimal
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

MAX_LENGTH = 500
MAX_DEPTH = 40
# Literals bigger than this are refused: an IKU formula has no use for them and
# they make Decimal arithmetic slow on purpose-built input.
MAX_LITERAL_DIGITS = 30

CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_UP, Emax=999_999, Emin=-999_999)


class FormulaError(ValueError):
    """An expression that cannot be accepted; ``key`` names the i18n message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class DivisionByZero(ArithmeticError):
    """The denominator of a division evaluated to zero."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


@dataclass(frozen=True, slots=True)
class Num:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Name:
    name: str


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str
    left: Node
    right: Node


Node = Num | Name | Neg | BinOp


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed, checked expression."""

    source: str
    tree: Node
    names: frozenset[str]

    def evaluate(self, values: Mapping[str, Decimal]) -> Decimal:
        """Evaluate with ``values`` for the names; raises DivisionByZero."""
        with decimal.localcontext(CONTEXT):
            return _eval(self.tree, values)

    def render(self, words: Mapping[str, str] | None = None) -> str:
        """The expression as text, names replaced by ``words`` where given."""
        return _render(self.tree, words or {}, 0)


def _eval(node: Node, values: Mapping[str, Decimal]) -> Decimal:
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Name):
        return values[node.name]
    if isinstance(node, Neg):
        return -_eval(node.operand, values)
    left = _eval(node.left, values)
    right = _eval(node.right, values)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if right == 0:
        raise DivisionByZero(_render(node.right, {}, 0))
    return left / right


def _render(node: Node, words: Mapping[str, str], parent: int) -> str:
    if isinstance(node, Num):
        return format(node.value, "f")
    if isinstance(node, Name):
        return words.get(node.name, node.name)
    if isinstance(node, Neg):
        return "-" + _render(node.operand, words, 3)
    prec = _PRECEDENCE[node.op]
    # right operand of - and / needs brackets at equal precedence
    right_parent = prec + 1 if node.op in "-/" else prec
    text = f"{_render(node.left, words, prec)} {node.op} {_render(node.right, words, right_parent)}"
    return f"({text})" if prec < parent else text


def parse(source: object, allowed: frozenset[str] | set[str] | None = None) -> Expression:
    """Parse ``source``; every name must be in ``allowed`` (when given)."""
    if isinstance(source, bool) or not isinstance(source, str | int | float):
        raise FormulaError("formula.not_text")
    text = str(source).strip()
    if not text:
        raise FormulaError("formula.empty")
    if len(text) > MAX_LENGTH:
        raise FormulaError("formula.too_long", limit=MAX_LENGTH)
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        raise FormulaError("formula.syntax", text=text) from None
    names: set[str] = set()
    node = _convert(tree.body, names, allowed, 0)
    return Expression(text, node, frozenset(names))


def _convert(node: ast.AST, names: set[str], allowed: object, depth: int) -> Node:
    if depth > MAX_DEPTH:
        raise FormulaError("formula.too_deep", limit=MAX_DEPTH)
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FormulaError("formula.not_number", text=repr(value))
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite() or len(number.as_tuple().digits) > MAX_LITERAL_DIGITS:
            raise FormulaError("formula.number_too_big", text=str(value)[:40])
        if number.adjusted() > MAX_LITERAL_DIGITS or number.adjusted() < -MAX_LITERAL_DIGITS:
            raise FormulaError("formula.number_too_big", text=str(value)[:40])
        return Num(number)
    if isinstance(node, ast.Name):
        if allowed is not None and node.id not in allowed:  # type: ignore[operator]
            raise FormulaError("formula.unknown_name", name=node.id)
        names.add(node.id)
        return Name(node.id)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        operand = _convert(node.operand, names, allowed, depth + 1)
        return Neg(operand) if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return BinOp(
            _OPS[type(node.op)],
            _convert(node.left, names, allowed, depth + 1),
            _convert(node.right, names, allowed, depth + 1),
        )
    raise FormulaError("formula.not_allowed", what=type(node).__name__)
