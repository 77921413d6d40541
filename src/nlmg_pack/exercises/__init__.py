"""Exercises generated from the content data: seeded, spoiler-safe, each with its answer.

A recipe's ``exercises`` list names generators and counts; ``add_generated`` turns them into
one extra worksheet in the selection, so generated questions are laid out, versioned and
answered exactly like authored ones.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

from .. import model as m
from ..packs import GENERATOR_NAMES
from ..select import Selection
from . import quotes, story

Generator = Callable[[m.Content, random.Random, int], tuple[m.QuestionSpec, ...]]

GENERATORS: dict[str, Generator] = {
    "who-said-it": quotes.who_said_it,
    "complete-the-quotation": quotes.complete_the_quotation,
    "order-events": story.order_events,
    "match-character": story.match_character,
    "match-quote-theme": story.match_quote_theme,
    "which-part": story.which_part,
}
assert tuple(GENERATORS) == GENERATOR_NAMES, "packs.GENERATOR_NAMES and GENERATORS must agree"

INSTRUCTIONS = {
    "complete-the-quotation": "Fill each gap with the missing word or words. Word bank: {bank}.",
}


def add_generated(sel: Selection) -> Selection:
    """Append the recipe's generated exercises (one worksheet) to the selection."""
    if not sel.pack.exercises:
        return sel
    rng = random.Random(f"exercises/{sel.pack.seed}")
    questions: list[m.QuestionSpec] = []
    notes: list[str] = []
    for ex in sel.pack.exercises:
        made = GENERATORS[ex.generator](sel.content, rng, ex.count)
        questions.extend(replace(q, id=f"{ex.generator}-{q.id}") for q in made)
        if ex.generator in INSTRUCTIONS and made:
            notes.append(INSTRUCTIONS[ex.generator].format(bank=", ".join(quotes.word_bank(made, rng))))
    if not questions:
        return sel
    title = next((ex.title for ex in sel.pack.exercises if ex.title), "Quick quiz")
    sheet = m.WorksheetSpec(
        id="generated-quiz", title=title, kind="comprehension", reveals=sel.cutoff, questions=tuple(questions),
        instructions=" ".join(["Answer every question."] + notes),
        part=sel.pack.filters.parts[0] if len(sel.pack.filters.parts) == 1 else None)
    return replace(sel, content=replace(sel.content, worksheets=(*sel.content.worksheets, sheet)))
