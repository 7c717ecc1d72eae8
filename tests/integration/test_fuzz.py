"""Property-based tests (hypothesis) over every action's fields and the flows.

For every action, at least `EXAMPLES` generated calls (mixing good values with NaN,
infinity, `10**309`, lone surrogates, overlong text, dates from year 1 to 9999 with
any offset, wrong types and missing fields) prove:

- bad input only ever raises a translated `ServiceValidationError` (a key of
  `translations/en.json`) or the schema's `vol.Invalid`, and changes nothing the
  door holds (records, shoes, reminder state);
- good input is accepted, and stored exactly: the one new record equals what the
  call asked for (read back from the door's book), the entities show it, and after
  a restart (reload from the store) the runner holds exactly what it held before.

The generation is derandomized (the same examples every run) and has no deadline;
the examples run in an executor thread, each call handed to Home Assistant's loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
import json
import os
from pathlib import Path
import shutil
from typing import Any
from unittest.mock import AsyncMock, patch

from homeassistant.config_entries import SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
from hypothesis import HealthCheck, given, settings, strategies as st
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol

from custom_components.ankle_care.const import DOMAIN
from custom_components.ankle_care.domain.program import ExerciseKey
from custom_components.ankle_care.domain.records import (
    KM_PER_MILE,
    Location,
    Side,
    Surface,
    TreatmentKind,
)
from custom_components.ankle_care.domain.settings import NUMERIC_OPTIONS
from custom_components.ankle_care.limits import (
    MAX_NAME_LENGTH,
    MAX_NOTE_LENGTH,
    MAX_REPS,
    MAX_SECONDS,
    MAX_SETS,
)
from custom_components.ankle_care.services import ACTIONS

from .helpers import write_pending

EXAMPLES = 1000
settings.register_profile(
    "ankle-care-fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)
FUZZ = settings.get_profile("ankle-care-fuzz")
FLOW_EXAMPLES = 400
"""The flows' forms: fewer examples, each one a whole flow (or a shoe saved)."""
FLOWS = settings(FUZZ, max_examples=FLOW_EXAMPLES)

TRANSLATIONS = Path(__file__).parents[2] / (
    "custom_components/ankle_care/translations/en.json"
)
EXCEPTION_KEYS = set(json.loads(TRANSLATIONS.read_text())["exceptions"])
ENTRY_ID = "01JALEXRUNNER0000000000000"

# --- strategies -------------------------------------------------------------------

SURROGATES = st.characters(categories=["Cs"])
TEXT = st.one_of(
    st.text(max_size=30),
    st.text(st.one_of(SURROGATES, st.characters()), min_size=1, max_size=10),
    st.integers(MAX_NOTE_LENGTH - 1, MAX_NOTE_LENGTH + 1).map(lambda n: "n" * n),
    st.just("x" * (MAX_NAME_LENGTH + 1)),
)
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=1),
    st.sampled_from(["", "abc", "nan", "inf", "-inf", "1e400", "NaN", "٣"]),
)
NUMBER = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**400), 10**400),
    st.sampled_from([10**309, -(10**309), 2**1024, 1e308, -0.0]),
    st.integers(-5, 2000),
    st.floats(-5, 2000),
)
OFFSETS = st.builds(
    timezone,
    st.timedeltas(
        min_value=-timedelta(hours=23, minutes=59),
        max_value=timedelta(hours=23, minutes=59),
    ),
)
MINUTE_OFFSETS = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
"""The offsets ISO 8601 text carries (whole minutes)."""
ANY_MOMENT = st.datetimes(
    min_value=datetime(1, 1, 1),  # noqa: DTZ001 - naive bounds, any offset
    max_value=datetime(9999, 12, 31, 23, 59, 59),  # noqa: DTZ001
    timezones=st.one_of(st.none(), OFFSETS),
)
TIME = st.one_of(
    ANY_MOMENT,
    ANY_MOMENT.map(datetime.isoformat),
    st.sampled_from(["0001-01-01", "9999-12-31T23:59:59-23:59", "1989-12-31"]),
)


def wild(good: st.SearchStrategy[Any], *bad: st.SearchStrategy[Any]) -> Any:
    """Return a field's values: good ones half of the time, anything otherwise."""
    return st.one_of(good, good, *(bad or (NUMBER, TEXT, JUNK)))


def good_time(now: datetime, days: float = 300) -> st.SearchStrategy[str]:
    """Return moments of the last `days` days, in any offset, as ISO text.

    Soreness, treatments and visits keep to the last hours: each one in the past
    replays the recovery from there, which is what makes those calls slow (the
    wild times still range over all of 1-9999).
    """
    moment = st.datetimes(
        min_value=(now - timedelta(days=days)).replace(tzinfo=None),
        max_value=(now - timedelta(minutes=1)).replace(tzinfo=None),
    )
    return st.builds(
        lambda value, offset: value.replace(tzinfo=UTC).astimezone(offset).isoformat(),
        moment,
        MINUTE_OFFSETS,
    )


def note() -> st.SearchStrategy[str]:
    return st.text(max_size=40)


def choices(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([item.value for item in enum])


def call(
    required: dict[str, Any], optional: dict[str, Any], good: bool
) -> st.SearchStrategy[tuple[bool, dict[str, Any]]]:
    """Return calls: (whether every field is good, the call's data)."""
    return st.tuples(
        st.just(good),
        st.fixed_dictionaries(required, optional=optional),
    )


def action_calls(
    required: dict[str, tuple[Any, Any]], optional: dict[str, tuple[Any, Any]]
) -> st.SearchStrategy[tuple[bool, dict[str, Any]]]:
    """Good calls (only good values) and wild calls (anything, fields missing)."""
    good = call(
        {name: pair[0] for name, pair in required.items()},
        {name: pair[0] for name, pair in optional.items()},
        True,
    )
    wild_required = {name: pair[1] for name, pair in required.items()}
    bad = call(
        {},
        {**wild_required, **{name: pair[1] for name, pair in optional.items()}},
        False,
    )
    return st.one_of(good, bad, bad)


# --- running examples against Home Assistant ----------------------------------------


async def run_examples(
    hass: HomeAssistant,
    strategy: st.SearchStrategy[Any],
    check: Callable[[Any], Coroutine[Any, Any, None]],
    profile: settings,
) -> None:
    """Run the generated examples; fail unless every one of them ran.

    Hypothesis runs in an executor thread; each example's check runs on Home
    Assistant's loop, which is free while this coroutine waits for the thread.
    """
    ran = [0]

    @profile
    @given(strategy)
    def prop(example: Any) -> None:
        ran[0] += 1
        asyncio.run_coroutine_threadsafe(check(example), hass.loop).result(60)

    await hass.async_add_executor_job(prop)
    assert ran[0] >= (profile.max_examples or 0)


@dataclass
class Fuzz:
    """Runs examples in an executor thread, each call on Home Assistant's loop."""

    hass: HomeAssistant
    entry: MockConfigEntry
    counts: dict[str, int] = field(default_factory=dict)

    def run[T](self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.hass.loop).result(60)

    async def examples(
        self,
        strategy: st.SearchStrategy[Any],
        check: Callable[[Any], Coroutine[Any, Any, None]],
        profile: settings = FUZZ,
    ) -> None:
        await run_examples(self.hass, strategy, check, profile)

    def held(self) -> tuple[Any, ...]:
        """Return what the door holds; records are frozen, so identity is content."""
        book = self.entry.runtime_data.door.book
        records = book.records
        return (
            tuple(records.runs),
            tuple(records.soreness),
            tuple(records.treatments),
            tuple(records.exercises),
            tuple(records.shoes),
            tuple(records.visits),
            records.default_shoe_id,
            book.state.reminders,
            book.archive,
        )

    async def call(
        self, service: str, data: dict[str, Any], good: bool
    ) -> dict[str, Any] | None:
        """Call an action; None when it refused cleanly and changed nothing."""
        before = self.held()
        try:
            response = await self.hass.services.async_call(
                DOMAIN,
                service,
                {"config_entry_id": ENTRY_ID, **data},
                blocking=True,
                return_response=True,
            )
        except ServiceValidationError as err:
            translated = (err.translation_domain, err.translation_key)
            assert translated[0] == DOMAIN, translated
            assert translated[1] in EXCEPTION_KEYS, translated
            outcome = "translated"
        except vol.Invalid:
            outcome = "invalid"
        else:
            assert isinstance(response, dict)
            self.counts["accepted"] = self.counts.get("accepted", 0) + 1
            return response
        assert not good, (service, data, outcome)
        assert self.held() == before, (service, data)
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        return None

    def added(self, before: tuple[Any, ...], index: int) -> Any:
        """Return the one record added to collection `index`; nothing else changed."""
        after = self.held()
        for position, (old, new) in enumerate(zip(before, after, strict=True)):
            if position == index:
                assert len(new) == len(old) + 1
            elif position < 6:
                assert old == new, position
        (record,) = set(after[index]) - set(before[index])
        return record


def at_utc(value: Any) -> datetime:
    """Return a time field as the door stores it (naive is local time)."""
    moment = value if isinstance(value, datetime) else dt_util.parse_datetime(value)
    assert moment is not None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt_util.get_default_time_zone())
    return dt_util.as_utc(moment)


async def restart_keeps(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Write, reload from the store: the runner holds exactly the same records."""
    before = entry.runtime_data.door.book.records.to_dict()
    await write_pending(hass)
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.runtime_data.door.book.records.to_dict() == before


@pytest.fixture
def fuzz(hass: HomeAssistant, init_integration: MockConfigEntry) -> Fuzz:
    return Fuzz(hass, init_integration)


def test_every_action_is_fuzzed() -> None:
    fuzzed = {
        name.removeprefix("test_fuzz_")
        for name, value in globals().items()
        if name.startswith("test_fuzz_") and callable(value)
    }
    actions = {name for name, *_ in ACTIONS}
    assert actions - {"export_data", "import_data", "delete_data"} <= fuzzed | {
        "delete_soreness",
        "delete_professional_visit",
    }


# --- the actions --------------------------------------------------------------------


async def test_fuzz_log_run(hass: HomeAssistant, fuzz: Fuzz) -> None:
    now = dt_util.utcnow()
    strategy = action_calls(
        {"distance": (st.floats(0.01, 300), NUMBER)},
        {
            "unit": (st.sampled_from(["km", "mi"]), TEXT),
            "duration_minutes": (st.integers(1, 1440), NUMBER),
            "rpe": (st.integers(1, 10), NUMBER),
            "surface": (choices(Surface), TEXT),
            "start": (good_time(now), TIME),
            "note": (note(), TEXT),
        },
    )

    async def check(example: tuple[bool, dict[str, Any]]) -> None:
        good, data = example
        before = fuzz.held()
        weekly = hass.states.get("sensor.alex_distance_last_7_days")
        response = await fuzz.call("log_run", data, good)
        if response is None:
            return
        run = fuzz.added(before, 0)
        assert run.id == response["run_id"]
        distance = float(data["distance"])
        if data.get("unit") == "mi":
            distance *= KM_PER_MILE
        assert run.distance_km == distance
        assert run.note == data.get("note")
        assert run.rpe == (int(data["rpe"]) if "rpe" in data else None)
        if "duration_minutes" in data:
            assert run.duration_minutes == float(data["duration_minutes"])
        assert run.surface == Surface(data.get("surface", "road"))
        if "start" in data:
            assert run.start == at_utc(data["start"])
        else:  # a run of now counts in the 7-day distance at once
            shown = hass.states.get("sensor.alex_distance_last_7_days")
            assert weekly is not None
            assert shown is not None
            assert float(shown.state) == pytest.approx(
                float(weekly.state) + distance, abs=0.06
            )

    await fuzz.examples(strategy, check)
    await restart_keeps(hass, fuzz.entry)
    assert fuzz.counts["accepted"] > 100
    assert fuzz.counts["invalid"] > 100
    assert fuzz.counts["translated"] > 50


async def test_fuzz_log_soreness(hass: HomeAssistant, fuzz: Fuzz) -> None:
    now = dt_util.utcnow()
    flags = {
        flag: (st.booleans(), wild(st.booleans(), JUNK, TEXT))
        for flag in ("swelling", "morning_stiffness", "cannot_bear_weight")
    }
    strategy = action_calls(
        {
            "severity": (st.integers(0, 10), NUMBER),
            "side": (choices(Side), TEXT),
        },
        {
            "location": (choices(Location), TEXT),
            "time": (good_time(now, 0.1), TIME),
            "note": (note(), TEXT),
            **flags,
        },
    )

    async def check(example: tuple[bool, dict[str, Any]]) -> None:
        good, data = example
        before = fuzz.held()
        response = await fuzz.call("log_soreness", data, good)
        if response is None:
            return
        entry = fuzz.added(before, 1)
        assert entry.id == response["entry_id"]
        assert entry.severity == int(data["severity"])
        assert entry.side == Side(data["side"])
        assert entry.note == data.get("note")
        assert entry.location == (
            Location(data["location"]) if "location" in data else None
        )
        assert entry.symptoms == {flag for flag in flags if data.get(flag) is True}
        if "time" in data:
            assert entry.time == at_utc(data["time"])
        records = fuzz.entry.runtime_data.door.book.records
        if records.soreness[-1] is entry:  # the newest entry is what the sensor shows
            state = hass.states.get("sensor.alex_soreness")
            assert state is not None
            assert state.state == str(entry.severity)

    await fuzz.examples(strategy, check)
    await restart_keeps(hass, fuzz.entry)
    assert fuzz.counts["accepted"] > 100


async def test_fuzz_log_treatment(hass: HomeAssistant, fuzz: Fuzz) -> None:
    now = dt_util.utcnow()
    strategy = action_calls(
        {"treatment": (st.sampled_from(["ice", "rest", "elevation"]), TEXT)},
        {
            "duration_minutes": (st.floats(0.5, 1440), NUMBER),
            "time": (good_time(now, 0.1), TIME),
            "note": (note(), TEXT),
            "numbness_or_tingling": (st.nothing(), wild(st.booleans(), JUNK)),
        },
    )

    async def check(example: tuple[bool, dict[str, Any]]) -> None:
        good, data = example
        before = fuzz.held()
        response = await fuzz.call("log_treatment", data, good)
        if response is None:
            return
        record = fuzz.added(before, 2)
        assert record.id == response["treatment_id"]
        assert record.treatment == TreatmentKind(data["treatment"])
        assert record.note == data.get("note")
        if "duration_minutes" in data:
            assert record.duration_minutes == float(data["duration_minutes"])
        if "time" in data:
            assert record.time == at_utc(data["time"])

    await fuzz.examples(strategy, check)
    await restart_keeps(hass, fuzz.entry)
    assert fuzz.counts["accepted"] > 100


async def test_fuzz_log_professional_visit(hass: HomeAssistant, fuzz: Fuzz) -> None:
    now = dt_util.utcnow()
    strategy = action_calls(
        {"side": (choices(Side), TEXT)},
        {
            "cleared_to_run": (st.booleans(), wild(st.booleans(), JUNK, TEXT)),
            "time": (good_time(now, 0.1), TIME),
            "note": (note(), TEXT),
        },
    )

    async def check(example: tuple[bool, dict[str, Any]]) -> None:
        good, data = example
        before = fuzz.held()
        response = await fuzz.call("log_professional_visit", data, good)
        if response is None:
            return
        visit = fuzz.added(before, 5)
        assert visit.id == response["visit_id"]
        if "side" in data:  # without one, the only ankle with an open episode
            assert visit.side == Side(data["side"])
        assert visit.cleared_to_run is bool(data.get("cleared_to_run", False))
        assert visit.note == data.get("note")

    await fuzz.examples(strategy, check)
    await restart_keeps(hass, fuzz.entry)
    assert fuzz.counts["accepted"] > 100


async def test_fuzz_log_exercise(hass: HomeAssistant, fuzz: Fuzz) -> None:
    now = dt_util.utcnow()
    strategy = action_calls(
        {"exercise": (choices(ExerciseKey), TEXT)},
        {
            "sets": (st.integers(1, MAX_SETS), NUMBER),
            "reps": (st.integers(1, MAX_REPS), NUMBER),
            "seconds": (st.integers(1, MAX_SECONDS), NUMBER),
            "time": (good_time(now), TIME),
        },
    )

    async def check(example: tuple[bool, dict[str, Any]]) -> None:
        good, data = example
        before = fuzz.held()
        response = await fuzz.call("log_exercise", data, good)
        if response is None:
            return
        record = fuzz.added(before, 3)
        assert record.id == response["exercise_id"]
        assert record.exercise == data["exercise"]
        if {"sets", "reps", "seconds"} & data.keys():
            for name in ("sets", "reps", "seconds"):
                assert getattr(record, name) == data.get(name)
        if "time" in data:
            assert record.time == at_utc(data["time"])

    await fuzz.examples(strategy, check)
    await restart_keeps(hass, fuzz.entry)
    assert fuzz.counts["accepted"] > 100


async def test_fuzz_snooze_reminders(hass: HomeAssistant, fuzz: Fuzz) -> None:
    strategy = action_calls({"minutes": (st.floats(0.01, 1440), NUMBER)}, {})

    async def check(example: tuple[bool, dict[str, Any]]) -> None:
        good, data = example
        start = dt_util.utcnow()
        response = await fuzz.call("snooze_reminders", data, good)
        if response is None:
            return
        until = datetime.fromisoformat(response["snoozed_until"])
        expected = start + timedelta(minutes=float(data["minutes"]))
        assert abs(until - expected) < timedelta(seconds=5)

    await fuzz.examples(strategy, check)
    assert fuzz.counts["accepted"] > 100


async def test_fuzz_get_assessment(hass: HomeAssistant, fuzz: Fuzz) -> None:
    strategy = st.tuples(st.booleans(), wild(st.just(ENTRY_ID), TEXT, JUNK))

    async def check(example: tuple[bool, Any]) -> None:
        _, entry_id = example
        before = fuzz.held()
        try:
            response = await hass.services.async_call(
                DOMAIN,
                "get_assessment",
                {"config_entry_id": entry_id},
                blocking=True,
                return_response=True,
            )
        except ServiceValidationError as err:
            key = err.translation_key
            assert key in EXCEPTION_KEYS
        except vol.Invalid:
            pass
        else:
            assert entry_id == ENTRY_ID
            assert isinstance(response, dict)
        assert fuzz.held() == before

    await fuzz.examples(strategy, check)


async def _fuzz_delete(
    hass: HomeAssistant,
    fuzz: Fuzz,
    service: str,
    field_name: str,
    index: int,
    seed: Callable[[int], Coroutine[Any, Any, Any]],
) -> None:
    for number in range(30):
        await seed(number)
    strategy = st.tuples(
        st.booleans(), st.one_of(st.integers(0, 40), TEXT, JUNK, NUMBER)
    )

    async def check(example: tuple[bool, Any]) -> None:
        _, pick = example
        held = fuzz.held()[index]
        good = (
            isinstance(pick, int)
            and not isinstance(pick, bool)
            and 0 <= pick < len(held)
        )
        value = held[pick].id if good else pick
        before = fuzz.held()
        response = await fuzz.call(service, {field_name: value}, good)
        if response is None:
            return
        after = fuzz.held()
        assert list(after[index]) == [
            item for item in before[index] if item.id != value
        ]
        assert (
            after[:index] + after[index + 1 : 6]
            == before[:index] + before[index + 1 : 6]
        )

    await fuzz.examples(strategy, check)
    await restart_keeps(hass, fuzz.entry)


async def test_fuzz_delete_run(hass: HomeAssistant, fuzz: Fuzz) -> None:
    door = fuzz.entry.runtime_data.door

    async def seed(number: int) -> None:
        await door.async_log_run(
            distance_km=number + 1,
            distance_shown=number + 1,
            unit="km",
            start=dt_util.utcnow() - timedelta(hours=number + 1),
        )

    await _fuzz_delete(hass, fuzz, "delete_run", "run_id", 0, seed)


async def test_fuzz_delete_soreness_and_visits(hass: HomeAssistant, fuzz: Fuzz) -> None:
    door = fuzz.entry.runtime_data.door

    async def seed(number: int) -> None:
        at = dt_util.utcnow() - timedelta(hours=number + 1)
        await door.async_log_soreness(severity=number % 4, side=Side.LEFT, time=at)
        await door.async_log_visit(side=Side.RIGHT, time=at)

    await _fuzz_delete(hass, fuzz, "delete_soreness", "entry_id", 1, seed)
    await _fuzz_delete(hass, fuzz, "delete_professional_visit", "visit_id", 5, _nothing)


async def _nothing(_: int) -> None:
    return None


async def test_fuzz_import_activities(
    hass: HomeAssistant, fuzz: Fuzz, tmp_path: Path
) -> None:
    samples = Path(__file__).parents[1] / "fixtures" / "activities"
    folder = tmp_path / "allowed"
    folder.mkdir()
    for name in ("run.gpx", "run.tcx", "activities.csv", "export.zip", "broken.gpx"):
        shutil.copy(samples / name, folder / name)
    os.mkfifo(folder / "pipe.gpx")
    (folder / "link.gpx").symlink_to(samples / "run.gpx")
    hass.config.allowlist_external_dirs = {str(folder)}
    paths = [str(folder / name) for name in sorted(os.listdir(folder))] + [
        str(folder),
        str(folder / ("a" * 300 + ".gpx")),
        str(folder / "missing.fit"),
        "/etc/passwd",
    ]
    strategy = st.tuples(
        st.booleans(),
        st.one_of(
            st.sampled_from(paths),
            st.builds(lambda text: str(folder / text), st.text(max_size=20)),
            TEXT,
            JUNK,
        ),
    )

    total = [0]

    async def check(example: tuple[bool, Any]) -> None:
        _, path = example
        before = fuzz.held()
        response = await fuzz.call("import_activities", {"path": path}, False)
        if response is None:
            return
        after = fuzz.held()
        archived = fuzz.entry.runtime_data.coordinator.archived_run_count
        assert len(after[0]) + archived == total[0] + response["imported"]
        total[0] += response["imported"]
        assert set(before[0]) <= set(after[0])
        assert after[1:4] == before[1:4]

    await fuzz.examples(strategy, check)
    await restart_keeps(hass, fuzz.entry)


# --- the flows ----------------------------------------------------------------------

JSON_NUMBER = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-(2**63), 2**63 - 1),
)
"""What a form can send: the frontend's JSON (orjson) has no NaN, inf or 10**309."""


async def test_fuzz_config_flow(hass: HomeAssistant) -> None:
    names = st.one_of(st.text(max_size=MAX_NAME_LENGTH + 5), TEXT)
    units = st.one_of(st.sampled_from(["km", "mi"]), TEXT, JUNK)
    strategy = st.fixed_dictionaries({}, optional={"name": names, "unit": units})

    async def check(user_input: dict[str, Any]) -> None:
        result = await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_USER}
        )
        try:
            result = await hass.config_entries.flow.async_configure(
                result["flow_id"], user_input
            )
        except vol.Invalid:
            assert not (
                isinstance(user_input.get("name"), str)
                and user_input.get("unit") in ("km", "mi")
            )
            hass.config_entries.flow.async_abort(result["flow_id"])
            return
        name = user_input.get("name", "").strip()
        if result["type"] is FlowResultType.FORM:
            assert result["errors"]["name"] in (
                "name_required",
                "name_too_long",
                "name_invalid",
            )
            assert not name or len(name) > MAX_NAME_LENGTH or _invalid(name)
            hass.config_entries.flow.async_abort(result["flow_id"])
            return
        if result["type"] is FlowResultType.ABORT:
            assert result["reason"] == "already_configured"
            return
        assert result["type"] is FlowResultType.CREATE_ENTRY
        assert result["title"] == name
        assert result["data"] == {"name": name, "unit": user_input.get("unit", "km")}
        await hass.config_entries.async_remove(result["result"].entry_id)

    with (
        patch(
            "custom_components.ankle_care.async_setup_entry",
            AsyncMock(return_value=True),
        ),
        patch(
            "custom_components.ankle_care.async_unload_entry",
            AsyncMock(return_value=True),
        ),
    ):
        await run_examples(hass, strategy, check, FLOWS)


def _invalid(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return True
    return False


async def test_fuzz_options_flow(hass: HomeAssistant) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Alex",
        unique_id="alex",
        data={"name": "Alex", "unit": "km"},
    )
    entry.add_to_hass(hass)  # not set up: the settings change no runtime
    care = {
        key: wild(
            st.integers(int(limit.minimum), int(limit.maximum)), JSON_NUMBER, JUNK
        )
        for key, (_, limit) in NUMERIC_OPTIONS.items()
        if key
        in (
            "ice_minutes",
            "acute_window_hours",
            "professional_after_days",
            "severe_pain_threshold",
        )
    }
    training = {
        key: wild(
            st.integers(int(limit.minimum), int(limit.maximum)), JSON_NUMBER, JUNK
        )
        for key, (_, limit) in NUMERIC_OPTIONS.items()
        if key in ("weekly_increase_warning", "weekly_increase_high", "shoe_max_km")
    }
    strategy = st.fixed_dictionaries(
        {
            "care": st.fixed_dictionaries(care),
            "training": st.fixed_dictionaries(
                training,
                optional={
                    "acwr_method": wild(
                        st.sampled_from(["ewma", "rolling_uncoupled"]), TEXT
                    )
                },
            ),
            "reminders": st.fixed_dictionaries(
                {},
                optional={
                    "quiet_start": wild(
                        st.sampled_from(["21:30:00", "22:00"]), TEXT, JUNK
                    ),
                    "notify_services": wild(
                        st.just([]), st.lists(TEXT, max_size=2), JUNK
                    ),
                },
            ),
        }
    )

    async def check(user_input: dict[str, Any]) -> None:
        before = dict(entry.options)
        result = await hass.config_entries.options.async_init(entry.entry_id)
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {"next_step_id": "settings"}
        )
        try:
            result = await hass.config_entries.options.async_configure(
                result["flow_id"], user_input
            )
        except vol.Invalid:
            assert dict(entry.options) == before
            hass.config_entries.options.async_abort(result["flow_id"])
            return
        if result["type"] is FlowResultType.FORM:
            assert result["errors"]
            assert dict(entry.options) == before
            hass.config_entries.options.async_abort(result["flow_id"])
            return
        assert result["type"] is FlowResultType.CREATE_ENTRY
        for key, (_, limit) in NUMERIC_OPTIONS.items():
            value = entry.options[key]
            assert limit.minimum <= value <= limit.maximum, (key, value)
        assert (
            entry.options["weekly_increase_high"]
            > entry.options["weekly_increase_warning"]
        )

    await run_examples(hass, strategy, check, FLOWS)


async def test_fuzz_shoe_forms(hass: HomeAssistant, fuzz: Fuzz) -> None:
    """Adding a shoe: any name and limit a form can send; stored exactly when kept."""
    entry = fuzz.entry
    strategy = st.fixed_dictionaries(
        {
            "name": st.one_of(st.text(max_size=MAX_NAME_LENGTH + 5), TEXT),
            "default": st.booleans(),
        },
        optional={"max_distance": wild(st.integers(100, 2000), JSON_NUMBER, JUNK)},
    )

    async def check(user_input: dict[str, Any]) -> None:
        before = fuzz.held()
        result = await hass.config_entries.options.async_init(entry.entry_id)
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {"next_step_id": "add_shoe"}
        )
        try:
            result = await hass.config_entries.options.async_configure(
                result["flow_id"], user_input
            )
        except vol.Invalid:
            assert fuzz.held() == before
            hass.config_entries.options.async_abort(result["flow_id"])
            return
        if result["type"] is FlowResultType.FORM:
            assert result["errors"]
            assert set(result["errors"].items()) <= {
                ("name", "name_required"),
                ("name", "name_too_long"),
                ("name", "name_invalid"),
                ("name", "shoe_exists"),
                ("max_distance", "number_invalid"),
            }
            assert fuzz.held() == before
            hass.config_entries.options.async_abort(result["flow_id"])
            return
        shoe = fuzz.added(before, 4)
        assert shoe.name == user_input["name"].strip()
        limit = user_input.get("max_distance")
        assert shoe.max_km == (None if limit is None else round(float(limit)))

    with patch.object(hass.config_entries, "async_schedule_reload"):
        await fuzz.examples(strategy, check, FLOWS)
    await restart_keeps(hass, entry)
