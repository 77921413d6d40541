"""Story exercises: put events in order, match characters, match quotations to themes, which Part."""

from __future__ import annotations

import random

from .. import model as m
from .common import escape_markup, first_sentence, plain_summary

EVENTS_PER_SEQUENCE = 5


def order_events(c: m.Content, rng: random.Random, count: int) -> tuple[m.QuestionSpec, ...]:
    by_chapter: dict[int, list[m.Event]] = {}
    for e in c.events:
        by_chapter.setdefault(e.chapter, []).append(e)
    questions = []
    for i in range(1, count + 1):
        chapters = sorted(rng.sample(sorted(by_chapter), min(EVENTS_PER_SEQUENCE, len(by_chapter))))
        if len(chapters) < 3:
            break
        chosen = [rng.choice(by_chapter[ch]) for ch in chapters]
        questions.append(m.QuestionSpec(
            id=f"order-{i}", type="sequence", marks=2, ao=("AO1",),
            prompt="Put these events in the order the novel tells them (write 1 for the first).",
            items=tuple(escape_markup(e.title) for e in chosen), reveals=max(e.reveals for e in chosen),
            src=chosen[0].src))
    return tuple(questions)


def match_character(c: m.Content, rng: random.Random, count: int) -> tuple[m.QuestionSpec, ...]:
    pool = [ch for ch in c.characters if ch.kind == "full"]
    questions = []
    for i in range(1, count + 1):
        chosen = rng.sample(pool, min(5, len(pool)))
        if len(chosen) < 3:
            break
        pairs = tuple(m.Pair(left=escape_markup(ch.name), right=escape_markup(ch.role)) for ch in chosen)
        questions.append(m.QuestionSpec(id=f"match-character-{i}", type="match", marks=len(pairs),
                                        prompt="Match each character to the right description.",
                                        pairs=pairs, ao=("AO1",), src=chosen[0].src))
    return tuple(questions)


def match_quote_theme(c: m.Content, rng: random.Random, count: int) -> tuple[m.QuestionSpec, ...]:
    titles = {t.id: t.title for t in c.themes if t.kind == "theme"}
    by_theme: dict[str, list[m.Quote]] = {}
    for q in c.quotes:
        main = next((t for t in q.themes if t in titles), None)
        if main:
            by_theme.setdefault(main, []).append(q)
    questions = []
    for i in range(1, count + 1):
        themes = rng.sample(sorted(by_theme), min(4, len(by_theme)))
        if len(themes) < 3:
            break
        quotes = [rng.choice(by_theme[t]) for t in themes]
        pairs = tuple(m.Pair(left=escape_markup(f"'{_short(q.text)}'"), right=escape_markup(titles[t]))
                      for q, t in zip(quotes, themes, strict=True))
        questions.append(m.QuestionSpec(
            id=f"match-theme-{i}", type="match", marks=len(pairs), ao=("AO1", "AO2"),
            prompt="Match each quotation to the theme it shows most clearly.", pairs=pairs,
            reveals=max(q.reveals for q in quotes), src=quotes[0].src))
    return tuple(questions)


def _short(text: str, limit: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:limit]) + ("..." if len(parts) > limit else "")


def which_part(c: m.Content, rng: random.Random, count: int) -> tuple[m.QuestionSpec, ...]:
    """Which Part (or, in a one-Part pack, which chapter) an event happens in."""
    parts = [p for p in c.book.parts if any(p.first_chapter <= e.chapter <= p.last_chapter for e in c.events)]
    questions = []
    for i, e in enumerate(rng.sample(list(c.events), min(count, len(c.events))), start=1):
        if len(parts) >= 2:
            options = [p.title for p in parts]
            answer, what = c.book.part_of(e.chapter).title, "Part"
        else:
            chapters = sorted({ev.chapter for ev in c.events} - {e.chapter})
            options = [f"Chapter {n}" for n in sorted(rng.sample(chapters, min(3, len(chapters))) + [e.chapter])]
            answer, what = f"Chapter {e.chapter}", "chapter"
        if len(options) < 2:
            break
        prompt = f"In which {what} does this happen? {escape_markup(first_sentence(plain_summary(e.summary)))}"
        questions.append(m.QuestionSpec(id=f"which-{i}", type="choice", prompt=prompt, marks=1,
                                        options=tuple(options), answer=answer, ao=("AO1",),
                                        reveals=e.reveals, src=e.src))
    return tuple(questions)
