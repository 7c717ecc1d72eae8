"""Strava's words in `activities.csv`: column names, activity types, months, per language.

Strava writes the bulk export in the language of the account. Each `Language` lists
the names of the columns the importer reads (several spellings where Strava's wording
changed over the years) and how that language writes numbers and numeric dates.

How sure these names are:

- seen in real exports: English (today's `Activity ID`... and the older lower-case
  `id,date,name,type,description,elapsed_time,distance,commute,gear,filename`),
  German (`Aktivitäts-ID`, `Aktivitätsdatum`, `Name der Aktivität`, `Aktivitätsart`,
  `Verstrichene Zeit`, `Distanz`, `Aktivitätsausrüstung`, `Dateiname`,
  `Bewegungszeit`), French (every name below but the alternatives), Spanish
  (`ID de actividad`, `Fecha de la actividad`, `Nombre de la actividad`, `Tipo de
  actividad`, `Tiempo transcurrido`, `Distancia`, `Nombre del archivo`, `Tiempo en
  movimiento`);
- from Strava's web wording, not checked against an export: the other German,
  French and Spanish spellings, Italian, Portuguese, Dutch, and, least sure,
  Russian, Japanese, Chinese and Korean.

A file whose names are in none of these lists is still read when its header has the
layout of today's export (see `strava._Columns`), so a wrong guess here costs the
language's number and date conventions, not the runs.

Names are compared after `fold`: case, accents, spaces and punctuation do not count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import unicodedata

from ..records import Surface


def fold(text: str) -> str:
    """Return text without case, accents, spaces or punctuation, for comparisons."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isalnum())


FIELDS = (
    "id",
    "date",
    "name",
    "type",
    "elapsed",
    "distance",
    "moving",
    "gear",
    "filename",
)
"""The columns the importer reads; `REQUIRED` ones must all be there."""

REQUIRED = ("id", "date", "type")


@dataclass(frozen=True, slots=True, kw_only=True)
class Language:
    """One language's column names and number and date conventions.

    `decimal_comma`: the language writes `10,02` for ten point zero two (and groups
    thousands with a dot or a space). `day_first`: a numeric date `06/10/2022` is
    the 6th of October (dates that start with a four-digit year are read year,
    month, day whatever the language). `legacy`: the lower-case export Strava made
    until mid-2019, with one `distance` column in metres.
    """

    code: str
    decimal_comma: bool
    day_first: bool
    columns: Mapping[str, tuple[str, ...]]
    legacy: bool = False


ENGLISH = Language(
    code="en",
    decimal_comma=False,
    day_first=False,
    columns={
        "id": ("Activity ID",),
        "date": ("Activity Date",),
        "name": ("Activity Name",),
        "type": ("Activity Type",),
        "elapsed": ("Elapsed Time",),
        "distance": ("Distance",),
        "moving": ("Moving Time",),
        "gear": ("Activity Gear",),
        "filename": ("Filename",),
    },
)

LEGACY = Language(
    code="en-legacy",
    decimal_comma=False,
    day_first=False,
    legacy=True,
    columns={
        "id": ("id",),
        "date": ("date",),
        "name": ("name",),
        "type": ("type",),
        "elapsed": ("elapsed_time",),
        "distance": ("distance",),
        "moving": ("moving_time",),
        "gear": ("gear",),
        "filename": ("filename",),
    },
)

GERMAN = Language(
    code="de",
    decimal_comma=True,
    day_first=True,
    columns={
        "id": ("Aktivitäts-ID",),
        "date": ("Aktivitätsdatum", "Datum der Aktivität"),
        "name": ("Name der Aktivität", "Aktivitätsname"),
        "type": ("Aktivitätsart", "Aktivitätstyp", "Art der Aktivität"),
        "elapsed": ("Verstrichene Zeit",),
        "distance": ("Distanz",),
        "moving": ("Bewegungszeit",),
        "gear": ("Aktivitätsausrüstung", "Ausrüstung für Aktivität"),
        "filename": ("Dateiname",),
    },
)

FRENCH = Language(
    code="fr",
    decimal_comma=True,
    day_first=True,
    columns={
        "id": ("ID de l'activité",),
        "date": ("Date de l'activité",),
        "name": ("Nom de l'activité",),
        "type": ("Type d'activité",),
        "elapsed": ("Temps écoulé",),
        "distance": ("Distance",),
        "moving": ("Durée de déplacement", "Temps de déplacement"),
        "gear": (
            "Matériel utilisé pour l'activité",
            "Équipement de l'activité",
            "Matériel de l'activité",
        ),
        "filename": ("Nom du fichier",),
    },
)

SPANISH = Language(
    code="es",
    decimal_comma=True,
    day_first=True,
    columns={
        "id": ("ID de actividad", "ID de la actividad"),
        "date": ("Fecha de la actividad", "Fecha de actividad"),
        "name": ("Nombre de la actividad", "Nombre de actividad"),
        "type": ("Tipo de actividad",),
        "elapsed": ("Tiempo transcurrido",),
        "distance": ("Distancia",),
        "moving": ("Tiempo en movimiento",),
        "gear": (
            "Equipo de la actividad",
            "Equipamiento de la actividad",
            "Material de la actividad",
        ),
        "filename": ("Nombre del archivo",),
    },
)

ITALIAN = Language(
    code="it",
    decimal_comma=True,
    day_first=True,
    columns={
        "id": ("ID attività", "ID dell'attività"),
        "date": ("Data attività", "Data dell'attività"),
        "name": ("Nome attività", "Nome dell'attività"),
        "type": ("Tipo di attività", "Tipo attività"),
        "elapsed": ("Tempo trascorso", "Tempo totale"),
        "distance": ("Distanza",),
        "moving": ("Tempo in movimento",),
        "gear": ("Attrezzatura attività", "Attrezzatura dell'attività"),
        "filename": ("Nome file", "Nome del file"),
    },
)

PORTUGUESE = Language(  # Portugal and Brazil
    code="pt",
    decimal_comma=True,
    day_first=True,
    columns={
        "id": ("ID da atividade", "ID de atividade"),
        "date": ("Data da atividade", "Data de atividade"),
        "name": ("Nome da atividade", "Nome de atividade"),
        "type": ("Tipo de atividade", "Tipo da atividade"),
        "elapsed": ("Tempo decorrido",),
        "distance": ("Distância",),
        "moving": ("Tempo em movimento",),
        "gear": ("Equipamento da atividade", "Equipamento de atividade"),
        "filename": ("Nome do arquivo", "Nome do ficheiro"),
    },
)

DUTCH = Language(
    code="nl",
    decimal_comma=True,
    day_first=True,
    columns={
        "id": ("Activiteits-ID", "Activiteit-ID", "ID van activiteit"),
        "date": ("Datum van activiteit", "Activiteitsdatum"),
        "name": ("Naam activiteit", "Naam van activiteit", "Activiteitsnaam"),
        "type": ("Activiteitstype", "Type activiteit"),
        "elapsed": ("Verstreken tijd",),
        "distance": ("Afstand",),
        "moving": ("Beweegtijd", "Tijd in beweging"),
        "gear": (
            "Uitrusting voor activiteit",
            "Materiaal voor activiteit",
            "Activiteitsuitrusting",
        ),
        "filename": ("Bestandsnaam",),
    },
)

RUSSIAN = Language(
    code="ru",
    decimal_comma=True,
    day_first=True,
    columns={
        "id": ("ID активности", "ID тренировки"),
        "date": ("Дата активности", "Дата тренировки"),
        "name": ("Название активности", "Название тренировки"),
        "type": ("Тип активности", "Тип тренировки"),
        "elapsed": ("Прошедшее время", "Общее время"),
        "distance": ("Расстояние", "Дистанция"),
        "moving": ("Время в движении",),
        "gear": ("Снаряжение для активности", "Снаряжение"),
        "filename": ("Имя файла",),
    },
)

JAPANESE = Language(
    code="ja",
    decimal_comma=False,
    day_first=False,
    columns={
        "id": ("アクティビティID",),
        "date": ("アクティビティの日付", "アクティビティ日"),
        "name": ("アクティビティ名",),
        "type": ("アクティビティの種類", "アクティビティタイプ"),
        "elapsed": ("経過時間",),
        "distance": ("距離",),
        "moving": ("移動時間",),
        "gear": ("アクティビティのギア", "アクティビティギア"),
        "filename": ("ファイル名",),
    },
)

CHINESE = Language(  # simplified and traditional
    code="zh",
    decimal_comma=False,
    day_first=False,
    columns={
        "id": ("活动 ID", "活動 ID"),
        "date": ("活动日期", "活動日期"),
        "name": ("活动名称", "活動名稱"),
        "type": ("活动类型", "活動類型"),
        "elapsed": ("耗用时间", "经过时间", "經過時間"),
        "distance": ("距离", "距離"),
        "moving": ("移动时间", "移動時間"),
        "gear": ("活动装备", "活動裝備"),
        "filename": ("文件名", "檔案名稱"),
    },
)

KOREAN = Language(
    code="ko",
    decimal_comma=False,
    day_first=False,
    columns={
        "id": ("활동 ID",),
        "date": ("활동 날짜",),
        "name": ("활동 이름",),
        "type": ("활동 유형",),
        "elapsed": ("경과 시간",),
        "distance": ("거리",),
        "moving": ("이동 시간",),
        "gear": ("활동 장비",),
        "filename": ("파일 이름",),
    },
)

LANGUAGES = (
    ENGLISH,
    LEGACY,
    GERMAN,
    FRENCH,
    SPANISH,
    ITALIAN,
    PORTUGUESE,
    DUTCH,
    RUSSIAN,
    JAPANESE,
    CHINESE,
    KOREAN,
)
"""Tried in this order; the first whose `REQUIRED` columns are all present wins."""

UNKNOWN = Language(code="unknown", decimal_comma=False, day_first=True, columns={})
"""A file read by the layout of today's export, in a language not listed above."""

RUN_SURFACES: dict[str, Surface] = {
    fold(name): surface
    for names, surface in (
        (
            (
                "Run",
                "Lauf",
                "Laufen",
                "Course à pied",
                "Carrera",
                "Corsa",
                "Corrida",
                "Hardloopsessie",
                "Hardlopen",
                "Забег",  # noqa: RUF001
                "Бег",
                "ランニング",
                "跑步",
                "달리기",
            ),
            Surface.ROAD,
        ),
        (
            (
                "Trail Run",
                "Traillauf",
                "Trail",
                "Trail running",
                "Carrera por montaña",
                "Carrera de montaña",
                "Corsa su sentiero",
                "Corsa in montagna",
                "Corrida em trilha",
                "Corrida de trilha",
                "Trailrun",
                "Трейлраннинг",
                "Трейл",
                "トレイルラン",
                "トレイルランニング",
                "越野跑",
                "트레일 러닝",
            ),
            Surface.TRAIL,
        ),
        (
            (
                "Virtual Run",
                "Virtueller Lauf",
                "Course virtuelle",
                "Course à pied virtuelle",
                "Carrera virtual",
                "Corsa virtuale",
                "Corrida virtual",
                "Virtuele hardloopsessie",
                "Virtuele run",
                "Виртуальный забег",
                "Виртуальный бег",  # noqa: RUF001
                "バーチャルラン",
                "バーチャルランニング",
                "虚拟跑步",
                "虛擬跑步",
                "가상 달리기",
            ),
            Surface.TREADMILL,
        ),
    )
    for name in names
}
"""Strava's activity types imported as runs, in every language above, by `fold`ed
name. A type a file writes in its own language is looked up among all of them: no
name means a run in one language and something else in another."""

_MONTH_NAMES = (
    # English, German, French, Spanish, Italian, Portuguese, Dutch, Russian (the
    # nominative and the genitive Strava's dates use); abbreviations that are not
    # the start of the full name are listed on their own.
    ("january", "januar", "janvier", "enero", "gennaio", "janeiro", "januari",
     "jänner", "январь", "января"),
    ("february", "februar", "février", "febrero", "febbraio", "fevereiro",
     "februari", "февраль", "февраля"),
    ("march", "märz", "mär", "mars", "marzo", "março", "maart", "mrt", "март",
     "марта"),
    ("april", "avril", "abril", "aprile", "апрель", "апреля"),
    ("may", "mai", "mayo", "maggio", "maio", "mei", "май", "мая"),
    ("june", "juni", "juin", "junio", "giugno", "junho", "июнь", "июня"),
    ("july", "juli", "juillet", "julio", "luglio", "julho", "июль", "июля"),
    ("august", "août", "agosto", "augustus", "август", "августа"),
    ("september", "septembre", "septiembre", "setiembre", "settembre", "setembro",
     "сентябрь", "сентября"),
    ("october", "oktober", "octobre", "octubre", "ottobre", "outubro", "октябрь",
     "октября"),
    ("november", "novembre", "noviembre", "novembro", "ноябрь", "ноября"),
    ("december", "dezember", "décembre", "diciembre", "dicembre", "dezembro",
     "декабрь", "декабря"),
)  # fmt: skip


def _month_words() -> dict[str, int]:
    """Map each month name and each unambiguous 3+ letter start of one to its number.

    `juil.` and `juin` are told apart, while `jui` (either) is left out.
    """
    found: dict[str, set[int]] = {}
    for number, names in enumerate(_MONTH_NAMES, start=1):
        for name in names:
            word = fold(name)
            for end in range(min(3, len(word)), len(word) + 1):
                found.setdefault(word[:end], set()).add(number)
    return {word: numbers.pop() for word, numbers in found.items() if len(numbers) == 1}


MONTH_WORDS = _month_words()
"""A `fold`ed month word (`okt`, `févr`, `märz`, `mrt`, `окт`...) to its number."""

__all__ = [
    "FIELDS",
    "LANGUAGES",
    "LEGACY",
    "MONTH_WORDS",
    "REQUIRED",
    "RUN_SURFACES",
    "UNKNOWN",
    "Language",
    "fold",
]
