"""Worksheets: a header to fill in, numbered questions with room to answer, and (teacher
edition only) an answer panel after each question. The student edition prints no answer text."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Indenter, KeepTogether, PageBreakIfNotEmpty, Paragraph, Spacer, Table
from reportlab.platypus.tables import TableStyle

from ... import ir
from . import prose
from .markup import anchor_tag, esc
from .slots import SlotField
from .styles import QUESTION_INDENT, Kit
from .widgets import Box, Para, WriteLines

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _table(kit: Kit, rows: list[list], widths: list[float], extra: list[tuple],
           row_heights: list[float] | None = None) -> Table:
    """A left-aligned table whose cells are flowables; the FONTNAME entry keeps reportlab's
    default Helvetica out of the PDF even for empty cells."""
    table = Table(rows, colWidths=widths, rowHeights=row_heights, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), kit.fonts.heading.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *extra,
    ]))
    return table


def worksheet_flowables(ws: ir.Worksheet, kit: Kit, first: bool) -> list[Flowable]:
    title = prose.heading(kit, 2, ws.title, ws.anchor, toc_level=1)
    title.style = kit.para["ws-title"]
    out: list[Flowable] = [] if first else [PageBreakIfNotEmpty()]
    out += [title]
    if ws.subtitle:
        out.append(prose.para(kit, prose.text(kit, ws.subtitle), "meta"))
    out += [Spacer(1, 4), header_boxes(ws.header_fields, kit), Spacer(1, 8)]
    total = f"Total: {ws.total_marks} marks" if ws.total_marks else ""
    if ws.instructions:
        out.append(prose.para(kit, prose.text(kit, ws.instructions), "ws-text"))
    if total:
        out.append(Para(esc(total), kit.para["ws-marks"]))
    for question in ws.questions:
        out.append(question_block(question, kit))
    return out


def _value_cell(field_name: str, kit: Kit) -> Flowable:
    """Empty, to write in; on a personalised copy the name and class boxes hold a slot."""
    slot_field = field_name.strip().lower()
    if kit.slots is None or slot_field not in ("name", "class"):
        return Spacer(1, 0)
    return SlotField(kit.slots, slot_field, kit.para["ws-text"])


def header_boxes(fields: tuple[str, ...], kit: Kit) -> Flowable:
    """Boxes to write the name, class and date in (filled in on a personalised copy)."""
    if not fields:
        return Spacer(1, 0)
    weights = [2.0 if f.strip().lower() == "name" else 1.0 for f in fields]
    unit = kit.geo.frame_w / sum(weights)
    height = max(kit.style.write_line_mm * 1.5 * mm, kit.style.body_size * 2.6)
    cells = [[Para(esc(f), kit.para["label"]), _value_cell(f, kit)] for f in fields]
    return _table(kit, [cells], [w * unit for w in weights], [
        ("GRID", (0, 0), (-1, -1), 0.9, kit.palette.ink),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("TOPPADDING", (0, 0), (-1, -1), 3),
    ], row_heights=[height])


def _marks_line(q: ir.Question, kit: Kit) -> Paragraph:
    marks = f"[{q.marks} mark{'s' if q.marks != 1 else ''}]"
    tags = "\u2002\u00b7\u2002".join(q.ao)
    shown = f"{esc(tags)}\u2003{marks}" if tags else marks
    return Para(shown, kit.para["ws-marks"])


def question_block(q: ir.Question, kit: Kit) -> Flowable:
    """One question, kept on one page when it fits: prompt, extract, answer space, answer panel."""
    parts: list[Flowable] = [
        Para(anchor_tag(q.anchor) + prose.text(kit, q.prompt), kit.para["ws-prompt"],
                  bulletText=f"{q.number}"),
        _marks_line(q, kit),
    ]
    inner_w = kit.geo.frame_w - QUESTION_INDENT
    parts.append(Indenter(left=QUESTION_INDENT))
    if q.extract is not None:
        parts += prose.blockquote(q.extract, kit, width=inner_w)
    parts += response(q, kit, inner_w)
    if kit.teacher:
        parts += [Spacer(1, 4), answer_panel(q.answer, kit, inner_w)]
    parts += [Indenter(left=-QUESTION_INDENT), Spacer(1, 6)]
    return KeepTogether(parts)


def response(q: ir.Question, kit: Kit, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    if q.qtype == "choice":
        out.append(choice_table(q.options, kit, width))
    elif q.qtype == "true-false":
        out.append(true_false_row(q.options or ("True", "False"), kit))
    elif q.qtype == "match":
        out += match_tables(q, kit, width)
    elif q.qtype == "sequence":
        out += sequence_box(q.items, kit, width)
    if q.lines:
        out.append(WriteLines(q.lines, kit.style.write_line_mm * mm, kit.palette.rule))
    return out


def _box_size(kit: Kit) -> float:
    return max(11.0, kit.style.body_size * 0.95)


def _tick_box(kit: Kit) -> Box:
    size = _box_size(kit)
    leading = kit.para["ws-text"].leading
    return Box(size, kit.palette.ink, drop=max(0.0, (leading - size) / 2 + 0.5))


def choice_table(options: tuple[str, ...], kit: Kit, width: float) -> Flowable:
    """Tick boxes, each with a letter, one option a row."""
    size = _box_size(kit)
    rows = [[_tick_box(kit), Para(f"<b>{LETTERS[i % 26]}</b>", kit.para["ws-text"]),
             Para(esc(option), kit.para["ws-text"])] for i, option in enumerate(options)]
    letter_w = kit.style.body_size * 1.6
    return _table(kit, rows, [size + 8, letter_w, width - size - 8 - letter_w], [])


def true_false_row(options: tuple[str, ...], kit: Kit) -> Flowable:
    size = _box_size(kit)
    row: list = []
    widths: list[float] = []
    for option in options:
        row += [_tick_box(kit), Para(f"<b>{esc(option)}</b>", kit.para["ws-text"])]
        widths += [size + 8, kit.style.body_size * 6]
    return _table(kit, [row], widths, [])


def match_tables(q: ir.Question, kit: Kit, width: float) -> list[Flowable]:
    """Numbered left column with an answer box each; lettered right column."""
    size = _box_size(kit) * 1.6
    note = Para("Write the letter of the matching item in each box.", kit.para["meta"])
    count = max(len(q.match_left), len(q.match_right))
    num_w, gap = kit.style.body_size * 1.8, 12.0
    side = (width - 2 * num_w - size - 6 - gap) / 2
    rows = []
    for i in range(count):
        left = q.match_left[i] if i < len(q.match_left) else ""
        right = q.match_right[i] if i < len(q.match_right) else ""
        rows.append([
            Para(f"<b>{i + 1}</b>" if left else "", kit.para["ws-text"]),
            Para(esc(left), kit.para["ws-text"]),
            Box(size, kit.palette.ink) if left else Spacer(1, 1),
            Spacer(1, 1),
            Para(f"<b>{LETTERS[i % 26]}</b>" if right else "", kit.para["ws-text"]),
            Para(esc(right), kit.para["ws-text"]),
        ])
    table = _table(kit, rows, [num_w, side, size + 6, gap, num_w, side],
                   [("LINEBEFORE", (4, 0), (4, -1), 0.6, kit.palette.rule),
                    ("LEFTPADDING", (4, 0), (4, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
    return [note, table]


def sequence_box(items: tuple[str, ...], kit: Kit, width: float) -> list[Flowable]:
    """The items in a bordered box, each with a box for its position in the order."""
    size = _box_size(kit) * 1.6
    note = Para(f"Write 1 to {len(items)} in the boxes to put these in order.", kit.para["meta"])
    rows = [[Box(size, kit.palette.ink), Para(esc(item), kit.para["ws-text"])] for item in items]
    table = _table(kit, rows, [size + 10, width - size - 10 - 2], [
        ("BOX", (0, 0), (-1, -1), 0.9, kit.palette.ink),
        ("LEFTPADDING", (0, 0), (0, -1), 8), ("LEFTPADDING", (1, 0), (1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ])
    return [note, table]


def answer_panel(answer: ir.Answer, kit: Kit, width: float) -> Flowable:
    """Teacher edition: the answer, then mark-scheme points, in a bordered panel labelled
    'Answer' (the border and the word carry the meaning, not a colour)."""
    label = f'<font name="{kit.fonts.heading.bold}">Answer</font>\u2002'
    content: list[Flowable] = [prose.para(kit, label + prose.text(kit, answer.content), "ws-answer", answer.anchor)]
    if answer.points:
        content += [Spacer(1, 4), Para("Mark scheme", kit.para["label"])]
        content += prose.item_list(answer.points, kit, ordered=False, style="ws-point")
    return _table(kit, [[content]], [width], [
        ("BOX", (0, 0), (-1, -1), 0.75, kit.palette.rule),
        ("LINEBEFORE", (0, 0), (0, -1), 3.5, kit.palette.rule),
        ("BACKGROUND", (0, 0), (-1, -1), kit.palette.panel),
        ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ])
