"""Independent ICDAR-2013-style test-set generator for table extraction.

Writes born-digital PDF documents (1-3 pages each) that look like pages of
EU and US government statistical reports -- statistical releases, annual
reports, labour-market bulletins, agricultural, health and education
statistics -- together with a ground-truth CSV for every table and a
``truth.json`` index.

This file was written by a helper session that was NOT allowed to read the
code, tests or benchmarks of the table-extraction tool under test.  The
layouts below are therefore not tuned to that tool's heuristics; they are
meant to measure how it carries over to tables laid out by someone else.

Usage::

    python gen.py N SEED OUTDIR

or, from Python::

    from gen import main
    main(n=40, seed=20261207, outdir="/tmp/out")

Outputs (NAME = ``doc-SEED-IDX``)::

    OUTDIR/NAME.pdf
    OUTDIR/NAME.tK.pP.csv   table K (1-based, document order) on page P
    OUTDIR/truth.json       [{"pdf": ..., "tables": [{"csv", "page", "rows",
                              "cols", "style"}]}]

Ground-truth conventions (ICDAR 2013 style):

* one CSV row per logical table row; every header tier is its own row
  (a units row inside the table, e.g. "1 000 | % | %", is a header row);
* a cell wrapped over several lines is one cell, lines joined by one space;
  a wrapped row label is one row;
* a spanning cell's text is in its first (leftmost / topmost) grid cell, the
  other covered cells are "" -- this includes header cells that span several
  header tiers vertically (stub header, "Total", "Change (%)"), whatever
  their vertical alignment on the page;
* section rows ("Males", "Manufacturing industries") have their label in
  the first column and "" elsewhere; the empty stub header is "";
* captions, unit lines outside the table, notes, sources and footnotes are
  not part of the table;
* cell text is as printed (footnote markers and missing-value marks kept),
  whitespace-normalised; a no-break space used as thousands separator is
  written as an ordinary space;
* a table continued on the next page is two tables (one per page), each
  with its own (repeated) header;
* tables are numbered in reading order: by page, top to bottom, and left
  before right for two tables side by side.

Text is drawn with PyMuPDF's built-in base-14 fonts (helv/hebo/heit,
tiro/tibo/tiit, cour/cobo/coit) through ``TextWriter`` so that characters
outside Latin-1 (en dash, minus sign, bullet) are real text; the fonts end
up embedded as subsets with a ToUnicode map.  All text is extractable; no
images are used.

Deterministic for a given seed (only ``random.Random`` is used, and the PDF
is saved in reproducible mode).
"""

from __future__ import annotations

import csv
import json
import os
import random
import sys
import time
from functools import lru_cache

import pymupdf

# --------------------------------------------------------------------------
# Fonts, measuring and drawing
# --------------------------------------------------------------------------

BLACK = (0.0, 0.0, 0.0)
WHITE = (1.0, 1.0, 1.0)
ASC = 0.74  # glyph box above the baseline (fraction of font size)
DESC = 0.22  # glyph box below the baseline

FAMILIES = {
    "sans": {"r": "helv", "b": "hebo", "i": "heit"},
    "serif": {"r": "tiro", "b": "tibo", "i": "tiit"},
    "mono": {"r": "cour", "b": "cobo", "i": "coit"},
}

_FONTS: dict = {}
_MU = getattr(pymupdf, "mupdf", None)
_FAST = [_MU is not None]


def _font(name):
    f = _FONTS.get(name)
    if f is None:
        f = _FONTS[name] = pymupdf.Font(name)
    return f


@lru_cache(maxsize=None)
def tlen(text, fname, size):
    """Advance width of ``text`` in points."""
    return _font(fname).text_length(text, fontsize=size)


def norm(s):
    return " ".join(s.split())


def wrap(text, fname, size, maxw):
    """Greedy word wrap; a single over-long word stays on its own line."""
    lines, cur = [], ""
    for w in text.split():
        t = w if not cur else cur + " " + w
        if not cur or tlen(t, fname, size) <= maxw:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines or [""]


def baseline(top, lh, size):
    """Baseline of a text line whose slot starts at ``top`` (height lh)."""
    return top + (lh - (ASC + DESC) * size) / 2 + ASC * size


def _writer_add(tw, x, y, s, fname, size):
    f = _font(fname)
    if f.flags.get("mono"):
        tw.used_fonts.add(f)
    if _FAST[0]:
        try:
            p = pymupdf.Point(x, y) * tw.ictm
            trm = _MU.fz_make_matrix(size, 0, 0, size, p.x, p.y)
            _MU.fz_show_string(tw.this, f.this, trm, s, 0, 0, 0, 0)
            return
        except Exception:  # pragma: no cover - other PyMuPDF versions
            _FAST[0] = False
    tw.append((x, y), s, font=f, fontsize=size)


class Canvas:
    """Collects drawing operations for one page and records text boxes."""

    def __init__(self, page):
        self.page = page
        self.fills = []
        self.lines = []
        self.texts = []
        self.boxes = []  # (x0, y0, x1, y1, text)

    def text(self, x, y, s, fname, size, color=BLACK):
        if not s.strip():
            return 0.0
        w = tlen(s, fname, size)
        self.texts.append((x, y, s, fname, size, color))
        self.boxes.append((x, y - ASC * size, x + w, y + DESC * size, s))
        return w

    def line(self, x0, y0, x1, y1, width=0.5, color=BLACK):
        self.lines.append((x0, y0, x1, y1, width, color))

    def fill(self, x0, y0, x1, y1, color):
        self.fills.append((x0, y0, x1, y1, color))

    def frame(self, x0, y0, x1, y1, width=0.5, color=BLACK):
        self.line(x0, y0, x1, y0, width, color)
        self.line(x1, y0, x1, y1, width, color)
        self.line(x1, y1, x0, y1, width, color)
        self.line(x0, y1, x0, y0, width, color)

    def flush(self):
        if self.fills or self.lines:
            sh = self.page.new_shape()
            for x0, y0, x1, y1, c in self.fills:
                sh.draw_rect(pymupdf.Rect(x0, y0, x1, y1))
                sh.finish(color=None, fill=c, width=0)
            for x0, y0, x1, y1, w, c in self.lines:
                sh.draw_line((x0, y0), (x1, y1))
                sh.finish(color=c, width=w)
            sh.commit()
        groups: dict = {}
        for t in self.texts:
            groups.setdefault(t[5], []).append(t)
        for color, items in groups.items():
            tw = pymupdf.TextWriter(self.page.rect)
            for x, y, s, fn, sz, _ in items:
                _writer_add(tw, x, y, s, fn, sz)
            tw.write_text(self.page, color=color)


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

EU_COUNTRIES = [
    "Belgium", "Bulgaria", "Czech Republic", "Denmark", "Germany", "Estonia",
    "Ireland", "Greece", "Spain", "France", "Italy", "Cyprus", "Latvia",
    "Lithuania", "Luxembourg", "Hungary", "Malta", "Netherlands", "Austria",
    "Poland", "Portugal", "Romania", "Slovenia", "Slovakia", "Finland",
    "Sweden", "United Kingdom", "Croatia", "Former Yugoslav Republic of Macedonia",
    "Turkey", "Iceland", "Norway", "Switzerland",
]
US_STATES = [
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado",
    "Connecticut", "Delaware", "District of Columbia", "Florida", "Georgia",
    "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
    "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
    "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
]
US_REGIONS = [
    (0, "Northeast"), (1, "New England"), (1, "Middle Atlantic"),
    (0, "Midwest"), (1, "East North Central"), (1, "West North Central"),
    (0, "South"), (1, "South Atlantic"), (1, "East South Central"),
    (1, "West South Central"), (0, "West"), (1, "Mountain"), (1, "Pacific"),
]
NACE_GROUPS = [
    ("Industry", [
        "Mining and quarrying", "Manufacturing",
        "Electricity, gas, steam and air conditioning supply",
        "Water supply; sewerage, waste management and remediation activities",
        "Construction"]),
    ("Services", [
        "Wholesale and retail trade; repair of motor vehicles and motorcycles",
        "Transportation and storage", "Accommodation and food service activities",
        "Information and communication", "Financial and insurance activities",
        "Real estate activities",
        "Professional, scientific and technical activities",
        "Administrative and support service activities"]),
    ("Public and other services", [
        "Public administration and defence; compulsory social security",
        "Education", "Human health and social work activities",
        "Arts, entertainment and recreation", "Other service activities"]),
]
NACE_FLAT = ["Agriculture, forestry and fishing"] + [
    x for _, g in NACE_GROUPS for x in g]
BLS_INDUSTRIES = [
    (0, "Total nonfarm"), (1, "Total private"), (2, "Goods-producing"),
    (3, "Mining and logging"), (3, "Construction"), (3, "Manufacturing"),
    (4, "Durable goods"), (4, "Nondurable goods"),
    (2, "Private service-providing"),
    (3, "Trade, transportation, and utilities"), (4, "Wholesale trade"),
    (4, "Retail trade"), (4, "Transportation and warehousing"),
    (4, "Utilities"), (3, "Information"), (3, "Financial activities"),
    (3, "Professional and business services"),
    (3, "Education and health services"), (3, "Leisure and hospitality"),
    (3, "Other services"), (1, "Government"), (2, "Federal"),
    (2, "State government"), (2, "Local government"),
]
BLS_STATUS = [
    "Civilian noninstitutional population", "Civilian labor force",
    "Participation rate", "Employed", "Employment-population ratio",
    "Unemployed", "Unemployment rate", "Not in labor force",
]
BLS_STATUS_SECTIONS = [
    "TOTAL", "Men, 20 years and over", "Women, 20 years and over",
    "Both sexes, 16 to 19 years",
]
US_OCCUPATIONS = [
    "Management, business, and financial operations occupations",
    "Professional and related occupations", "Service occupations",
    "Sales and related occupations",
    "Office and administrative support occupations",
    "Farming, fishing, and forestry occupations",
    "Construction and extraction occupations",
    "Installation, maintenance, and repair occupations",
    "Production occupations",
    "Transportation and material moving occupations",
]
EU_AGES = ["15-24 years", "25-34 years", "35-44 years", "45-54 years",
           "55-64 years", "65-74 years"]
EU_AGES = [a.replace("-", "\u2013") for a in EU_AGES]
US_AGES = ["16 to 19 years", "20 to 24 years", "25 to 34 years",
           "35 to 44 years", "45 to 54 years", "55 to 64 years",
           "65 years and over"]
EDU_LEVELS = [
    "Pre-primary education (ISCED 0)", "Primary education (ISCED 1)",
    "Lower secondary education (ISCED 2)",
    "Upper secondary education (ISCED 3)",
    "Post-secondary non-tertiary education (ISCED 4)",
    "Tertiary education, first stage (ISCED 5)",
    "Tertiary education, second stage (ISCED 6)",
]
US_ATTAIN = [
    "Less than a high school diploma",
    "High school graduates, no college", "Some college, no degree",
    "Associate degree", "Bachelor's degree", "Master's degree",
    "Professional degree", "Doctoral degree",
]
EDU_FIELDS = [
    "Education", "Humanities and arts",
    "Social sciences, business and law",
    "Science, mathematics and computing",
    "Engineering, manufacturing and construction",
    "Agriculture and veterinary", "Health and welfare", "Services",
]
CROP_GROUPS = [
    ("Cereals", ["Common wheat and spelt", "Durum wheat", "Rye", "Barley",
                 "Oats", "Grain maize", "Triticale", "Rice"]),
    ("Dried pulses", ["Field peas", "Broad and field beans", "Sweet lupins"]),
    ("Root crops", ["Potatoes (including seed potatoes)", "Sugar beet",
                    "Fodder roots and brassicas"]),
    ("Industrial crops", ["Rape and turnip rape", "Sunflower seed",
                          "Soya", "Linseed (oil flax)", "Fibre flax",
                          "Tobacco"]),
]
US_CROPS = ["Corn for grain", "Sorghum for grain", "Oats", "Barley",
            "All wheat", "Winter wheat", "Durum wheat", "Other spring wheat",
            "Rice", "Soybeans for beans", "Peanuts for nuts",
            "Upland cotton", "Sugarbeets", "Dry edible beans"]
LIVESTOCK = ["Cattle", "of which: dairy cows", "Pigs", "of which: breeding sows",
             "Sheep", "Goats", "Poultry", "Equidae"]
LAND_USE = ["Utilised agricultural area", "Arable land",
            "Permanent grassland and meadow", "Permanent crops",
            "Kitchen gardens", "Wooded area", "Other land"]
CAUSES = [
    (0, "Diseases of the circulatory system"),
    (1, "Ischaemic heart diseases"), (1, "Cerebrovascular diseases"),
    (0, "Malignant neoplasms"),
    (1, "Malignant neoplasm of trachea, bronchus and lung"),
    (1, "Malignant neoplasm of colon, rectum and anus"),
    (1, "Malignant neoplasm of breast"),
    (0, "Diseases of the respiratory system"), (1, "Pneumonia"),
    (1, "Chronic lower respiratory diseases"),
    (0, "Diseases of the digestive system"), (1, "Chronic liver disease"),
    (0, "External causes of injury and poisoning"),
    (1, "Transport accidents"), (1, "Accidental falls"),
    (1, "Intentional self-harm"), (0, "Diabetes mellitus"),
    (0, "Mental and behavioural disorders"), (0, "Other causes"),
]
HEALTH_RES = ["Practising physicians", "General practitioners",
              "Medical specialists", "Dentists", "Pharmacists",
              "Nurses and midwives", "Hospital beds", "Curative care beds",
              "Psychiatric care beds", "Long-term care beds"]
COICOP = [
    "Food and non-alcoholic beverages", "Alcoholic beverages and tobacco",
    "Clothing and footwear",
    "Housing, water, electricity, gas and other fuels",
    "Furnishings, household equipment and routine maintenance of the house",
    "Health", "Transport", "Communications", "Recreation and culture",
    "Education", "Restaurants and hotels",
    "Miscellaneous goods and services",
]
GDP_ITEMS = [
    (0, "Gross domestic product at market prices"),
    (1, "Household final consumption expenditure"),
    (1, "Final consumption expenditure of NPISH"),
    (1, "Government final consumption expenditure"),
    (1, "Gross fixed capital formation"), (2, "of which: construction"),
    (2, "of which: machinery and equipment"),
    (1, "Changes in inventories"), (1, "Exports of goods and services"),
    (1, "Imports of goods and services"),
]
ENERGY = ["Solid fuels", "Crude oil and petroleum products", "Natural gas",
          "Nuclear heat", "Renewable energies", "of which: hydro power",
          "of which: wind power", "Biomass and waste",
          "Electricity (net imports)"]
HOUSEHOLDS = [
    "Single person", "Single person with dependent children",
    "Two adults, both under 65 years", "Two adults, at least one aged 65 or over",
    "Two adults with one dependent child",
    "Two adults with two dependent children",
    "Two adults with three or more dependent children",
    "Other households with dependent children",
]

# rowsets: items are (level, label); 'groups' give section rows
ROWSETS = [
    dict(key="eu", region="eu", themes="*", dim="country",
         stub=["", "Country", "Member State", "Geo"],
         items=[(0, c) for c in EU_COUNTRIES],
         total=["EU-27", "EU-27 (1)", "Euro area (EA-17)", "EU-15"]),
    dict(key="states", region="us", themes="*", dim="State",
         stub=["", "State", "State"], items=[(0, c) for c in US_STATES],
         total=["United States", "U.S. total", "Total, 50 States and D.C."]),
    dict(key="usreg", region="us", themes="*", dim="region and division",
         stub=["", "Region and division", "Region"], items=US_REGIONS,
         hier=True, total=["United States", "Total"]),
    dict(key="nace", region="eu", themes="labour economy", dim="economic activity",
         stub=["", "Sector", "NACE Rev. 2 section", "Economic activity"],
         items=[(0, x) for x in NACE_FLAT], groups=NACE_GROUPS,
         total=["Total", "All NACE activities", "Total economy"]),
    dict(key="bls", region="us", themes="labour economy", dim="industry",
         stub=["", "Industry"], items=BLS_INDUSTRIES, hier=True,
         total=["Total nonfarm"]),
    dict(key="blsstatus", region="us", themes="labour", dim="sex and age",
         stub=["", "Employment status, sex, and age", "Characteristic"],
         items=[(0, x) for x in BLS_STATUS], repeat=BLS_STATUS_SECTIONS,
         total=[]),
    dict(key="occ", region="us", themes="labour education", dim="occupation",
         stub=["", "Occupation"], items=[(0, x) for x in US_OCCUPATIONS],
         total=["Total, 16 years and over", "All occupations"]),
    dict(key="euages", region="eu", themes="labour health population education",
         dim="age group", stub=["", "Age group", "Age"],
         items=[(0, x) for x in EU_AGES],
         repeat=["Males", "Females", "Total"], total=["Total", "15\u201374 years"]),
    dict(key="usages", region="us", themes="labour health population",
         dim="age", stub=["", "Age", "Sex and age"],
         items=[(0, x) for x in US_AGES], repeat=["Men", "Women"],
         total=["Total, 16 years and over"]),
    dict(key="isced", region="eu", themes="education labour",
         dim="level of education", stub=["", "Level of education", "ISCED level"],
         items=[(0, x) for x in EDU_LEVELS], repeat=["Males", "Females"],
         total=["All levels", "Total"]),
    dict(key="attain", region="us", themes="education labour",
         dim="educational attainment", stub=["", "Educational attainment"],
         items=[(0, x) for x in US_ATTAIN], repeat=["Men", "Women"],
         total=["Total, 25 years and over"]),
    dict(key="fields", region="*", themes="education", dim="field of study",
         stub=["", "Field of education", "Field of study"],
         items=[(0, x) for x in EDU_FIELDS], total=["All fields", "Total"]),
    dict(key="crops", region="eu", themes="agriculture", dim="crop",
         stub=["", "Crop", "Product"],
         items=[(0, x) for _, g in CROP_GROUPS for x in g], groups=CROP_GROUPS,
         total=["Total cereals"]),
    dict(key="uscrops", region="us", themes="agriculture", dim="crop",
         stub=["", "Crop", "Commodity"], items=[(0, x) for x in US_CROPS],
         total=[]),
    dict(key="livestock", region="*", themes="agriculture", dim="species",
         stub=["", "Species", "Livestock"],
         items=[(1 if x.startswith("of which") else 0, x) for x in LIVESTOCK],
         hier=True, total=["Total livestock units"]),
    dict(key="landuse", region="*", themes="agriculture", dim="land use",
         stub=["", "Land use"], items=[(0, x) for x in LAND_USE],
         total=["Total area"]),
    dict(key="causes", region="*", themes="health", dim="cause of death",
         stub=["", "Cause of death", "Causes of death (ICD-10)"], items=CAUSES,
         hier=True, total=["All causes of death", "Total"]),
    dict(key="healthres", region="*", themes="health", dim="category",
         stub=["", "Category", "Health personnel and beds"],
         items=[(0, x) for x in HEALTH_RES], total=[]),
    dict(key="coicop", region="*", themes="economy", dim="expenditure category",
         stub=["", "COICOP division", "Expenditure category"],
         items=[(0, x) for x in COICOP], total=["All-items HICP", "All items"]),
    dict(key="gdp", region="*", themes="economy", dim="component",
         stub=["", "Component", "Expenditure approach"], items=GDP_ITEMS,
         hier=True, total=[]),
    dict(key="energy", region="*", themes="economy environment", dim="fuel",
         stub=["", "Product", "Fuel"],
         items=[(1 if x.startswith("of which") else 0, x) for x in ENERGY],
         hier=True, total=["Gross inland consumption", "Total"]),
    dict(key="hh", region="*", themes="population health", dim="household type",
         stub=["", "Household type", "Type of household"],
         items=[(0, x) for x in HOUSEHOLDS], total=["All households", "Total"]),
]

# measures: (label, kind, unit-for-captions)
MEASURES = {
    "labour": [("Persons employed", "k1", "thousands"),
               ("Employment rate", "pct", "%"),
               ("Unemployment rate", "pct", "%"),
               ("Unemployed persons", "k1", "thousands"),
               ("Long-term unemployment rate", "pct", "%"),
               ("Part-time employment as % of total employment", "pct", "%"),
               ("Average usual weekly hours", "r1", "hours"),
               ("Job vacancy rate", "pct", "%"),
               ("Employees", "int", "number"),
               ("Change on previous year", "chg", "%")],
    "agriculture": [("Area", "k1", "1 000 ha"), ("Harvested production", "int", "1 000 t"),
                    ("Yield", "r2", "t/ha"), ("Number of holdings", "int", "number"),
                    ("Utilised agricultural area", "int", "ha"),
                    ("Livestock units", "int", "LSU"),
                    ("Producer price index", "idx", "2005 = 100"),
                    ("Change 2010/2009", "chg", "%")],
    "health": [("Deaths", "int", "number"),
               ("Crude death rate", "r1", "per 100 000 inhabitants"),
               ("Standardised death rate", "r1", "per 100 000 inhabitants"),
               ("Hospital beds", "int", "number"),
               ("Physicians per 100 000 inhabitants", "r1", "per 100 000"),
               ("Share of total deaths", "pct", "%"),
               ("Life expectancy at birth", "r1", "years"),
               ("Hospital discharges", "int", "number")],
    "education": [("Pupils and students", "int", "number"),
                  ("Pupil-teacher ratio", "r1", "ratio"),
                  ("Share of women", "pct", "%"),
                  ("Public expenditure on education as % of GDP", "r2", "%"),
                  ("Graduates", "int", "number"),
                  ("Early leavers from education and training", "pct", "%"),
                  ("Enrolment rate", "pct", "%")],
    "economy": [("Gross domestic product", "money", "EUR million"),
                ("Growth rate", "chg", "%"), ("Share of GDP", "pct", "%"),
                ("Volume index", "idx", "2005 = 100"),
                ("Annual rate of change", "chg", "%"),
                ("Current prices", "money", "million"),
                ("Weights", "int", "per mille")],
    "population": [("Population on 1 January", "int", "number"),
                   ("Live births", "int", "number"), ("Deaths", "int", "number"),
                   ("Net migration", "sint", "number"),
                   ("Crude birth rate", "r1", "per 1 000 inhabitants"),
                   ("Share of population aged 65 and over", "pct", "%"),
                   ("Average household size", "r2", "persons")],
    "environment": [("Gross inland consumption", "k1", "1 000 toe"),
                    ("Share in total", "pct", "%"),
                    ("Greenhouse gas emissions", "k1", "million t CO2 eq."),
                    ("Change 1990\u20132010", "chg", "%")],
}
THEMES = {
    "labour": dict(
        eu_series=["Statistics in focus \u2014 Population and social conditions",
                   "Labour market bulletin", "Quarterly labour force survey"],
        us_series=["The Employment Situation", "Regional and State Employment",
                   "Labor Force Characteristics"],
        titles=["Labour market developments in {y}",
                "Employment and unemployment: main results {y}",
                "The employment situation \u2014 {m} {y}",
                "Labour Force Survey: annual results {y}",
                "Employment by sector and region, {y0}\u2013{y}"],
        headings=["Main findings", "Employment by sector", "Unemployment",
                  "Regional labour markets", "Employment rates by age",
                  "Working time", "Part-time work", "Job vacancies"],
        survey=["the Labour Force Survey (LFS)", "the Current Population Survey (CPS)",
                "the Current Employment Statistics (CES) survey"]),
    "agriculture": dict(
        eu_series=["Agriculture and fisheries", "Agricultural statistics \u2014 main results",
                   "Farm structure survey"],
        us_series=["Crop Production", "Agricultural Prices", "Census of Agriculture"],
        titles=["Crop production in {y}", "Agricultural statistics: main results {y0}\u2013{y}",
                "Farm structure survey {y}", "Acreage and production, {y}",
                "Livestock and meat production in {y}"],
        headings=["Cereals", "Area and production", "Yields", "Livestock",
                  "Farm structure", "Agricultural prices", "Land use"],
        survey=["the Farm Structure Survey", "the annual crop statistics",
                "the June Agricultural Survey"]),
    "health": dict(
        eu_series=["Health statistics \u2014 key data", "Statistics in focus \u2014 Health",
                   "Public health"],
        us_series=["Health, United States", "National Vital Statistics Reports",
                   "NCHS Data Brief"],
        titles=["Causes of death in {y}", "Health care resources, {y0}\u2013{y}",
                "Mortality and life expectancy, {y}", "Hospital statistics {y}",
                "Health status of the population, {y}"],
        headings=["Causes of death", "Health care staff", "Hospital beds",
                  "Mortality by age and sex", "Life expectancy", "Methods"],
        survey=["the causes of death statistics", "the National Vital Statistics System",
                "the joint health care questionnaire"]),
    "education": dict(
        eu_series=["Education and training statistics", "Statistics in focus \u2014 Education",
                   "Key data on education"],
        us_series=["Digest of Education Statistics", "The Condition of Education",
                   "Education Statistics Quarterly"],
        titles=["Education statistics {y0}/{y2}", "Pupils, teachers and expenditure, {y}",
                "Tertiary education in {y}", "Educational attainment, {y}",
                "Enrolment in education by level, {y0}\u2013{y}"],
        headings=["Enrolment", "Teachers", "Expenditure on education",
                  "Graduates", "Early leavers", "Educational attainment"],
        survey=["the UOE data collection", "the Integrated Postsecondary Education Data System",
                "the Common Core of Data"]),
    "economy": dict(
        eu_series=["Economy and finance", "News release \u2014 Euro indicators",
                   "Quarterly national accounts"],
        us_series=["Gross Domestic Product", "Consumer Price Index", "Economic Indicators"],
        titles=["GDP and main aggregates, {y}", "Harmonised indices of consumer prices, {m} {y}",
                "National accounts: {y} results", "Government finance statistics, {y0}\u2013{y}",
                "Energy production and consumption, {y}"],
        headings=["GDP growth", "Expenditure components", "Consumer prices",
                  "Government finance", "Energy", "Revisions"],
        survey=["the national accounts transmission programme",
                "the harmonised index of consumer prices", "the quarterly sector accounts"]),
    "population": dict(
        eu_series=["Population and social conditions", "Statistics in focus \u2014 Population",
                   "Demography report"],
        us_series=["Population Estimates", "Current Population Reports", "American Community Survey"],
        titles=["Population change in {y}", "First demographic estimates for {y}",
                "Households and families, {y}", "Population by age and sex, 1 January {y}",
                "Demographic balance, {y0}\u2013{y}"],
        headings=["Population growth", "Births and deaths", "Migration",
                  "Ageing", "Households", "Definitions"],
        survey=["the demography data collection", "the population estimates programme",
                "the American Community Survey"]),
}
THEME_EXTRA_ROWSETS = {"environment": "economy"}

PEOPLE = "labour health education population"
# (labels, per-label value kind or None, themes)
SUBDIMS = [
    (["Men", "Women", "Total"], None, PEOPLE),
    (["Males", "Females"], None, PEOPLE),
    (["Male", "Female", "Both sexes"], None, PEOPLE),
    (["Number", "%"], [None, "pct"], "*"),
    (["Level", "Change"], [None, "chg"], "*"),
    (["1 000", "% of total"], ["k1", "pct"], "labour population education"),
    (["Full-time", "Part-time"], None, "labour education"),
    (["Q1", "Q2", "Q3", "Q4"], None, "labour economy"),
    (["Urban", "Rural"], None, "population health agriculture"),
    (["Public", "Private"], None, "education health economy"),
    (["Total", "of which: women"], None, "labour education"),
    (["Area (1 000 ha)", "Production (1 000 t)", "Yield (t/ha)"],
     ["k1", "int", "r2"], "agriculture"),
    (["Conventional", "Organic"], None, "agriculture"),
    (["Holdings", "Area (ha)"], ["int", "int"], "agriculture"),
    (["Current prices", "Volume"], [None, "idx"], "economy"),
    (["q-o-q", "y-o-y"], ["chg", "chg"], "economy"),
    (["EU-27", "Euro area"], None, "economy"),
    (["Under 65", "65 and over"], None, "health population"),
    (["ISCED 0\u20132", "ISCED 3\u20134", "ISCED 5\u20136"], None, "education labour"),
]
OF_WHICH = {
    "labour": ["of which: women", "of which: part-time", "of which: aged 15\u201324",
               "of which: self-employed", "of which: non-nationals"],
    "agriculture": ["of which: organic", "of which: irrigated", "of which: for seed"],
    "health": ["of which: women", "of which: aged 65 and over", "of which: in hospital"],
    "education": ["of which: women", "of which: part-time",
                  "of which: private institutions"],
    "economy": ["of which: public sector", "of which: euro area", "of which: energy"],
    "population": ["of which: women", "of which: aged 65 and over",
                   "of which: non-nationals"],
}
GENERIC_TITLES = ["Main indicators", "Key figures", "Selected indicators",
                  "Summary table"]


def pick_subdim(r, theme, maxlen=99):
    c = [(sd[:maxlen], sk[:maxlen] if sk else None) for sd, sk, th in SUBDIMS
         if th == "*" or theme in th.split()]
    return r.choice(c)


MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.",
          "Sept.", "Oct.", "Nov.", "Dec."]
MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]
TEXT_COLS = [
    ("Status", ["Final", "Provisional", "Revised", "Estimated", "Final"]),
    ("Data source", ["LFS", "Register", "Census", "Survey", "Admin."]),
    ("Trend", ["Up", "Down", "Stable", "Up", "Down"]),
    ("Reference period", ["2010", "2011", "2009", "2011", "2011"]),
    ("Quality", ["A", "B", "C", "A", "A"]),
]
KIND_UNIT = {"int": ["number", "1 000", "units"], "k1": ["1 000", "thousands"],
             "pct": ["%"], "chg": ["%", "% change"], "r1": ["rate", "per 1 000"],
             "r2": ["ratio", "rate"], "idx": ["2005=100", "index"],
             "money": ["EUR m", "$ million", "million"], "sint": ["number"],
             "text": [""]}
DATA_CODES = {"labour": "lfsa_egan", "agriculture": "apro_cpp", "health": "hlth_cd",
              "education": "educ_enrl", "economy": "nama_gdp", "population": "demo_pjan"}
EU_AGENCIES = ["Eurostat", "European Commission", "Central Statistics Office",
               "Statistics Netherlands", "Statistik Austria", "Statistics Finland",
               "Office for National Statistics", "National Statistical Institute"]
US_AGENCIES = {
    "labour": ["U.S. Bureau of Labor Statistics", "U.S. Department of Labor"],
    "agriculture": ["USDA National Agricultural Statistics Service",
                    "USDA Economic Research Service"],
    "health": ["National Center for Health Statistics",
               "Centers for Disease Control and Prevention"],
    "education": ["National Center for Education Statistics"],
    "economy": ["Bureau of Economic Analysis", "U.S. Bureau of Labor Statistics",
                "U.S. Energy Information Administration"],
    "population": ["U.S. Census Bureau"],
}


# --------------------------------------------------------------------------
# Number formatting
# --------------------------------------------------------------------------

class NumFmt:
    def __init__(self, r, region):
        if region == "us" or r.random() < 0.25:
            self.th, self.dec = r.choice([(",", "."), (",", "."), ("", ".")])
        else:
            self.th, self.dec = r.choice([(" ", ","), (" ", "."), ("\u00a0", ","),
                                          (".", ","), (",", "."), ("", ",")])
        self.neg = r.choice(["-", "-", "\u2013", "\u2212", "()"])
        self.plus = r.random() < 0.25
        self.missing = r.sample([":", "\u2013", "n.a.", "..", "", "x", "-", "(NA)"],
                                r.choice([1, 1, 2]))
        if self.neg != "-" and "-" in self.missing:
            self.missing.remove("-")
        if not self.missing:
            self.missing = [":"]
        self.marker = r.choice(["(p)", "(e)", "*", " p", "(b)", "(1)", " e"])
        self.pct_sign = r.choice(["", "", "", "%", " %"])
        self.p_missing = r.choice([0.0, 0.0, 0.02, 0.05, 0.1])
        self.p_marker = r.choice([0.0, 0.0, 0.02, 0.05])

    def desc(self):
        th = {",": "comma", ".": "period", " ": "space", "\u00a0": "nbsp",
              "": "none"}[self.th]
        return "thousands=%s dec=%s neg=%s missing=%s" % (
            th, self.dec, {"()": "parens", "\u2013": "endash", "\u2212": "minus"}.get(
                self.neg, "hyphen"), "/".join(m or "empty" for m in self.missing))

    def fmt(self, v, nd, signed=False):
        s = f"{abs(v):,.{nd}f}"
        ip, _, fp = s.partition(".")
        ip = ip.replace(",", self.th)
        s = ip + (self.dec + fp if nd else "")
        if round(v, nd) < 0:
            s = "(" + s + ")" if self.neg == "()" else self.neg + s
        elif signed and self.plus and round(v, nd) > 0:
            s = "+" + s
        return s


def gen_value(r, kind, row, fmt):
    """Format a random value of ``kind`` for a row with parameters ``row``."""
    m = 1 + r.uniform(-0.12, 0.12)
    if kind == "int":
        return fmt.fmt(round(row["scale"] * m), 0)
    if kind == "sint":
        return fmt.fmt(round(row["scale"] * r.uniform(-0.6, 1.0) / 10), 0, True)
    if kind == "money":
        return fmt.fmt(round(row["scale"] * 7 * m), 0)
    if kind == "k1":
        return fmt.fmt(row["scale"] * m / 10, 1)
    if kind == "pct":
        return fmt.fmt(min(99.9, row["pct"] * m), 1) + fmt.pct_sign
    if kind == "chg":
        return fmt.fmt(r.gauss(row["chg"], 2.5), 1, True)
    if kind == "r1":
        return fmt.fmt(row["rate"] * m, 1)
    if kind == "r2":
        return fmt.fmt(row["rate"] * m / 4, 2)
    if kind == "idx":
        return fmt.fmt(row["idx"] * (1 + r.uniform(-0.04, 0.04)), 1)
    raise ValueError(kind)


def dec_split(s, dec):
    """Index of the decimal anchor in a formatted value."""
    i = s.rfind(dec) if dec else -1
    if 0 < i < len(s) - 1 and s[i - 1].isdigit() and s[i + 1].isdigit():
        return i
    j = -1
    for k, ch in enumerate(s):
        if ch.isdigit():
            j = k
    return j + 1 if j >= 0 else len(s)


# --------------------------------------------------------------------------
# Table specification
# --------------------------------------------------------------------------

class HCell:
    def __init__(self, tier, col, text, cs=1, rs=1):
        self.tier, self.col, self.text, self.cs, self.rs = tier, col, text, cs, rs


class Row:
    def __init__(self, kind, label, level=0, values=None):
        self.kind = kind  # data | section | total
        self.label = label
        self.level = level
        self.values = values or []


class Spec:
    """Logical table: header cells over ``ntiers`` rows, body rows."""

    def __init__(self):
        self.ncols = 0
        self.ntiers = 0
        self.header = []
        self.rows = []
        self.col_kind = []  # per data column (index 0 = first data column)
        self.title = ""
        self.unit = ""
        self.years = ""
        self.desc = []
        self.dec = "."


def years_str(y, n, labels=None):
    """Period named in the caption for column labels ``labels``."""
    if labels and not all(lab[:4].isdigit() and "Q" not in lab for lab in labels):
        return str(y)  # months, quarters
    if labels and "/" in labels[0]:
        return labels[0][:7] + ("\u2013" + labels[-1][:7] if len(labels) > 1 else "")
    return str(y) if n <= 1 else f"{y - n + 1}\u2013{y}"


def year_labels(r, y, n, region, theme):
    mode = r.random()
    if theme == "agriculture" and mode < 0.3:
        return [f"{a}/{str(a + 1)[2:]}" for a in range(y - n, y)]
    if region == "us" and mode < 0.25:
        mo = r.randrange(12)
        out = []
        for k in range(n - 1, -1, -1):
            mm, yy = mo - k, y
            while mm < 0:
                mm += 12
                yy -= 1
            out.append(f"{MONTHS[mm]} {yy}")
        return out
    if mode < 0.15 and n <= 8:
        q = r.randrange(4)
        style = r.choice(["{y}Q{q}", "Q{q} {y}", "{y} Q{q}"])
        out = []
        for k in range(n - 1, -1, -1):
            qq, yy = q - k, y
            while qq < 0:
                qq += 4
                yy -= 1
            out.append(style.format(y=yy, q=qq + 1))
        return out
    labs = [str(a) for a in range(y - n + 1, y + 1)]
    if r.random() < 0.2:
        labs[-1] += r.choice(["(p)", " (p)", " (1)", "*"])
    return labs


def build_header(r, tb, maxd, spec):
    """Fill spec.header / ntiers / col_kind; return number of data columns."""
    measures = tb["measures"]
    main = tb["main"]
    y = tb["year"]

    def mlabel(m):
        lab, kind, unit = m
        if unit in ("%", "thousands", "1 000 ha", "1 000 t", "EUR million",
                    "t/ha", "ha", "2005 = 100") and r.random() < 0.6 \
                and "%" not in lab:
            return f"{lab} ({unit})"
        return lab

    schemes = ["single"]
    if maxd >= 4:
        schemes += ["two", "two", "mixed"]
    if maxd >= 6:
        schemes += ["three"]
    if maxd >= 4 and tb.get("prefer_multi"):
        schemes = [s for s in schemes if s != "single"]
    scheme = r.choice(schemes)
    cells = []
    kinds = []
    if scheme == "single":
        opt = r.choice(["years", "years", "measures", "subs"])
        if opt == "years":
            n = r.randint(min(3, maxd), min(maxd, r.choice([6, 8, 11])))
            labs = year_labels(r, y, n, tb["region"], tb["theme"])
            kinds = [main[1]] * n
            spec.years = years_str(y, n, labs)
        elif opt == "measures":
            n = r.randint(min(2, maxd), min(maxd, len(measures), 6))
            ms = r.sample(measures, n)
            labs = [mlabel(m) for m in ms]
            kinds = [m[1] for m in ms]
            spec.title = r.choice(GENERIC_TITLES)
        else:
            sd, sk = pick_subdim(r, tb["theme"], maxd)
            labs = list(sd)
            kinds = [(sk[i] if sk and sk[i] else main[1]) for i in range(len(sd))]
        for i, lab in enumerate(labs):
            cells.append(HCell(0, 1 + i, lab))
        spec.ntiers = 1
        spec.desc.append("header=1 tier")
    elif scheme in ("two", "mixed"):
        extra_front = 1 if scheme == "mixed" and r.random() < 0.5 else 0
        extra_back = r.choice([0, 0, 1]) if scheme == "two" else 1
        room = maxd - extra_front - extra_back
        sd, sk = pick_subdim(r, tb["theme"])
        s = min(len(sd), max(2, room // 2))
        sd = sd[:s]
        g = max(1, min(5 if s == 2 else 4, room // s))
        if scheme == "mixed":
            g = 1
        gopt = r.choice(["years", "measures"])
        if gopt == "years" or len(measures) < g:
            glabs = year_labels(r, y, g, tb["region"], tb["theme"])
            gk = [main[1]] * g
            spec.years = years_str(y, g, glabs)
        else:
            ms = r.sample(measures, g)
            glabs = [mlabel(m) for m in ms]
            gk = [m[1] for m in ms]
            spec.title = r.choice(GENERIC_TITLES) if g > 1 else ms[0][0]
        col = 1
        if extra_front:
            m = r.choice(measures)
            cells.append(HCell(0, col, mlabel(m), 1, 2))
            kinds.append(m[1])
            col += 1
        for gi in range(g):
            cells.append(HCell(0, col, glabs[gi], s, 1))
            for si in range(s):
                cells.append(HCell(1, col + si, sd[si]))
                kinds.append(sk[si] if sk and sk[si] else gk[gi])
            col += s
        if extra_back:
            lab = r.choice([f"Change {y - 1}\u2013{str(y)[2:]} (%)", "Change (%)",
                            f"Annual change {y}/{y - 1} (%)", "Total",
                            "Percentage change over the year", "Rank"])
            cells.append(HCell(0, col, lab, 1, 2))
            kinds.append({"Total": main[1], "Rank": "rank"}.get(lab, "chg"))
            col += 1
        spec.ntiers = 2
        spec.desc.append(f"header=2 tiers, {g} spanning group(s) over {s}")
    else:  # three tiers
        sd, sk = pick_subdim(r, tb["theme"], 3)
        s = len(sd)
        mid = r.choice([2, 3])
        top = r.choice([1, 1, 2]) if len(measures) >= 2 else 1
        while top * mid * s > maxd:
            if top > 1:
                top -= 1
            elif mid > 2:
                mid -= 1
            elif s > 2:
                s -= 1
            else:
                break
        sd = sd[:s]
        ms = r.sample(measures, top)
        spec.title = ms[0][0] if top == 1 else r.choice(GENERIC_TITLES)
        ylabs = year_labels(r, y, mid, tb["region"], tb["theme"])
        spec.years = years_str(y, mid, ylabs)
        col = 1
        for ti in range(top):
            cells.append(HCell(0, col, mlabel(ms[ti]), mid * s, 1))
            for mi in range(mid):
                cells.append(HCell(1, col, ylabs[mi], s, 1))
                for si in range(s):
                    cells.append(HCell(2, col, sd[si]))
                    kinds.append(sk[si] if sk and sk[si] else ms[ti][1])
                    col += 1
        spec.ntiers = 3
        spec.desc.append(f"header=3 tiers ({top}x{mid}x{s})")
    nd = len(kinds)
    # text column (Status ...) as the last column
    if nd < maxd and r.random() < 0.15:
        name, _vals = r.choice(TEXT_COLS)
        cells.append(HCell(0, nd + 1, name, 1, spec.ntiers))
        kinds.append("text:" + name)
        nd += 1
        spec.desc.append("text column")
    # stub header
    stub = r.choice(tb["rowset"]["stub"])
    if stub:
        cells.append(HCell(0, 0, stub, 1, spec.ntiers))
    spec.desc.append("stub header=" + ("empty" if not stub else "'%s'" % stub))
    # units row
    if r.random() < 0.15:
        t = spec.ntiers
        if r.random() < 0.5:
            cells.append(HCell(t, 0, r.choice(["Unit", "Units"])))
        unit_of = {}
        for i, k in enumerate(kinds):
            if k.startswith("text") or k == "rank":
                continue
            if k not in unit_of:
                unit_of[k] = r.choice(KIND_UNIT.get(k, [""]))
            cells.append(HCell(t, 1 + i, unit_of[k]))
        spec.ntiers += 1
        spec.desc.append("units row")
    spec.header = cells
    spec.col_kind = kinds
    spec.ncols = nd + 1
    return nd


def build_rows(r, tb, n, spec, fmt):
    rs = tb["rowset"]
    items = rs["items"]
    modes = ["flat"]
    if rs.get("groups"):
        modes += ["groups", "groups"]
    if rs.get("repeat"):
        modes += ["repeat", "repeat"]
    if rs.get("hier"):
        modes += ["hier", "hier"]
    if len(modes) > 1 and len(items) < n - 1:
        modes = [m for m in modes if m != "flat"]  # a long table needs sections
    mode = r.choice(modes)
    rows = []
    totals = rs.get("total") or []
    total_lab = r.choice(totals) if totals and r.random() < 0.7 else None
    total_pos = r.choice(["top", "bottom", "bottom"])
    nbody = max(2, n - (1 if total_lab else 0))
    if mode == "flat":
        lab = [x for x in items]
        if r.random() < 0.5 and len(lab) > nbody:
            start = r.randrange(len(lab) - nbody + 1)
            lab = lab[start:start + nbody]
        else:
            lab = lab[:nbody] if r.random() < 0.5 else sorted(
                r.sample(lab, min(nbody, len(lab))), key=lambda x: items.index(x))
        for lv, t in lab:
            rows.append(Row("data", t, lv if rs.get("hier") else 0))
        # a few "of which" sub-rows
        if r.random() < 0.25 and len(rows) >= 3:
            for _ in range(r.randint(1, 2)):
                i = r.randrange(len(rows))
                if rows[i].level == 0 and not rows[i].label.startswith("of which"):
                    sub = r.choice(OF_WHICH[tb["theme"]])
                    rows.insert(i + 1, Row("data", sub, 1))
            rows = rows[:nbody]
        spec.desc.append("flat labels")
    elif mode == "hier":
        start = 0
        if len(items) > nbody and r.random() < 0.3:
            start = r.randrange(len(items) - nbody + 1)
        for lv, t in items[start:start + nbody]:
            rows.append(Row("data", t, lv))
        base = min(rw.level for rw in rows)
        for rw in rows:
            rw.level -= base
        if rows and rows[0].level == 0 and start == 0 and r.random() < 0.5 \
                and any(rw.level > 0 for rw in rows[1:]):
            rows[0].kind = "total"
            total_lab = None
        spec.desc.append("indented hierarchy")
    elif mode == "groups":
        groups = rs["groups"]
        ng = min(len(groups), max(1, nbody // 3))
        per = max(1, (nbody - ng) // ng)
        lev = r.choice([0, 1])
        for gname, glabs in groups[:ng]:
            rows.append(Row("section", gname))
            for t in glabs[:per]:
                rows.append(Row("data", t, lev))
            if r.random() < 0.2:
                rows.append(Row("total", "Total " + gname.lower(), 0))
        spec.desc.append("section rows")
    else:  # repeat the item list under each section
        secs = rs["repeat"]
        ns = min(len(secs), max(1, nbody // 3))
        per = max(1, min(len(items), (nbody - ns) // ns))
        lev = r.choice([0, 0, 1])
        for sname in secs[:ns]:
            rows.append(Row("section", sname))
            for lv, t in items[:per]:
                rows.append(Row("data", t, lv + lev))
        spec.desc.append("section rows (repeated)")
    # levels indent
    same = r.random() < 0.3
    for rw in rows:
        if rw.kind == "data" and rw.label.startswith("of which") and not same:
            rw.level = max(rw.level, 1)
    if total_lab:
        tr = Row("total", total_lab, 0)
        if total_pos == "top":
            rows.insert(0, tr)
        else:
            rows.append(tr)
    # footnote markers on labels
    if r.random() < 0.25:
        for _ in range(r.randint(1, 2)):
            cand = [rw for rw in rows if rw.kind == "data"]
            if cand:
                rw = r.choice(cand)
                if "(" not in rw.label:
                    rw.label += r.choice([" (1)", " (2)", " (p)", " (3)", "*"])
    # values
    nd = spec.ncols - 1
    text_vals = {}
    for j, k in enumerate(spec.col_kind):
        if k.startswith("text:"):
            name = k[5:]
            text_vals[j] = dict(TEXT_COLS)[name]
    for i, rw in enumerate(rows):
        if rw.kind == "section":
            rw.values = [""] * nd
            continue
        rp = dict(scale=10 ** r.uniform(1.5, 4.3), pct=r.uniform(2, 85),
                  chg=r.uniform(-3, 3), rate=r.uniform(1, 40),
                  idx=r.uniform(90, 125))
        if rw.kind == "total":
            rp["scale"] = 10 ** r.uniform(4.2, 5.2)
        lab = rw.label.lower()
        rowkind = "pct" if ("rate" in lab or "ratio" in lab) else None
        vals = []
        for j, k in enumerate(spec.col_kind):
            if j in text_vals:
                vals.append(r.choice(text_vals[j]))
                continue
            if k == "rank":
                vals.append(str(r.randint(1, 27)))
                continue
            kk = rowkind if rowkind and k in ("int", "k1", "money") else k
            v = gen_value(r, kk, rp, fmt)
            if r.random() < fmt.p_missing:
                v = r.choice(fmt.missing)
            elif r.random() < fmt.p_marker:
                v += fmt.marker
            vals.append(v)
        rw.values = vals
    spec.rows = rows


def choose_rowset(r, theme, region, long=False):
    th = THEME_EXTRA_ROWSETS.get(theme, theme)
    cands = [rs for rs in ROWSETS
             if (rs["themes"] == "*" or th in rs["themes"].split() or theme in rs["themes"].split())
             and rs["region"] in ("*", region)
             and (not long or len(rs["items"]) >= 15 or rs.get("repeat"))]
    # country / state lists are generic; weight the specific lists higher
    weighted = []
    for rs in cands:
        weighted += [rs] * (1 if rs["themes"] == "*" else 3)
    return r.choice(weighted)


def make_spec(r, ctx, maxd, nrows):
    theme = ctx["theme"]
    tb = dict(theme=theme, region=ctx["region"], year=ctx["year"],
              rowset=choose_rowset(r, theme, ctx["region"], ctx.get("long", False)),
              measures=MEASURES[theme], prefer_multi=ctx.get("prefer_multi"))
    tb["main"] = r.choice(tb["measures"])
    fmt = NumFmt(r, ctx["region"])
    spec = Spec()
    build_header(r, tb, maxd, spec)
    build_rows(r, tb, nrows, spec, fmt)
    spec.desc.append(fmt.desc())
    spec.dec = fmt.dec
    main = tb["main"]
    if not spec.title:
        spec.title = main[0]
        spec.unit = main[2]
    spec.title += " by " + tb["rowset"]["dim"]
    if not spec.years:
        spec.years = str(ctx["year"])
    return spec


# --------------------------------------------------------------------------
# Table style and layout
# --------------------------------------------------------------------------

RULE_STYLES = ["grid", "booktabs", "booktabs", "header", "none", "shade",
               "box", "rows"]


def make_style(r, dstyle, small=False):
    st = {}
    fam = dstyle["table_family"]
    st["F"] = FAMILIES[fam]
    lo, hi = (6.0, 9.0) if small else (6.5, 10.5)
    st["fs"] = round(r.uniform(lo, hi) * 2) / 2
    if r.random() < 0.08 and not small:
        st["fs"] = 11.0
    st["lead"] = r.uniform(1.15, 1.4)
    st["rules"] = r.choice(RULE_STYLES)
    grid = st["rules"] == "grid"
    if grid:
        st["pad"] = r.uniform(2.0, 4.0)
        st["gap"] = 2 * st["pad"]
    else:
        st["pad"] = 0.0 if st["rules"] in ("none", "header", "booktabs") else r.uniform(2, 4)
        st["gap"] = r.choice([r.uniform(4, 6), r.uniform(6, 12), r.uniform(10, 22)])
    st["vpad"] = r.uniform(1.5, 3.0) if st["rules"] in ("grid", "shade", "rows") \
        else r.choice([0.0, 0.5, 1.0, 2.0])
    st["hpad"] = r.uniform(1.0, 2.5)
    st["sep"] = r.uniform(3.0, 6.0)
    st["span_rule"] = st["rules"] in ("booktabs", "header", "box") and r.random() < 0.6
    st["header_bold"] = r.random() < 0.45
    st["header_italic"] = not st["header_bold"] and r.random() < 0.1
    st["hvalign"] = r.choice(["bottom", "bottom", "middle", "top"])
    st["halign"] = r.choice(["center", "center", "right"])
    st["num_align"] = r.choice(["right", "right", "decimal", "center"])
    st["label_valign"] = r.choice(["first", "last"])
    st["stub_max"] = r.choice([r.uniform(70, 110), r.uniform(110, 170), 400.0])
    st["hdr_wrap_w"] = r.choice([r.uniform(26, 45), r.uniform(45, 80)])
    st["indent"] = r.choice([6.0, 8.0, 10.0, 12.0])
    st["section_bold"] = r.random() < 0.6
    st["section_italic"] = not st["section_bold"] and r.random() < 0.5
    st["section_space"] = r.choice([0.0, 0.0, 0.4, 0.7])
    st["total_bold"] = r.random() < 0.7
    st["total_rule"] = st["rules"] in ("booktabs", "header", "none", "box", "shade") \
        and r.random() < 0.5
    st["lw"] = r.choice([0.4, 0.5, 0.75, 1.0])
    st["shade"] = r.choice([(0.92, 0.92, 0.92), (0.88, 0.93, 0.98),
                            (0.93, 0.96, 0.90), (0.96, 0.94, 0.88)])
    st["header_fill"] = st["rules"] in ("shade", "box", "grid") and r.random() < 0.4
    st["header_fill_col"] = r.choice([(0.80, 0.85, 0.92), (0.85, 0.85, 0.85),
                                      (0.84, 0.90, 0.80)])
    st["section_merge"] = r.random() < 0.5
    st["width_mode"] = r.choice(["natural", "natural", "full"])
    st["full_how"] = r.choice(["gaps", "stub", "cols"])
    st["place"] = r.choice(["center", "center", "left"])
    st["color"] = BLACK
    st["header_color"] = dstyle["accent"] if r.random() < 0.15 else BLACK
    return st


def style_desc(spec, st):
    rules = st["rules"]
    if rules == "shade":
        rules = "alternating shaded rows, no lines"
    elif rules == "box":
        rules = "outer frame only"
    elif rules == "header":
        rules = "header underline only"
    elif rules == "rows":
        rules = "horizontal rule under every row"
    elif rules == "none":
        rules = "no rules"
    elif rules == "booktabs":
        rules = "booktabs (top/header/bottom rules)"
    else:
        rules = "full grid"
    d = [rules]
    if st["span_rule"] and spec.ntiers > 1:
        d.append("rule under spans")
    if st["header_fill"]:
        d.append("header fill")
    d += spec.desc
    d.append("numbers %s-aligned" % st["num_align"])
    d.append("header valign=%s" % st["hvalign"])
    d.append("font %s %.1fpt" % (st["F"]["r"], st["fs"]))
    d.append("gap %.0fpt" % st["gap"])
    return "; ".join(d)


class Laid:
    """A laid-out table in relative coordinates (origin = top-left)."""

    def __init__(self):
        self.ops = []
        self.cells = []  # (row, col, text, [x0, y0, x1, y1])
        self.grid = []
        self.w = 0.0
        self.h = 0.0
        self.wrapped_labels = 0
        self.wrapped_headers = 0


def _row_font(row, st):
    F = st["F"]
    if row.kind == "total" and st["total_bold"]:
        return F["b"]
    if row.kind == "section":
        if st["section_bold"]:
            return F["b"]
        if st["section_italic"]:
            return F["i"]
    return F["r"]


def layout_table(spec, st, rows=None, target_w=None):
    F = st["F"]
    fs = st["fs"]
    lh = fs * st["lead"]
    rows = spec.rows if rows is None else rows
    n = spec.ncols
    nd = n - 1
    gap = st["gap"]
    pad = st["pad"]
    hfont = F["b"] if st["header_bold"] else (F["i"] if st["header_italic"] else F["r"])
    # ---- stub width ---------------------------------------------------
    label_lines = {}
    stub_w = 0.0
    for row in spec.rows:
        if row.kind == "section":
            continue
        f = _row_font(row, st)
        ind = row.level * st["indent"]
        lines = wrap(row.label, f, fs, max(40.0, st["stub_max"] - ind))
        label_lines[id(row)] = lines
        for ln in lines:
            stub_w = max(stub_w, ind + tlen(ln, f, fs))
    # ---- data widths ----------------------------------------------------
    decimal = st["num_align"] == "decimal"
    fmt_dec = st.get("dec", ".")
    colw = [0.0] * n
    decL = [0.0] * n
    decR = [0.0] * n
    is_text = [False] + [k.startswith("text") for k in spec.col_kind]
    for row in spec.rows:
        if row.kind == "section":
            continue
        f = _row_font(row, st)
        for j, v in enumerate(row.values):
            c = j + 1
            if not v:
                continue
            if decimal and not is_text[c]:
                i = dec_split(v, fmt_dec)
                decL[c] = max(decL[c], tlen(v[:i], f, fs))
                decR[c] = max(decR[c], tlen(v[i:], f, fs))
            else:
                colw[c] = max(colw[c], tlen(v, f, fs))
    for c in range(1, n):
        colw[c] = max(colw[c], decL[c] + decR[c], tlen("00", F["r"], fs))
    # ---- header cells (single column) ----------------------------------
    hlines = {}
    for hc in spec.header:
        if hc.cs != 1:
            continue
        units = hc.tier >= 1 and hc.tier == spec.ntiers - 1 and "units row" in spec.desc
        f = F["i"] if units and hfont == F["r"] else hfont
        if hc.col == 0:
            maxw = max(stub_w, 50.0)
        else:
            maxw = max(colw[hc.col], st["hdr_wrap_w"])
        lines = wrap(hc.text, f, fs, maxw) if not units else [hc.text]
        while len(lines) > 3:
            maxw *= 1.2
            lines = wrap(hc.text, f, fs, maxw)
        hlines[id(hc)] = (lines, f)
        w = max(tlen(ln, f, fs) for ln in lines)
        if hc.col == 0:
            stub_w = max(stub_w, w)
        else:
            colw[hc.col] = max(colw[hc.col], w)
    colw[0] = max(stub_w, 20.0)
    # ---- spanning header cells ----------------------------------------
    for hc in sorted((h for h in spec.header if h.cs > 1), key=lambda h: h.cs):
        span = sum(colw[hc.col:hc.col + hc.cs]) + gap * (hc.cs - 1)
        lines = wrap(hc.text, hfont, fs, span)
        if len(lines) > 2:
            lines = wrap(hc.text, hfont, fs, tlen(hc.text, hfont, fs) / 2 + 4)
        need = max(tlen(ln, hfont, fs) for ln in lines)
        if need > span:
            add = (need - span) / hc.cs + 0.01
            for c in range(hc.col, hc.col + hc.cs):
                colw[c] += add
        hlines[id(hc)] = (lines, hfont)
    # ---- section labels may not exceed the table ------------------------
    def total_w():
        return sum(colw) + gap * (n - 1) + 2 * pad

    for row in spec.rows:
        if row.kind == "section":
            w = tlen(row.label, _row_font(row, st), fs)
            if w > total_w() - 2 * pad:
                colw[0] += w - (total_w() - 2 * pad)
    sec_wide = {id(row) for row in spec.rows if row.kind == "section"
                and tlen(row.label, _row_font(row, st), fs) > colw[0]}
    # ---- full width -------------------------------------------------------
    if target_w and total_w() < target_w:
        extra = target_w - total_w()
        how = st["full_how"]
        if how == "gaps" and n > 1 and st["rules"] != "grid":
            gap += extra / (n - 1)
        elif how == "stub" or n == 1:
            colw[0] += extra
        else:
            for c in range(1, n):
                colw[c] += extra / nd
    # re-wrap the row labels to the final stub width (never wider, maybe fewer lines)
    for row in spec.rows:
        if id(row) in label_lines:
            ind = row.level * st["indent"]
            label_lines[id(row)] = wrap(row.label, _row_font(row, st), fs, colw[0] - ind + 0.01)
    colx = [pad]
    for c in range(1, n):
        colx.append(colx[-1] + colw[c - 1] + gap)
    W = total_w()
    L = Laid()
    L.w = W
    ops = L.ops
    ntot = spec.ntiers + len(rows)
    L.grid = [[""] * n for _ in range(ntot)]
    cellbox = {}

    def put(lines, font, x0, w, top, align, rr, cc, color=BLACK, anchor=None):
        xs, ys = [], []
        for k, ln in enumerate(lines):
            if not ln:
                continue
            tw = tlen(ln, font, fs)
            if align == "left":
                x = x0
            elif align == "right":
                x = x0 + w - tw
            elif align == "decimal":
                x = anchor - tlen(ln[:dec_split(ln, fmt_dec)], font, fs)
            else:
                x = x0 + (w - tw) / 2
            b = baseline(top + k * lh, lh, fs)
            ops.append(("t", x, b, ln, font, fs, color))
            xs += [x, x + tw]
            ys += [b - ASC * fs, b + DESC * fs]
        txt = norm(" ".join(lines))
        if txt and rr is not None:
            L.grid[rr][cc] = txt
            cellbox[(rr, cc)] = [min(xs), min(ys), max(xs), max(ys)]

    # ---- header layout ----------------------------------------------------
    hpad = st["hpad"] if (st["span_rule"] or st["rules"] in ("grid", "rows") or
                          st["header_fill"]) else st["hpad"] * 0.5
    T = spec.ntiers
    tier_h = [lh] * T
    for hc in spec.header:
        if hc.rs == 1:
            tier_h[hc.tier] = max(tier_h[hc.tier], len(hlines[id(hc)][0]) * lh)
    for hc in spec.header:
        if hc.rs > 1:
            need = len(hlines[id(hc)][0]) * lh
            have = sum(tier_h[hc.tier:hc.tier + hc.rs]) + (hc.rs - 1) * 2 * hpad
            if need > have:
                tier_h[hc.tier + hc.rs - 1] += need - have
    top_pad = 0.0
    if st["rules"] in ("grid", "booktabs", "box", "rows") or st["header_fill"]:
        top_pad = 2.0
    y = top_pad
    tier_top = []
    for t in range(T):
        tier_top.append(y)
        y += 2 * hpad + tier_h[t]
    tier_top.append(y)
    hdr_bottom = y
    for hc in spec.header:
        lines, f = hlines[id(hc)]
        t0, t1 = hc.tier, hc.tier + hc.rs
        a_top = tier_top[t0] + hpad
        a_bot = tier_top[t1] - hpad
        bh = len(lines) * lh
        if st["hvalign"] == "bottom":
            top = a_bot - bh
        elif st["hvalign"] == "top":
            top = a_top
        else:
            top = (a_top + a_bot - bh) / 2
        x0 = colx[hc.col]
        w = colx[hc.col + hc.cs - 1] + colw[hc.col + hc.cs - 1] - x0
        if hc.col == 0:
            align = "left"
        elif hc.cs > 1:
            align = "center"
        else:
            align = st["halign"]
            if is_text[hc.col]:
                align = "left"
        put(lines, f, x0, w, top, align, hc.tier, hc.col, st["header_color"])
        if len(lines) > 1:
            L.wrapped_headers += 1
    # ---- separator below header -------------------------------------------
    sep = 0.0 if st["rules"] == "grid" else (
        st["sep"] if st["rules"] != "none" else st["hpad"] * 2)
    y = hdr_bottom + sep
    body_top = y
    row_tops = []
    row_bots = []
    for i, row in enumerate(rows):
        ri = T + i
        if row.kind == "section" and i > 0:
            y += st["section_space"] * lh
        if row.kind == "total" and st["total_rule"] and i > 0:
            y += 2.5
        top = y
        f = _row_font(row, st)
        if row.kind == "section":
            nl = 1
            put([row.label], f, colx[0], W, top + st["vpad"], "left", ri, 0)
        else:
            lines = label_lines[id(row)]
            nl = len(lines)
            if nl > 1:
                L.wrapped_labels += 1
            ind = row.level * st["indent"]
            put(lines, f, colx[0] + ind, colw[0], top + st["vpad"], "left", ri, 0)
            li = 0 if st["label_valign"] == "first" else nl - 1
            vtop = top + st["vpad"] + li * lh
            for j, v in enumerate(row.values):
                c = j + 1
                if not v:
                    continue
                if is_text[c]:
                    align = "left"
                else:
                    align = st["num_align"]
                anchor = None
                if align == "decimal":
                    blk = decL[c] + decR[c]
                    anchor = colx[c] + (colw[c] - blk) / 2 + decL[c]
                put([v], f, colx[c], colw[c], vtop, align, ri, c, anchor=anchor)
        y = top + nl * lh + 2 * st["vpad"]
        row_tops.append(top)
        row_bots.append(y)
    bot_pad = 2.0 if st["rules"] in ("grid", "booktabs", "box", "rows", "shade") else 0.0
    H = y + bot_pad
    L.h = H
    # ---- rules and fills ----------------------------------------------------
    lw = st["lw"]
    rules = st["rules"]
    fills = []
    lines_ = []
    if st["header_fill"]:
        fills.append((0, 0, W, hdr_bottom, st["header_fill_col"]))
    if rules == "shade":
        for i, row in enumerate(rows):
            if i % 2 == 1:
                fills.append((0, row_tops[i], W, row_bots[i], st["shade"]))
    if rules in ("booktabs", "box"):
        lines_.append((0, 0, W, 0, lw * (1.3 if rules == "booktabs" else 1)))
        lines_.append((0, H, W, H, lw * (1.3 if rules == "booktabs" else 1)))
    if rules == "box":
        lines_.append((0, 0, 0, H, lw))
        lines_.append((W, 0, W, H, lw))
    if rules in ("booktabs", "header", "rows") or (rules == "box" and st["span_rule"]):
        yy = hdr_bottom + sep / 2
        lines_.append((0, yy, W, yy, lw * 0.8))
    if rules == "rows":
        lines_.append((0, 0, W, 0, lw))
        for i in range(len(rows)):
            yy = row_bots[i] if i == len(rows) - 1 else (row_bots[i] + row_tops[i + 1]) / 2
            if i == len(rows) - 1:
                yy = H
            lines_.append((0, yy, W, yy, lw * 0.6))
    if st["span_rule"] and rules != "grid":
        for hc in spec.header:
            if hc.cs > 1:
                x0 = colx[hc.col]
                x1 = colx[hc.col + hc.cs - 1] + colw[hc.col + hc.cs - 1]
                yy = tier_top[hc.tier + hc.rs]
                lines_.append((x0, yy, x1, yy, lw * 0.7))
    if st["total_rule"] and rules != "grid":
        for i, row in enumerate(rows):
            if row.kind == "total" and i > 0:
                yy = row_tops[i] - 1.25
                x0 = colx[1] if st["full_how"] == "cols" else 0
                lines_.append((x0, yy, W, yy, lw * 0.7))
    if rules == "grid":
        bounds = [0.0] + [colx[c] - gap / 2 for c in range(1, n)] + [W]
        # header cells
        for hc in spec.header:
            x0 = bounds[hc.col]
            x1 = bounds[hc.col + hc.cs]
            lines_ += [(x0, tier_top[hc.tier], x1, tier_top[hc.tier], lw),
                       (x0, tier_top[hc.tier + hc.rs], x1, tier_top[hc.tier + hc.rs], lw),
                       (x0, tier_top[hc.tier], x0, tier_top[hc.tier + hc.rs], lw),
                       (x1, tier_top[hc.tier], x1, tier_top[hc.tier + hc.rs], lw)]
        # empty header slots get their own boxes
        covered = set()
        for hc in spec.header:
            for t in range(hc.tier, hc.tier + hc.rs):
                for c in range(hc.col, hc.col + hc.cs):
                    covered.add((t, c))
        for c in range(n):
            t = 0
            while t < T:
                if (t, c) in covered:
                    t += 1
                    continue
                t1 = t
                while t1 < T and (t1, c) not in covered:
                    t1 += 1
                x0, x1 = bounds[c], bounds[c + 1]
                lines_ += [(x0, tier_top[t], x1, tier_top[t], lw),
                           (x0, tier_top[t1], x1, tier_top[t1], lw),
                           (x0, tier_top[t], x0, tier_top[t1], lw),
                           (x1, tier_top[t], x1, tier_top[t1], lw)]
                t = t1
        for i, row in enumerate(rows):
            y0 = row_tops[i]
            y1 = row_bots[i] if i < len(rows) - 1 else H
            if i > 0:
                y0 = (row_tops[i] + row_bots[i - 1]) / 2
            if i < len(rows) - 1:
                y1 = (row_bots[i] + row_tops[i + 1]) / 2
            if i == 0:
                y0 = hdr_bottom
            lines_.append((0, y1, W, y1, lw))
            merge = row.kind == "section" and (st["section_merge"] or id(row) in sec_wide)
            xs = [0.0, W] if merge else bounds
            for x in xs:
                lines_.append((x, y0, x, y1, lw))
    for x0, y0, x1, y1, c in fills:
        ops.append(("f", x0, y0, x1, y1, c))
    for x0, y0, x1, y1, w in lines_:
        ops.append(("l", x0, y0, x1, y1, w, BLACK))
    for (rr, cc), bb in cellbox.items():
        L.cells.append((rr, cc, L.grid[rr][cc], bb))
    L.body_top = body_top
    return L


def place(cv, L, ox, oy):
    """Draw a laid-out table at (ox, oy); return cell boxes in page coords."""
    for op in L.ops:
        if op[0] == "t":
            _, x, y, s, f, sz, col = op
            cv.text(ox + x, oy + y, s, f, sz, col)
        elif op[0] == "l":
            _, x0, y0, x1, y1, w, col = op
            cv.line(ox + x0, oy + y0, ox + x1, oy + y1, w, col)
        else:
            _, x0, y0, x1, y1, col = op
            cv.fill(ox + x0, oy + y0, ox + x1, oy + y1, col)
    return [(rr, cc, t, [b[0] + ox, b[1] + oy, b[2] + ox, b[3] + oy])
            for rr, cc, t, b in L.cells]


# --------------------------------------------------------------------------
# Running text
# --------------------------------------------------------------------------

SENTENCES = [
    "In {y}, {m} in {a} {dir} by {p}{pc} compared with {y0}.",
    "The highest value for {m} was recorded in {a} ({v1}), the lowest in {b} ({v2}).",
    "Compared with the previous year, {m} {dir} in {k} of the {k2} categories shown.",
    "{A} accounted for {p}{pc} of the total in {y}, up from {p2}{pc} in {y0}.",
    "Between {y0} and {y}, {m} {dir2} from {v1} to {v2}.",
    "Data for {y} are provisional and may be revised when final results become available.",
    "Figures are rounded independently and totals may therefore differ from the sum of the components.",
    "The results are based on {survey}, which covers about {k}0 000 units in each reference period.",
    "Detailed definitions of the concepts used are given in the methodological notes at the end of this publication.",
    "Table {t} gives a breakdown by {dim}, while the following table shows the corresponding changes over time.",
    "Over the same period, {m} remained broadly stable in {a}.",
    "The largest increases were observed in {a} (+{p}{pc}), {b} (+{p2}{pc}) and {c}.",
    "Decreases were registered in {a} and {b}, mainly reflecting lower activity in the second half of the year.",
    "Seasonally adjusted data are shown unless otherwise stated.",
    "For {a}, a break in series occurs in {y0} following the introduction of a new survey design.",
    "These developments should be interpreted with caution, as sample sizes for some groups are small.",
    "The gap between {a} and {b} narrowed slightly, to {p} percentage points.",
    "As in previous years, {a} recorded the largest share, followed by {b} and {c}.",
    "Revisions to earlier estimates were generally small and did not change the overall picture.",
    "Annual averages are calculated as the mean of the four quarterly estimates.",
    "More information on the data sources and on the quality of the estimates is available on the website.",
    "In the fourth quarter of {y}, {m} {dir} for the {nth} consecutive quarter.",
]


class TextGen:
    def __init__(self, r, ctx):
        self.r = r
        self.ctx = ctx
        self.recent = []

    def sentence(self):
        r, c = self.r, self.ctx
        tpl = r.choice(SENTENCES)
        while tpl in self.recent:
            tpl = r.choice(SENTENCES)
        self.recent = (self.recent + [tpl])[-6:]
        items = c["items"]
        a, b, cc = r.sample(items, 3)
        pc = "%" if c["region"] == "eu" else r.choice(["%", " percent"])
        dec = "." if c["region"] == "us" else r.choice([".", ","])

        def num(lo, hi):
            return ("%.1f" % r.uniform(lo, hi)).replace(".", dec)

        s = tpl.format(
            y=c["year"], y0=c["year"] - 1, m=r.choice(c["mnames"]), a=a, b=b, c=cc,
            A=a[:1].upper() + a[1:], dir=r.choice(["increased", "decreased", "rose", "fell"]),
            dir2=r.choice(["rose", "fell", "moved"]), p=num(0.2, 12), p2=num(0.2, 12),
            pc=pc, v1=num(1, 90), v2=num(1, 90), k=r.randint(2, 9), k2=r.randint(10, 28),
            survey=r.choice(c["survey"]),
            nth=r.choice(["second", "third", "fourth", "fifth"]), t=c.get("tref", "1"), dim=r.choice(c["dims"]))
        return s

    def paragraph(self, nsent):
        return " ".join(self.sentence() for _ in range(nsent))


def para_lines(text, font, size, width):
    lines = []
    cur = []
    curw = 0.0
    sp = tlen(" ", font, size)
    for w in text.split():
        ww = tlen(w, font, size)
        if cur and curw + sp + ww > width:
            lines.append(cur)
            cur, curw = [w], ww
        else:
            curw = curw + sp + ww if cur else ww
            cur.append(w)
    if cur:
        lines.append(cur)
    return lines


def draw_line_words(cv, x, y, words, font, size, width, justify, color=BLACK):
    if justify and len(words) > 1:
        tot = sum(tlen(w, font, size) for w in words)
        sp = (width - tot) / (len(words) - 1)
        if sp < 4 * tlen(" ", font, size):
            xx = x
            for w in words:
                cv.text(xx, y, w, font, size, color)
                xx += tlen(w, font, size) + sp
            return
    cv.text(x, y, " ".join(words), font, size, color)


# --------------------------------------------------------------------------
# Pages and documents
# --------------------------------------------------------------------------

class PageBuilder:
    def __init__(self, doc, D, pno, landscape):
        w, h = D["size"]
        if landscape:
            w, h = h, w
        self.page = doc.new_page(width=w, height=h)
        self.W, self.H = w, h
        self.cv = Canvas(self.page)
        self.D = D
        self.pno = pno
        self.left = D["ml"]
        self.right = w - D["mr"]
        self.top = D["mt"]
        self.bottom = h - D["mb"]
        self.y = self.top
        self.tables = []
        self.ncols_text = 1
        self.landscape = landscape

    @property
    def width(self):
        return self.right - self.left

    def room(self):
        return self.bottom - self.y

    # -- decorations ---------------------------------------------------------
    def running(self, npages):
        D, cv = self.D, self.cv
        F = FAMILIES[D["family"]]
        grey = (0.35, 0.35, 0.35)
        hy = self.top - 20
        if D["run_header"] and (self.pno > 1 or D["run_header_p1"]):
            cv.text(self.left, hy, D["run_left"], F["i"] if D["run_italic"] else F["r"], 7.5, grey)
            rt = D["run_right"]
            cv.text(self.right - tlen(rt, F["r"], 7.5), hy, rt, F["r"], 7.5, grey)
            if D["run_rule"]:
                cv.line(self.left, hy + 4, self.right, hy + 4, 0.5, grey)
        fy = self.bottom + 26
        ps = D["pnum"]
        if ps == "center":
            s = str(self.pno)
            cv.text((self.left + self.right - tlen(s, F["r"], 8)) / 2, fy, s, F["r"], 8)
        elif ps == "dash":
            s = f"- {self.pno} -"
            cv.text((self.left + self.right - tlen(s, F["r"], 8)) / 2, fy, s, F["r"], 8)
        elif ps == "of":
            s = f"Page {self.pno} of {npages}"
            cv.text(self.right - tlen(s, F["r"], 8), fy, s, F["r"], 8)
        else:
            s = str(self.pno)
            f = F["b"]
            cv.text(self.right - tlen(s, f, 8), fy, s, f, 8)
            foot = D["foot_text"]
            cv.text(self.left, fy, foot, F["r"], 7, grey)
        if D["foot_rule"]:
            cv.line(self.left, fy - 10, self.right, fy - 10, 0.4, grey)

    def title_block(self, r, tg):
        D, cv = self.D, self.cv
        F = FAMILIES[D["family"]]
        style = D["title_style"]
        acc = D["accent"]
        if style == "banner":
            bh = 26
            cv.fill(self.left, self.y, self.right, self.y + bh, acc)
            s = D["series"]
            fsz = 11 if tlen(s, F["b"], 11) < self.width * 0.6 else 9
            cv.text(self.left + 8, self.y + bh / 2 + 4, s, F["b"], fsz, WHITE)
            iss = D["issue"]
            cv.text(self.right - 8 - tlen(iss, F["r"], 9), self.y + bh / 2 + 3.5, iss, F["r"], 9, WHITE)
            self.y += bh + 14
        elif style == "agency":
            for s, f, sz in [(D["agency"], F["b"], 11), (D["series"], F["r"], 9)]:
                cv.text((self.left + self.right - tlen(s, f, sz)) / 2, self.y + sz, s, f, sz)
                self.y += sz + 5
            self.y += 2
            cv.line(self.left, self.y, self.right, self.y, 1.0)
            self.y += 12
        else:
            cv.text(self.left, self.y + 8, D["agency"] + "  |  " + D["series"], F["r"], 8, acc)
            self.y += 16
        tsz = D["title_size"]
        tf = F["b"]
        for ln in wrap(D["title"], tf, tsz, self.width):
            x = self.left if style != "agency" else (self.left + self.right - tlen(ln, tf, tsz)) / 2
            self.y += tsz * 1.2
            cv.text(x, self.y - tsz * 0.25, ln, tf, tsz, acc if style != "agency" else BLACK)
        self.y += 6
        if r.random() < 0.6:
            author = r.choice(["A.", "M.", "J.", "K."]) + " " + r.choice(
                ["Schmidt", "Dupont", "Rossi", "Novak", "Smith", "Jensen", "Garcia", "Murphy"])
            released = f"Released {r.randint(1, 28)} {r.choice(MONTHS_LONG)} {D['year'] + 1}"
            s = r.choice([f"Author: {author}", f"Issue number {D['issue']}", released])
            self.y += 9
            cv.text(self.left, self.y, s, F["i"], 8.5)
            self.y += 6
        if style == "plain":
            cv.line(self.left, self.y + 2, self.right, self.y + 2, 0.6, acc)
            self.y += 6
        self.y += 8
        # lede paragraph (bold)
        if r.random() < 0.6:
            self.text(r, tg, r.randint(2, 4), bold=True, ncols=1)

    def heading(self, r, text):
        D = self.D
        F = FAMILIES[D["family"]]
        sz = D["h_size"]
        if self.room() < sz * 4 + 30:
            return False
        self.y += D["h_before"]
        self.y += sz
        self.cv.text(self.left, self.y, text, F["b"], sz, D["h_color"])
        if D["h_rule"]:
            self.cv.line(self.left, self.y + 4, self.right, self.y + 4, 0.5, D["h_color"])
            self.y += 4
        self.y += D["h_after"]
        return True

    def text(self, r, tg, nsent=None, max_h=None, bold=False, ncols=None):
        """Paragraph(s) of running text filling at most ``max_h`` points."""
        D, cv = self.D, self.cv
        F = FAMILIES[D["family"]]
        font = F["b"] if bold else F["r"]
        sz = D["body_size"]
        lh = sz * D["body_lead"]
        ncols = ncols or self.ncols_text
        gut = 18.0
        cw = self.width if ncols == 1 else (self.width - gut) / 2
        max_h = self.room() if max_h is None else min(max_h, self.room())
        cap = int(max_h // lh)
        if ncols == 2:
            cap_total = 2 * cap - 1
        else:
            cap_total = cap
        if cap_total < 2:
            return False
        # build paragraph lines
        items = []  # list of (words, last_line_of_para) or None for para gap
        nlines = 0
        paras = 0
        while True:
            ns = r.randint(2, 5) if nsent is None else nsent
            para = []
            for _ in range(ns):
                cand = para + [tg.sentence()]
                pl = para_lines(" ".join(cand), font, sz, cw)
                if nlines + len(pl) + (1 if paras else 0) > cap_total:
                    break
                para = cand
            if not para:
                break
            pl = para_lines(" ".join(para), font, sz, cw)
            if paras:
                items.append(None)
                nlines += 1
            for k, ln in enumerate(pl):
                items.append((ln, k == len(pl) - 1))
            nlines += len(pl)
            paras += 1
            if nsent is not None or nlines >= cap_total - 1:
                break
            if r.random() < 0.25:
                break
        if not items:
            return False
        while items and items[-1] is None:
            items.pop()
        cols = [items]
        if ncols == 2 and len(items) >= 6:
            half = (len(items) + 1) // 2
            if half < len(items) and items[half] is None:
                half += 1
            cols = [items[:half], [it for it in items[half:]]]
            while cols[1] and cols[1][0] is None:
                cols[1].pop(0)
        y0 = self.y
        ymax = y0
        for ci, col in enumerate(cols):
            x = self.left + ci * (cw + gut)
            yy = y0
            for it in col:
                if it is not None:
                    words, last = it
                    b = baseline(yy, lh, sz)
                    draw_line_words(cv, x, b, words, font, sz, cw,
                                    D["justify"] and not last)
                yy += lh if it is not None else lh * 0.6
            ymax = max(ymax, yy)
        self.y = ymax + lh * 0.6
        return True

    def bullets(self, r, tg, n):
        D, cv = self.D, self.cv
        F = FAMILIES[D["family"]]
        sz = D["body_size"]
        lh = sz * D["body_lead"]
        for _ in range(n):
            lines = para_lines(tg.sentence(), F["r"], sz, self.width - 14)
            if (len(lines) + 1) * lh > self.room():
                break
            for k, ln in enumerate(lines):
                b = baseline(self.y, lh, sz)
                if k == 0:
                    cv.text(self.left + 3, b, "\u2022", F["r"], sz)
                cv.text(self.left + 14, b, " ".join(ln), F["r"], sz)
                self.y += lh
            self.y += lh * 0.3
        self.y += lh * 0.4


class TableBlock:
    """Caption + optional unit line + table + notes, measured before drawing."""

    def __init__(self, D, laid, caption, notes, unit_line, width_avail, cap_below):
        self.D = D
        self.L = laid
        F = FAMILIES[D["family"]]
        self.cf = F["b"] if D["cap_bold"] else F["r"]
        self.cs = D["cap_size"]
        self.nf = F["i"] if D["notes_italic"] else F["r"]
        self.ns = D["notes_size"]
        self.cap_w = min(width_avail, max(laid.w, min(width_avail, 260)))
        self.cap_lines = wrap(caption, self.cf, self.cs, self.cap_w) if caption else []
        self.notes_w = self.cap_w
        self.notes_lines = []
        for nt in notes:
            self.notes_lines += wrap(nt, self.nf, self.ns, self.notes_w)
        self.unit_line = unit_line
        self.cap_below = cap_below
        self.clh = self.cs * 1.25
        self.nlh = self.ns * 1.25
        h = laid.h
        if self.cap_lines:
            h += len(self.cap_lines) * self.clh + 5 + (4 if cap_below else 0)
        if unit_line:
            h += self.ns * 1.3 + 2
        if self.notes_lines:
            h += 4 + len(self.notes_lines) * self.nlh
        self.h = h
        self.w = max(laid.w, self.cap_w if self.cap_lines else 0)

    def draw(self, cv, x, y, area_x0, area_x1, how):
        """Draw with the table placed inside [area_x0, area_x1]."""
        L = self.L
        if how == "center":
            tx = (area_x0 + area_x1 - L.w) / 2
        else:
            tx = area_x0
        bx = tx if L.w >= self.cap_w else (area_x0 + area_x1 - self.cap_w) / 2 \
            if how == "center" else area_x0
        bx = max(area_x0, min(bx, area_x1 - self.cap_w))
        yy = y

        def caption():
            nonlocal yy
            for ln in self.cap_lines:
                cx = bx
                if self.D["cap_center"]:
                    cx = (area_x0 + area_x1 - tlen(ln, self.cf, self.cs)) / 2 \
                        if how == "center" else bx
                cv.text(cx, baseline(yy, self.clh, self.cs), ln, self.cf, self.cs,
                        self.D["cap_color"])
                yy += self.clh
            yy += 5

        if self.cap_lines and not self.cap_below:
            caption()
        if self.unit_line:
            s = self.unit_line
            f = self.nf
            ux = tx + L.w - tlen(s, f, self.ns) if self.D["unit_right"] else tx
            cv.text(ux, baseline(yy, self.ns * 1.3, self.ns), s, f, self.ns)
            yy += self.ns * 1.3 + 2
        cells = place(cv, L, tx, yy)
        tb = (tx, yy, tx + L.w, yy + L.h)
        yy += L.h
        if self.cap_lines and self.cap_below:
            yy += 4
            caption()
        if self.notes_lines:
            yy += 4
            for ln in self.notes_lines:
                cv.text(bx, baseline(yy, self.nlh, self.ns), ln, self.nf, self.ns)
                yy += self.nlh
        return cells, tb


class DocBuilder:
    def __init__(self, seed, idx):
        self.seed = seed
        self.idx = idx
        self.name = "doc-%d-%03d" % (seed, idx)
        self.r = random.Random(seed * 1000003 + idx * 7919 + 17)
        self.tables = []  # truth records
        self.table_no = 0

    # -- document style -------------------------------------------------------
    def make_style(self):
        r = self.r
        region = r.choice(["eu", "eu", "us"])
        theme = r.choice(list(THEMES) + ["labour", "economy"])
        th = THEMES[theme]
        year = r.randint(2007, 2012)
        fam = r.choice(["sans", "sans", "serif", "serif"])
        D = dict(region=region, theme=theme, year=year, family=fam)
        D["table_family"] = fam if r.random() < 0.6 else r.choice(["sans", "serif", "sans", "mono"])
        D["size"] = (595.0, 842.0) if region == "eu" or r.random() < 0.2 else (612.0, 792.0)
        D["ml"] = r.uniform(45, 80)
        D["mr"] = D["ml"] if r.random() < 0.6 else r.uniform(45, 80)
        D["mt"] = r.uniform(60, 85)
        D["mb"] = r.uniform(55, 80)
        D["body_size"] = r.choice([8.5, 9.0, 9.5, 10.0, 10.5, 11.0])
        D["body_lead"] = r.uniform(1.2, 1.4)
        D["justify"] = r.random() < 0.55
        D["twocol"] = r.random() < 0.35
        D["accent"] = r.choice([(0.0, 0.2, 0.45), (0.1, 0.3, 0.2), (0.45, 0.1, 0.1),
                                (0.2, 0.2, 0.2), (0.0, 0.35, 0.55), (0.0, 0.0, 0.0)])
        D["h_size"] = r.choice([10.0, 11.0, 12.0, 13.0])
        D["h_color"] = D["accent"] if r.random() < 0.5 else BLACK
        D["h_rule"] = r.random() < 0.2
        D["h_before"] = r.uniform(4, 10)
        D["h_after"] = r.uniform(6, 10)
        D["h_numbered"] = r.random() < 0.6
        D["cap_bold"] = r.random() < 0.6
        D["cap_size"] = r.choice([8.0, 8.5, 9.0, 9.5, 10.0])
        D["cap_center"] = r.random() < 0.3
        D["cap_color"] = D["accent"] if r.random() < 0.3 else BLACK
        D["cap_fmt"] = r.choice(["Table {n}: ", "Table {n}. ", "Table {n} \u2013 ",
                                 "TABLE {n}. ", "Table {n}\u2002"])
        D["chapter"] = r.choice([None, None, r.randint(1, 6), "A"])
        D["notes_size"] = r.choice([6.5, 7.0, 7.5, 8.0])
        D["notes_italic"] = r.random() < 0.3
        D["unit_right"] = r.random() < 0.6
        D["agency"] = r.choice(EU_AGENCIES if region == "eu" else US_AGENCIES[theme])
        D["series"] = r.choice(th["eu_series"] if region == "eu" else th["us_series"])
        D["issue"] = f"{r.randint(1, 60)}/{year + 1}"
        D["title"] = r.choice(th["titles"]).format(
            y=year, y0=year - 2, y2=str(year + 1)[2:], m=r.choice(MONTHS_LONG))
        D["title_size"] = r.choice([14.0, 16.0, 18.0, 20.0])
        D["title_style"] = r.choice(["banner", "agency", "plain"])
        D["run_header"] = r.random() < 0.7
        D["run_header_p1"] = r.random() < 0.3
        D["run_left"] = D["series"]
        D["run_right"] = D["agency"] if r.random() < 0.5 else D["title"][:60]
        D["run_italic"] = r.random() < 0.5
        D["run_rule"] = r.random() < 0.6
        D["pnum"] = r.choice(["center", "dash", "of", "foot"])
        D["foot_text"] = f"{D['series']} \u2014 {D['issue']}"
        D["foot_rule"] = r.random() < 0.3
        self.D = D
        items = [lab for rs in ROWSETS if rs["region"] in ("*", region)
                 and rs["key"] not in ("blsstatus", "attain", "isced", "usages", "euages")
                 and (rs["themes"] == "*" or theme in rs["themes"].split())
                 for _, lab in rs["items"]]
        items = [i for i in items if not i.startswith("of which")]
        self.ctx = dict(region=region, theme=theme, year=year, items=items,
                        mnames=[m[0].lower() for m in MEASURES[theme]],
                        survey=th["survey"], dims=sorted({rs["dim"] for rs in ROWSETS}))
        self.tg = TextGen(r, self.ctx)

    # -- tables --------------------------------------------------------------------
    def caption(self, spec, cont=False):
        D = self.D
        ch = D["chapter"]
        num = f"{ch}.{self.table_no}" if ch is not None else str(self.table_no)
        pre = D["cap_fmt"].format(n=num)
        if cont:
            return pre + spec.title + ", " + spec.years + self.r.choice(
                [" (continued)", " (cont.)", " \u2014 continued"])
        unit = ""
        if spec.unit and spec.unit not in ("number",) and self.r.random() < 0.6:
            unit = f" ({spec.unit})"
        return pre + spec.title + ", " + spec.years + unit

    def notes(self, spec):
        r = self.r
        D = self.D
        out = []
        if r.random() < 0.8:
            survey = r.choice(["", ", " + self.ctx["survey"][0]])
            code = DATA_CODES[D["theme"]] + str(r.randint(1, 9))
            src = r.choice([f"Source: {D['agency']}{survey}.",
                            f"Source: {D['agency']} (online data code: {code})",
                            f"SOURCE: {D['agency']}, {D['year'] + 1}."])
            out.append(src)
        pool = ["Note: Figures may not add to totals due to rounding.",
                "(1) Provisional.", "(2) Break in series.",
                ": not available; p provisional; e estimated.",
                "* Statistically significant change.",
                f"Note: Data for {r.choice(self.ctx['items'])} refer to {D['year'] - 1}.",
                "NOTE: Detail may not sum to totals because of independent rounding.",
                "(1) Estimate based on a small sample; to be used with caution."]
        out += r.sample(pool, r.choice([0, 1, 1, 2, 3]))
        return out

    def fit_table(self, avail_w, avail_h, opts):
        """Build a table block that fits in (avail_w, avail_h), or None."""
        r = self.r
        ctx = dict(self.ctx)
        ctx["prefer_multi"] = opts.get("multi", False)
        ctx["long"] = opts.get("split", False) or opts.get("long", False)
        small = opts.get("small", False)
        st = make_style(r, self.D, small)
        if opts.get("long"):  # long tables are set compactly
            st["fs"] = min(st["fs"], r.choice([6.5, 7.0, 7.5, 8.0]))
            st["lead"] = min(st["lead"], r.uniform(1.15, 1.25))
            st["vpad"] = min(st["vpad"], r.choice([0.0, 0.5, 1.0, 1.5]))
        seed = r.getrandbits(48)
        maxd = opts.get("maxd", r.choice([3, 4, 5, 6, 7, 8, 9, 11]))
        nrows = opts.get("nrows", r.choice([3, 5, 8, 10, 12, 15, 18, 22, 27, 32, 40]))
        full = st["width_mode"] == "full" and not small
        cap_h_est = 2 * self.D["cap_size"] * 1.25 + 5
        notes_est = 5 * self.D["notes_size"] * 1.25 + 4
        for attempt in range(30):
            rr = random.Random(seed)  # same choices while shrinking
            spec = make_spec(rr, ctx, maxd, nrows)
            st["dec"] = spec.dec
            L = layout_table(spec, st, target_w=avail_w if full else None)
            if L.w > avail_w + 0.01:
                if st["gap"] > 6 and st["rules"] != "grid":
                    st["gap"] = max(4.0, st["gap"] * 0.6)
                elif st["stub_max"] > 80:
                    st["stub_max"] = max(70.0, st["stub_max"] * 0.7)
                elif st["hdr_wrap_w"] > 30:
                    st["hdr_wrap_w"] = 28.0
                elif st["fs"] > 6.0:
                    st["fs"] -= 0.5
                elif maxd > 2:
                    maxd -= 1
                else:
                    return None
                continue
            body_h = L.h - L.body_top
            limit = avail_h - cap_h_est - notes_est
            if opts.get("split"):
                return spec, st, L, full
            if L.h > limit:
                if len(spec.rows) <= 3:
                    if st["fs"] > 6.5:
                        st["fs"] -= 0.5
                        continue
                    return None
                per = body_h / max(1, len(spec.rows))
                cut = int((L.h - limit) / max(per, 1)) + 1
                nrows = max(3, len(spec.rows) - cut)
                continue
            return spec, st, L, full
        return None

    def block_for(self, spec, st, L, width_avail, cont=False, with_notes=True):
        D = self.D
        r = self.r
        cap = self.caption(spec, cont)
        notes = self.notes(spec) if with_notes else []
        unit_line = None
        if not cont and r.random() < 0.2 and spec.unit and spec.unit != "number":
            unit_line = r.choice([f"({spec.unit})", spec.unit, f"Unit: {spec.unit}"])
        return TableBlock(D, L, cap, notes, unit_line, width_avail,
                          cap_below=(r.random() < 0.1 and not cont))

    def record(self, pb, spec, st, L, cells, tb, extra=""):
        desc = style_desc(spec, st)
        if L.wrapped_labels:
            desc += "; wrapped row labels (values on %s line)" % st["label_valign"]
        if L.wrapped_headers:
            desc += "; wrapped header cells"
        if any(rw.kind == "total" for rw in spec.rows):
            desc += "; total row" + (" bold" if st["total_bold"] else "") + (
                " with rule" if st["total_rule"] and st["rules"] != "grid" else "")
        if extra:
            desc += "; " + extra
        self.tables.append(dict(page=pb.pno, grid=L.grid, style=desc, cells=cells,
                                bbox=tb))

    def add_table(self, pb, opts):
        """Place one table block at the current position; True on success."""
        avail_w = pb.width
        avail_h = pb.room() - 6
        if avail_h < 90:
            return False
        res = self.fit_table(avail_w, avail_h, opts)
        if res is None:
            return False
        spec, st, L, full = res
        self.table_no += 1
        blk = self.block_for(spec, st, L, avail_w)
        if blk.h > avail_h:
            self.table_no -= 1
            return False
        pb.y += 6
        cells, tb = blk.draw(pb.cv, pb.left, pb.y, pb.left, pb.right,
                             "left" if full else st["place"])
        self.record(pb, spec, st, L, cells, tb)
        pb.y += blk.h + self.r.uniform(10, 18)
        return True

    def add_side_by_side(self, pb):
        gut = self.r.uniform(18, 30)
        half = (pb.width - gut) / 2
        avail_h = pb.room() - 6
        if avail_h < 110:
            return False
        blocks = []
        for _ in range(2):
            res = self.fit_table(half, avail_h, dict(small=True, maxd=self.r.choice([2, 3, 4]),
                                                     nrows=self.r.choice([4, 6, 8, 10, 14])))
            if res is None:
                return False
            spec, st, L, _ = res
            self.table_no += 1
            blk = self.block_for(spec, st, L, half)
            blocks.append((spec, st, L, blk))
        if max(b[3].h for b in blocks) > avail_h:
            self.table_no -= 2
            return False
        pb.y += 6
        for k, (spec, st, L, blk) in enumerate(blocks):
            x0 = pb.left + k * (half + gut)
            cells, tb = blk.draw(pb.cv, x0, pb.y, x0, x0 + half, st["place"])
            self.record(pb, spec, st, L, cells, tb, "side by side with another table")
        pb.y += max(b[3].h for b in blocks) + self.r.uniform(10, 18)
        return True

    def add_split_table(self, pb):
        """Table that does not fit: first part here, rest returned for next page."""
        r = self.r
        avail_h = pb.room() - 6
        if avail_h < 150:
            return None
        res = self.fit_table(pb.width, avail_h, dict(split=True, maxd=r.choice([3, 4, 5, 6, 7]),
                                                     nrows=40))
        if res is None:
            return None
        spec, st, Lfull, full = res
        if len(spec.rows) < 12 or Lfull.h < avail_h * 0.9:
                return None
        tw = pb.width if full else None
        self.table_no += 1
        # how many rows fit on this page?
        lo = None
        for k in range(len(spec.rows) - 4, 3, -1):
            L1 = layout_table(spec, st, rows=spec.rows[:k], target_w=tw)
            blk = self.block_for(spec, st, L1, pb.width, with_notes=False)
            if blk.h <= avail_h:
                lo = (k, L1, blk)
                break
        if lo is None:
            self.table_no -= 1
            return None
        k, L1, blk = lo
        pb.y += 6
        cells, tb = blk.draw(pb.cv, pb.left, pb.y, pb.left, pb.right,
                             "left" if full else st["place"])
        self.record(pb, spec, st, L1, cells, tb, "continued on next page (part 1)")
        pb.y += blk.h
        return (spec, st, k, tw, full)

    def continue_table(self, pb, pending):
        spec, st, k, tw, full = pending
        rows = spec.rows[k:]
        L2 = layout_table(spec, st, rows=rows, target_w=tw)
        blk = self.block_for(spec, st, L2, pb.width, cont=True)
        if blk.h > pb.room():
            # shrink: drop trailing rows (rare; content beyond is simply not printed)
            while len(rows) > 3 and blk.h > pb.room():
                rows = rows[:-1]
                L2 = layout_table(spec, st, rows=rows, target_w=tw)
                blk = self.block_for(spec, st, L2, pb.width, cont=True)
        pb.y += 4
        cells, tb = blk.draw(pb.cv, pb.left, pb.y, pb.left, pb.right,
                             "left" if full else st["place"])
        self.record(pb, spec, st, L2, cells, tb, "continued from previous page (part 2, header repeated)")
        pb.y += blk.h + self.r.uniform(10, 18)

    # -- pages -----------------------------------------------------------------------
    def heading_text(self):
        D = self.D
        th = THEMES[D["theme"]]
        self.hno = getattr(self, "hno", 0) + 1
        if not getattr(self, "hpool", None):
            self.hpool = list(th["headings"])
            self.r.shuffle(self.hpool)
        h = self.hpool.pop()
        if D["h_numbered"]:
            ch = D["chapter"] if isinstance(D["chapter"], int) else None
            return (f"{ch}.{self.hno} " if ch else f"{self.hno}. ") + h
        return h

    def build(self):
        self.make_style()
        r = self.r
        D = self.D
        doc = pymupdf.open()
        npages = r.choice([1, 1, 2, 2, 2, 3, 3])
        pending = None
        pages = []
        for pno in range(1, npages + 1):
            landscape = pending is None and r.random() < 0.12 and pno > 1 or \
                (pending is None and npages == 1 and r.random() < 0.06)
            if pending is not None:
                landscape = pages[-1].landscape
            pb = PageBuilder(doc, D, pno, landscape)
            pb.ncols_text = 2 if (D["twocol"] and not landscape) else 1
            pages.append(pb)
            if pno == 1:
                pb.title_block(r, self.tg)
            ntables_before = len(self.tables)
            if pending is not None:
                self.continue_table(pb, pending)
                pending = None
            elif pno > 1 and r.random() < 0.5:
                if pb.heading(r, self.heading_text()):
                    pb.text(r, self.tg, max_h=r.uniform(30, 90))
            # plan table content for the page (at most two tables per page)
            placed = len(self.tables) - ntables_before
            ntab = r.choice([0, 1, 1, 1, 2, 2]) if not landscape else 1
            if pno == 1 and npages == 1:
                ntab = max(1, ntab)
            ntab = min(ntab, 2 - placed)
            can_split = pno < npages and not landscape
            for t in range(ntab):
                if placed >= 2:
                    break
                if r.random() < 0.35 and pb.room() > 200:
                    if r.random() < 0.5:
                        pb.heading(r, self.heading_text())
                    pb.text(r, self.tg, max_h=r.uniform(30, 120))
                last = t == ntab - 1
                kind = r.random()
                if last and can_split and kind < 0.35:
                    pending = self.add_split_table(pb)
                    if pending is not None:
                        break
                if kind > 0.82 and placed == 0 and not landscape and pb.width > 380:
                    if self.add_side_by_side(pb):
                        placed += 2
                        continue
                opts = {}
                if landscape:
                    opts = {"maxd": r.choice([9, 10, 11, 11]), "multi": r.random() < 0.6}
                elif ntab == 2:
                    opts = dict(nrows=r.choice([3, 5, 7, 9, 12, 15]))
                elif pb.room() > 450 and r.random() < 0.4:
                    opts = dict(nrows=r.choice([24, 30, 36, 40]), long=True)
                if self.add_table(pb, opts):
                    placed += 1
            if pending is None:
                # fill the rest of the page with text
                if pb.room() > 80 and r.random() < 0.5:
                    pb.heading(r, self.heading_text())
                if pb.room() > 30:
                    if r.random() < 0.15 and pb.room() > 80:
                        pb.bullets(r, self.tg, r.randint(2, 4))
                    pb.text(r, self.tg)
            # finish the page before the next one is created
            pb.running(npages)
            pb.cv.flush()
            pb.page = None
        return doc, pages


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def generate(seed, idx, outdir):
    """Generate one document; return (truth record, builder, pages)."""
    b = DocBuilder(seed, idx)
    doc, pages = b.build()
    doc.set_metadata({"title": b.D["title"], "author": b.D["agency"],
                      "subject": b.D["series"], "creator": "indep_tables gen.py",
                      "producer": "PyMuPDF", "creationDate": "D:20120101000000",
                      "modDate": "D:20120101000000"})
    doc.subset_fonts()
    pdf = os.path.join(outdir, b.name + ".pdf")
    try:
        doc.save(pdf, garbage=3, deflate=True, no_new_id=True, reproducible=True)
    except TypeError:  # older PyMuPDF
        doc.save(pdf, garbage=3, deflate=True, no_new_id=True)
    doc.close()
    rec = {"pdf": b.name + ".pdf", "tables": []}
    for k, t in enumerate(b.tables, 1):
        fn = "%s.t%d.p%d.csv" % (b.name, k, t["page"])
        with open(os.path.join(outdir, fn), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerows(t["grid"])
        rec["tables"].append({"csv": fn, "page": t["page"], "rows": len(t["grid"]),
                              "cols": len(t["grid"][0]), "style": t["style"]})
    return rec, b, pages


def main(n: int, seed: int, outdir: str) -> None:
    os.makedirs(outdir, exist_ok=True)
    truth = []
    for i in range(1, n + 1):
        rec, _, _ = generate(seed, i, outdir)
        truth.append(rec)
    with open(os.path.join(outdir, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python gen.py N SEED OUTDIR")
    t0 = time.time()
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
    print("wrote %s documents to %s in %.1fs" % (sys.argv[1], sys.argv[3], time.time() - t0))
