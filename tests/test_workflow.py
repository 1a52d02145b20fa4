"""The publishing workflow: pinned actions, least privilege, deploys that run to the end."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "pages.yml"


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
