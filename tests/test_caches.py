"""A damaged cache is a cache miss: never a crash, never wrong text."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import bc_magic

from generator.render import _BytecodeCache


@pytest.mark.parametrize("damage", ["truncated", "foreign"])
def test_a_damaged_template_cache_is_compiled_again(tmp_path: Path, damage: str) -> None:
    """A cache file cut inside the checksum after Jinja's header (as a restored CI cache may
    be), or holding another checksum, is compiled again instead of failing the build."""
    (tmp_path / "page.j2").write_text("Updated {{ day }}")
    cache = tmp_path / "cache"

    def render() -> str:
        loader = jinja2.FileSystemLoader(str(tmp_path))
        env = jinja2.Environment(loader=loader, bytecode_cache=_BytecodeCache(cache))
        return env.get_template("page.j2").render(day="4 May 2023")

    assert render() == "Updated 4 May 2023"
    for path in cache.iterdir():
        data = path.read_bytes()
        damaged = data[: len(bc_magic) + 3] if damage == "truncated" else bc_magic + b"\x80junk"
        path.write_bytes(damaged)
    assert render() == "Updated 4 May 2023"
