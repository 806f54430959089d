"""Reading raster tiles from an MBTiles file (SQLite; spec 1.3): the map's base layer on a closed
network, served to the page through a URL scheme handler instead of a local web server."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

RASTER_FORMATS = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}


class MBTilesError(ValueError):
    """An MBTiles file that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True, slots=True)
class MBTilesInfo:
    name: str
    format: str
    mime: str
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None  # west, south, east, north
    attribution: str


class MBTiles:
    """One MBTiles file, opened read-only. ``tile(z, x, y)`` takes XYZ (Leaflet) numbering; the
    file stores TMS rows (y counted from the south), so the row is flipped here."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise MBTilesError(f"{self.path}: no such MBTiles file")
        self._local = threading.local()  # one connection per thread: sqlite3 objects stay in their thread
        try:
            meta = dict(self._conn().execute("SELECT name, value FROM metadata").fetchall())
            zooms = self._conn().execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        except sqlite3.DatabaseError as e:
            raise MBTilesError(f"{self.path}: not an MBTiles file ({e})") from None
        fmt = str(meta.get("format", "png")).lower()
        if fmt not in RASTER_FORMATS:
            raise MBTilesError(f"{self.path}: tile format {fmt!r} is not a raster format "
                               f"({', '.join(sorted(RASTER_FORMATS))}); vector tiles are not supported")
        if zooms is None or zooms[0] is None:
            raise MBTilesError(f"{self.path}: holds no tiles")
        bounds = None
        if meta.get("bounds"):
            try:
                w, s, e, n = (float(v) for v in str(meta["bounds"]).split(","))
                bounds = (w, s, e, n)
            except ValueError:
                raise MBTilesError(f"{self.path}: metadata bounds {meta['bounds']!r} is not 'west,south,east,north'") \
                    from None
        self.info = MBTilesInfo(
            name=str(meta.get("name", self.path.stem)), format=fmt, mime=RASTER_FORMATS[fmt],
            min_zoom=int(meta.get("minzoom", zooms[0])), max_zoom=int(meta.get("maxzoom", zooms[1])),
            bounds=bounds, attribution=str(meta.get("attribution", "")),
        )

    def _conn(self) -> sqlite3.Connection:
        c = getattr(self._local, "conn", None)
        if c is None:
            c = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            self._local.conn = c
        return c

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile's bytes, or None when the file has no such tile."""
        if z < 0 or not (0 <= x < 2 ** z and 0 <= y < 2 ** z):
            return None
        row = self._conn().execute(
            "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
            (z, x, (2 ** z - 1) - y),
        ).fetchone()
        return bytes(row[0]) if row else None


def write_mbtiles(path: str | Path, tiles: dict[tuple[int, int, int], bytes], *, fmt: str = "png",
                  name: str = "tiles", bounds: tuple[float, float, float, float] | None = None) -> Path:
    """Write a small MBTiles file from XYZ-numbered tiles (used by tests and tools)."""
    path = Path(path)
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        c.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
        c.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
        zs = [z for z, _, _ in tiles]
        meta = {"name": name, "format": fmt, "minzoom": str(min(zs)), "maxzoom": str(max(zs))}
        if bounds:
            meta["bounds"] = ",".join(str(v) for v in bounds)
        c.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
        c.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                      [(z, x, (2 ** z - 1) - y, data) for (z, x, y), data in tiles.items()])
    return path
