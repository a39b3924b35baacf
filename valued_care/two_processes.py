"""Work shared with a second process: the jobs of a build that only write files (its generated pages and files),
half of them done by a forked copy of this process while this one does the other half, so a build uses two cores.

A forked copy shares the loaded knowledge base without copying or pickling it. It is used only where forking is
safe and can help: a POSIX system, two or more cores available, and this process running one thread (a process
with others, such as `mkdocs serve` with its file watcher and server, may have a lock held by another thread at the
moment of forking, which the copy would wait on forever), and never when VALUED_CARE_PROCESSES=1 (to profile a
build, say). Otherwise every job runs here, one after another, with the same results.

The copy runs its jobs and exits without cleaning up (os._exit: nothing of this process's, such as buffered output
or temporary folders, is flushed or removed twice). If any of its jobs fails, its traceback comes back through a
pipe and is raised here, after this process's own jobs have run.
"""
from __future__ import annotations

import contextlib
import os
import threading
import traceback
from collections.abc import Callable, Sequence

_MESSAGE_LIMIT = 16_000  # bytes of a failed job's traceback sent back: less than a pipe holds, so it never blocks


class SecondProcessFailed(RuntimeError):
    """A job in the forked process raised; the message is its traceback."""


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_share() -> bool:
    if os.environ.get("VALUED_CARE_PROCESSES") == "1" or not hasattr(os, "fork"):
        return False
    return cores() >= 2 and threading.active_count() == 1


def run_all(jobs: Sequence[Callable[[], object]], share: bool = True) -> None:
    """Run every job once: every other job in a forked process if share and can_share(), else all of them here.
    The jobs must only write files: what a job in the forked process changes in memory is lost with it."""
    if not (share and can_share() and len(jobs) > 1):
        for job in jobs:
            job()
        return
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: whatever happens, it ends here and never returns into the caller's code
        code = 1
        try:
            os.close(read_end)
            for job in jobs[1::2]:
                job()
            code = 0
        except BaseException:  # every failure goes back to the parent, whatever it is
            with contextlib.suppress(BaseException):
                os.write(write_end, traceback.format_exc().encode()[-_MESSAGE_LIMIT:])
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        for job in jobs[0::2]:
            job()
    finally:
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as pipe:
            message = pipe.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SecondProcessFailed(f"the second build process failed:\n{message or f'exit status {status}'}")
