"""What can be said to Ankle Care through Assist, per language, and the intents it means.

Home Assistant's built-in agent understands these sentences right after installing:
`voice.py` attaches them as conversation sentence triggers. Each `SentenceGroup` is
one trigger: its sentences, the intent they mean and the slot values the group
itself stands for (the unit of "I ran 5 miles", the question of "can I run today").
One module per language builds its `LanguageSentences` (`english.py`, `german.py`,
`french.py`, `spanish.py`, `dutch.py`; the parts in `grammar.py`).

The sentences keep to the syntax hassil 2.2 through 3.x accept: words,
`(a|b)`, `[optional]` and `{wildcard}`, no punctuation but the apostrophe of
"what's" and "j'ai" and the hyphen of "puis-je", no `<rule>` references and no
`{a..b}` ranges. Hassil matches words as written, ignoring case and the
punctuation around words ("¿", "?", ","), but not accents ("à" is not "a"), not
"ß" against "ss", not a hyphen against a space ("puis-je", "puis je"), and not, on
2.2, a curly apostrophe against a straight one: every elided word is listed with
both apostrophes (`grammar.curly`), and the accents, hyphens and spellings people
leave out are listed where they matter.

The triggers of every language are matched whatever the pipeline's language, so
a sentence must belong to one group of all languages only: every group that
matches runs its action. Within a group the first sentence that matches gives the
wildcards, so a sentence without a number comes before one with a number that
could take its last word ("j'ai mal à la cheville droite" is no severity
"droite"). The tests run every example of the README against every group of
every language on each hassil release.

A wildcard hands its words over as raw text. `{severity}` and `{distance}` are read
by `domain/numbers` in the language of the sentence. `{runner}` stands at the start
of most sentences, so it takes in whatever comes before the ankle: "my left" in
"my left ankle hurts 6", "Alex's" in "Alex's ankle hurts 6", "the outside of my"
in "the outside of my ankle hurts 3"; in French and Spanish it may also come after
it ("la cheville de Sam", "el tobillo de Sam"). `runner_name` keeps only what is
not a word of the language's sentences, of the runner who speaks ("my", "I") or
filler: the name of another runner, or nothing (the runner is implied). The
ankle's side and location are the side and location words said anywhere in the
sentence (`said_side`, `said_location`).

A question or a denial never logs anything (`asks_or_denies`): "est-ce que j'ai été
autorisé à courir ?" and "der Arzt hat mich nicht zum Laufen freigegeben" are no
clearance; the intents that log answer them with `voice_failed`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from ..domain.records import Location, Side
from .dutch import DUTCH
from .english import ENGLISH
from .french import FRENCH
from .german import GERMAN
from .grammar import (
    ANSWER_NO,
    ANSWER_YES,
    FOCUS_RISK,
    FOCUS_RUN,
    FOCUSES,
    INTENT_ICE_DONE,
    INTENT_LOG_RUN,
    INTENT_LOG_SORENESS,
    INTENT_NEXT_REMINDER,
    INTENT_PROFESSIONAL_VISIT,
    INTENT_STATUS,
    SLOT_CLEARED,
    SLOT_DISTANCE,
    SLOT_FOCUS,
    SLOT_LOCATION,
    SLOT_REMINDER,
    SLOT_RUNNER,
    SLOT_SEVERITY,
    SLOT_SIDE,
    SLOT_UNIT,
    WRITING_INTENTS,
    LanguageSentences,
    SentenceGroup,
    every_sentence,
    joined_words,
    words,
)
from .spanish import SPANISH

LANGUAGES: Mapping[str, LanguageSentences] = MappingProxyType(
    {"en": ENGLISH, "de": GERMAN, "fr": FRENCH, "es": SPANISH, "nl": DUTCH}
)
"""The sentences by language (the part before a region: `en-GB` reads `en`)."""

_POSSESSIVE = ("'s", "'")
_TRIM = '.,!?;:"()¿¡«»'


def language_sentences(language: str | None) -> LanguageSentences:
    """Return the sentences of a language, English when it has none of its own."""
    base = (language or "en").replace("_", "-").split("-")[0].casefold()
    return LANGUAGES.get(base, ENGLISH)


def _without_possessive(word: str, sentences: LanguageSentences) -> str:
    """Return a word without an elision before it or a possessive ending after it."""
    lowered = word.casefold()
    if lowered in sentences.not_names:
        return word
    for elision in sentences.elisions:
        if lowered.startswith(elision) and len(lowered) > len(elision):
            word, lowered = word[len(elision) :], lowered[len(elision) :]
            if lowered in sentences.not_names:
                return word
            break
    for ending in _POSSESSIVE:
        if lowered.endswith(ending):
            return word[: -len(ending)]
    return word


def _names_at(said: list[str], name: list[str], genitive_s: bool) -> bool:
    """Return whether the words said hold a name ("Sams" holds Sam with genitive s)."""
    size = len(name)
    for start in range(len(said) - size + 1):
        part = said[start : start + size]
        if part == name or (
            genitive_s and part[:-1] == name[:-1] and part[-1] == f"{name[-1]}s"
        ):
            return True
    return False


def runner_name(
    text: str | None, sentences: LanguageSentences, known: Iterable[str] = ()
) -> str | None:
    """Return the runner a sentence names, None when it means the one who speaks.

    A known runner's name said in the words wins ("how is Will's ankle" names Will
    although "will" is a word of the sentences; "wie geht es Sams Knöchel" names
    Sam). Otherwise what is left once the words that are never a name
    (`LanguageSentences.not_names`), elisions and possessive endings are gone:
    "Sam's left" is Sam, "de Sam" and "d'Alex" are Sam and Alex, "my left" and "the
    outside of my" are nobody.
    """
    if not text:
        return None
    said = [
        _without_possessive(word.strip(_TRIM), sentences)
        for word in text.replace("’", "'").split()  # noqa: RUF001
    ]
    lowered = [word.casefold() for word in said]
    for name in known:
        if (name_words := name.casefold().split()) and _names_at(
            lowered, name_words, sentences.genitive_s
        ):
            return name
    kept = [
        word
        for word, low in zip(said, lowered, strict=True)
        if low and low not in sentences.not_names
    ]
    return " ".join(kept) or None


def _said[T](
    text: str, table: Mapping[str, T], sentences: LanguageSentences
) -> list[T]:
    """Return the values of a table's words in a text ("l'extérieur" is "extérieur")."""
    found: list[T] = []
    for word in words(text):
        value = table.get(word)
        for elision in sentences.elisions:
            if value is None and word.startswith(elision):
                value = table.get(word[len(elision) :])
        if value is not None and value not in found:
            found.append(value)
    return found


def said_side(text: str, sentences: LanguageSentences) -> Side | None:
    """Return the side a sentence names; None for none or both."""
    found = _said(text, sentences.sides, sentences)
    return found[0] if len(found) == 1 else None


def said_location(text: str, sentences: LanguageSentences) -> Location | None:
    """Return the first place of the ankle a sentence names, if any."""
    found = _said(text, sentences.locations, sentences)
    return found[0] if found else None


def asks_or_denies(text: str, sentences: LanguageSentences) -> bool:
    """Return whether a sentence is a question or a denial, which never logs anything.

    A question ends with "?", holds "¿" or a question word ("est-ce"); a denial holds
    a negation ("not", "nicht", "pas", "no", "niet"): "der Arzt hat mich nicht zum
    Laufen freigegeben" is no clearance.
    """
    if text.rstrip().endswith("?") or "¿" in text:
        return True
    said = {*words(text), *joined_words(text)}
    if said & (sentences.question_words | sentences.negations):
        return True
    spaced = f" {' '.join(words(text))} "  # "est ce que", said without the hyphen
    if any(
        f" {word.replace('-', ' ')} " in spaced for word in sentences.question_words
    ):
        return True
    elided = tuple(word for word in sentences.negations if word.endswith("'"))
    return bool(elided) and any(word.startswith(elided) for word in said)


def half_after(text: str, number: str, sentences: LanguageSentences) -> bool:
    """Return whether a half is said after a number and its unit ("y medio").

    Only the words after the number count: "ocho y medio kilómetros" has its half
    in the number already.
    """
    lowered = text.casefold()
    at = lowered.rfind(number.casefold())
    if at < 0 or not sentences.halves_after:
        return False
    after = words(lowered[at + len(number) :])
    return any(
        tuple(after[start : start + len(half)]) == half
        for half in sentences.halves_after
        for start in range(len(after))
    )


def answer_sentences(language: str | None) -> list[dict[str, object]]:
    """Return the answers of the ice-off question as `ask_question` takes them."""
    answers = language_sentences(language).answers
    return [{"id": key, "sentences": list(answers[key])} for key in answers]


__all__ = [
    "ANSWER_NO",
    "ANSWER_YES",
    "DUTCH",
    "ENGLISH",
    "FOCUSES",
    "FOCUS_RISK",
    "FOCUS_RUN",
    "FRENCH",
    "GERMAN",
    "INTENT_ICE_DONE",
    "INTENT_LOG_RUN",
    "INTENT_LOG_SORENESS",
    "INTENT_NEXT_REMINDER",
    "INTENT_PROFESSIONAL_VISIT",
    "INTENT_STATUS",
    "LANGUAGES",
    "SLOT_CLEARED",
    "SLOT_DISTANCE",
    "SLOT_FOCUS",
    "SLOT_LOCATION",
    "SLOT_REMINDER",
    "SLOT_RUNNER",
    "SLOT_SEVERITY",
    "SLOT_SIDE",
    "SLOT_UNIT",
    "SPANISH",
    "WRITING_INTENTS",
    "LanguageSentences",
    "SentenceGroup",
    "answer_sentences",
    "asks_or_denies",
    "every_sentence",
    "half_after",
    "language_sentences",
    "runner_name",
    "said_location",
    "said_side",
    "words",
]
