#!/usr/bin/env python3
"""Check the demo registry files in data/demo (standard library only).

Usage: python3 data/demo/check_demo.py   (exit status 0 when everything holds)
"""

import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {
    "region", "republican_city", "district", "regional_city",
    "rural_okrug", "village", "settlement", "district_city",
}
KK_LETTERS = set("әғқңөұүһі")

errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)


def load(name, header):
    path = os.path.join(HERE, name)
    with open(path, "rb") as f:
        raw = f.read()
    check(not raw.startswith(b"\xef\xbb\xbf"), name + ": starts with a BOM")
    text = raw.decode("utf-8")
    check(b"\r" not in raw, name + ": contains CR characters")
    first = text.split("\n", 1)[0]
    check(first == header, "%s: header is %r, expected %r" % (name, first, header))
    rows = list(csv.DictReader(text.splitlines()))
    for i, r in enumerate(rows, start=2):
        check(None not in r and all(v is not None for v in r.values()),
              "%s line %d: wrong number of fields" % (name, i))
    return rows


terr = load("territories.csv", "code,parent_code,kind,name_ru,name_kk,name_en")
codes = [t["code"] for t in terr]
check(len(codes) == len(set(codes)), "territories: duplicate codes")
by_code = {t["code"]: t for t in terr}
for t in terr:
    c = t["code"]
    check(re.fullmatch(r"\d{9}", c) is not None, "territory %s: code is not 9 digits" % c)
    check(t["kind"] in KINDS, "territory %s: bad kind %s" % (c, t["kind"]))
    for col in ("name_ru", "name_kk", "name_en"):
        check(t[col].strip() != "" and t[col] == t[col].strip(), "territory %s: bad %s" % (c, col))
    if t["kind"] == "region":
        check(t["parent_code"] == "", "region %s has a parent" % c)
        check(c.endswith("0000000"), "region %s: code not of the form XX0000000" % c)
    else:
        p = t["parent_code"]
        check(p in by_code, "territory %s: parent %s does not exist" % (c, p))
        if p in by_code:
            check(c[:2] == p[:2], "territory %s: code does not start with its region prefix %s" % (c, p[:2]))
regions = [t for t in terr if t["kind"] == "region"]
units = [t for t in terr if t["kind"] in ("district", "regional_city")]
check(len(regions) == 17, "expected 17 regions, found %d" % len(regions))
check(len(units) == 45, "expected 45 units, found %d" % len(units))
check(sum(1 for u in units if u["kind"] == "regional_city") == 3, "expected 3 regional cities")
check(len(terr) == 62, "expected 62 territory rows, found %d" % len(terr))
for r in regions:
    n = sum(1 for u in units if u["parent_code"] == r["code"])
    check(n >= 1, "region %s has no unit" % r["code"])
kk_text = "".join(t["name_kk"] for t in terr).lower()
check(any(ch in kk_text for ch in KK_LETTERS), "Kazakh names use no Kazakh-specific letters")

prec = load("precincts.csv", "number,territory_code,address,voters")
unit_codes = {u["code"] for u in units}
seen = set()
total = 0
for i, p in enumerate(prec, start=2):
    tc = p["territory_code"]
    check(tc in unit_codes, "precincts line %d: %s is not one of the 45 units" % (i, tc))
    check(re.fullmatch(r"[1-9]\d*", p["number"]) is not None, "precincts line %d: bad number" % i)
    check(re.fullmatch(r"[1-9]\d*", p["voters"]) is not None, "precincts line %d: bad voters" % i)
    check(p["address"].strip() != "", "precincts line %d: empty address" % i)
    if tc in by_code and p["number"].isdigit() and p["voters"].isdigit():
        key = (by_code[tc]["parent_code"], int(p["number"]))
        check(key not in seen, "precincts line %d: number %s repeats in region %s" % (i, p["number"], key[0]))
        seen.add(key)
        v = int(p["voters"])
        check(50 <= v <= 3000, "precincts line %d: %d voters out of [50, 3000]" % (i, v))
        total += v
check(len(prec) == 1491, "expected 1491 precincts, found %d" % len(prec))
check(total == 1062327, "voters sum to %d, expected 1062327" % total)
for u in units:
    check(any(p["territory_code"] == u["code"] for p in prec), "unit %s has no precinct" % u["code"])

parties = load("parties.csv", "code,name_ru,name_kk,short_name,name_en")
pcodes = [p["code"] for p in parties]
check(len(parties) == 7, "expected 7 parties, found %d" % len(parties))
check(len(pcodes) == len(set(pcodes)), "duplicate party codes")
for p in parties:
    check(re.fullmatch(r"[a-z][a-z0-9_-]*", p["code"]) is not None, "party %s: code not a lowercase ASCII slug" % p["code"])
    for col in ("name_ru", "name_kk", "short_name", "name_en"):
        check(p[col].strip() != "", "party %s: empty %s" % (p["code"], col))

if errors:
    for e in errors:
        print("FAIL:", e)
    sys.exit(1)
print("ok: %d regions, %d units (%d regional cities), %d precincts, %d voters, %d parties"
      % (len(regions), len(units), sum(1 for u in units if u["kind"] == "regional_city"),
         len(prec), total, len(parties)))
