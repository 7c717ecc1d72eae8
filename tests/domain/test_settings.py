"""The severe-pain threshold: 7 by default, settable from 6 to 8 (0-10 scale)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from custom_components.ankle_care.domain.records import Soreness
from custom_components.ankle_care.domain.settings import (
    NUMERIC_OPTIONS,
    Limit,
    Settings,
    migrate_options_to_1_2,
)
from custom_components.ankle_care.domain.triage import RedFlag, red_flags

NOW = datetime(2025, 5, 5, 7, 0, tzinfo=UTC)


def _sore(severity: int) -> Soreness:
    return Soreness(id="s", time=NOW, severity=severity)


def test_severe_pain_threshold_defaults_to_7_within_6_to_8() -> None:
    assert NUMERIC_OPTIONS["severe_pain_threshold"] == (7, Limit(6, 8))
    assert Settings().severe_pain_threshold == 7
    assert Settings.from_options({}).severe_pain_threshold == 7


@pytest.mark.parametrize(
    ("stored", "threshold"),
    [(5, 6), (6, 6), (7, 7), (8, 8), (9, 8), (10, 8)],
)
def test_stored_threshold_is_clamped_to_6_to_8(stored: int, threshold: int) -> None:
    settings = Settings.from_options({"severe_pain_threshold": stored})
    assert settings.severe_pain_threshold == threshold


@pytest.mark.parametrize(("severity", "flagged"), [(6, False), (7, True), (10, True)])
def test_pain_7_is_a_red_flag_by_default(severity: int, flagged: bool) -> None:
    assert (RedFlag.SEVERE_PAIN in red_flags(_sore(severity), Settings())) is flagged


def test_no_setting_lets_pain_8_pass() -> None:
    settings = Settings.from_options({"severe_pain_threshold": 10})
    assert RedFlag.SEVERE_PAIN in red_flags(_sore(8), settings)


@pytest.mark.parametrize(
    ("stored", "migrated"),
    [(8, 7), (9, 8), (10, 8), (6, 6), (7, 7), (8.0, 7), (9.0, 8)],
)
def test_migration_to_1_2_maps_only_the_stored_threshold(
    stored: float, migrated: int
) -> None:
    options = {"ice_minutes": 15, "severe_pain_threshold": stored}
    result = migrate_options_to_1_2(options)
    assert result == {"ice_minutes": 15, "severe_pain_threshold": migrated}
    assert options["severe_pain_threshold"] == stored  # the input is not changed


def test_migration_to_1_2_leaves_options_without_the_threshold() -> None:
    assert migrate_options_to_1_2({}) == {}
    assert migrate_options_to_1_2({"ice_minutes": 15}) == {"ice_minutes": 15}
