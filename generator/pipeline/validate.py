"""Validate: `RawRecord`s -> `Event`s, `Actor`s and `Place`s, or the problems that stop them.

Fields and types are checked by the JSON Schema (see `generator.pipeline.schema`); this module
turns the schema's findings into editor-facing messages and checks what a schema
cannot say: EDTF dates, coordinates in range, a precision's word, and footnotes against
the sources a file lists.
References between files are the link stage's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NotRequired, TypeAlias, TypedDict, cast

from jsonschema import ValidationError

from generator.core.content import FOOTNOTE_REF, PLACEHOLDER
from generator.core.dates import ACCEPTED_FORMS, DateError, DatePoint, EdtfDate, parse_date
from generator.core.geo import EXPECTED_PRECISION, PRECISION_WORDS, parse_precision
from generator.core.language_tags import LanguageTagError, language_tag
from generator.core.markdown_scan import blank_code
from generator.core.model import (
    STEP_KINDS,
    Actor,
    ActorKind,
    Affiliation,
    Coordinates,
    Correction,
    Event,
    Media,
    Participation,
    Place,
    Source,
    Story,
    StoryStep,
)
from generator.core.problems import FieldPath, Problem, body_line, problem_at, suggest
from generator.pipeline import limits
from generator.pipeline.load import RawRecord
from generator.pipeline.schema import definitions, is_valid, validator

UNKNOWN_DATE = EdtfDate(text="XXXX", start=DatePoint(None), end=DatePoint(None))
_TYPE_WORDS = {
    "string": "text",
    "array": "a list ('- item' lines)",
    "object": "fields ('name: value' lines)",
}
FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)
# A link or image target (`](target)` or `](<target> "title")`) and a reference definition.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^\s<>()]+)")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


# path -> (record, model or None, problems): what validation made of a record last time.
ValidationCache: TypeAlias = dict[str, tuple[RawRecord, Event | Actor | Place | Story | None, list[Problem]]]


# Frontmatter as the schemas shape it (generator/pipeline/schema/*.schema.json).  A record's data
# is plain YAML until the schema accepts it; only then is it read as one of these.


class _SourceData(TypedDict):
    id: str
    title: str
    publisher: str
    url: NotRequired[str]
    published: NotRequired[str]
    archived: NotRequired[str]
    archived_on: NotRequired[str]
    sha256: NotRequired[str]
    lang: NotRequired[str]


class _ParticipationData(TypedDict):
    id: str
    role: NotRequired[str]


class _CorrectionData(TypedDict):
    date: str
    text: str
    source: NotRequired[str]


class _MediaData(TypedDict):
    file: str
    alt: str
    caption: NotRequired[str]
    credit: NotRequired[str]


class _CoordinatesData(TypedDict):
    latitude: str  # decimal degrees, as text (YAML scalars all arrive as text; see yaml_text)
    longitude: str
    precision: NotRequired[str]


class _PlaceData(TypedDict):
    name: str
    aliases: NotRequired[list[str]]
    summary: NotRequired[str]
    lang: NotRequired[str]
    coordinates: NotRequired[_CoordinatesData]
    part_of: NotRequired[str]
    sources: NotRequired[list[_SourceData]]
    media: NotRequired[list[_MediaData]]
    corrections: NotRequired[list[_CorrectionData]]
    imported_from: NotRequired[_ImportedData]


class _StepData(TypedDict):
    text: str
    event: NotRequired[str]
    place: NotRequired[str]
    actor: NotRequired[str]
    media: NotRequired[list[_MediaData]]


class _StoryData(TypedDict):
    title: str
    steps: list[_StepData]
    sources: list[_SourceData]
    summary: NotRequired[str]
    lang: NotRequired[str]
    media: NotRequired[list[_MediaData]]
    corrections: NotRequired[list[_CorrectionData]]
    imported_from: NotRequired[_ImportedData]


class _ImportedData(TypedDict):
    file: str
    record: str
    digest: str


class _EventData(TypedDict):
    title: str
    date: str
    sources: list[_SourceData]
    date_note: NotRequired[str]
    summary: NotRequired[str]
    place: NotRequired[str]
    lang: NotRequired[str]
    coordinates: NotRequired[_CoordinatesData]
    actors: NotRequired[list[str | _ParticipationData]]
    related: NotRequired[list[str]]
    follows: NotRequired[list[str]]
    tags: NotRequired[list[str]]
    media: NotRequired[list[_MediaData]]
    corrections: NotRequired[list[_CorrectionData]]
    imported_from: NotRequired[_ImportedData]


class _AffiliationData(TypedDict):
    organisation: str
    role: NotRequired[str]
    period: NotRequired[str]
    source: NotRequired[str]


class _ActorData(TypedDict):
    name: str
    kind: ActorKind  # the schema allows only these
    aliases: NotRequired[list[str]]
    summary: NotRequired[str]
    lang: NotRequired[str]
    affiliations: NotRequired[list[_AffiliationData]]
    sources: NotRequired[list[_SourceData]]
    media: NotRequired[list[_MediaData]]
    corrections: NotRequired[list[_CorrectionData]]
    imported_from: NotRequired[_ImportedData]


@dataclass(frozen=True, slots=True)
class Validated:
    """The models of every record validation could read, and every problem it found."""

    events: list[Event] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def validate_records(records: Iterable[RawRecord], cache: ValidationCache | None = None) -> Validated:
    """Models for every record that has the fields it needs, and every problem found.

    A record with a problem below schema level (a bad date, a stray footnote) still
    yields a model, so that linking can report its references too; the pipeline
    refuses to build a site when any error was found.
    """
    validated = Validated()
    for record in records:
        cached = cache.get(record.path) if cache is not None else None
        if cached is None or cached[0] is not record:  # the loader hands back the same record if unchanged
            cached = (record, *validate_record(record))
            if cache is not None:
                cache[record.path] = cached
        _, model, found = cached
        validated.problems.extend(found)
        if isinstance(model, Event):
            validated.events.append(model)
        elif isinstance(model, Actor):
            validated.actors.append(model)
        elif isinstance(model, Place):
            validated.places.append(model)
        elif isinstance(model, Story):
            validated.stories.append(model)
    return validated


def validate_record(record: RawRecord) -> tuple[Event | Actor | Place | Story | None, list[Problem]]:
    found = placeholder_problems(record) + control_problems(record) + schema_problems(record)
    if found:
        return None, found
    if record.kind == "event":
        return _event(record)
    if record.kind == "actor":
        return _actor(record)
    return _place(record) if record.kind == "place" else _story(record)


# --- placeholders and schema ----------------------------------------------------------------


def placeholder_problems(record: RawRecord) -> list[Problem]:
    """Values the scaffold left for the editor to fill in (`python -m generator new`)."""
    problems = []
    for path, value in _strings(record.data, ()):
        if PLACEHOLDER in value:
            problems.append(problem_at(record, path, f"placeholder '{PLACEHOLDER}' left in; replace it"))
    for offset, line in enumerate(record.body.splitlines()):
        if PLACEHOLDER in line:
            problems.append(
                problem_at(
                    record,
                    ("body",),
                    f"placeholder '{PLACEHOLDER}' left in the body; replace it",
                    line=body_line(record, offset),
                )
            )
    return problems


def control_problems(record: RawRecord) -> list[Problem]:
    """Control characters written as YAML escapes ("A\\0B"): raw ones are refused when the
    file is read, but an escape would carry them into the page, the feed and the data."""
    return [
        problem_at(record, path, f"control character {code} in the text (written as an escape); remove it")
        for path, value in _strings(record.data, ())
        if (code := limits.contains_control(value)) is not None
    ]


def _strings(value: object, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def schema_problems(record: RawRecord) -> list[Problem]:
    if is_valid(record.kind)(record.data):
        return []
    errors = validator(record.kind).iter_errors(record.data)
    problems = [p for error in errors for p in _explain(record, error)]
    return sorted(set(problems), key=Problem.sort_key)


def _explain(record: RawRecord, error: ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    expected = _expected(error)
    if kind == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return [
            problem_at(
                record,
                (*path, name),
                "missing required field",
                expected=f"a line '{name}: ...'" + _described(error, name),
            )
            for name in missing
        ]
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        return [
            problem_at(
                record,
                (*path, name),
                "unknown field",
                expected=f"one of {', '.join(known)}",
                suggestion=suggest(name, known),
            )
            for name in error.instance
            if name not in known
        ]
    if kind == "type":
        got = _describe(error.instance)
        return [
            problem_at(
                record, path, f"{got} is not allowed here", expected=expected or _TYPE_WORDS.get(error.validator_value)
            )
        ]
    if kind == "enum":
        options = [str(option) for option in error.validator_value]
        return [
            problem_at(
                record,
                path,
                f"'{error.instance}' is not allowed",
                expected=expected,
                suggestion=suggest(str(error.instance), options),
            )
        ]
    if kind == "pattern" and isinstance(error.instance, str) and not error.instance.strip():
        return [problem_at(record, path, "is empty", expected=expected)]
    if kind == "pattern" and path[-1:] == ("precision",) and isinstance(error.instance, str):
        # "the town", "Province", "towns": the word of the vocabulary probably meant.
        written = error.instance.strip().casefold().removeprefix("the ").strip()
        return [
            problem_at(
                record,
                path,
                f"'{error.instance}' is not a precision",
                expected=EXPECTED_PRECISION,
                suggestion=suggest(written, PRECISION_WORDS),
            )
        ]
    if kind == "pattern" and path[-1:] == ("lang",) and isinstance(error.instance, str):
        found: list[Problem] = []
        if _language(record, path, error.instance, found) is None:
            return found  # said as the language check says it, with the tag probably meant
    if kind == "pattern":
        return [problem_at(record, path, f"'{error.instance}' is not valid", expected=expected)]
    if kind == "minItems":
        return [problem_at(record, path, "the list is empty", expected=expected)]
    if kind == "maxItems":
        count = len(error.instance) if isinstance(error.instance, list) else 0
        return [problem_at(record, path, f"the list has {count:,} items; the most is {error.validator_value:,}")]
    if kind == "uniqueItems":
        return [problem_at(record, path, "lists the same item twice; keep one", expected=expected)]
    if kind == "oneOf":
        # An actor entry is either an id or id+role fields: explain the branch the editor chose.
        wanted = "object" if isinstance(error.instance, dict) else "string"
        for sub in sorted(error.context, key=lambda e: (len(e.absolute_path), str(e.message))):
            branch = sub.schema if isinstance(sub.schema, dict) else {}
            if sub.validator == "type" and sub.validator_value != wanted:
                continue
            if branch.get("type") in (wanted, None) or sub.absolute_path != error.absolute_path:
                return _explain(record, sub)
        return [problem_at(record, path, f"{_describe(error.instance)} is not allowed here", expected=expected)]
    return [problem_at(record, path, error.message, expected=expected)]


def _expected(error: ValidationError) -> str | None:
    for schema in (error.schema, *(_resolved(error))):
        if isinstance(schema, dict) and "x-expected" in schema:
            expected: str = schema["x-expected"]  # untyped JSON, but text in every schema of ours
            return expected
    return None


def _resolved(error: ValidationError) -> list[object]:
    # `x-expected` may sit on the $ref target (a definition) rather than on the property.
    # Both schemas hold the same definitions (a test keeps them equal), so either one serves.
    ref = error.schema.get("$ref") if isinstance(error.schema, dict) else None
    if not ref or not ref.startswith("#/definitions/"):
        return []
    return [definitions("event").get(ref.removeprefix("#/definitions/"), {})]


def _described(error: ValidationError, name: str) -> str:
    prop = error.schema.get("properties", {}).get(name, {}) if isinstance(error.schema, dict) else {}
    description = prop.get("description", "").rstrip(".")
    return f" ({description[:1].lower()}{description[1:]})" if description else ""


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return f"the text '{value}'"


# --- records -> models ------------------------------------------------------------------------


def _event(record: RawRecord) -> tuple[Event, list[Problem]]:
    data = cast(_EventData, record.data)  # accepted by the event schema (see validate_record)
    problems: list[Problem] = []
    sources, found = _sources(record, data["sources"])
    problems += found
    # A bad date is reported, and the event kept with the date unknown, so that the
    # link stage still checks its references: the build fails either way.
    date = _date(record, ("date",), data["date"], problems) or UNKNOWN_DATE
    corrections, cited_by_corrections = _corrections(record, sources, problems)
    problems += footnote_problems(record, sources, also_cited=cited_by_corrections)
    actors = tuple(
        Participation(entry) if isinstance(entry, str) else Participation(entry["id"], entry.get("role"))
        for entry in data.get("actors", ())
    )
    coordinates = _coordinates(record, data["coordinates"], problems) if "coordinates" in data else None
    event = Event(
        **_file_fields(record, sources, problems),
        title=data["title"].strip(),
        date=date,
        date_note=data.get("date_note"),
        summary=data.get("summary"),
        place=data.get("place"),
        coordinates=coordinates,
        actors=actors,
        related=tuple(data.get("related", ())),
        follows=tuple(data.get("follows", ())),
        tags=tuple(data.get("tags", ())),
        corrections=corrections,
    )
    return event, problems


def _coordinates(record: RawRecord, data: _CoordinatesData, problems: list[Problem]) -> Coordinates | None:
    """Latitude and longitude in range; swapped ones are the likely mistake, and said."""
    latitude, longitude = float(data["latitude"]), float(data["longitude"])  # the schema's pattern
    found = []
    if not -90 <= latitude <= 90:
        swapped = -90 <= longitude <= 90 and -180 <= latitude <= 180
        found.append(
            problem_at(
                record,
                ("coordinates", "latitude"),
                f"latitude {data['latitude']} is not between -90 and 90"
                + ("; latitude and longitude look swapped" if swapped else ""),
                expected="decimal degrees north (negative: south)",
                suggestion=f"latitude: {data['longitude']}, longitude: {data['latitude']}" if swapped else None,
            )
        )
    if not -180 <= longitude <= 180:
        found.append(
            problem_at(
                record,
                ("coordinates", "longitude"),
                f"longitude {data['longitude']} is not between -180 and 180",
                expected="decimal degrees east (negative: west)",
            )
        )
    problems += found
    if found:
        return None
    # The schema's pattern admits only what parse_precision reads, but for a radius of
    # zero or past half the Earth's circumference.
    written = data.get("precision")
    precision = parse_precision(written) if written is not None else None
    if written is not None and precision is None:
        problems.append(
            problem_at(
                record,
                ("coordinates", "precision"),
                f"'{written}' is not a radius a map can draw",
                expected=EXPECTED_PRECISION,
            )
        )
    return Coordinates(latitude, longitude, precision)


def _actor(record: RawRecord) -> tuple[Actor, list[Problem]]:
    data = cast(_ActorData, record.data)  # accepted by the actor schema (see validate_record)
    problems: list[Problem] = []
    sources, found = _sources(record, data.get("sources", ()))
    problems += found
    source_ids = [source.id for source in sources]
    affiliations = []
    for index, entry in enumerate(data.get("affiliations", ())):
        period = (
            _date(record, ("affiliations", index, "period"), entry["period"], problems) if "period" in entry else None
        )
        source_id = entry.get("source")
        if source_id is not None and source_id not in source_ids:
            problems.append(
                _unknown_source(
                    record, ("affiliations", index, "source"), f"unknown source '{source_id}'", source_id, source_ids
                )
            )
        affiliations.append(Affiliation(entry["organisation"], entry.get("role"), period, source_id))
    cited_by_affiliations = [a.source_id for a in affiliations if a.source_id]
    corrections, cited_by_corrections = _corrections(record, sources, problems)
    problems += footnote_problems(record, sources, also_cited=[*cited_by_affiliations, *cited_by_corrections])
    actor = Actor(
        **_file_fields(record, sources, problems),
        name=data["name"].strip(),
        kind=data["kind"],
        aliases=tuple(data.get("aliases", ())),
        summary=data.get("summary"),
        affiliations=tuple(affiliations),
        corrections=corrections,
    )
    return actor, problems


def _place(record: RawRecord) -> tuple[Place, list[Problem]]:
    data = cast(_PlaceData, record.data)  # accepted by the place schema (see validate_record)
    problems: list[Problem] = []
    sources, found = _sources(record, data.get("sources", ()))
    problems += found
    corrections, cited_by_corrections = _corrections(record, sources, problems)
    problems += footnote_problems(record, sources, also_cited=cited_by_corrections)
    coordinates = _coordinates(record, data["coordinates"], problems) if "coordinates" in data else None
    place = Place(
        **_file_fields(record, sources, problems),
        name=data["name"].strip(),
        aliases=tuple(data.get("aliases", ())),
        summary=data.get("summary"),
        coordinates=coordinates,
        part_of=data.get("part_of"),
        corrections=corrections,
    )
    return place, problems


def _story(record: RawRecord) -> tuple[Story, list[Problem]]:
    data = cast(_StoryData, record.data)  # accepted by the story schema (see validate_record)
    problems: list[Problem] = []
    sources, found = _sources(record, data["sources"])
    problems += found
    source_ids = [source.id for source in sources]
    steps = []
    cited: list[str] = []
    for index, entry in enumerate(data["steps"]):
        named = [kind for kind in STEP_KINDS if kind in entry]
        if len(named) != 1:
            said = "names none of" if not named else f"names {len(named)} of"
            problems.append(
                problem_at(
                    record,
                    ("steps", index),
                    f"the step {said} event:, place: and actor:",
                    expected="exactly one of event:, place: or actor: (the id of what the step tells)",
                )
            )
            continue
        kind = named[0]
        text = entry["text"]
        for name in FOOTNOTE_REF.findall(blank_code(text)):
            cited.append(name)
            if name not in source_ids:
                problems.append(
                    _unknown_source(
                        record,
                        ("steps", index, "text"),
                        f"footnote [^{name}] names no source",
                        name,
                        source_ids,
                        warning=True,
                    )
                )
        media = tuple(
            Media(item["file"].strip(), item["alt"].strip(), item.get("caption"), item.get("credit"))
            for item in entry.get("media", ())
        )
        target = {"event": entry.get("event"), "place": entry.get("place"), "actor": entry.get("actor")}[kind]
        assert target is not None  # the kind was found among the step's fields
        steps.append(StoryStep(kind, target, text, media, index))
    corrections, cited_by_corrections = _corrections(record, sources, problems)
    problems += footnote_problems(record, sources, also_cited=[*cited, *cited_by_corrections])
    story = Story(
        **_file_fields(record, sources, problems),
        title=data["title"].strip(),
        summary=data.get("summary"),
        steps=tuple(steps),
        corrections=corrections,
    )
    return story, problems


class _FileFields(TypedDict):
    id: str
    path: str
    body: str
    sources: tuple[Source, ...]
    media: tuple[Media, ...]
    lang: str | None
    lines: dict[FieldPath, int]
    body_line: int
    links: tuple[tuple[str, int], ...]


def _file_fields(record: RawRecord, sources: tuple[Source, ...], problems: list[Problem]) -> _FileFields:
    """What every editor's file takes from itself (see `model.EditorsFile`)."""
    lang = record.data.get("lang")
    media = tuple(
        Media(entry["file"].strip(), entry["alt"].strip(), entry.get("caption"), entry.get("credit"))
        for entry in cast(list[_MediaData], record.data.get("media", ()))
    )
    return _FileFields(
        id=record.id,
        path=record.path,
        body=record.body,
        sources=sources,
        media=media,
        lang=_language(record, ("lang",), lang, problems) if isinstance(lang, str) else None,
        lines=record.lines,
        body_line=record.body_line,
        links=body_links(record),
    )


def _date(record: RawRecord, path: FieldPath, value: str, problems: list[Problem]) -> EdtfDate | None:
    """The date at `path` in the record (`value`), or None with the problem reported."""
    try:
        return parse_date(value)
    except DateError as error:
        problems.append(
            problem_at(
                record,
                path,
                str(error),
                expected="EDTF, for example " + "; ".join(ACCEPTED_FORMS),
                suggestion=error.suggestion,
            )
        )
        return None


def _language(record: RawRecord, path: FieldPath, value: str, problems: list[Problem]) -> str | None:
    """The language tag at `path` in its usual case (`en-us` -> `en-US`), or None with the
    problem reported."""
    try:
        return language_tag(value)
    except LanguageTagError as error:
        expected = cast(dict[str, str], definitions("event")["lang"])["x-expected"]
        problems.append(problem_at(record, path, str(error), expected=expected, suggestion=error.suggestion))
        return None


def _sources(record: RawRecord, entries: Iterable[_SourceData]) -> tuple[tuple[Source, ...], list[Problem]]:
    problems: list[Problem] = []
    sources: list[Source] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry["id"] in seen:
            problems.append(
                problem_at(
                    record,
                    ("sources", index, "id"),
                    f"source id '{entry['id']}' is used twice; give each source its own id",
                )
            )
        seen.add(entry["id"])
        published = (
            _date(record, ("sources", index, "published"), entry["published"], problems)
            if "published" in entry
            else None
        )
        archived_on = (
            _date(record, ("sources", index, "archived_on"), entry["archived_on"], problems)
            if "archived_on" in entry
            else None
        )
        lang = _language(record, ("sources", index, "lang"), entry["lang"], problems) if "lang" in entry else None
        sources.append(
            Source(
                entry["id"],
                entry["title"].strip(),
                entry["publisher"].strip(),
                entry.get("url"),
                published,
                archived=entry.get("archived"),
                archived_on=archived_on,
                sha256=entry.get("sha256"),
                lang=lang,
            )
        )
    return tuple(sources), problems


def _corrections(
    record: RawRecord, sources: tuple[Source, ...], problems: list[Problem]
) -> tuple[tuple[Correction, ...], list[str]]:
    """The file's corrections, and the ids of the sources they cite (by `source:` or as
    [^id] in their text), each of which must be listed."""
    source_ids = [source.id for source in sources]
    corrections, cited = [], []
    for index, entry in enumerate(cast(list[_CorrectionData], record.data.get("corrections", ()))):
        date = _date(record, ("corrections", index, "date"), entry["date"], problems)
        names = [name for name in (entry.get("source"), *FOOTNOTE_REF.findall(entry["text"])) if name]
        for name in names:
            if name not in source_ids:
                problems.append(
                    _unknown_source(
                        record,
                        ("corrections", index, "source" if name == entry.get("source") else "text"),
                        f"the correction cites '{name}', which is not a listed source",
                        name,
                        source_ids,
                    )
                )
        cited += names
        if date is not None:
            corrections.append(Correction(date, entry["text"].strip(), entry.get("source")))
    return tuple(corrections), cited


def footnote_problems(record: RawRecord, sources: tuple[Source, ...], also_cited: Iterable[str]) -> list[Problem]:
    """Footnotes must name a listed source, and every listed source must be cited."""
    problems: list[Problem] = []
    source_ids = [source.id for source in sources]
    prose = blank_code(record.body)
    for match in FOOTNOTE_DEFINITION.finditer(prose):
        problems.append(
            problem_at(
                record,
                ("body",),
                f"footnote text '[^{match.group(1)}]:' is written from sources:, not in the body; remove it",
                line=body_line(record, prose.count("\n", 0, match.start())),
                expected="the source listed under sources: and cited as [^id]",
            )
        )
    cited = set(also_cited)
    for match in FOOTNOTE_REF.finditer(prose):
        name = match.group(1)
        cited.add(name)
        if name not in source_ids:
            problems.append(
                _unknown_source(
                    record,
                    ("body",),
                    f"footnote [^{name}] names no source",
                    name,
                    source_ids,
                    line=body_line(record, prose.count("\n", 0, match.start())),
                    warning=True,
                )
            )
    for index, source in enumerate(sources):
        if source.id not in cited:
            problems.append(
                problem_at(
                    record,
                    ("sources", index),
                    f"source '{source.id}' is never cited",
                    expected=f"a footnote [^{source.id}] in the body",
                    warning=True,
                )
            )
    return problems


def _unknown_source(
    record: RawRecord,
    field_path: FieldPath,
    message: str,
    name: str,
    source_ids: list[str],
    *,
    line: int | None = None,
    warning: bool = False,
) -> Problem:
    """A citation of `name`, which is none of the file's sources: the ones it lists, and
    the likely one meant."""
    return problem_at(
        record,
        field_path,
        message,
        line=line,
        expected=f"an id listed under sources: ({', '.join(source_ids) or 'none listed'})",
        suggestion=suggest(name, source_ids),
        warning=warning,
    )


def body_links(record: RawRecord) -> tuple[tuple[str, int], ...]:
    """The local targets of the body's links and images, with their lines: addresses with
    a scheme (https:, mailto:), of the site's root (/…) or within the page (#…) are not
    files of the chronology."""
    prose = blank_code(record.body)
    if "](" not in prose and "]:" not in prose:
        return ()
    found = []
    for pattern in (_LINK_TARGET, _LINK_DEFINITION):
        for match in pattern.finditer(prose):
            target = match.group(1)
            if _SCHEME.match(target) or target.startswith(("/", "#", "\\")):
                continue
            found.append((target, record.body_line + prose.count("\n", 0, match.start())))
    return tuple(sorted(found, key=lambda link: link[1]))
