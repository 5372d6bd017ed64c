"""Build ``src/svodka/web/static/world-110m.json``, the country outlines of the web UI's maps.

Run once, by hand; the output is committed. The input is Natural Earth's 1:110m countries
(public domain) as TopoJSON from the npm package ``world-atlas`` (ISC):

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python scripts/build_world_map.py /tmp/package/countries-110m.json

The output keeps, per country, its rings as flat ``[lon, lat, lon, lat, …]`` lists in whole
tenths of a degree (``376`` is 37.6°) with repeated points dropped: no TopoJSON decoder at
run time, and 0.1° is finer than a pixel on any map the UI draws. Rings of fewer than three
points after rounding are dropped.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUTPUT = Path(__file__).parent.parent / "src" / "svodka" / "web" / "static" / "world-110m.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as absolute (lon, lat) points: TopoJSON stores them quantized and delta-coded."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def join_ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple]:
    """A ring from its arc indexes; ``~i`` (negative) is arc ``i`` reversed. Each arc after
    the first repeats the previous arc's last point, so that point is skipped."""
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def round_ring(ring: list[tuple[float, float]]) -> list[int]:
    """A ring as a flat list in tenths of a degree, without consecutive repeats.

    A ring that crosses the antimeridian (Fiji, Chukotka) is unwrapped, its far side moved
    by 360° so the ring stays continuous: 179.9 → -179.9 becomes 179.9 → 180.1, drawn past
    the map's edge instead of as a line across the world."""
    flat: list[int] = []
    shift = 0.0
    for lon, lat in ring:
        if flat and (lon + shift) * 10 - flat[-2] > 1800:
            shift -= 360
        elif flat and (lon + shift) * 10 - flat[-2] < -1800:
            shift += 360
        point = [round((lon + shift) * 10), round(lat * 10)]
        if flat[-2:] != point:
            flat += point
    return flat


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def build(topology: dict) -> dict:
    """The compact outline file from a world-atlas countries topology."""
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = [
            round_ring(join_ring(ring, arcs))
            for polygon in polygons_of(geometry)
            for ring in polygon
        ]
        rings = [ring for ring in rings if len(ring) >= 6]
        if rings:
            name = geometry.get("properties", {}).get("name", "")
            countries.append({"id": geometry.get("id"), "name": name, "rings": rings})
    return {
        "unit": 0.1,
        "source": "Natural Earth 1:110m countries via world-atlas 2 (countries-110m.json)",
        "countries": countries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    data = build(json.loads(args.topojson.read_text(encoding="utf-8")))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"{len(data['countries'])} countries, {len(text) // 1024} KB → {args.output}")


if __name__ == "__main__":
    main()
