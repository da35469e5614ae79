"""Plain lines on stderr: the same text with or without rich, colour only where rich shows it."""

from __future__ import annotations

import pytest

from iku_cli.cli.commands import common

TEXT = "Dihitung untuk tahun 2025 [bold]bukan markup[/] ✓ 98,16 %"


def test_a_plain_line_is_what_rich_would_write(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    common.reset_consoles()
    common.say(TEXT, style="red")
    plain = capsys.readouterr().err
    assert "err" not in common._consoles  # rich was not needed
    common.err_console().print(TEXT, markup=False, highlight=False, style="red")
    assert capsys.readouterr().err == plain == TEXT + "\n"


@pytest.mark.parametrize(("name", "value"), [("FORCE_COLOR", "1"), ("TTY_COMPATIBLE", "1")])
def test_where_rich_shows_colour_the_line_goes_through_rich(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv(name, value)
    common.reset_consoles()
    common.say(TEXT, style="red")
    err = capsys.readouterr().err
    assert "err" in common._consoles
    assert TEXT in err
    assert "\x1b[" in err  # in colour
