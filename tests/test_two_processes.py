"""Jobs shared with a forked second process (two_processes.py): each job runs once, a failure anywhere is raised
with its traceback, and the site a shared build writes is the one a build in one process writes."""
from __future__ import annotations

import os
import threading
from functools import partial

import pytest

from valued_care import paths, two_processes
from valued_care.site.build import SiteSettings, write_site


@pytest.fixture
def shares(monkeypatch):
    """Sharing on: the test run may have threads of its own (the browser tests' server), which would turn it off."""
    if not hasattr(os, "fork") or two_processes.cores() < 2:
        pytest.skip("needs fork and two cores")
    monkeypatch.delenv("VALUED_CARE_PROCESSES", raising=False)
    monkeypatch.setattr(two_processes.threading, "active_count", lambda: 1)
    assert two_processes.can_share()


def _note(folder, name: str) -> None:
    (folder / name).write_text(str(os.getpid()))


def test_every_job_runs_once_half_of_them_in_a_second_process(shares, tmp_path):
    two_processes.run_all([partial(_note, tmp_path, f"job-{n}") for n in range(6)])
    ran_in = {p.name: int(p.read_text()) for p in tmp_path.iterdir()}
    assert sorted(ran_in) == [f"job-{n}" for n in range(6)]
    assert {ran_in[f"job-{n}"] for n in (0, 2, 4)} == {os.getpid()}
    assert len({ran_in[f"job-{n}"] for n in (1, 3, 5)} - {os.getpid()}) == 1


def _fail() -> None:
    raise ValueError("template broke at case-studies/x.md")


def test_a_failure_in_the_second_process_is_raised_here_with_its_traceback(shares, tmp_path):
    with pytest.raises(two_processes.SecondProcessFailed, match="(?s)ValueError: template broke at case-studies/x.md"):
        two_processes.run_all([partial(_note, tmp_path, "a"), _fail, partial(_note, tmp_path, "c")])
    assert {p.name for p in tmp_path.iterdir()} == {"a", "c"}


def test_a_failure_here_waits_for_the_second_process_then_is_raised(shares, tmp_path):
    with pytest.raises(ValueError, match="template broke"):
        two_processes.run_all([_fail, partial(_note, tmp_path, "b")])
    assert (tmp_path / "b").read_text() != str(os.getpid())


def test_nothing_is_shared_while_another_thread_runs_or_when_asked_not_to(tmp_path, monkeypatch):
    """A forked copy of a process with other threads (mkdocs serve's server and watcher) can hang on a lock one of
    them held; VALUED_CARE_PROCESSES=1 keeps a build in one process, to profile it."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not two_processes.can_share()
        two_processes.run_all([partial(_note, tmp_path, f"t-{n}") for n in range(4)])
    finally:
        stop.set()
        other.join()
    monkeypatch.setenv("VALUED_CARE_PROCESSES", "1")
    assert not two_processes.can_share()
    two_processes.run_all([partial(_note, tmp_path, f"e-{n}") for n in range(4)])
    assert {int(p.read_text()) for p in tmp_path.iterdir()} == {os.getpid()}


def _write_to(folder, path: str, text) -> None:
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text if isinstance(text, str) else "".join(text), encoding="utf-8")


def test_a_site_written_by_two_processes_is_the_site_written_by_one(shares, real_kb, tmp_path):
    settings = SiteSettings("https://example.org/vc/", "Valued care")
    written = {}
    for share in (False, True):
        out = tmp_path / str(share)
        written[share] = write_site(real_kb, settings, paths.BUILD, partial(_write_to, out / "pages"),
                                    partial(_write_to, out / "files"), share=share)
    assert written[True] == written[False]

    def texts(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    one, two = texts(tmp_path / "False"), texts(tmp_path / "True")
    assert len(one) == len(written[False].pages) + len(written[False].files) and one == two
