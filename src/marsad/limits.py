"""Enforcing the limits of marsad.settings: size checks with clear reasons, bounded
reads, and a per-document wall-clock limit that really interrupts Python code.

The time limit uses SIGALRM (`signal.setitimer`), the one portable way to stop a
runaway regex or loop in CPython from the same thread.  Signals can only be handled
in the main thread, so off the main thread (or where SIGALRM does not exist, or
when a limit is already armed further up the stack) `time_limit` is a no-op and the
size limits are the remaining guard.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import BinaryIO, Iterator

READ_CHUNK = 1 << 16


class DocumentTimeout(Exception):
    """One document took longer than max_doc_seconds."""

    def __init__(self, seconds: float, where: str = "") -> None:
        self.seconds = seconds
        self.where = where
        super().__init__(timeout_reason(seconds, where))


def timeout_reason(seconds: float, where: str = "") -> str:
    place = f" in {where}" if where else ""
    return f"document took longer than max_doc_seconds={seconds:g}{place}"


def over_limit(what: str, size: int, limit_name: str, limit: int, *, at_least: bool = False) -> str:
    """'document is 52,428,800 bytes, over max_doc_bytes=5,000,000' (at_least: size is a lower bound)."""
    qualifier = "more than " if at_least else ""
    return f"{what} is {qualifier}{size:,} {_unit(what)}, over {limit_name}={limit:,}"


def _unit(what: str) -> str:
    return "characters" if "text" in what else "bytes"


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


_armed = False  # a time limit is already running further up the stack


@contextlib.contextmanager
def time_limit(seconds: float | None, where: str = "") -> Iterator[None]:
    """Raise DocumentTimeout in the body after `seconds` (None or 0: no limit)."""
    global _armed
    if not seconds or _armed or not _can_alarm():
        yield
        return

    def _expired(signum, frame):  # noqa: ARG001 - signal handler signature
        raise DocumentTimeout(seconds, where)

    previous = signal.signal(signal.SIGALRM, _expired)
    _armed = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        # Nested so that an alarm landing right here still restores the handler.
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
            _armed = False


def read_capped(stream: BinaryIO, cap: int) -> bytes:
    """At most cap + 1 bytes (one more than allowed tells the caller the input is over)."""
    chunks: list[bytes] = []
    size = 0
    while size <= cap:
        chunk = stream.read(min(READ_CHUNK, cap + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def drain(stream: BinaryIO) -> int:
    """Read a stream to its end without keeping it; returns the bytes skipped."""
    skipped = 0
    while chunk := stream.read(READ_CHUNK):
        skipped += len(chunk)
    return skipped


def bounded_lines(stream: BinaryIO, cap: int) -> Iterator[tuple[bytes, int]]:
    """Lines of a binary stream as (line, size); a line over `cap` bytes is not kept
    (line is b"") but skipped to its end, so one huge line costs no memory."""
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        if len(line) <= cap or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while True:
            rest = stream.readline(READ_CHUNK)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield b"", size
