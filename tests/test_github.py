"""The contributor plumbing in .github/ and the commit hooks: valid YAML, pinned actions, least privilege, and forms
that match the links the site builds."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, GOOD, ROOT
from valued_care.data.loader import load_knowledge_base

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as true
    return on if isinstance(on, dict) else {name: None for name in ([on] if isinstance(on, str) else on)}


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_the_three_workflows_exist_and_are_valid_yaml():
    assert {p.name for p in WORKFLOWS} == {"ci.yml", "deploy.yml", "link-check.yml"}
    for path in WORKFLOWS:
        workflow = load(path)
        assert workflow["name"] and workflow["jobs"] and triggers(workflow), path.name
        for job in workflow["jobs"].values():
            assert job["runs-on"] and (job.get("steps") or job.get("uses")), path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version(path: Path):
    uses = [s["uses"] for s in steps(load(path)) if "uses" in s]
    assert uses
    for value in uses:
        assert PINNED.match(value), f"{path.name}: '{value}' is not pinned to a 40-character commit SHA"
    lines = [line for line in path.read_text().splitlines() if re.match(r"\s*(- )?uses:", line)]
    assert len(lines) == len(uses)
    for line in lines:
        assert re.search(r"@[0-9a-f]{40} # v\d+(\.\d+)*$", line), f"{path.name}: say which release: {line.strip()}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_token_is_read_only_by_default(path: Path):
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        extra = job.get("permissions", {})
        assert not {k for k, v in extra.items() if v == "write"} - {"pages", "id-token"}, f"{path.name}:{name}"


def test_ci_runs_the_readme_test_command_on_pull_requests_and_uploads_the_preview():
    ci = load(GITHUB / "workflows" / "ci.yml")
    assert "pull_request" in triggers(ci) and "pull_request_target" not in triggers(ci)
    runs = [s.get("run", "") for s in steps(ci)]
    assert "make test" in runs and "make test" in (ROOT / "README.md").read_text()
    upload = next(s for s in steps(ci) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert "site/" in upload["with"]["path"] and "build/" in upload["with"]["path"]
    checkout = next(s for s in steps(ci) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_deploy_publishes_main_to_pages():
    deploy = load(GITHUB / "workflows" / "deploy.yml")
    assert triggers(deploy)["push"] == {"branches": ["main"]}
    assert any("make" in s.get("run", "") and "build" in s.get("run", "") for s in steps(deploy))
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps(deploy))
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_link_check_is_weekly_and_never_blocks():
    check = load(GITHUB / "workflows" / "link-check.yml")
    assert re.fullmatch(r"\d+ \d+ \* \* \d", triggers(check)["schedule"][0]["cron"])
    assert all(job.get("continue-on-error") is True for job in check["jobs"].values())
    assert any("scripts/check_links.py" in s.get("run", "") for s in steps(check))
    assert (ROOT / "scripts" / "check_links.py").exists()


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_issue_forms_are_well_formed(path: Path):
    form = load(path)
    assert form["name"] and form["description"] and form["body"]
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids)), "field ids must be unique"
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        assert item["attributes"].get("label") or item["type"] == "markdown"
        if item["type"] == "dropdown":
            assert item["attributes"]["options"]


def test_the_three_forms_exist():
    assert {p.name for p in FORMS} == {"propose-a-case-study.yml", "report-a-problem.yml",
                                       "correction-to-a-figure.yml"}


def test_footer_link_prefills_fields_that_exist_in_the_form():
    footer = (ROOT / "overrides" / "partials" / "copyright.html").read_text()
    template = re.search(r"template=([\w.-]+)", footer).group(1)
    params = set(re.findall(r"&amp;([\w-]+)=", footer)) - {"title"}
    form = load(GITHUB / "ISSUE_TEMPLATE" / template)
    assert params == {"page-url"} <= {item.get("id") for item in form["body"]}


def test_case_study_form_offers_exactly_the_nine_ingredients():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "propose-a-case-study.yml")
    [dropdown] = [item for item in form["body"] if item.get("id") == "ingredient"]
    assert dropdown["attributes"]["options"] == list(load_knowledge_base(ROOT / "data").ingredients)


def test_pull_request_template_has_the_content_rules_checklist():
    text = (GITHUB / "pull_request_template.md").read_text()
    assert text.count("- [ ]") >= 6
    for rule in ("python -m valued_care validate", "make serve", "public source", "own words", "no personal data",
                 "trust has agreed", "CITATION.cff"):
        assert rule in text


def test_pre_commit_config_runs_the_validator():
    config = load(ROOT / ".pre-commit-config.yaml")
    [hook] = [h for repo in config["repos"] for h in repo["hooks"]]
    assert hook["entry"].endswith("-m valued_care validate") and hook["pass_filenames"] is False
    assert re.match(hook["files"], "data/case_studies/x.yml")


def test_git_hook_refuses_personal_data_with_file_and_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(GOOD, data)
    hook = ROOT / "scripts" / "git-hooks" / "pre-commit"
    env = {"PATH": "/usr/bin:/bin", "VALUED_CARE_DATA": str(data)}
    assert subprocess.run([str(hook)], cwd=ROOT, env=env, capture_output=True).returncode == 0
    shutil.copy(FIXTURES / "bad" / "case_studies" / "phone-number-in-text.yml", data / "case_studies")
    refused = subprocess.run([str(hook)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode == 1
    assert "phone-number-in-text.yml:19:" in refused.stderr and "phone number" in refused.stderr
