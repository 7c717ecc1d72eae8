"""Every user-visible string the code refers to is written out in en.json."""

from __future__ import annotations

import json
from pathlib import Path
import re

import yaml

ROOT = Path(__file__).parent.parent.parent / "custom_components" / "ankle_care"
STRINGS = json.loads((ROOT / "translations" / "en.json").read_text())
CODE = {path.name: path.read_text() for path in ROOT.rglob("*.py")}


def test_every_raised_error_is_translated() -> None:
    keys: set[str] = set()
    for text in CODE.values():
        keys |= set(re.findall(r'invalid_input\(\s*"([a-z_]+)"', text))
    # the importer's errors are raised as f"import_{reason}"
    from custom_components.ankle_care.domain.importers import Reason

    keys |= {f"import_{reason.value}" for reason in Reason}
    keys.add("import_no_runs")
    assert len(keys) > 20
    assert keys - set(STRINGS["exceptions"]) == set()


def _entity_keys() -> set[str]:
    return {key for platform in STRINGS["entity"].values() for key in platform}


def test_every_entity_translation_key_exists() -> None:
    used = set()
    for text in CODE.values():
        used |= set(re.findall(r'translation_key="([a-z_]+)"', text))
        used |= set(re.findall(r'_attr_translation_key = "([a-z_]+)"', text))
    known = (
        _entity_keys()
        | set(STRINGS["exceptions"])
        | set(STRINGS["issues"])
        | set(STRINGS["selector"])
    )
    assert used - known == set()


def test_every_action_field_is_translated() -> None:
    services = yaml.safe_load((ROOT / "services.yaml").read_text())
    for service, spec in services.items():
        strings = STRINGS["services"][service]
        assert strings["name"]
        assert strings["description"]
        for field in spec.get("fields", {}):
            assert strings["fields"][field]["name"], (service, field)
            assert strings["fields"][field]["description"], (service, field)
        for field, options in _select_options(spec).items():
            translation_key = options["translation_key"]
            translated = STRINGS["selector"][translation_key]["options"]
            assert set(options["options"]) <= set(translated), (service, field)


def _select_options(spec: dict) -> dict:  # type: ignore[type-arg]
    return {
        field: value["selector"]["select"]
        for field, value in (spec.get("fields") or {}).items()
        if value and "select" in (value.get("selector") or {})
    }


def test_every_option_has_a_label_and_description() -> None:
    sections = STRINGS["options"]["step"]["settings"]["sections"]
    for name, section in sections.items():
        assert set(section["data"]) == set(section["data_description"]), name
    for step in ("user", "reconfigure"):
        data = STRINGS["config"]["step"][step]
        assert set(data["data"]) == set(data["data_description"])


def test_reminder_texts_exist_for_every_reminder_kind() -> None:
    from custom_components.ankle_care.domain.plan import ReminderKind

    messages = STRINGS["selector"]["reminder_message"]["options"]
    assert {kind.value for kind in ReminderKind} <= set(messages)
    assert "see_professional_urgent" in messages
    assert all("{runner}" in text for text in messages.values())
