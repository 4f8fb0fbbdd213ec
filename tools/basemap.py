"""Write the vendored basemap (generator/views/basemap/) from Natural Earth's TopoJSON.

The maps are drawn at build time from land, coasts and country borders of Natural Earth
(public domain) at 1:50m, as the npm package world-atlas packs them (pinned in
package.json, so `npm ci` brings the exact files).  This decodes the TopoJSON (quantized,
delta-encoded arcs), keeps the land's rings and the arcs two countries share (their
borders), rounds coordinates to a hundredth of a degree (about 1 km, finer than a 1:50m
map draws) and writes them delta-encoded, with SOURCE.md saying where they came from.

    python tools/basemap.py   # after npm ci; rewrites basemap.json and SOURCE.md
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ATLAS = REPO / "node_modules" / "world-atlas"
OUT = REPO / "generator" / "views" / "basemap"
NATURAL_EARTH = "4.1.0"
SCALE = 100  # stored coordinates are hundredths of a degree

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """TopoJSON's arcs as (longitude, latitude): each arc's positions are quantized
    integers, every one but the first a difference from the one before."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring joined from its arcs; ~i is arc i backwards; consecutive arcs share a point."""
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def encode(points: list[Point]) -> list[int]:
    """Flat [x0, y0, dx1, dy1, ...] in hundredths of a degree, repeated points dropped."""
    rounded: list[tuple[int, int]] = []
    for lon, lat in points:
        here = (round(lon * SCALE), round(lat * SCALE))
        if not rounded or rounded[-1] != here:
            rounded.append(here)
    flat: list[int] = []
    px = py = 0
    for x, y in rounded:
        flat += (x - px, y - py)
        px, py = x, y
    return flat


def land(topology: dict[str, Any]) -> list[list[int]]:
    arcs = decode_arcs(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            for indices in polygon:
                encoded = encode(ring(indices, arcs))
                if len(encoded) >= 8:  # a ring of at least 4 points (closed)
                    rings.append(encoded)
    return rings


def borders(topology: dict[str, Any]) -> list[list[int]]:
    """The arcs that two different countries share: land borders, not coasts."""
    arcs = decode_arcs(topology)
    users: dict[int, set[int]] = defaultdict(set)
    for number, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        for polygon in polygons(geometry):
            for indices in polygon:
                for index in indices:
                    users[index if index >= 0 else ~index].add(number)
    lines = []
    for index in sorted(users):
        if len(users[index]) > 1:
            encoded = encode(arcs[index])
            if len(encoded) >= 4:
                lines.append(encoded)
    return lines


def main() -> int:
    files = {name: ATLAS / name for name in ("land-50m.json", "countries-50m.json")}
    missing = [str(path) for path in files.values() if not path.exists()]
    if missing:
        print(f"Not found: {', '.join(missing)}. Run 'npm ci' first.", file=sys.stderr)
        return 1
    version = json.loads((ATLAS / "package.json").read_text(encoding="utf-8"))["version"]
    land_topology = json.loads(files["land-50m.json"].read_text(encoding="utf-8"))
    countries_topology = json.loads(files["countries-50m.json"].read_text(encoding="utf-8"))
    data = {"scale": SCALE, "land": land(land_topology), "borders": borders(countries_topology)}
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / "basemap.json"
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    sums = {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in files.items()}
    own = hashlib.sha256(out.read_bytes()).hexdigest()
    (OUT / "SOURCE.md").write_text(
        f"""# The basemap: Natural Earth land, coasts and borders

`basemap.json` holds the land (its rings: the coasts) and the land borders between
countries (the arcs two countries share) of [Natural Earth](https://www.naturalearthdata.com/)
{NATURAL_EARTH} at 1:50m, as packed in TopoJSON by the npm package `world-atlas` {version}
(pinned in package.json).  Coordinates are longitude and latitude in hundredths of a
degree, each position after a ring's or line's first written as its difference from the
one before: `{{"scale": 100, "land": [[x0, y0, dx1, dy1, ...], ...], "borders": [...]}}`.

- Borders are Natural Earth's Admin 0 boundaries: it draws the boundaries in force on the
  ground (de facto), which is no statement by this site about any dispute.
- Licence: Natural Earth is in the public domain ("no permission is needed to use
  Natural Earth"); world-atlas, which packs it, is under the ISC licence.
- Natural Earth version: {NATURAL_EARTH}; world-atlas version: {version}.
- Files it came from (node_modules/world-atlas/), with their SHA-256:
"""
        + "".join(f"  - `{name}`: `{digest}`\n" for name, digest in sums.items())
        + f"""- `basemap.json`'s SHA-256 (checked by tests/unit/test_map.py): `{own}`

Regenerate (after a change of world-atlas's version in package.json):

    npm ci && .venv/bin/python tools/basemap.py
""",
        encoding="utf-8",
    )
    rings, lines = len(data["land"]), len(data["borders"])
    print(f"{out.relative_to(REPO)}: {rings} rings, {lines} borders, {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
