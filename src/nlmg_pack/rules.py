"""Content rules that need more than one field: structure, consistency and the quotation rules.

Types and references are checked by the schema; this module checks what makes content
*usable*: Parts that tile the book, story times on the clock, quotations short enough to quote,
questions whose answers can be marked, and nothing shown before it is safe to show.
"""

from __future__ import annotations

from . import model as m
from .errors import Collector
from .markup import MarkupError, parse_markup
from .typography import words

MAX_QUOTE_WORDS = 40
OPTION_RANGE = (2, 6)


def check_rules(c: m.Content, out: Collector) -> None:
    _check_book(c.book, out)
    _check_events(c, out)
    _check_characters(c, out)
    _check_quotes(c, out)
    for ws in c.worksheets:
        _check_worksheet(c, ws, out)


def _err(out: Collector, src, code: str, message: str) -> None:
    out.add(src.path, src.line, code, message)


def _check_book(book: m.Book, out: Collector) -> None:
    expected = 1
    for index, part in enumerate(book.parts, start=1):
        if part.number != index:
            _err(out, part.src, "E124", f"part {part.number} is out of order (expected part {index})")
        if part.first_chapter != expected:
            _err(out, part.src, "E124", f"part {part.number} should start at chapter {expected}, "
                                         f"not {part.first_chapter} (parts must cover every chapter in order)")
        if part.last_chapter < part.first_chapter:
            _err(out, part.src, "E124", f"part {part.number} ends before it starts")
        expected = part.last_chapter + 1
    if book.parts and expected != book.chapters + 1:
        _err(out, book.parts[-1].src, "E124",
             f"the last part ends at chapter {expected - 1} but the book has {book.chapters} chapters")
    if book.story_clock.min >= book.story_clock.max:
        _err(out, book.story_clock.src, "E124", "story_clock min must be smaller than max")


def _check_reveals(out: Collector, src, what: str, reveals: int | None, chapter: int) -> None:
    if reveals is not None and reveals < chapter:
        _err(out, src, "E124", f"{what} reveals chapter {reveals} but happens in chapter {chapter}; "
                               "reveals can only be later")


def _check_events(c: m.Content, out: Collector) -> None:
    clock = c.book.story_clock
    for e in c.events:
        if not clock.min <= e.story_time <= clock.max:
            _err(out, e.src, "E124", f"story_time {e.story_time} is outside the story clock "
                                     f"({clock.min}-{clock.max}, {clock.label})")
        _check_reveals(out, e.src, f"event '{e.id}'", e.reveals, e.chapter)


def _check_characters(c: m.Content, out: Collector) -> None:
    quotes = {q.id: q for q in c.quotes}
    for ch in c.characters:
        detail = {"traits": ch.traits, "relationships": ch.relationships, "arc": ch.arc, "quotes": ch.quotes}
        if ch.kind == "minor":
            for name, value in detail.items():
                if value:
                    _err(out, ch.src, "E124", f"'{name}' is only for full character sheets (kind: full)")
        else:
            for name in ("traits", "arc"):
                if not detail[name]:
                    _err(out, ch.src, "E112", f"full character sheet '{ch.id}' needs '{name}'")
        seen_parts: set[int] = set()
        for stage in ch.arc:
            if stage.part in seen_parts:
                _err(out, stage.src, "E120", f"'{ch.id}' has two arc entries for part {stage.part}")
            seen_parts.add(stage.part)
        for rel in ch.relationships:
            if rel.with_ == ch.id:
                _err(out, rel.src, "E124", f"'{ch.id}' has a relationship with themself")
            _check_reveals(out, rel.src, "relationship", rel.reveals, rel.chapter)
        _film_refs(out, ch.src, f"character '{ch.id}'", ch.quotes, quotes)
    for t in c.themes:
        _film_refs(out, t.src, f"theme '{t.id}'", t.quotes, quotes)
        _check_so_far(t, quotes, out)


def _check_so_far(t: m.Theme, quotes: dict[str, m.Quote], out: Collector) -> None:
    """A spoiler-safe version must really stop at its chapter, and come before the full essay."""
    for v in t.so_far:
        if t.reveals is not None and v.up_to_chapter >= t.reveals:
            _err(out, v.src, "E124", f"'{t.id}' so_far version for chapter {v.up_to_chapter} is not earlier "
                                     f"than the full entry (reveals {t.reveals})")
        late = [n for n in v.chapters if n > v.up_to_chapter]
        late += [quotes[q].chapter for q in v.quotes if q in quotes and quotes[q].reveals > v.up_to_chapter]
        if late:
            _err(out, v.src, "E124", f"'{t.id}' so_far version for chapter {v.up_to_chapter} cites chapter "
                                     f"{max(late)}: a spoiler")


def _film_refs(out: Collector, src, owner: str, ids, quotes: dict[str, m.Quote]) -> None:
    for qid in ids:
        if qid in quotes and quotes[qid].source != "novel":
            _err(out, src, "E124", f"{owner} cites '{qid}', a {quotes[qid].source} line, as the novel's")


def _check_quotes(c: m.Content, out: Collector) -> None:
    for q in c.quotes:
        count = words(q.text)
        if count > MAX_QUOTE_WORDS:
            _err(out, q.src, "E123", f"quotation '{q.id}' has {count} words; the limit is {MAX_QUOTE_WORDS}")
        _check_reveals(out, q.src, f"quote '{q.id}'", q.reveals, q.chapter)


def _check_worksheet(c: m.Content, ws: m.WorksheetSpec, out: Collector) -> None:
    quotes = {q.id: q for q in c.quotes}
    seen: set[str] = set()
    for q in ws.questions:
        if q.id in seen:
            _err(out, q.src, "E120", f"duplicate question id '{q.id}' in worksheet '{ws.id}'")
        seen.add(q.id)
        _check_question_fields(q, out)
        _check_answer_markup(c, q, out)
        quote = quotes.get(q.quote) if q.quote else None
        if quote and quote.reveals > (q.reveals or ws.reveals):
            _err(out, q.src, "E124", f"question '{q.id}' quotes chapter {quote.chapter}, after the "
                                     f"worksheet's reveals ({q.reveals or ws.reveals}): a spoiler")
        if quote and quote.source != "novel":
            _err(out, q.src, "E124", f"question '{q.id}' quotes a {quote.source} line as the novel's")


_ONLY_FOR = {"options": "choice", "items": "sequence", "pairs": "match"}


def _check_question_fields(q: m.QuestionSpec, out: Collector) -> None:
    for name, qtype in _ONLY_FOR.items():
        if getattr(q, name) and q.type != qtype:
            _err(out, q.src, "E124", f"'{name}' is only for type: {qtype} (question '{q.id}' is {q.type})")
    if q.marks < 1:
        _err(out, q.src, "E113", f"question '{q.id}' must be worth at least 1 mark")
    if q.type == "choice":
        low, high = OPTION_RANGE
        if not low <= len(q.options) <= high:
            _err(out, q.src, "E124", f"choice question '{q.id}' needs {low}-{high} options")
        elif str(q.answer) not in q.options:
            _err(out, q.src, "E124", f"the answer of '{q.id}' must be one of its options, word for word")
        if len(set(q.options)) != len(q.options):
            _err(out, q.src, "E120", f"choice question '{q.id}' repeats an option")
    elif q.type == "true-false":
        if not isinstance(q.answer, bool):
            _err(out, q.src, "E111", f"the answer of true/false question '{q.id}' must be true or false")
    elif q.type == "sequence":
        if len(q.items) < 3:
            _err(out, q.src, "E124", f"sequence question '{q.id}' needs 3 or more items")
    elif q.type == "match":
        if len(q.pairs) < 3:
            _err(out, q.src, "E124", f"match question '{q.id}' needs 3 or more pairs")
    elif q.answer is None or isinstance(q.answer, bool):
        _err(out, q.src, "E112", f"{q.type} question '{q.id}' needs an 'answer' (model answer or "
                                 "indicative content) for the teacher edition")


def _check_answer_markup(c: m.Content, q: m.QuestionSpec, out: Collector) -> None:
    """Answers are free-typed (text, option or bool), so their markup is checked here."""
    if not isinstance(q.answer, str):
        return
    try:
        refs = parse_markup(q.answer).references()
    except MarkupError as exc:
        _err(out, q.src, "E125", f"'answer': {exc}")
        return
    known = {"character": c.characters, "quote": c.quotes, "theme": c.themes, "term": c.terms}
    for table, ref in refs:
        if ref not in {item.id for item in known[table]}:
            _err(out, q.src, "E121", f"unknown {table} '{ref}' in the answer of '{q.id}'")
