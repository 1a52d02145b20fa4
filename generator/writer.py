"""Writing rendered pages to a folder: atomic, deterministic, and never touching others' files.

A manifest (``.explainer-manifest.json``) records what this tool wrote, with each file's hash.
A later run replaces or removes only files it wrote itself and that nobody has edited since;
a file it did not write, or one edited by hand, is left alone and reported.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = ".explainer-manifest.json"


@dataclass
class WriteReport:
    """What a write did."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0
    kept: list[str] = field(default_factory=list)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(out: Path) -> dict[str, str]:
    try:
        loaded = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = loaded.get("files", {}) if isinstance(loaded, dict) else {}
    if not isinstance(files, dict):
        return {}
    # A manifest edited by hand must not lead us to remove anything outside ``out``.
    return {str(k): str(v) for k, v in files.items() if _is_inside(str(k))}


def _is_inside(relative: str) -> bool:
    """Whether ``relative`` names a file inside the output folder (no ``..``, not absolute)."""
    path = PurePosixPath(relative)
    return (
        bool(relative)
        and not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in relative
    )


def write_pages(pages: dict[str, str], out: Path) -> WriteReport:
    """Write ``pages`` under ``out``; remove pages of a previous run that are no longer made."""
    outside = sorted(relative for relative in pages if not _is_inside(relative))
    if outside:
        raise ValueError(f"page path {outside[0]!r} is outside the output folder")
    report = WriteReport()
    previous = _read_manifest(out)
    manifest: dict[str, str] = {}
    for relative, text in sorted(pages.items()):
        target = out / relative
        data = text.encode("utf-8")
        if target.exists() and relative not in previous:
            report.kept.append(relative)
            continue
        if target.exists() and _digest(target.read_bytes()) != previous.get(relative):
            report.kept.append(relative)
            if relative in previous:
                manifest[relative] = previous[relative]  # ours, edited: remember it
            continue
        manifest[relative] = _digest(data)
        if target.exists() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        atomic_write(target, data)
        report.written += 1
    for relative, digest in sorted(previous.items()):
        target = out / relative
        if relative in pages or not target.exists():
            continue
        if _digest(target.read_bytes()) == digest:
            target.unlink()
            report.removed += 1
        else:
            report.kept.append(relative)
    body = json.dumps({"files": manifest}, indent=2, sort_keys=True) + "\n"
    atomic_write(out / MANIFEST, body.encode("utf-8"))
    return report
