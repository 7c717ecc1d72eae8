"""Safety rules of the recovery logic: per ankle, sticky red flags, visits, may-run.

The first block reproduces, one test each, the cases the safety issue reported
against the old logic; the blocks after it test each rule of the README's
"Soreness" section.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from custom_components.ankle_care.domain.records import (
    Location,
    ProfessionalVisit,
    Side,
    Soreness,
    Treatment,
    TreatmentKind,
)
from custom_components.ankle_care.domain.recovery import (
    CHECKPOINT_LAG,
    CHECKPOINT_MAX_AGE,
    PhaseStatus,
    RecoveryCheckpoint,
    RecoveryMemo,
    RecoveryPhase,
    Referral,
    advance_checkpoint,
    open_ankles,
    recovery_status,
    recovery_timeline,
)
from custom_components.ankle_care.domain.settings import Settings

T0 = datetime(2025, 5, 5, 7, 0, tzinfo=UTC)
DAY = 24
P = RecoveryPhase
L, R = Side.LEFT, Side.RIGHT
BONE = Location.BONE_SPOT


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def sore(
    hours: float,
    severity: int,
    *symptoms: str,
    side: Side | None = None,
    location: Location | None = None,
) -> Soreness:
    return Soreness(
        id=f"s{hours}{side}",
        time=at(hours),
        severity=severity,
        side=side,
        location=location,
        symptoms=frozenset(symptoms),
    )


def visit(
    hours: float, *, cleared: bool = False, side: Side | None = None
) -> ProfessionalVisit:
    return ProfessionalVisit(
        id=f"v{hours}{side}", time=at(hours), side=side, cleared_to_run=cleared
    )


def wrap(hours: float) -> Treatment:
    return Treatment(
        id=f"t{hours}", time=at(hours), treatment=TreatmentKind.COMPRESSION
    )


def status(
    entries: Sequence[Soreness],
    hours: float,
    *,
    visits: Sequence[ProfessionalVisit] = (),
    treatments: Sequence[Treatment] = (),
    **options: Any,
) -> PhaseStatus:
    log = sorted(entries, key=lambda entry: entry.time)
    return recovery_status(
        log,
        sorted(treatments, key=lambda entry: entry.time),
        at(hours),
        Settings(**options),
        visits=sorted(visits, key=lambda item: item.time),
    )


def ankle(result: PhaseStatus, side: Side | None) -> PhaseStatus:
    return next(item for item in result.ankles if item.side is side)


# --- the reproduced cases ------------------------------------------------------------


def test_cannot_bear_weight_is_not_lifted_by_a_later_entry() -> None:
    log = [sore(0, 6, "cannot_bear_weight"), sore(1, 6)]
    assert status(log, 1).phase is P.URGENT_CARE
    later = status(log, 3 * DAY)
    assert later.phase is P.URGENT_CARE
    assert later.referral is Referral.RED_FLAG
    assert not later.may_run


def test_deformity_is_not_lifted_by_a_pain_free_entry() -> None:
    log = [sore(0, 3, "visible_deformity"), sore(2, 0)]
    result = status(log, 2 * DAY + 2)
    assert result.phase is P.URGENT_CARE
    assert not result.may_run


def test_stress_reaction_is_not_lifted_by_a_pain_free_entry() -> None:
    log = [sore(0, 3, "pain_when_weight_bearing", location=BONE), sore(2, 0)]
    result = status(log, 2 * DAY + 2)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.referral is Referral.STRESS_REACTION
    assert not result.may_run


def test_the_other_ankle_does_not_end_an_episode() -> None:
    log = [sore(0, 4, "visible_deformity", side=L), sore(1, 0, side=R)]
    result = status(log, 3 * DAY)
    assert result.phase is P.URGENT_CARE
    assert result.side is L
    assert ankle(result, L).phase is P.URGENT_CARE
    assert ankle(result, R).phase is P.READY
    assert not result.may_run


def test_two_ankles_in_the_same_minute_keep_the_red_flag() -> None:
    log = [sore(0, 9, "swelling", side=L), sore(0, 1, side=R)]
    result = status(log, 0.5)
    assert result.phase is P.URGENT_CARE
    assert result.reasons == ("severe_pain",)
    assert ankle(result, R).phase is P.MONITORING


def test_a_late_logged_red_flag_counts_from_when_it_happened() -> None:
    # logged after the ordinary entry of hour 5, but it happened at hour 2
    log = [sore(0, 5), sore(5, 5), sore(2, 5, "cannot_bear_weight")]
    result = status(log, 6)
    assert result.phase is P.URGENT_CARE
    assert result.since == at(2)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (sore(0, 9), P.URGENT_CARE),
        (sore(0, 3, "persistent_ache", location=BONE), P.SEE_PROFESSIONAL),
        (sore(0, 5), P.SEE_PROFESSIONAL),  # no improvement by the deadline
    ],
)
def test_open_episodes_do_not_end_through_silence(
    entry: Soreness, expected: RecoveryPhase
) -> None:
    result = status([entry], 31 * DAY)
    assert result.phase is expected
    assert not result.may_run
    assert status([entry], 400 * DAY).phase is expected


def test_a_lower_entry_after_a_red_flag_does_not_allow_running() -> None:
    result = status([sore(0, 9), sore(1, 7)], 4 * DAY)
    assert result.phase is P.URGENT_CARE
    assert not result.may_run


def test_pain_four_after_the_acute_window_does_not_allow_running() -> None:
    result = status([sore(0, 6), sore(2 * DAY, 4)], 3 * DAY + 1)
    assert result.phase is P.RECOVERING
    assert not result.may_run
    assert result.next_step == "pain_free_activity"


def test_bone_signs_that_ease_when_warmed_up_are_a_stress_reaction() -> None:
    entry = sore(
        0,
        3,
        "persistent_ache",
        "worse_after_running",
        "pain_when_weight_bearing",
        "eases_when_warmed_up",
        location=BONE,
    )
    result = status([entry], 1)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.assessment.cause.value == "stress_reaction"
    assert not result.may_run


def test_pain_seven_is_a_red_flag_by_default() -> None:
    assert Settings().severe_pain_threshold == 7
    assert status([sore(0, 7)], 1).phase is P.URGENT_CARE


def test_mild_pain_every_day_for_ten_days_is_referred() -> None:
    log = [sore(day * DAY, 3) for day in range(10)]
    result = status(log, 9 * DAY + 1)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.referral is Referral.NOT_IMPROVING
    assert result.reasons == ("not_improving",)
    # referred once the entries span more than the deadline (3 days)
    assert status(log[:4], 3 * DAY + 1).phase is P.MONITORING
    assert status(log[:5], 4 * DAY + 1).phase is P.SEE_PROFESSIONAL


def test_a_fresh_sprain_inside_an_episode_restarts_first_aid() -> None:
    log = [sore(0, 5), sore(2 * DAY, 3), sore(5 * DAY, 6, "swelling")]
    result = status(log, 5 * DAY + 1)
    assert result.phase is P.ACUTE_CARE
    assert result.episode_start == at(5 * DAY)
    assert result.acute_window_ends == at(5 * DAY + 72)
    assert result.professional_due == at(8 * DAY)
    assert result.day_of_care == 6  # the episode began on day 1


# --- rule 1: per ankle -------------------------------------------------------------


def test_an_entry_without_side_joins_the_only_open_ankle() -> None:
    log = [sore(0, 6, side=L), sore(1, 2, side=R), sore(2, 6, "swelling")]
    result = status(log, 3)
    assert [item.side for item in result.ankles] == [L, R]
    assert ankle(result, L).current == log[2]
    assert ankle(result, R).current == log[1]


def test_an_entry_without_side_and_none_open_is_its_own_ankle() -> None:
    log = [sore(0, 2, side=L), sore(1, 5)]
    result = status(log, 2)
    assert [item.side for item in result.ankles] == [L, None]
    assert ankle(result, None).phase is P.ACUTE_CARE
    assert ankle(result, L).phase is P.MONITORING


def test_two_open_ankles_are_reported_for_the_glue_to_refuse() -> None:
    log = [sore(0, 6, side=L), sore(1, 5, side=R)]
    sides = open_ankles(log, [], at(2), Settings())
    assert sides == [L, R]
    assert open_ankles(log[:1], [], at(2), Settings()) == [L]
    assert open_ankles([], [], at(2), Settings()) == []


def test_an_ambiguous_old_entry_never_ends_a_sided_episode() -> None:
    # stored before sides were enforced: counts for the unspecified ankle only
    log = [sore(0, 6, side=L), sore(1, 6, side=R), sore(50, 0), sore(51, 0)]
    result = status(log, 200)
    assert ankle(result, L).phase is P.SEE_PROFESSIONAL
    assert ankle(result, R).phase is P.SEE_PROFESSIONAL
    assert ankle(result, None).phase is P.READY


def test_a_side_names_the_unspecified_episode() -> None:
    log = [sore(0, 6, "swelling"), sore(20, 3, "swelling", side=L)]
    result = status(log, 21)
    assert [item.side for item in result.ankles] == [L]
    assert result.episode_start == at(0)
    assert result.current == log[1]


def test_most_urgent_ankle_is_shown_and_may_run_needs_every_ankle() -> None:
    log = [sore(0, 2, side=L), sore(0, 6, side=R)]
    result = status(log, 1)
    assert result.phase is P.ACUTE_CARE
    assert result.side is R
    assert ankle(result, L).may_run
    assert not result.may_run
    ready = status([sore(0, 1, side=L), sore(0, 0, side=R)], 1)
    assert ready.may_run
    assert ready.phase is P.MONITORING


# --- rules 2 and 3: sticky referrals and professional visits -------------------------


def test_red_flag_stays_until_a_visit_then_professional_care() -> None:
    log = [sore(0, 8, "swelling"), sore(30, 2), sore(60, 0)]
    before = status(log, 10 * DAY)
    assert before.phase is P.URGENT_CARE
    result = status(log, 10 * DAY, visits=[visit(5 * DAY)])
    assert result.phase is P.PROFESSIONAL_CARE
    assert result.since == at(5 * DAY)
    assert result.referral is None
    assert result.next_step == "professional_plan"
    assert not result.may_run


def test_professional_care_escalates_on_a_new_red_flag_or_bone_signs() -> None:
    visits = [visit(DAY)]
    base = [sore(0, 9)]
    flag = status(
        [*base, sore(2 * DAY, 3, "cannot_bear_weight")], 3 * DAY, visits=visits
    )
    assert flag.phase is P.URGENT_CARE
    assert flag.reasons == ("cannot_bear_weight",)
    bone = [*base, sore(2 * DAY, 3, "persistent_ache", location=BONE)]
    assert status(bone, 3 * DAY, visits=visits).phase is P.SEE_PROFESSIONAL
    calm = [*base, sore(2 * DAY, 5), sore(3 * DAY, 0)]
    assert status(calm, 30 * DAY, visits=visits).phase is P.PROFESSIONAL_CARE


def test_a_cleared_visit_starts_the_ankle_afresh() -> None:
    log = [sore(0, 9), sore(DAY, 4)]
    visits = [visit(2 * DAY, cleared=True)]
    result = status(log, 2 * DAY + 1, visits=visits)
    assert result.phase is P.RETURN_TO_RUNNING
    assert result.current is None  # entries before the clearance no longer count
    assert result.may_run
    assert status(log, 16 * DAY, visits=visits).phase is P.READY
    after = status([*log, sore(3 * DAY, 2)], 3 * DAY + 1, visits=visits)
    assert after.phase is P.MONITORING
    assert after.reasons == ("mild_soreness", "during_return")


def test_a_visit_after_professional_care_with_clearance_ends_it() -> None:
    visits = [visit(DAY), visit(5 * DAY, cleared=True)]
    result = status([sore(0, 9)], 5 * DAY + 1, visits=visits)
    assert result.phase is P.RETURN_TO_RUNNING


def test_a_visit_without_side_applies_to_the_only_open_ankle() -> None:
    log = [sore(0, 9, side=R), sore(0, 1, side=L)]
    result = status(log, 2, visits=[visit(1)])
    assert ankle(result, R).phase is P.PROFESSIONAL_CARE
    assert ankle(result, L).phase is P.MONITORING


def test_a_visit_without_side_and_two_open_changes_nothing() -> None:
    log = [sore(0, 9, side=R), sore(0, 9, side=L)]
    result = status(log, 2, visits=[visit(1)])
    assert {item.phase for item in result.ankles} == {P.URGENT_CARE}


def test_a_sided_visit_leaves_the_other_ankle_alone() -> None:
    log = [sore(0, 9, side=R), sore(0, 9, side=L)]
    result = status(log, 2, visits=[visit(1, side=L, cleared=True)])
    assert ankle(result, L).phase is P.RETURN_TO_RUNNING
    assert ankle(result, R).phase is P.URGENT_CARE
    assert result.phase is P.URGENT_CARE
    assert not result.may_run


# --- rule 4: may run -------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "may_run"),
    [
        (sore(0, 2), True),
        (sore(0, 3), False),
        (sore(0, 2, "pain_when_weight_bearing"), False),
        (sore(0, 0), True),
    ],
)
def test_may_run_only_with_little_current_pain(entry: Soreness, may_run: bool) -> None:
    result = status([entry], 1)
    assert result.phase in (P.MONITORING, P.READY)
    assert result.may_run is may_run


def test_lapsed_mild_soreness_no_longer_counts_for_may_run() -> None:
    result = status([sore(0, 3)], 72)
    assert result.phase is P.READY
    assert result.may_run


# --- rule 6: no improvement --------------------------------------------------------


def test_no_improvement_referral_lifts_with_improvement() -> None:
    log = [sore(0, 6), sore(DAY, 6)]
    assert status(log, 3 * DAY).phase is P.SEE_PROFESSIONAL
    improved = status([*log, sore(4 * DAY, 3)], 4 * DAY + 1)
    assert improved.phase is P.RECOVERING


def test_mild_referral_does_not_lapse_and_lifts_with_improvement() -> None:
    log = [sore(day * DAY, 3) for day in range(5)]
    assert status(log, 30 * DAY).phase is P.SEE_PROFESSIONAL
    better = status([*log, sore(6 * DAY, 1)], 6 * DAY + 1)
    assert better.phase is P.MONITORING
    assert better.may_run


def test_mild_soreness_with_gaps_lapses_instead() -> None:
    log = [sore(0, 3), sore(4 * DAY, 3), sore(8 * DAY, 3)]
    assert status(log, 8 * DAY + 1).phase is P.MONITORING


# --- rule 8: a new flare-up --------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "restarts"),
    [
        (sore(50, 6), True),  # 2 points worse than 4, at least 4
        (sore(50, 5), False),  # one point worse
        (sore(50, 3, "swelling"), True),  # new swelling
        (sore(50, 2), False),
    ],
)
def test_new_flare_up_restarts_the_window(entry: Soreness, restarts: bool) -> None:
    log = [sore(0, 5), sore(30, 4), entry]
    result = status(log, 51)
    assert (result.episode_start == at(50)) is restarts
    if restarts:
        assert result.phase is P.ACUTE_CARE


def test_a_red_flag_inside_an_episode_restarts_first_aid() -> None:
    result = status([sore(0, 4), sore(80, 9)], 81)
    assert result.phase is P.URGENT_CARE
    assert result.episode_start == at(80)
    assert result.acute_window_ends == at(80 + 72)


# --- rule 10: numbness or tingling -------------------------------------------------


def test_numbness_with_a_recent_wrap_is_the_wrap() -> None:
    result = status([sore(13, 4, "numbness_or_tingling")], 14, treatments=[wrap(2)])
    assert result.phase is P.ACUTE_CARE
    assert "loosen_wrap" in result.reasons


def test_numbness_without_a_wrap_counts_toward_a_professional() -> None:
    log = [sore(0, 2, "numbness_or_tingling")]
    old_wrap = [wrap(-13)]
    result = status(log, 1, treatments=old_wrap)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.referral is Referral.NUMBNESS
    assert not result.may_run
    lifted = status([*log, sore(5, 1)], 6, treatments=old_wrap)
    assert lifted.phase is P.MONITORING


# --- replay: timeline and checkpoints ------------------------------------------------


def _history(days: int) -> list[Soreness]:
    entries: list[Soreness] = []
    for day in range(-days, 0, 7):
        entries += [sore(day * DAY, 5, side=L), sore(day * DAY + 60, 0, side=L)]
    return entries


def test_timeline_matches_the_status_at_each_moment() -> None:
    log = [sore(0, 6), sore(30, 3), sore(80, 0), sore(200, 2), sore(300, 9)]
    moments = [at(hours) for hours in range(0, 400, 7)]
    phases = recovery_timeline(log, [], moments, Settings())
    assert phases == [recovery_status(log, [], m, Settings()).phase for m in moments]


def test_a_checkpoint_gives_the_same_answer_as_the_whole_log() -> None:
    log = [*_history(400), sore(-200 * DAY, 9, side=R)]
    log.sort(key=lambda entry: entry.time)
    now = at(1)
    checkpoint = advance_checkpoint(None, log, [], [], now, Settings())
    assert checkpoint.at == now - CHECKPOINT_LAG
    with_checkpoint = recovery_status(log, [], now, Settings(), checkpoint=checkpoint)
    assert with_checkpoint == recovery_status(log, [], now, Settings())
    assert with_checkpoint.phase is P.URGENT_CARE  # the red flag 200 days ago
    restored = RecoveryCheckpoint.from_dict(checkpoint.to_dict())
    assert restored == checkpoint


def test_a_checkpoint_is_kept_then_moved_forward() -> None:
    log = _history(400)
    first = advance_checkpoint(None, log, [], [], at(0), Settings())
    assert advance_checkpoint(first, log, [], [], at(30 * DAY), Settings()) is first
    later = at(0) + CHECKPOINT_MAX_AGE
    moved = advance_checkpoint(first, log, [], [], later, Settings())
    assert moved.at == later - CHECKPOINT_LAG


def test_a_checkpoint_is_not_used_when_the_log_before_it_changed() -> None:
    log = _history(400)
    checkpoint = advance_checkpoint(None, log, [], [], at(0), Settings())
    late = sorted([*log, sore(-300 * DAY, 9, side=R)], key=lambda e: e.time)
    result = recovery_status(late, [], at(1), Settings(), checkpoint=checkpoint)
    assert result.phase is P.URGENT_CARE
    remade = advance_checkpoint(checkpoint, late, [], [], at(1), Settings())
    assert remade != checkpoint


def test_a_checkpoint_is_not_used_with_other_settings() -> None:
    log = sorted([*_history(400), sore(-200 * DAY, 7, side=R)], key=lambda e: e.time)
    checkpoint = advance_checkpoint(None, log, [], [], at(0), Settings())
    other = Settings(severe_pain_threshold=8)
    result = recovery_status(log, [], at(1), other, checkpoint=checkpoint)
    assert ankle(result, R).phase is P.SEE_PROFESSIONAL  # 7 is not severe at 8
    assert RecoveryCheckpoint.from_dict({"at": "garbage"}) is None
    assert RecoveryCheckpoint.from_dict(None) is None


def test_a_memo_gives_the_same_answers_as_a_fresh_replay() -> None:
    log = [sore(0, 6, side=L), sore(30, 3, side=L), sore(80, 0, side=L)]
    memo = RecoveryMemo()
    for hours in (1, 50, 80, 100, 130, 200, 500):
        fresh = recovery_status(log, [], at(hours), Settings())
        assert recovery_status(log, [], at(hours), Settings(), memo=memo) == fresh
    assert memo.clock == at(500)
    # a new entry, and a clock that went back, replay afresh
    longer = [*log, sore(501, 9, side=R)]
    result = recovery_status(longer, [], at(502), Settings(), memo=memo)
    assert result.phase is P.URGENT_CARE
    back = recovery_status(longer, [], at(90), Settings(), memo=memo)
    assert back == recovery_status(longer, [], at(90), Settings())
    # entries still in the future are not skipped later
    recovery_status(longer, [], at(500.5), Settings(), memo=memo)
    assert memo.logs == ()
    assert recovery_status(longer, [], at(502), Settings(), memo=memo) == result


def test_a_memo_takes_entries_logged_after_its_clock() -> None:
    log = [sore(0, 6, side=L)]
    memo = RecoveryMemo()
    recovery_status(log, [], at(1), Settings(), memo=memo)
    for hours, entry in ((2, sore(2, 3, side=L)), (3, sore(3, 9, side=R))):
        log = [*log, entry]
        with_memo = recovery_status(log, [], at(hours), Settings(), memo=memo)
        assert with_memo == recovery_status(log, [], at(hours), Settings())
        assert memo.logs[0][0] == len(log)
    # a late entry (before the memo's clock) is replayed from the start
    late = sorted([*log, sore(0.5, 0, side=L)], key=lambda entry: entry.time)
    result = recovery_status(late, [], at(4), Settings(), memo=memo)
    assert result == recovery_status(late, [], at(4), Settings())
    # numbness logged with a wrap at the same moment is the wrap, memo or not
    numb = [*late, sore(4, 2, "numbness_or_tingling", side=L)]
    wrapped = [wrap(4)]
    result = recovery_status(numb, wrapped, at(4), Settings(), memo=memo)
    assert result == recovery_status(numb, wrapped, at(4), Settings())
    assert "loosen_wrap" in ankle(result, L).reasons


def test_a_mild_referral_stays_through_a_flare_up_until_it_improves() -> None:
    log = [sore(day * DAY, 3) for day in range(5)]  # referred: not improving
    log.append(sore(5 * DAY, 7 - 1, "swelling"))  # worse: a flare-up
    result = status(log, 5 * DAY + 1)
    assert result.phase is P.SEE_PROFESSIONAL
    assert result.episode_start == at(5 * DAY)  # first aid runs underneath
    better = status([*log, sore(6 * DAY, 2)], 6 * DAY + 1)
    assert better.phase is P.ACUTE_CARE
    assert recovery_timeline(log, [], [], Settings()) == []


def test_a_sided_visit_never_clears_an_episode_logged_without_a_side() -> None:
    # The red flag was logged without a side: a clearance for "left" may be about
    # the other ankle, so the safer answer stays (no running, see a professional).
    log = [sore(0, 9, "cannot_bear_weight")]
    cleared = [visit(DAY, side=L, cleared=True)]
    result = status(log, 2 * DAY, visits=cleared)
    assert result.phase is P.URGENT_CARE
    assert not result.may_run
    # a visit without a side applies to the only open ankle and clears it
    plain = status(log, 2 * DAY, visits=[visit(DAY, cleared=True)])
    assert plain.phase is P.RETURN_TO_RUNNING


def test_a_red_flag_at_the_moment_of_a_clearance_is_not_cleared_by_it() -> None:
    # Logged with the same time (a time typed by hand, the same second): the
    # entry counts after the visit, so the red flag stays, with or without a memo.
    log = [sore(0, 3, side=L), sore(DAY, 9, "swelling", side=L)]
    clearance = [visit(DAY, cleared=True, side=L)]
    fresh = status(log, DAY + 1, visits=clearance)
    assert ankle(fresh, L).phase is P.URGENT_CARE
    assert not fresh.may_run


@pytest.mark.parametrize("last", ["entry", "visit"])
def test_the_memo_orders_the_same_moment_as_a_fresh_replay(last: str) -> None:
    # Whichever is logged last, entry or visit at the memo's clock, the memo gives
    # the fresh replay's answer: the red flag stays.
    entry = sore(DAY, 9, "swelling", side=L)
    clearance = visit(DAY, cleared=True, side=L)
    log, visits = [sore(0, 3, side=L)], []
    if last == "entry":
        visits = [clearance]
    else:
        log = [*log, entry]
    memo = RecoveryMemo()
    settings = Settings()
    recovery_status(log, [], at(DAY), settings, visits=visits, memo=memo)
    if last == "entry":
        log = [*log, entry]
    else:
        visits = [clearance]
    with_memo = recovery_status(
        log, [], at(DAY + 1), settings, visits=visits, memo=memo
    )
    fresh = recovery_status(log, [], at(DAY + 1), settings, visits=visits)
    assert with_memo == fresh
    assert ankle(fresh, L).phase is P.URGENT_CARE
