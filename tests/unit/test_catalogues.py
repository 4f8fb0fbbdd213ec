"""The catalogues: every message translated with its placeholders and plural forms, and
`make messages` run (no word in the code or the templates missing from the template)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.text import CATALOGUES
from tests.conftest import REPO

PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)\}")


def catalogue(name: str):
    with (CATALOGUES / name).open("rb") as file:
        return read_po(file)


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_message_is_translated(language):
    template = {
        message.id if isinstance(message.id, str) else tuple(message.id)
        for message in catalogue("messages.pot")
        if message.id
    }
    translated = catalogue(f"{language}.po")
    found = {}
    for message in translated:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else tuple(message.id)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and "fuzzy" not in message.flags, (language, key)
        wanted = placeholders(key if isinstance(key, str) else key[1]) - {"num"}
        for string in strings:
            assert wanted <= placeholders(string), (language, key, string)
        found[key] = strings
    assert template <= set(found), template - set(found)
    if language == "ar":
        assert {len(strings) for key, strings in found.items() if isinstance(key, tuple)} == {6}


def test_the_template_lists_every_message_in_code_and_templates(tmp_path):
    """`make messages` has been run: no word in the code is missing from the catalogues."""
    extracted = tmp_path / "messages.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"),
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "gettext",
            "-k",
            "ngettext:1,2",
            "-k",
            "gettext_noop",
            "--no-location",
            "--omit-header",
            "-o",
            str(extracted),
            ".",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    with extracted.open("rb") as file:
        in_code = {
            message.id if isinstance(message.id, str) else tuple(message.id) for message in read_po(file) if message.id
        }
    in_template = {
        message.id if isinstance(message.id, str) else tuple(message.id)
        for message in catalogue("messages.pot")
        if message.id
    }
    assert in_code == in_template
    assert len(in_code) > 80
