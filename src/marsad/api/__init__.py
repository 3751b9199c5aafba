"""The HTTP layer: a FastAPI app with a JSON API under /api/ and a server-rendered Arabic web UI.

    from marsad.api import create_app
    app = create_app("marsad.db")          # read-only by default

Routes call marsad.kb.api only (parameterised queries live there).
"""
from __future__ import annotations

from marsad.api.app import create_app

__all__ = ["create_app"]
