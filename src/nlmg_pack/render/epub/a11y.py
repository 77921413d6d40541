"""EPUB Accessibility 1.1 metadata, stated only where the document really has the feature."""

from __future__ import annotations

from ... import ir

CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


def has_figures(doc: ir.Document) -> bool:
    return any(isinstance(b, ir.Figure) for s in doc.sections for b in ir.walk_blocks(s.blocks))


def has_worksheets(doc: ir.Document) -> bool:
    return any(isinstance(b, ir.Worksheet) for s in doc.sections for b in ir.walk_blocks(s.blocks))


def summary(doc: ir.Document) -> str:
    """The accessibility summary: what a reader can rely on, in plain sentences."""
    sentences = [
        "This study pack is a reflowable EPUB: text size, font, spacing and colours can be changed "
        "in the reading system.",
        "A table of contents, headings in a logical order and landmarks support navigation, and "
        "the reading order follows the structure of the pack.",
    ]
    if has_figures(doc):
        sentences.append("Every diagram has a short description and is followed by a full text "
                         "version that says everything the picture shows.")
    if has_worksheets(doc):
        if doc.meta.edition == "teacher":
            sentences.append("Each worksheet question is followed by its answer and mark-scheme notes.")
        else:
            sentences.append("Each worksheet question links to its answer in the Answers section, "
                             "and each answer links back to its question; no answer is hidden.")
    sentences.append("There are no flashing, motion or sound hazards.")
    return " ".join(sentences)


def metadata(doc: ir.Document) -> list[tuple[str, str]]:
    """(property, value) pairs for <meta property=…> in the package document."""
    figures = has_figures(doc)
    out = [("schema:accessMode", "textual")]
    if figures:
        out.append(("schema:accessMode", "visual"))
    out.append(("schema:accessModeSufficient", "textual"))
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability", "ARIA"]
    if figures:
        features += ["alternativeText", "longDescription"]
    out += [("schema:accessibilityFeature", f) for f in features]
    out.append(("schema:accessibilityHazard", "none"))
    out.append(("schema:accessibilitySummary", summary(doc)))
    out.append(("dcterms:conformsTo", CONFORMS_TO))
    out.append(("a11y:certifiedBy", doc.meta.publisher))
    return out
