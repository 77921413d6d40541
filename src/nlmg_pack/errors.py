"""Diagnostics and the project's one error type.

Every content, pack, style or argument mistake becomes a ``Diagnostic`` printed as
``path:line: CODE message``. Validation collects them all and raises ``BuildError`` once, so
an author sees every problem in one run. The CLI maps ``BuildError`` to exit status 2; any
other exception is an internal bug (exit 1).
"""

from __future__ import annotations

from dataclasses import dataclass

# The catalogue: stable codes, grouped by stage. docs/diagnostics.md explains each one.
CODES: dict[str, str] = {
    # loading
    "E100": "file missing or unreadable",
    "E101": "YAML syntax error",
    "E102": "file is not UTF-8",
    "E103": "file is empty",
    "E104": "file too large or too many aliases",
    # schema
    "E110": "unknown key",
    "E111": "wrong type",
    "E112": "missing required field",
    "E113": "value not allowed",
    "E114": "bad id",
    # cross references and rules
    "E120": "duplicate id",
    "E121": "reference to an unknown item",
    "E122": "chapter out of range",
    "E123": "quotation too long",
    "E124": "inconsistent structure",
    "E125": "bad inline markup",
    # packs, styles, arguments
    "E130": "bad pack recipe",
    "E131": "bad style",
    "E132": "bad command-line argument",
    "E133": "bad class list",
    # rendering
    "E140": "character missing from the style's fonts",
    "E141": "cannot write output",
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, located. ``line`` 0 means the whole file."""

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


class BuildError(Exception):
    """Bad input (content, pack, style, arguments): the run stops with exit status 2."""

    exit_code = 2

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(set(diagnostics))
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class Collector:
    """Accumulates diagnostics across a stage; ``raise_if_any`` ends the stage."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, path: str, line: int, code: str, message: str) -> None:
        if code not in CODES:  # a typo here would silently mint a new code
            raise ValueError(f"unknown diagnostic code {code}")
        self.items.append(Diagnostic(str(path), line, code, message))

    def extend(self, diagnostics: list[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    def raise_if_any(self) -> None:
        if self.items:
            raise BuildError(self.items)
