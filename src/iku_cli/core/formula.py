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
# Parentheses nested deeper than this are refused; so is a tree deeper than
# MAX_TREE_DEPTH (a long flat sum is deep as a tree but not as the user wrote it).
MAX_DEPTH = 40
MAX_TREE_DEPTH = 120
# Literals bigger than this are refused: an IKU formula has no use for them and
# they make Decimal arithmetic slow on purpose-built input.
MAX_LITERAL_DIGITS = 30

CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_UP, Emax=999_999, Emin=-999_999)
_WIDE = decimal.Context(prec=MAX_LITERAL_DIGITS + 10)
_ARITHMETIC = CONTEXT.copy()  # a copy: the flags evaluation raises stay in it


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
        return _eval(self.tree, values)

    def render(self, words: Mapping[str, str] | None = None) -> str:
        """The expression as text, names replaced by ``words`` where given."""
        return _render(self.tree, words or {}, 0)


def _eval(node: Node, values: Mapping[str, Decimal]) -> Decimal:
    # through the context's methods: entering decimal.localcontext for each evaluation
    # cost 1 us, more than a ratio's arithmetic
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Name):
        return values[node.name]
    if isinstance(node, Neg):
        return _ARITHMETIC.minus(_eval(node.operand, values))
    left = _eval(node.left, values)
    right = _eval(node.right, values)
    if node.op == "+":
        return _ARITHMETIC.add(left, right)
    if node.op == "-":
        return _ARITHMETIC.subtract(left, right)
    if node.op == "*":
        return _ARITHMETIC.multiply(left, right)
    if right == 0:
        raise DivisionByZero(_render(node.right, {}, 0))
    return _ARITHMETIC.divide(left, right)


def _render(node: Node, words: Mapping[str, str], parent: int) -> str:
    if isinstance(node, Num):
        text = format(node.value, "f")
        # 1e30 written out is 31 digits: keep long literals short so that
        # parse(render(e)) stays within MAX_LENGTH
        return text if len(text) <= 20 else format(node.value.normalize(_WIDE), "E")
    if isinstance(node, Name):
        return words.get(node.name, node.name)
    if isinstance(node, Neg):
        return "-" + _render(node.operand, words, 3)
    prec = _PRECEDENCE[node.op]
    # a right operand at equal precedence keeps its brackets, for + and * too:
    # a * (b / c) and a * b / c round differently at 28 digits, and the text must
    # show the order the value was computed in
    right_parent = prec + 1
    text = f"{_render(node.left, words, prec)} {node.op} {_render(node.right, words, right_parent)}"
    return f"({text})" if prec < parent else text


def parse(source: object, allowed: frozenset[str] | set[str] | None = None) -> Expression:
    """Parse ``source``; every name must be in ``allowed`` (when given)."""
    if isinstance(source, bool) or not isinstance(source, str | int | float):
        raise FormulaError("formula.not_text")
    # line breaks from a YAML block scalar or a non-breaking space pasted from a PDF
    # are just spaces to the person who wrote the formula
    text = " ".join(str(source).split())
    if not text:
        raise FormulaError("formula.empty")
    if len(text) > MAX_LENGTH:
        raise FormulaError("formula.too_long", limit=MAX_LENGTH)
    if "#" in text:
        # Python would read the rest as a comment and silently drop it
        raise FormulaError("formula.not_allowed", what="#")
    if _bracket_depth(text) > MAX_DEPTH:
        raise FormulaError("formula.too_deep", limit=MAX_DEPTH)
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        raise FormulaError("formula.syntax", text=text) from None
    names: set[str] = set()
    node = _convert(tree.body, text, names, allowed, 0)
    return Expression(text, node, frozenset(names))


def _bracket_depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    return deepest


_REFUSED_OPS = {
    ast.Pow: "**",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.BitAnd: "&",
}


def _literal(node: ast.Constant, text: str) -> Num:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FormulaError("formula.not_number", text=repr(value)[:40])
    # the literal as written, not as a binary float: 0.1 stays exactly 0.1
    written = (ast.get_source_segment(text, node) or "").replace("_", "")
    try:
        number = Decimal(written)
    except decimal.InvalidOperation:  # 0x10, 0o7, 0b1: Python already read them exactly
        number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    shown = (written or str(value))[:40]
    if not number.is_finite():
        raise FormulaError("formula.number_too_big", text=shown)
    if number.is_zero():
        return Num(Decimal(0))
    significant = "".join(map(str, number.as_tuple().digits)).strip("0")
    if (
        len(significant) > MAX_LITERAL_DIGITS
        or number.adjusted() > MAX_LITERAL_DIGITS
        or number.adjusted() < -MAX_LITERAL_DIGITS
    ):
        raise FormulaError("formula.number_too_big", text=shown)
    return Num(number)


def _convert(node: ast.AST, text: str, names: set[str], allowed: object, depth: int) -> Node:
    if depth > MAX_TREE_DEPTH:
        raise FormulaError("formula.too_deep", limit=MAX_TREE_DEPTH)
    if isinstance(node, ast.Constant):
        return _literal(node, text)
    if isinstance(node, ast.Name):
        if allowed is not None and node.id not in allowed:  # type: ignore[operator]
            raise FormulaError("formula.unknown_name", name=node.id)
        names.add(node.id)
        return Name(node.id)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        operand = _convert(node.operand, text, names, allowed, depth + 1)
        return Neg(operand) if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return BinOp(
            _OPS[type(node.op)],
            _convert(node.left, text, names, allowed, depth + 1),
            _convert(node.right, text, names, allowed, depth + 1),
        )
    if isinstance(node, ast.BinOp) and type(node.op) in _REFUSED_OPS:
        raise FormulaError("formula.not_allowed", what=_REFUSED_OPS[type(node.op)])
    what = ast.get_source_segment(text, node) or type(node).__name__
    raise FormulaError("formula.not_allowed", what=what[:40])
