"""The link stage: ids resolved and back-links built once, in time that grows with the
chronology, not with the paths through it."""

from __future__ import annotations

from generator.core.model import Actor, Affiliation
from generator.pipeline import link as link_stage


def test_parent_organisations_are_walked_once_each(monkeypatch):
    def actor(name: str, parents: list[str]) -> Actor:
        return Actor(
            id=name,
            path=f"content/actors/{name}.md",
            body="",
            name=name,
            kind="organisation",
            affiliations=tuple(Affiliation(parent) for parent in parents),
        )

    calls = []
    original = link_stage.parents_of
    monkeypatch.setattr(link_stage, "parents_of", lambda a, actors: calls.append(a.id) or original(a, actors))
    # 26 layers of two organisations, each a member of both in the next layer (before: past 120 s).
    layers = [(f"l{n}a", f"l{n}b") for n in range(26)]
    actors = [actor(name, list(layers[n + 1]) if n + 1 < 26 else []) for n, pair in enumerate(layers) for name in pair]
    chronology, problems = link_stage.link([], actors)
    assert problems == [] and chronology is not None
    assert sorted(calls) == sorted(a.id for a in actors)  # each actor entered once
    calls.clear()
    chain = [actor(f"c{n}", [f"c{n + 1}"] if n < 4999 else ["c0"]) for n in range(5000)]
    _, problems = link_stage.link([], chain)
    assert len(calls) == 5000
    assert [p.message[:45] for p in problems] == ["parent organisations form a cycle: c0 -> c1 -"]
