"""How precisely a place is known: a fixed vocabulary of words, or a radius in metres.

A map draws every mark as large as its precision (see `views.map`): an event known only
to the province is the province's size on the map, never a sharp point.  The words are
what conflict data and gazetteers use; each stands for the radius of a typical place of
that size, which is what a reader sees when no radius is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Word -> the radius, in metres, a map draws for it.  In order, finest first.
PRECISION_RADII: dict[str, float] = {
    "exact": 10.0,
    "site": 250.0,
    "neighbourhood": 1_000.0,
    "town": 5_000.0,
    "district": 25_000.0,
    "province": 100_000.0,
    "country": 400_000.0,
}
PRECISION_WORDS = tuple(PRECISION_RADII)
# The largest radius an editor may give: half the Earth's circumference.
MAX_RADIUS = 20_000_000.0
_RADIUS = re.compile(r"^([0-9]+(?:\.[0-9]+)?) ?(m|km)?$")


@dataclass(frozen=True, slots=True)
class Precision:
    """How far from its coordinates a place may lie: a word of the vocabulary (with its
    radius), or a radius the editor gave in metres (`word` None)."""

    metres: float
    word: str | None = None

    @property
    def text(self) -> str:
        """As an editor writes it, and as the exports carry it: "town", "500 m"."""
        if self.word:
            return self.word
        return f"{self.metres:g} m" if self.metres < 10_000 else f"{self.metres / 1000:g} km"


def parse_precision(text: str) -> Precision | None:
    """ "town" -> the town's radius; "500 m", "2 km" or "500" -> that radius; None for
    anything else (validation says what is accepted, with the word probably meant)."""
    written = text.strip()
    if written in PRECISION_RADII:
        return Precision(PRECISION_RADII[written], written)
    match = _RADIUS.match(written)
    if not match:
        return None
    metres = float(match[1]) * (1000 if match[2] == "km" else 1)
    return Precision(metres) if 0 < metres <= MAX_RADIUS else None


EXPECTED_PRECISION = f"one of {', '.join(PRECISION_WORDS)}, or a radius like '500 m' or '2 km'"
