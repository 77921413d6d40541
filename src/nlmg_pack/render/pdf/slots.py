"""Personalised copies without laying the pack out again for every pupil.

A class set is thirty copies of the same pages that differ only in a name and a class. Laying a
150-page pack out thirty times costs about a second a copy, so a personalised PDF is made in two
steps instead:

1. the pack is laid out once, with every place a name goes (cover, footer, worksheet header
   boxes) drawn as a reference to an empty PDF form XObject, a *slot*, of fixed width;
2. for each pupil, a tiny PDF holding just the filled-in slots is drawn with reportlab, and
   qpdf (through pikepdf) swaps those forms into a copy of the laid-out pack. Every page that
   shows the name points at the same form, so one swap fills them all.

Layout cannot depend on the name (slots have a fixed size; a long name is set smaller to fit),
so each copy is exactly the pages of the shared layout.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pikepdf
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

SMALLEST = 0.6  # a long name shrinks to at most this share of the slot's size, then is cut short
FORM_PREFIX = "/FormXob.slot"  # reportlab names a form "FormXob.<name>"


@dataclass(frozen=True)
class Slot:
    """A place on the page for one personal field, set in ``font`` at ``size`` within ``width``."""

    field: str
    font: str
    size: float
    width: float

    @property
    def form(self) -> str:
        raw = f"slot_{self.field}_{self.font}_{round(self.size * 100)}_{round(self.width * 100)}"
        return re.sub(r"[^A-Za-z0-9_]", "", raw)

    def box(self) -> tuple[float, float, float, float]:
        """The form's bounding box, around a baseline at y = 0."""
        ascent, descent = getAscentDescent(self.font, self.size)
        return 0.0, descent, self.width, ascent


def place_slot(canv: Canvas, slots: dict[str, Slot], slot: Slot, x: float, y: float) -> None:
    """Draw ``slot`` with its baseline at (x, y): an empty form, defined on first use."""
    defined = canv.__dict__.setdefault("_nlmg_slots", set())
    if slot.form not in defined:
        canv.beginForm(slot.form, *slot.box())
        canv.endForm()
        defined.add(slot.form)
    slots[slot.form] = slot
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(slot.form)
    canv.restoreState()


class SlotField(Flowable):
    """One line of a paragraph style's height holding a slot: a worksheet's name or class box."""

    def __init__(self, slots: dict[str, Slot], field: str, style: ParagraphStyle):
        super().__init__()
        self.slots, self.field, self.style = slots, field, style

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, self.style.leading

    def draw(self) -> None:
        slot = Slot(self.field, self.style.fontName, self.style.fontSize, self.width)
        place_slot(self.canv, self.slots, slot, 0, self.style.leading - self.style.fontSize)


def slot_values(personal: tuple[str, str]) -> dict[str, str]:
    name, group = personal
    # "owner" is the footer's "name · class"
    return {"name": name, "class": group, "owner": " \u00b7 ".join(p for p in personal if p)}


def fitted(text: str, slot: Slot) -> tuple[str, float]:
    """``text`` and the size that fits it in the slot: smaller for a long name, then cut short."""
    width = stringWidth(text, slot.font, slot.size)
    if width <= slot.width:
        return text, slot.size
    size = max(slot.size * SMALLEST, slot.size * slot.width / width)
    while text and stringWidth(text + "\u2026", slot.font, size) > slot.width:
        text = text[:-1]
    return (text.rstrip() + "\u2026" if text else ""), size


def filled_forms(slots: Iterable[Slot], values: dict[str, str], ink: Color) -> bytes:
    """A one-page PDF defining every slot's form with its text drawn in (reportlab subsets the
    fonts to the glyphs of the name alone)."""
    slots = list(slots)
    buffer = io.BytesIO()
    # Its dates never reach the copy. The initial font is one of ours: reportlab's default
    # (Helvetica) would otherwise be listed in the resources and end up unembedded in the copy.
    canv = Canvas(buffer, invariant=1, pageCompression=1, initialFontName=slots[0].font if slots else None)
    for slot in slots:
        text, size = fitted(values.get(slot.field, ""), slot)
        canv.beginForm(slot.form, *slot.box())
        canv.setFillColor(ink)
        canv.setFont(slot.font, size)
        canv.drawString(0, 0, text)
        canv.endForm()
        canv.doForm(slot.form)  # referenced, so that the form is written with its font
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def slot_forms(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Object]:
    """The slot forms of ``pdf``, by their resource name."""
    found: dict[str, pikepdf.Object] = {}
    for page in pdf.pages:
        xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
        for key, xobject in xobjects.items():
            if key.startswith(FORM_PREFIX):
                found.setdefault(key, xobject)
    return found


def fill(base: bytes, forms: bytes) -> bytes:
    """``base`` with each empty slot form replaced by the one of the same name in ``forms``."""
    with pikepdf.open(io.BytesIO(base)) as pdf, pikepdf.open(io.BytesIO(forms)) as source:
        theirs = slot_forms(source)
        for key, ours in slot_forms(pdf).items():
            if key in theirs:
                # Copied whole (qpdf copies indirect objects only), then its stream and
                # resources moved into the form every page already points at; the copy itself
                # is left unreferenced and is not written.
                copied = pdf.copy_foreign(theirs[key])
                ours.write(copied.read_raw_bytes(), filter=copied.get("/Filter"))
                ours.Resources = copied.Resources
        return save(pdf)


def save(pdf: pikepdf.Pdf) -> bytes:
    """Write ``pdf`` reproducibly (the file identifier is a hash of the contents), passing the
    already-compressed streams through untouched, which keeps a copy to a few milliseconds."""
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=True, recompress_flate=False,
             stream_decode_level=pikepdf.StreamDecodeLevel.none,
             object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return out.getvalue()
