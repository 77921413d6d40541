"""The three figures: computed layouts checked as a reader would notice problems.

Labels must never overlap each other, markers or nodes (bounding boxes of the computed layout,
not a look by eye); everything must lie inside the drawing; spoilers past the cut-off must not
appear; the theme tracker's marks must follow the documented scoring; and the same content
must give equal figures. Each check runs on a small hand-made book, the fictional fixture
book and the real content, at full text width and at the narrow e-reader width.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlmg_pack import ir, model
from nlmg_pack.figures import (
    FULL_WIDTH,
    NARROW_WIDTH,
    estimate_measure,
    figure_blocks,
    layout_dual_timeline,
    layout_relationships,
    layout_theme_tracker,
    style_measure,
    ttf_measure,
)
from nlmg_pack.figures.common import character_reveal, relationship_reveal
from nlmg_pack.figures.geometry import Box, segment_hits_box, shape_box, text_box
from nlmg_pack.figures.relations import visible_edges
from nlmg_pack.figures.theme_tracker import scores
from nlmg_pack.typography import smarten

ROOT = Path(__file__).resolve().parents[1]
MEASURE = estimate_measure
WIDTHS = (FULL_WIDTH, NARROW_WIDTH)

# --------------------------------------------------------------------------- a small hand-made book


def _event(eid: str, chapter: int, age: float, title: str, key: bool = False,
           themes: tuple[str, ...] = (), reveals: int | None = None) -> model.Event:
    return model.Event(eid, chapter, age, "somewhere", title, "What happens.", (), themes, key=key,
                       reveals=reveals)


def _rel(with_: str, kind: str, chapter: int, reveals: int | None = None) -> model.Relationship:
    return model.Relationship(with_, kind, "How it goes.", chapter, reveals)


def _person(cid: str, name: str, group: str, first: int, rels: tuple[model.Relationship, ...] = (),
            kind: str = "full") -> model.Character:
    return model.Character(cid, name, kind, "a role", group, first, "Who they are.", relationships=rels)


def _theme(tid: str, kind: str, title: str, chapters: tuple[int, ...]) -> model.Theme:
    return model.Theme(tid, kind, title, "About it.", ("An essay.",), chapters, ())


def _quote(qid: str, chapter: int, themes: tuple[str, ...], source: str = "novel") -> model.Quote:
    return model.Quote(qid, "Words & <more> words.", "ann", chapter, "ctx", "analysis", themes, source, True)


def small_book() -> model.Content:
    """Six chapters in two Parts; a narrator aged 38 remembering childhood."""
    book = model.Book(
        title="The Small Book", author="A. Writer", year=2001, language="en-GB", setting="A town",
        edition_note="Any edition.", chapters=6,
        parts=(model.Part(1, "Part One", 1, 3), model.Part(2, "Part Two", 4, 6)),
        story_clock=model.StoryClock("Ann's age", 5, 40),
        groups=(model.CharacterGroup("town", "The Town"), model.CharacterGroup("sea", "The Sea")),
        pack=model.PackInfo("pub", "creator", "2024-01-01"),
    )
    events = (
        _event("now", 1, 38, "Ann looks back", key=True, themes=("memory",)),
        _event("boat", 1, 9, "The little boat", key=True, themes=("memory", "the-boat")),
        _event("school", 2, 10, "First day at school", themes=("memory",)),
        _event("storm", 3, 12, "The storm", key=True, themes=("loss",)),
        _event("letter", 4, 20, "Ben's letter", themes=("loss",)),
        _event("wreck", 5, 21, "The wreck is found", key=True, themes=("loss", "the-boat")),
        _event("end", 6, 38, "Ann decides", key=True, themes=("memory",)),
    )
    people = (
        _person("ann", "Ann", "town", 1, (_rel("ben", "friend", 1), _rel("cal", "sister", 1),
                                         _rel("dee", "pupil", 2))),
        _person("ben", "Ben", "town", 1, (_rel("ann", "friend", 1), _rel("ann", "rival", 4, reveals=4),
                                         _rel("eve", "crew", 5))),
        _person("cal", "Cal", "town", 1, (_rel("ann", "brother", 1),)),
        _person("dee", "Dee", "town", 2, (_rel("ann", "teacher", 2),)),
        _person("eve", "Eve", "sea", 5, (_rel("ben", "captain", 5),)),
        _person("finn", "Finn", "sea", 2, kind="minor"),  # no relationships: never drawn
    )
    themes = (
        _theme("memory", "theme", "Memory", (1, 6)),
        _theme("loss", "theme", "Loss and what remains: a long title for wrapping", (3, 5)),
        _theme("the-boat", "symbol", "The boat", (5,)),
    )
    quotes = (
        _quote("q1", 1, ("memory",)),
        _quote("q2", 1, ("memory",)),
        _quote("q3", 5, ("loss",)),
        _quote("q4", 5, ("loss",), source="film"),  # film lines never count
    )
    return model.Content("small-book", book, events, people, themes, quotes, (), (), (), (), ())


def _load(folder: Path) -> model.Content:
    from nlmg_pack.content import load_content

    return load_content(folder)


def real_book() -> model.Content:
    return _load(ROOT / "content" / "never-let-me-go")


def fixture_book() -> model.Content:
    return _load(ROOT / "tests" / "fixtures" / "lantern-island")


BOOKS = {"small": small_book, "fixture": fixture_book, "real": real_book}


@pytest.fixture(params=sorted(BOOKS), scope="module")
def book(request) -> model.Content:
    return BOOKS[request.param]()


def _cutoffs(content: model.Content) -> list[int]:
    ends = [p.last_chapter for p in content.book.parts]
    return sorted({1, *ends})


def _all_layouts(content: model.Content):
    for width in WIDTHS:
        for cutoff in _cutoffs(content):
            for make in (layout_dual_timeline, layout_relationships, layout_theme_tracker):
                layout = make(content, cutoff, MEASURE, width)
                if layout is not None:
                    yield f"{make.__name__} w={width} up to {cutoff}", layout


def _texts(shapes) -> list[ir.GText]:
    return [s for s in shapes if isinstance(s, ir.GText)]


def _overlaps(boxes: list[Box], others: list[Box] | None = None) -> list[tuple[Box, Box]]:
    if others is None:
        return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]
    return [(a, b) for a in boxes for b in others if a.overlaps(b)]


# --------------------------------------------------------------------------- no overlaps, inside


def test_no_text_overlaps_other_text(book: model.Content) -> None:
    for name, layout in _all_layouts(book):
        boxes = [text_box(MEASURE, t) for t in _texts(layout.shapes)]
        assert _overlaps(boxes) == [], name


def test_timeline_labels_clear_of_each_other_and_every_marker(book: model.Content) -> None:
    for width in WIDTHS:
        for cutoff in _cutoffs(book):
            layout = layout_dual_timeline(book, cutoff, MEASURE, width)
            if layout is None:
                continue
            labels = [lab.box for lab in layout.labels]
            markers = [m.box for m in layout.markers]
            assert _overlaps(labels) == []
            assert _overlaps(labels, markers) == [], f"w={width} up to {cutoff}"


def test_relationship_labels_clear_of_each_other_and_every_node(book: model.Content) -> None:
    for width in WIDTHS:
        for cutoff in _cutoffs(book):
            layout = layout_relationships(book, cutoff, MEASURE, width)
            if layout is None:
                continue
            labels = [lab.box for lab in layout.labels]
            nodes = [n.box for n in layout.nodes]
            assert _overlaps(labels) == []
            assert _overlaps(labels, nodes) == [], f"w={width} up to {cutoff}"
            assert _overlaps(nodes) == [], "character boxes overlap"


def test_relationship_lines_never_run_behind_another_character(book: model.Content) -> None:
    layout = layout_relationships(book, None, MEASURE, FULL_WIDTH)
    assert layout is not None
    for edge, route in zip(layout.edges, layout.routes, strict=True):
        others = [n.box for n in layout.nodes if n.character.id not in (edge.a, edge.b)]
        assert not any(segment_hits_box(seg, box) for seg in route for box in others), edge.key


def test_every_shape_lies_inside_its_graphic(book: model.Content) -> None:
    for name, layout in _all_layouts(book):
        frame = Box(0, 0, layout.width, layout.height)
        outside = [s for s in layout.shapes if not shape_box(s, MEASURE).inside(frame, tolerance=0.5)]
        assert outside == [], name


def test_text_is_never_smaller_than_seven_points(book: model.Content) -> None:
    for name, layout in _all_layouts(book):
        assert min(t.size for t in _texts(layout.shapes)) >= 7.0, name


# --------------------------------------------------------------------------- what is shown


def test_every_key_event_title_is_drawn(book: model.Content) -> None:
    for width in WIDTHS:
        layout = layout_dual_timeline(book, None, MEASURE, width)
        drawn = {t.text for t in _texts(layout.shapes)}
        drawn |= {t.text.split(" (ch.")[0] for t in _texts(layout.shapes)}  # numbered key rows
        keys = {smarten(e.title) for e in book.events if e.key}
        assert keys <= drawn, keys - drawn


def test_markers_follow_the_order_of_telling(book: model.Content) -> None:
    layout = layout_dual_timeline(book, None, MEASURE, FULL_WIDTH)
    xs = [m.x for m in layout.markers]
    assert xs == sorted(xs)
    chapters = [m.event.chapter for m in layout.markers]
    assert chapters == sorted(chapters)
    older = sorted(layout.markers, key=lambda m: m.event.story_time)
    assert older[0].y >= older[-1].y  # later in the story is higher up


def test_part_one_cutoff_hides_later_characters_and_relationships() -> None:
    content = small_book()
    layout = layout_relationships(content, 3, MEASURE, FULL_WIDTH)
    names = {n.character.id for n in layout.nodes}
    assert names == {"ann", "ben", "cal", "dee"}  # Eve arrives in chapter 5; Finn has no lines
    drawn = {t.text for t in _texts(layout.shapes)}
    assert "Eve" not in drawn and "rival" not in " ".join(drawn)
    assert "friend" in drawn
    later = layout_relationships(content, 6, MEASURE, FULL_WIDTH)
    assert {n.character.id for n in later.nodes} == names | {"eve"}
    assert any("rival" in t.text for t in _texts(later.shapes))


def test_cutoff_shows_only_what_it_reveals(book: model.Content) -> None:
    cutoff = book.book.parts[0].last_chapter
    layout = layout_relationships(book, cutoff, MEASURE, FULL_WIDTH)
    assert all(character_reveal(n.character) <= cutoff for n in layout.nodes)
    shown = {(e.a, e.b) for e in layout.edges}
    for person in book.characters:
        for rel in person.relationships:
            pair = tuple(sorted((person.id, rel.with_)))
            if relationship_reveal(rel) > cutoff:
                edge = next((e for e in layout.edges if (e.a, e.b) == pair), None)
                kinds = {k for s in edge.steps for k in s.shared + s.only_a + s.only_b} if edge else set()
                later_only = all(relationship_reveal(r) > cutoff for p in book.characters
                                 for r in p.relationships if p.id in pair and r.with_ in pair and r.kind == rel.kind)
                assert not (later_only and rel.kind in kinds), (pair, rel.kind)
    assert shown <= {tuple(sorted((p.id, r.with_))) for p in book.characters for r in p.relationships}
    timeline = layout_dual_timeline(book, cutoff, MEASURE, FULL_WIDTH)
    assert all(m.event.chapter <= cutoff for m in timeline.markers)
    tracker = layout_theme_tracker(book, cutoff, MEASURE, FULL_WIDTH)
    assert max(cell.chapter for cell in tracker.cells) == cutoff


def test_reciprocal_relationships_are_merged_into_one_edge() -> None:
    edges = {e.key: e for e in visible_edges(small_book(), 6)}
    assert edges["ann|ben"].label_lines() == ("friend", "then rival")  # A->B and B->A 'friend' once
    assert edges["ann|cal"].label_lines() == ("sister / brother",)  # each side's own kind
    assert edges["ann|dee"].label_lines() == ("pupil / teacher",)
    assert len(edges) == 4


# --------------------------------------------------------------------------- theme tracker


def test_theme_tracker_scores_match_a_hand_count() -> None:
    table = scores(small_book(), None)
    # memory: listed for 1 and 6 (2 each); ch. 1 has events 'now' and 'boat' and quotes q1, q2.
    assert table["memory"] == {1: 2 + 2 + 2, 2: 1, 3: 0, 4: 0, 5: 0, 6: 2 + 1}
    # loss: listed for 3 and 5; the film quote q4 does not count.
    assert table["loss"] == {1: 0, 2: 0, 3: 2 + 1, 4: 1, 5: 2 + 1 + 1, 6: 0}
    assert table["the-boat"] == {1: 1, 2: 0, 3: 0, 4: 0, 5: 2 + 1, 6: 0}


def test_theme_tracker_marks_show_strength_by_shape() -> None:
    layout = layout_theme_tracker(small_book(), None, MEASURE, FULL_WIDTH)
    levels = {(cell.theme, cell.chapter): cell.level for cell in layout.cells}
    assert levels[("memory", 1)] == 3 and levels[("memory", 6)] == 2 and levels[("memory", 2)] == 1
    assert levels[("memory", 3)] == 0
    squares = [s for s in layout.shapes if isinstance(s, ir.GRect) and s.fill == 0.0]
    dots = sorted({s.r for s in layout.shapes if isinstance(s, ir.GCircle)})
    assert squares and len(dots) == 2  # small dot, large dot, square: not colour
    words = " ".join(t.text for t in _texts(layout.shapes))
    assert "touched on" in words and "strongest" in words


def test_theme_tracker_cut_at_part_one_drops_unseen_symbols() -> None:
    layout = layout_theme_tracker(small_book(), 3, MEASURE, FULL_WIDTH)
    assert [t.id for t in layout.rows] == ["memory", "loss", "the-boat"]
    assert {cell.chapter for cell in layout.cells} == {1, 2, 3}
    later_only = layout_theme_tracker(small_book(), 2, MEASURE, FULL_WIDTH)
    assert "loss" not in [t.id for t in later_only.rows]  # first scores in chapter 3


# --------------------------------------------------------------------------- figures as blocks


def test_figure_blocks_carry_text_alternatives(book: model.Content) -> None:
    figures = figure_blocks(book, None, MEASURE)
    assert [f.anchor for f in figures] == ["fig-dual-timeline", "fig-relationships", "fig-theme-tracker"]
    for figure in figures:
        assert figure.alt.endswith(".") and ir.plain(figure.title) and ir.plain(figure.caption)
        assert figure.equivalent, figure.anchor
        assert all(isinstance(b, (ir.ItemList, ir.DefinitionList)) for b in figure.equivalent)


def test_relationship_equivalent_reads_as_sentences() -> None:
    figure = figure_blocks(small_book(), None, MEASURE)[1]
    items = [ir.plain(item) for item in figure.equivalent[1].items]
    assert "Ann \u2014 Ben: friend (ch. 1); then rival (Ben) (ch. 4)" in items  # only Ben says so
    assert "Ann \u2014 Cal: sister (Ann), brother (Cal) (ch. 1)" in items
    groups = {ir.plain(d.term): ir.plain(d.definition) for d in figure.equivalent[0].items}
    assert groups == {"The Town": "Ann, Ben, Cal, Dee", "The Sea": "Eve"}


def test_timeline_equivalent_lists_events_in_story_order() -> None:
    figure = figure_blocks(small_book(), None, MEASURE)[0]
    items = [ir.plain(item) for item in figure.equivalent[0].items]
    assert items[0] == "Ann\u2019s age 9: The little boat (told in chapter 1)"
    assert items[-1].startswith("Ann\u2019s age 38: Ann decides")


def test_same_content_gives_equal_figures(book: model.Content) -> None:
    for width in WIDTHS:
        assert figure_blocks(book, None, MEASURE, width) == figure_blocks(book, None, MEASURE, width)


def test_nothing_to_show_gives_no_figure() -> None:
    empty = model.Content("empty", small_book().book, (), (), (), (), (), (), (), (), ())
    assert figure_blocks(empty, None, MEASURE) == ()


def test_real_font_widths_match_the_built_in_table() -> None:
    from nlmg_pack.styles import load_style

    real = style_measure(load_style("classic"))
    sample = "Kathy and Tommy become lovers \u2018told\u2019 1\u201323"
    assert abs(real(sample, 10) - estimate_measure(sample, 10)) < 0.01 * real(sample, 10)
    assert ttf_measure(load_style("classic").heading_font.regular)("W", 10) == real("W", 10)
