"""Read the `activities.csv` of a Strava bulk export, in any of its formats.

Formats:

- today's export (since mid-2019), with duplicated column names: it is read with
  `csv.reader` and columns are found by position. The first `Distance` is in
  kilometres as the account's language writes it (`10.02`, `1,001.50`, `10,02`),
  the second in metres as a plain number (`10021.5`); `Elapsed Time` also appears
  twice, the second one plain. English dates look like `Oct 6, 2022, 11:19:20 PM`
  (newer exports put a narrow no-break space before the AM/PM);
- the same export in another language (German, French, Spanish, Italian,
  Portuguese, Dutch and a guess at Russian, Japanese, Chinese and Korean: see
  `strava_headers`): localised column names, activity types (`Lauf`, `Course à
  pied`...), dates (`6. Okt. 2022, 23:19:20`, `09.12.2022, 15:24:49`, `6 oct.
  2022, 23:19:20`, `2022年10月6日 23:19:20`) and numbers (`10,02`). A header in no
  known language but with the layout of today's export (the same name at columns
  6 and 16, and at 7 and 18) is read by position;
- the older export (until mid-2019): `id,date,name,type,description,elapsed_time,
  distance,commute,gear,filename`, dates like `2015-06-20 07:12:34`, `elapsed_time`
  in seconds and `distance` in metres (`3681.0`). Assumption: a file none of whose
  distances reaches 100 cannot be in metres (every activity of the history would
  be under 100 m) and is read in kilometres instead.

All dates are in UTC. The language, the encoding, the delimiter and the number
style are decided once per file:

- encoding: a byte-order mark says UTF-8, UTF-16 LE or UTF-16 BE; a file that
  starts with a NUL byte next to a character is UTF-16 without a mark; anything
  else is UTF-8, or cp1252 (a spreadsheet's re-save on Windows) when it is not
  valid UTF-8. Bytes that cp1252 does not define make the file `corrupt`;
- delimiter: whichever of `,`, `;` and tab occurs most often (outside quotes) in
  the header line, a comma on a tie; an Excel `sep=;` first line is obeyed;
- decimal separator: a comma when the header's language writes one (German,
  French, Spanish, Italian, Portuguese, Dutch, Russian) or the file is
  semicolon-delimited (a spreadsheet in such a locale wrote it), else a point. The
  choice only matters for a number shaped like `1,234`: with decimal commas it is
  1.234, else 1234. Every other shape reads the same in both: with both a comma and
  a point the later one is the decimal separator (`1.001,50`, `1,001.50`), a comma
  not followed by groups of three digits is decimal (`10,02`), and spaces,
  no-break spaces and apostrophes group thousands. In files with decimal commas a
  formatted column (the first `Distance` and `Elapsed Time`) also reads `1.234` as
  1234; the plain columns (the second ones, `Moving Time`, and the older export's)
  always read a lone point as a decimal point, as Strava writes them `10021.5` in
  every language.

Only runs (`Run`, `Trail Run`, `Virtual Run` and their translations) are read in
full; other rows are counted and their `Filename` remembered so that the export's
activity files they point to are not imported a second time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
import csv
from dataclasses import dataclass, replace
from datetime import UTC, datetime
import io
import math
import re

from ..records import Surface
from .base import FileRejectedError, Reason, as_utc, clean_text
from .strava_headers import (
    LANGUAGES,
    MONTH_WORDS,
    REQUIRED,
    RUN_SURFACES,
    UNKNOWN,
    Language,
    fold,
)

RUN_TYPES: dict[str, Surface] = {
    "run": Surface.ROAD,
    "trail run": Surface.TRAIL,
    "virtual run": Surface.TREADMILL,
}
"""Strava's English activity types imported as runs, with their surface.

`strava_headers.RUN_SURFACES` holds these and their translations."""

_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "jan",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "oct",
            "nov",
            "dec",
        ),
        start=1,
    )
}
_DATE_RE = re.compile(
    r"\s*([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?[Mm]\.?\s*"
)
_TIME_RE = re.compile(r"(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?")
_LATIN_MERIDIEM_RE = re.compile(r"(?<![^\W\d_])([ap])\.?\s?m\.?(?![^\W\d_])")
_CJK_MERIDIEM_RE = re.compile(r"(午前|上午|오전)|(午後|下午|오후)")
_DIGITS_RE = re.compile(r"\d+")
_WORD_RE = re.compile(r"[^\W\d_]+")

_COMMA_GROUPS_RE = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+")
_DOT_GROUPS_RE = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
_GROUPING = str.maketrans("", "", " \u00a0\u202f\u2009'\u2019")
"""Characters that group thousands: spaces (plain, no-break, narrow, thin), apostrophes."""

_LEGACY_KM_BELOW = 100.0
"""An older export none of whose distances reaches this is in kilometres, not metres."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StravaRun:
    """One run row of the CSV; `distance_km` is None when the row gives none.

    `duration_minutes` is the moving time (the elapsed time when the row has none),
    `elapsed_minutes` the elapsed time, pauses included, when the row gives one.
    """

    activity_id: str | None
    start: datetime
    distance_km: float | None
    duration_minutes: float | None
    elapsed_minutes: float | None = None
    surface: Surface
    name: str | None
    gear: str | None
    filename: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StravaExport:
    """The runs of a CSV, how many other activities it lists and every file named."""

    runs: list[StravaRun]
    non_runs: int
    filenames: frozenset[str]


# --- dates ------------------------------------------------------------------------


def parse_date(value: str, *, day_first: bool = False) -> datetime:
    """Parse a Strava date (UTC) in English, another language, or ISO 8601.

    English `Oct 6, 2022, 11:19:20 PM` is the fast path. Otherwise the date is
    read from its parts: a time `23:19[:20]` (with AM/PM, `a. m.`, `午後`, `오후`...
    read as 12-hour), a month name in any language of `strava_headers` (`Okt.`,
    `févr.`, `mrt`, `окт.`) with the day and the four-digit year around it, or
    three numbers: year first when it has four digits (`2022/10/06`, `2022年10月6日`),
    else day and month in the order `day_first` gives unless one of them is over 12
    (a two-digit year is 19xx from 70, else 20xx). Other words (`de`, `à`, a weekday,
    Russian's year word) are ignored. Raise `corrupt` when no date can be read.
    """
    match = _DATE_RE.fullmatch(value)
    if match is not None:
        month = _MONTHS.get(match.group(1).lower())
        if month is not None:
            return _english_date(match, month)
    try:
        return as_utc(datetime.fromisoformat(value.strip()))
    except ValueError:
        pass
    return _parse_parts(value, day_first=day_first)


def _english_date(match: re.Match[str], month: int) -> datetime:
    _, day, year, hour, minute, second, meridiem = match.groups()
    hour_12 = int(hour)
    if not 1 <= hour_12 <= 12:
        raise FileRejectedError(Reason.CORRUPT)
    hour_24 = hour_12 % 12 + (12 if meridiem in "Pp" else 0)
    return _moment(int(year), month, int(day), hour_24, int(minute), int(second or 0))


def _moment(
    year: int, month: int, day: int, hour: int, minute: int, second: int
) -> datetime:
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError as err:
        raise FileRejectedError(Reason.CORRUPT) from err


def _clock(text: str) -> tuple[str, tuple[int, int, int]]:
    """Take the time of day out of a date; return the rest and (hour, min, sec)."""
    time = _TIME_RE.search(text)
    if time is None:
        return text, (0, 0, 0)
    hour, minute, second = (int(part or 0) for part in time.groups())
    rest, after = text[: time.start()], text[time.end() :]
    latin = _LATIN_MERIDIEM_RE.search(after)  # "11:19 PM", "11:19 p. m."
    cjk = _CJK_MERIDIEM_RE.search(text)  # "午後11:19", "오후 11:19"
    if latin is not None:
        pm: bool | None = latin.group(1) == "p"
        after = after[: latin.start()] + " " + after[latin.end() :]
    elif cjk is not None:
        pm = cjk.group(2) is not None
        rest = rest.replace(cjk.group(0), " ")
    else:
        pm = None
    if pm is not None:
        if not 1 <= hour <= 12:
            raise FileRejectedError(Reason.CORRUPT)
        hour = hour % 12 + (12 if pm else 0)
    return rest + " " + after, (hour, minute, second)


def _year(digits: str) -> int:
    if len(digits) == 2:
        year = int(digits)
        return year + (1900 if year >= 70 else 2000)
    if len(digits) != 4:
        raise FileRejectedError(Reason.CORRUPT)
    return int(digits)


def _parse_parts(value: str, *, day_first: bool) -> datetime:
    text, (hour, minute, second) = _clock(value.casefold())
    numbers = _DIGITS_RE.findall(text)
    months = [
        month
        for word in _WORD_RE.findall(text)
        if (month := MONTH_WORDS.get(fold(word))) is not None
    ]
    if len(months) > 1:
        raise FileRejectedError(Reason.CORRUPT)
    if months:  # "6. Okt. 2022", "Oct 6, 2022", "2022 okt 6"
        if len(numbers) != 2:
            raise FileRejectedError(Reason.CORRUPT)
        first, last = numbers
        day, year = (last, first) if len(first) > 2 else (first, last)
        return _moment(_year(year), months[0], int(day), hour, minute, second)
    if len(numbers) != 3:
        raise FileRejectedError(Reason.CORRUPT)
    if len(numbers[0]) == 4:  # 2022/10/06, 2022年10月6日, 2022. 10. 6.
        year, month, day = (int(number) for number in numbers)
        return _moment(year, month, day, hour, minute, second)
    one, two = int(numbers[0]), int(numbers[1])
    if one > 12 or (day_first and two <= 12):
        day, month = one, two
    else:
        month, day = one, two
    return _moment(_year(numbers[2]), month, day, hour, minute, second)


# --- numbers ----------------------------------------------------------------------


def parse_number(
    value: str, *, decimal_comma: bool = False, dot_groups: bool = False
) -> float | None:
    """Parse a CSV number such as `10.02`, `1,234.5`, `10,02` or `1.001,50`.

    Blank is None. A comma followed by groups of three digits (`1,234`) groups
    thousands unless `decimal_comma`; any other lone comma is a decimal comma. With
    both a comma and a point, the later one is the decimal separator; spaces,
    no-break spaces and apostrophes group thousands. A lone point is a decimal point
    unless `dot_groups` and it is followed by groups of three digits (`1.234`, a
    formatted number in a decimal-comma language). Infinity, NaN and anything else
    unreadable are `corrupt`.
    """
    text = value.strip()
    if not text:
        return None
    if dot_groups and _DOT_GROUPS_RE.fullmatch(text):
        text = text.replace(".", "")
    try:
        number = float(text)  # the common case: "10021.5", "3000"
    except ValueError:
        try:
            number = float(_unlocalise(text, decimal_comma=decimal_comma))
        except ValueError as err:
            raise FileRejectedError(Reason.CORRUPT) from err
    if not math.isfinite(number):  # "inf", "nan": not a number a file means
        raise FileRejectedError(Reason.CORRUPT)
    return number


def _unlocalise(text: str, *, decimal_comma: bool) -> str:
    """Return a number with its grouping removed and a decimal point."""
    text = text.translate(_GROUPING)
    comma, point = text.rfind(","), text.rfind(".")
    if comma < 0:
        return text
    if point >= 0:
        if comma > point:  # 1.001,50
            return text.replace(".", "").replace(",", ".")
        return text.replace(",", "")  # 1,001.50
    if not decimal_comma and _COMMA_GROUPS_RE.fullmatch(text):
        return text.replace(",", "")  # 1,234 in an English file
    return text.replace(",", ".")  # 10,02


# --- encoding, delimiter, header -----------------------------------------------------

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_DELIMITERS = (",", ";", "\t")
_SEP_LINE_RE = re.compile(r'"?sep=(.)"?\r?\n', re.IGNORECASE)


def decode(data: bytes) -> str:
    """Return a CSV's text: UTF-8 or UTF-16 by their mark, else UTF-8, else cp1252.

    Raise `corrupt` when the bytes are none of these.
    """
    try:
        if data.startswith(_UTF8_BOM):
            return data[len(_UTF8_BOM) :].decode("utf-8")
        if data.startswith(_UTF16_BOMS):
            return data.decode("utf-16")  # the mark says the byte order
        if data[:1] == b"\x00" and data[1:2] not in (b"", b"\x00"):
            return data.decode("utf-16-be")
        if data[1:2] == b"\x00" and data[:1] != b"\x00":
            return data.decode("utf-16-le")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise FileRejectedError(Reason.CORRUPT) from err


def _delimiter(line: str) -> str:
    """Return the most frequent of `,`, `;` and tab outside quotes (a comma on a tie)."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(_DELIMITERS, key=lambda candidate: counts[candidate])


def _split_text(text: str) -> tuple[str, str]:
    """Return the text without an Excel `sep=` line, and its delimiter."""
    text = text.removeprefix("\ufeff")
    sep = _SEP_LINE_RE.match(text)
    if sep is not None and sep.group(1) in _DELIMITERS:
        return text[sep.end() :], sep.group(1)
    line = text.split("\n", 1)[0].split("\r", 1)[0]
    return text, _delimiter(line)


def _column(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Columns:
    """Where each column the importer reads is, by position (None when missing).

    `km` is the first `Distance` (kilometres, formatted), `metres` the second (or
    the older export's only one, divided by `metres_per_km`); `elapsed` and
    `elapsed_2` the two `Elapsed Time` columns. `decimal_comma` is the file's
    number style (see the module docstring).
    """

    language: Language
    decimal_comma: bool
    activity_id: int | None
    date: int | None
    type: int | None
    name: int | None
    gear: int | None
    file: int | None
    km: int | None
    metres: int | None
    elapsed: int | None
    elapsed_2: int | None
    moving: int | None
    metres_per_km: float = 1000.0

    @classmethod
    def from_header(cls, header: list[str] | None, delimiter: str) -> _Columns:
        """Find the columns; raise `empty` without a header, `unsupported` if foreign."""
        if header is None or not any(cell.strip() for cell in header):
            raise FileRejectedError(Reason.EMPTY)
        folded = [fold(cell) for cell in header]
        positions: dict[str, list[int]] = {}
        for index, name in enumerate(folded):
            positions.setdefault(name, []).append(index)
        for language in LANGUAGES:
            found = {
                field: _find(positions, names)
                for field, names in language.columns.items()
            }
            if all(found.get(field) for field in REQUIRED):
                return cls._named(language, found, delimiter)
        if _has_strava_layout(folded):
            return cls._by_position(delimiter)
        raise FileRejectedError(Reason.UNSUPPORTED)

    @classmethod
    def _named(
        cls, language: Language, found: dict[str, list[int]], delimiter: str
    ) -> _Columns:
        def nth(field: str, index: int) -> int | None:
            places = found.get(field, [])
            return places[index] if len(places) > index else None

        distance = nth("distance", 0)
        return cls(
            language=language,
            decimal_comma=language.decimal_comma or delimiter == ";",
            activity_id=nth("id", 0),
            date=nth("date", 0),
            type=nth("type", 0),
            name=nth("name", 0),
            gear=nth("gear", 0),
            file=nth("filename", 0),
            km=None if language.legacy else distance,
            metres=distance if language.legacy else nth("distance", 1),
            elapsed=nth("elapsed", 0),
            elapsed_2=nth("elapsed", 1),
            moving=nth("moving", 0),
        )

    @classmethod
    def _by_position(cls, delimiter: str) -> _Columns:
        return cls(
            language=UNKNOWN,
            decimal_comma=delimiter == ";",
            activity_id=0,
            date=1,
            name=2,
            type=3,
            elapsed=5,
            km=6,
            gear=11,
            file=12,
            elapsed_2=15,
            moving=16,
            metres=17,
        )

    def formatted(self, row: list[str], index: int | None) -> float | None:
        """Read a number as the account's language formats it."""
        return parse_number(
            _column(row, index),
            decimal_comma=self.decimal_comma,
            dot_groups=self.decimal_comma,
        )

    def plain(self, row: list[str], index: int | None) -> float | None:
        """Read a number Strava writes plainly (`10021.5`) in every language."""
        return parse_number(_column(row, index), decimal_comma=self.decimal_comma)

    def run(self, row: list[str], surface: Surface, filename: str | None) -> StravaRun:
        """Read one run row; raise `corrupt` if its date or numbers are unreadable."""
        metres = self.plain(row, self.metres)
        distance = (
            metres / self.metres_per_km
            if metres is not None
            else self.formatted(row, self.km)
        )
        elapsed = self.plain(row, self.elapsed_2) or self.formatted(row, self.elapsed)
        seconds = self.plain(row, self.moving) or elapsed
        return StravaRun(
            activity_id=clean_text(_column(row, self.activity_id)),
            start=parse_date(
                _column(row, self.date), day_first=self.language.day_first
            ),
            distance_km=distance or None,
            duration_minutes=seconds / 60 if seconds else None,
            elapsed_minutes=elapsed / 60 if elapsed and elapsed > 0 else None,
            surface=surface,
            name=clean_text(_column(row, self.name)),
            gear=clean_text(_column(row, self.gear)),
            filename=filename,
        )


def _find(positions: dict[str, list[int]], names: tuple[str, ...]) -> list[int]:
    """Return the places of the first of `names` the header has (or none)."""
    for name in names:
        places = positions.get(fold(name))
        if places:
            return places
    return []


def _has_strava_layout(folded: list[str]) -> bool:
    """Return whether a header has today's layout: repeated elapsed time and distance.

    Strava's export repeats `Elapsed Time` at columns 6 and 16 and `Distance` at 7
    and 18 (counting from 1) in every language; no other file does.
    """
    return (
        len(folded) >= 18
        and folded[5] != ""
        and folded[6] != ""
        and folded[5] != folded[6]
        and folded[5] == folded[15]
        and folded[6] == folded[17]
    )


def _legacy_unit(columns: _Columns, rows: Iterable[list[str]]) -> _Columns:
    """Read the older export's distances in km when none of them reaches 100 m."""
    largest = 0.0
    for row in rows:
        try:
            metres = columns.plain(row, columns.metres)
        except FileRejectedError:
            continue  # reported later if the row is a run
        if metres is not None and math.isfinite(metres):
            largest = max(largest, metres)
    if 0 < largest < _LEGACY_KM_BELOW:
        return replace(columns, metres_per_km=1.0)
    return columns


def _read_rows(reader: Iterator[list[str]], columns: _Columns) -> StravaExport:
    """Read the data rows; raise `empty` when there are none."""
    runs: list[StravaRun] = []
    non_runs = 0
    filenames: set[str] = set()
    surfaces: dict[str, Surface | None] = {}  # activity types seen, by cell
    rows = 0
    for row in reader:
        if not any(row):
            continue
        rows += 1
        filename = clean_text(_column(row, columns.file))
        if filename:
            filenames.add(filename)
        kind = _column(row, columns.type)
        if kind in surfaces:
            surface = surfaces[kind]
        else:
            surface = surfaces[kind] = RUN_SURFACES.get(fold(kind))
        if surface is None:
            non_runs += 1
            continue
        runs.append(columns.run(row, surface, filename))
    if rows == 0:
        raise FileRejectedError(Reason.EMPTY)
    return StravaExport(runs=runs, non_runs=non_runs, filenames=frozenset(filenames))


def parse_activities_csv(data: bytes) -> StravaExport:
    """Read a Strava `activities.csv`; raise `FileRejectedError` if it is unusable.

    A file with no bytes or no data rows is `empty`, one without Strava's columns
    `unsupported`, and one that is not text, or with a run row whose date or
    numbers cannot be read, `corrupt` (then none of its rows are used).
    """
    text, delimiter = _split_text(decode(data))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        columns = _Columns.from_header(next(reader, None), delimiter)
        if columns.language.legacy:
            columns = _legacy_unit(columns, reader)
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            next(reader, None)
        return _read_rows(reader, columns)
    except csv.Error as err:
        raise FileRejectedError(Reason.CORRUPT) from err


__all__ = [
    "RUN_TYPES",
    "StravaExport",
    "StravaRun",
    "decode",
    "parse_activities_csv",
    "parse_date",
    "parse_number",
]
