"""Browser-test fixtures: the app served by uvicorn on 127.0.0.1 (a thread) and Debian's headless Chromium.

Playwright drives /usr/bin/chromium and never downloads a browser of its own.
"""
from __future__ import annotations

import importlib.util
import socket
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps"]


def _load_dbs():
    """tests/api/api_dbs.py (the sample and hostile databases), loaded by path."""
    spec = importlib.util.spec_from_file_location("marsad_test_api_dbs", REPO / "tests" / "api" / "api_dbs.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


dbs = _load_dbs()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn in a daemon thread on a free loopback port; stopped by `stop()`."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from marsad.api import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    server = LiveServer(dbs.sample_db(tmp_path_factory.mktemp("live") / "sample.db")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory):
    server = LiveServer(dbs.hostile_db(tmp_path_factory.mktemp("live-hostile") / "hostile.db")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium); .ci/run installs it")
    with playwright_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # a fresh user-data-dir
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1366, "height": 900}, locale="ar",
        )
        yield ctx
        ctx.close()


class Recorder:
    """Every request, console error and dialog of a page."""

    def __init__(self, page) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)

    def assert_offline(self) -> None:
        outside = [u for u in self.requests if not u.startswith("http://127.0.0.1:")]
        assert not outside, f"requests left the machine: {outside}"


@pytest.fixture
def page(browser_context):
    pg = browser_context.new_page()
    rec = Recorder(pg)
    pg.recorder = rec
    yield pg
    pg.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
