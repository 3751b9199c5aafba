"""The web UI's assets: Jinja2 templates, static files (CSS, JS, vendored libraries, the Arabic font)
and the server-side helpers that turn stored spans into safe HTML (`highlight`) and place names into
map coordinates (`places`).  The routes that use them live in marsad.api."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

WEB_DIR = Path(str(resources.files(__name__)))
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"
