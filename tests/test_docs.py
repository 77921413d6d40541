"""The docs stay in step with the code: every diagnostic code and every content field is documented."""

from __future__ import annotations

from pathlib import Path

from nlmg_pack import content
from nlmg_pack.errors import CODES
from nlmg_pack.schema import Spec

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_diagnostic_code_is_documented() -> None:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    for code in CODES:
        assert f"| {code} |" in text, code


def _specs():
    specs = [content.BOOK] + [spec for keys in content.FILES.values() for spec, _ in keys.values()]
    seen, stack = [], list(specs)
    while stack:
        spec = stack.pop()
        if spec.name in {s.name for s in seen}:
            continue
        seen.append(spec)
        stack.extend(f.kind for f in spec.fields if isinstance(f.kind, Spec))
    return seen


def test_every_content_field_is_in_the_format_doc() -> None:
    text = (DOCS / "content-format.md").read_text(encoding="utf-8")
    for spec in _specs():
        for field in spec.fields:
            assert f"{field.name}:" in text, f"{spec.name}.{field.name} is not documented"
