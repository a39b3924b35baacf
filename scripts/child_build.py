"""One command run in a child process of its own, timed: its wall time and its peak memory (max RSS of the child),
for the benchmarks. A failed run stops the benchmark with the end of its error output."""
from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of `command` run in `cwd`."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)
        took = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            raise SystemExit(f"{' '.join(command)} in {cwd} failed:\n{log.read().decode()[-3000:]}")
    return took, usage.ru_maxrss / 1024
