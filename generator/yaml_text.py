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

from generator.problems import FieldPath

_BaseLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class _TextLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """BaseLoader resolves no scalar (every plain scalar stays a string); libyaml's C
    version composes several times faster than the pure-Python one, with the same marks.
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
    """Parse one YAML document; ``first_line`` is where it starts in its file."""
    try:
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
        result.data = _to_data(node, (), result, first_line)
    return result


def _to_data(node: yaml.Node, path: FieldPath, out: YamlText, first_line: int) -> object:
    out.lines.setdefault(path, first_line + node.start_mark.line)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
            child = (*path, key)
            line = first_line + key_node.start_mark.line
            if key in mapping:
                out.duplicate_keys.append((child, line))
                continue
            out.lines[child] = line
            mapping[key] = _to_data(value_node, child, out, first_line)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, (*path, index), out, first_line) for index, item in enumerate(node.value)]
    return node.value
