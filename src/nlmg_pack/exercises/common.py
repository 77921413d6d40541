"""Helpers shared by the exercise generators."""

from __future__ import annotations

import re

from .. import model as m

STOPWORDS = frozenset("""a about after all also an and any are as at be because been but by can could did do
does for from had has have he her him his how i if in into is it its just like me my no not now of on one
only or our out so some that the their them then there these they this those to too up us very was we were
what when where which while who why will with would you your really always every never""".split())


def escape_markup(text: str) -> str:
    """Quote text goes into a markup prompt: make *, { and } literal."""
    return re.sub(r"([\\*{}])", r"\\\1", text)


def spoken(q: m.Quote) -> bool:
    """True when the words are the speaker's own (reported speech makes 'who said it' ambiguous)."""
    return not (q.speaker_note and "report" in q.speaker_note.lower())


def first_sentence(text: str, limit: int = 25) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:limit]) + ("..." if len(words) > limit else "")


def plain_summary(markup: str) -> str:
    """Markup → plain text for a prompt: references keep their label or id, emphasis is dropped."""
    text = re.sub(r"\{[cqtg]:([^}|]+)\|([^}]*)\}", r"\2", markup)
    text = re.sub(r"\{[cqtg]:([^}]+)\}", lambda mt: mt.group(1).replace("-", " ").title(), text)
    return text.replace("**", "").replace("*", "")
