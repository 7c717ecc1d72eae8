"""The acute and chronic loads are daily averages, and their unit says so.

Earlier releases showed them as km (or AU); their long-term statistics hold the
same numbers, so they are relabelled to the per-day unit instead of being cut off
by the recorder's "unit changed" rule.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.components.recorder import Recorder
from homeassistant.components.recorder.models import StatisticMeanType
from homeassistant.components.recorder.models.statistics import StatisticMetaData
from homeassistant.components.recorder.statistics import (
    async_import_statistics,
    get_metadata,
)
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

ACUTE = "sensor.alex_acute_load_7_days"
CHRONIC = "sensor.alex_chronic_load_28_days"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    recorder_db_url: str, enable_custom_integrations: None
) -> None:
    """Load Ankle Care; the recorder's database is prepared before Home Assistant."""


def _import(hass: HomeAssistant, statistic_id: str, unit: str, mean: float) -> None:
    metadata: dict[str, Any] = {
        "has_sum": False,
        "mean_type": StatisticMeanType.ARITHMETIC,
        "name": None,
        "source": "recorder",
        "statistic_id": statistic_id,
        "unit_of_measurement": unit,
    }
    if "unit_class" in StatisticMetaData.__annotations__:  # 2025.10 and newer
        metadata["unit_class"] = "distance" if unit == "km" else None
    start = dt_util.utcnow().replace(minute=0, second=0, microsecond=0)
    async_import_statistics(
        hass,
        StatisticMetaData(**metadata),
        [{"start": start - timedelta(hours=2), "mean": mean, "min": mean, "max": mean}],
    )


async def test_daily_load_units_and_old_statistics(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
) -> None:
    """km becomes km/d in the states and in statistics recorded in km; others stay."""
    _import(hass, ACUTE, "km", 7.2)
    _import(hass, CHRONIC, "AU", 180.0)  # not what this runner's sensor ever showed
    await async_wait_recording_done(hass)

    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await async_wait_recording_done(hass)

    for entity_id in (ACUTE, CHRONIC):
        assert hass.states.get(entity_id).attributes["unit_of_measurement"] == "km/d"
    found = await recorder_mock.async_add_executor_job(
        lambda: get_metadata(hass, statistic_ids={ACUTE, CHRONIC})
    )
    acute, chronic = found[ACUTE][1], found[CHRONIC][1]
    assert acute["unit_of_measurement"] == "km/d"
    assert acute.get("unit_class") is None
    assert chronic["unit_of_measurement"] == "AU"


@pytest.mark.parametrize("entry_options", [{"load_basis": "session_rpe"}])
async def test_session_rpe_loads_per_day(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
) -> None:
    """With session RPE the averages are AU per day; AU statistics get AU/d."""
    _import(hass, ACUTE, "AU", 210.0)
    await async_wait_recording_done(hass)

    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await async_wait_recording_done(hass)

    assert hass.states.get(ACUTE).attributes["unit_of_measurement"] == "AU/d"
    found = await recorder_mock.async_add_executor_job(
        lambda: get_metadata(hass, statistic_ids={ACUTE})
    )
    assert found[ACUTE][1]["unit_of_measurement"] == "AU/d"
