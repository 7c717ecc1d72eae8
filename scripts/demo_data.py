"""Generate about eight weeks of believable history for the demo runner.

Deterministic (fixed seed) and relative to `now`, so the demo always shows recent
training: 4-5 runs a week with a long run at the weekend, a build-up in the last
fortnight, some trail running, two pairs of shoes (one past its wear limit) and a
few soreness entries ending with a mild one, and the prevention exercises on most
of the last twelve days.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
import random
from typing import Any
from zoneinfo import ZoneInfo

from custom_components.ankle_care.domain.records import (
    Exercise,
    Location,
    Run,
    RunnerRecords,
    Shoe,
    Side,
    Soreness,
    Surface,
)

WEEKS = 8


def demo_records(now: datetime, tz: ZoneInfo) -> RunnerRecords:
    """Return the demo runner's records ending at `now`."""
    rng = random.Random(20261125)
    local_now = now.astimezone(tz)
    first_day = local_now.date() - timedelta(weeks=WEEKS)
    # An old pair with its own, lower wear limit: it reaches it during the demo
    # history, so the shoe-wear factor shows up.
    road_shoe = Shoe(
        id="demo-shoe-road",
        name="Daily trainer",
        added=datetime.combine(first_day - timedelta(days=200), time(9), tz),
        max_km=250,
    )
    trail_shoe = Shoe(
        id="demo-shoe-trail",
        name="Trail shoe",
        added=datetime.combine(first_day, time(9), tz),
        max_km=800,
    )
    runs: list[Run] = []
    day = first_day
    index = 0
    while day < local_now.date():
        weekday = day.weekday()
        week = (day - first_day).days // 7
        build_up = 1.0 + (0.25 if week >= WEEKS - 2 else 0.0)
        if weekday in (0, 2, 3, 5, 6) and not (weekday == 3 and week % 2):
            if weekday == 6:
                distance = rng.uniform(14, 18) * build_up
                surface = Surface.TRAIL if week % 2 else Surface.ROAD
            else:
                distance = rng.uniform(5, 9) * build_up
                surface = Surface.TRACK if weekday == 2 else Surface.ROAD
            pace = rng.uniform(5.2, 6.1)
            rpe = 7 if weekday in (2, 6) else rng.choice((3, 4, 5))
            runs.append(
                Run(
                    id=f"demo-run-{index:03d}",
                    start=datetime.combine(day, time(7, rng.choice((0, 15, 30))), tz),
                    distance_km=round(distance, 2),
                    duration_minutes=round(distance * pace, 1),
                    rpe=rpe,
                    surface=surface,
                    shoe_id=trail_shoe.id if surface is Surface.TRAIL else road_shoe.id,
                    source="demo",
                )
            )
            index += 1
        day += timedelta(days=1)

    soreness = [
        Soreness(
            id="demo-sore-1",
            time=datetime.combine(first_day + timedelta(days=20), time(8), tz),
            severity=2,
            location=Location.OUTER_ANKLE,
            side=Side.RIGHT,
            symptoms=frozenset({"worse_on_uneven_ground"}),
        ),
        Soreness(
            id="demo-sore-2",
            time=datetime.combine(first_day + timedelta(days=22), time(8), tz),
            severity=0,
            location=Location.OUTER_ANKLE,
            side=Side.RIGHT,
        ),
        Soreness(
            id="demo-sore-3",
            time=local_now - timedelta(hours=20),
            severity=3,
            location=Location.BACK_OF_ANKLE,
            side=Side.LEFT,
            symptoms=frozenset({"morning_stiffness"}),
            note="Stiff on the first steps this morning",
        ),
    ]
    # The prevention program on most of the last twelve days.
    exercises = [
        Exercise(
            id=f"demo-exercise-{back}-{key}",
            time=datetime.combine(
                local_now.date() - timedelta(days=back), time(18), tz
            ),
            exercise=key,
            sets=3,
            reps=15 if key.startswith(("band", "eccentric")) else None,
            seconds=30 if key.startswith("single_leg") else None,
        )
        for back in range(12, 0, -1)
        if back % 5
        for key in (
            "ankle_alphabet",
            "band_eversion",
            "band_inversion",
            "band_dorsiflexion",
            "band_plantarflexion",
            "eccentric_calf_raise",
            "single_leg_stand",
        )
    ]
    return RunnerRecords(
        runs=runs,
        soreness=soreness,
        exercises=exercises,
        shoes=[road_shoe, trail_shoe],
        default_shoe_id=road_shoe.id,
    )


def stored_demo_records(now: datetime, tz: ZoneInfo) -> dict[str, Any]:
    """Return the demo records as Ankle Care's store writes them."""
    return demo_records(now, tz).to_dict()
