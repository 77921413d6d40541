"""Worksheets: authored questions laid out for writing, each with its answer for the teacher.

Display order of sequence items and match columns is shuffled with a seed derived from the
worksheet and question ids, so every build prints the same order and the key always matches.
"""

from __future__ import annotations

import random
import string

from .. import ir
from .. import model as m
from ..select import Selection
from ..typography import smarten
from .common import NUMBER_WORDS, Prose, lookup, quote_block

LETTERS = string.ascii_uppercase
KIND_TITLES = {"comprehension": "Comprehension", "vocabulary": "Vocabulary",
               "close-reading": "Close reading", "exam": "Exam practice"}


def to_sections(sel: Selection, prose: Prose) -> tuple[ir.Section, ...]:
    by_part: dict[int | None, list[m.WorksheetSpec]] = {}
    for ws in sel.content.worksheets:
        by_part.setdefault(ws.part, []).append(ws)
    sections = []
    for part in sel.book.parts:
        if part.number in by_part:
            title = f"Worksheets: {part.title}"
            sections.append(_section(sel, prose, f"worksheets-part-{part.number}", title, by_part[part.number],
                                     part.number))
    if None in by_part:
        sections.append(_section(sel, prose, "worksheets-whole-text", "Worksheets: the whole text",
                                 by_part[None], None))
    return tuple(sections)


def _section(sel, prose, sid, title, sheets, part) -> ir.Section:
    return ir.Section(id=sid, title=title, kind="worksheets", running_head=title, part=part,
                      blocks=tuple(worksheet(sel, prose, ws) for ws in sheets))


def worksheet(sel: Selection, prose: Prose, ws: m.WorksheetSpec) -> ir.Worksheet:
    questions = tuple(question(sel, prose, ws, q, n) for n, q in enumerate(ws.questions, start=1))
    return ir.Worksheet(
        anchor=f"ws-{ws.id}", title=ir.text(smarten(ws.title)), questions=questions,
        instructions=prose(ws.instructions), subtitle=ir.text(_subtitle(sel, ws)),
        total_marks=sum(q.marks for q in questions), src=ws.src)


def _subtitle(sel: Selection, ws: m.WorksheetSpec) -> str:
    bits = [KIND_TITLES[ws.kind]]
    if ws.part:
        bits.append(f"Part {NUMBER_WORDS[ws.part] if ws.part < len(NUMBER_WORDS) else ws.part}")
    bits.append(f"chapters 1\u2013{ws.reveals}")
    spec = next((s for s in sel.content.specifications if s.id == ws.specification), None)
    if spec:
        bits.append(f"{spec.board} {spec.level} {spec.title} ({spec.code})")
    return " \u00b7 ".join(bits)


def default_lines(q: m.QuestionSpec) -> int:
    """Write-on lines when the author gives none: room grows with the marks available."""
    if q.type in ("choice", "true-false", "sequence", "match"):
        return 0
    if q.type == "extended":
        return max(10, min(30, q.marks * 2))
    return max(2, min(10, q.marks * 2))


def question(sel: Selection, prose: Prose, ws: m.WorksheetSpec, q: m.QuestionSpec, number: int) -> ir.Question:
    rng = random.Random(f"{ws.id}/{q.id}")  # string seeds are stable across runs and platforms
    anchor = f"ws-{ws.id}-{q.id}"
    quotes = lookup(sel.content).quotes
    extract = quote_block(sel, quotes[q.quote]) if q.quote in quotes else None
    shown = _display_order(q, rng)
    return ir.Question(
        anchor=anchor, number=number, qtype=q.type, prompt=prose(q.prompt), marks=q.marks,
        answer=ir.Answer(anchor=f"{anchor}-answer", content=_answer(prose, q, shown),
                         points=_order_points(q) + tuple(prose(p) for p in q.mark_scheme)),
        lines=q.lines if q.lines is not None else default_lines(q), ao=q.ao, extract=extract,
        options=shown.get("options", ()), items=shown.get("items", ()),
        match_left=shown.get("left", ()), match_right=shown.get("right", ()), src=q.src)


def _display_order(q: m.QuestionSpec, rng: random.Random) -> dict[str, tuple[str, ...]]:
    if q.type == "choice":
        return {"options": tuple(smarten(o) for o in q.options)}  # authors order options deliberately
    if q.type == "sequence":
        items = list(q.items)
        while len(items) > 1 and items == list(q.items):
            rng.shuffle(items)
        return {"items": tuple(smarten(i) for i in items)}
    if q.type == "match":
        right = [p.right for p in q.pairs]
        while len(right) > 1 and right == [p.right for p in q.pairs]:
            rng.shuffle(right)
        return {"left": tuple(smarten(p.left) for p in q.pairs), "right": tuple(smarten(r) for r in right)}
    return {}


def _order_points(q: m.QuestionSpec) -> tuple[ir.Inlines, ...]:
    """For a sequence, the correct order written out, so a marker need not decode numbers."""
    if q.type != "sequence":
        return ()
    return tuple(ir.text(smarten(f"{n}. {item}")) for n, item in enumerate(q.items, start=1))


def _answer(prose: Prose, q: m.QuestionSpec, shown: dict[str, tuple[str, ...]]) -> ir.Inlines:
    if q.type == "choice":
        letter = LETTERS[list(q.options).index(str(q.answer))]
        return ir.text(smarten(f"{letter} \u2013 {q.answer}"))
    if q.type == "true-false":
        return ir.text("True" if q.answer else "False")
    if q.type == "sequence":
        # Pupils number the printed items, so the key gives the number for each box, top down.
        correct = [smarten(item) for item in q.items]
        numbers = [str(correct.index(item) + 1) for item in shown["items"]]
        return ir.text("Numbers from the top: " + ", ".join(numbers))
    if q.type == "match":
        right = shown["right"]
        pairs = [f"{i} \u2013 {LETTERS[right.index(smarten(p.right))]}" for i, p in enumerate(q.pairs, start=1)]
        return ir.text("; ".join(pairs))
    return prose(str(q.answer))
