"""Golden diagnostics: each folder in tests/golden/ overlays broken files on the fixture book;
`expected.txt` holds the exact messages an author must see. Regenerate after an intended
wording change with:  NLMG_REGEN_GOLDEN=1 make test"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from nlmg_pack.cli import main
from nlmg_pack.content import load_content
from nlmg_pack.errors import BuildError

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "lantern-island"
CASES = sorted(p for p in (HERE / "golden").iterdir() if p.is_dir())


def broken_book(case: Path, tmp_path: Path) -> Path:
    book = tmp_path / "lantern-island"
    shutil.copytree(FIXTURE, book)
    for overlay in case.iterdir():
        if overlay.name != "expected.txt":
            shutil.copy(overlay, book / overlay.name)
    return book


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_diagnostics(case: Path, tmp_path: Path) -> None:
    book = broken_book(case, tmp_path)
    with pytest.raises(BuildError) as caught:
        load_content(book, shown_root=tmp_path)
    got = "\n".join(str(d) for d in caught.value.diagnostics) + "\n"
    expected = case / "expected.txt"
    if os.environ.get("NLMG_REGEN_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_cli_check_reports_every_problem_with_exit_2(case: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    book = broken_book(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    status = main(["check", "--content", str(book.name)])
    err = capsys.readouterr().err
    assert status == 2
    assert "Traceback" not in err
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert err.splitlines()[: len(expected)] == expected


def test_fixture_book_is_clean() -> None:
    content = load_content(FIXTURE)
    assert content.book.title == "The Lantern Island"
    assert [p.number for p in content.book.parts] == [1, 2]
