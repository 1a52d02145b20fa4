"""Which files of a content folder the generator may read: regular files, inside the folder.

Content arrives through pull requests. A symbolic link may point at a private file (whose
text would be published) or at ``/dev/zero`` (which never ends); a named pipe blocks the
reader for ever. Each is refused with a diagnostic before a byte of it is read, and a file's
size is checked before it is read.
"""

from __future__ import annotations

import stat
from pathlib import Path

from generator.diagnostics import Diagnostic

READ_LIMIT = 64_000_000
"""No content file larger than this is read at all (the articles' and the YAML files' own
limits, far lower, are reported with their own messages once a file is read)."""


def refused(path: Path, content_dir: Path, shown: str) -> Diagnostic | None:
    """Why ``path`` may not be read, or None when it may."""
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(content_dir.resolve()):
            return _problem(
                shown,
                "link-outside-content",
                "is a link to a file outside the content folder; copy the file in instead",
            )
        mode, size = _mode_and_size(path)
    except (OSError, RuntimeError) as error:  # a broken or looping link, no permission
        return _problem(shown, "unreadable-file", f"cannot be read ({error}); replace it")
    if not stat.S_ISREG(mode):
        return _problem(
            shown,
            "not-a-regular-file",
            "is not a regular file (a pipe, a device or a socket); replace it with a text file",
        )
    if size > READ_LIMIT:
        return _problem(
            shown,
            "file-too-large",
            f"is {size:,} bytes, far beyond any article or facts file; remove it",
        )
    return None


def readable(path: Path, content_dir: Path) -> bool:
    """Whether :func:`refused` would let ``path`` be read."""
    return refused(path, content_dir, "") is None


def _mode_and_size(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_mode, info.st_size


def _problem(shown: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(shown, 1, 1, code, f"the file {message}")
