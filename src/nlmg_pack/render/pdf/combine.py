"""Join a class set's personalised copies into one "print all" file.

The copies of one version were personalised from a single layout (``slots``): they have the
same pages and differ only in the slot forms that hold the pupil's name. So the first copy of
each version is copied in whole, and every later copy of that version adds only new page
dictionaries that point at the same page contents, fonts and pictures, with that pupil's slot
forms swapped in. Thirty copies of a 150-page pack make a file the size of about two copies,
joined in well under a second with little memory, by qpdf (through pikepdf).

The print file has no links, bookmarks or contents entries to follow (the copies have them);
its file identifier is a hash of the contents, for reproducible builds.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from contextlib import ExitStack

import pikepdf

from .slots import save, slot_forms


def combine_pdfs(copies: Sequence[tuple[bytes, str]]) -> bytes:
    """One file of all ``copies``, each a (PDF, layout) where copies with the same layout share
    pages. A copy with an odd page count is followed by a blank page so that, printed
    double-sided, every pupil's copy starts on a fresh sheet."""
    with ExitStack() as stack:
        combined = stack.enter_context(pikepdf.new())
        shared: dict[str, list[pikepdf.Dictionary]] = {}
        for data, layout in copies:
            copy = stack.enter_context(pikepdf.open(io.BytesIO(data)))
            if layout not in shared:
                shared[layout] = [combined.copy_foreign(page.obj) for page in copy.pages]
            forms = {key: combined.copy_foreign(form) for key, form in slot_forms(copy).items()}
            for page in shared[layout]:
                combined.pages.append(pikepdf.Page(_with_forms(combined, page, forms)))
            if len(copy.pages) % 2:
                box = copy.pages[-1].mediabox
                combined.add_blank_page(page_size=(float(box[2] - box[0]), float(box[3] - box[1])))
        combined.docinfo["/Title"] = "Class set: print all copies"
        combined.docinfo["/Creator"] = "nlmg-pack"
        return save(combined)


def _with_forms(pdf: pikepdf.Pdf, page: pikepdf.Dictionary,
                forms: dict[str, pikepdf.Object]) -> pikepdf.Dictionary:
    """A new page dictionary sharing ``page``'s contents, with ``forms`` in its resources."""
    xobjects = pikepdf.Dictionary({key: value for key, value in page.Resources.get("/XObject", {}).items()})
    for key, form in forms.items():
        xobjects[key] = form
    resources = pikepdf.Dictionary({key: value for key, value in page.Resources.items()})
    resources.XObject = xobjects
    fresh = pikepdf.Dictionary({key: value for key, value in page.items()
                                if key not in ("/Annots", "/Parent", "/Resources")})
    fresh.Resources = resources
    return pdf.make_indirect(fresh)
