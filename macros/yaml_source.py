"""Read one YAML file safely into plain Python values, remembering where each value stood.

We compose the node tree ourselves (with the C loader when present) rather than calling yaml.safe_load, so that
duplicate keys are an error instead of a silent overwrite, and every value keeps its line for error messages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from .errors import DataProblem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Location = tuple  # a path into the document: ("sources", 0, "url")

MAX_FILE_BYTES = 512 * 1024


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
    """Parse file; raise YamlProblems naming the file and line for anything that is not clean, safe YAML."""
    raw = file.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblems([DataProblem(shown_as, 1, 1, f"file is {len(raw):,} bytes, over the {MAX_FILE_BYTES:,} byte limit",
                                        "split it, or shorten its text")])
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
    for number, line_text in enumerate(text.splitlines(), start=1):
        stripped = line_text.lstrip(" ")
        if stripped.startswith("\t"):
            raise YamlProblems([DataProblem(shown_as, number, len(line_text) - len(stripped) + 1,
                                            "line is indented with a tab", "indent with spaces (two per level)")])
    try:
        root = yaml.compose(text, Loader=Loader)
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
    problems: list[DataProblem] = []
    doc.value = _build(root, (), doc, problems, SafeConstructor())
    if problems:
        raise YamlProblems(problems)
    return doc


def _build(node: yaml.Node, loc: Location, doc: YamlDocument, problems: list[DataProblem], constructor) -> Any:
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
    try:
        return constructor.construct_object(node, deep=True)
    except (ConstructorError, ValueError, OverflowError) as err:
        problems.append(_mark_problem(doc.path, node.start_mark, f"cannot read '{node.value}': {err}",
                                      "for a date use a real calendar date as YYYY-MM-DD"))
        return None
