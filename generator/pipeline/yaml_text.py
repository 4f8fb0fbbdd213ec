"""YAML frontmatter read as the text the editor typed, with the line of every field.

PyYAML's default resolvers turn ``2023-12-25`` into a date, ``NO`` into False and
``12:30`` into 750.  Here no scalar is resolved: every value reaches validation as a
string, and the schema decides what is acceptable.  Nodes are composed rather than
constructed so that each field keeps the line it was written on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import yaml

from generator.core.problems import FieldPath
from generator.pipeline import limits

_BaseLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class _TextLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """BaseLoader resolves no scalar (every plain scalar stays a string); libyaml's C
    version composes faster than the pure-Python one, with the same marks.
    It still asks the (pure-Python) resolver about every node, only to be given the
    default tag: answered here directly, as BaseResolver would."""

    _DEFAULT_TAGS: ClassVar[dict[type[yaml.Node], str]] = {
        yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
        yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
        yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    }

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type[yaml.Node], value: object, implicit: object) -> str:
        return self._DEFAULT_TAGS[kind]


class YamlTextError(ValueError):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


@dataclass
class YamlText:
    """Plain data (dicts, lists, strings) and the 1-based line of each field path."""

    data: object
    lines: dict[FieldPath, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[FieldPath, int]] = field(default_factory=list)


def load_yaml_text(text: str, first_line: int = 1) -> YamlText:
    """Parse one YAML document; ``first_line`` is where it starts in its file.

    The nesting depth is checked on libyaml's event stream (which does not recurse)
    before the composer (which does, in C) sees the text; aliases are expanded only up to
    `limits.YAML_VALUES` values, and an alias inside itself is refused."""
    try:
        _check_depth(text, first_line)
        node = yaml.compose(text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and mark and mark.index >= len(text.rstrip()):
            # Nothing closed what was opened (a '[' or a quote): point at the opening.
            mark = error.context_mark
        line = first_line + mark.line if mark else None
        problem = error.problem or "not valid YAML"
        context = ""
        if error.context:
            context = f" ({error.context}"
            if error.context_mark and error.context_mark is not mark:
                context += f" that starts on line {first_line + error.context_mark.line}"
            context += ")"
        raise YamlTextError(f"YAML syntax error: {problem}{context}", line) from error
    except yaml.YAMLError as error:
        raise YamlTextError(f"YAML syntax error: {error}", None) from error
    result = YamlText(data=None)
    if node is not None:
        result.data = _Converter(result, first_line).value(node, ())
    return result


def _check_depth(text: str, first_line: int) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_TextLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > limits.YAML_DEPTH:
                mark = event.start_mark
                raise YamlTextError(
                    f"lists and fields nested more than {limits.YAML_DEPTH} deep; the schemas need 3",
                    first_line + mark.line if mark else None,
                )
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


class _Converter:
    """YAML nodes to plain data, with the line of every field.  An alias is the same node
    met again: it is expanded, but never inside itself, and never past the limit."""

    def __init__(self, out: YamlText, first_line: int):
        self.out = out
        self.first_line = first_line
        self.values = 0
        self.open: set[int] = set()  # the nodes being converted: an alias to one is a loop
        self.seen: set[int] = set()  # every node converted: one met again is an alias

    def value(self, node: yaml.Node, path: FieldPath) -> object:
        line = self.first_line + node.start_mark.line
        self.values += 1
        aliased = id(node) in self.seen
        self.seen.add(id(node))
        if self.values > limits.YAML_VALUES:
            how = "once aliases (*name) are expanded; write the values out" if aliased else "in one file's frontmatter"
            raise YamlTextError(f"more than {limits.YAML_VALUES:,} values {how}", line)
        if id(node) in self.open:
            raise YamlTextError("an alias (*name) refers to the value it is inside of; write the value out", line)
        self.out.lines.setdefault(_shared(path), line)
        if isinstance(node, yaml.ScalarNode):
            return node.value
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.value(item, (*path, index)) for index, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, object]:
        mapping: dict[str, object] = {}
        for key_node, value_node in node.value:
            line = self.first_line + key_node.start_mark.line
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlTextError("a field name must be text, not a list or fields ('? ' keys)", line)
            key = str(key_node.value)
            child = _shared((*path, key))
            if key in mapping:
                self.out.duplicate_keys.append((child, line))
                continue
            self.out.lines[child] = line
            mapping[key] = self.value(value_node, child)
        return mapping


# Every file of a chronology has the same field paths (("title",), ("actors", 0, "id"), ...),
# kept with each model to place problems: one tuple a path for the whole chronology, not
# one a file (bench/NOTES.md).
_PATHS: dict[FieldPath, FieldPath] = {}


def _shared(path: FieldPath) -> FieldPath:
    if len(_PATHS) > 100_000:  # a bound against files written to grow it
        return path
    return _PATHS.setdefault(path, path)
