"""The incident panel: ``panel`` (the selected incident, its clock, details and timeline),
``build`` (its widgets), ``actions`` (what it sends, and the choices it offers), ``common``."""

from .common import ACTION_NAMES
from .panel import IncidentPanel

__all__ = ["ACTION_NAMES", "IncidentPanel"]
