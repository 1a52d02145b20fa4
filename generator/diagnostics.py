"""Diagnostics: every problem found in the content, with file, line, column and a stable code."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.StrEnum):
    """How bad a diagnostic is: errors stop a build, warnings stop a strict one, notes inform."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    """Something recognised and handled that a reviewer may want to know (an artifact line)."""


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file, pointing at the line and column it comes from (1-based)."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity}[{self.code}]: {self.message}"
        )


def _sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    return (diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.code)


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as the user reads it: relative to ``root`` (or the working dir) when inside it."""
    resolved = path.resolve()
    for base in (root, Path.cwd()):
        if base is not None and resolved.is_relative_to(base.resolve()):
            return resolved.relative_to(base.resolve()).as_posix()
    return path.as_posix()


def errors_in(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics that stop a build."""
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def warnings_in(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics that stop only a strict build."""
    return [d for d in diagnostics if d.severity is Severity.WARNING]


def sort_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in file, line, column order, the order a reader fixes them in."""
    return sorted(set(diagnostics), key=_sort_key)
