"""Worksheets as self-tests that work on every reading system.

Student edition: each question ends with a link to its answer in the answers document (a
``noteref``, so readers that support pop-up notes show the answer in place) and every answer
links back. Teacher edition: the answer and mark-scheme points follow each question. Answers
are never hidden with CSS: some readers would show them anyway, others could never reveal them.
Choices, sequence items and match columns carry their letters and numbers as text, so a key
such as 'B' still makes sense when a reader drops list styles or a screen reader reads aloud.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ... import ir
from .xhtml import Context, append, el, heading, inlines, para, quotation

NOTEBOOK_NOTE = "Write your answers in your notebook or on a separate sheet."
NO_MODEL_ANSWER = "There is no model answer for this question: compare answers with a partner or ask your teacher."


def letter(index: int) -> str:
    """A, B, … Z, AA, AB, … for the 0-based ``index``."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def marks_label(question: ir.Question) -> str:
    parts = [f"{question.marks} mark" + ("" if question.marks == 1 else "s")] if question.marks else []
    if question.ao:
        parts.append(", ".join(question.ao))
    return f"({' · '.join(parts)})" if parts else ""


def worksheet(block: ir.Worksheet, ctx: Context) -> ET.Element:
    level = ctx.level + 1
    section = el("section", {"class": "worksheet", "id": block.anchor})
    section.append(heading(level, None, *inlines(block.title, ctx)))
    if block.subtitle:
        section.append(para(block.subtitle, ctx, "subtitle"))
    if block.instructions:
        section.append(para(block.instructions, ctx, "instructions"))
    section.append(el("p", {"class": "note"}, _how_to(block, ctx)))
    questions = el("ol", {"class": "questions"})
    inner = ctx.at(level)
    for question in block.questions:
        questions.append(_question(question, inner))
    section.append(questions)
    return section


def _how_to(block: ir.Worksheet, ctx: Context) -> str:
    parts = [NOTEBOOK_NOTE]
    if block.total_marks:
        parts.append(f"Total: {block.total_marks} marks.")
    if ctx.edition == "student":
        parts.append("After each question, the Answer link takes you to the answer, and a link there brings you back.")
    return " ".join(parts)


def _question(q: ir.Question, ctx: Context) -> ET.Element:
    item = el("li", {"class": f"question {q.qtype}", "id": q.anchor, "value": str(q.number)})
    prompt = el("p", {"class": "prompt"}, *inlines(q.prompt, ctx))
    label = marks_label(q)
    if label:
        append(prompt, [" ", el("span", {"class": "marks"}, label)])
    item.append(prompt)
    if q.extract is not None:
        item.append(quotation(q.extract, ctx))
    append(item, _response_parts(q))
    if ctx.edition == "teacher":
        item.append(_inline_answer(q, ctx))
    else:
        link = el("a", {"href": ctx.href(q.answer.anchor), "epub:type": "noteref", "role": "doc-noteref"},
                  f"Answer to question {q.number}")
        item.append(el("p", {"class": "answer-link"}, link))
    return item


def _response_parts(q: ir.Question) -> list[ET.Element]:
    """What the reader chooses from: lettered options, items to order, columns to match."""
    if q.qtype == "match":
        left = el("ul", {"class": "match-left"},
                  *(el("li", None, _label(str(i + 1)), text) for i, text in enumerate(q.match_left)))
        right = el("ul", {"class": "match-right"},
                   *(el("li", None, _label(letter(i)), text) for i, text in enumerate(q.match_right)))
        return [el("p", {"class": "how"}, "Match each numbered item with one lettered item."), left, right]
    if q.qtype == "sequence":
        items = el("ul", {"class": "sequence"},
                   *(el("li", None, _label(letter(i)), text) for i, text in enumerate(q.items)))
        return [el("p", {"class": "how"}, "Put these in the order they happen (write the letters)."), items]
    if q.qtype == "true-false" and not q.options:
        asked = "true or false" in ir.plain(q.prompt).lower()
        return [] if asked else [el("p", {"class": "how"}, "True or false?")]
    if q.options:
        lettered = q.qtype == "choice"
        return [el("ul", {"class": "choices"}, *(
            el("li", None, _label(letter(i)) if lettered else None, text) for i, text in enumerate(q.options)))]
    return []


def _label(mark: str) -> ET.Element:
    """The visible letter or number of an option, followed by a space that joins the text."""
    span = el("span", {"class": "choice-label"}, f"{mark}.")
    span.tail = " "
    return span


def _inline_answer(q: ir.Question, ctx: Context) -> ET.Element:
    """Teacher edition: the answer and mark-scheme points right after the question."""
    box = el("div", {"class": "answer", "id": q.answer.anchor})
    box.append(heading(ctx.level + 1, None, "Answer"))
    append(box, _answer_body(q.answer, ctx))
    return box


def _answer_body(answer: ir.Answer, ctx: Context, labelled: bool = False) -> list[ET.Element]:
    """The key or model answer, then the mark-scheme points; ``labelled`` starts the key with
    'Answer:' (where no heading says so already)."""
    out: list[ET.Element] = []
    if answer.content:
        key = para(answer.content, ctx, "answer-key")
        if labelled:
            label = el("strong", None, "Answer:")
            label.tail = " " + (key.text or "")
            key.text = None
            key.insert(0, label)
        out.append(key)
    if answer.points:
        out.append(el("p", {"class": "mark-scheme-label"}, "Mark scheme:"))
        out.append(el("ul", {"class": "mark-scheme"}, *(el("li", None, *inlines(p, ctx)) for p in answer.points)))
    return out


def answers_sections(worksheets: list[ir.Worksheet], ctx: Context) -> list[ET.Element]:
    """Student edition: one endnotes section per worksheet; each answer links back."""
    out: list[ET.Element] = []
    for block in worksheets:
        section = el("section", {"class": "answers", "id": f"{block.anchor}-answers",
                                 "epub:type": "endnotes", "role": "doc-endnotes",
                                 "aria-label": f"Answers: {ir.plain(block.title)}"})
        section.append(heading(2, None, *inlines(block.title, ctx)))
        answers = el("ol", {"class": "answers"})
        for q in block.questions:
            item = el("li", {"id": q.answer.anchor, "value": str(q.number)})
            # the prompt again, so the answer makes sense in a pop-up or read on its own
            item.append(el("p", {"class": "answer-to"}, el("strong", None, f"Question {q.number}."),
                           f" {ir.plain(q.prompt)}"))
            append(item, _answer_body(q.answer, ctx, labelled=True) or [el("p", None, NO_MODEL_ANSWER)])
            back = el("a", {"href": ctx.href(q.anchor), "role": "doc-backlink"}, f"Back to question {q.number}")
            item.append(el("p", {"class": "backlink"}, back))
            answers.append(item)
        section.append(answers)
        out.append(section)
    return out
