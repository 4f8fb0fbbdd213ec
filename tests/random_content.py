"""Hypothesis strategies for random frontmatter and bodies (tests/unit/test_property_based.py
runs them through the pipeline, tests/site/test_random_content.py through a real build)."""

from __future__ import annotations

import yaml
from hypothesis import strategies as st

FIELDS = [
    "title",
    "date",
    "date_note",
    "summary",
    "place",
    "actors",
    "related",
    "follows",
    "tags",
    "sources",
    "name",
    "kind",
    "aliases",
    "affiliations",
    "id",
    "role",
    "organisation",
    "period",
    "source",
    "url",
]
DATES = [
    "2023-12-25",
    "2023-12",
    "2023~",
    "XXXX-12-25",
    "2009/..",
    "../2009",
    "2023-12-27/2023-12-20",
    "2023-02-30",
    "XXXX",
    "1/2",
    "Y170000002",
    "2023-21",
    "",
    "NO",
    "12:30",
]
IDS = ["a", "b", "c", "A", "a b", ""]

scalars = st.one_of(st.sampled_from(DATES + IDS), st.text(max_size=20))
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), children, max_size=5),
    ),
    max_leaves=12,
)
frontmatters = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), values, max_size=8)
bodies = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200) | st.sampled_from(
    ["Text.[^src]", "[^a]: defined", "```\n[^x]\n```", "---\n---", "[^]"]
)


def file_text(front: dict, body: str) -> str:
    return f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n{body}\n"
