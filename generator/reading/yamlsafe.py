"""A small, safe YAML reader that remembers where every key and value came from.

Facts files are edited by hand, so errors must point at a line and column. PyYAML composes the
document into nodes that carry their marks; this module turns those nodes into plain Python values
and a map from each value's path (``("entities", 3, "name")``) to its position. It refuses what a
facts file never needs and an attacker would use: aliases (YAML bombs), custom tags, duplicate keys,
very deep nesting and very large files. Scalars follow YAML 1.2's core schema, so ``no`` stays a
string and ``2023-05-01`` stays text until the schema reads it as a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.diagnostics import Diagnostic

MAX_BYTES = 2_000_000
"""Largest YAML file read (about 50 times the largest real facts file)."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and lists accepted."""

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_STANDARD_TAG = "tag:yaml.org,2002:"


@dataclass
class YamlDocument:
    """A parsed YAML file: its value and where each part of it was written."""

    path: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, location: Path_) -> tuple[int, int]:
        """Line and column of ``location``, or of its nearest ancestor that has one."""
        for end in range(len(location), -1, -1):
            found = self.positions.get(location[:end])
            if found is not None:
                return found
        return (1, 1)


class YamlError(Exception):
    """The file is not YAML this tool accepts; ``diagnostic`` says where and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic
        super().__init__(str(diagnostic))


class _RefusalError(Exception):
    def __init__(self, line: int, column: int, code: str, message: str) -> None:
        self.line, self.column, self.code, self.message = line, column, code, message
        super().__init__(message)


class _Loader(yaml.SafeLoader):
    """Composes nodes; refuses aliases and excessive depth while composing, before any expansion.

    The pure-Python reader: slower than :class:`_EventReader`, but its error messages are the
    ones :func:`_syntax_diagnostic` explains.
    """

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark
            raise _RefusalError(
                mark.line + 1,
                mark.column + 1,
                "yaml-alias",
                "YAML aliases (*name) are not allowed in facts files; write the value out in full",
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise _RefusalError(
                    mark.line + 1,
                    mark.column + 1,
                    "yaml-too-deep",
                    f"nesting deeper than {MAX_DEPTH} levels; facts files never need this much",
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _SlowReaderNeededError(Exception):
    """The fast reader met something the pure-Python reader must judge (and explain)."""


class _EventReader:
    """Builds values and positions straight from libyaml's parser events: no node tree, no
    implicit resolution of strings. It accepts exactly what :class:`_Loader` and
    :func:`_construct` accept, with the same values and positions, and hands anything else
    (aliases, tags, odd keys, errors) to them through :class:`_SlowReaderNeededError`."""

    def __init__(self, parser: Any, document: YamlDocument) -> None:
        self.parser = parser
        self.document = document
        self.resolver = yaml.resolver.Resolver()

    def read(self) -> Any:
        parser = self.parser
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return None
        parser.get_event()  # document start
        value = self._value((), 1)
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            raise _SlowReaderNeededError  # a second document
        return value

    def _value(self, location: Path_, depth: int) -> Any:
        event = self.parser.get_event()
        if depth > MAX_DEPTH or isinstance(event, yaml.AliasEvent):
            raise _SlowReaderNeededError
        self.document.positions.setdefault(location, _mark(event.start_mark))
        if event.tag not in (None, "!") and event.tag not in _ALLOWED_TAGS:
            raise _SlowReaderNeededError
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not self.parser.check_event(yaml.SequenceEndEvent):
                items.append(self._value((*location, len(items)), depth + 1))
            self.parser.get_event()
            return items
        return self._mapping(location, depth)

    def _mapping(self, location: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        positions = self.document.positions
        while not self.parser.check_event(yaml.MappingEndEvent):
            key_event = self.parser.get_event()
            if not isinstance(key_event, yaml.ScalarEvent) or key_event.value in result:
                raise _SlowReaderNeededError
            if key_event.tag not in (None, "!") or key_event.value == "<<" or depth >= MAX_DEPTH:
                raise _SlowReaderNeededError
            key = key_event.value
            positions[(*location, key)] = _mark(key_event.start_mark)
            positions[(*location, key, "__value__")] = _mark(self.parser.peek_event().start_mark)
            result[key] = self._value((*location, key), depth + 1)
        self.parser.get_event()
        return result

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        if event.style or event.tag == _STANDARD_TAG + "str":
            return event.value
        value = _core_scalar(event.value)
        if isinstance(value, str) or event.tag not in (None, "!"):
            return value
        # _Loader resolves plain scalars by YAML 1.1 first: what it calls a string stays one.
        tag = self.resolver.resolve(ScalarNode, event.value, event.implicit)
        return event.value if tag == _STANDARD_TAG + "str" else value


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _read_fast(text: str, path: str) -> YamlDocument | None:
    """The document read by libyaml's parser, or None where :class:`_Loader` must read it."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - a PyYAML built without libyaml
        return None
    document = YamlDocument(path, None)
    try:
        document.data = _EventReader(CParser(text), document).read()
    except (_SlowReaderNeededError, yaml.YAMLError):
        return None
    return document


def decode_yaml(raw: bytes, path: str) -> str:
    """A YAML file's bytes as text (UTF-8; a byte-order mark is dropped, CRLF becomes LF);
    raise :class:`YamlError` naming the first byte that is not UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the file as UTF-8"
        raise YamlError(Diagnostic(path, line, column, "yaml-encoding", message)) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - text.rfind("\n", 0, control.start())
        message = (
            f"a control character (U+{ord(control.group()):04X}) that no page or feed can show; "
            "delete it"
        )
        raise YamlError(Diagnostic(path, line, column, "control-character", message))
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def load_yaml(text: str, path: str) -> YamlDocument:
    """Parse one YAML document; raise :class:`YamlError` with a positioned diagnostic if refused."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise YamlError(
            Diagnostic(
                path,
                1,
                1,
                "file-too-large",
                f"file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes. "
                "Split the story or remove pasted material",
            )
        )
    fast = _read_fast(text, path)
    if fast is not None:
        return fast
    try:
        return _read(text, path, _Loader)
    except _RefusalError as refusal:
        raise YamlError(
            Diagnostic(path, refusal.line, refusal.column, refusal.code, refusal.message)
        ) from None
    except yaml.MarkedYAMLError as error:
        raise YamlError(_syntax_diagnostic(error, path, text)) from None
    except yaml.YAMLError as error:
        raise YamlError(Diagnostic(path, 1, 1, "yaml-syntax", str(error))) from None
    except RecursionError:
        raise YamlError(
            Diagnostic(path, 1, 1, "yaml-too-deep", "nesting too deep to read")
        ) from None


def _read(text: str, path: str, loader: type[Any]) -> YamlDocument:
    node = yaml.compose(text, Loader=loader)
    document = YamlDocument(path, None)
    if node is not None:
        document.data = _construct(node, (), document)
    return document


def _syntax_diagnostic(error: yaml.MarkedYAMLError, path: str, text: str) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    if error.problem and "end of stream" in error.problem and error.context_mark is not None:
        mark = error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = error.problem or "invalid YAML"
    if "'\\t'" in problem or "\\t" in problem:
        return Diagnostic(
            path, line, column, "yaml-tab", "tab character in indentation; indent with spaces"
        )
    message = problem
    if error.context:
        message = f"{problem} ({error.context}"
        if error.context_mark is not None and error.context_mark is not mark:
            message += f" at line {error.context_mark.line + 1}"
        message += ")"
    hint = _syntax_hint(f"{problem} {error.context or ''}")
    unclosed = _unclosed_quote(text, line)
    if unclosed is not None:
        opened_line, opened_column = unclosed
        return Diagnostic(
            path,
            opened_line,
            opened_column,
            "yaml-syntax",
            "this quoted value is not closed on its line, so YAML reads on into the lines "
            f"below and fails at line {line} ({message}); close the quotation mark",
        )
    return Diagnostic(path, line, column, "yaml-syntax", message + hint)


_QUOTED_VALUE = re.compile(r"""^\s*(?:- +)*(?:[^\s#"'][^#]*?: +)?(?P<quote>["'])""")
"""A line whose value (of a key, or a list item) opens with a quotation mark."""


def _unclosed_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """The line before ``error_line`` that opens a quoted value without closing it, and whose
    closing gets the parser past ``error_line``. A quoted value may go on over several lines,
    so a missing quotation mark shows as an error many lines further down."""
    lines = text.split("\n")
    for number, line in enumerate(lines[: error_line - 1], start=1):
        found = _QUOTED_VALUE.match(line)
        if found is None:
            continue
        quote, start = found.group("quote"), found.end()
        rest = line[start:].replace("\\\\", "").replace('\\"', "").replace("''", "")
        if quote in rest:
            continue
        closed = "\n".join([*lines[: number - 1], line + quote, *lines[number:]])
        try:
            for _ in yaml.parse(closed, Loader=yaml.SafeLoader):
                pass
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            if mark is None or mark.line + 1 <= error_line:
                continue
        return number, start
    return None


def _syntax_hint(problem: str) -> str:
    if "end of stream" in problem and "quoted" in problem:
        return "; close the quoted string"
    if "mapping values are not allowed" in problem:
        return "; check the indentation, or quote a value that contains ': '"
    if "expected <block end>" in problem or "could not find expected ':'" in problem:
        return "; check the indentation of this line"
    return ""


def _position(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _construct(node: Node, location: Path_, document: YamlDocument) -> Any:
    document.positions.setdefault(location, _position(node))
    _check_tag(node)
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [
            _construct(item, (*location, index), document) for index, item in enumerate(node.value)
        ]
    if isinstance(node, MappingNode):
        return _mapping(node, location, document)
    raise _RefusalError(*_position(node), "yaml-syntax", "unsupported YAML node")


def _mapping(node: MappingNode, location: Path_, document: YamlDocument) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.tag == _STANDARD_TAG + "merge":
            raise _RefusalError(
                *_position(key_node), "yaml-key", "keys must be plain names (no lists, maps or <<)"
            )
        key = str(key_node.value)
        if key in result:
            first = document.positions[(*location, key)]
            raise _RefusalError(
                *_position(key_node),
                "yaml-duplicate-key",
                f"key '{key}' appears twice in this mapping (first at line {first[0]}); "
                "remove one of them",
            )
        document.positions[(*location, key)] = _position(key_node)
        document.positions[(*location, key, "__value__")] = _position(value_node)
        result[key] = _construct(value_node, (*location, key), document)
    return result


_ALLOWED_TAGS = {
    _STANDARD_TAG + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge")
}


def _check_tag(node: Node) -> None:
    if node.tag and node.tag not in _ALLOWED_TAGS:
        shown = node.tag.replace(_STANDARD_TAG, "!!", 1)
        raise _RefusalError(
            *_position(node),
            "yaml-tag",
            f"YAML tag '{shown}' is not allowed in facts files; remove it",
        )


def _scalar(node: ScalarNode) -> Any:
    value: str = node.value
    if node.style or node.tag == _STANDARD_TAG + "str":
        return value
    return _core_scalar(value)


def _core_scalar(value: str) -> Any:
    """A plain scalar by YAML 1.2's core schema: null, true/false, integer, float or text."""
    lowered = value.lower()
    if lowered in ("", "~", "null"):
        return None
    if lowered in ("true", "false"):
        return lowered == "true"
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value
