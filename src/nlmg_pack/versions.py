"""Seeded versions (A, B, C ...) of a pack's worksheets, each with its own answer key.

A version shuffles the order of questions within each worksheet and the order of each choice
question's options. The composer derives every answer key from the shuffled order, so a key
always matches its version. The same seed gives the same versions; another seed, other orders.
"""

from __future__ import annotations

import random
import string
from dataclasses import replace

from . import model as m
from .select import Selection


def letters(count: int) -> tuple[str, ...]:
    """Version labels: '' for a single version, else A, B, C ..."""
    return ("",) if count <= 1 else tuple(string.ascii_uppercase[:count])


def make_version(sel: Selection, label: str) -> Selection:
    if not label:
        return sel
    rng = random.Random(f"version/{sel.pack.seed}/{label}")
    sheets = tuple(_shuffle_sheet(ws, rng) for ws in sel.content.worksheets)
    return replace(sel, content=replace(sel.content, worksheets=sheets))


def _shuffle_sheet(ws: m.WorksheetSpec, rng: random.Random) -> m.WorksheetSpec:
    questions = list(ws.questions)
    rng.shuffle(questions)
    return replace(ws, questions=tuple(_shuffle_options(q, rng) for q in questions))


def _shuffle_options(q: m.QuestionSpec, rng: random.Random) -> m.QuestionSpec:
    if q.type != "choice":
        return q
    options = list(q.options)
    rng.shuffle(options)
    return replace(q, options=tuple(options))
