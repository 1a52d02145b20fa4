"""The locator map as a reader sees it, in a real Chromium: on a phone 390 px wide and on a
desktop, in light and dark, every label is at least 12 px high on screen, no two labels
overlap, no label covers a place's marker, and axe-core finds nothing on the page.

The browser and the axe helpers are those of ``tests/test_browser.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from support import copy_project, serve_folder
from test_browser import AXE, AXE_WCAG22_AA, CHROMIUM, STORY, _open, browser

__all__ = ["browser"]  # a fixture, used by name

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium (make test installs it)"
    ),
]

MEASURE = """() => {
  const box = e => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  };
  const shown = e => e.getBoundingClientRect().width > 0;
  const labels = [...document.querySelectorAll('figure.locator-map text.map-label')].filter(shown)
    .map(t => ({text: t.textContent, box: box(t),
                px: parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a
    }));
  const markers = [...document.querySelectorAll('figure.locator-map circle.map-point')]
    .map(c => ({place: c.parentElement.dataset.place, box: box(c)}));
  const panels = [...document.querySelectorAll('figure.locator-map svg')].map(box);
  return {labels, markers, panels};
}"""
"""Each shown label's text, box and size on screen (its font size in map units times the
map's scale), each point marker's box, and each map's box."""

WIDTHS = (390, 1280)
MAP_PAGES = {
    "overview": f"{STORY}/",
    "places": f"{STORY}/places/",
    "corridor": f"{STORY}/places/lachin-corridor/",
    "washington": f"{STORY}/places/washington-dc/",
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped site, built by a real ``mkdocs build --strict`` with the generator this
    test imports (``PYTHONPATH`` passes on, so a checkout other than the installed one builds
    its own code)."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    if "PYTHONPATH" in os.environ:
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    subprocess.run(command, cwd=project, check=True, env=env)
    with serve_folder(project / "site") as url:
        yield url


COUNTRIES = {"Armenia", "Azerbaijan", "Georgia", "Iran", "Russia", "Turkey"}
TOWNS = {"Goris", "Lachin(Berdzor)", "Stepanakert(Khankendi)", "Lachin checkpoint"}


def _overlap(a: list[float], b: list[float], slack: float = 0.0) -> bool:
    return not (
        a[2] - slack <= b[0] or b[2] - slack <= a[0] or a[3] - slack <= b[1] or b[3] - slack <= a[1]
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_map_labels_are_readable_and_never_overlap(browser, site_url, width, scheme):
    found = _measure(browser, site_url + MAP_PAGES["overview"], width, scheme)
    assert len(found["panels"]) == 2, "an overview and an inset of the corridor"
    texts = {label["text"] for label in found["labels"]}
    assert texts >= COUNTRIES, "every country of the overview is named"
    assert texts >= TOWNS | {"Lachin Corridor", "Nagorno-Karabakh"}
    assert len(found["markers"]) == len(TOWNS)
    _assert_readable_and_apart(found, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_of_a_place_elsewhere_is_readable_too(browser, site_url, width):
    """Washington and the training centre, 6 km apart: an inset, and the centre's long name
    wrapped rather than dropped."""
    found = _measure(browser, site_url + MAP_PAGES["washington"], width, "light")
    texts = {label["text"] for label in found["labels"]}
    assert "Washington, D.C." in texts
    assert "George P. ShultzNational ForeignAffairs TrainingCenter" in texts
    _assert_readable_and_apart(found, width)


def _measure(browser, url: str, width: int, scheme: str) -> dict:
    page = _open(browser, url, color_scheme=scheme, viewport={"width": width, "height": 900})
    found = page.evaluate(MEASURE)
    page.close()
    return found


def _assert_readable_and_apart(found: dict, width: int) -> None:
    labels, markers = found["labels"], found["markers"]
    assert all(right - left <= width for left, _, right, _ in found["panels"])
    small = [(label["text"], round(label["px"], 1)) for label in labels if label["px"] < 12]
    assert small == [], f"labels under 12 px at {width} px"
    crowded = [
        (a["text"], b["text"])
        for index, a in enumerate(labels)
        for b in labels[index + 1 :]
        if _overlap(a["box"], b["box"])
    ]
    assert crowded == [], f"labels overlap at {width} px"
    covered = [
        (label["text"], marker["place"])
        for label in labels
        for marker in markers
        if _overlap(label["box"], marker["box"], slack=1.0)
    ]
    assert covered == [], f"labels cover markers at {width} px"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_name", sorted(MAP_PAGES))
def test_pages_with_maps_are_accessible(browser, site_url, page_name, scheme):
    """axe-core's WCAG 2.2 A and AA rules, any impact, on a phone and on a desktop."""
    assert AXE.is_file(), f"{AXE} is missing; run 'make setup-test' (npm ci)"
    page = _open(browser, site_url + MAP_PAGES[page_name], color_scheme=scheme)
    page.add_script_tag(path=str(AXE))
    violations = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(300)
        violations += [f"{width} px: {v}" for v in page.evaluate(AXE_WCAG22_AA)]
    page.close()
    assert violations == [], "\n".join(violations)
