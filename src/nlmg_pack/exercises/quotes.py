"""Quotation exercises: who said it, and complete the quotation."""

from __future__ import annotations

import random
import re

from .. import model as m
from ..typography import words
from .common import STOPWORDS, escape_markup, spoken

BLANK = "________"


def who_said_it(c: m.Content, rng: random.Random, count: int) -> tuple[m.QuestionSpec, ...]:
    names = {ch.id: ch.name for ch in c.characters}
    pool = [q for q in c.quotes if spoken(q) and q.speaker in names]
    speakers = sorted({q.speaker for q in pool} | {ch.id for ch in c.characters if ch.kind == "full"})
    questions = []
    for i, q in enumerate(rng.sample(pool, min(count, len(pool))), start=1):
        others = [s for s in speakers if s != q.speaker]
        options = [names[q.speaker]] + [names[s] for s in rng.sample(others, min(3, len(others)))]
        rng.shuffle(options)
        prompt = f"Who says this (chapter {q.chapter})? \"{escape_markup(q.text)}\""
        questions.append(m.QuestionSpec(id=f"who-{i}", type="choice", prompt=prompt, marks=1,
                                        options=tuple(options), answer=names[q.speaker], ao=("AO1",),
                                        reveals=q.reveals, src=q.src))
    return tuple(questions)


def _key_words(text: str, how_many: int) -> list[str]:
    candidates = [w for w in re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text)
                  if len(w) >= 5 and w.lower() not in STOPWORDS]
    ranked = sorted(dict.fromkeys(candidates), key=lambda w: (-len(w), w))
    return ranked[:how_many]


def complete_the_quotation(c: m.Content, rng: random.Random, count: int) -> tuple[m.QuestionSpec, ...]:
    names = {ch.id: ch.name for ch in c.characters}
    pool = [q for q in c.quotes if words(q.text) >= 6 and _key_words(q.text, 1)]
    questions = []
    for i, q in enumerate(rng.sample(pool, min(count, len(pool))), start=1):
        missing = _key_words(q.text, 2 if words(q.text) >= 14 else 1)
        blanked = q.text
        for word in missing:
            blanked = re.sub(rf"\b{re.escape(word)}\b", BLANK, blanked, count=1)
        who = names.get(q.speaker, q.speaker)
        prompt = f"Complete the quotation ({who}, chapter {q.chapter}): \"{escape_markup(blanked)}\""
        questions.append(m.QuestionSpec(id=f"cloze-{i}", type="short", prompt=prompt, marks=len(missing),
                                        answer=escape_markup(", ".join(missing)), lines=1, ao=("AO1",),
                                        reveals=q.reveals, src=q.src))
    return tuple(questions)


def word_bank(questions: tuple[m.QuestionSpec, ...], rng: random.Random) -> list[str]:
    bank = [w for q in questions for w in str(q.answer).split(", ")]
    rng.shuffle(bank)
    return bank
