"""Write a throw-away Home Assistant config directory for the Ankle Care demo.

Usage: python scripts/demo_setup.py CONFIG_DIR PORT

Writes configuration.yaml, marks every onboarding step but the owner account as
done (the owner is created over HTTP by demo_onboard.py, as the frontend would),
adds one Ankle Care config entry with about eight weeks of demo history, and makes
the example dashboard (demo_dashboard.yaml: the Ankle Care card beside Home
Assistant's history graph, calendar and to-do list cards) the default dashboard.
Home Assistant migrates these files to its own current format on start.
"""

from __future__ import annotations

from datetime import UTC, datetime
import json
from pathlib import Path
import sys
from typing import Any
from zoneinfo import ZoneInfo

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from demo_data import stored_demo_records  # noqa: E402

from custom_components.ankle_care.const import (  # noqa: E402
    DOMAIN,
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)

TIME_ZONE = "Europe/Amsterdam"
ENTRY_ID = "01JDEMORUNNER0000000000000"
RUNNER = "Demo Runner"
DASHBOARD = Path(__file__).with_name("demo_dashboard.yaml")

CONFIGURATION = """\
# Ankle Care demo: a minimal, explicit Home Assistant (default_config is not used
# because some of its integrations need binaries this machine does not have).
homeassistant:
  name: Ankle Care demo
  latitude: 52.37
  longitude: 4.90
  elevation: 0
  unit_system: metric
  time_zone: {time_zone}
  country: NL
  language: en
  currency: EUR

http:
  server_host: 127.0.0.1
  server_port: {port}

frontend:
api:
config:
history:
logbook:
recorder:
  purge_keep_days: 30
logger:
  default: warning
  logs:
    custom_components.ankle_care: info
system_log:
automation: []
script: {{}}
"""


def _store(key: str, data: Any, version: int = 1, minor: int = 1) -> dict[str, Any]:
    return {"version": version, "minor_version": minor, "key": key, "data": data}


def write_config(config_dir: Path, port: int) -> None:
    """Write the demo config directory (it must not exist yet)."""
    storage = config_dir / ".storage"
    storage.mkdir(parents=True)
    (config_dir / "configuration.yaml").write_text(
        CONFIGURATION.format(port=port, time_zone=TIME_ZONE)
    )
    (config_dir / "custom_components").mkdir()
    (config_dir / "custom_components" / DOMAIN).symlink_to(
        ROOT / "custom_components" / DOMAIN
    )
    files = {
        "onboarding": _store(
            "onboarding", {"done": ["core_config", "analytics", "integration"]}, 4
        ),
        "core.config_entries": _store(
            "core.config_entries",
            {
                "entries": [
                    {
                        "entry_id": ENTRY_ID,
                        "version": 1,
                        "minor_version": 1,
                        "domain": DOMAIN,
                        "title": RUNNER,
                        "data": {"name": RUNNER, "unit": "km"},
                        "options": {},
                        "source": "user",
                        "unique_id": RUNNER.casefold(),
                        "disabled_by": None,
                        "pref_disable_new_entities": False,
                        "pref_disable_polling": False,
                    }
                ]
            },
        ),
        f"{DOMAIN}.{ENTRY_ID}": _store(
            f"{DOMAIN}.{ENTRY_ID}",
            stored_demo_records(datetime.now(UTC), ZoneInfo(TIME_ZONE)),
            STORAGE_VERSION,
            STORAGE_MINOR_VERSION,
        ),
        # The default dashboard, as the frontend stores it once it is edited.
        "lovelace": _store(
            "lovelace", {"config": yaml.safe_load(DASHBOARD.read_text())}
        ),
    }
    for name, content in files.items():
        (storage / name).write_text(json.dumps(content, indent=2))


if __name__ == "__main__":
    write_config(Path(sys.argv[1]), int(sys.argv[2]))
