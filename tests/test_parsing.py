"""Amounts, currencies, dates and times across locales."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docextract.parsing import (
    currency_evidence,
    detect_currency,
    find_amounts,
    find_dates,
    infer_dayfirst,
    normalize_text,
    parse_amount,
    parse_currency,
    parse_date,
    parse_time,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1\u202f234,56 €", "1234.56"),
        ("RM 80.90", "80.90"),
        ("RM80.90", "80.90"),
        ("$7.25", "7.25"),
        ("45,93 €", "45.93"),
        ("€ -9,32", "-9.32"),
        ("9.32-", "-9.32"),
        ("(12.00)", "-12.00"),
        ("TOTAL AMOUNT: $8.20", "8.20"),
        ("15.00 ZR", "15.00"),
        ("Rs 2480", "2480"),
        ("1,234,567.89", "1234567.89"),
        ("43.7", "43.7"),
        # India's lakh grouping
        ("₹ 4,16,686.00", "416686.00"),
        ("Rs. 12,34,567.50", "1234567.50"),
    ],
)
def test_parse_amount(text: str, value: str) -> None:
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["CS00012345", "25/12/2018", "12:31", "abc", "", "12.34.56", "12,34,56"])
def test_not_amounts(text: str) -> None:
    assert parse_amount(text) is None


def test_decimal_separator_hint_and_percentages() -> None:
    assert parse_amount("1.234") == Decimal("1234")  # three digits after one dot: thousands
    assert parse_amount("1,234", decimal_sep=",") == Decimal("1.234")
    found = find_amounts("GST @6%: $0.46")
    assert [a.value for a in found] == [Decimal("0.46")]
    assert found[0].currency == "USD"
    # a rate set apart from its sign (French style) is no amount either
    assert [a.value for a in find_amounts("TVA 5,5 %   1,45", decimal_sep=",")] == [Decimal("1.45")]


def test_qty_times_price_and_require_decimals() -> None:
    assert [a.value for a in find_amounts("4X12.35")] == [Decimal("4"), Decimal("12.35")]
    assert [a.value for a in find_amounts("TOTAL QTY 2 10.00", require_decimals=True)] == [Decimal("10.00")]


@pytest.mark.parametrize(
    ("token", "code"),
    [("RM", "MYR"), ("rm", "MYR"), ("$", "USD"), ("US$", "USD"), ("S$", "SGD"), ("€", "EUR"), ("£", "GBP"),
     ("₹", "INR"), ("Rs", "INR"), ("Rs.", "INR"), ("eur", "EUR"), ("CHF", "CHF"), ("NT$", "TWD"), ("RMB", "CNY"),
     ("円", "JPY"), ("XYZ", None), ("", None)],
)
def test_parse_currency(token: str, code: str | None) -> None:
    assert parse_currency(token) == code


def test_detect_currency() -> None:
    assert detect_currency("All charges are in US Dollars\nTotal $7.25") == "USD"
    assert detect_currency("TOTAL RM 80.90\nCASH RM 100.00") == "MYR"
    assert detect_currency("Totaal € 717,97") == "EUR"
    assert detect_currency("Grand Total Rs 2480") == "INR"
    assert detect_currency("SUBTOTAL 12.00\nTOTAL 12.00") is None
    # Codes beat a stray dollar sign.
    assert detect_currency("Amount SGD 12.00 ($ accepted)") == "SGD"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "$" is the dollar (or peso) the page names: by its code beside a total, a country's own
        # tax number, else the US dollar
        ("Subtotal $3,088.73\nGST (15%) $463.31\nTotal NZD $3,552.04", "NZD"),
        ("Sous-total / Subtotal 3 215,33 $\nTotal CAD 3 696,83 $", "CAD"),
        ("R.U.T.: 76.872.853-4\nMONTO NETO $ 3.780.802\nTOTAL $ 4.499.154", "CLP"),
        ("CUIT: 30-72837805-7\nImporte Total: $ 24.979,02", "ARS"),
        ("RFC: ABC120304XY9\nTotal $ 1,250.00", "MXN"),
        ("ABN 51 824 753 556\nTotal $ 88.00", "AUD"),
        ("Order 4410\nTotal $ 88.00", "USD"),
        # a tax number alone says where, not in what currency
        ("ABN 51 824 753 556\nTotal 88.00", None),
    ],
)
def test_which_dollar_a_bare_sign_is(text: str, code: str | None) -> None:
    assert detect_currency(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "RM" printed with the amounts, glued either side, or as a column's unit
        ("KEDAI MAKAN SDN BHD\nNASI LEMAK 1 5.00\nTOTAL RM5.00", "MYR"),
        ("TEH TARIK 2.50RM\nTOTAL 2.50", "MYR"),
        ("GRAND TOTAL:RM 12.30", "MYR"),
        ("TOTALRM12.30", "MYR"),
        ("DESCRIPTION QTY RM\nBREAD 1 3.20\nTOTAL 3.20", "MYR"),
        ("ITEM\nRM\nSUGAR 4.10", "MYR"),
        ("GST SUMMARY   AMOUNT (RM)   TAX (RM)\nSR 10.00 0.60", "MYR"),
        ("ROUNDED TOTAL (RM):   48.30", "MYR"),
        ("Total (EUR) 12,00", "EUR"),
        # words and names are no currency marks
        ("ABC HARDWARE SDN BHD 1110644-W\nTOTAL 12.00", None),
        ("XYZ TRADING SDN BHD\n12 JALAN MAWAR", None),
        ("MARKER PEN 18ML 1 3.50\nTOTAL 3.50", None),
        ("KWD 20331 HOSE CLIP 2 4.00\nTOTAL 4.00", None),
        ("KWD-8812 FILTER 1 9.90", None),
        ("KWD 203 FILTER 1 9.90", None),
        ("Amount EUR 399\nPaid EUR 399", "EUR"),
        ("PENNE PASTA 1 6.90", None),
        # a country named in the address decides which currency a bare "$" is
        ("KEDAI RUNCIT\n81200 JOHOR BAHRU, JOHOR\nTOTAL: $8.20\nCASH $10.00", "MYR"),
        ("CAFE\n12 ORCHARD ROAD, SINGAPORE 238826\nTOTAL $5.50", "SGD"),
        ("DINER\nTOTAL $5.50", "USD"),
        # ... and gives the currency where no amount is marked, but not a product's origin
        ("SHOP\n47500 SUBANG JAYA, SELANGOR\nTOTAL 9.00", "MYR"),
        ("FRANCE GREEN KIWI 2 5.00\nTOTAL 5.00", None),
        # printed marks outvote a country word and a stray dollar
        ("SHOP\n47500 SUBANG, SELANGOR\nTOTAL SGD 9.00\nPAID SGD 9.00", "SGD"),
        ("TOTAL EUR 9.00\nCHANGE $0.00", "EUR"),
        # a sign by a whole number is weak (OCR reads a "6" as "€"); by cents, or heading a column, strong
        ("1 A27269   € 20   6.20\nTOTAL 7.00", None),
        ("Totaal € 7,00", "EUR"),
        ("Artikel  Menge  €\nBrot 1 2,10", "EUR"),
        # a code heading a column among the lexicon's column headings of any language
        ("Omschrijving  Aantal  EUR\nKoffie 2 7,00", "EUR"),
        ("Descrizione  Quantità  CHF\nCaffè 2 7.00", "CHF"),
        # a footer's parts, joined by dots, end with the issuer's country
        ("Acme Ltd · 5 High Street · Leeds · United Kingdom · VAT GB123456789\nTotal 9.00", "GBP"),
        ("NETT TOTAL RM\n12.50", "MYR"),
        ("Qty Price/RM\n1 4.20", "MYR"),
        ("ALPHA TRADING SDN BHD\nTOTAL 4.20", None),
        # "kr" is the crown of the country the page names, else of the language its labels speak
        ("Fakturadatum 2024-03-01\nAtt betala 975,00 kr", "SEK"),
        ("Fakturadato 01-03-2024\nAt betale 975,00 kr.", "DKK"),
        ("Fjord AS · Storgata 1 · 0155 Oslo · Norge\nTotal 975,00 kr", "NOK"),
        ("Kr. Offenbach\nSumme 9,00", None),  # "Kr." by no amount: a district, no crown
        ("Do zapłaty: 6 432,03 zł", "PLN"),
        # ... Norwegian by the words Norway alone uses, beside one it shares with Danish; in brackets
        ("Fakturadato 2024-11-23\nForfallsdato 2024-12-07\nBeløp (kr)\nÅ betale 57 792,69", "NOK"),
        # marks after whole amounts (forints have no cents); a product code is no Turkish lira
        ("Bruttó végösszeg 1 253 541 Ft", "HUF"),
        ("Total de plată 12.353,72 lei", "RON"),
        ("TL-0514 Network patch cable 20 15.71", None),
        ("Parking Level 2 RM\nTOTAL 5.00", None),  # a mark printed before amounts counts by the one after it
        ("Ceiling 10 ft 2 4.00", None),
    ],
)
def test_detect_currency_from_printed_evidence(text: str, code: str | None) -> None:
    assert detect_currency(text) == code


def test_currency_evidence_weighs_marks_by_strength() -> None:
    votes = currency_evidence("DESCRIPTION QTY RM\nTOTAL RM 5.00\n81200 JOHOR BAHRU, JOHOR")
    # a mark beside an amount counts more than a column heading, which counts more than a place name
    assert set(votes) == {"MYR"} and votes["MYR"] == 3.0 + 2.0 + 1.5
    assert currency_evidence("ABC SDN BHD\nFRANCE GREEN KIWI") == {}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("25/12/2018", (2018, 12, 25)),
        ("12/28/2017", (2017, 12, 28)),
        ("2017-12-28 22:17", (2017, 12, 28)),
        ("19-09-17", (2017, 9, 19)),
        ("03 MAR 2018 18:22", (2018, 3, 3)),
        ("August 3 , 2014", (2014, 8, 3)),
        ("Jan 1, 2022", (2022, 1, 1)),
        ("19 april 2014", (2014, 4, 19)),
        ("Ngày 03 tháng 11 năm 2026", (2026, 11, 3)),  # Vietnamese
        ("29 Agustus 2025", (2025, 8, 29)),  # Indonesian
        ("28 novembre 2022", (2022, 11, 28)),
        ("3. März 2021", (2021, 3, 3)),
        ("1 de enero de 2020", (2020, 1, 1)),
        ("5 ogos 2019", (2019, 8, 5)),
        ("DATE: 15.03.2018", (2018, 3, 15)),
        ("20180325", (2018, 3, 25)),
        ("00231 14112019 09:41:07 0002", (2019, 11, 14)),  # day-first compact, beside a time
        ("18:1524/05/18", (2018, 5, 24)),  # the time glued before the date
        ("DATE 25/03-2018 13:11", (2018, 3, 25)),  # a separator misread
        ("25.03/2018", (2018, 3, 25)),
        ("2025年3月14日(金)", (2025, 3, 14)),
        ("2025년 3월 14일", (2025, 3, 14)),
        # Swedish, Danish, Polish (a date's month in the genitive)
        ("24 augusti 2023", (2023, 8, 24)),
        ("2. marts 2025", (2025, 3, 2)),
        ("23 marca 2025", (2025, 3, 23)),
        ("5 października 2024", (2024, 10, 5)),
        # Finnish (partitive), Czech (genitive), Romanian, Turkish
        ("6. lokakuuta 2023", (2023, 10, 6)),
        # Russian, Ukrainian, Greek (with and without accents), Croatian, Serbian, Estonian
        ("5 ноября 2026 г.", (2026, 11, 5)),
        ("7 лютого 2026", (2026, 2, 7)),
        ("9 Νοεμβρίου 2025", (2025, 11, 9)),
        ("9 ΝΟΕΜΒΡΙΟΥ 2025", (2025, 11, 9)),
        ("11. travnja 2026.", (2026, 4, 11)),
        ("11. septembar 2026.", (2026, 9, 11)),
        ("11. märts 2026", (2026, 3, 11)),
        ("3. června 2023", (2023, 6, 3)),
        ("14 februarie 2024", (2024, 2, 14)),
        ("13 Ağustos 2024", (2024, 8, 13)),
    ],
)
def test_parse_date(text: str, date: tuple[int, int, int]) -> None:
    assert parse_date(text) == dt.date(*date)


def test_day_month_order() -> None:
    assert parse_date("07/01/18") == dt.date(2018, 1, 7)
    assert parse_date("07/01/18", dayfirst=False) == dt.date(2018, 7, 1)
    (m,) = find_dates("07/01/18")
    assert m.ambiguous
    (m,) = find_dates("13/01/2020", dayfirst=False)  # the numbers decide over the hint
    assert m.value == dt.date(2020, 1, 13) and not m.ambiguous
    assert infer_dayfirst(["12/28/2017", "01/02/2017"]) is False
    assert infer_dayfirst(["28/12/2017"]) is True
    assert infer_dayfirst(["01/02/2017"], default=False) is False


def test_no_dates_in_ids() -> None:
    assert find_dates("SP-NULL-18/06/04-1016956") == []
    assert find_dates("MEMBER 14112019") == []  # a compact day-first date needs a time beside it
    assert find_dates("REF 12/06-2018-0042") == []  # mixed separators inside an id
    assert find_dates("Facture n° 2022089083") == []
    assert parse_date("31/02/2018") is None


@pytest.mark.parametrize(
    ("text", "time"),
    [("12:31", "12:31"), ("10:17:32 PM", "22:17:32"), ("02:56PM", "14:56"), ("12:05 am", "00:05"),
     ("14h30", "14:30"), ("2.30 pm", "14:30"), ("TOTAL 14.30", None)],
)
def test_parse_time(text: str, time: str | None) -> None:
    assert parse_time(text) == time


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("DATE: 2O/03/2018", (2018, 3, 20)),  # O for 0
        ("l2-06-2018 10:00", (2018, 6, 12)),  # l for 1
        ("1O MAY 2O18", (2018, 5, 10)),  # look-alikes around a month name
        ("Date   03-05-202114:02:11", (2021, 5, 3)),  # the time glued to the year
        ("27Oct202209:45", (2022, 10, 27)),
        ("08 Feb 202319:02", (2023, 2, 8)),
        ("Date   :09-07-20221", (2022, 7, 9)),  # one stray digit after the year
        ("2019-11-0417:26:08", (2019, 11, 4)),  # the time glued to an ISO date
        ("Printed 2021/2/1409:30", (2021, 2, 14)),
        ("Datum 23-08~23", (2023, 8, 23)),  # a hyphen read as a tilde
    ],
)
def test_dates_as_ocr_reads_them(text: str, date: tuple[int, int, int]) -> None:
    assert parse_date(text) == dt.date(*date)


def test_ocr_tolerance_does_not_invent_dates() -> None:
    assert find_dates("99 SPEED MART S/B") == []
    assert find_dates("IS MAY 2018") == []  # "2018" is a year, not day 20 of '18
    assert find_dates("INV 12-06-20181234") == []
    assert find_dates("LOT 2019-11-0412") == []  # digits after an ISO date that are no time
    assert find_dates("2O/O3/2Ol8") == []  # more look-alikes than the digits can vouch for
    assert find_dates("sizes 10~20") == []  # a range, not a date
    assert parse_time("04/06/201818:17:54") == "18:17:54"


def test_amounts_with_look_alike_digits() -> None:
    assert parse_amount("Rounding   RMO.02") == Decimal("0.02")
    assert parse_amount("TOTAL 2l.85") == Decimal("21.85")
    assert find_amounts("SHOP") == []


@pytest.mark.parametrize("text", ["Cola 0,5l", "Milch 1,5L", "Reis 2,5kg", "Coke 330ml", "Cable 1.5m", "Steak 12oz",
                                  "Diesel 32.252 gal", "Heating oil 1.250 litres", "Power 1 250 kWh"])
def test_measures_are_not_amounts(text: str) -> None:
    """A unit glued to a number makes it a measure: "0,5l" is half a litre (it was read as 0.51)."""
    assert find_amounts(text) == []
    assert [a.value for a in find_amounts(f"{text}   1,99")] == [Decimal("1.99")]


def test_normalizing_folds_wide_forms_but_keeps_superscripts() -> None:
    """Full-width digits fold to ASCII, ordinal marks to letters ("nº" reads "no", as labels are
    spelt) unless a value keeps them; "m²" stays "m²" (not "m2", another product)."""
    assert normalize_text("１２３ Kabel  3x1,5 mm², 80 g/m², CO₂, nº 5") == "123 Kabel 3x1,5 mm², 80 g/m², CO₂, no 5"
    # a value as printed keeps them ("según presupuesto nº 4410", "1ª planta")
    assert normalize_text("１２３ presupuesto nº 5, 1ª planta", printed=True) == "123 presupuesto nº 5, 1ª planta"
    assert normalize_text("Cleaning \u2013 monthly", printed=True) == "Cleaning \u2013 monthly"
    assert normalize_text("Cleaning \u2013 monthly") == "Cleaning - monthly"


def test_an_iso_code_glued_before_an_amount_is_its_currency() -> None:
    """"GBP1,740.00": the code is the amount's currency, not letters making an id of it ("INV123.00",
    "XGBP12.00" stay ids; a whole number after a code may be one too: "GBP12")."""
    (a,) = find_amounts("Total due GBP1,740.00")
    assert (a.value, a.currency, a.text) == (Decimal("1740.00"), "GBP", "GBP1,740.00")
    assert find_amounts("INV123.00") == [] and find_amounts("XGBP12.00") == [] and find_amounts("GBP12") == []


def test_a_lone_r_glued_before_an_amount_with_cents() -> None:
    """"R8,605.38": the rand's mark glued to its amount, which stays an amount; the mark alone names
    no currency (the page's evidence does). A letter before the R, or no cents, is an id or a size."""
    (a,) = find_amounts("Total (Incl. VAT) R8,605.38")
    assert (a.value, a.currency, a.text) == (Decimal("8605.38"), None, "R8,605.38")
    assert find_amounts("AR8.50") == [] and find_amounts("R15 tyres") == [] and find_amounts("BR12.00") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [("TOTAL GH₵ 1,234.50", "GHS"), ("Total GH¢ 88.00", "GHS"), ("Amount due KSh 12,400.00", "KES"),
     ("Total TTC 1 234,50 DH", "MAD"), ("P.O. Box 4439-80100 Kisumu, Kenya\nTotal 12,400.00", "KES")],
)
def test_african_currency_marks(text: str, code: str) -> None:
    assert detect_currency(text) == code


@pytest.mark.parametrize(("text", "date"), [
    ("22. desember 2026", dt.date(2026, 12, 22)), ("5 d'octubre de 2026", dt.date(2026, 10, 5)),
    ("5 ta' Diċembru 2026", dt.date(2026, 12, 5)), ("2026. gada 5. decembris", dt.date(2026, 12, 5)),
    ("23 nëntor 2025", dt.date(2025, 11, 23)), ("5. decembra 2026", dt.date(2026, 12, 5)),
    ("5 Desemba 2026", dt.date(2026, 12, 5)), ("5 Disyembre 2026", dt.date(2026, 12, 5)), ("5. Mäerz 2026", dt.date(2026, 3, 5)),
])
def test_month_names_of_ten_more_languages(text: str, date: dt.date) -> None:
    assert [d.value for d in find_dates(text)] == [date]


@pytest.mark.parametrize(("text", "code"), [
    ("Total Dhs 1,234.50\nDubai, U.A.E.", "AED"), ("Total 56.00 DH\nCasablanca", "MAD"), ("Total SR 1,150.00", None), ("Total R 12.00", None),
    ("Til greiðslu 43.716 kr.", "ISK"), ("Til greiðslu 208.565 ISK", "ISK"), ("Totaal verskuldig R 11 819,70", "ZAR"),
    ("Total R$ 12,00", "BRL"), ("R&D 12.00", None), ("FALCONER MOTORS (PTY) LTD\nTOTAL R 579.60", "ZAR"),
    ("Harbour Tools Pty Ltd\nTOTAL R 579.60", None),
    ("Amount due $1,189.90\nHobart TAS 7000", "AUD"), ("Amount due $1,189.90\nOttawa, ON K1P 6F5", "CAD"),
])
def test_gulf_marks_dirhams_by_country_crowns_and_codes_after_whole_amounts(text: str, code: str | None) -> None:
    assert detect_currency(text) == code


def test_points_before_three_digits_group_thousands_where_nothing_has_cents() -> None:
    from docextract.rules import _infer_decimal_sep

    assert _infer_decimal_sep("12.000 30.000 43.716 Gjalddagi 15.03.2027") == ","  # a date's points are none
    assert _infer_decimal_sep("BHD 12.500 1.250") == "."  # a dinar's fils
    assert _infer_decimal_sep("Total 12.50 3.000") == "." and _infer_decimal_sep("Datum 12.05.2024 Betrag 12,50") == ","
