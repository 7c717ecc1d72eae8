"""Tests for the recovery-phase state machine."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from custom_components.ankle_care.domain.ankle import (
    FLARE_RISE,
    FLARE_SEVERITY,
    IMPROVEMENT_DROP,
    MILD_STALE_HOURS,
    PAIN_FREE_HOURS,
    RETURN_DAYS,
    RUN_MAX_SEVERITY,
    WRAP_HOURS,
)
from custom_components.ankle_care.domain.records import (
    Location,
    ProfessionalVisit,
    Soreness,
    Treatment,
    TreatmentKind,
)
from custom_components.ankle_care.domain.recovery import (
    EPISODE_PHASES,
    NEXT_STEP_QUOTES,
    WRAP_ADVICE_HOURS,
    PhaseStatus,
    RecoveryPhase,
    open_ankles,
    recovery_status,
)
from custom_components.ankle_care.domain.settings import Settings
from custom_components.ankle_care.domain.triage import ArticleQuote

from .en import COMMON, STRINGS, article

T0 = datetime(2025, 5, 5, 7, 0, tzinfo=UTC)
DAY = 24
P = RecoveryPhase


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def sore(
    hours: float, severity: int, *symptoms: str, location: Location | None = None
) -> Soreness:
    return Soreness(
        id=f"s{hours}",
        time=at(hours),
        severity=severity,
        location=location,
        symptoms=frozenset(symptoms),
    )


def treat(hours: float, kind: TreatmentKind, numbness: bool | None = None) -> Treatment:
    return Treatment(
        id=f"t{hours}", time=at(hours), treatment=kind, numbness_or_tingling=numbness
    )


def status(
    entries: Sequence[Soreness],
    hours: float,
    *,
    treatments: Sequence[Treatment] = (),
    visits: Sequence[ProfessionalVisit] = (),
    **options: Any,
) -> PhaseStatus:
    return recovery_status(
        entries, treatments, at(hours), Settings(**options), visits=visits
    )


def phase(entries: Sequence[Soreness], hours: float, **options: Any) -> RecoveryPhase:
    return status(entries, hours, **options).phase


STRESS = ("persistent_ache", "pain_when_weight_bearing")


def test_documented_thresholds() -> None:
    assert (FLARE_SEVERITY, FLARE_RISE, IMPROVEMENT_DROP) == (4, 2, 2)
    assert (PAIN_FREE_HOURS, RETURN_DAYS, MILD_STALE_HOURS) == (48, 14, 72)
    assert (WRAP_ADVICE_HOURS, WRAP_HOURS, RUN_MAX_SEVERITY) == (24, 12, 2)


# --- ready and monitoring ------------------------------------------------------------


def test_empty_log_is_ready() -> None:
    result = status([], 0)
    assert result == PhaseStatus(
        phase=P.READY,
        since=None,
        next_step="prevention",
        reasons=("no_soreness_logged",),
        may_run=True,
    )


def test_naive_clock_is_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        recovery_status([], [], datetime(2025, 5, 5), Settings())  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone-aware"):
        open_ankles([], [], datetime(2025, 5, 5), Settings())  # noqa: DTZ001


def test_pain_free_entries_keep_ready() -> None:
    result = status([sore(0, 0), sore(DAY, 0)], DAY + 1)
    assert result.phase is P.READY
    assert result.since is None
    assert result.reasons == ("pain_free",)
    assert result.current is not None
    assert result.current.severity == 0


def test_unclear_mild_soreness_is_monitored() -> None:
    entry = sore(0, 2, location=Location.FRONT_OF_ANKLE)
    result = status([entry], 1)
    assert result.phase is P.MONITORING
    assert result.since == at(0)
    assert result.reasons == ("mild_soreness",)
    assert result.next_step == "monitor"
    assert result.may_run
    assert result.episode_start is None
    assert result.day_of_care is None
    assert result.acute_window_ends is None
    assert result.current is entry


def test_mild_tendon_soreness_is_monitored() -> None:
    entry = sore(0, 3, "morning_stiffness", location=Location.BACK_OF_ANKLE)
    assert phase([entry], 1) is P.MONITORING


def test_mild_soreness_goes_stale() -> None:
    log = [sore(0, 2)]
    assert phase(log, MILD_STALE_HOURS - 0.5) is P.MONITORING
    result = status(log, MILD_STALE_HOURS)
    assert result.phase is P.READY
    assert result.since == at(MILD_STALE_HOURS)
    assert result.reasons == ("no_recent_entry",)
    assert result.current is None


def test_new_mild_entry_keeps_monitoring_and_its_start() -> None:
    # within the professional deadline (3 days): more than that is rule 6
    log = [sore(0, 2), sore(30, 2), sore(60, 3)]
    result = status(log, 70)
    assert result.phase is P.MONITORING
    assert result.since == at(0)


def test_pain_free_ends_monitoring() -> None:
    result = status([sore(0, 2), sore(DAY, 0)], DAY + 1)
    assert result.phase is P.READY
    assert result.since == at(DAY)
    assert result.reasons == ("pain_free",)


# --- flare-ups -------------------------------------------------------------------


def test_severity_four_is_a_flare_up_and_three_is_not() -> None:
    assert phase([sore(0, FLARE_SEVERITY - 1)], 1) is P.MONITORING
    result = status([sore(0, FLARE_SEVERITY)], 1)
    assert result.phase is P.ACUTE_CARE
    assert result.since == at(0)
    assert result.episode_start == at(0)
    assert result.day_of_care == 1
    assert result.acute_window_ends == at(72)
    assert result.professional_due == at(3 * DAY)
    assert result.next_step == "rice"
    assert not result.may_run
    assert result.reasons == (
        "flare_up_severity",
        "within_acute_window",
        "awaiting_improvement",
    )


def test_swelling_alone_is_a_flare_up() -> None:
    result = status([sore(0, 1, "swelling")], 1)
    assert result.phase is P.ACUTE_CARE
    assert result.reasons[0] == "swelling"


def test_rise_over_monitored_soreness_is_a_flare_up() -> None:
    result = status([sore(0, 1), sore(10, 3)], 11)
    assert result.phase is P.ACUTE_CARE
    assert result.episode_start == at(10)
    assert result.reasons[0] == "flare_up_rise"


@pytest.mark.parametrize(
    ("log", "since"),
    [
        ([sore(0, 1), sore(10, 2)], 0),  # rise of one point
        ([sore(0, 0), sore(10, 3)], 10),  # new soreness after a pain-free reading
        ([sore(0, 1), sore(80, 3)], 80),  # the earlier soreness had gone stale
    ],
)
def test_small_or_unmonitored_rise_is_not_a_flare_up(
    log: list[Soreness], since: float
) -> None:
    result = status(log, 81)
    assert result.phase is P.MONITORING
    assert result.since == at(since)


def test_day_of_care_counts_whole_days() -> None:
    log = [sore(0, 5)]
    assert status(log, 23.9).day_of_care == 1
    assert status(log, 24).day_of_care == 2


# --- acute window -------------------------------------------------------------------


@pytest.mark.parametrize("window", [48, 72])
def test_acute_care_ends_with_the_configured_window(window: int) -> None:
    log = [sore(0, 6), sore(20, 3)]  # improving: 3 points below the peak
    before = status(log, window - 0.1, acute_window_hours=window)
    assert before.phase is P.ACUTE_CARE
    assert before.reasons[-1] == "improving"
    after = status(log, window, acute_window_hours=window)
    assert after.phase is P.RECOVERING
    assert after.since == at(window)
    assert after.acute_window_ends == at(window)
    assert after.reasons == ("acute_window_over", "improving")
    assert after.next_step == "pain_free_activity"
    assert not after.may_run  # rule 4: only ready, monitoring and the return


def test_window_48_is_over_while_72_is_not() -> None:
    log = [sore(0, 6), sore(20, 3)]
    assert phase(log, 60, acute_window_hours=48) is P.RECOVERING
    assert phase(log, 60, acute_window_hours=72) is P.ACUTE_CARE


def test_new_entries_in_the_window_keep_acute_care_since_the_flare() -> None:
    log = [sore(0, 6), sore(10, 6), sore(30, 5)]
    result = status(log, 31)
    assert result.phase is P.ACUTE_CARE
    assert result.since == at(0)
    assert result.episode_start == at(0)


# --- no improvement --------------------------------------------------------------


@pytest.mark.parametrize("days", [2, 5])
def test_no_improvement_after_the_configured_days_escalates(days: int) -> None:
    log = [sore(h, 6) for h in range(0, days * DAY + 1, 12)]
    assert phase(log, days * DAY - 0.1, professional_after_days=days) in {
        P.ACUTE_CARE,
        P.RECOVERING,
    }
    result = status(log, days * DAY, professional_after_days=days)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.since == at(days * DAY)
    assert result.reasons == ("not_improving",)
    assert result.next_step == "see_professional"
    assert not result.may_run
    assert result.professional_due == at(days * DAY)


def test_silence_after_a_flare_up_is_no_improvement() -> None:
    result = status([sore(0, 5)], 10 * DAY, professional_after_days=2)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.since == at(2 * DAY)
    assert result.day_of_care == 11
    assert result.current is not None


def test_between_window_and_deadline_without_improvement_is_recovering() -> None:
    log = [sore(0, 6), sore(50, 6)]
    result = status(log, 60, acute_window_hours=48, professional_after_days=5)
    assert result.phase is P.RECOVERING
    assert result.since == at(48)
    assert result.reasons == ("acute_window_over", "awaiting_improvement")
    assert result.next_step == "rest_until_better"
    assert not result.may_run


@pytest.mark.parametrize(
    "latest",
    [
        sore(40, 5),  # only one point below the peak of 6
        sore(40, 2, "swelling"),  # swelling is not gone
    ],
)
def test_small_drop_or_swelling_is_not_improvement(latest: Soreness) -> None:
    # swelling from the start: swelling that is new would be a new flare-up (rule 8)
    assert phase([sore(0, 6, "swelling"), latest], 3 * DAY) is P.SEE_PROFESSIONAL


def test_swelling_only_flare_improves_when_pain_free() -> None:
    log = [sore(0, 1, "swelling"), sore(20, 1)]
    assert phase(log, 3 * DAY) is P.SEE_PROFESSIONAL
    log.append(sore(3 * DAY + 1, 0))
    assert phase(log, 3 * DAY + 2) is P.RECOVERING


def test_improvement_leaves_see_professional() -> None:
    log = [sore(0, 6), sore(20, 6)]
    assert phase(log, 80) is P.SEE_PROFESSIONAL
    log.append(sore(80, 3))
    result = status(log, 81)
    assert result.phase is P.RECOVERING
    assert result.since == at(80)
    assert result.reasons == ("acute_window_over", "improving")


def test_setback_after_the_deadline_escalates_at_once() -> None:
    # 5 after 4 is one point worse: a setback, not a new flare-up (rule 8)
    log = [sore(0, 6), sore(40, 4), sore(90, 5)]
    assert phase(log[:2], 89) is P.RECOVERING
    result = status(log, 90)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.since == at(90)
    assert result.episode_start == at(0)


def test_setback_before_the_deadline_does_not_restart_the_window() -> None:
    # 5 after 4 is one point worse: a setback, not a new flare-up (rule 8)
    log = [sore(0, 6), sore(24, 4), sore(60, 5)]
    options: dict[str, Any] = {"acute_window_hours": 48, "professional_after_days": 5}
    result = status(log, 61, **options)
    assert result.phase is P.RECOVERING
    assert result.since == at(48)
    assert result.episode_start == at(0)
    assert not result.may_run
    assert phase(log, 5 * DAY, **options) is P.SEE_PROFESSIONAL


# --- pain-free, return to running, ready -------------------------------------------


def test_recovering_becomes_return_to_running_after_pain_free_hours() -> None:
    log = [sore(0, 5), sore(80, 0), sore(100, 0)]
    assert phase(log, 80 + PAIN_FREE_HOURS - 0.1) is P.RECOVERING
    result = status(log, 80 + PAIN_FREE_HOURS)
    assert result.phase is P.RETURN_TO_RUNNING
    assert result.since == at(80 + PAIN_FREE_HOURS)
    assert result.reasons == ("pain_free",)
    assert result.next_step == "gradual_return"
    assert result.may_run
    assert result.episode_start is None
    assert result.day_of_care is None
    assert result.acute_window_ends is None


def test_return_to_running_becomes_ready() -> None:
    log = [sore(0, 5), sore(80, 0)]
    start = 80 + PAIN_FREE_HOURS
    end = start + 14 * DAY
    assert phase(log, end - 0.1) is P.RETURN_TO_RUNNING
    result = status(log, end)
    assert result.phase is P.READY
    assert result.since == at(end)
    assert result.reasons == ("return_complete",)


def test_pain_free_entries_during_the_return_keep_its_schedule() -> None:
    start = 80 + PAIN_FREE_HOURS
    log = [sore(0, 5), sore(80, 0), sore(start + DAY, 0)]
    result = status(log, start + 2 * DAY)
    assert result.phase is P.RETURN_TO_RUNNING
    assert result.since == at(start)
    assert phase(log, start + RETURN_DAYS * DAY) is P.READY


def test_pain_free_early_in_the_window_returns_before_the_window_ends() -> None:
    log = [sore(0, 5), sore(10, 0)]
    assert phase(log, 10 + PAIN_FREE_HOURS - 1) is P.ACUTE_CARE
    assert phase(log, 10 + PAIN_FREE_HOURS) is P.RETURN_TO_RUNNING


def test_soreness_breaks_the_pain_free_run() -> None:
    log = [sore(0, 5), sore(80, 0), sore(100, 1), sore(110, 0)]
    assert phase(log, 80 + PAIN_FREE_HOURS) is P.RECOVERING
    assert phase(log, 110 + PAIN_FREE_HOURS) is P.RETURN_TO_RUNNING


# --- soreness returning ------------------------------------------------------------

RETURN_START = 80 + PAIN_FREE_HOURS
IN_RETURN = RETURN_START + 2 * DAY
RETURNING = [sore(0, 5), sore(80, 0)]


def test_mild_soreness_during_return_is_monitored() -> None:
    result = status([*RETURNING, sore(IN_RETURN, 2)], IN_RETURN + 1)
    assert result.phase is P.MONITORING
    assert result.since == at(IN_RETURN)
    assert result.reasons == ("mild_soreness", "during_return")
    assert result.episode_start is None


def test_pain_free_after_soreness_in_return_restarts_the_return() -> None:
    back = IN_RETURN + DAY
    log = [*RETURNING, sore(IN_RETURN, 2), sore(back, 0)]
    result = status(log, back + 1)
    assert result.phase is P.RETURN_TO_RUNNING
    assert result.since == at(back)
    assert phase(log, RETURN_START + RETURN_DAYS * DAY) is P.RETURN_TO_RUNNING
    assert phase(log, back + RETURN_DAYS * DAY) is P.READY


def test_soreness_in_return_that_goes_stale_gives_ready() -> None:
    log = [*RETURNING, sore(IN_RETURN, 2)]
    result = status(log, IN_RETURN + MILD_STALE_HOURS)
    assert result.phase is P.READY
    assert result.reasons == ("no_recent_entry",)


def test_pain_free_after_monitoring_outside_a_return_is_ready() -> None:
    log = [*RETURNING, sore(IN_RETURN, 2), sore(IN_RETURN + MILD_STALE_HOURS, 0)]
    assert phase(log, IN_RETURN + MILD_STALE_HOURS + 1) is P.READY


def test_flare_up_during_return_opens_a_new_episode() -> None:
    result = status([*RETURNING, sore(IN_RETURN, 5)], IN_RETURN + 1)
    assert result.phase is P.ACUTE_CARE
    assert result.episode_start == at(IN_RETURN)
    assert result.day_of_care == 1
    assert result.acute_window_ends == at(IN_RETURN + 72)


def test_flare_up_after_mild_soreness_in_return_opens_an_episode() -> None:
    log = [*RETURNING, sore(IN_RETURN, 2), sore(IN_RETURN + 5, 4)]
    result = status(log, IN_RETURN + 6)
    assert result.phase is P.ACUTE_CARE
    assert result.reasons[:2] == ("flare_up_severity", "flare_up_rise")


def test_mild_soreness_after_ready_is_not_a_return() -> None:
    done = RETURN_START + RETURN_DAYS * DAY
    log = [*RETURNING, sore(done + 1, 2), sore(done + 2, 0)]
    assert status(log, done + 1.5).reasons == ("mild_soreness",)
    assert phase(log, done + 3) is P.READY


# --- red flags ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        (sore(0, 8), "severe_pain"),
        (sore(0, 2, "visible_deformity"), "visible_deformity"),
        (sore(0, 2, "cannot_bear_weight"), "cannot_bear_weight"),
    ],
)
def test_each_red_flag_alone_escalates_from_ready(entry: Soreness, reason: str) -> None:
    result = status([entry], 0)
    assert result.phase is P.URGENT_CARE
    assert result.since == at(0)
    assert result.reasons == (reason,)
    assert result.next_step == "see_professional_now"
    assert not result.may_run
    assert result.episode_start == at(0)


@pytest.mark.parametrize(
    "red_flag",
    [(9,), (2, "visible_deformity"), (2, "cannot_bear_weight")],
)
def test_red_flag_escalates_from_return_to_running(red_flag: tuple[Any, ...]) -> None:
    log = [*RETURNING, sore(IN_RETURN, *red_flag)]
    result = status(log, IN_RETURN)
    assert result.phase is P.URGENT_CARE
    assert result.since == at(IN_RETURN)


@pytest.mark.parametrize("hours", [10, 80, 100])  # acute, recovering, see professional
def test_red_flag_escalates_during_an_episode(hours: float) -> None:
    log = [sore(0, 6), sore(9, 6), sore(hours, 3, "cannot_bear_weight")]
    result = status(log, hours)
    assert result.phase is P.URGENT_CARE
    assert result.since == at(hours)
    assert result.episode_start == at(0)


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [(6, P.URGENT_CARE), (8, P.ACUTE_CARE), (10, P.ACUTE_CARE)],
)
def test_severe_threshold_is_respected(threshold: int, expected: P) -> None:
    assert phase([sore(0, 7)], 1, severe_pain_threshold=threshold) is expected


def test_urgent_care_stays_while_the_latest_entry_has_a_red_flag() -> None:
    log = [sore(0, 9), sore(20, 8, "swelling")]
    result = status(log, 20 * DAY)
    assert result.phase is P.URGENT_CARE
    assert result.since == at(0)
    assert result.reasons == ("severe_pain",)


def test_urgent_care_stays_when_the_latest_entry_has_no_red_flag() -> None:
    # rule 2: a red flag stays until a professional visit is logged
    log = [sore(0, 9), sore(20, 5), sore(40, 0)]
    result = status(log, 30 * DAY)
    assert result.phase is P.URGENT_CARE
    assert result.since == at(0)
    assert result.episode_start == at(0)
    assert not result.may_run


# --- stress reaction ---------------------------------------------------------------


def test_stress_reaction_means_see_professional() -> None:
    entry = sore(0, 3, "persistent_ache", location=Location.BONE_SPOT)
    result = status([entry], 1)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.since == at(0)
    assert result.reasons == ("stress_reaction",)
    assert not result.may_run
    assert result.episode_start == at(0)


def test_stress_reaction_stays_past_pain_free() -> None:
    # rule 2: a suspected stress reaction stays until a professional visit
    log = [sore(0, 3, *STRESS), sore(20, 1)]
    assert phase(log, 21) is P.SEE_PROFESSIONAL
    log.append(sore(30, 0))
    result = status(log, 31)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.since == at(0)
    assert phase(log, 30 + PAIN_FREE_HOURS + 60 * DAY) is P.SEE_PROFESSIONAL


def test_stress_signs_during_an_episode_escalate_at_once() -> None:
    log = [sore(0, 6), sore(10, 5, *STRESS)]
    result = status(log, 10)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.since == at(10)
    assert result.episode_start == at(0)


@pytest.mark.parametrize(
    ("log", "hours"),
    [
        ([sore(0, 1), sore(5, 2, *STRESS)], 5),  # from monitoring
        ([*RETURNING, sore(IN_RETURN, 2, *STRESS)], IN_RETURN),  # from the return
    ],
)
def test_stress_reaction_from_monitoring_or_return(
    log: list[Soreness], hours: float
) -> None:
    result = status(log, hours)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.since == at(hours)
    assert result.reasons == ("stress_reaction",)


# --- current soreness and the log window ------------------------------------------


def test_current_soreness_rules() -> None:
    mild = sore(0, 2)
    assert status([], 0).current is None
    assert status([mild], MILD_STALE_HOURS - 1).current is mild
    assert status([mild], MILD_STALE_HOURS).current is None
    pain_free = sore(0, 0)
    assert status([pain_free], 1).current is pain_free


def test_current_soreness_in_an_episode_does_not_go_stale() -> None:
    flare = sore(0, 6)
    assert status([flare], 10 * DAY).current is flare


def test_entries_after_now_are_ignored() -> None:
    log = [sore(0, 2), sore(10, 9)]
    result = status(log, 5)
    assert result.phase is P.MONITORING
    assert result.current is log[0]


def test_an_open_red_flag_is_never_forgotten() -> None:
    # the old 30-day lookback let it lapse to ready: "The README promises the opposite"
    log = [sore(0, 9, "visible_deformity")]
    assert phase(log, 30 * DAY - 1) is P.URGENT_CARE
    result = status(log, 2 * 365 * DAY)
    assert result.phase is P.URGENT_CARE
    assert result.reasons == ("severe_pain", "visible_deformity")


def test_long_closed_history_does_not_matter() -> None:
    # three years of episodes, each closed by a pain-free week
    old = [
        sore(-DAY * d + hours, severity)
        for d in range(3 * 365, 30, -10)
        for hours, severity in ((0, 5), (DAY, 0), (5 * DAY, 0))
    ]
    log = [*old, sore(0, 2)]
    result = status(log, 1)
    assert result.phase is P.MONITORING
    assert result.since == at(0)


def test_disorder_inside_the_window_is_sorted() -> None:
    ordered = [sore(0, 6), sore(20, 3), sore(80, 0)]
    shuffled = [ordered[1], ordered[0], ordered[2]]
    assert status(shuffled, 100) == status(ordered, 100)


def test_same_log_and_clock_give_the_same_answer() -> None:
    log = [sore(0, 1), sore(10, 5), sore(40, 2), sore(90, 0)]
    first = status(log, 200)
    assert status(log, 200) == first
    assert status(list(log), 200) == first
    other_zone = recovery_status(
        log, [], at(200).astimezone(timezone(timedelta(hours=-5))), Settings()
    )
    assert other_zone.phase is first.phase
    assert other_zone.since == first.since


def test_phase_does_not_depend_on_when_it_was_asked_before() -> None:
    log = [sore(0, 6), sore(30, 3)]
    for hours in (1, 50, 80, 3 * DAY + 1):
        status(log, hours)
    assert status(log, 100).since == at(72)


# --- treatments -----------------------------------------------------------------


def test_loosen_wrap_after_a_compression_with_numbness() -> None:
    treatments = [
        treat(1, TreatmentKind.COMPRESSION, numbness=True),
        treat(2, TreatmentKind.ICE),
    ]
    result = status([sore(0, 5)], 3, treatments=treatments)
    assert result.reasons[-1] == "loosen_wrap"
    assert result.phase is P.ACUTE_CARE
    assert "loosen_wrap" in status([sore(0, 5)], 24.9, treatments=treatments).reasons


@pytest.mark.parametrize(
    ("treatments", "hours"),
    [
        (
            [
                treat(1, TreatmentKind.COMPRESSION, True),
                treat(2, TreatmentKind.COMPRESSION),
            ],
            3,
        ),
        ([treat(1, TreatmentKind.COMPRESSION, True)], 25.1),  # more than 24 hours ago
        ([treat(1, TreatmentKind.ICE, True)], 3),
        ([], 3),
    ],
)
def test_no_wrap_advice_when_wrap_is_fine_or_old(
    treatments: list[Treatment], hours: float
) -> None:
    result = status([sore(0, 5)], hours, treatments=treatments)
    assert "loosen_wrap" not in result.reasons


# --- texts ---------------------------------------------------------------------------


def test_every_next_step_has_text_and_a_quote() -> None:
    shown = STRINGS["entity"]["sensor"]["recovery_phase"]["state_attributes"]
    labels = shown["next_step"]["state"]
    assert set(labels) == set(NEXT_STEP_QUOTES)
    logs = {
        "prevention": status([], 0),
        "monitor": status([sore(0, 2)], 1),
        "rice": status([sore(0, 5)], 1),
        "rest_until_better": status([sore(0, 5)], 60, acute_window_hours=48),
        "pain_free_activity": status([sore(0, 5), sore(10, 2)], 80),
        "gradual_return": status(RETURNING, RETURN_START),
        "see_professional": status([sore(0, 5)], 80),
        "see_professional_now": status([sore(0, 9)], 1),
        "professional_plan": status(
            [sore(0, 9)], 2, visits=[ProfessionalVisit(id="v", time=at(1))]
        ),
    }
    for key, result in logs.items():
        assert result.next_step == key
        assert COMMON[f"next_step_{key}"]
        assert labels[key]
        assert article(NEXT_STEP_QUOTES[key])
    assert set(logs) == set(NEXT_STEP_QUOTES)
    assert NEXT_STEP_QUOTES["rice"] is ArticleQuote.RICE
    assert "RICE protocol" in article(NEXT_STEP_QUOTES["rice"])


def test_episode_fields_only_inside_episode_phases() -> None:
    cases = [
        status([], 0),
        status([sore(0, 2)], 1),
        status([sore(0, 5)], 1),
        status([sore(0, 5)], 80, acute_window_hours=48, professional_after_days=5),
        status(RETURNING, RETURN_START),
        status([sore(0, 5)], 80),
        status([sore(0, 9)], 1),
        status([sore(0, 9)], 2, visits=[ProfessionalVisit(id="v", time=at(1))]),
    ]
    assert {result.phase for result in cases} == set(RecoveryPhase)
    for result in cases:
        inside = result.phase in EPISODE_PHASES
        assert (result.episode_start is not None) is inside
        assert (result.acute_window_ends is not None) is inside
        assert (result.professional_due is not None) is inside
        assert (result.day_of_care is not None) is inside
