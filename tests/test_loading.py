"""Loading never escapes as a traceback: random YAML-shaped input gives diagnostics or a model."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlmg_pack.content import load_content
from nlmg_pack.errors import BuildError, Collector
from nlmg_pack.markup import MarkupError, parse_markup
from nlmg_pack.source import MAX_EXPANDED_NODES, parse_yaml
from nlmg_pack.typography import smarten

FIXTURE = Path(__file__).parent / "fixtures" / "lantern-island"
FILES = ["book.yaml", "timeline.yaml", "characters.yaml", "themes.yaml", "quotes.yaml",
         "worksheets.yaml", "glossary.yaml", "context.yaml"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 40), st.floats(allow_nan=False),
                    st.text(max_size=20), st.sampled_from(["tobias", "mara", "light", "q1", "2020-01-02"]))
keys = st.sampled_from(["id", "chapter", "text", "speaker", "themes", "events", "quotes", "parts",
                        "title", "kind", "answer", "options", "pairs", "reveals", "zzz"])
yamlish = st.recursive(scalars, lambda kids: st.one_of(
    st.lists(kids, max_size=4), st.dictionaries(keys, kids, max_size=5)), max_leaves=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(FILES), data=yamlish)
def test_random_file_gives_diagnostics_not_a_crash(tmp_path: Path, name: str, data) -> None:
    book = tmp_path / "book"
    if book.exists():
        shutil.rmtree(book)
    shutil.copytree(FIXTURE, book)
    (book / name).write_text(yaml.safe_dump(data), encoding="utf-8")
    try:
        load_content(book, shown_root=tmp_path)
    except BuildError as exc:
        assert exc.diagnostics, "a BuildError must carry at least one diagnostic"
        for d in exc.diagnostics:
            assert str(d).startswith(f"{d.path}:{d.line}: E")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_random_text_parses_or_reports(text: str) -> None:
    out = Collector()
    parse_yaml(text, "x.yaml", out)
    for d in out.items:
        assert d.code in {"E101", "E103", "E104"}


def test_alias_bomb_is_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(20)]
    out = Collector()
    result = parse_yaml("\n".join(lines), "bomb.yaml", out)
    assert result is None, "an alias bomb must be refused, not loaded"  # never repr the bomb
    assert [d.code for d in out.items] == ["E104"]
    assert str(MAX_EXPANDED_NODES) in out.items[0].message


def test_a_few_ordinary_aliases_still_load() -> None:
    out = Collector()
    data = parse_yaml("base: &b [1, 2]\ncopy: *b\n", "ok.yaml", out)
    assert out.items == [] and data["copy"] == [1, 2]


@given(st.text(max_size=80))
def test_markup_either_parses_or_explains(text: str) -> None:
    try:
        parse_markup(text)
    except MarkupError as exc:
        assert str(exc)


@given(st.text(max_size=80))
def test_smarten_is_idempotent(text: str) -> None:
    assert smarten(smarten(text)) == smarten(text)


def test_smart_quotes_follow_british_usage() -> None:
    assert smarten("'Yeah,' I said. \"Kathy's tape\" -- gone...") == \
        "\u2018Yeah,\u2019 I said. \u201cKathy\u2019s tape\u201d \u2013 gone\u2026"


def _positions(node):
    """Every value with the line the loader recorded for it, in document order."""
    if isinstance(node, dict):
        return [(node.line, sorted(node.key_lines.items()))] + [_positions(v) for v in node.values()]
    if isinstance(node, list):
        return [(node.line, node.item_lines)] + [_positions(v) for v in node]
    return node


def test_the_fast_parser_reads_the_real_content_exactly_as_the_python_one() -> None:
    """libyaml is used for speed; a line number it reported differently would send a writer to
    the wrong place, so every value and every recorded line must match the pure Python parser."""
    import nlmg_pack.source as source

    assert source._BaseLoader is yaml.CSafeLoader, "PyYAML without libyaml: builds are five times slower"
    for path in sorted((Path(__file__).parents[1] / "content" / "never-let-me-go").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        fast = yaml.load(text, Loader=source._make_loader(path.name))  # noqa: S506
        slow = yaml.load(text, Loader=source._make_loader(path.name, yaml.SafeLoader))  # noqa: S506
        assert fast == slow and _positions(fast) == _positions(slow), path.name
