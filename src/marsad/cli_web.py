"""`marsad serve`: the web UI and JSON API over a knowledge base (FastAPI + uvicorn).

Loopback only unless --allow-remote is given, and read-only (SQLite mode=ro).
"""
from __future__ import annotations

import ipaddress
from pathlib import Path

import typer

from marsad.cli import DB_OPTION, EXIT_FATAL, err

EXIT_USAGE = 2


def register(app: typer.Typer) -> None:
    app.command()(serve)


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name other than localhost: may resolve anywhere
        return False


def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port (0 picks a free one)."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Allow binding a non-loopback address."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn log level."),
) -> None:
    """Serve the Arabic web UI and the JSON API (/api/, schema at /api/openapi.json), read-only."""
    import uvicorn

    from marsad.api import create_app
    from marsad.store.db import StoreError

    if not is_loopback(host):
        if not allow_remote:
            err.print(f"[red]refusing to bind {host}[/red]: not a loopback address; pass --allow-remote to expose the server")
            raise typer.Exit(EXIT_USAGE)
        err.print(f"[yellow]warning[/yellow]: serving on {host}:{port} — reachable from other machines (read-only, no authentication)")
    try:
        application = create_app(db, readonly=True)
    except StoreError as e:
        err.print(f"[red]fatal[/red] {e}")
        raise typer.Exit(EXIT_FATAL) from e
    err.print(f"marsad: http://{host}:{port}/  (database {db}, read-only)")
    uvicorn.run(application, host=host, port=port, log_level=log_level, server_header=False, proxy_headers=False)
