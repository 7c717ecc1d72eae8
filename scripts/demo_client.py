"""Talk to the demo Home Assistant over HTTP, as a browser would.

python scripts/demo_client.py onboard URL   wait for the server, create the owner
                                            account (first start only), print the login
python scripts/demo_client.py check URL     log in and verify that Ankle Care is loaded
                                            and the demo runner's device exists
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import aiohttp

USERNAME = "demo"
PASSWORD = "ankle-care-demo"  # noqa: S105 - throw-away demo account on 127.0.0.1
RUNNER = "Demo Runner"


async def wait_until_up(
    session: aiohttp.ClientSession, url: str, patience: float
) -> Any:
    """Return the onboarding steps left once the HTTP server answers."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + patience
    while True:
        try:
            async with session.get(f"{url}/api/onboarding") as response:
                if response.status == 200:
                    return await response.json()
                if response.status == 404:
                    return []  # fully onboarded: the onboarding views are gone
        except aiohttp.ClientError:
            pass
        if loop.time() > deadline:
            raise SystemExit(
                f"Home Assistant did not answer on {url} in {patience:.0f} s"
            )
        await asyncio.sleep(0.5)


async def onboard(url: str) -> None:
    """Create the owner account when the user step is not done yet."""
    async with aiohttp.ClientSession() as session:
        steps = await wait_until_up(session, url, 300)
        if any(step["step"] == "user" and not step["done"] for step in steps):
            async with session.post(
                f"{url}/api/onboarding/users",
                json={
                    "client_id": f"{url}/",
                    "name": "Demo",
                    "username": USERNAME,
                    "password": PASSWORD,
                    "language": "en",
                },
            ) as response:
                response.raise_for_status()
    print(
        "\n"
        f"  Ankle Care demo is running: {url}\n"
        f"  Log in as '{USERNAME}' with password '{PASSWORD}'.\n"
        "  Settings > Devices & services > Ankle Care shows the runner 'Demo Runner'.\n"
        "  Press Ctrl-C to stop.\n",
        flush=True,
    )


async def login(session: aiohttp.ClientSession, url: str) -> str:
    """Log in through the login flow and return an access token."""
    client_id = f"{url}/"
    async with session.post(
        f"{url}/auth/login_flow",
        json={
            "client_id": client_id,
            "handler": ["homeassistant", None],
            "redirect_uri": f"{url}/?auth_callback=1",
        },
    ) as response:
        flow = await response.json()
    async with session.post(
        f"{url}/auth/login_flow/{flow['flow_id']}",
        json={"client_id": client_id, "username": USERNAME, "password": PASSWORD},
    ) as response:
        result = await response.json()
    if result.get("type") != "create_entry":
        raise SystemExit(f"login failed: {result}")
    async with session.post(
        f"{url}/auth/token",
        data={
            "grant_type": "authorization_code",
            "code": result["result"],
            "client_id": client_id,
        },
    ) as response:
        token = await response.json()
    return str(token["access_token"])


async def wait_until_onboarded(session: aiohttp.ClientSession, url: str) -> None:
    """Wait until `onboard` (running beside the server) has created the owner."""
    for _ in range(600):
        steps = await wait_until_up(session, url, 300)
        if all(step["done"] for step in steps):
            return
        await asyncio.sleep(0.5)
    raise SystemExit("onboarding did not finish")


async def check(url: str) -> None:
    """Fail unless the demo runner's entry is loaded and its device exists."""
    async with aiohttp.ClientSession() as session:
        await wait_until_onboarded(session, url)
        token = await login(session, url)
        headers = {"Authorization": f"Bearer {token}"}
        async with session.get(
            f"{url}/api/config/config_entries/entry",
            params={"domain": "ankle_care"},
            headers=headers,
        ) as response:
            entries = await response.json()
        runner = [entry for entry in entries if entry["title"] == RUNNER]
        if not runner or runner[0]["state"] != "loaded":
            raise SystemExit(f"Ankle Care entry not loaded: {entries}")
        entry_id = runner[0]["entry_id"]
        async with session.ws_connect(f"{url}/api/websocket") as ws:
            await ws.receive_json()  # auth_required
            await ws.send_json({"type": "auth", "access_token": token})
            if (await ws.receive_json())["type"] != "auth_ok":
                raise SystemExit("websocket authentication failed")
            await ws.send_json({"id": 1, "type": "config/device_registry/list"})
            devices = (await ws.receive_json())["result"]
        mine = [d for d in devices if entry_id in d["config_entries"]]
        if not any(device["name"] == RUNNER for device in mine):
            raise SystemExit(f"demo runner device missing: {mine}")
        for entity_id in (
            "sensor.demo_runner_recovery_phase",
            "sensor.demo_runner_injury_risk",
            "todo.demo_runner_prevention_exercises",
        ):
            async with session.get(
                f"{url}/api/states/{entity_id}", headers=headers
            ) as response:
                state = await response.json()
            if response.status != 200 or state["state"] in ("unknown", "unavailable"):
                raise SystemExit(f"{entity_id} has no state: {state}")
        print(
            f"demo check passed: entry {entry_id} loaded, device '{RUNNER}' exists, "
            "its sensors have states"
        )


if __name__ == "__main__":
    command, base_url = sys.argv[1], sys.argv[2].rstrip("/")
    asyncio.run(onboard(base_url) if command == "onboard" else check(base_url))
