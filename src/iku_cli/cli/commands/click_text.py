"""What Click and Typer print themselves (usage line, help panels, their error messages),
in the language of the run, from the same catalogues as iku's own texts.

Typer's vendored Click writes its texts as plain English f-strings, and Typer keeps
its panel titles in ``typer.rich_utils`` constants and passes a few texts through
``gettext``. So: the constants are set, Typer's ``gettext`` is pointed at our
catalogue, and an error message is translated by matching it against the English
templates of the ``click.*`` messages (``Missing option {name}.``) before it is shown.

Typer imports ``typer.rich_utils`` only to print help or an error: it costs 47 ms
(rich's Markdown and markdown-it), a fifth of a one-file run. So it is not imported
here; its constants are set when Typer imports it (:class:`_WhenImported`).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import re
import sys
from collections.abc import Callable, Sequence
from functools import cache
from types import ModuleType
from typing import Any

from typer import _click
from typer import core as typer_core

from ...i18n import Lang, t

# the click.* messages that are whole error messages (matched against Click's English)
ERROR_KEYS = (
    "click.missing_argument",
    "click.missing_option",
    "click.missing_parameter",
    "click.missing_command",
    "click.no_such_option",
    "click.no_such_option_possible",
    "click.no_such_command",
    "click.did_you_mean",
    "click.invalid_value_for",
    "click.invalid_value",
    "click.requires_argument",
    "click.requires_arguments",
    "click.takes_no_value",
    "click.extra_arguments",
    "click.argument_values",
)
# the reasons pydantic gives for a value Typer could not convert
DETAIL_KEYS = (
    "click.not_integer",
    "click.not_integer_fraction",
    "click.not_integer_plain",
    "click.too_big_integer",
)
# the texts Typer passes through gettext: English -> key
GETTEXT_KEYS = (
    "click.dynamic",
    "click.aborted_bang",
    "click.default_plain",
    "click.required_plain",
    "click.env_var_plain",
    "click.arguments",
    "click.options",
    "click.commands",
    "click.missing_command",
    "click.no_such_command",
)
# placeholders whose value is itself a message to translate
NESTED = {"message", "detail"}

_state: dict[str, Any] = {"lang": "id", "patched": False}


def lang() -> Lang:
    """The language Click's texts are shown in."""
    current: Lang = _state["lang"]
    return current


def apply(language: Lang) -> None:
    """Show Click's and Typer's texts in ``language`` from now on."""
    _state["lang"] = language
    if not _state["patched"]:
        _patch()
        _state["patched"] = True
    rich_utils = sys.modules.get(RICH_UTILS)
    if rich_utils is not None:
        _set_rich_texts(rich_utils)
    elif not any(isinstance(finder, _WhenImported) for finder in sys.meta_path):
        sys.meta_path.insert(0, _WhenImported())


RICH_UTILS = "typer.rich_utils"


class _WhenImported(importlib.abc.MetaPathFinder):
    """Sets Typer's help texts in ``typer.rich_utils`` as soon as Typer imports it."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != RICH_UTILS:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or not isinstance(spec.loader, importlib.abc.Loader):
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            _set_rich_texts(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _set_rich_texts(rich_utils: Any) -> None:
    """Typer's panel titles and notes in the language of the run."""
    language = lang()
    rich_utils.ARGUMENTS_PANEL_TITLE = t("click.arguments", language)
    rich_utils.OPTIONS_PANEL_TITLE = t("click.options", language)
    rich_utils.COMMANDS_PANEL_TITLE = t("click.commands", language)
    rich_utils.ERRORS_PANEL_TITLE = t("error", language)
    rich_utils.ABORTED_TEXT = t("click.aborted", language)
    rich_utils.RICH_HELP = t("click.try_help", language)
    rich_utils.REQUIRED_LONG_STRING = t("click.required", language)
    rich_utils.DEFAULT_STRING = t("click.default", language, value="{}")
    rich_utils.ENVVAR_STRING = t("click.env_var", language, value="{}")
    rich_utils.DEPRECATED_STRING = t("click.deprecated", language)
    # the usage line's highlighter knows the English prefix only
    usage = re.escape(t("click.usage", language))
    rich_utils.OptionHighlighter.highlights = [
        *(h for h in rich_utils.OptionHighlighter.highlights if "?P<usage>" not in h),
        rf"(?P<usage>{usage} )",
    ]
    if not getattr(rich_utils, "_iku_translated", False):
        format_error = rich_utils.rich_format_error

        def error(exc: Any) -> None:
            message = translate(exc.format_message())
            exc.format_message = lambda: message
            format_error(exc)

        rich_utils.rich_format_error = error
        rich_utils._iku_translated = True


def _gettext(message: str) -> str:
    key = _gettext_table().get(message)
    return t(key, lang()) if key is not None else message


@cache
def _gettext_table() -> dict[str, str]:
    return {t(key, "en"): key for key in GETTEXT_KEYS}


@cache
def _pattern(key: str) -> re.Pattern[str]:
    """The English text of ``key`` as a regular expression, a group per placeholder."""
    english = t(key, "en")
    parts = re.split(r"\{(\w+)(?:![rs])?\}", english)
    regex = ""
    for i, part in enumerate(parts):
        regex += re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
    return re.compile(f"^{regex}$", re.DOTALL)


def translate(message: str, language: Lang | None = None) -> str:
    """Click's English ``message`` in ``language`` (as it is when no template matches)."""
    language = language or lang()
    if language == "en":
        return message
    for key in DETAIL_KEYS:
        if message == t(key, "en"):
            return t(key, language)
    # longest template first: "No such option: {name} (Possible options: {choices})"
    # before "No such option: {name}"
    for key in sorted(ERROR_KEYS, key=lambda k: -len(t(k, "en"))):
        match = _pattern(key).match(message)
        if match is None:
            continue
        params = {
            name: translate(value, language) if name in NESTED else value
            for name, value in match.groupdict().items()
        }
        # the text keeps {name!r}: fill it with the value as Click quoted it
        text = t(key, language).replace("!r}", "}")
        return text.format(**params)
    return message


def _patch() -> None:
    """Point Typer's and Click's own texts at the catalogue (once per process)."""
    typer_core._ = _gettext  # type: ignore[attr-defined]

    write_usage = _click.formatting.HelpFormatter.write_usage

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(
            self, prog, args, prefix if prefix is not None else t("click.usage", lang()) + " "
        )

    _click.formatting.HelpFormatter.write_usage = usage  # type: ignore[method-assign]

    get_help_option = _click.core.Command.get_help_option

    def help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = t("click.help_option", lang())
        return option

    _click.core.Command.get_help_option = help_option  # type: ignore[method-assign]

    # no <bool>, <str>, <path> type placeholders: an option shows its metavar (BERKAS,
    # TAHUN), a flag nothing, an argument its name
    option_type: Callable[[Any, Any], str | None] = typer_core.TyperOption.display_type_rich

    def shown_type(self: Any, ctx: Any) -> str | None:
        if self.metavar is None and self.is_flag:
            return None
        return option_type(self, ctx)

    typer_core.TyperOption.display_type_rich = shown_type  # type: ignore[method-assign]
    typer_core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


__all__ = ["apply", "lang", "translate"]
