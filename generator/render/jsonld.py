"""schema.org JSON-LD for event, actor and place pages, made from their views.

Dates only as precise as known ("2023-12" for a month; nothing when the year is not
given); addresses only when the site's address is configured.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from generator.core.model import Coordinates
from generator.urls import SiteAddress
from generator.views.pages import ActorPage, CorrectionLine, EventPage, PageView
from generator.views.pieces import ActorLink, Citation, PlaceLink
from generator.views.places import PlacePage


def page_jsonld(view: PageView, address: SiteAddress) -> Markup | None:
    if isinstance(view, EventPage):
        return script_json(event_jsonld(view, address))
    if isinstance(view, ActorPage):
        return script_json(actor_jsonld(view, address))
    if isinstance(view, PlacePage) and view.path == view.place.path:
        return script_json(place_jsonld(view, address))
    return None


def event_jsonld(view: EventPage, address: SiteAddress) -> dict[str, object]:
    data: dict[str, object] = {"@context": "https://schema.org", "@type": "Event", "name": view.title}
    if address.absolute(view.path):
        data["url"] = address.absolute(view.path)
    if view.start:
        data["startDate"] = view.start
    if view.end:
        data["endDate"] = view.end
    if view.summary:
        data["description"] = view.summary
    if view.lang:
        data["inLanguage"] = view.lang
    if view.place or view.coordinates:
        place: dict[str, object] = _place(view.place_link, address) if view.place_link else {"@type": "Place"}
        if view.place:
            place["name"] = view.place
        if view.coordinates:
            place["geo"] = _geo(view.coordinates)
        data["location"] = place
    if view.participants:
        data["about"] = [_thing(participant.actor, address) for participant in view.participants]
    if view.corrections:
        data["correction"] = _corrections(view.corrections)
    if view.citations:
        data["citation"] = [_work(citation) for citation in view.citations]
    return data


def _work(citation: Citation) -> dict[str, object]:
    """A source as schema.org's CreativeWork, with its snapshot (archivedAt)."""
    work: dict[str, object] = {"@type": "CreativeWork", "name": citation.title, "publisher": citation.publisher}
    if citation.url:
        work["url"] = citation.url
    if citation.archived:
        work["archivedAt"] = citation.archived
    if citation.lang:
        work["inLanguage"] = citation.lang
    return work


def _corrections(lines: tuple[CorrectionLine, ...]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for line in lines:
        comment: dict[str, object] = {"@type": "CorrectionComment", "text": line.text}
        if line.published:
            comment["datePublished"] = line.published
        found.append(comment)
    return found


def actor_jsonld(view: ActorPage, address: SiteAddress) -> dict[str, object]:
    # No inLanguage: schema.org gives it to works and events, not to a Person or an
    # Organization, whose page alone is in the file's language.
    data: dict[str, object] = {"@context": "https://schema.org", **_thing(view.actor, address)}
    if view.aliases:
        data["alternateName"] = list(view.aliases)
    if view.summary:
        data["description"] = view.summary
    if view.parents:
        data["memberOf"] = [_thing(parent.actor, address) for parent in view.parents]
    if view.corrections:
        data["correction"] = _corrections(view.corrections)
    return data


def place_jsonld(view: PlacePage, address: SiteAddress) -> dict[str, object]:
    """A Place, in the places it lies in (containedInPlace, nearest first, each in the next)."""
    data: dict[str, object] = {"@context": "https://schema.org", **_place(view.place, address)}
    if view.aliases:
        data["alternateName"] = list(view.aliases)
    if view.summary:
        data["description"] = view.summary
    if view.coordinates:
        data["geo"] = _geo(view.coordinates)
    inner = data
    for parent in view.within:
        inner["containedInPlace"] = inner = _place(parent, address)
    if view.corrections:
        data["correction"] = _corrections(view.corrections)
    return data


def _place(place: PlaceLink, address: SiteAddress) -> dict[str, object]:
    found: dict[str, object] = {"@type": "Place", "name": place.name}
    if address.absolute(place.path):
        found["url"] = address.absolute(place.path)
    return found


def _geo(where: Coordinates) -> dict[str, object]:
    """Coordinates as GeoCoordinates; a place known only roughly as a GeoCircle of its
    precision's radius, so that a reader of the data does not take it for a point."""
    point = {"@type": "GeoCoordinates", "latitude": where.latitude, "longitude": where.longitude}
    if where.precision is None or where.precision.word == "exact":
        return point
    return {"@type": "GeoCircle", "geoMidpoint": point, "geoRadius": where.precision.metres}


def _thing(actor: ActorLink, address: SiteAddress) -> dict[str, object]:
    thing: dict[str, object] = {"@type": "Person" if actor.kind == "person" else "Organization", "name": actor.name}
    if address.absolute(actor.path):
        thing["url"] = address.absolute(actor.path)
    return thing


def script_json(data: dict[str, object]) -> Markup:
    """JSON safe inside <script>: no '<', '>' or '&' can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))  # compact: on every page
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
