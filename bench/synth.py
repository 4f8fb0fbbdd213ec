"""Synthetic chronologies for the benchmark, the same for the same seed.

N events with 1-5 actors, 0-3 related events, 1-4 sources each cited in the body,
dates of every precision, bodies of 100-400 words; N/10 actors, a fifth of them with a
parent organisation.  With `dense`, that many of the events fall in one month (May 2020,
most of them on a day, some on the month only), as real news data does: a conflict
tracker's export holds thousands of events in a few weeks.  `plain_pages` writes the
same bodies as ordinary Markdown pages, the baseline that plain MkDocs builds.

With `places`, events happen somewhere: content/places/ holds a few dozen towns (in
three clusters, so that their marks overlap on a map), the provinces and countries they
lie in, and each event's `place:` names one of them, or gives the event's own
coordinates near a town (exact to neighbourhood), or names a province or a country only.
The geography draws from a random stream of its own: every other byte of the chronology
is the same as without `places`, so the other benchmarks stay comparable.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from pathlib import Path

WORDS = [
    "strike",
    "attack",
    "militia",
    "base",
    "statement",
    "officials",
    "said",
    "forces",
    "group",
    "report",
    "border",
    "convoy",
    "drone",
    "rocket",
    "spokesman",
    "ministry",
    "denied",
    "claimed",
    "killed",
    "wounded",
    "according",
    "sources",
    "ceasefire",
    "talks",
    "envoy",
    "sanctions",
    "designation",
    "retaliation",
    "facility",
    "night",
]
KINDS = ("person", "group", "organisation", "state")
# Bodies draw from a vocabulary with the shape of real text (Zipf's law: the word of rank r
# is about 1/r as frequent as the most common one): function words first, the topical
# words above among the frequent ones, then 4,000 made-up words, most of them rare.  A
# vocabulary of the 30 topical words alone would put every word on every page, which no
# real chronology does and which makes every search word match all of them.
FUNCTION_WORDS = ["the", "of", "and", "in", "to", "a", "on", "was", "by", "for", "with", "that", "at", "from"]
SYLLABLES = ["ka", "ta", "ri", "mo", "sel", "dan", "or", "bel", "qu", "im", "zar", "ne", "hol", "vi", "es", "tun"]


def _vocabulary() -> tuple[list[str], list[float]]:
    rng = random.Random(0)
    made_up: list[str] = []
    while len(made_up) < 4000:
        word = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
        if word not in made_up and word not in WORDS:
            made_up.append(word)
    ranked = FUNCTION_WORDS + [w for pair in zip(WORDS, made_up, strict=False) for w in pair] + made_up[len(WORDS) :]
    weights = [1 / rank for rank in range(1, len(ranked) + 1)]
    return ranked, list(itertools.accumulate(weights))


VOCABULARY, CUMULATIVE_WEIGHTS = _vocabulary()


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(1990, 2024), rng.randint(1, 12), rng.randint(1, 28)
    form = rng.randrange(10)
    return [
        f"{year}-{month:02d}-{day:02d}",
        f"{year}-{month:02d}-{day:02d}",
        f"{year}-{month:02d}-{day:02d}",
        f"{year}-{month:02d}",
        f"{year}",
        f"{year}~",
        f"{year}-{month:02d}?",
        f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{min(day + 5, 28):02d}",
        f"XXXX-{month:02d}-{day:02d}",
        f"{year}/..",
    ][form]


def _dense_date(rng: random.Random) -> str:
    day = rng.randint(1, 31)
    return "2020-05" if rng.random() < 0.05 else f"2020-05-{day:02d}"


def _words(rng: random.Random, k: int) -> str:
    return " ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE_WEIGHTS, k=k))


def _body(rng: random.Random, source_ids: list[str]) -> str:
    words = rng.randint(100, 400)
    paragraphs, sentence = [], []
    for index in range(words):
        sentence.append(rng.choices(VOCABULARY, cum_weights=CUMULATIVE_WEIGHTS)[0])
        if len(sentence) >= 12 or index == words - 1:
            text = " ".join(sentence).capitalize() + "."
            sentence = []
            paragraphs.append(text)
    # Every source cited at least once; the rest of the sentences cite one at random.
    cited = [
        f"{p}[^{source_ids[i % len(source_ids)]}]" if i < len(source_ids) or rng.random() < 0.5 else p
        for i, p in enumerate(paragraphs)
    ]
    return "\n\n".join(" ".join(cited[i : i + 4]) for i in range(0, len(cited), 4)) + "\n"


# Three regions, each a country of two provinces: (country, centre latitude, longitude).
REGIONS = (("Norland", 36.2, 43.9), ("Sudmark", 34.5, 40.9), ("Ostria", 48.5, 31.2))
TOWNS_PER_PROVINCE = 6
FINE = ("exact", "site", "neighbourhood")


def place_files(seed: int = 1) -> dict[str, str]:
    """Countries, their provinces and the towns in them, as content/places/ files."""
    rng = random.Random(seed + 7919)
    places: dict[str, str] = {}
    for number, (country, lat, lon) in enumerate(REGIONS):
        country_id = f"country-{number}"
        places[f"{country_id}.md"] = _place(country, lat, lon, "country", None)
        for province in range(2):
            province_id = f"province-{number}-{province}"
            plat, plon = lat + rng.uniform(-1.5, 1.5), lon + rng.uniform(-1.5, 1.5)
            places[f"{province_id}.md"] = _place(f"{country} province {province}", plat, plon, "province", country_id)
            for town in range(TOWNS_PER_PROVINCE):
                tlat, tlon = plat + rng.uniform(-0.6, 0.6), plon + rng.uniform(-0.6, 0.6)
                town_id = f"town-{number}-{province}-{town}"
                places[f"{town_id}.md"] = _place(f"Town {number}-{province}-{town}", tlat, tlon, "town", province_id)
    return places


def _place(name: str, lat: float, lon: float, precision: str, part_of: str | None) -> str:
    inside = f"part_of: {part_of}\n" if part_of else ""
    return (
        f"---\nname: {name}\ncoordinates:\n  latitude: '{lat:.4f}'\n  longitude: '{lon:.4f}'\n"
        f"  precision: {precision}\n{inside}---\n"
    )


def _where(rng: random.Random, places: dict[str, str]) -> str:
    """An event's place: a town (most), its own coordinates near a town, a province or a country."""
    roll = rng.random()
    number, province, town = rng.randrange(len(REGIONS)), rng.randrange(2), rng.randrange(TOWNS_PER_PROVINCE)
    town_id = f"town-{number}-{province}-{town}"
    if roll < 0.6:
        return f"place: {town_id}\n"
    if roll < 0.85:
        lines = places[f"{town_id}.md"].splitlines()
        lat = float(lines[3].split("'")[1]) + rng.uniform(-0.05, 0.05)
        lon = float(lines[4].split("'")[1]) + rng.uniform(-0.05, 0.05)
        return (
            f"place: {town_id}\ncoordinates:\n  latitude: '{lat:.4f}'\n  longitude: '{lon:.4f}'\n"
            f"  precision: {rng.choice(FINE)}\n"
        )
    if roll < 0.95:
        return f"place: province-{number}-{province}\n"
    return f"place: country-{number}\n"


def event_files(
    n: int, seed: int = 1, dense: int = 0, places: dict[str, str] | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    rng = random.Random(seed)
    where_rng = random.Random(seed + 104729)
    n_actors = max(n // 10, 2)
    actors: dict[str, str] = {}
    for index in range(n_actors):
        parent = ""
        if index >= n_actors // 5 and rng.random() < 0.25:
            parent = (
                f"affiliations:\n  - organisation: actor-{rng.randrange(n_actors // 5):05d}\n"
                f"    role: member\n    source: s1\n"
            )
        front = (
            f"name: Actor {index} {rng.choice(WORDS).title()}\nkind: {rng.choice(KINDS)}\n"
            f"aliases: [A{index}]\nsummary: {_words(rng, 8)}\n{parent}"
            f"sources:\n  - id: s1\n    title: Profile {index}\n    publisher: Agency\n"
        )
        actors[f"actor-{index:05d}.md"] = f"---\n{front}---\n\n{_body(rng, ['s1'])[:600]}\n"
    events: dict[str, str] = {}
    for index in range(n):
        source_ids = [f"s{k}" for k in range(1, rng.randint(1, 4) + 1)]
        sources = "".join(
            f"  - id: {sid}\n    title: Report {index}-{sid}\n    publisher: Wire {sid}\n"
            f"    url: https://example.org/{index}/{sid}\n"
            for sid in source_ids
        )
        participants = rng.sample(range(n_actors), rng.randint(1, min(5, n_actors)))
        actor_lines = "".join(
            f"  - id: actor-{a:05d}\n    role: {rng.choice(('target', 'attacker', 'spokesperson'))}\n"
            for a in participants
        )
        related = sorted({f"event-{rng.randrange(n):05d}" for _ in range(rng.randint(0, 3))} - {f"event-{index:05d}"})
        date = _dense_date(rng) if index < dense else _date(rng)
        front = (
            f"title: Event {index} {_words(rng, 5)}\ndate: '{date}'\n"
            f"summary: {_words(rng, 12)}\n{_place_line(rng, where_rng, places)}"
            f"actors:\n{actor_lines}related: {json.dumps(related)}\n"
            f"tags: {json.dumps(sorted(set(rng.choices(WORDS[:12], k=rng.randint(0, 3)))))}\n"
            f"sources:\n{sources}"
        )
        events[f"event-{index:05d}.md"] = f"---\n{front}---\n\n{_body(rng, source_ids)}"
    return events, actors


def _place_line(rng: random.Random, where_rng: random.Random, places: dict[str, str] | None) -> str:
    written = f"place: Place {rng.randrange(50)}\n"  # drawn always: the main stream stays the same
    return _where(where_rng, places) if places else written


def write_chronology(root: Path, n: int, seed: int = 1, dense: int = 0, *, places: bool = False) -> None:
    place_texts = place_files(seed) if places else {}
    events, actors = event_files(n, seed, dense, place_texts or None)
    for folder, files in (("events", events), ("actors", actors), ("places", place_texts)):
        if not files:
            continue
        directory = root / "content" / folder
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (directory / name).write_text(text, encoding="utf-8")


def write_plain_pages(root: Path, n: int, seed: int = 1) -> None:
    """The baseline: the same bodies as ordinary pages, each with a title and its footnotes
    written out by hand, as an editor would without the timeline plugin."""
    events, actors = event_files(n, seed)
    directory = root / "docs"
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in {**events, **actors}.items():
        front, body = text.split("---\n", 2)[1:]
        title = front.split("\n", 1)[0].split(": ", 1)[1]
        cited = sorted(set(re.findall(r"\[\^(s\d)\]", body)))
        notes = "\n".join(f"[^{sid}]: Report {sid}, Wire {sid}, <https://example.org/{sid}>" for sid in cited)
        (directory / name).write_text(f"# {title}\n\n{body}\n{notes}\n", encoding="utf-8")
    (directory / "index.md").write_text("# Home\n", encoding="utf-8")


# Hugo, the reference for how fast a static site can be built: the baseline's pages
# under a theme of two layouts the benchmark writes (no theme's own work is measured).
HUGO_CONFIG = """\
baseURL = "/"
title = "Baseline"
disableKinds = ["taxonomy", "term"]
"""
HUGO_PAGE = """\
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ .Content }}
</main></body>
</html>
"""


def write_hugo_pages(root: Path, docs: Path) -> None:
    """The plain pages of `docs` (each `# title` then its body, as `write_plain_pages`
    writes them) as a Hugo site in `root`: the same bodies, the title in the front matter."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    for page in sorted(docs.glob("*.md")):
        heading, _, body = page.read_text(encoding="utf-8").partition("\n")
        name = "_index.md" if page.name == "index.md" else page.name
        title = json.dumps(heading.removeprefix("# ").strip())
        (content / name).write_text(f"---\ntitle: {title}\n---\n{body}", encoding="utf-8")
    layouts = root / "layouts"
    layouts.mkdir(exist_ok=True)
    for name in ("single.html", "list.html"):
        (layouts / name).write_text(HUGO_PAGE, encoding="utf-8")
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
