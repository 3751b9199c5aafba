"""Database access for request handlers: one SQLite connection per worker thread.

FastAPI runs sync handlers in a thread pool; a sqlite3 connection must not be
used by two threads at once, so each thread opens its own (lazily) and keeps it.
"""
from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request

from marsad.store.db import connect


@dataclass
class ConnectionPool:
    path: Path
    readonly: bool = True
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _all: list[sqlite3.Connection] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def get(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, readonly=self.readonly)
            if self.readonly:
                conn.execute("PRAGMA query_only = ON")  # belt and braces over mode=ro
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()


def get_conn(request: Request) -> sqlite3.Connection:
    """FastAPI dependency: this thread's connection to the app's database."""
    return request.app.state.pool.get()
