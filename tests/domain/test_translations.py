"""Every user-visible string the code refers to is written out in en.json.

The domain gives keys; people see their translations. Entity attributes hold keys
that the frontend translates (`entity`); the texts Ankle Care writes itself
(responses, reminders, calendar events, to-do items) are `common` texts; an
exercise is named by its option of the `exercise` selector.
"""

from __future__ import annotations

from datetime import UTC, date
import re
import string
from typing import Any

import yaml

from custom_components.ankle_care.domain.phase import Referral
from custom_components.ankle_care.domain.plan import ReminderKind
from custom_components.ankle_care.domain.program import (
    EXERCISES,
    ExerciseKey,
    program_history,
)
from custom_components.ankle_care.domain.records import Side
from custom_components.ankle_care.domain.recovery import NEXT_STEP_QUOTES, RecoveryPhase
from custom_components.ankle_care.domain.triage import (
    ARTICLE_QUOTES,
    LOOSEN_WRAP,
    ArticleQuote,
    LikelyCause,
    RedFlag,
)

from .en import COMMON, ROOT, STRINGS

CODE = {path.name: path.read_text() for path in ROOT.rglob("*.py")}
_SERVICES_YAML = (ROOT / "services.yaml").read_text()
# Reminders delivered together with a message of their own (`reminders.py`).
GROUP_MESSAGES = ("ice_session", "elevation_and_compression_check")
_DAY = date(2026, 1, 5)
_TZ = UTC


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
    services = yaml.safe_load(_SERVICES_YAML)
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


def _prefixed(prefix: str) -> dict[str, str]:
    return {
        key.removeprefix(prefix): text
        for key, text in COMMON.items()
        if key.startswith(prefix)
    }


def test_reminder_texts_exist_for_every_reminder_kind() -> None:
    messages = _prefixed("reminder_message_")
    assert {kind.value for kind in ReminderKind} <= set(messages)
    assert "see_professional_urgent" in messages
    assert all("{runner}" in text for text in messages.values())


def test_every_reminder_text_the_code_can_ask_for_is_written_out() -> None:
    messages = {
        *(kind.value for kind in ReminderKind),
        "see_professional_urgent",
        *(f"see_professional_{referral}" for referral in Referral),
        *GROUP_MESSAGES,
    }
    assert set(_prefixed("reminder_message_")) == messages
    assert set(_prefixed("reminder_calendar_")) == {kind.value for kind in ReminderKind}
    assert "{minutes}" in COMMON["reminder_calendar_ice_start"]
    assert set(_prefixed("reminder_button_")) == {"done", "snooze", "skip"}
    assert set(_prefixed("reminder_ankle_")) == {side.value for side in Side}
    assert COMMON["reminder_title"] == "Ankle Care"
    assert COMMON["reminder_not_medical_advice"] == "Not medical advice."


def test_every_key_the_domain_gives_has_its_text() -> None:
    """Next steps, the article's sentences, exercises and program reasons."""
    assert set(_prefixed("next_step_")) == set(NEXT_STEP_QUOTES)
    assert set(_prefixed("article_")) == {quote.value for quote in ArticleQuote}
    assert set(NEXT_STEP_QUOTES.values()) | set(ARTICLE_QUOTES.values()) == set(
        ArticleQuote
    )
    assert set(_prefixed("exercise_how_")) == {key.value for key in ExerciseKey}
    names = STRINGS["selector"]["exercise"]["options"]
    assert set(names) == set(EXERCISES) == {key.value for key in ExerciseKey}
    todo = STRINGS["entity"]["todo"]["prevention_exercises"]["state_attributes"]
    reasons = {
        program_history({_DAY: phase}, [], _TZ)[0].reason for phase in RecoveryPhase
    }
    assert set(todo["reason"]["state"]) == reasons
    assert "not medical advice" in COMMON["not_medical_advice"]


def test_common_texts_are_all_used() -> None:
    """No text is written out that nothing asks for."""
    families = (
        "next_step_",
        "article_",
        "exercise_how_",
        "reminder_message_",
        "reminder_calendar_",
        "reminder_button_",
        "reminder_ankle_",
        "reminder_question_",
        "voice_",  # Assist's answers (tests/integration/test_voice_sentences.py)
        "card_",  # the dashboard card's words (tests/domain/test_card_labels.py)
    )
    single = {"not_medical_advice", "reminder_title", "reminder_not_medical_advice"}
    for key in COMMON:
        assert key in single or key.startswith(families), key


def test_the_likely_cause_sensor_quotes_the_same_sentences() -> None:
    """Its `article` attribute lists quote keys; the frontend shows these texts."""
    shown = STRINGS["entity"]["sensor"]["likely_cause"]["state_attributes"]
    states = shown["article"]["state"]
    behind_a_cause = {
        ARTICLE_QUOTES[key]
        for key in ARTICLE_QUOTES
        if key not in set(RedFlag) and key != LOOSEN_WRAP
    }
    assert set(states) == {quote.value for quote in behind_a_cause}
    for quote, text in states.items():
        assert text == COMMON[f"article_{quote}"]
    assert LikelyCause.NONE not in ARTICLE_QUOTES


def test_disclaimer_attributes_are_translated_values() -> None:
    """Every entity with a `disclaimer` shows the value `not_medical_advice`."""
    with_disclaimer = {
        (platform, key)
        for platform, entities in STRINGS["entity"].items()
        for key, strings in entities.items()
        if "disclaimer" in strings.get("state_attributes", {})
    }
    assert with_disclaimer == {
        ("sensor", "likely_cause"),
        ("sensor", "recovery_phase"),
        ("sensor", "injury_risk"),
        ("sensor", "safe_distance_today"),
        ("binary_sensor", "red_flag"),
        ("binary_sensor", "see_professional"),
    }
    for platform, key in with_disclaimer:
        attribute = STRINGS["entity"][platform][key]["state_attributes"]["disclaimer"]
        assert attribute["state"] == {
            "not_medical_advice": COMMON["not_medical_advice"]
        }


def _values(strings: Any, path: str = "") -> list[tuple[str, str]]:
    if isinstance(strings, str):
        return [(path, strings)]
    return [
        pair
        for key, value in strings.items()
        for pair in _values(value, f"{path}.{key}" if path else key)
    ]


# hassfest's checks of every text (`cv.string_with_no_html`, no URLs).
_HTML = re.compile(r"<[a-z].*?>", re.IGNORECASE)
_URL = re.compile(r"((https?|mqtts?)://|www\.)[a-z0-9]+", re.IGNORECASE)


def test_translations_have_the_shape_hassfest_checks() -> None:
    """`common` is flat with slug keys; entity states take no placeholders."""
    slug = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
    for key, text in COMMON.items():
        assert slug.match(key), key
        assert isinstance(text, str), key
    for path, text in _values(STRINGS):
        assert text == text.strip(), path
        assert not _HTML.search(text), path
        assert not _URL.search(text), path
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field]
        assert all(field.isidentifier() for field in fields), path
        if path.startswith("entity.") and ".state." in path:
            assert not fields, path
