"""Tests for reading Strava's `activities.csv` beyond today's English export.

Older exports (lower-case header, distance in metres), localised headers, dates,
activity types and numbers, other encodings (cp1252, UTF-16) and delimiters
(semicolon, tab). Every fixture is generated here.
"""

from __future__ import annotations

import codecs
import csv
from datetime import UTC, datetime
import io
from pathlib import Path

import pytest

from custom_components.ankle_care.domain.importers import (
    FileError,
    Reason,
    base,
    import_activities,
    strava,
)
from custom_components.ankle_care.domain.importers.strava import (
    StravaExport,
    StravaRun,
    parse_activities_csv,
)
from custom_components.ankle_care.domain.records import Surface

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def csv_text(header: list[str], rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def runs_by_id(export: StravaExport) -> dict[str | None, StravaRun]:
    return {run.activity_id: run for run in export.runs}


# --- the layout of today's export, with each language's column names --------------

ENGLISH = [
    "Activity ID",
    "Activity Date",
    "Activity Name",
    "Activity Type",
    "Activity Description",
    "Elapsed Time",
    "Distance",
    "Max Heart Rate",
    "Relative Effort",
    "Commute",
    "Activity Private Note",
    "Activity Gear",
    "Filename",
    "Athlete Weight",
    "Bike Weight",
    "Elapsed Time",
    "Moving Time",
    "Distance",
    "Max Speed",
]
GERMAN = [
    "Aktivitäts-ID",
    "Aktivitätsdatum",
    "Name der Aktivität",
    "Aktivitätsart",
    "Aktivitätsbeschreibung",
    "Verstrichene Zeit",
    "Distanz",
    "Max. Herzfrequenz",
    "Relative Leistung",
    "Pendeln",
    "Hinweis zur Privatsphäre für Aktivitäten",
    "Aktivitätsausrüstung",
    "Dateiname",
    "Sportlergewicht",
    "Fahrradgewicht",
    "Verstrichene Zeit",
    "Bewegungszeit",
    "Distanz",
    "Höchstgeschw.",
]
FRENCH = [
    "ID de l'activité",
    "Date de l'activité",
    "Nom de l'activité",
    "Type d'activité",
    "Description de l'activité",
    "Temps écoulé",
    "Distance",
    "Fréquence cardiaque max.",
    "Effort relatif",
    "Déplacement-transport",
    "Note privée sur les activités",
    "Matériel utilisé pour l'activité",
    "Nom du fichier",
    "Poids de l'athlète",
    "Poids du vélo",
    "Temps écoulé",
    "Durée de déplacement",
    "Distance",
    "Vitesse max.",
]
SPANISH = [
    "ID de actividad",
    "Fecha de la actividad",
    "Nombre de la actividad",
    "Tipo de actividad",
    "Descripción de la actividad",
    "Tiempo transcurrido",
    "Distancia",
    "Frecuencia cardiaca máxima",
    "Esfuerzo relativo",
    "Desplazamiento",
    "Nota privada de actividad",
    "Equipo de la actividad",
    "Nombre del archivo",
    "Peso del deportista",
    "Peso de la bicicleta",
    "Tiempo transcurrido",
    "Tiempo en movimiento",
    "Distancia",
    "Velocidad máxima",
]


def row(
    activity_id: str,
    date: str,
    name: str,
    activity_type: str,
    *,
    elapsed: str = "",
    km: str = "",
    gear: str = "",
    filename: str = "",
    elapsed_2: str = "",
    moving: str = "",
    metres: str = "",
) -> list[str]:
    """Return one row in the column order of today's export (19 columns here)."""
    return [
        activity_id,
        date,
        name,
        activity_type,
        "",
        elapsed,
        km,
        "",
        "",
        "false",
        "",
        gear,
        filename,
        "",
        "",
        elapsed_2,
        moving,
        metres,
        "",
    ]


# --- the older export ---------------------------------------------------------------

OLD_HEADER = [
    "id",
    "date",
    "name",
    "type",
    "description",
    "elapsed_time",
    "distance",
    "commute",
    "gear",
    "filename",
]


def old_export() -> bytes:
    rows = [
        [
            "345678901",
            "2015-06-20 07:12:34",
            "Morning Run",
            "Run",
            "",
            "3000",
            "10021.5",
            "false",
            "Pegasus 32",
            "activities/345678901.gpx",
        ],
        [
            "345678902",
            "2015-06-21 18:00:00",
            "Treadmill, logged by hand",
            "Run",
            "Manual entry",
            "1800",
            "5000.0",
            "false",
            "Ghost 8",
            "",
        ],
        [
            "345678903",
            "2015-06-22 06:30:00",
            "Commute",
            "Ride",
            "",
            "1500",
            "8200.0",
            "true",
            "Old bike",
            "activities/345678903.gpx.gz",
        ],
    ]
    return csv_text(OLD_HEADER, rows).encode()


def test_older_export_reads_manual_runs_gear_and_metres() -> None:
    export = parse_activities_csv(old_export())

    assert export.non_runs == 1
    assert export.filenames == frozenset(
        {"activities/345678901.gpx", "activities/345678903.gpx.gz"}
    )
    gps, manual = export.runs
    assert gps == StravaRun(
        activity_id="345678901",
        start=utc(2015, 6, 20, 7, 12, 34),
        distance_km=pytest.approx(10.0215),
        duration_minutes=50.0,
        elapsed_minutes=50.0,
        surface=Surface.ROAD,
        name="Morning Run",
        gear="Pegasus 32",
        filename="activities/345678901.gpx",
    )
    assert manual.filename is None  # a manual run: no activity file
    assert manual.distance_km == 5.0
    assert manual.gear == "Ghost 8"
    assert manual.duration_minutes == 30.0


def test_older_export_imports_with_shoes(tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    path.write_bytes(old_export())
    result = import_activities(path, now=NOW)
    assert result.errors == []
    assert result.non_runs_skipped == 1
    assert [(run.source_id, run.shoe_name, run.distance_km) for run in result.runs] == [
        ("345678901", "Pegasus 32", pytest.approx(10.0215)),
        ("345678902", "Ghost 8", 5.0),
    ]


def test_older_export_whose_distances_can_only_be_kilometres() -> None:
    """No activity reaches 100 m if read as metres: the file is in kilometres."""
    data = csv_text(
        OLD_HEADER,
        [
            ["1", "2016-01-02 08:00:00", "Run", "Run", "", "3000", "10.5", "", "", ""],
            [
                "2",
                "2016-01-03 08:00:00",
                "Long",
                "Run",
                "",
                "9000",
                "30.25",
                "",
                "",
                "",
            ],
        ],
    ).encode()
    export = parse_activities_csv(data)
    assert [run.distance_km for run in export.runs] == [10.5, 30.25]


# --- localised headers -------------------------------------------------------------


def test_german_export_with_german_dates_and_decimal_commas() -> None:
    data = csv_text(
        GERMAN,
        [
            row(
                "11",
                "6. Okt. 2022, 23:19:20",
                "Abendlauf",
                "Lauf",
                elapsed="3000",
                km="10,02",
                gear="Pegasus 40",
                filename="activities/11.fit.gz",
                elapsed_2="3000.0",
                moving="2900.0",
                metres="10021.5",
            ),
            row(
                "12",
                "09.12.2022, 15:24:49",  # Strava's numeric German date
                "Über den Berg",
                "Traillauf",
                elapsed="5400",
                km="14,30",
                gear="Speedgoat 5",
                elapsed_2="5400.0",
                moving="5000.0",
            ),
            row(
                "13",
                "2. März 2023, 07:05:00",
                "Laufband",
                "Virtueller Lauf",
                elapsed="2400",
                km="8,00",
            ),
            row("14", "3. Mai 2023, 17:00:00", "Zur Arbeit", "Radfahrt", km="9,44"),
        ],
    ).encode()
    export = parse_activities_csv(data)

    assert export.non_runs == 1
    runs = runs_by_id(export)
    assert runs["11"] == StravaRun(
        activity_id="11",
        start=utc(2022, 10, 6, 23, 19, 20),
        distance_km=10.0215,  # the second Distanz, in metres
        duration_minutes=pytest.approx(2900 / 60),
        elapsed_minutes=50.0,
        surface=Surface.ROAD,
        name="Abendlauf",
        gear="Pegasus 40",
        filename="activities/11.fit.gz",
    )
    assert runs["12"].start == utc(2022, 12, 9, 15, 24, 49)
    assert runs["12"].surface is Surface.TRAIL
    assert runs["12"].distance_km == 14.3  # "14,30": a decimal comma, not 1430
    assert runs["12"].name == "Über den Berg"
    assert runs["13"].start == utc(2023, 3, 2, 7, 5)
    assert runs["13"].surface is Surface.TREADMILL
    assert runs["13"].distance_km == 8.0
    assert runs["13"].duration_minutes == 40.0


def test_french_export() -> None:
    data = csv_text(
        FRENCH,
        [
            row(
                "21",
                "6 oct. 2022, 23:19:20",
                "Course du soir",
                "Course à pied",
                elapsed="3000",
                km="10,02",
                gear="Kiprun KD900",
                elapsed_2="3000.0",
                moving="2900.0",
                metres="10021.5",
            ),
            row(
                "22",
                "14 juil. 2023, 06:00:00",
                "Trail des crêtes",
                "Trail",
                elapsed="7200",
                km="21,10",
            ),
            row(
                "23",
                "1 févr. 2024, 12:30:00",
                "Tapis",
                "Course virtuelle",
                elapsed="1800",
                km="5,00",
            ),
            row("24", "15 août 2023, 10:00:00", "Balade", "Vélo", km="42,00"),
            row("25", "16 août 2023, 10:00:00", "Promenade", "Marche", km="3,00"),
        ],
    ).encode()
    export = parse_activities_csv(data)

    assert export.non_runs == 2
    runs = runs_by_id(export)
    assert runs["21"].start == utc(2022, 10, 6, 23, 19, 20)
    assert runs["21"].distance_km == 10.0215
    assert runs["21"].gear == "Kiprun KD900"
    assert runs["21"].duration_minutes == pytest.approx(2900 / 60)
    assert runs["22"].start == utc(2023, 7, 14, 6)
    assert runs["22"].surface is Surface.TRAIL
    assert runs["22"].distance_km == 21.1
    assert runs["23"].start == utc(2024, 2, 1, 12, 30)
    assert runs["23"].surface is Surface.TREADMILL


def test_spanish_export() -> None:
    data = csv_text(
        SPANISH,
        [
            row(
                "31",
                "6 oct 2022, 23:19:20",
                "Carrera vespertina",
                "Carrera",
                elapsed="1341",
                km="4,03",
                gear="Adidas Boston",
                filename="activities/31.gpx",
                elapsed_2="1341.0",
                moving="1322.0",
                metres="4030.5",
            ),
            row(
                "32",
                "3 ene 2023, 8:00:00",
                "Montaña",
                "Carrera por montaña",
                elapsed="6000",
                km="12,50",
            ),
            row(
                "33",
                "20 dic 2023, 19:00:00",
                "Cinta",
                "Carrera virtual",
                elapsed="1500",
                km="5,00",
            ),
            row("34", "21 dic 2023, 19:00:00", "Pesas", "Entrenamiento con pesas"),
            row("35", "22 dic 2023, 19:00:00", "Ruta", "Bicicleta", km="40,00"),
        ],
    ).encode()
    export = parse_activities_csv(data)

    assert export.non_runs == 2
    runs = runs_by_id(export)
    assert runs["31"].start == utc(2022, 10, 6, 23, 19, 20)
    assert runs["31"].distance_km == 4.0305
    assert runs["31"].elapsed_minutes == pytest.approx(1341 / 60)
    assert runs["32"].start == utc(2023, 1, 3, 8)
    assert runs["32"].surface is Surface.TRAIL
    assert runs["32"].distance_km == 12.5
    assert runs["33"].start == utc(2023, 12, 20, 19)
    assert runs["33"].surface is Surface.TREADMILL


@pytest.mark.parametrize(
    ("header", "date", "run", "trail", "other", "start"),
    [
        (
            [
                "ID attività",
                "Data attività",
                "Nome attività",
                "Tipo di attività",
                "Descrizione attività",
                "Tempo trascorso",
                "Distanza",
            ],
            "6 ott 2022, 23:19:20",
            "Corsa",
            "Trail running",
            "Giro in bici",
            utc(2022, 10, 6, 23, 19, 20),
        ),
        (
            [
                "ID da atividade",
                "Data da atividade",
                "Nome da atividade",
                "Tipo de atividade",
                "Descrição da atividade",
                "Tempo decorrido",
                "Distância",
            ],
            "6 de out. de 2022, 23:19:20",
            "Corrida",
            "Corrida em trilha",
            "Pedalada",
            utc(2022, 10, 6, 23, 19, 20),
        ),
        (
            [
                "Activiteits-ID",
                "Datum van activiteit",
                "Naam activiteit",
                "Activiteitstype",
                "Beschrijving van activiteit",
                "Verstreken tijd",
                "Afstand",
            ],
            "6 mrt 2024, 14:23:15",
            "Hardloopsessie",
            "Trailrun",
            "Fietsrit",
            utc(2024, 3, 6, 14, 23, 15),
        ),
    ],
    ids=["italian", "portuguese", "dutch"],
)
def test_more_languages(
    header: list[str],
    date: str,
    run: str,
    trail: str,
    other: str,
    start: datetime,
) -> None:
    data = csv_text(
        header,
        [
            ["1", date, "a", run, "", "3000", "10,02"],
            ["2", date, "b", trail, "", "3000", "7,50"],
            ["3", date, "c", other, "", "3000", "30,00"],
        ],
    ).encode()
    export = parse_activities_csv(data)
    assert export.non_runs == 1
    assert [(r.start, r.surface, r.distance_km) for r in export.runs] == [
        (start, Surface.ROAD, 10.02),
        (start, Surface.TRAIL, 7.5),
    ]


def test_localised_non_runs_are_counted_as_non_runs() -> None:
    others = ["Radfahrt", "Wanderung", "Schwimmen", "Spaziergang", "Yoga"]
    data = csv_text(
        GERMAN,
        [
            row(str(i), "6. Okt. 2022, 23:19:20", "x", kind)
            for i, kind in enumerate(others)
        ]
        + [row("9", "6. Okt. 2022, 23:19:20", "Lauf", "Lauf", km="5,00")],
    ).encode()
    export = parse_activities_csv(data)
    assert export.non_runs == len(others)
    assert [run.activity_id for run in export.runs] == ["9"]


def test_unknown_language_in_strava_layout_is_read_by_position() -> None:
    """Column names we do not know, in the layout of today's export."""
    header = [f"Kolumna {index}" for index in range(19)]
    header[15] = header[5]  # the second elapsed time
    header[17] = header[6]  # the second distance
    data = csv_text(
        header,
        [
            row(
                "41",
                "2022-10-06 23:19:20",
                "Bieg",
                "Run",
                elapsed="3000",
                km="10,02",
                gear="Buty",
                filename="activities/41.gpx",
                elapsed_2="3000.0",
                moving="2900.0",
                metres="10021.5",
            )
        ],
    ).encode()
    (run,) = parse_activities_csv(data).runs
    assert run.distance_km == 10.0215
    assert run.gear == "Buty"
    assert run.filename == "activities/41.gpx"
    assert run.duration_minutes == pytest.approx(2900 / 60)


# --- encodings and delimiters ------------------------------------------------------


def german_text(delimiter: str = ",") -> str:
    return csv_text(
        GERMAN,
        [
            row(
                "51",
                "6. Okt. 2022, 23:19:20",
                "Morgenlauf am Müggelsee \u2013 schön",
                "Lauf",
                elapsed="3000",
                km="10,02",
                gear="Brooks Ghost",
                elapsed_2="3000.0",
                moving="2900.0",
                metres="10021.5",
            ),
            row("52", "7. Okt. 2022, 07:00:00", "Radfahrt", "Radfahrt", km="20,00"),
        ],
        delimiter,
    )


def test_cp1252_file_with_an_accented_name() -> None:
    export = parse_activities_csv(german_text().encode("cp1252"))
    (run,) = export.runs
    assert run.name == "Morgenlauf am Müggelsee \u2013 schön"
    assert run.distance_km == 10.0215
    assert export.non_runs == 1


def test_cp1252_english_file() -> None:
    data = csv_text(
        ENGLISH,
        [row("61", "Oct 6, 2022, 11:19:20 PM", "Café au lait run", "Run", km="5.00")],
    ).encode("cp1252")
    (run,) = parse_activities_csv(data).runs
    assert run.name == "Café au lait run"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["utf-16-le", "utf-16-be"],
)
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    export = parse_activities_csv(bom + german_text("\t").encode(codec))
    (run,) = export.runs
    assert run.name == "Morgenlauf am Müggelsee \u2013 schön"
    assert run.start == utc(2022, 10, 6, 23, 19, 20)
    assert run.distance_km == 10.0215


def test_utf16_le_english_file_imports(tmp_path: Path) -> None:
    text = csv_text(
        ENGLISH,
        [row("62", "Oct 6, 2022, 11:19:20 PM", "Evening Run", "Run", km="5.00")],
    )
    path = tmp_path / "activities.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    result = import_activities(path, now=NOW)
    assert result.errors == []
    assert [run.source_id for run in result.runs] == ["62"]


def test_semicolon_delimited_with_decimal_commas_everywhere() -> None:
    """A file re-saved by a spreadsheet: semicolons, decimal commas in every column."""
    text = csv_text(
        GERMAN,
        [
            row(
                "71",
                "06.10.2022 23:19",
                "Abendlauf",
                "Lauf",
                elapsed="3000",
                km="10,02",
                elapsed_2="3000,0",
                moving="2900,5",
                metres="10021,5",
            ),
            row(
                "72",
                "07.10.2022 07:00",
                "Ultra",
                "Lauf",
                elapsed="36000",
                km="1.001,50",  # thousands dot and decimal comma: 1001.5 km
            ),
        ],
        ";",
    )
    export = parse_activities_csv(text.encode("cp1252"))
    first, second = export.runs
    assert first.start == utc(2022, 10, 6, 23, 19)
    assert first.distance_km == 10.0215
    assert first.duration_minutes == pytest.approx(2900.5 / 60)
    assert second.distance_km == 1001.5


def test_semicolon_english_header_uses_decimal_commas() -> None:
    text = csv_text(
        ["Activity ID", "Activity Date", "Activity Type", "Distance"],
        [["1", "2023-03-04 05:06:07", "Run", "1,234"]],
        ";",
    )
    (run,) = parse_activities_csv(text.encode()).runs
    assert run.distance_km == 1.234  # a decimal comma, not 1234 km


def test_excel_separator_line_is_honoured() -> None:
    text = "sep=;\r\n" + csv_text(
        ["Activity ID", "Activity Date", "Activity Type", "Distance"],
        [["1", "2023-03-04 05:06:07", "Run", "5,5"]],
        ";",
    )
    (run,) = parse_activities_csv(text.encode()).runs
    assert run.distance_km == 5.5


def test_tab_delimited() -> None:
    text = csv_text(
        ENGLISH,
        [
            row(
                "81",
                "Oct 6, 2022, 11:19:20 PM",
                "Hills, trail & mud",
                "Trail Run",
                elapsed="3000",
                km="10.02",
                gear="Speedgoat 5",
                elapsed_2="3000.0",
                moving="2900.0",
                metres="10021.5",
            )
        ],
        "\t",
    )
    (run,) = parse_activities_csv(text.encode()).runs
    assert run.name == "Hills, trail & mud"
    assert run.surface is Surface.TRAIL
    assert run.distance_km == 10.0215
    assert run.elapsed_minutes == 50.0


# --- today's English export keeps its meaning ---------------------------------------


def test_english_export_keeps_thousands_commas_and_gains_elapsed_time() -> None:
    data = csv_text(
        ENGLISH,
        [
            row(
                "91",
                "Oct 6, 2022, 11:19:20 PM",
                "Evening Run",
                "Run",
                elapsed="3000",
                km="10.02",
                elapsed_2="3000.0",
                moving="2900.0",
                metres="10021.5",
            ),
            row("92", "Oct 7, 2022, 6:00:00 AM", "Stage race", "Run", km="1,001.50"),
            row("93", "Oct 8, 2022, 6:00:00 AM", "Round", "Run", km="1,234"),
        ],
    ).encode()
    first, second, third = parse_activities_csv(data).runs
    assert first.elapsed_minutes == 50.0
    assert first.duration_minutes == pytest.approx(2900 / 60)
    assert second.distance_km == 1001.5
    assert third.distance_km == 1234.0  # an English file: a thousands comma


def test_empty_or_negative_elapsed_time_is_none() -> None:
    data = csv_text(
        ["Activity ID", "Activity Date", "Activity Type", "Distance", "Elapsed Time"],
        [
            ["1", "2023-03-04 05:06:07", "Run", "5", "-600"],
            ["2", "2023", "Ride", "", ""],
        ],
    ).encode()
    (run,) = parse_activities_csv(data).runs
    assert run.elapsed_minutes is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            b"\xff\xfe" + "Activity ID,Activity Date\n".encode("utf-16-le"),
            "unsupported",
        ),
        (codecs.BOM_UTF16_LE + b"A\x00B", "corrupt"),  # odd number of bytes
        (b"Activity ID,Activity Date,Activity Type\n1,\x81,Run\n", "corrupt"),
        ("Aktivitäts-ID;Aktivitätsdatum\n1;2\n".encode("cp1252"), "unsupported"),
        ("Aktivitäts-ID;Aktivitätsdatum;Aktivitätsart\n".encode(), "empty"),
    ],
)
def test_rejected_files(text: bytes, reason: str) -> None:
    with pytest.raises(base.FileRejectedError) as caught:
        parse_activities_csv(text)
    assert caught.value.reason is Reason(reason)


def test_a_localised_file_with_an_unreadable_date_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    path.write_text(
        csv_text(GERMAN, [row("1", "irgendwann", "Lauf", "Lauf", km="5,00")]),
        encoding="utf-8",
    )
    assert import_activities(path).errors == [FileError("activities.csv", "corrupt")]


# --- numbers and dates -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimal_comma", "dot_groups", "expected"),
    [
        ("10,02", True, True, 10.02),
        ("10,02", False, False, 10.02),  # never two digits after a thousands comma
        ("1,234", True, True, 1.234),
        ("1,234", False, False, 1234.0),
        ("1.234", True, True, 1234.0),  # a formatted German number
        ("1.234", True, False, 1.234),  # a raw number: the dot is a decimal point
        ("1.001,50", True, True, 1001.5),
        ("1,001.50", True, True, 1001.5),
        ("1\u202f001,50", True, True, 1001.5),  # French narrow no-break space
        ("1\u00a0001,5", True, True, 1001.5),
        ("1'001.5", False, False, 1001.5),  # Swiss
        ("10021.5", True, False, 10021.5),
        (" 3600.0 ", True, True, 3600.0),
        ("", True, True, None),
    ],
)
def test_localised_numbers(
    value: str, decimal_comma: bool, dot_groups: bool, expected: float | None
) -> None:
    assert (
        strava.parse_number(value, decimal_comma=decimal_comma, dot_groups=dot_groups)
        == expected
    )


@pytest.mark.parametrize("value", ["1,2,3", "10,0x", "nan", "1.234,5,6"])
def test_unreadable_localised_numbers(value: str) -> None:
    with pytest.raises(base.FileRejectedError) as caught:
        strava.parse_number(value, decimal_comma=True, dot_groups=True)
    assert caught.value.reason is Reason.CORRUPT


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("6. Okt. 2022, 23:19:20", utc(2022, 10, 6, 23, 19, 20)),
        ("6. März 2022, 8:05:00", utc(2022, 3, 6, 8, 5)),
        ("06.10.2022, 23:19:20", utc(2022, 10, 6, 23, 19, 20)),
        ("6 oct. 2022, 23:19:20", utc(2022, 10, 6, 23, 19, 20)),
        ("6 juin 2022 à 23:19:20", utc(2022, 6, 6, 23, 19, 20)),
        ("6 juil. 2022, 23:19:20", utc(2022, 7, 6, 23, 19, 20)),
        ("6 déc. 2022, 23:19:20", utc(2022, 12, 6, 23, 19, 20)),
        ("6 oct 2022, 23:19:20", utc(2022, 10, 6, 23, 19, 20)),
        ("6 sept 2022, 11:19:20 p. m.", utc(2022, 9, 6, 23, 19, 20)),
        ("6 ago 2022, 23:19:20", utc(2022, 8, 6, 23, 19, 20)),
        ("6 gen 2022, 23:19:20", utc(2022, 1, 6, 23, 19, 20)),
        ("6 de out. de 2022 23:19:20", utc(2022, 10, 6, 23, 19, 20)),
        ("6 mei 2022 23:19:20", utc(2022, 5, 6, 23, 19, 20)),
        ("6 окт. 2022 г., 23:19:20", utc(2022, 10, 6, 23, 19, 20)),  # noqa: RUF001
        ("2022年10月6日 23:19:20", utc(2022, 10, 6, 23, 19, 20)),
        ("2022/10/06 午後11:19:20", utc(2022, 10, 6, 23, 19, 20)),
        ("2022年10月6日 上午12:05:00", utc(2022, 10, 6, 0, 5)),
        ("2022. 10. 6. 오후 11:19:20", utc(2022, 10, 6, 23, 19, 20)),
        ("6 Oct 2022, 23:19:20", utc(2022, 10, 6, 23, 19, 20)),  # English (UK)
        ("Oct 6, 2022, 23:19:20", utc(2022, 10, 6, 23, 19, 20)),
        ("Thu, Oct 6, 2022 11:19 PM", utc(2022, 10, 6, 23, 19)),
        ("25/10/2022 07:00", utc(2022, 10, 25, 7)),  # the day is the one over 12
        ("10/25/2022 7:00 AM", utc(2022, 10, 25, 7)),
        ("06.10.22 23:19", utc(2022, 10, 6, 23, 19)),  # a two-digit year
    ],
)
def test_localised_dates(value: str, expected: datetime) -> None:
    assert strava.parse_date(value, day_first=True) == expected


def test_numeric_dates_follow_the_language_order() -> None:
    assert strava.parse_date("06/10/2022 23:19", day_first=True) == utc(
        2022, 10, 6, 23, 19
    )
    assert strava.parse_date("06/10/2022 11:19 PM") == utc(2022, 6, 10, 23, 19)


@pytest.mark.parametrize(
    "value",
    [
        "6. Foo 2022, 23:19:20",
        "31. Feb. 2022, 23:19:20",
        "6 oct 2022, 25:19:20",
        "6 oct 2022, 13:19:20 PM",
        "6 oct 7 nov 2022",
        "6 oct",
        "32.10.2022",
        "2022",
    ],
)
def test_unreadable_localised_dates(value: str) -> None:
    with pytest.raises(base.FileRejectedError) as caught:
        strava.parse_date(value, day_first=True)
    assert caught.value.reason is Reason.CORRUPT
