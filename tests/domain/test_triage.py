"""Tests for the likely-cause and red-flag rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from custom_components.ankle_care.domain.records import (
    Location,
    Soreness,
    Treatment,
    TreatmentKind,
)
from custom_components.ankle_care.domain.settings import Settings
from custom_components.ankle_care.domain.triage import (
    ARTICLE_QUOTES,
    DOES_NOT_EASE,
    LOOSEN_WRAP,
    ArticleQuote,
    Assessment,
    LikelyCause,
    RedFlag,
    article_quotes,
    assess,
    compression_advice,
    red_flags,
)

from .en import COMMON, STRINGS, article

NOW = datetime(2025, 5, 5, 7, 0, tzinfo=UTC)
DEFAULT = Settings()


def sore(severity: int, *symptoms: str, location: Location | None = None) -> Soreness:
    return Soreness(
        id="s",
        time=NOW,
        severity=severity,
        location=location,
        symptoms=frozenset(symptoms),
    )


def treatment(kind: TreatmentKind, numbness: bool | None) -> Treatment:
    return Treatment(id="t", time=NOW, treatment=kind, numbness_or_tingling=numbness)


# --- no soreness -----------------------------------------------------------------


def test_no_entry_is_none_without_flags() -> None:
    result = assess(None, DEFAULT)
    assert result == Assessment(cause=LikelyCause.NONE)
    assert not result.urgent
    assert not result.stop_running
    assert red_flags(None, DEFAULT) == ()


def test_severity_zero_is_none_even_with_pattern_answers() -> None:
    entry = sore(0, "morning_stiffness", location=Location.BACK_OF_ANKLE)
    result = assess(entry, DEFAULT)
    assert result.cause is LikelyCause.NONE
    assert result.reasons == ()
    assert result.red_flags == ()


def test_deformity_is_flagged_even_without_pain() -> None:
    result = assess(sore(0, "visible_deformity"), DEFAULT)
    assert result.cause is LikelyCause.NONE
    assert result.red_flags == (RedFlag.VISIBLE_DEFORMITY,)
    assert result.urgent
    assert result.stop_running


# --- Achilles tendinopathy ---------------------------------------------------------


@pytest.mark.parametrize("location", [Location.BACK_OF_ANKLE, Location.HEEL])
@pytest.mark.parametrize("sign", ["morning_stiffness", "pain_on_push_off"])
def test_achilles_back_of_ankle_or_heel_with_one_sign(
    location: Location, sign: str
) -> None:
    result = assess(sore(3, sign, location=location), DEFAULT)
    assert result.cause is LikelyCause.ACHILLES_TENDINOPATHY
    assert result.reasons == (location.value, sign)
    assert not result.stop_running


def test_achilles_lists_both_signs_in_rule_order() -> None:
    entry = sore(
        4, "pain_on_push_off", "morning_stiffness", location=Location.BACK_OF_ANKLE
    )
    assert assess(entry, DEFAULT).reasons == (
        "back_of_ankle",
        "morning_stiffness",
        "pain_on_push_off",
    )


def test_back_of_ankle_without_a_sign_is_unclear() -> None:
    result = assess(sore(3, location=Location.BACK_OF_ANKLE), DEFAULT)
    assert result.cause is LikelyCause.UNCLEAR
    assert result.reasons == ()


def test_achilles_signs_elsewhere_are_unclear() -> None:
    entry = sore(3, "morning_stiffness", location=Location.FRONT_OF_ANKLE)
    assert assess(entry, DEFAULT).cause is LikelyCause.UNCLEAR


# --- peroneal tendinopathy ---------------------------------------------------------


def test_peroneal_outer_ankle_worse_on_uneven_ground() -> None:
    entry = sore(3, "worse_on_uneven_ground", location=Location.OUTER_ANKLE)
    result = assess(entry, DEFAULT)
    assert result.cause is LikelyCause.PERONEAL_TENDINOPATHY
    assert result.reasons == ("outer_ankle", "worse_on_uneven_ground")


def test_outer_ankle_without_the_sign_is_unclear() -> None:
    entry = sore(3, "morning_stiffness", location=Location.OUTER_ANKLE)
    assert assess(entry, DEFAULT).cause is LikelyCause.UNCLEAR


def test_uneven_ground_at_the_back_is_not_peroneal() -> None:
    entry = sore(3, "worse_on_uneven_ground", location=Location.BACK_OF_ANKLE)
    assert assess(entry, DEFAULT).cause is LikelyCause.UNCLEAR


# --- stress reaction ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sign", ["persistent_ache", "worse_after_running", "pain_when_weight_bearing"]
)
def test_bone_spot_with_one_sign_is_a_stress_reaction(sign: str) -> None:
    result = assess(sore(3, sign, location=Location.BONE_SPOT), DEFAULT)
    assert result.cause is LikelyCause.STRESS_REACTION
    assert result.reasons == ("bone_spot", sign, DOES_NOT_EASE)
    assert result.stop_running
    assert not result.urgent


def test_bone_spot_alone_is_unclear() -> None:
    result = assess(sore(3, location=Location.BONE_SPOT), DEFAULT)
    assert result.cause is LikelyCause.UNCLEAR


def test_bone_spot_that_eases_when_warm_is_still_a_stress_reaction() -> None:
    # rule 7 of the safety issue: bone signs win over "eases when warmed up"
    entry = sore(
        3, "persistent_ache", "eases_when_warmed_up", location=Location.BONE_SPOT
    )
    result = assess(entry, DEFAULT)
    assert result.cause is LikelyCause.STRESS_REACTION
    assert result.reasons == ("bone_spot", "persistent_ache")


@pytest.mark.parametrize("location", [None, Location.INNER_ANKLE, Location.HEEL])
def test_persistent_ache_and_weight_bearing_pain_without_a_spot(
    location: Location | None,
) -> None:
    entry = sore(2, "persistent_ache", "pain_when_weight_bearing", location=location)
    result = assess(entry, DEFAULT)
    assert result.cause is LikelyCause.STRESS_REACTION
    assert result.reasons == (
        "persistent_ache",
        "pain_when_weight_bearing",
        DOES_NOT_EASE,
    )


def test_without_a_spot_all_present_stress_signs_are_listed() -> None:
    entry = sore(
        2, "persistent_ache", "worse_after_running", "pain_when_weight_bearing"
    )
    assert assess(entry, DEFAULT).reasons == (
        "persistent_ache",
        "worse_after_running",
        "pain_when_weight_bearing",
        DOES_NOT_EASE,
    )


@pytest.mark.parametrize(
    "symptoms",
    [
        ("persistent_ache",),
        ("pain_when_weight_bearing",),
        ("persistent_ache", "worse_after_running"),
    ],
)
def test_without_a_spot_one_sign_is_not_enough(
    symptoms: tuple[str, ...],
) -> None:
    assert assess(sore(3, *symptoms), DEFAULT).cause is LikelyCause.UNCLEAR


def test_ache_under_load_that_eases_when_warm_is_still_a_stress_reaction() -> None:
    # rule 7: a persistent ache together with pain when bearing weight, anywhere
    entry = sore(
        3, "persistent_ache", "pain_when_weight_bearing", "eases_when_warmed_up"
    )
    result = assess(entry, DEFAULT)
    assert result.cause is LikelyCause.STRESS_REACTION
    assert result.reasons == ("persistent_ache", "pain_when_weight_bearing")


def test_stress_reaction_outranks_achilles() -> None:
    entry = sore(
        4,
        "morning_stiffness",
        "persistent_ache",
        "pain_when_weight_bearing",
        location=Location.BACK_OF_ANKLE,
    )
    assert assess(entry, DEFAULT).cause is LikelyCause.STRESS_REACTION


def test_easing_pain_at_the_back_with_bone_signs_is_a_stress_reaction() -> None:
    # rule 7: the stress reaction outranks the tendon even when the pain eases
    entry = sore(
        4,
        "morning_stiffness",
        "persistent_ache",
        "pain_when_weight_bearing",
        "eases_when_warmed_up",
        location=Location.BACK_OF_ANKLE,
    )
    assert assess(entry, DEFAULT).cause is LikelyCause.STRESS_REACTION
    tendon = sore(
        4, "morning_stiffness", "eases_when_warmed_up", location=Location.BACK_OF_ANKLE
    )
    assert assess(tendon, DEFAULT).cause is LikelyCause.ACHILLES_TENDINOPATHY


# --- red flags ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("threshold", "severity", "flagged"),
    [(8, 8, True), (8, 7, False), (6, 6, True), (6, 5, False), (10, 9, False)],
)
def test_severe_pain_follows_the_threshold(
    threshold: int, severity: int, flagged: bool
) -> None:
    settings = Settings(severe_pain_threshold=threshold)
    result = assess(sore(severity), settings)
    assert (RedFlag.SEVERE_PAIN in result.red_flags) is flagged
    assert result.urgent is flagged


@pytest.mark.parametrize(
    ("symptom", "flag"),
    [
        ("visible_deformity", RedFlag.VISIBLE_DEFORMITY),
        ("cannot_bear_weight", RedFlag.CANNOT_BEAR_WEIGHT),
    ],
)
def test_each_answer_alone_is_a_red_flag(symptom: str, flag: RedFlag) -> None:
    result = assess(sore(2, symptom), DEFAULT)
    assert result.red_flags == (flag,)
    assert result.urgent
    assert result.stop_running


def test_all_red_flags_in_order_alongside_a_cause() -> None:
    entry = sore(
        9,
        "cannot_bear_weight",
        "visible_deformity",
        "worse_on_uneven_ground",
        location=Location.OUTER_ANKLE,
    )
    result = assess(entry, DEFAULT)
    assert result.cause is LikelyCause.PERONEAL_TENDINOPATHY
    assert result.red_flags == (
        RedFlag.SEVERE_PAIN,
        RedFlag.VISIBLE_DEFORMITY,
        RedFlag.CANNOT_BEAR_WEIGHT,
    )
    assert red_flags(entry, DEFAULT) == result.red_flags


# --- compression -------------------------------------------------------------------


def test_compression_with_numbness_means_loosen_the_wrap() -> None:
    advice = compression_advice(treatment(TreatmentKind.COMPRESSION, True))
    assert advice == LOOSEN_WRAP
    assert ARTICLE_QUOTES[LOOSEN_WRAP] is ArticleQuote.COMPRESSION
    assert "without causing numbness or tingling" in article(
        ARTICLE_QUOTES[LOOSEN_WRAP]
    )


@pytest.mark.parametrize("numbness", [False, None])
def test_comfortable_compression_needs_no_advice(numbness: bool | None) -> None:
    assert compression_advice(treatment(TreatmentKind.COMPRESSION, numbness)) is None


@pytest.mark.parametrize(
    "kind", [TreatmentKind.ICE, TreatmentKind.ELEVATION, TreatmentKind.REST]
)
def test_numbness_from_other_treatments_is_not_wrap_advice(
    kind: TreatmentKind,
) -> None:
    assert compression_advice(treatment(kind, True)) is None


# --- the article's words -----------------------------------------------------------


def test_every_cause_but_none_and_every_flag_has_a_sentence() -> None:
    for cause in LikelyCause:
        assert (cause in ARTICLE_QUOTES) is (cause is not LikelyCause.NONE)
    for flag in RedFlag:
        assert ARTICLE_QUOTES[flag] is ArticleQuote.RED_FLAGS
        assert "Immediate consultation is necessary" in article(ARTICLE_QUOTES[flag])


def test_every_reason_produced_has_a_sentence() -> None:
    entries = [
        sore(3, "morning_stiffness", "pain_on_push_off", location=Location.HEEL),
        sore(3, "morning_stiffness", location=Location.BACK_OF_ANKLE),
        sore(3, "worse_on_uneven_ground", location=Location.OUTER_ANKLE),
        sore(
            3,
            "persistent_ache",
            "worse_after_running",
            "pain_when_weight_bearing",
            location=Location.BONE_SPOT,
        ),
    ]
    for entry in entries:
        for key in assess(entry, DEFAULT).reasons:
            assert key in ARTICLE_QUOTES


def test_quotes_are_the_article_sentences() -> None:
    assert article(ARTICLE_QUOTES[LikelyCause.STRESS_REACTION]).endswith(
        "requires immediate activity modification."
    )
    assert article(ARTICLE_QUOTES["morning_stiffness"]) == (
        "This discomfort often feels worse first thing in the morning and is "
        "aggravated by pushing off the ground during a run."
    )


def test_every_quote_is_translated_once() -> None:
    """Each sentence is one translation, whatever number of keys lead to it."""
    quotes = [article(quote) for quote in ArticleQuote]
    assert all(quote.strip() == quote and quote.endswith(".") for quote in quotes)
    assert len(set(quotes)) == len(quotes)
    assert set(ARTICLE_QUOTES.values()) <= set(ArticleQuote)


def test_article_quotes_deduplicates_and_skips_unknown_keys() -> None:
    result = assess(
        sore(
            3,
            "persistent_ache",
            "pain_when_weight_bearing",
            location=Location.BONE_SPOT,
        ),
        DEFAULT,
    )
    quotes = article_quotes([result.cause, *result.reasons, LikelyCause.NONE, "x"])
    assert quotes == (
        ARTICLE_QUOTES[LikelyCause.STRESS_REACTION],
        ARTICLE_QUOTES["persistent_ache"],
    )
    assert quotes == (ArticleQuote.STRESS_REACTION, ArticleQuote.STRESS_REACTION_SIGNS)


def test_disclaimer_says_not_medical_advice() -> None:
    """The note of the responses and the `disclaimer` attributes' translations."""
    notes = [COMMON["not_medical_advice"]] + [
        strings["state_attributes"]["disclaimer"]["state"]["not_medical_advice"]
        for platform in STRINGS["entity"].values()
        for strings in platform.values()
        if "disclaimer" in strings.get("state_attributes", {})
    ]
    assert len(notes) == 7
    for note in notes:
        assert "not medical advice" in note
        assert "professional" in note
