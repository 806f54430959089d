"""What a console knows, without Qt (napari's ``components/`` beside its ``_qt/``): the replica of
incidents, units, teams, cameras and notices, the connection, and the facts derived from them.
Views subscribe to its plain-Python signals; a replay will drive the same state from history."""

from .console import ConsoleState
from .signals import Signal

__all__ = ["ConsoleState", "Signal"]
