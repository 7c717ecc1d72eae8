"""Response data of the actions: what the runner's snapshot says, as plain JSON."""

from __future__ import annotations

from typing import Any

from .const import UNIT_KM
from .domain.records import KM_PER_MILE
from .domain.recovery import NEXT_STEP_QUOTES, NEXT_STEP_TEXT
from .domain.snapshot import Snapshot
from .domain.triage import NOT_MEDICAL_ADVICE, article_quotes


def assessment_response(snapshot: Snapshot) -> dict[str, Any]:
    """Return the current assessment: likely cause, red flags and recovery phase."""
    assessment = snapshot.assessment
    phase = snapshot.phase
    current = phase.current
    return {
        "severity": current.severity if current else None,
        "likely_cause": assessment.cause.value,
        "reasons": list(assessment.reasons),
        "red_flags": [flag.value for flag in assessment.red_flags],
        "article": list(
            article_quotes(
                [assessment.cause, *assessment.reasons, *assessment.red_flags]
            )
        ),
        "recovery_phase": phase.phase.value,
        "phase_since": phase.since.isoformat() if phase.since else None,
        "day_of_care": phase.day_of_care,
        "phase_reasons": list(phase.reasons),
        "next_step": phase.next_step,
        "next_step_text": NEXT_STEP_TEXT[phase.next_step],
        "next_step_article": NEXT_STEP_QUOTES[phase.next_step],
        "may_run": phase.may_run,
        "disclaimer": NOT_MEDICAL_ADVICE,
    }


def _in_unit(km: float | None, unit: str) -> float | None:
    if km is None:
        return None
    return round(km if unit == UNIT_KM else km / KM_PER_MILE, 2)


def risk_response(snapshot: Snapshot, unit: str) -> dict[str, Any]:
    """Return the training-load risk summary with every factor behind it."""
    load = snapshot.load
    return {
        "injury_risk": load.risk.value,
        "factors": [
            {
                "factor": factor.key,
                "value": factor.value,
                "threshold": factor.threshold,
                "level": factor.level.value,
            }
            for factor in load.risk_factors
        ],
        "load_ratio": load.load_ratio,
        "acwr_method": load.acwr_method.value,
        "weekly_distance": _in_unit(load.weekly_distance_km, unit),
        "weekly_distance_change": load.weekly_change_pct,
        "safe_distance_today": _in_unit(load.safe_distance_today_km, unit),
        "unit": unit,
        "disclaimer": NOT_MEDICAL_ADVICE,
    }
