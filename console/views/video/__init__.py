"""The video wall (docs/VIDEO.md): ``player`` plays one stream and knows the tile states,
``tile`` paints one camera, ``wall`` lays the tiles out and pins cameras, ``menu`` is a
position's context menu."""

from .paint import DRILL_MARK
from .player import (
    CONNECTING,
    EMPTY,
    IDLE,
    NO_SIGNAL,
    PLACEHOLDER,
    PLAYING,
    STATES,
    UNAVAILABLE,
    StreamPlayer,
    StreamPolicy,
    camera_of,
    safe_url,
    stream_qurl,
)
from .tile import LARGE_SCALE, TILE_MIME, CameraTile
from .wall import LAYOUTS, MAX_TILES, VideoWall

__all__ = ["CONNECTING", "DRILL_MARK", "EMPTY", "IDLE", "LARGE_SCALE", "LAYOUTS", "MAX_TILES", "NO_SIGNAL",
           "PLACEHOLDER", "PLAYING", "STATES", "TILE_MIME", "UNAVAILABLE", "CameraTile", "StreamPlayer", "StreamPolicy",
           "VideoWall", "camera_of", "safe_url", "stream_qurl"]
