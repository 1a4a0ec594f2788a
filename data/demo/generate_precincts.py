#!/usr/bin/env python3
"""Generate data/demo/precincts.csv for the sailau demo registry.

Reads territories.csv (next to this file), takes the 45 units of the
5 November 2023 district-akim election (kinds `district` and
`regional_city`) and writes one row per polling station:

    number,territory_code,address,voters

The output is SYNTHETIC. Per-unit station counts and voter totals come from
the PLAN table below: some are published 2023 figures, the rest are estimates
(see README.md, which lists which is which). Inside a unit, the voters of each
station, the addresses and the village names are invented. The national
totals are the published ones: 1,491 stations and 1,062,327 voters.

Standard library only. Deterministic: a fixed seed and only
random.Random.random() (whose sequence Python guarantees to keep for a given
integer seed), no set iteration, sorted keys, "\\n" line endings. Running it
again produces the same bytes.

Usage: python3 data/demo/generate_precincts.py
"""

import csv
import io
import os
import random
import sys

SEED = 20231105
TOTAL_STATIONS = 1491
TOTAL_VOTERS = 1062327
MIN_VOTERS = 50
MAX_VOTERS = 3000
# Bounds used while spreading voters (a little inside the hard bounds).
SOFT_MIN = 60
SOFT_MAX = 2950

HERE = os.path.dirname(os.path.abspath(__file__))
TERRITORIES = os.path.join(HERE, "territories.csv")
PRECINCTS = os.path.join(HERE, "precincts.csv")

# code: (stations, voters, first station number, administrative centre,
#        stations located in the centre)
# Station numbers are unique within a region (numbering per oblast), so the
# ranges of units of the same region must not overlap; the script checks it.
PLAN = {
    # Abai region
    "101800000": (12, 6950, 251, "г. Курчатов", 12),
    "103200000": (14, 10000, 263, "с. Караул", 5),
    # Akmola region (159 stations in the five districts: published)
    "113200000": (31, 19412, 286, "г. Акколь", 11),
    "113600000": (36, 15500, 331, "с. Астраханка", 8),
    "114800000": (34, 16000, 421, "г. Есиль", 10),
    "115200000": (25, 12000, 500, "с. Жаксы", 6),
    "116800000": (33, 24000, 700, "пос. Шортанды", 9),
    # Aktobe region
    "154200000": (31, 12500, 401, "с. Кобда", 8),
    "155200000": (24, 11000, 601, "с. Уил", 8),
    "156800000": (22, 11000, 321, "с. Иргиз", 7),
    # Almaty region (100 stations in the two districts: published)
    "193600000": (23, 20500, 101, "с. Баканас", 7),
    "194200000": (77, 95000, 301, "с. Узынагаш", 18),
    # Atyrau region (published: 15 / 15,883 and 19 / 18,614)
    "234200000": (15, 15883, 201, "с. Аккистау", 6),
    "234800000": (19, 18614, 251, "с. Миялы", 6),
    # West Kazakhstan region (stations 19/22/22 and 28,884 voters: published)
    "275000000": (19, 9234, 270, "с. Каратобе", 6),
    "275400000": (22, 8700, 201, "с. Сайхин", 5),
    "276000000": (22, 10950, 401, "с. Таскала", 5),
    # Zhambyl region (voters published)
    "314200000": (39, 31286, 301, "с. Бауыржан Момышулы", 10),
    "314800000": (35, 40378, 451, "с. Кулан", 10),
    # Zhetysu region
    "334000000": (58, 37000, 401, "с. Сарыозек", 12),
    "334800000": (33, 26000, 601, "г. Сарканд", 12),
    # Karaganda region
    "352100000": (7, 8000, 601, "г. Приозерск", 7),
    "353600000": (36, 10500, 651, "с. Актогай", 6),
    "355600000": (41, 24500, 801, "пос. Осакаровка", 9),
    # Kostanay region (135,198 voters in the five units: published)
    "392400000": (50, 84000, 101, "г. Рудный", 50),
    "393200000": (25, 9000, 201, "с. Убаганское", 5),
    "394000000": (34, 12500, 301, "с. Денисовка", 7),
    "395000000": (52, 17000, 401, "пос. Карабалык", 9),
    "396800000": (37, 12698, 601, "с. Федоровка", 8),
    # Kyzylorda region (58 stations; 22,101 and 50,402 voters: published)
    "434800000": (18, 22101, 201, "пос. Теренозек", 7),
    "435200000": (40, 50402, 270, "пос. Шиели", 14),
    # Mangystau region (30 stations, 17 in Beineu, 40,134 voters: published)
    "473600000": (30, 40134, 110, "с. Бейнеу", 17),
    # Pavlodar region (28 / 33 / 26 stations, 10,443 and 12,987: published)
    "553200000": (28, 9400, 201, "с. Актогай", 6),
    "554200000": (33, 10443, 301, "с. Железинка", 7),
    "556800000": (26, 12987, 601, "с. Шарбакты", 7),
    # North Kazakhstan region (35,846 voters in the three districts: published)
    "594200000": (40, 16100, 301, "с. Явленка", 8),
    "595200000": (31, 12300, 451, "г. Мамлютка", 8),
    "596200000": (21, 7446, 601, "с. Тимирязево", 6),
    # Turkestan region (units partly unverified, see README)
    "613600000": (50, 31000, 301, "с. Шаян", 10),
    "614800000": (40, 32000, 601, "с. Шаульдер", 10),
    "615600000": (39, 38500, 701, "с. Шолаккорган", 12),
    "616400000": (33, 44109, 847, "г. Шардара", 14),
    # Ulytau region (30 stations: published)
    "623400000": (30, 7300, 101, "с. Улытау", 8),
    # East Kazakhstan region
    "634000000": (46, 47000, 201, "пос. Глубокое", 14),
    "634800000": (80, 51000, 401, "г. Алтай", 35),
}

# Stations of a regional city that lie outside the city itself (the last
# three of its "centre" stations).
OUTLYING = {"392400000": "пос. Качар"}

# Synthetic village names (common Kazakhstan place names; not checked
# against the real settlements of each district).
VILLAGES_SOUTH = [
    "Акбулак", "Карасу", "Жанаталап", "Коктерек", "Кызылту", "Таскудык",
    "Жанаауыл", "Бирлик", "Ынтымак", "Береке", "Акжар", "Караой",
    "Сарыбулак", "Каракудук", "Кайнар", "Жанажол", "Бестерек",
    "Жанатурмыс", "Коктал", "Акмешит", "Тасоткель", "Аксай", "Достык",
    "Карабулак", "Шубар", "Жидели", "Акколь", "Талдыбулак", "Улгили",
    "Мадениет", "Жаркамыс", "Бозой", "Теректи", "Кумкент",
]
VILLAGES_NORTH = [
    "Луговое", "Степное", "Каменка", "Заречное", "Жалтыр", "Ключи",
    "Березовка", "Ольгинка", "Приречное", "Озерное", "Сосновка",
    "Новопокровка", "Акбулак", "Карасу", "Бирлик", "Жанаталап",
    "Кенащи", "Караколь", "Майское", "Светлое", "Ивановка", "Ярославка",
    "Александровка", "Раздольное", "Калиновка", "Целинное", "Полтавка",
    "Лесное", "Рощинское", "Кызылжар", "Коктал", "Жанажол",
]
NORTH_REGIONS = ("11", "35", "39", "55", "59", "62", "63")

STREETS = [
    "Абая", "Жамбыла", "Абылай хана", "Тауелсиздик", "Бейбитшилик",
    "Достык", "Республики", "Центральная", "Школьная", "Мира", "Садовая",
    "Молодежная", "Кунаева", "Желтоксан", "Сейфуллина", "Ауэзова",
    "Гагарина", "Байтурсынова", "Наурыз", "Астана", "Ыбырая Алтынсарина",
    "Маметовой", "Абилкайыр хана", "Степная",
]
URBAN_BUILDINGS = [
    "средняя школа №{n}", "школа-гимназия №{n}", "средняя школа №{n}",
    "Дом культуры", "колледж", "средняя школа №{n}", "спортивный комплекс",
    "детская музыкальная школа", "средняя школа №{n}", "районная библиотека",
]
# Buildings without a number are used at most once per unit; a repeat falls
# back to a numbered school.
RURAL_BUILDINGS = [
    "средняя школа", "основная школа", "сельский клуб",
    "здание аппарата акима сельского округа", "средняя школа",
    "малокомплектная школа", "медицинский пункт", "сельский клуб",
]


def fail(msg):
    sys.stderr.write("generate_precincts: " + msg + "\n")
    sys.exit(1)


def read_units():
    with open(TERRITORIES, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    units = [r for r in rows if r["kind"] in ("district", "regional_city")]
    units.sort(key=lambda r: r["code"])
    return units


def spread(rnd, total, n_centre, n_rural):
    """Split `total` voters into n_centre + n_rural integers within bounds."""
    weights = []
    for _ in range(n_centre):
        weights.append(1.5 + 1.3 * rnd.random())
    for _ in range(n_rural):
        u = rnd.random()
        weights.append(0.25 + 0.95 * u * u)
    n = len(weights)
    if not (SOFT_MIN * n <= total <= SOFT_MAX * n):
        fail("cannot fit %d voters into %d stations" % (total, n))
    # Proportional split with clamping; clamped stations are fixed and the
    # rest is re-spread over the others until nothing is out of bounds.
    fixed = [None] * n
    while True:
        free = [i for i in range(n) if fixed[i] is None]
        remaining = total - sum(v for v in fixed if v is not None)
        wsum = sum(weights[i] for i in free)
        values = {i: remaining * weights[i] / wsum for i in free}
        changed = False
        for i in free:
            if values[i] < SOFT_MIN:
                fixed[i] = float(SOFT_MIN)
                changed = True
            elif values[i] > SOFT_MAX:
                fixed[i] = float(SOFT_MAX)
                changed = True
        if not changed:
            for i in free:
                fixed[i] = values[i]
            break
    # Largest-remainder rounding to an exact integer total.
    floors = [int(v) for v in fixed]
    short = total - sum(floors)
    order = sorted(range(n), key=lambda i: (-(fixed[i] - floors[i]), i))
    for i in order[:short]:
        floors[i] += 1
    return floors


def main():
    units = read_units()
    codes = [u["code"] for u in units]
    if sorted(PLAN) != codes:
        missing = sorted(set(codes) - set(PLAN))
        extra = sorted(set(PLAN) - set(codes))
        fail("PLAN and territories.csv disagree: missing %s, extra %s" % (missing, extra))
    if sum(p[0] for p in PLAN.values()) != TOTAL_STATIONS:
        fail("station counts sum to %d" % sum(p[0] for p in PLAN.values()))
    if sum(p[1] for p in PLAN.values()) != TOTAL_VOTERS:
        fail("voter totals sum to %d" % sum(p[1] for p in PLAN.values()))

    rnd = random.Random(SEED)
    rows = []
    used = {}
    for unit in units:
        code = unit["code"]
        region = unit["parent_code"][:2]
        stations, voters, first, centre, n_centre = PLAN[code]
        n_centre = min(n_centre, stations)
        counts = spread(rnd, voters, n_centre, stations - n_centre)
        pool = VILLAGES_NORTH if region in NORTH_REGIONS else VILLAGES_SOUTH
        # Pick distinct villages for this unit deterministically.
        offset = int(rnd.random() * len(pool))
        school = 1
        seen_buildings = []
        for k in range(stations):
            number = first + k
            key = (region, number)
            if key in used:
                fail("station number %d repeats in region %s (%s and %s)" % (number, region, used[key], code))
            used[key] = code
            street = STREETS[int(rnd.random() * len(STREETS))]
            house = 1 + int(rnd.random() * 120)
            if k < n_centre:
                template = URBAN_BUILDINGS[int(rnd.random() * len(URBAN_BUILDINGS))]
                if "{n}" not in template and template in seen_buildings:
                    template = "средняя школа №{n}"
                seen_buildings.append(template)
                building = template.format(n=school)
                if "{n}" in template:
                    school += 1
                place = centre
                if code in OUTLYING and k >= n_centre - 3:
                    place = OUTLYING[code]
            else:
                building = RURAL_BUILDINGS[int(rnd.random() * len(RURAL_BUILDINGS))]
                village = pool[(offset + k - n_centre) % len(pool)]
                place = "с. " + village
            address = "%s, ул. %s, %d, %s" % (place, street, house, building)
            rows.append((number, code, address, counts[k]))

    for number, code, _, v in rows:
        if not (MIN_VOTERS <= v <= MAX_VOTERS):
            fail("station %d of %s has %d voters" % (number, code, v))
    if len(rows) != TOTAL_STATIONS or sum(r[3] for r in rows) != TOTAL_VOTERS:
        fail("totals are off")

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["number", "territory_code", "address", "voters"])
    for r in rows:
        w.writerow(r)
    with open(PRECINCTS, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    print("wrote %s: %d stations, %d voters" % (PRECINCTS, len(rows), sum(r[3] for r in rows)))


if __name__ == "__main__":
    main()
