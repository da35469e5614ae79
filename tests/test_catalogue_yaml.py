"""Reading the catalogue's YAML in one pass: node limits, anchors and aliases, duplicate
keys, the line of every key path, tags and plain scalars, with either parser."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from iku_cli.core import catalogue as cat
from iku_cli.core.errors import CatalogueError
from iku_cli.loading import catalogue_yaml
from iku_cli.loading.catalogue_file import loads
from test_catalogue import VALID, line_of

Found = list[tuple[int | None, str, str, dict[str, object]]]


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs with libyaml's parser and, as where libyaml is missing, Python's."""
    if request.param == "python":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml")
    return str(request.param)


def parsed(text: str) -> tuple[Any, catalogue_yaml._Tree, Found]:
    tree, problems = catalogue_yaml._parse_yaml(text, "f.yaml")
    return tree.data, tree, [(p.line, p.path, p.key, p.params) for p in problems]


def refused(text: str) -> Found:
    with pytest.raises(CatalogueError) as info:
        catalogue_yaml._parse_yaml(text, "f.yaml")
    return [(p.line, p.path, p.key, p.params) for p in info.value.problems]


# --------------------------------------------------------------------------- limits


def test_the_node_limit_stops_the_file_as_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue_yaml, "MAX_NODES", 50)
    # the YAML error lies past the limit: reading stops before it
    text = "a: [" + ", ".join(["1"] * 60) + "]\nb: [\n"
    assert refused(text) == [(None, "", "catalogue.yaml_too_many_nodes", {"limit": 50})]
    # the document's mapping, a key, a list and 47 numbers are 50 nodes: fine; 51 are not
    assert parsed("a: [" + ", ".join(["1"] * 47) + "]\n")[2] == []
    assert [f[2] for f in refused("a: [" + ", ".join(["1"] * 48) + "]\n")] == [
        "catalogue.yaml_too_many_nodes"
    ]
    # an error before the limit is what is said
    assert [f[2] for f in refused("a: [1, 2\nb: [" + ", ".join(["1"] * 60) + "]\n")] == [
        "catalogue.yaml_syntax"
    ]


def test_a_long_text_is_counted_before_anything_is_composed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(catalogue_yaml, "MAX_NODES", 50)
    composed: list[str] = []
    compose = yaml.compose

    def recorded(text: str, Loader: Any) -> Any:
        composed.append(text)
        return compose(text, Loader=Loader)

    monkeypatch.setattr(yaml, "compose", recorded)
    text = "a: [" + ", ".join(["1"] * 60) + "]\n"
    assert refused(text) == [(None, "", "catalogue.yaml_too_many_nodes", {"limit": 50})]
    assert composed == []
    # counted and within the limit: composed and built as any other
    assert parsed("a: [" + ", ".join(["1"] * 47) + "]\n")[0] == {"a": [1] * 47}
    assert len(composed) == 1


def test_a_text_too_short_to_reach_the_limit_is_not_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def never(*_: object) -> None:
        raise AssertionError("counted")

    monkeypatch.setattr(catalogue_yaml, "_count_nodes", never)
    text = "a: [" + ", ".join(["1"] * 60) + "]\n"
    assert len(text) <= cat.MAX_NODES // 2
    assert parsed(text)[0] == {"a": [1] * 60}
    monkeypatch.setattr(catalogue_yaml, "MAX_NODES", 2 * len(text) - 2)
    with pytest.raises(AssertionError, match="counted"):
        parsed(text)


def test_nodes_repeated_by_aliases_have_a_limit_of_their_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(catalogue_yaml, "MAX_ALIAS_NODES", 100)
    anchor = "a: &a [" + ", ".join(["1"] * 49) + "]\n"  # 50 nodes
    # each alias repeats 50 nodes and is one itself: 49 more each
    data, _, found = parsed(anchor + "b: [*a, *a]\n")
    assert found == [] and data["b"] == [[1] * 49, [1] * 49]
    assert refused(anchor + "b: [*a, *a, *a]\n") == [
        (None, "", "catalogue.yaml_too_many_nodes", {"limit": 100})
    ]


@pytest.mark.parametrize(("limit", "fine"), [(58, True), (57, False)])
def test_aliases_inside_an_anchor_count_each_node_they_repeat(
    monkeypatch: pytest.MonkeyPatch, limit: int, fine: bool
) -> None:
    monkeypatch.setattr(catalogue_yaml, "MAX_ALIAS_NODES", limit)
    # a: 10 nodes; b repeats a twice (9 more each: 18); c repeats b (21 nodes, 20 more) twice
    text = "a: &a [" + ", ".join(["1"] * 9) + "]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    if fine:
        data, _, found = parsed(text)
        assert found == [] and data["c"] == [[[1] * 9] * 2] * 2
    else:
        assert refused(text) == [(None, "", "catalogue.yaml_too_many_nodes", {"limit": limit})]


def test_after_an_alias_bomb_the_rest_of_the_file_is_still_read() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    bomb = "\n".join(lines) + "\n"
    # a YAML mistake anywhere is said first, as when the whole file was read first
    (found,) = refused(bomb + "z: *nope\n")
    assert found[:3] == (11, "", "catalogue.yaml_syntax")
    assert "undefined alias" in str(found[3]["detail"])
    assert refused(bomb) == [(None, "", "catalogue.yaml_too_many_nodes", {"limit": 100_000})]


def test_deep_nesting_is_refused_at_max_depth() -> None:
    fine = "a: " + "[" * (cat.MAX_DEPTH - 1) + "]" * (cat.MAX_DEPTH - 1) + "\n"
    assert parsed(fine)[2] == []
    deep = "a: " + "[" * (cat.MAX_DEPTH + 1) + "]" * (cat.MAX_DEPTH + 1) + "\n"
    assert refused(deep) == [(None, "", "catalogue.yaml_syntax", {"detail": "nesting too deep"})]
    # a duplicate key's value is not built, so not looked into: the duplicate is said
    skipped = "a: 1\na: " + "{b: " * (cat.MAX_DEPTH + 1) + "1" + "}" * (cat.MAX_DEPTH + 1) + "\n"
    assert [f[2] for f in parsed(skipped)[2]] == ["catalogue.duplicate_key"]
    # deeper than PyYAML's composers go (libyaml: 1,000 levels; Python's: its recursion
    # limit): the same words
    for levels in (400, 1_200):
        deeper = "a: " + "[" * levels + "]" * levels + "\n"
        assert refused(deeper) == [
            (None, "", "catalogue.yaml_syntax", {"detail": "nesting too deep"})
        ]


# --------------------------------------------------------------------------- anchors and aliases


def test_an_alias_is_a_copy_with_its_anchors_lines() -> None:
    data, tree, found = parsed("a: &x\n  k: 1\n  m: [2]\nb: *x\n")
    assert found == []
    assert data["b"] == data["a"] == {"k": 1, "m": [2]}
    assert data["b"] is not data["a"] and data["b"]["m"] is not data["a"]["m"]
    assert tree.line(("b",)) == 4
    assert tree.line(("b", "k")) == 2
    assert tree.line(("b", "m", 0)) == 3


def test_a_problem_inside_an_alias_is_said_at_each_place_with_the_anchors_line() -> None:
    data, _, found = parsed('a: &x "\\e"\nb: [*x]\n')
    assert data == {"a": "?", "b": ["?"]}
    assert [(line, path, key) for line, path, key, _ in found] == [
        (1, "a", "catalogue.control_character"),
        (1, "b[0]", "catalogue.control_character"),
    ]


def test_an_alias_under_a_text_key_keeps_what_was_written() -> None:
    text = VALID.replace("    max: 100\n", "    max: &n 100\n").replace(
        "denominator: 14", "denominator: *n"
    )
    indicator = loads(text).indicator("2.2")
    assert indicator is not None and indicator.denominator == "100"


def test_an_alias_as_a_key() -> None:
    data, tree, found = parsed("a: &k name\nb: {*k : 1}\n")
    assert found == [] and data == {"a": "name", "b": {"name": 1}}
    assert tree.line(("b", "name")) == 1  # an alias's line is its anchor's


def test_a_value_that_holds_itself_is_refused() -> None:
    expected = [(None, "", "catalogue.yaml_syntax", {"detail": "nesting too deep"})]
    assert refused("a: &a [1, *a]\n") == expected
    assert refused("a: &a {b: {c: *a}}\n") == expected
    # left unbuilt under a duplicate key it harms nothing, until used
    assert parsed("a: 1\na: &x [*x]\n")[0] == {"a": 1}
    assert refused("a: 1\na: &x [*x]\nb: *x\n") == expected


def test_an_undefined_alias_names_its_line() -> None:
    ((line, path, key, params),) = refused("a: 1\nb: *nope\n")
    assert (line, path, key) == (2, "", "catalogue.yaml_syntax")
    assert params == {"detail": "found undefined alias 'nope'"}


def test_an_anchor_written_twice_names_the_second() -> None:
    assert refused("a: &x 1\nb:\n  - &x 2\n") == [
        (3, "", "catalogue.yaml_syntax", {"detail": "second occurrence"})
    ]


def test_an_anchor_under_a_duplicate_key_still_serves_later_aliases() -> None:
    data, _, found = parsed("a: 1\na: &z [1, 2]\nb: *z\n")
    assert data == {"a": 1, "b": [1, 2]}
    assert found == [(2, "a", "catalogue.duplicate_key", {"key": "a", "first": 1})]


def test_a_second_document_is_refused() -> None:
    assert refused("a: 1\n---\nb: 2\n") == [
        (2, "", "catalogue.yaml_syntax", {"detail": "but found another document"})
    ]


# --------------------------------------------------------------------------- keys and lines


def test_a_duplicate_key_names_both_lines() -> None:
    text = VALID.replace("    note: null\n", "    note: null\n    source: lagi\n")
    with pytest.raises(CatalogueError) as info:
        loads(text)
    (problem,) = info.value.problems
    assert (problem.line, problem.path, problem.key) == (
        line_of(text, "source: lagi"),
        "indicators[0].source",
        "catalogue.duplicate_key",
    )
    assert problem.params == {"key": "source", "first": line_of(text, "source: Laporan bagian")}


def test_a_duplicate_keys_value_is_left_unbuilt() -> None:
    data, _, found = parsed("a: 1\na: !!binary aGVsbG8=\nb: [1]\nb: {c: x}\n")
    assert data == {"a": 1, "b": [1]}
    assert [(line, key) for line, _, key, _ in found] == [
        (2, "catalogue.duplicate_key"),
        (4, "catalogue.duplicate_key"),
    ]


def test_keys_equal_as_values_are_duplicates() -> None:
    # PyYAML builds every `.nan` as one and the same float: equal as a key
    data, _, found = parsed("a: {1: x, true: y, 1.0: z}\nb: {.nan: 1, .NaN: 2}\n")
    assert data["a"] == {1: "x"} and len(data["b"]) == 1
    assert [(line, key) for line, _, key, _ in found] == [(1, "catalogue.duplicate_key")] * 2 + [
        (2, "catalogue.duplicate_key")
    ]


def test_key_paths_are_text_and_lines_are_the_keys() -> None:
    _, tree, _ = parsed("targets:\n  2025:\n    TW1: 5\n  2026: 7\nlist:\n  - x\n  -\n    - y\n")
    assert tree.line(("targets", "2025")) == 2
    assert tree.line(("targets", "2025", "TW1")) == 3
    assert tree.line(("targets", "2026")) == 4
    assert tree.line(("list", 1, 0)) == 8
    assert tree.line(("list", 1, 0, "missing")) == 8
    assert tree.line(()) == 1


# --------------------------------------------------------------------------- scalars and tags


def test_plain_scalars_resolve_as_yaml_1_1_and_text_keys_keep_what_was_written() -> None:
    text = (
        "x: [1.10, ~, yes, 0x1F, 1:30, 017, 2025-01-01, '1', 1e3, .inf]\n"
        "code: 1.10\ngoal: ~\nvalue: yes\nnumerator: 0x1F\n"
    )
    data, _, found = parsed(text)
    assert found == []
    assert data["x"][:6] == [1.1, None, True, 31, 90, 15]
    assert str(data["x"][6]) == "2025-01-01"
    assert data["x"][7:9] == ["1", "1e3"]
    assert data["x"][9] == float("inf")
    # seen before as numbers, booleans and nulls: still kept as written, null as null
    assert (data["code"], data["goal"], data["value"], data["numerator"]) == (
        "1.10",
        None,
        "yes",
        "0x1F",
    )


def test_explicit_plain_tags() -> None:
    data, _, found = parsed("a: !!str 123\nb: !!int '12'\nc: ! 123\nd: !!float 1\ne: !!seq [1]\n")
    assert found == []
    assert data == {"a": "123", "b": 12, "c": 123, "d": 1.0, "e": [1]}


@pytest.mark.parametrize(
    "value", ["!!bool maybe", "!!timestamp soon", "!!map text", "!!seq text", "2025-02-30"]
)
def test_a_value_its_tag_cannot_hold_is_a_problem_not_a_crash(value: str) -> None:
    data, _, found = parsed(f"a: {value}\nb: &x {value}\nc: *x\n")
    assert data == {"a": None, "b": None, "c": None}
    assert [(line, path, key) for line, path, key, _ in found] == [
        (1, "a", "catalogue.yaml_syntax"),
        (2, "b", "catalogue.yaml_syntax"),
        (2, "c", "catalogue.yaml_syntax"),
    ]


def test_a_refused_collection_is_not_looked_into() -> None:
    data, _, found = parsed('a: !!set {b: "\\e"}\nc: !!omap [d: !!binary x]\n')
    assert data == {"a": None, "c": None}
    assert [(line, path, key) for line, path, key, _ in found] == [
        (1, "a", "catalogue.yaml_tag"),
        (2, "c", "catalogue.yaml_tag"),
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('a: "x\\e]0;y"\n', "x?]0;y"),  # an escape: the text has a backslash
        ("a: x\u202ey\n", "x?y"),  # written raw: no backslash anywhere
        ('"k\\x1b": 1\n', "k?"),  # in a key
    ],
)
def test_control_characters_are_found_with_or_without_a_backslash(text: str, shown: str) -> None:
    data, _, found = parsed(text)
    ((_, _, key, params),) = found
    assert key == "catalogue.control_character" and params == {"text": shown}
    assert shown in data or shown in data.values()


def test_line_breaks_of_any_kind_are_not_control_characters() -> None:
    data, _, found = parsed("a: >\r\n  x\r\n  y\r\nb: 'p\r\n  q'\r\n")
    assert found == [] and data == {"a": "x y\n", "b": "p q"}


def test_a_yaml_mistake_is_described_in_python_parsers_words() -> None:
    text = "a: [1, 2\nb: 3\n"
    with pytest.raises(yaml.MarkedYAMLError) as python:
        yaml.load(text, Loader=yaml.SafeLoader)
    assert refused(text) == [
        (
            python.value.problem_mark.line + 1 if python.value.problem_mark else None,
            "",
            "catalogue.yaml_syntax",
            {"detail": python.value.problem},
        )
    ]
