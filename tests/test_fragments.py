"""The theme's ``{% cache %}`` tag (generator/engines/fragments.py) on a real Jinja environment."""

from __future__ import annotations

from itertools import count

import jinja2

from generator.engines.fragments import FragmentCache


def _environment() -> tuple[jinja2.Environment, count[int]]:
    env = jinja2.Environment(extensions=[FragmentCache])
    renders = count(1)
    env.globals["render_number"] = lambda: next(renders)
    return env, renders


def test_a_fragment_renders_once_per_key() -> None:
    env, _ = _environment()
    page = env.from_string(
        "{{ title }}: {% cache 'nav', depth %}nav {{ render_number() }}{% endcache %}"
    )
    assert page.render(title="a", depth="..") == "a: nav 1"
    assert page.render(title="b", depth="..") == "b: nav 1"
    assert page.render(title="c", depth="../..") == "c: nav 2"
    assert page.render(title="d", depth="..") == "d: nav 1"


def test_every_value_of_the_key_counts() -> None:
    env, _ = _environment()
    page = env.from_string("{% cache 'nav', depth, current %}{{ render_number() }}{% endcache %}")
    assert [page.render(depth="..", current=c) for c in ("x", None, "x", "y")] == [
        "1",
        "2",
        "1",
        "3",
    ]


def test_a_new_environment_starts_empty() -> None:
    """MkDocs makes a new environment per build: nothing is carried from one to the next."""
    first, _ = _environment()
    second, _ = _environment()
    source = "{% cache 'k' %}{{ render_number() }}{% endcache %}"
    first.from_string(source).render()
    assert second.from_string(source).render() == "1"
