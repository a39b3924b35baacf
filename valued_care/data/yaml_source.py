"""Read one YAML file safely into plain Python values, remembering where each value stood.

We compose the node tree ourselves (with the C loader when present) rather than calling yaml.safe_load, so that
duplicate keys are an error instead of a silent overwrite, and every value keeps its line for error messages.

Speed (scripts/benchmark_build.py --yaml): the C parser's events, one loop over them dispatching on the event's
type, and plain text (most values) taken as it is rather than through the constructor.
"""
from __future__ import annotations

import gc
import os
import re
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

from valued_care.errors import DataProblem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Location = tuple  # a path into the document: ("sources", 0, "url")

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 20  # our deepest record nests 4 levels
MAX_NODES = 20_000  # our largest record has a few hundred values


@dataclass
class YamlDocument:
    path: str
    value: Any
    nodes: dict[Location, yaml.Node] = field(default_factory=dict)

    def position(self, loc: Location) -> tuple[int, int]:
        """Line and column (1-based) of the value at loc, or of its nearest enclosing value."""
        for end in range(len(loc), -1, -1):
            node = self.nodes.get(tuple(loc[:end]))
            if node is not None:
                return node.start_mark.line + 1, node.start_mark.column + 1
        return 1, 1

    def problem(self, loc: Location, message: str, fix: str = "") -> DataProblem:
        line, col = self.position(loc)
        return DataProblem(self.path, line, col, message, fix)

    def raw_text(self, loc: Location) -> str | None:
        node = self.nodes.get(tuple(loc))
        return node.value if isinstance(node, yaml.ScalarNode) else None


class YamlProblems(Exception):
    def __init__(self, problems: list[DataProblem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def _mark_problem(path: str, mark, message: str, fix: str) -> DataProblem:
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return DataProblem(path, line, col, message, fix)


def read_yaml(file: Path, shown_as: str) -> YamlDocument:
    """Parse file; raise YamlProblems naming the file and line for anything that is not clean, safe YAML.

    A pull request is untrusted, so the file is read within limits before any parsing: a regular file (no symlink,
    directory or device), at most MAX_FILE_BYTES, no anchors or aliases (a few hundred bytes of them can expand to
    gigabytes), at most MAX_DEPTH levels of nesting and MAX_NODES values.
    """
    raw = read_limited(file, shown_as)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblems([DataProblem(shown_as, line, col, f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
                                        "save the file as UTF-8 (most editors: 'Save with encoding')")]) from None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise YamlProblems([DataProblem(shown_as, 1, 1, "file is empty", "fill it in, or delete it")])
    for number, line_text in enumerate(text.splitlines() if "\t" in text else (), start=1):
        stripped = line_text.lstrip(" ")
        if stripped.startswith("\t"):
            raise YamlProblems([DataProblem(shown_as, number, len(line_text) - len(stripped) + 1,
                                            "line is indented with a tab", "indent with spaces (two per level)")])
    with _no_cycle_collection():
        return _parse(text, shown_as)


@contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused while one file is parsed. A node tree has no cycles (reference counting frees
    it all), but its thousands of small objects would set off collections that walk every record read so far: with
    the collector running, reading thousands of files took 2.4 times as long (scripts/benchmark_build.py --yaml)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _parse(text: str, shown_as: str) -> YamlDocument:
    try:
        root = _compose(text, shown_as)
    except yaml.MarkedYAMLError as err:
        # Where the broken construct started (an unclosed quote, say) helps more than where the parser gave up.
        mark = err.context_mark or err.problem_mark
        message = f"YAML syntax error: {err.problem}"
        if err.context and err.problem_mark is not None:
            message += f" {err.context} (the parser gave up at line {err.problem_mark.line + 1})"
        raise YamlProblems([_mark_problem(shown_as, mark, message,
                                          "check the indentation and quotes on this line and the one above")]) from None
    except yaml.YAMLError as err:
        raise YamlProblems([DataProblem(shown_as, 1, 1, f"YAML error: {err}", "check the file is valid YAML")]) from None
    doc = YamlDocument(shown_as, None)
    problems: list[DataProblem] = _comments_cutting_values(text, root, shown_as)
    doc.value = _build(root, (), doc, problems, SafeConstructor())
    if problems:
        raise YamlProblems(problems)
    return doc


def read_limited(file: Path, shown_as: str) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; never follows a symlink or reads a device."""
    if file.is_symlink():
        raise YamlProblems([DataProblem(shown_as, 1, 1, "is a symbolic link; data files must be real files",
                                        "replace the link with the file itself")])
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise YamlProblems([DataProblem(shown_as, 1, 1, f"cannot be read ({err.strerror})",
                                        "make it a readable regular file")]) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise YamlProblems([DataProblem(shown_as, 1, 1, "is not a regular file (a folder, device or pipe)",
                                            "data files must be plain .yml files; remove or rename it")])
        if info.st_size > MAX_FILE_BYTES:
            raise YamlProblems([_too_big(shown_as, info.st_size)])
        raw = os.read(fd, MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblems([_too_big(shown_as, len(raw))])
    return raw


def _too_big(shown_as: str, size: int) -> DataProblem:
    return DataProblem(shown_as, 1, 1, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} byte limit",
                       "split it, or shorten its text")


_SCALAR, _SEQUENCE, _MAPPING, _END, _ALIAS, _DOCUMENT = range(6)
_EVENTS = {yaml.ScalarEvent: _SCALAR, yaml.SequenceStartEvent: _SEQUENCE, yaml.MappingStartEvent: _MAPPING,
           yaml.SequenceEndEvent: _END, yaml.MappingEndEvent: _END, yaml.AliasEvent: _ALIAS,
           yaml.DocumentStartEvent: _DOCUMENT}
_STR = "tag:yaml.org,2002:str"


def _event_kind(event) -> int | None:
    """What an event does, for event classes other than PyYAML's own (the table covers those)."""
    for cls, what in _EVENTS.items():
        if isinstance(event, cls):
            return what
    return None


def _compose(text: str, shown_as: str) -> yaml.Node | None:
    """Build the node tree from the parser's events ourselves, so that limits hold before any value is expanded:
    anchors, aliases and explicit tags are refused, nesting and size are bounded, and no recursion is involved."""
    resolve = Resolver().resolve
    stack: list[tuple[yaml.Node, list]] = []
    root: yaml.Node | None = None
    count = 0

    def refuse(event, message: str, fix: str):
        raise YamlProblems([_mark_problem(shown_as, event.start_mark, message, fix)])

    event: Any  # the C parser's events and marks have the Python parser's fields; the stubs know only a base class
    for event in yaml.parse(text, Loader=Loader):
        what = _EVENTS.get(type(event))
        if what is None and (what := _event_kind(event)) is None:
            continue  # the start and end of the stream, the end of a document
        if what == _ALIAS:
            refuse(event, f"alias '*{event.anchor}' is not allowed", "write the value out in full where it is used")
        if what == _DOCUMENT:
            if root is not None:
                refuse(event, "file holds more than one YAML document", "keep one record per file; remove the '---'")
            continue
        if what != _END:
            count += 1
            if count > MAX_NODES:
                refuse(event, f"file has over {MAX_NODES:,} values", "split it into several records")
            if event.anchor is not None:
                refuse(event, f"anchor '&{event.anchor}' is not allowed", "remove it and write values out in full")
            if event.tag is not None and event.tag != "!":
                refuse(event, f"tag '{event.tag}' is not allowed", "remove the tag; write a plain value")
        node: yaml.Node
        if what == _SCALAR:
            node = yaml.ScalarNode(resolve(yaml.ScalarNode, event.value, event.implicit), event.value,
                                   event.start_mark, event.end_mark, style=event.style)
        elif what != _END:
            if len(stack) >= MAX_DEPTH:
                refuse(event, f"values are nested more than {MAX_DEPTH} levels deep",
                       "flatten the structure; no field of ours nests that deep")
            kind = yaml.SequenceNode if what == _SEQUENCE else yaml.MappingNode
            collection = kind(resolve(kind, None, event.implicit), [], event.start_mark, None,
                              flow_style=event.flow_style)
            stack.append((collection, []))
            continue
        else:
            node, items = stack.pop()
            node.end_mark = event.end_mark
            node.value = list(zip(items[0::2], items[1::2])) if isinstance(node, yaml.MappingNode) else items
        if stack:
            stack[-1][1].append(node)
        else:
            root = node
    return root


# A plain (unquoted) value followed on its line by ' #': YAML reads the rest as a comment, so the value is cut short
# without any error. Our fields never need a comment after a value, so this is always refused.
def _comments_cutting_values(text: str, root: yaml.Node | None, shown_as: str) -> list[DataProblem]:
    if root is None or " #" not in text:
        return []
    lines = text.splitlines()
    problems = []
    pending = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            pending.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif not getattr(node, "style", None) and node.end_mark is not None and node.end_mark.line < len(lines):
            rest = lines[node.end_mark.line][node.end_mark.column:]
            if re.match(r"\s+#", rest):
                problems.append(DataProblem(
                    shown_as, node.end_mark.line + 1, node.end_mark.column + 1,
                    "the text after ' #' is read as a comment, so this value is cut short",
                    "put the whole value in double quotes, or write it as a '>-' block"))
    return sorted(problems, key=lambda p: (p.line, p.col))


def _build(node: yaml.Node | None, loc: Location, doc: YamlDocument, problems: list[DataProblem],
           constructor) -> Any:
    if node is None:  # an empty file
        return None
    doc.nodes[loc] = node
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(_mark_problem(doc.path, key_node.start_mark, "merge keys ('<<') are not supported",
                                              "write the fields out in full"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(_mark_problem(doc.path, key_node.start_mark, "a key must be plain text",
                                              "use a simple word as the key"))
                continue
            key = key_node.value
            if key in result:
                first = doc.nodes[loc + (key,)]
                problems.append(_mark_problem(doc.path, key_node.start_mark,
                                              f"duplicate key '{key}' (first at line {first.start_mark.line + 1})",
                                              "keep one of the two; YAML would silently drop the first"))
                continue
            result[key] = _build(value_node, loc + (key,), doc, problems, constructor)
            doc.nodes.setdefault(loc + (key,), value_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loc + (i,), doc, problems, constructor) for i, item in enumerate(node.value)]
    if node.tag == _STR:  # what SafeConstructor makes of it: the text as it stands
        return node.value
    try:
        return constructor.construct_object(node, deep=True)
    except (ConstructorError, ValueError, OverflowError) as err:
        problems.append(_mark_problem(doc.path, node.start_mark, f"cannot read '{node.value}': {err}",
                                      "for a date use a real calendar date as YYYY-MM-DD"))
        return None
