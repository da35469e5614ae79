"""The checked-catalogue cache: read back only what these very bytes were checked to be."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA, SHIPPED_CATALOGUE, Result
from iku_cli.core.catalogue import Catalogue
from iku_cli.core.errors import CatalogueError
from iku_cli.loading import catalogue_cache, catalogue_file
from iku_cli.loading.catalogue_cache import KEEP, CatalogueCache, cache_dir, default_cache
from iku_cli.loading.catalogue_file import load


def expressions(cat: Catalogue) -> dict[tuple[str, str], str]:
    """Every compiled expression of every indicator, rendered."""
    return {
        (indicator.code, key): expression.render()
        for indicator in cat.indicators
        for key, expression in indicator.__pydantic_private__["_compiled"].items()  # type: ignore[index]
    }


def same(a: Catalogue, b: Catalogue) -> None:
    assert a.model_dump() == b.model_dump()
    assert expressions(a) == expressions(b)
    assert expressions(a)  # the shipped catalogue has formulas: the comparison means something


def no_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make a full check fail the test: what follows must come from the cache."""

    def refuse(*args: object, **kwargs: object) -> Catalogue:
        raise AssertionError("the catalogue was checked again")

    monkeypatch.setattr(catalogue_file, "loads", refuse)


@pytest.fixture
def cache(tmp_path: Path) -> CatalogueCache:
    return CatalogueCache(tmp_path / "cache")


def cached_files(cache: CatalogueCache) -> list[Path]:
    return sorted(cache.folder.glob("catalogue-*.json"))


def test_a_checked_catalogue_is_read_back_equal(
    cache: CatalogueCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load(SHIPPED_CATALOGUE)
    first = load(SHIPPED_CATALOGUE, cache=cache)
    assert len(cached_files(cache)) == 1
    no_check(monkeypatch)
    again = load(SHIPPED_CATALOGUE, cache=cache)
    same(fresh, first)
    same(fresh, again)
    assert (again.path, again.sha256) == (fresh.path, fresh.sha256)
    # what the core asks of a catalogue works on one read back
    assert again.indicator("4.1") is not None
    assert again.owners == fresh.owners


def test_the_same_bytes_elsewhere_are_read_back_with_their_own_path(
    cache: CatalogueCache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(SHIPPED_CATALOGUE, cache=cache)
    copy = tmp_path / "salinan.yaml"
    copy.write_bytes(SHIPPED_CATALOGUE.read_bytes())
    no_check(monkeypatch)
    assert load(copy, cache=cache).path == str(copy)


def test_a_changed_catalogue_is_checked_again(cache: CatalogueCache, tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    text = SHIPPED_CATALOGUE.read_text("utf-8")
    path.write_text(text, "utf-8")
    load(path, cache=cache)
    path.write_text(text.replace("organisation:", "# diubah\norganisation:", 1), "utf-8")
    changed = load(path, cache=cache)
    assert len(cached_files(cache)) == 2
    assert changed.sha256 != load(SHIPPED_CATALOGUE).sha256


def test_a_catalogue_with_mistakes_is_never_kept(cache: CatalogueCache) -> None:
    for _ in range(2):  # reported in full each time
        with pytest.raises(CatalogueError) as raised:
            load(DATA / "catalogue-broken.yaml", cache=cache)
        assert len(raised.value.problems) > 1
    assert cached_files(cache) == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b'{"schema": 1}',
        b"\xff\xfe garbage",
    ],
    ids=["empty", "not-json", "not-a-catalogue", "not-utf8"],
)
def test_a_damaged_cache_file_is_ignored_and_replaced(
    cache: CatalogueCache, content: bytes
) -> None:
    load(SHIPPED_CATALOGUE, cache=cache)
    [kept] = cached_files(cache)
    kept.write_bytes(content)
    same(load(SHIPPED_CATALOGUE), load(SHIPPED_CATALOGUE, cache=cache))
    assert json.loads(kept.read_bytes())["sha256"] == load(SHIPPED_CATALOGUE).sha256


def test_a_cache_file_for_other_bytes_is_not_believed(cache: CatalogueCache) -> None:
    """A file renamed (or written by hand) under another catalogue's name is not used."""
    load(SHIPPED_CATALOGUE, cache=cache)
    [kept] = cached_files(cache)
    data = json.loads(kept.read_bytes())
    data["sha256"] = "0" * 64
    data["organisation"] = "Bukan katalog ini"
    kept.write_text(json.dumps(data), "utf-8")
    assert load(SHIPPED_CATALOGUE, cache=cache).organisation != "Bukan katalog ini"


def test_other_checking_code_does_not_read_this_codes_files(
    cache: CatalogueCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(SHIPPED_CATALOGUE, cache=cache)
    monkeypatch.setattr(catalogue_cache, "code_fingerprint", lambda: "other-code")
    checked: list[object] = []
    real = catalogue_file.loads

    def counting(*args: object, **kwargs: object) -> Catalogue:
        checked.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(catalogue_file, "loads", counting)
    load(SHIPPED_CATALOGUE, cache=cache)
    assert len(checked) == 1
    assert len(cached_files(cache)) == 2


def test_the_fingerprint_follows_the_checking_code() -> None:
    first = catalogue_cache.code_fingerprint()
    assert first == catalogue_cache.code_fingerprint()
    assert len(first) == 20
    catalogue_cache.code_fingerprint.cache_clear()
    assert catalogue_cache.code_fingerprint() == first


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be", "utf-8")
    cache = CatalogueCache(blocked / "cache")
    same(load(SHIPPED_CATALOGUE), load(SHIPPED_CATALOGUE, cache=cache))
    assert blocked.read_text("utf-8") == "a file where the folder would be"


def test_no_temporary_file_is_left_behind(cache: CatalogueCache) -> None:
    load(SHIPPED_CATALOGUE, cache=cache)
    assert [p.name for p in cache.folder.iterdir()] == [p.name for p in cached_files(cache)]


def test_at_most_keep_files_are_kept_the_oldest_go(cache: CatalogueCache, tmp_path: Path) -> None:
    text = SHIPPED_CATALOGUE.read_text("utf-8")
    for i in range(KEEP + 3):
        path = tmp_path / f"c{i}.yaml"
        path.write_text(f"# versi {i}\n{text}", "utf-8")
        load(path, cache=cache)
        kept = cache.path_for(load(path).sha256)
        os.utime(kept, (1_000_000 + i, 1_000_000 + i))  # in order, whatever the clock
    names = {p.name for p in cached_files(cache)}
    assert len(names) == KEEP
    newest = load(tmp_path / f"c{KEEP + 2}.yaml").sha256
    oldest = load(tmp_path / "c0.yaml").sha256
    assert cache.path_for(newest).name in names
    assert cache.path_for(oldest).name not in names


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("IKU_CACHE_DIR", str(tmp_path / "di-sini"))
    assert cache_dir() == tmp_path / "di-sini"
    monkeypatch.delenv("IKU_CACHE_DIR")
    monkeypatch.setattr(catalogue_cache.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "iku"
    monkeypatch.setenv("XDG_CACHE_HOME", "relatif/tidak-dipakai")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "iku"
    monkeypatch.setattr(catalogue_cache.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert cache_dir() == tmp_path / "local" / "iku" / "Cache"
    for off in ("off", "0", "no", "FALSE"):
        monkeypatch.setenv("IKU_CACHE", off)
        assert cache_dir() is None
        assert default_cache() is None


def test_commands_use_the_cache_and_catalogue_check_always_checks(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = Path(os.environ["IKU_CACHE_DIR"])
    catalogue = str(SHIPPED_CATALOGUE)
    assert run("catalogue", "check", catalogue).exit_code == 0
    assert list(folder.glob("catalogue-*.json")) == []  # a check checks, and keeps nothing
    assert run("catalogue", "show", catalogue).exit_code == 0
    assert len(list(folder.glob("catalogue-*.json"))) == 1
    no_check(monkeypatch)
    shown = run("catalogue", "show", catalogue, "--format", "json")
    assert shown.exit_code == 0
    assert {i["code"] for i in json.loads(shown.stdout)["indicators"]} >= {"1.1", "4.1"}


def test_with_the_cache_off_nothing_is_written(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path(os.environ["IKU_CACHE_DIR"])
    monkeypatch.setenv("IKU_CACHE", "off")
    assert run("catalogue", "show", str(SHIPPED_CATALOGUE)).exit_code == 0
    assert list(folder.iterdir()) == []


def test_a_catalogue_read_back_needs_no_yaml_parser(tmp_path: Path) -> None:
    """PyYAML is imported only when a file is parsed (10 ms of each run otherwise)."""
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path;"
        "from iku_cli.loading.catalogue_file import load;"
        "from iku_cli.loading.catalogue_cache import CatalogueCache;"
        f"load({str(SHIPPED_CATALOGUE)!r}, cache=CatalogueCache(Path({str(tmp_path)!r})));"
        "print('yaml' in sys.modules)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["True", "False"]  # parsed, then read back
