"""Writing rendered pages to a folder: atomic, deterministic, and never touching others' files.

A manifest (``.explainer-manifest.json``) records what this tool wrote, with each file's hash.
A later run replaces or removes only files it wrote itself and that nobody has edited since;
a file it did not write, or one edited by hand, is left alone and reported.

A run that stops part-way (killed, a full disk) must not lose track of what it wrote: before a
file is replaced, a line naming it and its new hash is appended to a journal
(``.explainer-manifest.journal``), so the next run knows the file as its own whichever version
it holds. The journal is folded into the manifest when the run ends. A run takes a lock on the
output folder, so two runs at once take turns; it removes the temporary files a stopped run left
behind. Files get the mode the umask gives (``0644`` under ``022``), as ``cp`` would.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

MANIFEST = ".explainer-manifest.json"
JOURNAL = ".explainer-manifest.journal"


@dataclass
class WriteReport:
    """What a write did."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0
    kept: list[str] = field(default_factory=list)


def atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: all or nothing.

    The file gets the mode a newly created file gets under the process's umask. ``durable``:
    on the disk before the rename (a cache, which may be lost, need not wait for that).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_if_changed(folder: Path, relative: str, data: bytes) -> Path:
    """``folder/relative`` holding ``data``: written (atomically, not waiting for the disk:
    it is a cache) only if it holds something else, so its modification time tells when its
    content last changed."""
    path = folder / relative
    try:
        unchanged = path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        unchanged = False
    if not unchanged:
        atomic_write(path, data, durable=False)
    return path


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(out: Path) -> dict[str, set[str]]:
    """Each file this tool wrote in ``out``, with the hashes it may have: the manifest's, and
    those a stopped run journalled."""
    try:
        loaded = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        loaded = {}
    files = loaded.get("files", {}) if isinstance(loaded, dict) else {}
    ours: dict[str, set[str]] = {}
    if isinstance(files, dict):
        for relative, digest in files.items():
            ours.setdefault(str(relative), set()).add(str(digest))
    for relative, digest in _read_journal(out):
        ours.setdefault(relative, set()).add(digest)
    # A manifest edited by hand must not lead us to remove anything outside ``out``.
    return {relative: digests for relative, digests in ours.items() if _is_inside(relative)}


def _read_journal(out: Path) -> Iterator[tuple[str, str]]:
    try:
        lines = (out / JOURNAL).read_bytes().split(b"\n")
    except OSError:
        return
    for line in lines:
        with contextlib.suppress(ValueError):  # the last line may be cut short by the stop
            entry = json.loads(line)
            if (
                isinstance(entry, list)
                and len(entry) == 2
                and all(isinstance(e, str) for e in entry)
            ):
                yield entry[0], entry[1]


def _is_inside(relative: str) -> bool:
    """Whether ``relative`` names a file inside the output folder (no ``..``, not absolute)."""
    path = PurePosixPath(relative)
    return (
        bool(relative)
        and not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in relative
    )


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold the output folder's lock: a second run waits for the first to finish."""
    handle = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _remove_temporaries(out: Path, relatives: Iterable[str]) -> None:
    """Remove the temporary files :func:`atomic_write` left for ``relatives`` when stopped."""
    for relative in relatives:
        target = out / relative
        pattern = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")
        if not target.parent.is_dir():
            continue
        for candidate in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            if pattern.fullmatch(candidate.name) and candidate.is_file():
                candidate.unlink(missing_ok=True)


class _Journal:
    """The journal of a run: a line per file, written before the file is."""

    def __init__(self, out: Path) -> None:
        self.path = out / JOURNAL
        self._stream: BinaryIO | None = None

    def record(self, relative: str, digest: str) -> None:
        if self._stream is None:
            self._stream = self.path.open("ab")
            self._stream.write(b"\n")  # a line cut short by a stopped run stays on its own
        self._stream.write(json.dumps([relative, digest]).encode("utf-8") + b"\n")
        self._stream.flush()
        os.fsync(self._stream.fileno())

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
        self.path.unlink(missing_ok=True)


def write_pages(pages: Mapping[str, str | bytes], out: Path) -> WriteReport:
    """Write ``pages`` (text, written as UTF-8, or bytes) under ``out``; remove pages of a
    previous run that are no longer made."""
    outside = sorted(relative for relative in pages if not _is_inside(relative))
    if outside:
        raise ValueError(f"page path {outside[0]!r} is outside the output folder")
    out.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        previous = _read_manifest(out)
        _remove_temporaries(out, sorted({*previous, *pages, MANIFEST}))
        journal = _Journal(out)
        report, manifest = _write_all(pages, out, previous, journal)
        _remove_unmade(pages, out, previous, report)
        body = json.dumps({"files": manifest}, indent=2, sort_keys=True) + "\n"
        atomic_write(out / MANIFEST, body.encode("utf-8"))
        journal.close()
    return report


def _write_all(
    pages: Mapping[str, str | bytes], out: Path, previous: dict[str, set[str]], journal: _Journal
) -> tuple[WriteReport, dict[str, str]]:
    report = WriteReport()
    manifest: dict[str, str] = {}
    for relative, text in sorted(pages.items()):
        target = out / relative
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        digest = _digest(data)
        if target.exists():
            current = target.read_bytes()
            if _digest(current) not in previous.get(relative, set()):
                report.kept.append(relative)  # not ours, or ours and edited since
                if relative in previous:
                    manifest[relative] = min(previous[relative])  # remember it is ours
                continue
            if current == data:
                manifest[relative] = digest
                report.unchanged += 1
                continue
        journal.record(relative, digest)
        atomic_write(target, data)
        manifest[relative] = digest
        report.written += 1
    return report, manifest


def _remove_unmade(
    pages: Mapping[str, str | bytes], out: Path, previous: dict[str, set[str]], report: WriteReport
) -> None:
    """Remove files of earlier runs that are no longer made, unless edited since."""
    for relative, digests in sorted(previous.items()):
        target = out / relative
        if relative in pages or not target.is_file():
            continue
        if _digest(target.read_bytes()) in digests:
            target.unlink()
            report.removed += 1
        else:
            report.kept.append(relative)
