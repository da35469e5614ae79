"""The one exception family for what stops a run (bad catalogue, unusable arguments)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..i18n import Lang, t


class IkuError(Exception):
    """Stops a run; the CLI shows ``message(lang)`` and exits with ``exit_code``."""

    exit_code = 2

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: Lang = "id") -> str:
        # a hint like "run iku validate {path}" names what the user gave (see ``about``),
        # else the word FOLDER: never a literal PATH
        return t(self.key, lang, **{"path": t("metavar.path", lang), **self.params})

    def details(self, lang: Lang = "id") -> list[str]:
        """Further lines to show under the message."""
        return []


def command_line_path(paths: object) -> str:
    """Paths as a user would type them again: quoted when they hold a space."""
    items = paths if isinstance(paths, list | tuple) else [paths]
    return " ".join(f'"{p}"' if " " in str(p) else str(p) for p in items)


@contextmanager
def about(paths: object) -> Iterator[None]:
    """An IkuError raised inside, whose message says ``{path}``, names ``paths``."""
    try:
        yield
    except IkuError as exc:
        exc.params.setdefault("path", command_line_path(paths))
        raise


@dataclass(frozen=True)
class CatalogueProblem:
    """One mistake in a catalogue, with where it stands."""

    file: str
    line: int | None
    path: str
    key: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: Lang = "id") -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = t(self.key, lang, **self.params)
        return f"{where} {self.path}: {text}" if self.path else f"{where}: {text}"


class CatalogueError(IkuError):
    """A catalogue that cannot be used; carries every problem found."""

    def __init__(self, file: str, problems: list[CatalogueProblem]) -> None:
        super().__init__("catalogue.problems", file=file, count=len(problems))
        self.file = file
        self.problems = problems

    def _about_whole_file(self) -> CatalogueProblem | None:
        """The one problem when it concerns the file itself (missing, unreadable)."""
        if len(self.problems) == 1:
            problem = self.problems[0]
            if problem.line is None and not problem.path and "file" in problem.params:
                return problem
        return None

    def message(self, lang: Lang = "id") -> str:
        # "catalogue x.yaml has 1 problem: x.yaml: catalogue x.yaml not found" says it twice
        problem = self._about_whole_file()
        if problem is not None:
            return t(problem.key, lang, **problem.params)
        return super().message(lang)

    def details(self, lang: Lang = "id") -> list[str]:
        if self._about_whole_file() is not None:
            return []
        return [p.message(lang) for p in self.problems]
