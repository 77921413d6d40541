"""Every shipped recipe builds in both formats and both editions, and every EPUB passes epubcheck."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from nlmg_pack.build import BuildRequest, build_pack
from nlmg_pack.packs import Overrides, available_packs

from .needs import need
from .test_epub_validity import epubcheck_problems

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def every_recipe(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("recipes")
    written: list[Path] = []
    for name in available_packs():
        for edition in ("student", "teacher"):
            written += build_pack(BuildRequest(pack=name, overrides=Overrides(edition=edition), out_dir=out / name))
    return written


def test_every_recipe_builds_pdf_and_epub_in_both_editions(every_recipe: list[Path]) -> None:
    for name in available_packs():
        made = {p.name for p in every_recipe if p.parent.name == name}
        assert len(made) == 4, (name, made)
        assert sum(n.endswith("-teacher.pdf") for n in made) == 1 and sum(n.endswith(".epub") for n in made) == 2


def test_every_recipe_epub_passes_epubcheck(every_recipe: list[Path]) -> None:
    java = need("java", "apt-get install -y openjdk-17-jre-headless")
    epubs = [p for p in every_recipe if p.suffix == ".epub"]
    with ThreadPoolExecutor(max_workers=2) as pool:  # one JVM per book; two cores here
        reports = dict(zip(epubs, pool.map(lambda p: epubcheck_problems(p, java), epubs), strict=True))
    failing = {f"{p.parent.name}/{p.name}": r for p, r in reports.items() if r}
    assert not failing, failing
