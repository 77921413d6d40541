"""The shipped Never Let Me Go content: the counts issue 3 promises, and the rules for quotations.

These read the validated model, so they also prove the content passes `nlmg-pack check`."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from nlmg_pack.content import load_content
from nlmg_pack.markup import parse_markup
from nlmg_pack.typography import words

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "reference" / "000_f7bd186e586e31dd.txt"
FULL_SHEETS = {"kathy", "tommy", "ruth", "miss-emily", "madame", "miss-lucy", "miss-geraldine", "chrissie",
               "rodney", "keffers", "laura", "ruths-possible"}
MINOR = {"harry-c", "lenny", "roy-j", "midge", "hannah", "moira-b"}
BOARDS = {"ocr-j352", "eduqas-c720", "edexcel-9et0"}


@pytest.fixture(scope="module")
def c():
    return load_content(ROOT / "content" / "never-let-me-go")


def prose_words(markup: str) -> int:
    return words(" ".join(n for n in _flatten(parse_markup(markup).nodes) if isinstance(n, str)))


def _flatten(nodes):
    for n in nodes:
        if hasattr(n, "children"):
            yield from _flatten(n.children)
        else:
            yield n


def test_book_structure(c) -> None:
    assert (c.book.title, c.book.author, c.book.year, c.book.chapters) == ("Never Let Me Go", "Kazuo Ishiguro", 2005, 23)
    assert [(p.first_chapter, p.last_chapter) for p in c.book.parts] == [(1, 9), (10, 17), (18, 23)]
    assert c.book.setting == "England, late 1990s"


def test_timeline_covers_every_chapter(c) -> None:
    assert len(c.events) >= 40
    assert {e.chapter for e in c.events} == set(range(1, 24))
    ages = {e.story_time for e in c.events}
    assert min(ages) < 16 < max(ages), "the dual timeline needs childhood and present-day events"


def test_character_sheets(c) -> None:
    by_id = {ch.id: ch for ch in c.characters}
    assert FULL_SHEETS <= {ch.id for ch in c.characters if ch.kind == "full"}
    assert MINOR <= {ch.id for ch in c.characters if ch.kind == "minor"}
    for cid in FULL_SHEETS:
        ch = by_id[cid]
        assert len(ch.traits) >= 4, cid
        assert ch.relationships and ch.arc, cid
        assert len(ch.quotes) >= 2, cid


def test_theme_essays_and_symbols(c) -> None:
    themes = [t for t in c.themes if t.kind == "theme"]
    assert len(themes) >= 7 and len([t for t in c.themes if t.kind == "symbol"]) >= 6
    for t in themes:
        count = sum(prose_words(p) for p in t.essay)
        assert 500 <= count <= 900, (t.id, count)
        assert len(t.quotes) >= 3 and t.chapters, t.id


def test_quotations_follow_the_rules(c) -> None:
    assert len(c.quotes) >= 40
    for q in c.quotes:
        assert words(q.text) <= 40 and q.speaker and q.chapter and q.source == "novel", q.id
        assert 40 <= prose_words(q.analysis) <= 120, (q.id, prose_words(q.analysis))
    assert any(not q.verified for q in c.quotes), "unchecked quotations must say verified: false"


def test_no_film_line_is_presented_as_the_novels(c) -> None:
    film_lines = ["we all complete", "unravel with such speed", "unseen tides", "look into your souls",
                  "i know you think i'm a cow", "tommy was never going to fall for me"]
    for q in c.quotes:
        assert not any(f in q.text.lower() for f in film_lines), q.id


def test_worksheets_cover_parts_vocabulary_close_reading_and_boards(c) -> None:
    for part in (1, 2, 3):
        sheets = [w for w in c.worksheets if w.kind == "comprehension" and w.part == part]
        assert sheets and len(sheets[0].questions) >= 12, part
        assert {"short", "choice", "true-false", "sequence", "match"} <= {q.type for q in sheets[0].questions}
    kinds = Counter(w.kind for w in c.worksheets)
    assert kinds["vocabulary"] >= 1 and kinds["close-reading"] >= 1 and kinds["exam"] >= 3
    assert BOARDS <= {w.specification for w in c.worksheets if w.kind == "exam"}
    for w in c.worksheets:
        for q in w.questions:
            assert q.marks >= 1
            if q.type in ("short", "extended", "choice", "true-false"):
                assert q.answer is not None, (w.id, q.id)
        if w.kind == "exam":
            assert all(q.ao for q in w.questions), w.id


def test_glossary_and_context(c) -> None:
    assert len(c.terms) >= 15
    assert {"carer", "donor", "completion", "possible", "deferral"} <= {t.id for t in c.terms}
    assert {"author"} <= {n.id for n in c.notes} and c.adaptations and c.adaptations[0].differences
    assert BOARDS <= {s.id for s in c.specifications}


def _runs(text: str, n: int) -> set[tuple[str, ...]]:
    tokens = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def test_no_sentence_copied_from_the_seed_summary(c) -> None:
    """Our prose may share a quotation or the title with the seed, never a run of 8 words."""
    seed = _runs(SEED.read_text(encoding="utf-8"), 8)
    quote_runs = set().union(*(_runs(q.text, 8) for q in c.quotes))
    title = tuple("never let me go".split())
    prose = [e.summary for e in c.events] + [ch.summary for ch in c.characters]
    prose += [p for t in c.themes for p in t.essay] + [q.analysis for q in c.quotes] + [q.context for q in c.quotes]
    prose += [n for note in c.notes for n in note.body]
    shared = set()
    for text in prose:
        shared |= {r for r in _runs(text, 8) & seed if r not in quote_runs and title[0] not in r[:1]}
    assert not shared, sorted(" ".join(r) for r in shared)[:5]
