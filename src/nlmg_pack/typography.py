"""Typographic punctuation for text written with plain ASCII marks.

Authors type ``'`` and ``"``; readers should see ‘ ’ “ ”. British usage: single quotation marks
outside, double inside, apostrophes as ’. Deterministic and idempotent (curly input is left
alone), so the same content always gives the same bytes.
"""

from __future__ import annotations

import re

_OPENERS = set(" \t\n([{\u2014\u2013/\u2018\u201c-")
_DECADE = re.compile(r"'(?=\d0s\b)")


def smarten(s: str) -> str:
    if not any(ch in s for ch in "'\".-"):
        return s
    s = s.replace("...", "\u2026").replace(" -- ", " \u2013 ").replace("--", "\u2013")
    s = _DECADE.sub("\u2019", s)
    out: list[str] = []
    for i, ch in enumerate(s):
        prev = s[i - 1] if i else " "
        if ch == '"':
            out.append("\u201c" if prev in _OPENERS else "\u201d")
        elif ch == "'":
            nxt = s[i + 1] if i + 1 < len(s) else " "
            if prev.isalnum() and (nxt.isalpha()):
                out.append("\u2019")  # apostrophe inside a word: don't, Kathy's
            elif prev in _OPENERS and not nxt.isspace():
                out.append("\u2018")
            else:
                out.append("\u2019")
        else:
            out.append(ch)
    return "".join(out)


def words(s: str) -> int:
    """Word count as an editor would count it (hyphenated words count once)."""
    return len(re.findall(r"[A-Za-z0-9\u00C0-\u024F]+(?:['\u2019\-][A-Za-z0-9\u00C0-\u024F]+)*", s))
