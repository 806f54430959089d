"""Wall-display mode (docs/WALL.md): ``presets`` (which panels on which screen; no Qt, so the
command line checks a preset before anything starts), ``panels`` (what a screen is made of),
``controller`` (another set of views on the console's state, and the urgent switch)."""
