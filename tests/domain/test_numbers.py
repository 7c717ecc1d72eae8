"""Numbers said aloud, as Assist's wildcards hand them over."""

from __future__ import annotations

import pytest

from custom_components.ankle_care.domain.numbers import (
    DUTCH,
    ENGLISH,
    FRENCH,
    GERMAN,
    LANGUAGES,
    SPANISH,
    number_words,
    parse_number,
)


@pytest.mark.parametrize(
    ("said", "number"),
    [
        # digits
        ("4", 4),
        ("8.5", 8.5),
        ("8,5", 8.5),
        ("1,000", 1000),
        ("4.", 4),
        # words
        ("zero", 0),
        ("six", 6),
        ("Six", 6),
        ("eleven", 11),
        ("twenty one", 21),
        ("twenty-one", 21),
        ("ninety nine", 99),
        ("a hundred", 100),
        ("one hundred and five", 105),
        ("2 hundred", 200),
        ("one thousand two hundred", 1200),
        # decimals and halves
        ("five point five", 5.5),
        ("eight point two five", 8.25),
        ("five point 5", 5.5),
        ("point five", 0.5),
        ("eight and a half", 8.5),
        ("5 and a half", 5.5),
        ("half", 0.5),
        ("half a", 0.5),
        ("a half", 0.5),
        ("about a half", 0.5),
        # "a" alone is one: "I ran a mile"
        ("a", 1),
        ("an", 1),
        # fillers before, a scale after
        ("about a 3", 3),
        ("a 3", 3),
        ("it's a 4", 4),
        ("maybe 2", 2),
        ("six out of ten", 6),
        ("4 out of 10", 4),
        ("7 of 10", 7),
        ("6/10", 6),
    ],
)
def test_numbers_said_in_digits_and_words(said: str, number: float) -> None:
    assert parse_number(said, "en") == number


@pytest.mark.parametrize(
    "said",
    [
        None,
        "",
        "  ",
        "a lot",
        "banana",
        "out of milk",
        "six four",
        "ten five",
        "twenty thirty",
        "seven point",
        "point",
        "and",
        "five point twelve",
    ],
)
def test_what_is_not_a_number(said: str | None) -> None:
    assert parse_number(said, "en") is None


def test_a_language_reads_its_own_words_or_english() -> None:
    assert number_words("en") is ENGLISH
    assert number_words("en-GB") is ENGLISH
    assert number_words("en_US") is ENGLISH
    assert number_words(None) is ENGLISH
    assert number_words("de") is GERMAN
    assert number_words("de-CH") is GERMAN
    assert number_words("fr_CA") is FRENCH
    assert number_words("es-419") is SPANISH
    assert number_words("nl-BE") is DUTCH
    # no words of its own: digits and English words
    assert number_words("it") is ENGLISH
    assert parse_number("6", "it") == 6
    assert parse_number("six", "it") == 6
    assert parse_number("six", None) == 6
    # each language its own words only
    assert parse_number("6", "de") == 6
    assert parse_number("six", "de") is None
    assert parse_number("sechs", "en") is None


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("sechs", 6),
        ("Sechs", 6),
        ("null", 0),
        ("zwölf", 12),
        ("siebzehn", 17),
        ("einundzwanzig", 21),
        ("zweiundzwanzig", 22),
        ("zwei und zwanzig", 22),
        ("dreißig", 30),
        ("dreissig", 30),
        ("neunundneunzig", 99),
        ("hundert", 100),
        ("hundertfünf", 105),
        ("hundertundfünf", 105),
        ("zweihundertfünfundzwanzig", 225),
        ("tausendzweihundert", 1200),
        ("zwo", 2),
        # a scale after it, fillers before it
        ("sechs von zehn", 6),
        ("6 von 10", 6),
        ("ungefähr eine sechs", 6),
        ("so 4", 4),
        ("etwa drei", 3),
        # decimals and halves
        ("acht Komma fünf", 8.5),
        ("acht komma null fünf", 8.05),
        ("acht Komma fünfundzwanzig", 8.25),
        ("8,5", 8.5),
        ("1.000", 1000),
        ("achteinhalb", 8.5),
        ("acht einhalb", 8.5),
        ("acht und ein halb", 8.5),
        ("eineinhalb", 1.5),
        ("anderthalb", 1.5),
        ("eine halbe", 0.5),
        # an article alone is one: "ich bin einen Kilometer gelaufen"
        ("einen", 1),
        ("eine", 1),
    ],
)
def test_german(said: str, number: float) -> None:
    assert parse_number(said, "de") == number


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("six", 6),
        ("zéro", 0),
        ("onze", 11),
        ("dix-sept", 17),
        ("dix sept", 17),
        ("vingt et un", 21),
        ("vingt-deux", 22),
        ("soixante-dix", 70),
        ("soixante et onze", 71),
        ("soixante-dix-sept", 77),
        ("quatre-vingts", 80),
        ("quatre vingt un", 81),
        ("quatre-vingt-onze", 91),
        ("quatre-vingt-dix-neuf", 99),
        ("septante", 70),
        ("huitante", 80),
        ("nonante-deux", 92),
        ("cent", 100),
        ("cent dix-sept", 117),
        ("deux cents", 200),
        ("mille deux cents", 1200),
        ("six sur dix", 6),
        ("à six sur dix", 6),
        ("environ 5", 5),
        ("huit virgule cinq", 8.5),
        ("huit virgule vingt-cinq", 8.25),
        ("8,5", 8.5),
        ("huit et demi", 8.5),
        ("une et demie", 1.5),
        ("un demi", 0.5),
        ("un", 1),
        ("une", 1),
    ],
)
def test_french(said: str, number: float) -> None:
    assert parse_number(said, "fr") == number


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("seis", 6),
        ("cero", 0),
        ("quince", 15),
        ("dieciséis", 16),
        ("dieciseis", 16),
        ("veinte", 20),
        ("veintiuno", 21),
        ("veintidós", 22),
        ("veintidos", 22),
        ("treinta y uno", 31),
        ("noventa y nueve", 99),
        ("cien", 100),
        ("ciento cinco", 105),
        ("doscientos treinta", 230),
        ("mil doscientos", 1200),
        ("seis de diez", 6),
        ("un seis", 6),
        ("más o menos 4", 4),
        ("ocho coma cinco", 8.5),
        ("ocho punto cinco", 8.5),
        ("ocho y medio", 8.5),
        ("uno y medio", 1.5),
        ("medio", 0.5),
        ("un", 1),
        ("una", 1),
    ],
)
def test_spanish(said: str, number: float) -> None:
    assert parse_number(said, "es") == number


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("zes", 6),
        ("nul", 0),
        ("twaalf", 12),
        ("eenentwintig", 21),
        ("tweeëntwintig", 22),
        ("tweeentwintig", 22),
        ("drieëndertig", 33),
        ("negenennegentig", 99),
        ("honderd", 100),
        ("honderdvijf", 105),
        ("tweehonderdvijftig", 250),
        ("duizend", 1000),
        ("zes van de tien", 6),
        ("zes op tien", 6),
        ("een zes", 6),
        ("ongeveer 4", 4),
        ("acht komma vijf", 8.5),
        ("achtenhalf", 8.5),
        ("acht en een half", 8.5),
        ("anderhalf", 1.5),
        ("een", 1),
        ("één", 1),
    ],
)
def test_dutch(said: str, number: float) -> None:
    assert parse_number(said, "nl") == number


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("de", "viel"),
        ("de", "sechs vier"),
        ("de", "zwanzig dreissig"),
        ("de", "achtung"),
        ("de", "heute 5"),
        ("de", "sieben Komma"),
        ("fr", "beaucoup"),
        ("fr", "six quatre"),
        ("fr", "vingt trente"),
        ("fr", "trente onze"),
        ("es", "mucho"),
        ("es", "seis cuatro"),
        ("es", "doscientos trescientos"),
        ("nl", "veel"),
        ("nl", "zes vier"),
        ("nl", "elfen"),
    ],
)
def test_what_is_not_a_number_in_other_languages(language: str, said: str) -> None:
    assert parse_number(said, language) is None


def test_every_word_is_written_as_casefold_gives_it() -> None:
    for language, words in LANGUAGES.items():
        for word in words.known:
            assert word == word.casefold(), (language, word)


PAIN_SCALE_WORDS = {
    "de": ("null eins zwei drei vier fünf sechs sieben acht neun zehn", "von zehn"),
    "fr": ("zéro un deux trois quatre cinq six sept huit neuf dix", "sur dix"),
    "es": ("cero uno dos tres cuatro cinco seis siete ocho nueve diez", "de diez"),
    "nl": ("nul een twee drie vier vijf zes zeven acht negen tien", "van de tien"),
}


@pytest.mark.parametrize("language", sorted(PAIN_SCALE_WORDS))
def test_every_pain_score_said_in_words_is_read_as_said(language: str) -> None:
    # A soreness said aloud must never be read lower than said (a red flag from
    # 7 would lapse): every word of the 0-10 scale, alone and with its scale.
    words, scale = PAIN_SCALE_WORDS[language]
    for score, word in enumerate(words.split()):
        assert parse_number(word, language) == score, word
        assert parse_number(f"{word} {scale}", language) == score, word
