"""The preview server: a real ``mkdocs serve --livereload`` on a copy of the project.

Editing facts.yml shows on the served page; breaking it keeps the server up, prints the error as
``facts.yml:LINE:COL: error[code]`` and serves the last good pages under an error banner; fixing
it takes the banner away. HTTP is plain ``urllib``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support import copy_project

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
STORY = "armenia-azerbaijan-talks"
BANNER = "The content has errors"
TIMEOUT = 30.0
ORIGINAL_SUMMARY = "Antony Blinken hosted talks"
EDITED_SUMMARY = "Antony Blinken convened talks"
SPEAKER_LINE = "    speaker: us-official\n"
BROKEN_SPEAKER_LINE = "    speaker: us-officail\n"
ROLE = "    role: US Secretary of State\n"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    lines: list[str] = field(default_factory=list, repr=False)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def get(self, path: str = "", timeout: float = 5.0) -> tuple[int | None, str]:
        """(status, body) of ``path``; (None, reason) when the server does not answer."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")
        except (OSError, urllib.error.URLError) as error:
            return None, repr(error)


def wait_until(server: Server, what: str, check: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        if server.process.poll() is not None:
            pytest.fail(
                f"mkdocs serve exited ({server.process.returncode}) while waiting until {what}:\n"
                f"{server.output}"
            )
        time.sleep(0.25)
    pytest.fail(
        f"timed out after {timeout:.0f}s waiting until {what}; server output:\n{server.output}"
    )


def shows(
    server: Server, path: str, *present: str, absent: tuple[str, ...] = ()
) -> Callable[[], bool]:
    """A check: ``path`` answers 200 with every text of ``present`` and none of ``absent``."""

    def check() -> bool:
        status, body = server.get(path)
        return (
            status == 200 and all(t in body for t in present) and not any(t in body for t in absent)
        )

    return check


def replace_file(path: Path, text: str, scratch: Path) -> None:
    """Write ``text`` to ``path`` in one step, so that a rebuild never reads half a file."""
    temporary = scratch / f".{path.name}.new"
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def server(project: Path) -> Iterator[Server]:
    yield from _serve(project)


def _serve(project: Path, *options: str) -> Iterator[Server]:
    """A running ``mkdocs serve --livereload`` of ``project``, stopped after use."""
    address = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", address, *options],
        cwd=project,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    running = Server(process, f"http://{address}/")
    assert process.stdout is not None
    reader = threading.Thread(target=lambda: running.lines.extend(process.stdout), daemon=True)
    reader.start()
    try:
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        reader.join(timeout=5)


def test_serve_rebuilds_on_edit_and_survives_broken_facts(
    server: Server, project: Path, tmp_path: Path
) -> None:
    overview = f"{STORY}/"
    facts = project / "content" / STORY / "facts.yml"
    original = facts.read_text(encoding="utf-8")
    assert ORIGINAL_SUMMARY in original and SPEAKER_LINE in original

    # 1. The overview is served.
    wait_until(
        server,
        "the overview page is served",
        shows(server, overview, "hosted talks between"),
        60,
    )

    # 2. An edit of a summary point shows on the served page.
    edited = original.replace(ORIGINAL_SUMMARY, EDITED_SUMMARY, 1)
    replace_file(facts, edited, tmp_path)
    wait_until(
        server,
        "the edited summary is served",
        shows(server, overview, "convened talks between"),
        TIMEOUT,
    )

    # 3. A broken facts file: the error is reported with its place, the server stays up and
    #    keeps serving the last good pages under the error banner.
    lines = edited.splitlines(keepends=True)
    number = lines.index(SPEAKER_LINE)
    lines[number] = BROKEN_SPEAKER_LINE
    column = BROKEN_SPEAKER_LINE.index("us-officail") + 1
    replace_file(facts, "".join(lines), tmp_path)
    located = re.compile(rf"facts\.yml:{number + 1}:{column}: error\[unknown-entity\]")
    wait_until(
        server,
        f"the output reports facts.yml:{number + 1}:{column}: error[unknown-entity]",
        lambda: bool(located.search(server.output)),
        TIMEOUT,
    )
    assert re.search(r"facts\.yml:\d+:\d+: error\[[a-z-]+\]", server.output)
    time.sleep(1.0)  # let the failed rebuild finish: the server must still be up afterwards
    assert server.process.poll() is None, f"mkdocs serve exited:\n{server.output}"
    wait_until(
        server,
        f"the overview answers with the error banner {BANNER!r}",
        shows(server, overview, BANNER, "convened talks between"),
        TIMEOUT,
    )
    assert server.process.poll() is None, f"mkdocs serve exited:\n{server.output}"

    # 4. Fixing the file takes the banner away.
    replace_file(facts, edited, tmp_path)
    wait_until(
        server,
        "the banner is gone after the fix",
        shows(server, overview, "convened talks between", absent=(BANNER,)),
        TIMEOUT,
    )
    assert server.process.poll() is None


# ── An archive: serve --dirty rebuilds what an edit changes, and only that ─────────────────


LIVERELOAD = re.compile(r"<script>\s*var livereload\s*=.*?</script>", re.S)


def _archive(project: Path, copies: int) -> list[str]:
    """``copies`` more stories, each a copy of the shipped one; all the stories' folders."""
    story = project / "content" / STORY
    for number in range(1, copies + 1):
        copy = project / "content" / f"{STORY}-{number}"
        shutil.copytree(story, copy)
        info = copy / "story.yml"
        info.write_text(info.read_text("utf-8").replace("title: ", f"title: ({number}) ", 1))
    return [STORY, *(f"{STORY}-{number}" for number in range(1, copies + 1))]


def _served_like_built(server: Server, built: Path, page: Path) -> tuple[str, str]:
    relative = page.relative_to(built).as_posix()
    address = relative.removesuffix("index.html")
    status, served = server.get(address)
    assert status == 200, address
    return LIVERELOAD.sub("", served), page.read_text("utf-8")


def _search_entries(text: str) -> list[tuple[str, str, str]]:
    return sorted((d["location"], d["title"], d["text"]) for d in json.loads(text)["docs"])


def test_serve_dirty_rebuilds_an_edited_story_as_a_fresh_build_would(
    project: Path, tmp_path: Path
) -> None:
    stories = _archive(project, 3)
    facts = project / "content" / STORY / "facts.yml"
    original = facts.read_text("utf-8")
    for server in _serve(project, "--dirty", "--no-strict"):
        overview = f"{STORY}/"
        wait_until(server, "the overview is served", shows(server, overview, "hosted talks"), 120)
        # A summary (the overview) and a role (the person's page, the index of actors, …).
        edited = original.replace(ORIGINAL_SUMMARY, EDITED_SUMMARY, 1)
        edited = edited.replace(ROLE, "    role: Secretary of State\n", 1)
        replace_file(facts, edited, tmp_path)
        wait_until(server, "the edit shows", shows(server, overview, "convened talks"), TIMEOUT)
        time.sleep(1.0)  # the rebuild's last files
        rebuilt = re.findall(r"Building documentation", server.output)
        built = _fresh_build(project, server.url)
        pages = [built / "index.html", *sorted((built / STORY).rglob("index.html"))]
        assert len(pages) > 30
        for page in pages:
            served, fresh = _served_like_built(server, built, page)
            assert served == fresh, page.relative_to(built)
        other = built / stories[1] / "index.html"
        assert _served_like_built(server, built, other)[0] == other.read_text("utf-8")
        status, index = server.get("search/search_index.json")
        assert status == 200
        fresh_index = (built / "search" / "search_index.json").read_text("utf-8")
        assert _search_entries(index) == _search_entries(fresh_index)
        assert len(rebuilt) == 2  # the first build and the edit's
        again = re.search(r"explainer: (\d+) of (\d+) pages built again", server.output)
        assert again, server.output
        # The overview, the person's page and the pages that list the person or quote them.
        assert 2 <= int(again[1]) <= 10 and int(again[2]) > 4 * len(pages)

        # A broken edit: the banner over the last good pages of that story and the home page.
        replace_file(facts, edited.replace(SPEAKER_LINE, BROKEN_SPEAKER_LINE, 1), tmp_path)
        wait_until(server, "the banner shows", shows(server, overview, BANNER), TIMEOUT)
        assert BANNER in server.get("")[1]
        assert "convened talks" in server.get(overview)[1]
        replace_file(facts, edited, tmp_path)
        wait_until(server, "the banner goes", shows(server, overview, absent=(BANNER,)), TIMEOUT)
        assert BANNER not in server.get("")[1]


def _fresh_build(project: Path, url: str) -> Path:
    """A plain ``mkdocs build`` of the project as it is now, addressed like the server."""
    site = project.parent / "fresh-site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return site
