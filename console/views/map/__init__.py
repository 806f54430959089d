"""The live map (docs/MAP.md): ``page`` builds and serves the base page (Leaflet from a Python
package, the closed-network guard, MBTiles), ``view`` is the widget that draws the console's
state on it."""

from .page import (
    LOCAL_SCHEMES,
    SCHEME,
    BaseMap,
    MBTilesHandler,
    RequestGuard,
    build_page,
    register_schemes,
    release_pages,
    shared_profile,
)
from .view import MapView

__all__ = ["LOCAL_SCHEMES", "SCHEME", "BaseMap", "MBTilesHandler", "MapView", "RequestGuard", "build_page",
           "register_schemes", "release_pages", "shared_profile"]
