"""A small progress bar for the long build steps, on stderr: redrawn in place on a terminal, a few plain lines in CI."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], total: int, label: str, stream: TextIO | None = None, width: int = 30) -> Iterator[T]:
    stream = stream or sys.stderr
    live = stream.isatty()
    started = time.perf_counter()
    shown_tenth = -1

    def draw(done: int) -> None:
        nonlocal shown_tenth
        tenth = done * 10 // total if total else 10
        if not live and tenth == shown_tenth and done != total:
            return  # not a terminal: one line per tenth is enough for a log
        shown_tenth = tenth
        filled = width * done // total if total else width
        line = f"{label}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {time.perf_counter() - started:.1f} s"
        stream.write(("\r" + line) if live else (line + "\n"))
        stream.flush()

    draw(0)
    for done, item in enumerate(items, 1):
        yield item
        draw(done)
    if live:
        stream.write("\n")
