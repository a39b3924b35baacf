"""Property-based: whatever bytes a pull request puts in a data file, loading ends in a record or in file:line
problems with a fix, quickly: never a traceback, a hang or a crash. Seeds are the real data and the fixtures;
Hypothesis mutates them (insertions of YAML syntax, deletions, duplicated lines, odd characters)."""
from __future__ import annotations

import re
import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT
from valued_care.data.kinds import BY_FOLDER
from valued_care.data.loader import load_file
from valued_care.errors import DataProblem

SEEDS = (sorted((ROOT / "data").glob("*/*.yml"))[::3] + sorted((FIXTURES / "good").glob("*/*.yml"))
         + sorted((FIXTURES / "bad").glob("*/*.yml")))
SEED_BYTES = [(path.parent.name, path.read_bytes()) for path in SEEDS if path.parent.name in BY_FOLDER]
TOKENS = [b"&a ", b"*a", b"<<: ", b"[", b"]", b"{", b"}", b": ", b"- ", b"!!python/object:os.system ", b"!x ", b"\t",
          b" #", b"'", b'"', b"\\", b"\n", b"\n  ", b"---\n", b"...\n", b"? ", b"|", b">-", b"%YAML 1.1\n", b"\x00",
          b"\xff", b"\xe2\x80\xae", b"\xe2\x80\x8b", b"2026-02-30", b"yes", b"null", b"~", b"0x1F", b"1e400",
          b"https://x.example/<svg onload=1>", b"javascript:alert(1)", b"<script>", b"{{ 7*7 }}", "é".encode(),
          b"[" * 200, b"{a: " * 50, b"- " * 60]
MAX_SECONDS = 2.0


@st.composite
def mutated(draw):
    kind, data = draw(st.sampled_from(SEED_BYTES))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        choice = draw(st.integers(0, 3))
        if choice == 0:
            data = data[:at] + draw(st.sampled_from(TOKENS)) + data[at:]
        elif choice == 1:
            data = data[:at] + data[at + draw(st.integers(1, 80)):]
        elif choice == 2:
            lines = data.split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i] if draw(st.booleans()) else b" " * draw(st.integers(0, 6)) + lines[i])
            data = b"\n".join(lines)
        else:
            data = data[:at] + draw(st.binary(min_size=1, max_size=12)) + data[at:]
    return kind, data


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=mutated())
def test_loading_any_mutation_ends_in_a_record_or_located_problems(tmp_path_factory, case):
    kind, data = case
    folder = tmp_path_factory.mktemp("fuzz")
    file = folder / "fuzzed.yml"
    file.write_bytes(data)
    started = time.monotonic()
    record, _, problems = load_file(file, "data/x/fuzzed.yml", BY_FOLDER[kind].model)
    assert time.monotonic() - started < MAX_SECONDS
    assert record is not None or problems
    for problem in problems:
        assert isinstance(problem, DataProblem)
        assert re.fullmatch(r"data/x/fuzzed\.yml:\d+:\d+: .+", str(problem).split("\n")[0]), str(problem)
        assert problem.line >= 1 and problem.fix


@pytest.mark.parametrize("name", ["alias-bomb", "deep-nesting"])
def test_hostile_structures_are_refused_within_a_memory_bound(name):
    """Nine levels of nine aliases once took 7.7 GB; 40,000 nested '[' crashed the process."""
    tracemalloc.start()
    try:
        _, _, problems = load_file(FIXTURES / "bad" / "case_studies" / f"{name}.yml", f"{name}.yml",
                                   BY_FOLDER["case_studies"].model)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert problems and peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
