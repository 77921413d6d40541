"""Class lists for personalised copies: a CSV of names (and optionally a class or group).

Every row problem is a ``path:line`` diagnostic; names become safe, unique file-name slugs
(no path separators, no dots at the front, no clashes), so a class list can never write
outside the output folder or overwrite one pupil's copy with another's.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import Collector

MAX_STUDENTS = 500
MAX_NAME = 80
HEADER_NAMES = {"name", "student", "pupil"}


@dataclass(frozen=True)
class Student:
    name: str
    group: str
    slug: str
    line: int


def read_class_list(path: Path, shown: str) -> tuple[Student, ...]:
    out = Collector()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        out.add(shown, 0, "E133", f"cannot read class list: {exc.strerror or exc}")
        out.raise_if_any()
    except UnicodeDecodeError:
        out.add(shown, 0, "E133", "class list is not UTF-8; save it as 'CSV UTF-8'")
        out.raise_if_any()
    students = _parse_rows(text, shown, out)
    if not students and not out.items:
        out.add(shown, 0, "E133", "class list has no names")
    if len(students) > MAX_STUDENTS:
        out.add(shown, 0, "E133", f"class list has {len(students)} names; the limit is {MAX_STUDENTS}")
    out.raise_if_any()
    return students


def _parse_rows(text: str, shown: str, out: Collector) -> tuple[Student, ...]:
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text))
    try:
        for row in reader:
            rows.append((reader.line_num, [cell.strip() for cell in row]))
    except csv.Error as exc:
        out.add(shown, reader.line_num, "E133", f"malformed CSV: {exc}")
        return ()
    students: list[Student] = []
    used: set[str] = set()
    for index, (line, cells) in enumerate(rows):
        if not any(cells):
            continue
        if index == 0 and cells[0].lower() in HEADER_NAMES:
            continue  # a header row
        if len(cells) > 2:
            out.add(shown, line, "E133", f"expected 'name' or 'name,class', found {len(cells)} columns")
            continue
        name, group = cells[0], (cells[1] if len(cells) > 1 else "")
        problem = _name_problem(name)
        if problem:
            out.add(shown, line, "E133", problem)
            continue
        slug = unique_slug(name, used)
        students.append(Student(name=name, group=group, slug=slug, line=line))
    return tuple(students)


def _name_problem(name: str) -> str:
    if not name:
        return "empty name"
    if len(name) > MAX_NAME:
        return f"name is longer than {MAX_NAME} characters"
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        return "name contains control characters"
    return ""


def unique_slug(name: str, used: set[str]) -> str:
    """'Zoë O'Brien' → 'zoe-obrien'; a second 'Zoe OBrien' → 'zoe-obrien-2'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-")[:60] or "student"
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug
