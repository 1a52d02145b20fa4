"""Properties that hold for any input, checked with Hypothesis.

The default profile keeps this module quick (CI runs on 2 cores); ``benchmarks/fuzz.py`` runs the
parser, the YAML loader and the validator on tens of thousands of inputs. The site-building
property runs a real ``mkdocs build --strict`` and so tries only a few generated stories.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import markdown
import pysbd  # type: ignore[import-untyped]
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from support import copy_project

from generator.diagnostics import Diagnostic
from generator.facts.schema import Facts
from generator.pages import verbatim
from generator.pages.mdtext import continued, escape
from generator.pages.pagecontext import relative_path
from generator.pipeline import build
from generator.reading import mdsource, segment
from generator.reading.article import decode_article, parse_article
from generator.reading.loading import load_model
from generator.reading.segment import is_plain_sentence, plain_sentences
from generator.reading.yamlsafe import YamlError, load_yaml

ROOT = Path(__file__).resolve().parent.parent
QUICK = settings(deadline=None, max_examples=60)
"""Enough examples to catch a regression in the default run; benchmarks/fuzz.py goes further."""
SENTENCE_ID = re.compile(r"p([1-9][0-9]*)s([1-9][0-9]*)")
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition"]

# Words in several scripts, with the punctuation that trips sentence splitters and Markdown.
WORD = st.one_of(
    st.sampled_from(
        [
            "talks", "Armenia", "Բարեւ", "Ərazi", "Пашинян", "U.S.", "Dr.", "e.g.", "#1", "*x*",
            "[^1]", "<b>", "{{", "%}", "|", "`", "---", "'", "“quoted”", "42", "3.5", "—",
        ]
    ),
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs"), blacklist_characters="\ufeff"
        ),
        min_size=1,
        max_size=12,
    ),
)  # fmt: skip
SENTENCE = st.builds(
    lambda first, words, end: " ".join(["Officials", first, *words]) + end,
    WORD,
    st.lists(WORD, min_size=3, max_size=12),
    st.sampled_from([".", "!", "?"]),
)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)


# ── The article parser ─────────────────────────────────────────────────────────────────────────

# Pieces that make pySBD split, or not, where a plain-sentence shortcut could guess wrong.
SPLIT_TRAP = st.lists(
    st.sampled_from(
        [*"aZé9 ,;:'\"“”‘’–—-/%&$€£@#+*=_.!?()[]…\u00a0Ж", "Mr", "U.S", " I ", " The", "etc",
         "No", " i", "ii", "1)", "•", "Dr.", "...", "e.g.", "3.5"]
    ),
    min_size=1,
    max_size=30,
).map("".join)  # fmt: skip


# The same sentence again and again, where a search for each sentence's place could go wrong.
REPEATS = st.lists(
    st.sampled_from(["Wow!", "Yes.", "No!", "Wow", "!", " ", "  ", "?", '"', "Mr."]),
    min_size=1,
    max_size=40,
).map("".join)


@QUICK
@given(st.one_of(SPLIT_TRAP, PARAGRAPH, REPEATS))
def test_our_pysbd_finds_the_sentences_pysbd_finds(text: str) -> None:
    stock = pysbd.Segmenter(language="en", clean=False, char_span=False)
    assert segment._segmenter().segment(text) == stock.segment(text)


# Sentences of everyday words ending in the words that fool a full-stop splitter: abbreviations
# (pySBD's own list has "is", "no", "co"), single letters, numerals, all-capital words; and
# sentences with quotation marks, apostrophes, dashes and other marks anywhere.
EVERYDAY = ["talks", "the", "met", "border", "people", "2023", "Ağdam", "ереван"]
TRICKY = [
    "is", "me", "no", "No", "Mr", "gen", "Gen", "May", "Jan", "II", "B", "a", "i", "etc", "vs",
    "co", "Co", "St", "art", "3", "Inc", "Dr", "approx", "p", "U", "“quoted”", "“We", "go”", "-",
    "—", ",", ";", ":", "Armenia's", "don’t", "'", "’s", "Yahoo!", "Why?", "Ереван", "Yahoo",
    "Yum", "BigYum", "Wow", "ok", "OK",
]  # fmt: skip
SENTENCE_OPENING = st.sampled_from(["The", "Talks", "A", "I", "Observers", "No", "Mr", "Ереван"])
PLAIN_SENTENCE = st.builds(
    lambda first, rest, last, end: " ".join([first, *rest, last]) + end,
    SENTENCE_OPENING,
    st.lists(st.sampled_from(EVERYDAY), max_size=6),
    st.sampled_from(EVERYDAY + TRICKY),
    st.sampled_from([".", ".", ".", "?", "!", ""]),
)
MARKED_SENTENCE = st.builds(
    lambda first, rest, end: " ".join([first, *rest]) + end,
    st.one_of(SENTENCE_OPENING, st.just("“Yes")),
    st.lists(st.sampled_from(EVERYDAY + TRICKY), max_size=8),
    st.sampled_from([".", "?", "!", ""]),
)
PLAIN_SENTENCES = st.lists(
    st.one_of(PLAIN_SENTENCE, PLAIN_SENTENCE, MARKED_SENTENCE), min_size=1, max_size=4
).map(" ".join)


@settings(deadline=None, max_examples=400)
@given(PLAIN_SENTENCES)
def test_plain_sentences_are_the_sentences_pysbd_finds(text: str) -> None:
    text = text.strip()
    pieces = plain_sentences(text)
    if pieces is not None:
        assert pieces == [piece.strip() for piece in segment._segment(text)]


LONG_PARAGRAPH = st.lists(
    st.one_of(PLAIN_SENTENCE, MARKED_SENTENCE, SENTENCE), min_size=4, max_size=24
).map(" ".join)


@settings(deadline=None, max_examples=300)
@given(LONG_PARAGRAPH)
def test_a_long_paragraph_given_to_pysbd_in_windows_gets_pysbds_sentences(text: str) -> None:
    """Windows cut where pySBD would split give pySBD's sentences. Known exception, left out:
    pySBD reads single letters before a full stop ("h.", "i.") as the items of a list, looking
    across the whole paragraph, which a window cannot do; no prose paragraph is such a list."""
    text = text.strip()
    assume(len(re.findall(r"(?<!\S)[A-Za-z]\.", text)) < 2)
    window, limit = segment.WINDOW, segment.WINDOW_LIMIT
    segment.WINDOW, segment.WINDOW_LIMIT = 40, 10**9  # windows of a few sentences, never cut
    try:
        windows = segment._windows(text)
        windowed = segment._segment(text)
    finally:
        segment.WINDOW, segment.WINDOW_LIMIT = window, limit
    assert windowed == segment._segment_window(text), windows


@settings(deadline=None, max_examples=400)
@given(SPLIT_TRAP)
def test_a_plain_sentence_is_one_sentence_to_pysbd_too(text: str) -> None:
    text = text.strip()
    if text and is_plain_sentence(text):
        assert [piece.strip() for piece in segment._segment(text)] == [text]


@QUICK
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_never_crashes(raw: bytes) -> None:
    text, diagnostics = decode_article(raw, "a.txt")
    assert (text is None) == any(d.severity == "error" for d in diagnostics)
    if text is not None:
        _check_diagnostics(parse_article(text, "a", "a.txt")[1])


@QUICK
@given(st.text(max_size=2000))
def test_parsing_any_text_never_crashes(text: str) -> None:
    article, diagnostics = parse_article(text, "a", "a.txt")
    _check_diagnostics(diagnostics)
    for sentence in article.sentences:
        assert article.sentence(sentence.id) is sentence


@QUICK
@given(st.lists(PARAGRAPH, min_size=1, max_size=6))
def test_every_sentence_id_round_trips(paragraphs: list[str]) -> None:
    text = "\n".join(paragraphs) + "\n2023-05-01 18:00:14\n"
    article, _ = parse_article(text, "a", "a.txt")
    assert len(article.paragraphs) == len(paragraphs)
    for paragraph, source in zip(article.paragraphs, paragraphs, strict=True):
        assert [s.id for s in paragraph.sentences] == [
            f"p{paragraph.number}s{n}" for n in range(1, len(paragraph.sentences) + 1)
        ]
        # Nothing lost or changed: the sentences are the paragraph, up to white space.
        assert "".join("".join(s.text for s in paragraph.sentences).split()) == "".join(
            source.split()
        )
        for sentence in paragraph.sentences:
            match = SENTENCE_ID.fullmatch(sentence.id)
            assert match and int(match.group(1)) == paragraph.number
            assert article.sentence(sentence.id) is sentence


def _check_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", diagnostic.code)


# ── The YAML loader ────────────────────────────────────────────────────────────────────────────


YAML_TEXT = st.one_of(
    st.text(max_size=500),
    st.text(alphabet="abc:- \n\t'\"[]{}&*!|>#%@`,?", max_size=300),
)


@QUICK
@given(YAML_TEXT)
def test_yaml_loader_refuses_or_reads_any_text(text: str) -> None:
    try:
        load_yaml(text, "facts.yml")
    except YamlError as error:
        _check_diagnostics([error.diagnostic])


@QUICK
@given(YAML_TEXT)
def test_facts_loader_reports_instead_of_raising(text: str) -> None:
    facts, _, diagnostics = load_model(text, "facts.yml", Facts)
    _check_diagnostics(diagnostics)
    assert (facts is None) == bool(diagnostics) or facts is not None


# ── Escaping: content reaches the reader as the characters it is ───────────────────────────────

PRINTABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=80
).filter(lambda text: text.strip() == text and "  " not in text)


@QUICK
@given(PRINTABLE)
def test_escaped_text_renders_as_itself(text: str) -> None:
    rendered = markdown.markdown(f"Before {escape(text)} after", extensions=MARKDOWN_EXTENSIONS)
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    assert html.unescape(rendered[3:-4]) == f"Before {text} after"


@QUICK
@given(PRINTABLE)
def test_escaped_text_renders_as_itself_at_the_start_of_a_line(text: str) -> None:
    """What would start a list, a heading, a block quote or an admonition does not."""
    for source, tag in ((escape(text), "p"), (f"- {escape(text)}", "li")):
        rendered = markdown.markdown(source, extensions=MARKDOWN_EXTENSIONS)
        match = re.fullmatch(rf"(?:<ul>\n)?<{tag}>(.*)</{tag}>(?:\n</ul>)?", rendered, re.S)
        assert match, rendered
        assert html.unescape(match.group(1)) == text


@QUICK
@given(PRINTABLE)
def test_escaped_text_is_itself_in_html_and_after_a_link(text: str) -> None:
    """The one escape is HTML's too: the same text in an element or after a link on a line."""
    assert html.unescape(escape(text)) == text
    rendered = markdown.markdown(f"<b>x</b>{continued(text)}", extensions=MARKDOWN_EXTENSIONS)
    assert html.unescape(rendered) == f"<p><b>x</b>{text}</p>"


@QUICK
@given(PRINTABLE)
def test_attribute_text_renders_as_itself(text: str) -> None:
    source = f'[link](#target){{ title="{escape(text)}" }}'
    rendered = markdown.markdown(source, extensions=MARKDOWN_EXTENSIONS)
    match = re.fullmatch(r'<p><a href="#target" title="([^"]*)">link</a></p>', rendered)
    assert match, rendered
    assert html.unescape(match.group(1)) == text


@QUICK
@given(PRINTABLE, PRINTABLE)
def test_a_citation_in_a_table_cell_shows_its_text_with_or_without_the_plugin(
    title: str, label: str
) -> None:
    """A citation is raw HTML in the Markdown: rendered by Markdown as it stands (``explainer
    render --out``), or lifted out before Markdown and put back after (the MkDocs plugin)."""
    cite = f'<a class="cite" href="a.md#p1s1" title="{escape(title)}">{escape(label)}</a>'
    source = f"| Said | |\n| --- | --- |\n| Cell | {escape(label)} {cite} |\n"
    lifted, pieces = verbatim.lift(source)
    assert len(pieces) == 1
    for rendered in (
        markdown.markdown(source, extensions=MARKDOWN_EXTENSIONS),
        verbatim.restore(markdown.markdown(lifted, extensions=MARKDOWN_EXTENSIONS), pieces),
    ):
        cells = re.findall(r"<td>(.*?)</td>", rendered, re.S)
        assert len(cells) == 2, rendered
        match = re.fullmatch(
            r'(.*) <a class="cite" href="a.md#p1s1" title="([^"]*)">([^<]*)</a>', cells[1]
        )
        assert match, rendered
        assert [html.unescape(part) for part in match.groups()] == [label, title, label]


# ── Valid facts build a site; the build is deterministic ───────────────────────────────────────

NAME = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda name: name.strip() == name)


@st.composite
def stories(draw: Any) -> tuple[str, str]:
    """An article and a valid facts file citing it, with names and texts from any script."""
    paragraphs = draw(st.lists(PARAGRAPH, min_size=1, max_size=4))
    words = " ".join(draw(st.lists(st.sampled_from(EVERYDAY), min_size=1, max_size=6)))
    paragraphs.insert(draw(st.integers(0, len(paragraphs))), f'"{words}," an official said.')
    article_text = "\n".join(paragraphs) + "\n2023-05-01 18:00:14\n"
    article, _ = parse_article(article_text, "wire", "wire.txt")
    ids = [s.id for s in article.sentences]
    cite = st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True)
    names = draw(st.lists(NAME, min_size=1, max_size=4))
    entities = [
        {"id": f"entity-{n}", "type": draw(st.sampled_from(["person", "country", "group"])),
         "name": name, "aliases": draw(st.lists(NAME, max_size=2)), "sources": draw(cite)}
        for n, name in enumerate(names)
    ]  # fmt: skip
    quoted = next(s for s in article.sentences if f'"{words},"' in s.text)
    facts = {
        "summary": [{"text": draw(NAME), "sources": draw(cite)}],
        "entities": entities,
        "events": [
            {"id": "event", "title": draw(NAME), "when": "2023-05-01", "page": True,
             "participants": [e["id"] for e in entities], "sources": draw(cite)}
        ],
        "quotes": [
            {"id": "quote", "text": words, "speaker": "entity-0", "sources": [quoted.id]}
        ],
    }  # fmt: skip
    return article_text, yaml.safe_dump(facts, allow_unicode=True, sort_keys=False)


def _write_story(content: Path, article_text: str, facts_text: str) -> None:
    story = content / "story"
    (story / "articles").mkdir(parents=True)
    (story / "story.yml").write_text("title: Generated story\n", encoding="utf-8")
    (story / "facts.yml").write_text(facts_text, encoding="utf-8")
    (story / "articles" / "wire.txt").write_text(article_text, encoding="utf-8")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_any_valid_story_renders_the_same_twice(story: tuple[str, str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        _write_story(content, *story)
        first = build(content)
        assert first.pages is not None, [str(d) for d in first.diagnostics]
        assert build(content).pages == first.pages


@pytest.mark.slow
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_any_valid_story_builds_with_strict(story: tuple[str, str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        for shipped in (project / "content").iterdir():
            if (shipped / "story.yml").is_file():
                subprocess.run(["rm", "-r", str(shipped)], check=True)
        _write_story(project / "content", *story)
        result = _mkdocs_build(project, seed="0")
        assert result.returncode == 0, result.stderr
        assert (project / "site" / "story" / "events" / "event" / "index.html").is_file()


def _mkdocs_build(project: Path, seed: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": seed}
    return subprocess.run(
        [Path(sys.executable).parent / "mkdocs", "build", "--strict", "--quiet"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.slow
def test_site_is_byte_identical_across_builds_and_hash_seeds(tmp_path: Path) -> None:
    trees = []
    for number, seed in enumerate(("0", "1", "4242")):
        project = copy_project(tmp_path / f"project-{number}")
        result = _mkdocs_build(project, seed)
        assert result.returncode == 0, result.stderr
        trees.append(_tree(project / "site"))
    assert len(trees[0]) > 30
    for other in trees[1:]:
        assert other.keys() == trees[0].keys()
        assert [name for name in trees[0] if other[name] != trees[0][name]] == []


def test_render_out_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    outputs = []
    for seed in ("0", "777"):
        out = tmp_path / f"out-{seed}"
        subprocess.run(
            [sys.executable, "-m", "generator", "render", str(ROOT / "content"), "--out", str(out)],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.append(_tree(out))
    assert len(outputs[0]) > 30
    assert outputs[0] == outputs[1]


FOLDER = st.lists(st.sampled_from(["a", "b", "story", "actors", "sources"]), max_size=4)


@QUICK
@given(FOLDER, st.sampled_from(["index.md", "x.md"]), FOLDER)
def test_relative_paths_are_posix_relative_paths(
    folders: list[str], page: str, here: list[str]
) -> None:
    target, start = "/".join([*folders, page]), "/".join(here) or "."
    assert relative_path(target, start) == posixpath.relpath(target, start)


def _read_undefused(text: str) -> str:
    """The words Python-Markdown gives for ``text`` read whole, without defusing."""
    converter = markdown.Markdown()
    reader = mdsource._TextOf()
    reader.feed(converter.convert(text))
    reader.close()
    return " ".join("".join(reader.parts).split())


MARKUP = st.text(alphabet="[]()<>`*_!&;\\ab #:/.", max_size=60)


@settings(max_examples=400, deadline=None)
@given(MARKUP)
def test_defusing_unclosed_markup_changes_no_word(text: str) -> None:
    """Escaping what nothing closes (the linear-time guard) reads the same words as reading the
    text whole; only text opening a block (read as a paragraph here) is left out."""
    if mdsource._BLOCK_START.match(text.lstrip()) or not text.strip():
        return
    read, whole = mdsource.inline_text(text), _read_undefused(text)
    # Read whole, a "<" next to emphasis may be lost (the HTML parser takes it for the start of
    # a tag never finished, as in "_:__:_<:"); defused, it is kept as written. Nothing else
    # may differ.
    assert read == whole or (
        read.replace("<", "").split() == whole.replace("<", "").split()
        and read.count("<") > whole.count("<")
    )


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="[]()!a :`\\x", max_size=40))
def test_escaping_brackets_that_make_no_link_changes_no_word(text: str) -> None:
    """An outermost ``[…]`` that no ``(`` or ``[`` follows is escaped (Python-Markdown would
    look for a link from it): nested brackets, links and images read as before."""
    if mdsource._BLOCK_START.match(text.lstrip()) or not text.strip():
        return
    assume(not re.match(r" {0,3}\[.*\]:", text))  # a definition of a reference, read apart
    assert mdsource.inline_text(text) == _read_undefused(text)


@settings(max_examples=30, deadline=None)
@given(st.randoms(use_true_random=False))
def test_a_long_paragraph_read_in_pieces_gives_the_same_words(rng: Any) -> None:
    """Cut where no markup is open, a paragraph longer than the piece size reads the same."""
    # No code spans: Python-Markdown pairs backticks by scanning to the end of the text, so
    # a paragraph over 4 KB with unpaired backticks may read differently in pieces.
    parts = ["[a](https://x.org/y)", " *em* ", "w", " ", "&amp;", "x\\[", "(x)", "<b>b</b>"]
    text = "".join(rng.choice(parts) for _ in range(rng.randint(800, 1600)))
    whole = _read_undefused(text)
    assume("klzzwxh" not in whole)  # Python-Markdown's own placeholders leak on such text
    # A stretch of twice the piece size without white space is cut where it stands, maybe
    # inside a link: no prose is like that, and its words may then read differently.
    size = 2 * mdsource._CHUNK
    assume(all(" " in text[start : start + size // 2] for start in range(0, len(text), size // 4)))
    if mdsource._BLOCK_START.match(text.lstrip()) or not text.strip():
        return
    assert mdsource.inline_text(text) == whole
