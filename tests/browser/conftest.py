"""One real Home Assistant with the demo data and one headless Chromium for the test.

The server is the README's demo (`scripts/demo`: Home Assistant 2025.4.4 with its
frontend, the demo runner with eight weeks of history, the example dashboard),
started from scratch in `.browser-test/demo` on its own port and stopped with
Ctrl-C at the end. The browser is Debian's chromium driven by Playwright; the login
is done over HTTP, as the login page would, and its tokens handed to the frontend.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
import json
import os
from pathlib import Path
import shutil
import signal
import subprocess
import time
from typing import Any
import urllib.error
import urllib.request

from playwright.sync_api import (
    APIRequestContext,
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    sync_playwright,
)
import pytest

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / ".browser-test"
PORT = int(os.environ.get("ANKLE_CARE_BROWSER_TEST_PORT", "18124"))
URL = f"http://127.0.0.1:{PORT}"
USERNAME = "demo"
PASSWORD = "ankle-care-demo"  # noqa: S105 - the throw-away demo account
CHROMIUM = os.environ.get("ANKLE_CARE_CHROMIUM", "/usr/bin/chromium")
# Flags for a machine without a network: no background calls home, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT_S = 300


@dataclass
class Server:
    """The running demo: its URL, log file and an authenticated API client."""

    url: str
    log: Path
    api: APIRequestContext
    tokens: dict[str, Any]

    def state(self, entity_id: str) -> dict[str, Any]:
        """Return an entity's state over the REST API."""
        response = self.api.get(f"/api/states/{entity_id}")
        assert response.ok, f"{entity_id}: {response.status} {response.text()}"
        return dict(response.json())


@dataclass
class Console:
    """What the page wrote to the console and the errors it raised."""

    errors: list[str] = field(default_factory=list)

    def on_message(self, message: ConsoleMessage) -> None:
        """Keep the errors."""
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location})")

    def on_page_error(self, error: Exception) -> None:
        """Keep uncaught exceptions."""
        self.errors.append(f"page error: {error}")


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
        return json.load(response)


def _wait_until_onboarded(process: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until the server answers and the demo's owner account exists."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the demo stopped (exit {process.returncode}); see {log}")
        try:
            steps = _get_json(f"{URL}/api/onboarding")
            if all(step["done"] for step in steps):
                return
        except urllib.error.HTTPError as err:
            if err.code == 404:  # onboarding finished: its views are gone
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"Home Assistant did not come up on {URL} in {START_TIMEOUT_S} s")


def _login(playwright: Playwright) -> dict[str, Any]:
    """Log in through the login flow, as the login page does, and return the tokens."""
    client_id = f"{URL}/"
    http = playwright.request.new_context(base_url=URL)
    try:
        flow = http.post(
            "/auth/login_flow",
            data={
                "client_id": client_id,
                "handler": ["homeassistant", None],
                "redirect_uri": f"{URL}/?auth_callback=1",
            },
        ).json()
        result = http.post(
            f"/auth/login_flow/{flow['flow_id']}",
            data={"client_id": client_id, "username": USERNAME, "password": PASSWORD},
        ).json()
        assert result["type"] == "create_entry", result
        token = http.post(
            "/auth/token",
            form={
                "grant_type": "authorization_code",
                "code": result["result"],
                "client_id": client_id,
            },
        ).json()
    finally:
        http.dispose()
    # The frontend's own token storage (localStorage.hassTokens).
    return {
        "hassUrl": URL,
        "clientId": client_id,
        "expires": int(time.time() * 1000) + token["expires_in"] * 1000,
        "refresh_token": token["refresh_token"],
        "access_token": token["access_token"],
        "expires_in": token["expires_in"],
        "token_type": "Bearer",
    }


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Start Playwright's driver."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def server(playwright: Playwright) -> Iterator[Server]:
    """Start the demo from scratch; stop it with Ctrl-C at the end."""
    demo_dir = OUT / "demo"
    shutil.rmtree(demo_dir, ignore_errors=True)
    OUT.mkdir(exist_ok=True)
    log = OUT / "demo.log"
    env = {
        **os.environ,
        "ANKLE_CARE_DEMO_DIR": str(demo_dir),
        "ANKLE_CARE_DEMO_PORT": str(PORT),
    }
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - the project's own script
            [str(ROOT / "scripts" / "demo")],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_until_onboarded(process, log)
        tokens = _login(playwright)
        api = playwright.request.new_context(
            base_url=URL,
            extra_http_headers={"Authorization": f"Bearer {tokens['access_token']}"},
        )
        yield Server(url=URL, log=log, api=api, tokens=tokens)
        api.dispose()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Launch Debian's chromium, headless."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/browser-env installs it")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def console() -> Console:
    """Collect the page's console errors over the whole session."""
    return Console()


@pytest.fixture(scope="session")
def context(browser: Browser, server: Server) -> Iterator[BrowserContext]:
    """One browser context, logged in, light colour scheme, a tall window."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 2200}, color_scheme="light"
    )
    tokens = json.dumps(json.dumps(server.tokens))
    context.add_init_script(f"window.localStorage.setItem('hassTokens', {tokens});")
    yield context
    context.close()


@pytest.fixture(scope="session")
def page(context: BrowserContext, console: Console) -> Page:
    """The one page of the session; its console errors are collected."""
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.on("console", console.on_message)
    page.on("pageerror", console.on_page_error)
    return page
