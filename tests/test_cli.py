"""The command-line contract: exit codes, messages on stderr, nothing half-written."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nlmg_pack.build import write_outputs
from nlmg_pack.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "lantern-island"


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run([sys.executable, "-m", "nlmg_pack", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_check_on_shipped_content_exits_0() -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout


def test_list_names_books_packs_styles_and_sections() -> None:
    result = run_cli("list")
    assert result.returncode == 0
    for word in ("never-let-me-go", "full", "classic", "hyperlegible", "large-print", "worksheets"):
        assert word in result.stdout


def test_bad_arguments_exit_2_without_traceback(capsys) -> None:
    assert main(["build", "--paper", "a3"]) == 2
    err = capsys.readouterr().err
    assert "<command line>:0: E132" in err and "Traceback" not in err
    assert main(["build", "--format", "docx"]) == 2
    assert main(["build", "--pack", "no-such-pack"]) == 2
    assert "E130 no pack 'no-such-pack'" in capsys.readouterr().err


def test_unknown_style_is_reported(capsys) -> None:
    assert main(["build", "--style", "gothic", "--content", str(FIXTURE), "--out", "/tmp/never"]) == 2
    assert "E131 no style 'gothic'" in capsys.readouterr().err


def test_failed_build_keeps_earlier_outputs(tmp_path: Path) -> None:
    book = tmp_path / "book"
    shutil.copytree(FIXTURE, book)
    out = tmp_path / "dist"
    first = run_cli("build", "--content", str(book), "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir()}
    assert set(before) == {"never-let-me-go.pdf", "never-let-me-go.epub"}
    (book / "quotes.yaml").write_text("quotes:\n  - id: Bad Id\n", encoding="utf-8")
    second = run_cli("build", "--content", str(book), "--out", str(out))
    assert second.returncode == 2
    assert "Traceback" not in second.stderr and "quotes.yaml:2: E114" in second.stderr
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir()}
    assert after == before, "a failed build must not touch earlier outputs or leave temp files"


def test_atomic_write_cleans_up_on_failure(tmp_path: Path) -> None:
    target_dir = tmp_path / "out"
    target_dir.mkdir()
    (target_dir / "pack.pdf").write_bytes(b"old")
    (target_dir / "pack.epub").mkdir()  # a directory where a file must go: the rename fails
    with pytest.raises(Exception):  # noqa: B017 - BuildError or OSError, both fine; check the files
        write_outputs(target_dir, "pack", {"pdf": b"new", "epub": b"x"})
    assert sorted(p.name for p in target_dir.iterdir()) == ["pack.epub", "pack.pdf"]
