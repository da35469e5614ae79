"""The formula engine: a whitelist of arithmetic, exact Decimal evaluation, nothing else."""

from __future__ import annotations

import contextlib
import decimal
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iku_cli.core import formula
from iku_cli.core.formula import DivisionByZero, FormulaError, parse

NAMES = frozenset({"a", "b", "c", "disahkan", "dirumuskan"})
VALUES = {
    "a": Decimal(6),
    "b": Decimal(4),
    "c": Decimal("0.5"),
    "disahkan": Decimal(12),
    "dirumuskan": Decimal(15),
}


# --------------------------------------------------------------------------- the whitelist


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a", "6"),
        ("12.5", "12.5"),
        ("a + b", "10"),
        ("a - b", "2"),
        ("a * b", "24"),
        ("a / b", "1.5"),
        ("-a", "-6"),
        ("+a", "6"),
        ("--a", "6"),
        ("-(a - b) * 2", "-4"),
        ("a - b - c", "1.5"),  # left to right, not a - (b - c)
        ("a / b / c", "3"),
        ("(a + b) * c", "5"),
        ("a + b * c", "8"),
        ("disahkan / dirumuskan * 100", "80"),
        ("0.1 + 0.2", "0.3"),  # exact decimals, not binary floats
        ("1_000 + 1", "1001"),
        ("2.5e2", "250"),
        ("  a\n  + b  ", "10"),  # a YAML block scalar's line break is a space
        ("a\u00a0+\u00a0b", "10"),  # a non-breaking space pasted from a PDF
        ("(((a)))", "6"),
    ],
)
def test_whitelisted_expressions_evaluate(source: str, expected: str) -> None:
    assert parse(source, NAMES).evaluate(VALUES) == Decimal(expected)


def test_names_are_collected() -> None:
    expr = parse("disahkan / (dirumuskan + a) * 100", NAMES)
    assert expr.names == {"disahkan", "dirumuskan", "a"}
    assert parse("14", NAMES).names == frozenset()


def test_a_number_given_as_a_number_is_an_expression() -> None:
    # YAML reads `denominator: 14` as an int
    assert parse(14).evaluate({}) == 14
    assert parse(0.25).evaluate({}) == Decimal("0.25")


def test_any_name_is_accepted_without_an_allowed_set() -> None:
    assert parse("x + y").names == {"x", "y"}


def test_evaluation_uses_the_pinned_decimal_context() -> None:
    assert formula.CONTEXT.prec == 28
    assert formula.CONTEXT.rounding == decimal.ROUND_HALF_UP
    assert parse("2 / 3").evaluate({}) == Decimal("0.6666666666666666666666666667")
    # the caller's own context is neither used nor changed
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        assert parse("2 / 3").evaluate({}) == Decimal("0.6666666666666666666666666667")
        assert decimal.getcontext().prec == 3


def test_long_literals_are_read_exactly() -> None:
    # 28 significant digits: a binary float would lose the last ones
    assert parse("123456789012345678901234567.5").evaluate({}) == Decimal(
        "123456789012345678901234567.5"
    )
    assert parse("0.100000000000000005551115123125").evaluate({}) == Decimal(
        "0.100000000000000005551115123125"
    )


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("f(a)", "formula.not_allowed"),
        ("abs(a)", "formula.not_allowed"),
        ("__import__('os').system('echo hi')", "formula.not_allowed"),
        ("a.real", "formula.not_allowed"),
        ("a.__class__", "formula.not_allowed"),
        ("a[0]", "formula.not_allowed"),
        ("a ** 2", "formula.not_allowed"),
        ("a // 2", "formula.not_allowed"),
        ("a % 2", "formula.not_allowed"),
        ("a @ b", "formula.not_allowed"),
        ("a & b", "formula.not_allowed"),
        ("a < b", "formula.not_allowed"),
        ("a == b", "formula.not_allowed"),
        ("a and b", "formula.not_allowed"),
        ("not a", "formula.not_allowed"),
        ("~a", "formula.not_allowed"),
        ("a if b else c", "formula.not_allowed"),
        ("lambda: a", "formula.not_allowed"),
        ("(a, b)", "formula.not_allowed"),
        ("[a]", "formula.not_allowed"),
        ("{a: b}", "formula.not_allowed"),
        ("f'{a}'", "formula.not_allowed"),
        ("a # the rest would be dropped", "formula.not_allowed"),
        ("'teks'", "formula.not_number"),
        ("b'bytes'", "formula.not_number"),
        ("True", "formula.not_number"),
        ("None", "formula.not_number"),
        ("1j", "formula.not_number"),
        ("...", "formula.not_number"),
        ("d", "formula.unknown_name"),
        ("dirumuskn", "formula.unknown_name"),
        ("__builtins__", "formula.unknown_name"),
        ("a +", "formula.syntax"),
        ("a = 1", "formula.syntax"),
        ("a := 1", "formula.syntax"),
        ("a; b", "formula.syntax"),
        ("(a", "formula.syntax"),
        ("a b", "formula.syntax"),
        ("\x00", "formula.syntax"),
        ("", "formula.empty"),
        ("   \n ", "formula.empty"),
        ("a + " * 200 + "a", "formula.too_long"),
        ("(" * 200 + "a" + ")" * 200, "formula.too_deep"),
        ("(" * 41 + "a" + ")" * 41, "formula.too_deep"),
        ("-" * 300 + "a", "formula.too_deep"),
        ("9" * 40, "formula.number_too_big"),
        ("1e31", "formula.number_too_big"),
        ("1e400", "formula.number_too_big"),
        ("1e-400", "formula.number_too_big"),
        ("0." + "0" * 40 + "1", "formula.number_too_big"),
    ],
)
def test_everything_else_is_refused(source: str, key: str) -> None:
    with pytest.raises(FormulaError) as info:
        parse(source, NAMES)
    assert info.value.key == key


def test_refusals_say_what_and_where() -> None:
    with pytest.raises(FormulaError) as info:
        parse("disahkan / dirumuskn", NAMES)
    assert info.value.params == {"name": "dirumuskn"}
    with pytest.raises(FormulaError) as info:
        parse("a ** 2", NAMES)
    assert info.value.params == {"what": "**"}
    with pytest.raises(FormulaError) as info:
        parse("max(a, b)", NAMES)
    assert info.value.params == {"what": "max(a, b)"}


def test_the_nesting_limit_is_the_documented_one() -> None:
    depth = formula.MAX_DEPTH
    assert parse("(" * depth + "a" + ")" * depth, NAMES).evaluate(VALUES) == 6
    # a long flat sum is deep as a tree, not as written: it is accepted
    assert parse(" + ".join(["a"] * 60), NAMES).evaluate(VALUES) == 360


@pytest.mark.parametrize("source", [None, True, False, [1], {"a": 1}, Decimal(1)])
def test_a_non_text_source_is_refused(source: object) -> None:
    with pytest.raises(FormulaError) as info:
        parse(source)
    assert info.value.key == "formula.not_text"


@pytest.mark.parametrize("source", ["a / 0", "a / (b - 4)", "a / (c * 0)", "0 / 0", "1 / -0"])
def test_division_by_zero_raises_its_own_error(source: str) -> None:
    with pytest.raises(DivisionByZero) as info:
        parse(source, NAMES).evaluate(VALUES)
    assert info.value.text  # names the denominator that was zero


def test_division_by_zero_names_the_denominator() -> None:
    with pytest.raises(DivisionByZero) as info:
        parse("disahkan / (dirumuskan - 15)", NAMES).evaluate(VALUES)
    assert info.value.text == "dirumuskan - 15"


def test_render_uses_words_and_minimal_brackets() -> None:
    expr = parse("disahkan / (dirumuskan + a) * 100", NAMES)
    assert expr.render() == "disahkan / (dirumuskan + a) * 100"
    assert expr.render({"disahkan": "12", "dirumuskan": "15"}) == "12 / (15 + a) * 100"
    assert parse("a - (b - c)", NAMES).render() == "a - (b - c)"
    assert parse("(a - b) - c", NAMES).render() == "a - b - c"
    assert parse("a / (b * c)", NAMES).render() == "a / (b * c)"
    # exact in arithmetic, not at 28 digits: the order it is computed in is kept
    assert parse("a * (b / c)", NAMES).render() == "a * (b / c)"
    assert parse("a + (b + c)", NAMES).render() == "a + (b + c)"
    assert parse("a * b / c", NAMES).render() == "a * b / c"
    assert parse("-(a + b)", NAMES).render() == "-(a + b)"


def test_big_literals_render_short_enough_to_parse_again() -> None:
    expr = parse(" + ".join(["1e30"] * 40))
    again = parse(expr.render())
    assert again.evaluate({}) == expr.evaluate({}) == Decimal("4E+31")


# --------------------------------------------------------------------------- properties

# An expression tree built by the test itself: ("num", Decimal) | ("name", str) |
# ("neg", tree) | (op, left, right). It is written out fully bracketed, so the
# parser has no say in its shape, and evaluated with plain Decimal arithmetic.
Tree = tuple[Any, ...]
TREE_NAMES = ("a", "b", "c", "x_1")


class Zero(Exception):
    """The reference evaluation divided by zero."""


literals = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(Decimal),
    st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False),
)
leaves = st.one_of(
    literals.map(lambda d: ("num", d)),
    st.sampled_from(TREE_NAMES).map(lambda n: ("name", n)),
)


def _extend(children: st.SearchStrategy[Tree]) -> st.SearchStrategy[Tree]:
    return st.one_of(
        children.map(lambda t: ("neg", t)),
        st.tuples(st.sampled_from("+-*/"), children, children),
    )


trees = st.recursive(leaves, _extend, max_leaves=12)
values = st.fixed_dictionaries(
    {
        n: st.decimals(
            min_value=-(10**6), max_value=10**6, places=3, allow_nan=False, allow_infinity=False
        )
        for n in TREE_NAMES
    }
)


def write(tree: Tree) -> str:
    kind = tree[0]
    if kind == "num":
        return format(tree[1], "f")
    if kind == "name":
        return str(tree[1])
    if kind == "neg":
        return f"-({write(tree[1])})"
    return f"({write(tree[1])} {kind} {write(tree[2])})"


def reference(tree: Tree, env: dict[str, Decimal]) -> Decimal:
    kind = tree[0]
    if kind == "num":
        return Decimal(tree[1])
    if kind == "name":
        return env[tree[1]]
    if kind == "neg":
        return -reference(tree[1], env)
    left, right = reference(tree[1], env), reference(tree[2], env)
    if kind == "+":
        return left + right
    if kind == "-":
        return left - right
    if kind == "*":
        return left * right
    if right == 0:
        raise Zero()
    return left / right


def outcome(func: Callable[[], Decimal]) -> Decimal | str:
    try:
        return func()
    except (DivisionByZero, Zero):
        return "division by zero"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees, env=values)
def test_evaluation_matches_plain_decimal_arithmetic(tree: Tree, env: dict[str, Decimal]) -> None:
    expr = parse(write(tree), TREE_NAMES)

    def expected() -> Decimal:
        with decimal.localcontext(formula.CONTEXT):
            return reference(tree, env)

    assert outcome(lambda: expr.evaluate(env)) == outcome(expected)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees, env=values)
def test_render_round_trips(tree: Tree, env: dict[str, Decimal]) -> None:
    expr = parse(write(tree), TREE_NAMES)
    again = parse(expr.render(), TREE_NAMES)
    assert again.names == expr.names
    assert outcome(lambda: again.evaluate(env)) == outcome(lambda: expr.evaluate(env))
    # rendering is stable: the minimal-bracket text renders to itself
    assert again.render() == expr.render()


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_junk_text_raises_only_formula_errors(text: str) -> None:
    try:
        expr = parse(text, NAMES)
    except FormulaError:
        return
    # whatever got through is arithmetic over the allowed names
    assert expr.names <= NAMES


ARITHMETIC_ALPHABET = st.sampled_from(list("ab()+-*/.0123456789 e_"))


@settings(max_examples=500, deadline=None)
@given(st.text(ARITHMETIC_ALPHABET, max_size=60))
def test_near_miss_text_raises_only_formula_errors(text: str) -> None:
    # text made of the whitelist's own characters reaches deeper than random unicode
    try:
        expr = parse(text, {"a", "b"})
    except FormulaError:
        return
    assert expr.names <= {"a", "b"}
    with contextlib.suppress(DivisionByZero):
        expr.evaluate({"a": Decimal(3), "b": Decimal(0)})
