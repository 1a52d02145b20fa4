"""The ``explainer`` command line, called in-process: check, render, schema, help and errors."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from textwrap import dedent
from xml.etree import ElementTree

import pytest
import yaml

from generator.cli import main

SLUG = "armenia-azerbaijan-talks"
GENERATED = ("index.md", f"{SLUG}/places/lachin-corridor.md", f"{SLUG}/index.md")
WROTE = re.compile(r"wrote (\d+) file\(s\) to (.+) \((\d+) unchanged, (\d+) removed\)\n")

MakeStory = Callable[..., Path]

VALID_FACTS = """\
entities:
  - id: armenia
    type: country
    name: Armenia
    sources: [p2s1]
  - id: azerbaijan
    type: country
    name: Azerbaijan
    sources: [p2s1]
"""

MISQUOTED_FACTS = """\
entities:
  - id: us-official
    type: person
    name: US official
    sources: [p7s1]
quotes:
  - id: frank
    text: very frank conversations
    speaker: us-official
    sources: [p7s1]
"""


def _render(capsys: pytest.CaptureFixture[str], content: Path, out: Path) -> tuple[int, ...]:
    """Run ``render``; return (written, unchanged, removed) from its report line."""
    assert main(["render", str(content), "--out", str(out)]) == 0
    stdout = capsys.readouterr().out
    match = WROTE.fullmatch(stdout)
    assert match, stdout
    assert match[2] == str(out)
    return int(match[1]), int(match[3]), int(match[4])


# ── check ───────────────────────────────────────────────────────────────────────────────────


def test_check_shipped_content(capsys: pytest.CaptureFixture[str], shipped_content: Path) -> None:
    assert main(["check", str(shipped_content)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "ok: 1 story, 3 article(s); 0 errors, 0 warnings\n"
    assert "error" not in captured.err.replace("0 errors", "")


def test_check_strict_shipped_content(
    capsys: pytest.CaptureFixture[str], shipped_content: Path
) -> None:
    # The artifact line is a note, not a warning, so even a strict check passes.
    assert main(["check", "--strict", str(shipped_content)]) == 0
    assert capsys.readouterr().out == "ok: 1 story, 3 article(s); 0 errors, 0 warnings\n"


def test_check_misquote_fails_with_position(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_story: MakeStory
) -> None:
    content = make_story(tmp_path, MISQUOTED_FACTS)
    assert main(["check", str(content)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert (
        "content/story/facts.yml:8:11: error[quote-not-in-source]: quote 'frank' is not in its "
        "cited sentence p7s1: 'very frank conversations' does not appear there as whole words; "
        "copy the words exactly"
    ) in lines
    assert lines[-1] == "explainer check: 1 error, 0 warnings"


def test_check_valid_story(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_story: MakeStory
) -> None:
    content = make_story(tmp_path, VALID_FACTS)
    assert main(["check", str(content)]) == 0
    assert capsys.readouterr().out == "ok: 1 story, 1 article(s); 0 errors, 0 warnings\n"


def test_checking_a_story_folder_names_the_content_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_story: MakeStory
) -> None:
    content = make_story(tmp_path, VALID_FACTS)
    story = next(p for p in content.iterdir() if (p / "story.yml").is_file())
    assert main(["check", str(story)]) == 1
    err = capsys.readouterr().err
    assert "is a story folder, not the content folder" in err
    assert f"('{content}')" in err


def test_checking_a_file_asks_for_the_content_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_story: MakeStory
) -> None:
    content = make_story(tmp_path, VALID_FACTS)
    facts = next(content.glob("*/facts.yml"))
    assert main(["check", str(facts)]) == 1
    assert f"'{facts}' is a file; give the content folder" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", "render"])
def test_missing_content_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    missing = tmp_path / "no-such-content"
    out = tmp_path / "out"
    argv = [command, str(missing)] + (["--out", str(out)] if command == "render" else [])
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    assert f"content folder '{missing}' does not exist" in captured.err
    assert "error[no-content]" in captured.err
    assert captured.err.splitlines()[-1].startswith(f"explainer {command}: 1 error, 0 warnings")
    assert not out.exists()


# ── help and usage ──────────────────────────────────────────────────────────────────────────


def test_main_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    stdout = capsys.readouterr().out
    assert stdout.startswith("usage: explainer")
    for command in ("check", "render", "schema"):
        assert command in stdout


@pytest.mark.parametrize("command", ["check", "render", "schema"])
def test_command_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: explainer {command}")


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert capsys.readouterr().out.startswith("usage: explainer")


def test_render_without_out_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["render"])
    assert exit_info.value.code == 2
    assert "--out" in capsys.readouterr().err


# ── schema ──────────────────────────────────────────────────────────────────────────────────


def test_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"entities", "events", "quotes"} <= set(schema["properties"])


def test_story_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--story"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"title", "articles"} <= set(schema["properties"])


# ── render ──────────────────────────────────────────────────────────────────────────────────


def test_render_writes_a_project_of_the_pages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shipped_content: Path
) -> None:
    out = tmp_path / "out"
    written, unchanged, removed = _render(capsys, shipped_content, out)
    assert written > 0
    assert (unchanged, removed) == (0, 0)
    for relative in GENERATED:
        assert (out / "docs" / relative).is_file(), relative
        assert (out / "docs" / relative).read_text(encoding="utf-8").strip()
    config = yaml.safe_load((out / "mkdocs.yml").read_text("utf-8"))
    assert config["docs_dir"] == "docs"
    assert "explainer" not in str(config.get("plugins", ""))
    assert {"Home": "index.md"} in config["nav"]
    for stylesheet in ("explainer.css", "explainer-map.css"):
        assert f"assets/{stylesheet}" in config["extra_css"]
        assert (out / "docs" / "assets" / stylesheet).is_file()


def test_render_with_a_site_url_writes_each_story_feed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shipped_content: Path
) -> None:
    out = tmp_path / "out"
    url = "https://example.org/explainers/"
    assert main(["render", str(shipped_content), "--out", str(out), "--site-url", url]) == 0
    feed = ElementTree.parse(out / "docs" / "armenia-azerbaijan-talks" / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.findtext(f"{atom}id") == f"{url}armenia-azerbaijan-talks/"
    assert len(feed.findall(f"{atom}entry")) >= 2
    overview = (out / "docs" / "armenia-azerbaijan-talks" / "index.md").read_text("utf-8")
    assert "feed.xml" in overview
    main(["render", str(shipped_content), "--out", str(tmp_path / "plain")])
    plain = tmp_path / "plain" / "docs" / "armenia-azerbaijan-talks"
    assert not (plain / "feed.xml").exists()
    assert "feed.xml" not in (plain / "index.md").read_text("utf-8")


def test_render_refuses_a_site_url_that_is_not_an_address(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shipped_content: Path
) -> None:
    status = main(["render", str(shipped_content), "--out", str(tmp_path), "--site-url", "example"])
    assert status == 2
    assert capsys.readouterr().err == (
        "explainer render: --site-url 'example' is not an http(s) address; give the full address "
        "the site is published at, like https://example.org/explainers/\n"
    )
    assert not any(tmp_path.iterdir())


def test_render_twice_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shipped_content: Path
) -> None:
    out = tmp_path / "out"
    written, _, _ = _render(capsys, shipped_content, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert _render(capsys, shipped_content, out) == (0, written, 0)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_render_never_touches_a_foreign_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shipped_content: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    foreign = out / "notes.txt"
    foreign.write_text("mine\n", encoding="utf-8")
    nested = out / "docs" / SLUG / "places" / "my-notes.md"
    nested.parent.mkdir(parents=True)
    nested.write_text("my notes\n", encoding="utf-8")
    _render(capsys, shipped_content, out)
    _render(capsys, shipped_content, out)
    assert foreign.read_text(encoding="utf-8") == "mine\n"
    assert nested.read_text(encoding="utf-8") == "my notes\n"


def test_render_does_not_overwrite_an_existing_file_it_did_not_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shipped_content: Path
) -> None:
    out = tmp_path / "out"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "index.md").write_text("# My own home page\n", encoding="utf-8")
    _render(capsys, shipped_content, out)
    assert (out / "docs" / "index.md").read_text(encoding="utf-8") == "# My own home page\n"
    assert (out / "docs" / SLUG / "places" / "lachin-corridor.md").is_file()


def test_render_does_not_overwrite_a_hand_edited_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shipped_content: Path
) -> None:
    out = tmp_path / "out"
    _render(capsys, shipped_content, out)
    page = out / "docs" / SLUG / "places" / "lachin-corridor.md"
    edited = page.read_text(encoding="utf-8") + "\nA note added by hand.\n"
    page.write_text(edited, encoding="utf-8")
    _render(capsys, shipped_content, out)
    assert page.read_text(encoding="utf-8") == edited
    _render(capsys, shipped_content, out)
    assert page.read_text(encoding="utf-8") == edited


def test_render_reports_a_hand_edited_page_it_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shipped_content: Path
) -> None:
    # writer.py promises that a file left alone is "reported": the user must learn that the
    # page they edited is no longer being updated.
    out = tmp_path / "out"
    _render(capsys, shipped_content, out)
    page = out / "docs" / SLUG / "places" / "lachin-corridor.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nBy hand.\n", encoding="utf-8")
    assert main(["render", str(shipped_content), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert f"{SLUG}/places/lachin-corridor.md" in captured.out + captured.err


def test_render_manages_a_page_again_once_a_hand_edit_is_undone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shipped_content: Path
) -> None:
    # Keeping an edited page must not make the tool forget the page: once the edit is undone,
    # later runs must update (or remove) it again, so it counts as unchanged, not as foreign.
    out = tmp_path / "out"
    written, _, _ = _render(capsys, shipped_content, out)
    page = out / "docs" / SLUG / "places" / "munich.md"
    generated = page.read_bytes()
    page.write_bytes(generated + b"\nBy hand.\n")
    _render(capsys, shipped_content, out)
    page.write_bytes(generated)
    assert _render(capsys, shipped_content, out) == (0, written, 0)


def test_render_removes_only_its_own_stale_pages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_story: MakeStory
) -> None:
    content = make_story(tmp_path, VALID_FACTS)
    out = tmp_path / "out"
    _render(capsys, content, out)
    stale = out / "docs" / "story" / "actors" / "azerbaijan.md"
    assert stale.is_file()
    foreign = out / "docs" / "story" / "actors" / "notes.md"
    foreign.write_text("mine\n", encoding="utf-8")
    armenia_only = dedent(VALID_FACTS).split("  - id: azerbaijan")[0]
    make_story(tmp_path, armenia_only)
    written, _, removed = _render(capsys, content, out)
    assert removed == 1
    assert written >= 1  # the actors index and other pages that listed Azerbaijan
    assert not stale.exists()
    assert foreign.read_text(encoding="utf-8") == "mine\n"
    assert (out / "docs" / "story" / "actors" / "armenia.md").is_file()


def test_render_with_errors_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_story: MakeStory
) -> None:
    content = make_story(tmp_path, MISQUOTED_FACTS)
    out = tmp_path / "out"
    assert main(["render", str(content), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "error[quote-not-in-source]" in captured.err
    assert captured.err.splitlines()[-1] == "explainer render: 1 error, 0 warnings; nothing written"
    assert not out.exists()
