"""The builder is not tied to one novel: the fictional Lantern Island book builds in both
formats, every page says what it should, and awkward characters survive literally."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from nlmg_pack.build import BuildRequest, build_pack
from nlmg_pack.errors import BuildError
from nlmg_pack.packs import Overrides

from .needs import need
from .test_epub_validity import epubcheck_problems
from .textutil import epub_documents, pdf_pages

FIXTURE = Path(__file__).parent / "fixtures" / "lantern-island"
TRICKY = 'The sign said "Keep Out <No Entry> & Stay Safe" </p> and we laughed.'
PRINTED = "The sign said \u201cKeep Out <No Entry> & Stay Safe\u201d </p> and we laughed."


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("lantern")
    files = {}
    for edition in ("student", "teacher"):
        for path in build_pack(BuildRequest(content_dir=FIXTURE, out_dir=out, overrides=Overrides(edition=edition))):
            files[path.name] = path.read_bytes()
    return files


def test_pdf_pages_carry_the_fixture_content(built) -> None:
    pages = pdf_pages(built["never-let-me-go.pdf"])
    text = " ".join(pages)
    assert "The Lantern Island" in pages[0] and "Ada Fixture" in pages[0]
    for expected in ("Mara arrives", "Tobias", "Light and dark", "The causeway", "the lamp room", "Part One check"):
        assert expected in text, expected
    assert "The light will always find you" not in text, "a film line must never print as the novel's"
    numbered = [p for p in pages[1:] if f"of {len(pages)}" in p]
    assert len(numbered) == len(pages) - 1, "every page after the cover has 'page N of M'"


def test_awkward_characters_print_literally_in_both_formats(built) -> None:
    pdf_text = " ".join(pdf_pages(built["never-let-me-go.pdf"]))
    assert PRINTED.replace("\u201c", '"').replace("\u201d", '"') in pdf_text.replace("\u201c", '"').replace("\u201d", '"')
    assert '"A < B & C"'.replace('"', "") in pdf_text
    epub_text = " ".join(epub_documents(built["never-let-me-go.epub"]).values())
    assert PRINTED in epub_text
    assert "A < B & C" in epub_text


def test_teacher_edition_has_answers_student_edition_does_not(built) -> None:
    answer = "Indicative content - symbol of hope; chiasmus."
    teacher = " ".join(pdf_pages(built["never-let-me-go-teacher.pdf"]))
    student = " ".join(pdf_pages(built["never-let-me-go.pdf"]))
    assert answer.replace(" - ", " \u2013 ")[:30] in teacher.replace(" - ", " \u2013 ")
    assert "chiasmus" not in student.split("How does the writer present the lamp")[-1]


def test_fixture_epub_passes_epubcheck(built, tmp_path: Path) -> None:
    java = need("java", "apt-get install -y openjdk-17-jre-headless")
    for name in ("never-let-me-go.epub", "never-let-me-go-teacher.epub"):
        path = tmp_path / name
        path.write_bytes(built[name])
        problems = epubcheck_problems(path, java)
        assert not problems, "\n".join(problems)


def test_rebuild_is_byte_identical(built, tmp_path: Path) -> None:
    again = build_pack(BuildRequest(content_dir=FIXTURE, out_dir=tmp_path))
    for path in again:
        assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(built[path.name]).digest(), path.name


def test_build_leaves_the_callers_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    # a build runs the collector less often (nlmg_pack.pool); a program that calls build_pack
    # must get its own settings back, after a good build and after a failed one
    import gc

    before = gc.get_threshold()
    build_pack(BuildRequest(content_dir=FIXTURE, out_dir=tmp_path, formats=("epub",)))
    assert gc.get_threshold() == before
    with pytest.raises(BuildError, match="E100"):
        build_pack(BuildRequest(content_dir=tmp_path / "no-such-book", out_dir=tmp_path))
    assert gc.get_threshold() == before
