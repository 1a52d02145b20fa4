"""Helpers shared by the tests that run a real MkDocs on a copy of the project."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_project(target: Path) -> Path:
    """A copy of what ``mkdocs build`` reads: mkdocs.yml, content/ and theme/."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("content", "theme"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, target / folder)
    return target


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) for the browser; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
