"""Tutor and teacher packs: recipes, spoiler safety, generated exercises, versions, class sets."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from nlmg_pack import ir
from nlmg_pack.build import BuildRequest, build_pack, make_document
from nlmg_pack.classlist import read_class_list, unique_slug
from nlmg_pack.content import load_content
from nlmg_pack.errors import BuildError
from nlmg_pack.packs import Overrides, available_packs, load_pack
from nlmg_pack.typography import smarten

from .textutil import epub_documents, pdf_pages

ROOT = Path(__file__).resolve().parents[1]
CONTENT = load_content(ROOT / "content" / "never-let-me-go")
EVERYDAY = {"possible", "essay", "collection", "students", "medical", "tokens", "guardian"}
SHIPPED = {"full", "part-one", "part-two", "part-three", "quote-revision", "exam-practice", "character-focus", "quiz"}


def test_all_promised_recipes_ship() -> None:
    assert SHIPPED <= set(available_packs())


def later_than(cutoff: int) -> set[str]:
    """Names, places, event titles, terms and quotations the content marks as revealed later."""
    c = CONTENT
    seen_places = {e.place for e in c.events if e.reveals <= cutoff}
    words = {ch.name for ch in c.characters if ch.reveals > cutoff}
    words |= {e.title for e in c.events if e.reveals > cutoff}
    words |= {e.place for e in c.events if e.reveals > cutoff and e.place not in seen_places and "," not in e.place}
    # A term's *word* is a spoiler only before the novel first uses it (its meaning may come
    # later: "donor" is used in chapter 1), and everyday words ("possible") never are.
    words |= {t.term for t in c.terms if t.first_chapter > cutoff and t.term.lower() not in EVERYDAY}
    words |= {" ".join(q.text.split()[:8]) for q in c.quotes if q.reveals > cutoff and len(q.text.split()) >= 8}
    return {smarten(w).replace("\u2019", "'").replace("\u2018", "'") for w in words if len(w) > 4}


@pytest.mark.parametrize("pack,cutoff", [("part-one", 9), ("part-two", 17)])
def test_part_packs_give_nothing_away(pack: str, cutoff: int, tmp_path: Path) -> None:
    for edition in ("student", "teacher"):
        written = build_pack(BuildRequest(pack=pack, overrides=Overrides(edition=edition), out_dir=tmp_path))
        texts = []
        for path in written:
            data = path.read_bytes()
            texts += pdf_pages(data) if path.suffix == ".pdf" else list(epub_documents(data).values())
        everything = " ".join(texts).lower()
        leaks = sorted(w for w in later_than(cutoff) if w.lower() in everything)
        assert not leaks, f"{pack} ({edition}) mentions what comes after chapter {cutoff}: {leaks[:8]}"


def test_part_three_pack_builds_and_keeps_to_part_three(tmp_path: Path) -> None:
    doc, _ = make_document(load_pack("part-three"))
    timeline = [s for s in doc.sections if s.kind == "timeline"]
    assert [s.part for s in timeline] == [3]


def _choice_keys(doc: ir.Document) -> list[tuple[str, str]]:
    keys = []
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, ir.Worksheet):
                for q in block.questions:
                    keys.append((ir.plain(q.prompt), ir.plain(q.answer.content)))
    return keys


def test_versions_shuffle_and_keys_match_their_version() -> None:
    docs = {}
    for label in ("A", "B"):
        pack = load_pack("quiz", Overrides(versions=2, up_to_chapter=9))
        from nlmg_pack.compose import compose
        from nlmg_pack.exercises import add_generated
        from nlmg_pack.select import select
        from nlmg_pack.versions import make_version

        sel = make_version(add_generated(select(CONTENT, pack)), label)
        docs[label] = compose(sel, 0, label)
    order_a = [p for p, _ in _choice_keys(docs["A"])]
    order_b = [p for p, _ in _choice_keys(docs["B"])]
    assert sorted(order_a) == sorted(order_b) and order_a != order_b, "versions must reorder the same questions"
    for doc in docs.values():
        for section in doc.sections:
            for ws in (b for b in section.blocks if isinstance(b, ir.Worksheet)):
                for q in ws.questions:
                    rederive_answer(q)


def rederive_answer(q: ir.Question) -> None:
    """The key printed for a question must follow from the question as printed."""
    key = ir.plain(q.answer.content)
    if q.qtype == "choice":
        letter, _, option = key.partition(" \u2013 ")
        assert q.options["ABCDEF".index(letter)] == option, (key, q.options)
    elif q.qtype == "sequence":
        numbers = [int(n) for n in key.removeprefix("Numbers from the top: ").split(", ")]
        in_order = [ir.plain(p).split(". ", 1)[1] for p in q.answer.points[: len(q.items)]]
        assert [in_order[n - 1] for n in numbers] == list(q.items), "the key must put each box's item in place"
    elif q.qtype == "match":
        assert len(key.split("; ")) == len(q.match_left)


def test_same_seed_same_bytes_other_seed_other_order(tmp_path: Path) -> None:
    def build(seed: int, out: str) -> dict[str, str]:
        req = BuildRequest(pack="quiz", overrides=Overrides(seed=seed, versions=2, up_to_chapter=12),
                           out_dir=tmp_path / out, formats=("pdf", "epub"))
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in build_pack(req)}

    assert build(7, "a") == build(7, "b")
    first = make_document(load_pack("quiz", Overrides(seed=7, up_to_chapter=12)))[0]
    second = make_document(load_pack("quiz", Overrides(seed=8, up_to_chapter=12)))[0]
    assert _choice_keys(first) != _choice_keys(second)


def test_generated_questions_respect_the_cut_off() -> None:
    doc, _ = make_document(load_pack("quiz", Overrides(up_to_chapter=5)))
    text = " ".join(ir.plain(q.prompt) + " ".join(q.options) + " ".join(q.items)
                    for s in doc.sections for b in s.blocks if isinstance(b, ir.Worksheet) for q in b.questions)
    assert "chapter 6" not in text.lower() and "Chapter 17" not in text
    assert not [w for w in later_than(5) if w in text]


def test_character_focus_is_about_the_chosen_character() -> None:
    doc, _ = make_document(load_pack("character-focus", Overrides(characters=("tommy",))))
    assert "Tommy" in doc.meta.title
    sheets = [b for s in doc.sections if s.kind == "characters" for b in s.blocks if isinstance(b, ir.Group)]
    assert [ir.plain(g.title) for g in sheets] == ["Tommy"]


def test_class_set_of_thirty(tmp_path: Path) -> None:
    names = [f"Pupil {chr(65 + i // 10)}{i % 10} O'Brien" for i in range(30)]
    csv = tmp_path / "class.csv"
    csv.write_text("name,class\n" + "".join(f"{n},10B\n" for n in names), encoding="utf-8")
    written = build_pack(BuildRequest(pack="quiz", overrides=Overrides(versions=2, up_to_chapter=9),
                                      out_dir=tmp_path / "out", students=csv))
    copies = [p for p in written if p.parent.name.endswith("-class") and not p.name.startswith(("key", "print"))]
    assert len(copies) == 30
    assert {p.name for p in written} >= {"key-A.pdf", "key-B.pdf", "print-all.pdf"}
    for path, name in zip(sorted(copies), sorted(names), strict=True):
        pages = pdf_pages(path.read_bytes())
        assert all(name in page for page in pages), f"{path.name}: the name must be on every page"
    print_all = (tmp_path / "out" / "never-let-me-go-quiz-class" / "print-all.pdf").read_bytes()
    all_pages = pdf_pages(print_all)
    counts = [len(pdf_pages(p.read_bytes())) for p in copies]
    assert len(all_pages) == sum(n + n % 2 for n in counts), "each copy must start on a fresh sheet"
    owners = [next(n for n in names if n in page) for page in all_pages if page.strip()]
    assert list(dict.fromkeys(owners)) == names, "print-all must hold the copies in class-list order"
    assert len(print_all) < 0.75 * sum(p.stat().st_size for p in copies), "copies of a version share pages"


def test_a_class_set_is_reproducible_and_fits_long_names(tmp_path: Path) -> None:
    """Same class list, same bytes (every copy, key and print-all); a name too long for its box
    is set smaller or cut short, never drawn across the box's edge."""
    long_name = "Maximilian Alexander Fitzgerald-Montgomery-Worthington-Smythe of Norfolk"  # 72: the limit is 80
    csv = tmp_path / "class.csv"
    csv.write_text(f"name,class\nAda Lovelace,10B\n{long_name},10B\nKathy H.,10C\n", encoding="utf-8")

    def build(out: str) -> dict[str, str]:
        req = BuildRequest(pack="quiz", overrides=Overrides(versions=2, up_to_chapter=9),
                           out_dir=tmp_path / out, students=csv)
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in build_pack(req)}

    first = build("a")
    assert first == build("b") and len(first) == 6  # 3 copies, 2 keys, print-all
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from nlmg_pack.render.pdf.fonts import register_fonts
    from nlmg_pack.render.pdf.slots import Slot, fitted
    from nlmg_pack.styles import load_style

    style = load_style("classic")
    slot = Slot("name", register_fonts(style.body_font, style.heading_font).heading.regular, 12.0, 200.0)
    text, size = fitted(long_name, slot)
    assert size < 12.0 and text.endswith("\u2026") and stringWidth(text, slot.font, size) <= slot.width
    assert fitted("Ada Lovelace", slot) == ("Ada Lovelace", 12.0)


def test_bad_class_list_rows_are_located(tmp_path: Path) -> None:
    csv = tmp_path / "class.csv"
    csv.write_text("name,class\nAda,10B\n,10B\nBob,10B,extra\n", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        read_class_list(csv, "class.csv")
    assert [str(d) for d in caught.value.diagnostics] == [
        "class.csv:3: E133 empty name",
        "class.csv:4: E133 expected 'name' or 'name,class', found 3 columns",
    ]


@pytest.mark.parametrize("name,slug", [("../../etc/passwd", "etc-passwd"), (".hidden", "hidden"),
                                        ("Zoë O'Brien", "zoe-obrien"), ("李华", "student")])
def test_file_names_are_safe_slugs(name: str, slug: str) -> None:
    assert unique_slug(name, set()) == slug
    used: set[str] = set()
    assert [unique_slug(name, used) for _ in range(3)] == [slug, f"{slug}-2", f"{slug}-3"]


def test_theme_so_far_version_replaces_a_spoiling_essay() -> None:
    fixture = ROOT / "tests" / "fixtures" / "lantern-island"
    early, _ = make_document(load_pack("full", Overrides(up_to_chapter=3)), fixture)
    late, _ = make_document(load_pack("full", Overrides(up_to_chapter=6)), fixture)

    def duty_text(doc: ir.Document) -> str:
        groups = [b for s in doc.sections if s.kind == "themes" for b in s.blocks if b.anchor == "theme-duty"]
        return " ".join(ir.plain(b.content) for g in groups for b in g.blocks if isinstance(b, ir.Paragraph))

    assert "Before the letter" in duty_text(early) and "every choice" not in duty_text(early)
    assert "every choice" in duty_text(late)


def test_so_far_version_that_cites_a_later_chapter_is_refused(tmp_path: Path) -> None:
    import shutil

    book = tmp_path / "book"
    shutil.copytree(ROOT / "tests" / "fixtures" / "lantern-island", book)
    themes = book / "themes.yaml"
    themes.write_text(themes.read_text(encoding="utf-8").replace("chapters: [2, 3]\n", "chapters: [2, 5]\n"),
                      encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        load_content(book, shown_root=tmp_path)
    assert any("cites chapter 5: a spoiler" in d.message for d in caught.value.diagnostics)


def test_bad_recipe_reports_every_problem_with_its_line(tmp_path: Path, monkeypatch) -> None:
    recipe = tmp_path / "bad.yaml"
    recipe.write_text("title: x\nbook: never-let-me-go\nsections: [timeline, quotse]\nversions: 40\n"
                      "exercises:\n  - {generator: who-said, count: 3}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as caught:
        load_pack("bad.yaml")
    assert [(d.line, d.code) for d in caught.value.diagnostics] == [(3, "E113"), (4, "E130"), (6, "E113")]
    assert "did you mean 'quotes'?" in caught.value.diagnostics[0].message


def test_flag_errors_point_at_the_command_line() -> None:
    with pytest.raises(BuildError) as caught:
        make_document(load_pack("character-focus", Overrides(characters=("tomy",))))
    assert str(caught.value.diagnostics[0]) == \
        "<command line>:0: E132 filter characters: unknown 'tomy' (did you mean 'tommy'?)"
