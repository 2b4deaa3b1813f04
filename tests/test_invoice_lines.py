"""Invoice line items read from item tables: each number from the column it stands in.

The invoices are PDFs drawn here (text layer) and, for one, its render read by the real OCR.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

import pymupdf
import pytest
from PIL import Image

from docextract.engines.reader import ReaderEngine
from docextract.rules.invoice import extract_invoice
from docextract.schemas import resolve_schema
from docextract.sources import open_document
from docextract.types import EngineRequest, Word

DPI = 144

Cell = tuple  # x, y (points, baseline), text[, type size in points]


def kit_issues(res, schema: str) -> list:
    """The schema kit's checks on what the rules read, as the pipeline runs them on the merged document."""
    return resolve_schema(schema).check(res.data, res.check_amounts)


def render(cells: list[Cell], *, right: set[float] = frozenset()) -> tuple[list[Word], Image.Image]:
    """Text-layer words (pixels at DPI) and the page image. Cells whose x is in ``right`` are
    right-aligned at x (numbers under their heading)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for x, y, text, *size in cells:  # a cell may give its type size (points; else 10)
        pt = size[0] if size else 10
        if x in right:
            x -= pymupdf.get_text_length(text, fontname="helv", fontsize=pt)
        page.insert_text((x, y), text, fontsize=pt)
    data = doc.tobytes()
    doc.close()
    with open_document(data) as pdf:  # the text layer as the pipeline reads it
        page = pdf.page(1, dpi=DPI)
        assert page.words is not None
        return page.words, page.image


def lines(data: dict) -> list[tuple]:
    return [(ln["description"], ln["quantity"], ln["unit_price"], ln["amount"]) for ln in data["lines"]]


def ocr_line(text: str, x0: float, y0: float, x1: float) -> Word:
    """A line as OCR reports it: its box (a 20 px tall line) and ``source="ocr"``."""
    return Word(text, x0, y0, x1, y0 + 20, 0.99, "ocr")


def ocr_head() -> list[Word]:
    """An OCR'd invoice's issuer, number and date, over a table set from y = 160."""
    return [ocr_line("Corvina Logistics LLC", 40, 40, 260), ocr_line("Invoice # 84533", 40, 70, 220),
            ocr_line("Date: 2025-10-19", 40, 100, 220)]


def in_box(text: str, x0: float, x1: float) -> Callable[[str], float]:
    """Where a token of an OCR box ``text`` (x0..x1) stands: OCR boxes are cut in proportion."""
    return lambda token: x0 + (x1 - x0) * (text.index(token) + len(token) / 2) / len(text)


# A French invoice: a line with no quantity, and one of quantity 0 whose amount is 0 (3,50 x 0 reads
# as quantity 3,5 at price 0 when numbers are paired by arithmetic instead of by column).
FRENCH = [
    (60, 60, "Imprimerie Vautrin"),
    (60, 76, "14 rue des Tanneurs, 69002 Lyon"),
    (240, 120, "Facture n° 2023114507"),
    (60, 140, "Date : 14/03/2023"),
    (140, 200, "Désignation"), (330, 200, "Nombre"), (400, 200, "P.U. HT"), (480, 200, "Montant HT"),
    (60, 230, "Abonnement du 02/04/2023"), (540, 230, "38,40 EUR"),
    (60, 255, "Envoi PDF"), (350, 255, "1"), (440, 255, "0,75 EUR"), (540, 255, "0,75 EUR"),
    (60, 280, "Envoi papier"), (350, 280, "0"), (440, 280, "3,50 EUR"), (540, 280, "0 EUR"),
    (380, 320, "Total HT :"), (540, 320, "39,15 EUR"),
    (380, 345, "TVA 20% :"), (540, 345, "7,83 EUR"),
    (380, 370, "Total TTC :"), (540, 370, "46,98 EUR"),
]
FRENCH_RIGHT = {350.0, 440.0, 540.0}
FRENCH_LINES = [
    ("Abonnement du 02/04/2023", None, None, D("38.40")),
    ("Envoi PDF", D(1), D("0.75"), D("0.75")),
    ("Envoi papier", D(0), D("3.50"), D(0)),
]


def test_numbers_are_read_by_column() -> None:
    words, _ = render(FRENCH, right=FRENCH_RIGHT)
    res = extract_invoice(words)
    assert lines(res.data) == FRENCH_LINES
    assert res.data["total"] == D("46.98") and res.data["subtotal"] == D("39.15")
    assert kit_issues(res, "invoice") == []
    # provenance: each line's amount is the number in the "Montant HT" column
    assert res.provenance["lines[2].amount"].text.startswith("0")
    assert res.provenance["lines[2].amount"].bbox[0] > 1000


def test_ocr_of_the_rendered_invoice_reads_the_same_lines() -> None:
    words, image = render(FRENCH, right=FRENCH_RIGHT)
    out = ReaderEngine().generate(EngineRequest(images=[image], prompt="", schema=resolve_schema("invoice")))
    assert out.data is not None
    # The detector does not find the lone one-digit quantities; the prices and amounts stay in
    # their columns (3,50 is the unit price of a line whose amount is 0).
    assert [ln[2:] for ln in lines(out.data)] == [ln[2:] for ln in FRENCH_LINES]
    assert [ln["description"].upper() for ln in out.data["lines"]][1:] == ["ENVOI PDF", "ENVOI PAPIER"]


def test_an_ordinal_mark_in_a_line_stays_as_printed() -> None:
    """"nº" in a line's text is kept ("según presupuesto nº 4410"), while the labels are still read
    through it folded ("Factura Nº" labels the invoice's number)."""
    cells = [
        (60, 60, "Carpintería Olmedo S.L."), (380, 60, "Factura Nº 2025-118"), (380, 80, "Fecha: 14/03/2025"),
        (60, 140, "Descripción"), (330, 140, "Cant."), (420, 140, "Precio"), (500, 140, "Importe"),
        (60, 165, "Puerta de roble, según presupuesto nº 4410"), (350, 165, "2"), (455, 165, "155,00"), (540, 165, "310,00"),
        (60, 190, "Montaje, 1ª planta"), (350, 190, "1"), (455, 190, "40,00"), (540, 190, "40,00"),
        (380, 230, "Total"), (540, 230, "350,00"),
    ]
    data = extract_invoice(render(cells, right={350.0, 455.0, 540.0})[0]).data
    assert lines(data) == [("Puerta de roble, según presupuesto nº 4410", D(2), D("155.00"), D("310.00")),
                           ("Montaje, 1ª planta", D(1), D("40.00"), D("40.00"))]
    assert data["invoice_number"] == "2025-118"


def test_a_heading_on_two_lines_names_the_code_and_a_carried_sum_is_no_item() -> None:
    """"Article" over "no." heads the items' codes (not their text), "Unit" over "price" the price;
    the sum brought forward from the page before is neither an item nor the total."""
    cells = [
        (60, 60, "Harrow & Ashcombe Ltd"), (380, 60, "Invoice INV-2025-0807"), (380, 75, "Date: 03/02/2025"),
        (40, 140, "Pos."), (70, 140, "Article"), (140, 140, "Description"), (330, 140, "Qty"), (400, 140, "Unit"),
        (500, 140, "Net"),
        (70, 151, "no."), (400, 151, "price"), (500, 151, "amount"),
        (140, 172, "Brought forward:"), (540, 172, "1,000.00"),
        (40, 190, "24"), (70, 190, "14.727.07"), (140, 190, "Hex bolts M8 x 40"), (350, 190, "24"), (440, 190, "0.75"),
        (540, 190, "18.00"),
        (40, 205, "25"), (70, 205, "18.443.62"), (140, 205, "Toner cartridge"), (350, 205, "2"), (440, 205, "10.00"),
        (540, 205, "20.00"),
        (380, 240, "Total"), (540, 240, "1,038.00"),
    ]
    data = extract_invoice(render(cells, right={350.0, 440.0, 540.0})[0]).data
    assert lines(data) == [("Hex bolts M8 x 40", D(24), D("0.75"), D("18.00")), ("Toner cartridge", D(2), D("10.00"), D("20.00"))]
    assert [ln["code"] for ln in data["lines"]] == ["14.727.07", "18.443.62"]


def test_a_line_over_the_heading_that_leaves_no_text_column_is_no_part_of_it() -> None:
    """"Period" set just over "Description" would make the text column a date column and leave the
    table without one: that line is not read as the heading's (it raised before)."""
    cells = [
        (60, 60, "Corvane Ltd"), (380, 60, "Invoice 2291"), (380, 75, "Date: 03/02/2025"),
        (60, 139, "Period"), (60, 150, "Description"), (330, 150, "Qty"), (500, 150, "Amount"),
        (60, 172, "Hosting"), (350, 172, "2"), (540, 172, "40.00"),
        (380, 200, "Total"), (540, 200, "40.00"),
    ]
    data = extract_invoice(render(cells, right={350.0, 540.0})[0]).data
    assert lines(data) == [("Hosting", D(2), None, D("40.00"))]


@pytest.mark.parametrize(
    ("headings", "row"),
    [
        # "Lp." numbers the lines (Polish); the unit column stands between the description and the count
        ([(40, "Lp."), (70, "Nazwa towaru"), (250, "J.m."), (330, "Ilosc"), (400, "Cena"), (500, "Wartosc")],
         [(40, "1"), (70, "Montaz u klienta"), (250, "godz."), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        # "Item" beside "Description" heads the items' codes; "Artikelnr" set close before "Benämning" too
        ([(40, "Item"), (100, "Description"), (330, "Qty"), (400, "Price"), (500, "Amount")],
         [(40, "K968"), (100, "Montaz u klienta"), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        ([(40, "Artikelnr"), (88, "Benämning"), (330, "Antal"), (400, "À-pris"), (500, "Belopp")],
         [(40, "K968"), (100, "Montaz u klienta"), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        # "Artikelcode" (one word) set close before "Product"; "U.M." (unità di misura) heads the units
        ([(40, "Artikelcode"), (100, "Product"), (330, "Aantal"), (400, "Stukprijs"), (500, "Bedrag")],
         [(40, "K968"), (100, "Montaz u klienta"), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        ([(40, "Descrizione"), (250, "U.M."), (330, "Q.tà"), (400, "Prezzo"), (500, "Importo")],
         [(40, "Montaz u klienta"), (250, "conf."), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        # India's "HSN/SAC" codes; "Art." abbreviated before the article's name; Mexico's "Clave ProdServ"
        ([(40, "Description"), (250, "HSN/SAC"), (330, "Qty"), (400, "Rate"), (500, "Amount")],
         [(40, "Montaz u klienta"), (250, "998314"), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        ([(40, "Art."), (100, "Artikel"), (330, "Aantal"), (400, "Prijs"), (500, "Totaal")],
         [(40, "PYK-23358"), (100, "Montaz u klienta"), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        ([(40, "Clave ProdServ"), (160, "Descripción"), (330, "Cantidad"), (400, "Valor unitario"), (500, "Importe")],
         [(40, "81111500"), (160, "Montaz u klienta"), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        # a fee schedule's bill: its item number ("GOT-Nr.") and multiplier ("Faktor") beside the text
        ([(40, "GOT-Nr."), (100, "Leistung"), (250, "Faktor"), (330, "Anz."), (400, "Einzelpreis"), (500, "Betrag")],
         [(40, "336"), (100, "Montaz u klienta"), (260, "2,3"), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        ([(40, "Code"), (100, "Procedure"), (250, "Factor"), (330, "Qty"), (400, "Fee"), (500, "Amount")],
         [(40, "D1206"), (100, "Montaz u klienta"), (260, "1.8"), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        # an ERP's "Material" number and "Nettowert"
        ([(40, "Material"), (100, "Bezeichnung"), (330, "Menge"), (400, "Einzelpreis"), (500, "Nettowert")],
         [(40, "544-4478-67"), (100, "Montaz u klienta"), (350, "3,5"), (440, "100,00"), (540, "350,00")]),
        # Indonesian "Kode"; a quantity's unit of seven letters in its cell ("3,5 lisensi")
        ([(40, "Kode"), (100, "Nama Barang"), (300, "Banyaknya"), (400, "Harga"), (500, "Jumlah")],
         [(40, "BRG-6540"), (100, "Montaz u klienta"), (350, "3,5 lisensi"), (440, "100,00"), (540, "350,00")]),
    ],
)
def test_codes_units_and_line_numbers_stay_out_of_the_description(headings: list, row: list) -> None:
    cells = [(60, 60, "Vellor Sp. z o.o."), (380, 60, "Faktura VAT nr 117/05/2024"), (380, 75, "Data: 05.03.2024"),
             *((x, 140, t) for x, t in headings), *((x, 165, t) for x, t in row), (380, 200, "Razem"), (540, 200, "350,00")]
    data = extract_invoice(render(cells, right={350.0, 440.0, 540.0})[0]).data
    assert lines(data) == [("Montaz u klienta", D("3.5"), D("100.00"), D("350.00"))]


def test_a_repeated_heading_on_two_lines_is_no_item_s_text() -> None:
    """Each group repeats the table's heading, its "Montant" over "net" on a second line: the
    second line of a repeated heading is heading too, not the first item's text."""
    cells = [
        (60, 60, "Davarro Connect EURL"), (330, 100, "Facture FAC254463"), (330, 114, "Date : 05.06.2025"),
        (60, 170, "Abonnements"), (60, 190, "Désignation"), (500, 190, "Montant"), (500, 200, "net"),
        (60, 215, "Forfait mobile 20 Go"), (540, 215, "9,99"),
        (380, 230, "Sous-total"), (540, 230, "9,99"),
        (60, 260, "Frais ponctuels"), (60, 280, "Désignation"), (500, 280, "Montant"), (500, 290, "net"),
        (60, 305, "Remplacement carte SIM"), (540, 305, "4,95"),
        (380, 320, "Sous-total"), (540, 320, "4,95"),
        (380, 350, "Total HT"), (540, 350, "14,94"),
    ]
    data = extract_invoice(render(cells, right={540.0})[0]).data
    assert lines(data) == [("Forfait mobile 20 Go", None, None, D("9.99")), ("Remplacement carte SIM", None, None, D("4.95"))]


def test_a_long_description_running_towards_the_code_column_stays_whole() -> None:
    """A description long enough that its last words stand nearer the code's heading ("Kod") than
    its own ("Produkt"): they belong to the cell they are printed in, the text's."""
    cells = [(60, 60, "Vellor Sp. z o.o."), (380, 60, "Faktura VAT nr 117/05/2024"), (380, 75, "Data: 05.03.2024"),
             (40, 140, "Produkt"), (290, 140, "Kod"), (345, 140, "Ilosc"), (400, 140, "Cena"), (500, 140, "Wartosc"),
             (40, 165, "Zestaw klawiatura i mysz, zgodnie z uzgodniona"), (290, 165, "359-8089"),
             (365, 165, "3"), (440, 165, "6,78"), (540, 165, "20,34"),
             (380, 200, "Razem"), (540, 200, "20,34")]
    data = extract_invoice(render(cells, right={365.0, 440.0, 540.0})[0]).data
    assert lines(data) == [("Zestaw klawiatura i mysz, zgodnie z uzgodniona", D(3), D("6.78"), D("20.34"))]
    assert data["lines"][0]["code"] == "359-8089"


def test_a_timesheet_s_total_of_hours_is_no_item() -> None:
    """"Total heures" sums the hours, set in the amounts' column: no item."""
    cells = [(60, 60, "Atelier Brunel"), (380, 60, "Facture F-2023-071"), (380, 75, "Date : 12/07/2023"),
             (40, 140, "Date"), (110, 140, "Désignation"), (300, 140, "Heures"), (370, 140, "Taux horaire"),
             (480, 140, "Montant"),
             (40, 165, "03.07.2023"), (110, 165, "Recette et tests"), (340, 165, "5,00"), (440, 165, "95,00"), (540, 165, "475,00"),
             (40, 180, "04.07.2023"), (110, 180, "Documentation"), (340, 180, "2,00"), (440, 180, "95,00"), (540, 180, "190,00"),
             (110, 210, "Total heures"), (540, 210, "7,00"),
             (110, 225, "Total HT"), (540, 225, "665,00 EUR")]
    data = extract_invoice(render(cells, right={340.0, 440.0, 540.0})[0]).data
    assert lines(data) == [("Recette et tests", D(5), D("95.00"), D("475.00")), ("Documentation", D(2), D("95.00"), D("190.00"))]


def test_a_line_that_mentions_a_round_is_no_rounding() -> None:
    """A rounding is cents: "Design review and feedback round ... 790.05" is an item."""
    leader = " " + "." * 40 + " "
    cells = [(60, 60, "Imogen Harrow"), (60, 100, "INVOICE"), (60, 120, f"Invoice number{leader}#933"),
             (60, 135, f"Invoice date{leader}19/06/25"), (60, 170, "Items"),
             (60, 190, f"Technical documentation{leader}771.50"), (60, 205, f"Design review and feedback round{leader}790.05"),
             (60, 235, f"Total{leader}£1,561.55")]
    data = extract_invoice(render(cells)[0]).data
    assert [(ln[0], ln[3]) for ln in lines(data)] == [("Technical documentation", D("771.50")),
                                                      ("Design review and feedback round", D("790.05"))]


def test_a_progress_invoice_s_column_sums_are_no_items() -> None:
    """A progress invoice: numbered positions with their contract sum, share done, billed so far
    and this invoice's amount, under headings no column lexicon holds; then the columns' sums,
    labelled in words of their own. The positions are the items, without their numbers."""
    cells = [(60, 60, "Wilmalia Bau GmbH"), (330, 100, "Rechnungsnummer RE48390"), (330, 114, "Rechnungsdatum 2023-01-23"),
             (40, 160, "Pos."), (70, 160, "Gewerk"), (230, 160, "Auftrag"), (300, 160, "Stand"), (370, 160, "bisher"),
             (470, 160, "diese Rechnung")]
    rows = [("1.1", "Dachstuhl", "48.010,27", "55 %", "24.005,14", "2.400,51"),
            ("1.2", "Bodenplatte", "37.904,08", "30 %", "0,00", "11.371,22"),
            ("1.3", "Baustelle", "64.505,74", "60 %", "12.901,15", "25.802,29")]
    for k, (pos, name, order, done, before, now) in enumerate(rows):
        y = 180 + 15 * k
        cells += [(40, y, pos), (70, y, name), (280, y, order), (330, y, done), (430, y, before), (540, y, now)]
    cells += [(70, 240, "Auftragssumme netto"), (540, 240, "150.420,09"),
              (70, 255, "abzgl. bisherige Abschlagsrechnungen"), (540, 255, "36.906,29"),
              (70, 270, "Leistung dieser Rechnung netto"), (540, 270, "39.574,02"),
              (70, 290, "Nettobetrag"), (540, 290, "39.574,02"),
              (70, 305, "zzgl. 19 % MwSt."), (540, 305, "7.519,06"),
              (70, 320, "Rechnungsbetrag brutto"), (540, 320, "47.093,08")]
    data = extract_invoice(render(cells, right={280.0, 330.0, 430.0, 540.0})[0]).data
    assert [(ln[0], ln[3]) for ln in lines(data)] == [("Dachstuhl", D("2400.51")), ("Bodenplatte", D("11371.22")),
                                                      ("Baustelle", D("25802.29"))]


@pytest.mark.parametrize(
    ("over", "heading", "under"),
    [
        # "Prezzo" set over two columns, "unitario" and "totale" under it beside the heading row
        ([(470, "Prezzo")], [(40, "Descrizione"), (300, "Q.tà"), (350, "Valuta")], [(420, "unitario"), (510, "totale")]),
        # sub-headings that name no role take the group's ("Preis" over "Einzel"), beside "Gesamt"
        ([(470, "Preis")], [(40, "Bezeichnung"), (300, "Menge"), (350, "Whg.")], [(420, "Einzel"), (510, "Gesamt")]),
        # the prices' and amounts' headings a line over the heading row, the last naming no role
        ([(400, "Einzelpreis"), (470, "Gesamtpreis")], [(40, "Bezeichnung"), (300, "Menge"), (350, "Whg.")], []),
    ],
)
def test_number_headings_on_a_line_of_their_own_beside_the_heading_row(over: list, heading: list, under: list) -> None:
    """A grid's price and amount headings on a line over or under its heading row (a currency
    column beside the count): the numbers stand under them, not under the currency's heading."""
    cells = [(60, 60, "Holnona Metallbau e.K."), (330, 100, "Rechnungsnummer 202302471"), (330, 114, "Datum 24.01.2023"),
             *((x, 154, t) for x, t in over), *((x, 166, t) for x, t in heading), *((x, 178, t) for x, t in under),
             (40, 200, "LED-Panel 60 x 60 cm"), (320, 200, "4"), (350, 200, "EUR"), (460, 200, "46,92"), (540, 200, "187,68"),
             (40, 215, "Kabelkanal"), (320, 215, "2"), (350, 215, "EUR"), (460, 215, "5,95"), (540, 215, "11,90"),
             (380, 240, "Summe"), (540, 240, "199,58")]
    data = extract_invoice(render(cells, right={320.0, 460.0, 540.0})[0]).data
    assert lines(data) == [("LED-Panel 60 x 60 cm", D(4), D("46.92"), D("187.68")), ("Kabelkanal", D(2), D("5.95"), D("11.90"))]


def test_whole_number_money_under_price_and_amount_headings() -> None:
    """Forints have no cents: the numbers under "Egységár" and "Érték" are the price and amount;
    "Ssz." numbers the lines, and a Hungarian invoice's labels are read (number, date, total, "Ft")."""
    cells = [(60, 60, "Belstent Építőipari Kft."), (330, 100, "Számla sorszáma: SZ2406-7924"),
             (330, 114, "Számla kelte"), (450, 114, "2024.09.24."),
             (40, 160, "Ssz."), (70, 160, "Megnevezés"), (330, 160, "Mennyiség"), (420, 160, "Egységár"), (500, 160, "Érték"),
             (40, 180, "1"), (70, 180, "Irodai forgószék"), (350, 180, "6"), (460, 180, "103 550"), (540, 180, "621 300"),
             (40, 195, "2"), (70, 195, "Szállítási díj"), (350, 195, "1"), (460, 195, "5 650"), (540, 195, "5 650"),
             (330, 230, "Bruttó végösszeg"), (540, 230, "626 950 Ft")]
    data = extract_invoice(render(cells, right={350.0, 460.0, 540.0})[0]).data
    assert lines(data) == [("Irodai forgószék", D(6), D(103550), D(621300)), ("Szállítási díj", D(1), D(5650), D(5650))]
    assert (data["invoice_number"], str(data["date"]), data["total"], data["currency"]) == (
        "SZ2406-7924", "2024-09-24", D(626950), "HUF")


def test_a_lower_case_legal_form_names() -> None:
    """The issuer under "Dodavatel" ends in a legal form in small letters ("s.r.o."), which makes
    no sentence of it."""
    cells = [(60, 100, "Dodavatel"), (60, 114, "Procházka technika s.r.o."), (60, 128, "Risixova 909/30"),
             (60, 142, "422 15 Solnice"),
             (330, 100, "Faktura FV2308-8625"), (330, 114, "Datum 03.06.2023"),
             (40, 180, "Popis"), (500, 180, "Celkem"), (40, 200, "Dopravné"), (540, 200, "333,18"),
             (380, 240, "Celkem"), (540, 240, "333,18 CZK")]
    data = extract_invoice(render(cells, right={540.0})[0]).data
    assert data["issuer"]["name"] == "Procházka technika s.r.o."


def test_a_label_of_the_customer_s_reference_is_no_issuer() -> None:
    """A grid of labels over values at the top ("Uw referentie" among them), the issuer named only
    in the footer in small print: the label is no company."""
    cells = [(48, 72, "Brouwer & van Dijk B.V.", 9), (48, 84, "Wilaststraat 12"), (48, 95, "9537 NN Verrhoven"),
             (494, 69, "Factuur", 15),
             (52, 116, "Factuurnummer", 7), (52, 129, "2023/0548"), (111, 116, "Factuurdatum", 7), (111, 129, "07/08/2023"),
             (269, 116, "Uw referentie", 7), (269, 129, "PO-06508"),
             (54, 165, "Omschrijving"), (480, 165, "Bedrag"), (54, 185, "Kabelgoot"), (540, 185, "96,23"),
             (380, 220, "Totaal"), (540, 220, "96,23"),
             (48, 786, "Ostmeto Elektro B.V.", 6.5), (48, 794, "Veriklaan 56", 6.5), (48, 802, "8414 NR Marrwijk", 6.5),
             (214, 786, "Tel. +31 61 197 4784", 6.5), (214, 794, "info@ostmeto.nl", 6.5),
             (214, 802, "Btw-nummer: NL484731884B01", 6.5)]
    data = extract_invoice(render(cells, right={540.0})[0]).data
    assert data["issuer"]["name"] == "Ostmeto Elektro B.V."


@pytest.mark.parametrize("due", ["Å betale", "À betale"])  # OCR may read the ring as an accent
def test_a_norwegian_invoice_s_crowns_in_its_headings(due: str) -> None:
    """"kr" only in the headings' brackets, and labels Norway shares with Denmark ("Fakturadato")
    beside its own ("Forfallsdato", "Å betale", "MVA"): Norwegian crowns."""
    cells = [(60, 60, "Sarrara ANS"), (330, 100, "Fakturanummer 36684"), (330, 114, "Fakturadato 2024-11-23"),
             (330, 128, "Forfallsdato 2024-12-07"),
             (40, 180, "Beskrivelse"), (330, 180, "Antall"), (400, 180, "Enhetspris (kr)"), (480, 180, "Beløp (kr)"),
             (40, 200, "Frakt"), (350, 200, "1"), (440, 200, "526,18"), (540, 200, "526,18"),
             (380, 230, "MVA 25 %"), (540, 230, "131,55"), (380, 245, due), (540, 245, "657,73")]
    data = extract_invoice(render(cells, right={350.0, 440.0, 540.0})[0]).data
    assert (data["currency"], data["total"]) == ("NOK", D("657.73"))


@pytest.mark.parametrize("size", [7, 8.6])
def test_a_note_in_smaller_print_under_an_item_is_no_part_of_it(size: float) -> None:
    """An item's description wraps onto a second line; under it a note in smaller print
    ("Materiaalcertificaten op aanvraag beschikbaar.", 7 or 8.6 pt under 10 pt) that is no part of it."""
    cells = [(60, 60, "Ostmeto Elektro B.V."), (330, 100, "Factuurnummer 2023/0548"), (330, 114, "Factuurdatum 07/08/2023"),
             (40, 160, "Omschrijving"), (480, 160, "Bedrag"),
             (40, 180, "Preventief onderhoud van de luchtbehandelingskasten"), (540, 180, "1.724,64"),
             (40, 192, "op het dak, vervangen van filters"),
             (46, 204, "Materiaalcertificaten op aanvraag beschikbaar.", size),
             (40, 222, "Kabelgoot 40 x 60 mm"), (540, 222, "71,40"),
             (380, 250, "Totaal"), (540, 250, "1.796,04")]
    data = extract_invoice(render(cells, right={540.0})[0]).data
    assert [ln[0] for ln in lines(data)] == ["Preventief onderhoud van de luchtbehandelingskasten op het dak, vervangen van filters",
                                             "Kabelgoot 40 x 60 mm"]


@pytest.mark.parametrize(
    ("over", "heading", "under", "row"),
    [
        # Turkish: "Sıra" over "No" numbers the lines, "Birim" over "Fiyat" heads the prices, "Mal Hizmet"
        # over "Tutarı" (set wider than its column) the amounts (the test font has no dotless ı)
        ([(40, "Sira"), (300, "Birim"), (470, "Mal Hizmet")], [(70, "Mal/Hizmet"), (220, "Miktar")],
         [(42, "No"), (302, "Fiyat"), (500, "Tutari")], [(40, "1"), (70, "Nakliye bedeli"), (240, "2"), (340, "251,80")]),
        # Romanian: "Nr." over "crt."; the text's heading is a phrase ("Preț" as "Pret": the test font has no ț)
        ([(40, "Nr."), (300, "Pret unitar"), (500, "Valoarea")], [(70, "Denumirea produselor sau a serviciilor"), (220, "Cant.")],
         [(42, "crt."), (302, "(lei)"), (500, "(lei)")], [(40, "1"), (70, "Nakliye bedeli"), (240, "2"), (340, "251,80")]),
    ],
)
def test_headings_over_and_under_the_heading_row(over: list, heading: list, under: list, row: list) -> None:
    cells = [(60, 60, "Vaskrum Ltd. Sti."), (330, 100, "Fatura No: ABC2024480325394"), (330, 114, "Fatura Tarihi 13.08.2024"),
             *((x, 156, t, 7) for x, t in over), *((x, 162, t, 7) for x, t in heading), *((x, 168, t, 7) for x, t in under),
             *((x, 190, t) for x, t in row), (540, 190, "503,60"),
             (380, 230, "Genel Toplam"), (540, 230, "503,60")]
    data = extract_invoice(render(cells, right={240.0, 340.0, 540.0})[0]).data
    assert lines(data) == [("Nakliye bedeli", D(2), D("251.80"), D("503.60"))]


def typed(cells: list[Cell], *, right: set[float] = frozenset()) -> list[Word]:
    """Text-layer words of cells in any script (the PDF base fonts have no Greek or Cyrillic glyphs):
    one word per token, 5.5 points a character at 10 points, in pixels at DPI."""
    k = DPI / 72
    words = []
    for x, y, text in cells:
        if x in right:
            x -= 5.5 * len(text)
        for m in re.finditer(r"\S+", text):
            x0 = x + 5.5 * m.start()
            words.append(Word(m.group(0), x0 * k, (y - 8) * k, (x0 + 5.5 * len(m.group(0))) * k, (y + 2) * k))
    return words


@pytest.mark.parametrize(
    ("headings", "row"),
    [
        # Greek, Russian, Slovenian and Lithuanian headings; "Α/Α", "№", "Zap." and "Eil." head the lines' numbers
        ([(40, "Α/Α"), (70, "Περιγραφή"), (250, "Μ.Μ."), (330, "Ποσ."), (400, "Τιμή"), (480, "Καθαρή αξία")],
         [(40, "1."), (70, "Χαρτί εκτύπωσης"), (250, "τεμ."), (350, "3"), (440, "30,85"), (540, "92,55")]),
        ([(40, "№"), (70, "Товары (работы, услуги)"), (250, "Ед."), (320, "Кол-во"), (400, "Цена"), (500, "Сумма")],
         [(40, "1"), (70, "Бумага офисная"), (250, "шт"), (350, "3"), (440, "30,85"), (540, "92,55")]),
        ([(40, "Zap."), (70, "Opis"), (250, "EM"), (320, "Količina"), (400, "Cena"), (500, "Znesek")],
         [(40, "1."), (70, "Pisarniški papir"), (250, "zav."), (350, "3"), (440, "30,85"), (540, "92,55")]),
        ([(40, "Eil."), (70, "Pavadinimas"), (250, "Mato vnt."), (320, "Kiekis"), (400, "Kaina"), (500, "Suma")],
         [(40, "1"), (70, "Biuro popierius"), (250, "vnt."), (350, "3"), (440, "30,85"), (540, "92,55")]),
        # Tally's "Sl. No." and "per" (the quantity's unit) in India
        ([(40, "Sl. No."), (100, "Description of Goods"), (320, "Qty"), (360, "per"), (400, "Rate"), (500, "Amount")],
         [(40, "1"), (100, "Office paper"), (350, "3"), (360, "Nos"), (440, "30.85"), (540, "92.55")]),
    ],
)
def test_headings_of_more_languages_and_their_line_numbers(headings: list, row: list) -> None:
    cells = [(60, 60, "Vellor d.o.o."), (380, 60, "Račun 2024-117"), (380, 75, "05.03.2024"),
             *((x, 140, t) for x, t in headings), *((x, 165, t) for x, t in row), (380, 200, "Σ"), (540, 200, "92,55")]
    data = extract_invoice(typed(cells, right={350.0, 440.0, 540.0})).data
    assert [(d.split()[0], q, p, a) for d, q, p, a in lines(data)] == [(row[1][1].split()[0], D(3), D("30.85"), D("92.55"))]
    assert lines(data)[0][0] == row[1][1]


def test_a_total_s_label_left_of_the_numbers_ends_the_table() -> None:
    """"Osnova za DDV" (the net total) begins left of the quantities' column; it adds up the lines,
    and nothing but its amount follows the label: no group's subtotal, the table's end."""
    cells = [(60, 60, "Triglav d.o.o."), (380, 60, "Račun 2026-09953"), (380, 75, "15. 3. 2026"),
             (40, 140, "Opis"), (320, 140, "Ilość"), (400, 140, "Cena"), (500, 140, "Wartość"),
             (40, 165, "Pisarniški papir"), (350, 165, "2"), (440, 165, "5,08"), (540, 165, "10,16"),
             (40, 180, "Svetovanje"), (350, 180, "12"), (440, 180, "66,12"), (540, 180, "793,44"),
             (298, 200, "Osnova za DDV"), (540, 200, "803,60"), (298, 214, "DDV 22%"), (540, 214, "176,79"),
             (298, 228, "Za plačilo"), (540, 228, "980,39")]
    data = extract_invoice(typed(cells, right={350.0, 440.0, 540.0})).data
    assert [ln[0] for ln in lines(data)] == ["Pisarniški papir", "Svetovanje"]
    assert data["total"] == D("980.39")


def test_india_s_taxable_value_beside_its_gst_columns() -> None:
    """A GST invoice's line: its taxable value (quantity × rate), then the IGST rate and amount, which
    are tax ("IGST", "CGST", "SGST" are GST's parts), not the line's amount."""
    cells = [(60, 60, "Sahyadri Agro Foods Pvt Ltd"), (380, 60, "Invoice No. SAF/26/0412"), (380, 75, "21-Apr-2026"),
             (40, 140, "Description of Goods"), (250, 140, "Qty"), (300, 140, "Rate"), (370, 140, "Taxable Value IGST %"),
             (500, 140, "IGST Amt"),
             (40, 165, "Printed brochures"), (270, 165, "200"), (330, 165, "26.60"), (420, 165, "5,320.00"), (460, 165, "5%"),
             (540, 165, "266.00"),
             (380, 200, "Grand Total"), (540, 200, "5,586.00")]
    data = extract_invoice(typed(cells, right={270.0, 330.0, 420.0, 460.0, 540.0})).data
    assert lines(data) == [("Printed brochures", D(200), D("26.60"), D("5320.00"))]


def test_time_entries_with_their_timekeepers_and_a_second_section() -> None:
    """A law firm's bill: "Narrative" is the text, "Time" the hours, "By" who worked (no part of the
    text); "Fees subtotal" totals its section and the disbursements under their own heading are
    lines too; the fees and disbursements summed again under the table are not."""
    cells = [(60, 60, "Castell & Tan LLP"), (380, 60, "Invoice 2026-0714"), (380, 75, "31/07/2026"),
             (40, 140, "Date"), (100, 140, "Narrative"), (330, 140, "By"), (370, 140, "Time"), (420, 140, "Rate"),
             (490, 140, "Line Total"),
             (100, 152, "PROFESSIONAL FEES"),
             (40, 165, "03/07/2026"), (100, 165, "Call with client re disclosure"), (330, 165, "RWM"), (390, 165, "0.2"),
             (450, 165, "425.00"), (540, 165, "85.00"),
             (40, 178, "13/07/2026"), (100, 178, "Draft witness statement"), (330, 178, "TNB"), (390, 178, "3.0"),
             (450, 178, "165.00"), (540, 178, "495.00"),
             (100, 191, "Fees subtotal"), (540, 191, "580.00"),
             (100, 204, "DISBURSEMENTS"),
             (40, 217, "12/07/2026"), (100, 217, "Train fare to client site"), (540, 217, "30.95"),
             (100, 230, "Disbursements subtotal"), (540, 230, "30.95"),
             (380, 250, "Professional fees"), (540, 250, "580.00"), (380, 263, "Disbursements"), (540, 263, "30.95"),
             (380, 276, "TOTAL"), (540, 276, "610.95")]
    data = extract_invoice(typed(cells, right={390.0, 450.0, 540.0})).data
    assert lines(data) == [("Call with client re disclosure", D("0.2"), D("425.00"), D("85.00")),
                           ("Draft witness statement", D("3.0"), D("165.00"), D("495.00")),
                           ("Train fare to client site", None, None, D("30.95"))]
    assert data["total"] == D("610.95")


@pytest.mark.parametrize(("net", "gross"), [("Neto (EUR)", "Total"), ("Netto", "Gesamt"), ("Líquido", "Total")])
def test_a_net_column_before_the_gross_is_the_line_s_amount(net: str, gross: str) -> None:
    """Net, tax and gross per line: the line's amount is the net, which quantity × price make."""
    cells = [(60, 60, "Ortega Servicios S.L."), (380, 60, "Factura F-2026-0331"), (380, 75, "12/03/2026"),
             (40, 140, "Cantidad"), (95, 140, "Artículo"), (300, 140, "Precio"), (360, 140, net), (430, 140, "IVA"), (500, 140, gross),
             (60, 165, "8"), (95, 165, "Papel A4 80 g"), (340, 165, "19,00"), (400, 165, "152,00"), (460, 165, "31,92"), (540, 165, "183,92"),
             (380, 200, "Total (EUR)"), (540, 200, "183,92")]
    data = extract_invoice(typed(cells, right={340.0, 400.0, 460.0, 540.0})).data
    assert lines(data) == [("Papel A4 80 g", D(8), D("19.00"), D("152.00"))]


def test_a_grid_of_totals_under_the_table_is_no_item() -> None:
    """The totals' labels in a row (a surcharge among them) over their amounts, right under the
    lines: the table ends at the labels."""
    cells = [(60, 60, "Van Dijk Kantoor B.V."), (380, 60, "Factuur 2026-118"), (380, 75, "12-03-2026"),
             (40, 140, "Artikel"), (330, 140, "Prijs"), (400, 140, "Aant."), (480, 140, "Totaal (EUR)"),
             (40, 165, "Kopieerpapier A4"), (360, 165, "21,00"), (420, 165, "2"), (540, 165, "42,00"),
             (40, 180, "LED-paneel"), (360, 180, "53,00"), (420, 180, "1"), (540, 180, "53,00"),
             (40, 200, "SUBTOTAAL"), (160, 200, "TOESLAG"), (280, 200, "BTW 21%"), (480, 200, "TOTAAL (EUR)"),
             (80, 214, "95,00"), (200, 214, "5,00"), (320, 214, "21,00"), (540, 214, "121,00")]
    data = extract_invoice(typed(cells, right={80.0, 200.0, 320.0, 360.0, 420.0, 540.0})).data
    assert [ln[0] for ln in lines(data)] == ["Kopieerpapier A4", "LED-paneel"]
    assert data["total"] == D("121.00")


def test_money_without_cents_beside_a_quantity_with_them() -> None:
    """Dong have no cents: a line of 1,50 hours at 1.770.000 is 2.655.000, its whole amounts money
    because the quantity times the price makes the amount."""
    cells = [(60, 60, "Công ty TNHH Hoàng Long"), (380, 60, "Số: 0084262"), (380, 75, "12/03/2026"),
             (40, 140, "Description"), (330, 140, "Qty"), (400, 140, "Price"), (500, 140, "Amount"),
             (40, 165, "Bảo dưỡng điều hòa"), (350, 165, "4"), (440, 165, "1.670.000"), (540, 165, "6.680.000"),
             (40, 180, "Tư vấn phần mềm"), (350, 180, "1,50"), (440, 180, "1.770.000"), (540, 180, "2.655.000"),
             (380, 200, "Total"), (540, 200, "9.335.000")]
    data = extract_invoice(typed(cells, right={350.0, 440.0, 540.0})).data
    assert lines(data) == [("Bảo dưỡng điều hòa", D(4), D(1670000), D(6680000)),
                           ("Tư vấn phần mềm", D("1.5"), D(1770000), D(2655000))]


def test_sections_summed_under_the_table_by_their_names_are_no_items() -> None:
    """A repair's parts and labour in sections of one table; under it each section's sum by its
    name, then a fee: the table ended at the first section's name."""
    cells = [(60, 60, "Bluepeak Motors Ltd"), (380, 60, "Invoice INV-46571"), (380, 75, "14/09/2025"),
             (40, 140, "SKU"), (100, 140, "Particulars"), (330, 140, "Qty"), (400, 140, "Rate"), (480, 140, "Net Amount"),
             (40, 152, "Parts"),
             (40, 165, "OF-115"), (100, 165, "Oil filter"), (350, 165, "4"), (440, 165, "5.00"), (540, 165, "20.00"),
             (40, 178, "SB-6PK1"), (100, 178, "Serpentine belt"), (350, 178, "1"), (440, 178, "34.79"), (540, 178, "34.79"),
             (40, 191, "LABOUR"),
             (40, 204, "LAB"), (100, 204, "Battery test"), (350, 204, "0.50"), (440, 204, "118.00"), (540, 204, "59.00"),
             (40, 220, "Parts"), (540, 220, "54.79"), (40, 233, "LABOUR"), (540, 233, "59.00"),
             (40, 246, "Waste disposal fee"), (540, 246, "9.50"), (380, 262, "Sub-total"), (540, 262, "123.29"),
             (380, 275, "VAT (20 %)"), (540, 275, "24.66"), (380, 288, "TOTAL"), (540, 288, "147.95")]
    data = extract_invoice(typed(cells, right={350.0, 440.0, 540.0})).data
    assert [ln[0] for ln in lines(data)] == ["Oil filter", "Serpentine belt", "Battery test"]
    assert data["total"] == D("147.95")


def test_a_group_begun_on_the_page_before_is_summed_under_its_name() -> None:
    """Page 2 of a long invoice opens in the middle of a group: its subtotal ("Summe IT-Zubehör") adds
    up more than the lines above it on this page, and the next group's heading follows: no item."""
    cells = [(60, 60, "Hartmann Großhandel KG"), (380, 60, "Rechnung 2699990 (Fortsetzung)"),
             (40, 140, "Bezeichnung"), (330, 140, "Menge"), (400, 140, "Preis"), (500, 140, "Betrag"),
             (40, 165, "USB-C-Kabel 1 m"), (350, 165, "10"), (440, 165, "88,12"), (540, 165, "881,20"),
             (40, 180, "Tastatur USB"), (350, 180, "1"), (440, 180, "18,37"), (540, 180, "18,37"),
             (40, 195, "Summe IT-Zubehör"), (540, 195, "4.538,70"),
             (40, 212, "Reinigung & Hygiene"),
             (40, 227, "Allzweckreiniger 10 l"), (350, 227, "5"), (440, 227, "21,62"), (540, 227, "108,10"),
             (40, 242, "Summe Reinigung & Hygiene"), (540, 242, "108,10"),
             (380, 262, "Nettobetrag"), (540, 262, "4.646,80")]
    data = extract_invoice(typed(cells, right={350.0, 440.0, 540.0})).data
    assert [ln[0] for ln in lines(data)] == ["USB-C-Kabel 1 m", "Tastatur USB", "Allzweckreiniger 10 l"]


def test_headings_qualified_by_per_and_without() -> None:
    """Czech "Cena za MJ" (price per unit) and "Celkem bez DPH" (total without VAT) head one column
    each: "MJ" is no unit column of its own, "DPH" no tax column, so the line's amount stands
    under the amounts' heading, not the price."""
    cells = [(60, 60, "Prochazka technika s.r.o."), (380, 60, "Faktura FV2308-8625"), (380, 75, "Datum 03.06.2023"),
             (40, 140, "Popis"), (280, 140, "Mnozstvi"), (340, 140, "Cena za MJ"), (410, 140, "DPH %"),
             (460, 140, "Celkem bez DPH"),
             (40, 165, "Kancelarska zidle"), (300, 165, "4"), (400, 165, "CZK 8535,29"), (430, 165, "21 %"),
             (540, 165, "CZK 34141,16"),
             (380, 200, "Celkem"), (540, 200, "CZK 34141,16")]
    data = extract_invoice(render(cells, right={300.0, 400.0, 540.0})[0]).data
    assert lines(data) == [("Kancelarska zidle", D(4), D("8535.29"), D("34141.16"))]


@pytest.mark.parametrize(("title", "number"), [("Factura simplificada n.º 202402508", "202402508"),
                                                ("Fatura-recibo n.º FT/2023/9381", "FT/2023/9381")])
def test_a_simplified_invoice_s_number(title: str, number: str) -> None:
    """A till's invoice names its kind between the title and the number's mark."""
    cells = [(60, 60, "FALMONA"), (60, 74, "Avenida Jorell, 80"), (60, 100, title), (60, 114, "29-03-2024"),
             (60, 140, "Barra de pan"), (200, 140, "6,80"), (60, 170, "TOTAL"), (200, 170, "6,80")]
    assert extract_invoice(render(cells, right={200.0})[0]).data["invoice_number"] == number


@pytest.mark.parametrize("paid", ["Pinbetaling", "Multibanco", "Bancomat", "Kartenzahlung"])
def test_a_till_s_payment_line_is_no_item(paid: str) -> None:
    """A till's invoice: the card payment under the total ("Pinbetaling", Dutch; Portuguese,
    Italian, German words alike), above a tax summary with a total of its own, pays the items
    and is none of them."""
    cells = [(60, 60, "BAKKERIJ DE VRIES"), (60, 100, "Factuur nr. 2024-118"), (60, 114, "12-03-2024"),
             (60, 140, "Krentenbol"), (200, 140, "6,60"), (60, 154, "Draagtas"), (200, 154, "2,70"),
             (60, 180, "TOTAAL"), (200, 180, "9,30 EUR"), (60, 194, paid), (200, 194, "9,30"),
             # the tax summary under it, its own "Totaal" last
             (60, 220, "Btw"), (110, 220, "Excl."), (150, 220, "Btw"), (200, 220, "Incl."),
             (60, 234, "L 9%"), (110, 234, "8,53"), (150, 234, "0,77"), (200, 234, "9,30"),
             (60, 248, "Totaal"), (110, 248, "8,53"), (150, 248, "0,77"), (200, 248, "9,30")]
    data = extract_invoice(render(cells, right={200.0})[0]).data
    assert [ln[0] for ln in lines(data)] == ["Krentenbol", "Draagtas"]


def test_a_telecom_bill_brand_groups_and_periods() -> None:
    """A bill whose logo sets only the brand ("Drumlin") is the company the footer names with its
    legal form; "Montant à payer" is the amount to pay, the previous bill and its payment no part
    of it; each group of lines repeats the table's heading, and its "Période" column holds
    periods of two dates, no part of a line's text."""
    cells = [
        (60, 60, "Drumlin", 28),
        (60, 100, "Claire Vasseur"), (60, 114, "64 rue du Moulin"), (60, 128, "25550 Lille"),
        (330, 100, "Numéro de facture"), (450, 100, "FA2025/324"), (330, 114, "Date de facture"), (450, 114, "5 mai 2025"),
        (60, 170, "Abonnements"),
        (60, 190, "Désignation"), (250, 190, "Période"), (500, 190, "Montant"),
        (60, 205, "Forfait mobile 20 Go"), (250, 205, "2 avril 2025 - 1 mai 2025"), (540, 205, "39,90"),
        (60, 220, "Stockage cloud"), (250, 220, "2 avril 2025 - 1 mai 2025"), (540, 220, "9,99"),
        (380, 235, "Sous-total"), (540, 235, "49,89"),
        (60, 260, "Communications"),
        (60, 280, "Désignation"), (250, 280, "Période"), (500, 280, "Montant"),
        (60, 295, "SMS surtaxés"), (250, 295, "2 avril 2025 - 1 mai 2025"), (540, 295, "5,75"),
        (380, 310, "Sous-total"), (540, 310, "5,75"),
        (380, 335, "Total HT"), (540, 335, "55,64"), (380, 350, "TVA 20 %"), (540, 350, "11,13"),
        (380, 365, "Facture précédente"), (540, 365, "60,78"), (380, 380, "Paiement reçu"), (540, 380, "-60,78"),
        (380, 395, "Montant à payer"), (540, 395, "66,77"),
        (60, 780, "Drumlin Telecom SA", 7), (60, 790, "119 allée des Pins", 7), (60, 800, "31377 Dijon", 7),
    ]
    data = extract_invoice(render(cells, right={540.0})[0]).data
    assert data["issuer"]["name"] == "Drumlin Telecom SA"
    assert data["total"] == D("66.77")
    assert lines(data) == [("Forfait mobile 20 Go", None, None, D("39.90")), ("Stockage cloud", None, None, D("9.99")),
                           ("SMS surtaxés", None, None, D("5.75"))]


def test_balance_due_above_the_table_and_notes_under_items() -> None:
    """The amount due printed in the header must not end the search for items before the table;
    "Notes: ..." rows under an item are not its description, a wrapped description is."""
    cells = [
        (60, 60, "Elm Street Repairs"), (420, 60, "INVOICE"),
        (420, 80, "# 1042"),
        (380, 120, "Date:"), (460, 120, "Jan 1, 2022"),
        (380, 140, "Balance Due:"), (460, 140, "$97.50"),
        (60, 200, "Item"), (330, 200, "Quantity"), (430, 200, "Rate"), (500, 200, "Amount"),
        (60, 225, "Service A, repair of the"), (350, 225, "6"), (455, 225, "$15.00"), (540, 225, "$90.00"),
        (60, 237, "main board"),
        (60, 255, "Notes: Replaced capacitor"),
        (60, 275, "Service B"), (350, 275, "5"), (455, 275, "$1.50"), (540, 275, "$7.50"),
        (60, 295, "Notes: Removed debris"),
        (380, 340, "Subtotal:"), (540, 340, "$97.50"),
        (380, 360, "Total:"), (540, 360, "$97.50"),
    ]
    words, _ = render(cells, right={350.0, 455.0, 540.0})
    res = extract_invoice(words)
    assert lines(res.data) == [
        ("Service A, repair of the main board", D(6), D("15.00"), D("90.00")),
        ("Service B", D(5), D("1.50"), D("7.50")),
    ]
    assert res.data["total"] == D("97.50") and kit_issues(res, "invoice") == []


def _multiline_items(numbers_on: str) -> list[Cell]:
    """An invoice whose two-line descriptions carry their numbers on the first, last or middle
    line (``numbers_on``: top, bottom, middle; middle items have three lines). Lines of a cell
    are 12 pt apart, items 20 pt."""
    cells: list[Cell] = [
        (60, 60, "Acme Widgets Inc"), (60, 76, "500 Main Street, Austin TX 78701"),
        (380, 100, "Invoice No:"), (460, 100, "A-1001"), (380, 114, "Date:"), (460, 114, "2025-03-03"),
        (60, 180, "Description"), (330, 180, "Qty"), (400, 180, "Unit Price"), (500, 180, "Amount"),
    ]
    items = [
        (["Consulting services for the data", "warehouse migration project", "(phase one)"], 2, "450.00"),
        (["Annual software licence"], 1, "1,200.00"),
        (["On-site training, two days", "including travel and materials", "for ten people"], 1, "980.00"),
        (["Printed manuals"], 10, "12.50"),
    ]
    expected = []
    y = 185.0
    for desc, qty, unit in items:
        desc = desc if numbers_on == "middle" or len(desc) == 1 else desc[:2]
        y += 20
        at = {"top": 0, "bottom": len(desc) - 1, "middle": len(desc) // 2}[numbers_on]
        for k, text in enumerate(desc):
            cells.append((60, y + 12 * k, text))
        cells += [(350, y + 12 * at, str(qty)), (455, y + 12 * at, unit), (540, y + 12 * at, f"{D(unit.replace(',', '')) * qty:,.2f}")]
        y += 12 * (len(desc) - 1)
        expected.append((" ".join(desc), D(qty), D(unit.replace(",", "")), D(unit.replace(",", "")) * qty))
    cells += [(380, y + 40, "Subtotal"), (540, y + 40, "3,205.00"), (380, y + 56, "Total Due"), (540, y + 56, "3,205.00")]
    return cells, expected


@pytest.mark.parametrize("numbers_on", ["top", "bottom", "middle"])
def test_descriptions_of_several_lines(numbers_on: str) -> None:
    """The numbers of an item whose description takes several lines may stand on its first, last
    or middle line; the text rows between two items are split where the rows are farthest apart.
    (Before, the first line of a bottom-aligned description was lost and the next item's first
    line was glued onto the item above.)"""
    cells, expected = _multiline_items(numbers_on)
    words, image = render(cells, right={350.0, 455.0, 540.0})
    res = extract_invoice(words)
    assert lines(res.data) == expected
    assert kit_issues(res, "invoice") == []
    out = ReaderEngine().generate(EngineRequest(images=[image], prompt="", schema=resolve_schema("invoice")))
    assert out.data is not None
    assert [(d.upper(), a) for d, _, _, a in lines(out.data)] == [(d.upper(), a) for d, _, _, a in expected]


def test_rows_spaced_like_items_are_not_joined_to_them() -> None:
    """A group heading spaced like the table's rows ("Hardware", 20 pt above the first item, as far
    as the items are from each other) is no one's description."""
    cells = [
        (60, 60, "Acme Widgets Inc"), (380, 100, "Invoice No: A-1002"), (380, 114, "Date: 2025-03-04"),
        (60, 180, "Description"), (330, 180, "Qty"), (400, 180, "Unit Price"), (500, 180, "Amount"),
        (60, 205, "Hardware"),
        (60, 225, "Laptop"), (350, 225, "1"), (455, 225, "999.00"), (540, 225, "999.00"),
        (60, 245, "Mouse"), (350, 245, "2"), (455, 245, "10.00"), (540, 245, "20.00"),
        (60, 265, "Services"),
        (60, 285, "Set-up"), (350, 285, "1"), (455, 285, "100.00"), (540, 285, "100.00"),
        (380, 320, "Total"), (540, 320, "1,119.00"),
    ]
    words, _ = render(cells, right={350.0, 455.0, 540.0})
    res = extract_invoice(words)
    assert [ln[0] for ln in lines(res.data)] == ["Laptop", "Mouse", "Set-up"]


def test_quantity_column_left_of_the_description() -> None:
    cells = [
        (60, 60, "Acme Supplies Ltd"),
        (60, 90, "Invoice No: A-77"), (60, 105, "Date: 2024-05-02"),
        (60, 150, "Qty"), (110, 150, "Description"), (400, 150, "Unit price"), (500, 150, "Amount"),
        (75, 175, "3"), (110, 175, "Widget, blue (pack of 10)"), (445, 175, "4.00"), (540, 175, "12.00"),
        (75, 195, "2"), (110, 195, "Cable 2 m"), (445, 195, "7.25"), (540, 195, "14.50"),
        (400, 240, "Total due"), (540, 240, "26.50"),
    ]
    words, _ = render(cells, right={75.0, 445.0, 540.0})
    res = extract_invoice(words)
    assert lines(res.data) == [
        ("Widget, blue (pack of 10)", D(3), D("4.00"), D("12.00")),
        ("Cable 2 m", D(2), D("7.25"), D("14.50")),
    ]
    assert kit_issues(res, "invoice") == []


def test_merged_headings_and_prices_that_include_tax() -> None:
    """ "VAT  Price incl. VAT" set as one heading over a rate column and the line total; the line
    totals include tax, so they add up to the total, not to the net subtotal (no issue)."""
    cells = [
        (60, 60, "Blue Bird B.V."),
        (60, 90, "Invoice number: 581204337"), (60, 105, "Invoice date: 07/05/2015"),
        (60, 150, "Article"), (330, 150, "Qty"), (370, 150, "Price each"), (452, 150, "VAT Price incl. VAT"),
        (60, 175, "Tablet 32 GB"), (350, 175, "1"), (430, 175, "EUR 349,00"), (478, 175, "21%"), (550, 175, "EUR 349,00"),
        (60, 195, "Cover, black"), (350, 195, "2"), (430, 195, "EUR 25,00"), (478, 195, "21%"), (550, 195, "EUR 50,00"),
        (60, 300, "Excl. VAT"), (200, 300, "EUR 329,75"),
        (60, 315, "VAT 21%"), (200, 315, "EUR 69,25"),
        (400, 330, "Total"), (550, 330, "EUR 399,00"),
    ]
    words, _ = render(cells, right={350.0, 430.0, 478.0, 550.0, 200.0})
    res = extract_invoice(words)
    assert lines(res.data) == [
        ("Tablet 32 GB", D(1), D("349.00"), D("349.00")),
        ("Cover, black", D(2), D("25.00"), D("50.00")),
    ]
    assert res.data["subtotal"] == D("329.75") and res.data["total"] == D("399.00")
    assert kit_issues(res, "invoice") == []


def test_a_description_that_says_total_is_an_item() -> None:
    cells = [
        (60, 60, "Garden Works"),
        (60, 90, "Invoice #: GW-12"), (60, 105, "Date: 03/02/2023"),
        (60, 150, "Description"), (420, 150, "Qty"), (500, 150, "Amount"),
        (60, 175, "Total care package"), (440, 175, "1"), (540, 175, "300.00"),
        (60, 195, "Hedge trimming"), (440, 195, "2"), (540, 195, "80.00"),
        (400, 240, "Subtotal"), (540, 240, "380.00"),
        (400, 255, "Total"), (540, 255, "380.00"),
    ]
    words, _ = render(cells, right={440.0, 540.0})
    res = extract_invoice(words)
    assert [(ln[0], ln[3]) for ln in lines(res.data)] == [("Total care package", D("300.00")), ("Hedge trimming", D("80.00"))]
    assert res.data["lines"][1]["quantity"] == D(2) and res.data["lines"][1]["unit_price"] is None
    assert kit_issues(res, "invoice") == []


@pytest.mark.parametrize("heading", [["Item", "Code"], ["Notes", "Remarks"]])
def test_a_heading_row_needs_a_description_and_a_number_column(heading: list[str]) -> None:
    """Rows that only look like headings (no number column) do not start a table: the lines come
    from the rows as before."""
    cells = [
        (60, 60, "Acme Supplies Ltd"),
        (60, 90, "Invoice No: A-78"), (60, 105, "Date: 2024-05-02"),
        (60, 150, heading[0]), (300, 150, heading[1]),
        (60, 175, "Widget"), (540, 175, "12.00"),
        (400, 220, "Total"), (540, 220, "12.00"),
    ]
    words, _ = render(cells, right={540.0})
    res = extract_invoice(words)
    assert [(ln[0], ln[3]) for ln in lines(res.data)] == [("Widget", D("12.00"))]


def test_headings_in_one_ocr_box_are_cut_into_columns() -> None:
    """OCR often reads a tight heading row as one box; its words are placed in proportion to
    their characters, so each number still finds its column (10 chars x 10 px)."""

    def box(text: str, x: float, y: float) -> Word:
        return Word(text, x, y, x + 10 * len(text), y + 20, 0.95, "ocr")

    words = [
        box("Kettle Works", 20, 20),
        box("Invoice No: KW-9", 20, 60),
        box("Date: 2024-06-01", 20, 90),
        box("Item        Qty  Price Amount", 20, 150),  # Qty at 140-170, Price 190-240, Amount 250-310
        box("Kettle", 20, 180), box("0", 160, 180), box("19.00", 190, 180), box("0.00", 270, 180),
        box("Descaler", 20, 210), box("4", 160, 210), box("2.50", 200, 210), box("10.00", 260, 210),
        box("Total", 190, 260), box("10.00", 260, 260),
    ]
    res = extract_invoice(words)
    assert lines(res.data) == [("Kettle", D(0), D("19.00"), D("0.00")), ("Descaler", D(4), D("2.50"), D("10.00"))]


def test_numbers_far_from_short_headings_and_codes_in_a_column_of_their_own() -> None:
    """Wide columns: short headings at their left, numbers at their right end, farther from the
    heading than its width. A number under a heading that is not a number column (an article
    code) is not a quantity or a price: it is the item's code, apart from its description."""
    cells = [
        (60, 60, "Northwind Tools"),
        (60, 90, "Invoice No: NT-5"), (60, 105, "Date: 2024-07-09"),
        (60, 150, "Code"), (120, 150, "Description"), (330, 150, "Qty"), (420, 150, "Amount"),
        (90, 175, "4711"), (120, 175, "Torque wrench"), (350, 175, "3"), (580, 175, "1,250.00"),
        (90, 195, "815"), (120, 195, "Socket set"), (350, 195, "1"), (580, 195, "99.50"),
        (420, 240, "Total"), (580, 240, "1,349.50"),
    ]
    words, _ = render(cells, right={90.0, 350.0, 580.0})
    res = extract_invoice(words)
    got = [(ln[1], ln[2], ln[3]) for ln in lines(res.data)]
    assert got == [(D(3), None, D("1250.00")), (D(1), None, D("99.50"))]
    assert [(ln["code"], ln["description"]) for ln in res.data["lines"]] == [("4711", "Torque wrench"), ("815", "Socket set")]
    assert kit_issues(res, "invoice") == []


def test_numbers_set_close_in_neighbouring_columns_are_read_apart() -> None:
    """Cells set a single space apart under different headings: a count before its unit ("50 pce"
    under "Qté" and "Unité"), a count, a unit and a price with a space as thousands separator
    ("1 forfait 2 300,00"), hours beside a rate ("8 95,00" under "Heures" and "Taux", not the
    amount 895,00; "Taux" heads the rate, since hours × rate make the amount), and a line number,
    a count and a unit before the description ("1 4 Stk." under "Pos.", "Anz." and "Einheit")."""
    french = [
        (60, 60, "Atelier Mirabeau"),
        (60, 90, "Facture n° F-2031"), (60, 105, "Date : 12/05/2024"),
        (60, 150, "Désignation"), (330, 150, "Qté"), (352, 150, "Unité"), (400, 150, "PU HT"), (490, 150, "Montant HT"),
        (60, 175, "Chaises pliantes"), (346, 175, "50"), (352, 175, "pce"), (429, 175, "12,00"), (550, 175, "600,00"),
        (60, 195, "Montage sur place"), (346, 195, "1"), (352, 195, "forfait"), (429, 195, "2 300,00"), (550, 195, "2 300,00"),
        (380, 240, "Total HT"), (550, 240, "2 900,00"),
    ]
    words, _ = render(french, right={346.0, 429.0, 550.0})
    assert lines(extract_invoice(words).data) == [
        ("Chaises pliantes", D(50), D("12.00"), D("600.00")),
        ("Montage sur place", D(1), D("2300.00"), D("2300.00")),
    ]
    hours = [
        (60, 60, "Studio Berthier"),
        (60, 90, "Facture n° B-77"), (60, 105, "Date : 03/06/2024"),
        (60, 150, "N°"), (90, 150, "Prestation"), (360, 150, "Heures"), (420, 150, "Taux"), (490, 150, "Montant"),
        (60, 175, "1"), (90, 175, "Relecture de manuels"), (403, 175, "8 95,00"), (550, 175, "760,00"),
        (60, 195, "2"), (90, 195, "Forfait de mise en page"), (550, 195, "410,00"),
        (380, 240, "Total"), (550, 240, "1 170,00"),
    ]
    words, _ = render(hours, right={403.0, 550.0})
    assert lines(extract_invoice(words).data) == [
        ("Relecture de manuels", D(8), D("95.00"), D("760.00")),
        ("Forfait de mise en page", None, None, D("410.00")),
    ]
    german = [
        (60, 60, "Elektro Brandl GmbH"),
        (60, 90, "Rechnung Nr. 2024-118"), (60, 105, "Datum: 04.06.2024"),
        (60, 150, "Pos."), (82, 150, "Anz."), (104, 150, "Einheit"), (150, 150, "Beschreibung"),
        (420, 150, "Preis"), (500, 150, "Gesamt"),
        (78, 175, "1"), (100, 175, "4"), (104, 175, "Stk."), (150, 175, "Steckdose Aufputz"), (455, 175, "8,50"), (550, 175, "34,00"),
        (78, 195, "2"), (100, 195, "3"), (104, 195, "h"), (150, 195, "Montage"), (455, 195, "58,00"), (550, 195, "174,00"),
        (380, 240, "Rechnungsbetrag"), (550, 240, "208,00"),
    ]
    words, _ = render(german, right={78.0, 100.0, 455.0, 550.0})
    data = extract_invoice(words).data
    assert lines(data) == [
        ("Steckdose Aufputz", D(4), D("8.50"), D("34.00")),
        ("Montage", D(3), D("58.00"), D("174.00")),
    ]
    assert [ln["unit"] for ln in data["lines"]] == ["Stk.", "h"]


def test_a_count_and_its_unit_in_one_cell_and_rates_to_four_decimals() -> None:
    """A utility bill's usage lines: the count and its unit in one cell ("1 250 kWh", "31 days"),
    the rate per unit to four decimals; the unit is the line's unit, not part of its description.
    "2 x" is a count times a price, and "0 EUR" an amount, neither a count with a unit."""
    cells = [
        (60, 60, "Riverside Energy Ltd"),
        (60, 90, "Invoice No: RE-88120"), (60, 105, "Date: 2024-02-01"),
        (60, 150, "Description"), (330, 150, "Quantity"), (420, 150, "Rate"), (500, 150, "Amount"),
        (60, 175, "Energy used (peak)"), (372, 175, "1250 kWh"), (445, 175, "0.2875"), (550, 175, "359.38"),
        (60, 195, "Standing charge"), (372, 195, "31 days"), (445, 195, "0.4310"), (550, 195, "13.36"),
        (380, 240, "Total due"), (550, 240, "372.74"),
    ]
    words, _ = render(cells, right={372.0, 445.0, 550.0})
    data = extract_invoice(words).data
    assert lines(data) == [
        ("Energy used (peak)", D(1250), D("0.2875"), D("359.38")),
        ("Standing charge", D(31), D("0.4310"), D("13.36")),
    ]
    assert [ln["unit"] for ln in data["lines"]] == ["kWh", "days"]


def test_a_rate_to_four_decimals_inside_one_ocr_box_with_other_numbers() -> None:
    """OCR boxes the count, its unit and the rate as one line ("516 kWh 0.1406") set close to the
    amount: the rate is still read from where it stands, under "Rate"."""
    words = [
        ocr_line("Lumen Power plc", 100, 40, 260), ocr_line("Invoice No: LP-5512", 100, 70, 300),
        ocr_line("Date: 2024-03-01", 100, 100, 270),
        ocr_line("Description", 100, 160, 220), ocr_line("Quantity", 600, 160, 690), ocr_line("Rate", 730, 160, 780),
        ocr_line("Amount", 800, 160, 870),
        ocr_line("Energy used (night)", 100, 200, 290), ocr_line("516 kWh 0.1406", 610, 200, 780),
        ocr_line("72.55", 792, 200, 850),
        ocr_line("Total due", 600, 260, 700), ocr_line("72.55", 792, 260, 850),
    ]
    data = extract_invoice(words).data
    assert lines(data) == [("Energy used (night)", D(516), D("0.1406"), D("72.55"))]
    assert [ln["unit"] for ln in data["lines"]] == ["kWh"]


def test_ocr_boxes_a_line_number_with_the_text_and_misreads_a_heading_s_capital() -> None:
    """Through OCR: "5 Dokumentacja techniczna" one box under "Lp." and "Nazwa" (the number is
    the line's, not its text), and "Ilość" read "llość" (a capital I as a small l) still heads
    the counts."""
    words = [
        ocr_line("Vellor Sp. z o.o.", 40, 40, 220), ocr_line("Faktura VAT nr 117/05/2024", 40, 70, 300),
        ocr_line("Data wystawienia: 2024-05-20", 40, 100, 330),
        ocr_line("Lp.", 40, 160, 62), ocr_line("Nazwa towaru", 80, 160, 220), ocr_line("J.m.", 300, 160, 340),
        ocr_line("llość", 370, 160, 420), ocr_line("Cena", 450, 160, 500), ocr_line("Wartość", 540, 160, 620),
        ocr_line("5 Dokumentacja techniczna", 42, 200, 290), ocr_line("godz.", 300, 200, 345), ocr_line("14", 400, 200, 420),
        ocr_line("100,43", 440, 200, 500), ocr_line("1406,02", 550, 200, 620),
        ocr_line("Razem", 440, 260, 500), ocr_line("1406,02", 550, 260, 620),
    ]
    data = extract_invoice(words).data
    assert lines(data) == [("Dokumentacja techniczna", D(14), D("100.43"), D("1406.02"))]


def test_one_ocr_box_running_the_description_into_the_numbers() -> None:
    """OCR boxed a long description and the line's numbers as one line ("... of the 9.5 136.00 T
    1,292.00"): the numbers after its last word are read from the columns they stand under."""
    text = "Project management and coordination of the 9.5 136.00 T 1,292.00"
    x0, x1 = 40.0, 40.0 + 9 * len(text)
    at = in_box(text, x0, x1)
    words = [
        *ocr_head(),
        ocr_line("Description", 40, 160, 160), ocr_line("Qty", at("9.5") - 15, 160, at("9.5") + 15),
        ocr_line("Price", at("136.00") - 25, 160, at("136.00") + 25), ocr_line("Tax", at(" T ") - 15, 160, at(" T ") + 15),
        ocr_line("Amount", at("1,292.00") - 30, 160, at("1,292.00") + 30),
        ocr_line(text, x0, 200, x1),
        ocr_line("Total", at("136.00") - 25, 260, at("136.00") + 25), ocr_line("1,292.00", at("1,292.00") - 40, 260, x1),
    ]
    data = extract_invoice(words).data
    assert lines(data) == [("Project management and coordination of the", D("9.5"), D("136.00"), D("1292.00"))]


def test_a_count_with_its_unit_times_a_price_under_the_description() -> None:
    """A freelancer's invoice without a table: each service's name, and under it "1,5 t x 67,99 kr."
    and the amount behind a dotted leader. The count (its unit "t" after it), the price after the
    times sign, and the name above; the section's heading ("Varer") over the first is no part of it."""
    leader = " " + "." * 60 + " "
    cells = [
        (60, 60, "Studio Nerida"), (60, 76, "Skolevej 47, 7017 Odense"),
        (60, 120, "FAKTURA"), (60, 140, "Fakturanummer 2025-504"), (60, 156, "Fakturadato 02-03-2025"),
        (60, 200, "Varer"),
        (60, 220, "Koncept og skitser"), (60, 236, f"1,5 t x 67,99 kr.{leader}101,99 kr."),
        (60, 256, "Backend-udvikling"), (60, 272, f"2 t x 64,10 kr.{leader}128,20 kr."),
        (60, 310, f"I alt{leader}230,19 kr."),
    ]
    data = extract_invoice(render(cells)[0]).data
    assert lines(data) == [("Koncept og skitser", D("1.5"), D("67.99"), D("101.99")),
                           ("Backend-udvikling", D(2), D("64.10"), D("128.20"))]


def test_headings_ocr_boxed_together_keep_their_columns_when_a_line_joins_them() -> None:
    """OCR boxed "Aantal Eenheid Stukprijs Korting" as one heading, and "Pos." with "Omschrijving";
    a line set close over the heading is read with it. Each column adds the words over it, not
    whole boxes: the price column took "Aantal" and became a quantity's, "Pos." a description's
    (the line's number stayed in its text). "Netto" heads the amounts."""
    head = "Aantal Eenheid Stukprijs Korting"
    x0, x1 = 629.0, 629.0 + 14 * len(head)
    at = in_box(head, x0, x1)

    net = (x1 + 30, x1 + 110)
    words = [
        ocr_line("Peeters & Verhoeven B.V.", 107, 40, 419), ocr_line("Factuurnummer 234217", 800, 70, 1100),
        ocr_line("Factuurdatum 24-01-2023", 800, 100, 1100),
        ocr_line("Factuur", 114, 178, 220), ocr_line("Pos. Omschrijving", 114, 200, 352), ocr_line(head, x0, 200, x1),
        ocr_line("Netto", *net[:1], 200, net[1]),
        ocr_line("1 USB-C dockingstation", 115, 240, 420), ocr_line("20 st.", at("Aantal") - 30, 240, at("Aantal") + 30),
        ocr_line("58,00", at("Stukprijs") - 30, 240, at("Stukprijs") + 30), ocr_line("1.160,00", net[0] - 20, 240, net[1]),
        ocr_line("2 Kopieerpapier A4", 115, 270, 420), ocr_line("1 st.", at("Aantal") - 30, 270, at("Aantal") + 30),
        ocr_line("17,00", at("Stukprijs") - 30, 270, at("Stukprijs") + 30), ocr_line("3", at("Korting") - 5, 270, at("Korting") + 5),
        ocr_line("16,49", net[0] + 10, 270, net[1]),
        ocr_line("Totaal", at("Stukprijs") - 30, 330, at("Stukprijs") + 30), ocr_line("1.176,49", net[0] - 20, 330, net[1]),
    ]
    data = extract_invoice(words).data
    assert lines(data) == [("USB-C dockingstation", D(20), D("58.00"), D("1160.00")),
                           ("Kopieerpapier A4", D(1), D("17.00"), D("16.49"))]


def test_labels_over_values_set_close_together_in_an_ocr_grid() -> None:
    """A grid of labels over values, set so close that OCR's boxes make one cell of two labels
    ("N.o de cliente" "Fecha de factura") and one of two dates: each label takes the value that
    begins under its own words (not the customer number opening its cell's column, nor the
    invoice date opening the due date's)."""
    words = [
        ocr_line("Ilventoplan S.L.", 883, 40, 1131), ocr_line("Factura", 117, 120, 259),
        ocr_line("Número de factura", 127, 180, 297), ocr_line("Fecha de entrega", 303, 180, 449),
        ocr_line("N.o de cliente", 500, 180, 640), ocr_line("Fecha de factura", 650, 180, 797),
        ocr_line("Vencimiento", 849, 180, 951),
        ocr_line("F2025/759", 128, 205, 223), ocr_line("3 de junio de 2025", 300, 205, 470),
        ocr_line("787134", 500, 205, 569), ocr_line("8 de junio de 2025", 648, 205, 830),
        ocr_line("15 de junio de 2025", 846, 205, 1038),
        ocr_line("Concepto", 129, 300, 213), ocr_line("Importe", 1050, 300, 1129),
        ocr_line("Papel A4", 127, 330, 300), ocr_line("257,30 €", 1042, 330, 1128),
        ocr_line("Total", 900, 380, 960), ocr_line("257,30 €", 1042, 380, 1128),
    ]
    data = extract_invoice(words).data
    assert (data["invoice_number"], str(data["date"]), str(data["due_date"])) == ("F2025/759", "2025-06-08", "2025-06-15")


@pytest.mark.parametrize("labels", ["Fattura n. - Data fattura Vs. riferimento", "Fattura n. Data fattura Vs. riferimento"])
def test_three_labels_in_one_ocr_box_over_their_values(labels: str) -> None:
    """OCR reads a grid's three labels as one box (the rule between two of them as a dash) and
    their values as another: the number is the value under the number's label."""
    words = [
        ocr_line("Mortast Impianti S.r.l.", 40, 40, 300), ocr_line("Fattura", 40, 100, 140),
        ocr_line(labels, 40, 160, 560), ocr_line("2023/5317 22.05.2023 P083706", 40, 185, 420),
        ocr_line("Descrizione", 40, 260, 200), ocr_line("Importo", 900, 260, 1000),
        ocr_line("Carta per fotocopie A4", 40, 290, 330), ocr_line("17,04", 930, 290, 1000),
        ocr_line("Totale", 700, 340, 800), ocr_line("17,04", 930, 340, 1000),
    ]
    data = extract_invoice(words).data
    assert (data["invoice_number"], str(data["date"])) == ("2023/5317", "2023-05-22")


def test_a_tax_summary_s_total_row_is_not_the_invoice_s_total() -> None:
    """An Indian tax invoice: the grand total in lakhs, then an HSN summary whose headings name taxes
    (over "Rate  Amount") and whose "Total" row sums its bases and taxes."""
    cells = [
        (40, 50, "Chola Hardware Mart Limited"), (320, 50, "Tax Invoice"), (320, 70, "Invoice No. GST/1847/2025-26"),
        (320, 85, "Dated 20-Apr-2025"),
        (40, 140, "Description of Goods"), (380, 140, "Qty"), (450, 140, "Rate"), (510, 140, "Amount"),
        (40, 160, "Black pepper whole"), (395, 160, "1,000"), (480, 160, "370.51"), (560, 160, "3,70,510.00"),
        (40, 178, "Office chairs"), (395, 178, "12"), (480, 178, "9,003.38"), (560, 178, "1,08,040.56"),
        (560, 196, "4,78,550.56"),
        (40, 214, "Output CGST @ 2.5%"), (560, 214, "11,963.77"),
        (40, 232, "Output SGST @ 2.5%"), (560, 232, "11,963.77"),
        (40, 250, "Total"), (560, 250, "5,02,478.10"),
        (40, 290, "HSN/SAC"), (150, 290, "Taxable Value"), (260, 290, "Central Tax"), (380, 290, "State Tax"),
        (480, 290, "Total Tax Amount"),
        (260, 304, "Rate"), (320, 304, "Amount"), (380, 304, "Rate"), (440, 304, "Amount"),
        (40, 320, "0904"), (240, 320, "4,78,550.56"), (290, 320, "2.5%"), (370, 320, "11,963.77"), (410, 320, "2.5%"),
        (490, 320, "11,963.77"), (560, 320, "23,927.54"),
        (40, 338, "Total"), (240, 338, "4,78,550.56"), (370, 338, "11,963.77"), (490, 338, "11,963.77"), (560, 338, "23,927.54"),
    ]
    data = extract_invoice(render(cells, right={240.0, 370.0, 395.0, 480.0, 490.0, 560.0})[0]).data
    assert data["total"] == D("502478.10")
    assert [ln[3] for ln in lines(data)] == [D("370510.00"), D("108040.56")]


@pytest.mark.parametrize(
    ("number_label", "number", "date_label", "date", "due_label"),
    [
        ("Številka računa", "2026-03740", "Datum izdaje", "11. 4. 2026", "Za plačilo"),  # Slovenian
        ("Broj računa", "142/POS1/1", "Datum izdavanja", "11.04.2026.", "Za platiti"),  # Croatian
        ("Αρ. παραστατικού", "Α-448", "Ημερομηνία έκδοσης", "11/04/2026", "Πληρωτέο ποσό"),  # Greek
        ("Arve nr", "2026-03740", "Kuupäev", "11.04.2026", "Tasuda"),  # Estonian
        ("Sąskaitos nr", "SF-03740", "Išrašymo data", "2026-04-11", "Mokėti"),  # Lithuanian
        ("Фактура №", "0000003740", "Дата на издаване", "11.04.2026", "Сума за плащане"),  # Bulgarian
    ],
)
def test_labels_of_more_languages(number_label: str, number: str, date_label: str, date: str, due_label: str) -> None:
    """Invoice number, date and amount due by their labels in Slovenian, Croatian, Greek,
    Estonian, Lithuanian and Bulgarian; the amount due beats the tax base above it."""
    words = [
        ocr_line("Pohorje Gradnje d.d.", 40, 40, 300), ocr_line(number_label, 600, 80, 800), ocr_line(number, 820, 80, 980),
        ocr_line(date_label, 600, 110, 800), ocr_line(date, 820, 110, 980),
        ocr_line("Opis", 40, 200, 120), ocr_line("Znesek", 900, 200, 1000),
        ocr_line("Svetovanje", 40, 230, 200), ocr_line("376,55", 920, 230, 1000),
        ocr_line("Osnova", 600, 280, 700), ocr_line("376,55", 920, 280, 1000),
        ocr_line("22 %", 600, 310, 700), ocr_line("82,84", 930, 310, 1000),
        ocr_line(due_label, 600, 340, 820), ocr_line("459,39", 920, 340, 1000),
    ]
    data = extract_invoice(words).data
    assert (data["invoice_number"], str(data["date"]), data["total"]) == (number, "2026-04-11", D("459.39"))


def test_russian_invoice_for_payment() -> None:
    """A Russian "invoice for payment": its number and date in the title ("Счёт на оплату № 766 от
    5 ноября 2026 г."), its total after "Всего к оплате"."""
    words = [
        ocr_line("ООО «Гранит Плюс»", 40, 40, 300), ocr_line("Счёт на оплату № 766 от 05.11.2026 г.", 40, 120, 700),
        ocr_line("Товары (работы, услуги)", 40, 200, 400), ocr_line("Сумма", 900, 200, 1000),
        ocr_line("Разработка программного обеспечения", 40, 230, 500), ocr_line("110 344,02", 880, 230, 1000),
        ocr_line("Итого:", 700, 280, 800), ocr_line("110 344,02", 880, 280, 1000),
        ocr_line("В том числе НДС (22%):", 550, 310, 800), ocr_line("24 275,68", 880, 310, 1000),
        ocr_line("Всего к оплате:", 600, 340, 800), ocr_line("134 619,70", 880, 340, 1000),
    ]
    data = extract_invoice(words).data
    assert (data["invoice_number"], str(data["date"]), data["total"]) == ("766", "2026-11-05", D("134619.70"))


@pytest.mark.parametrize(
    ("title", "under"),
    [("FACTURA ELECTRÓNICA", "N° 88379"), ("FACTURE / INVOICE", "No de facture / Invoice No.")],
)
def test_a_number_under_the_title_or_a_label_in_two_languages(title: str, under: str) -> None:
    """A Chilean fiscal invoice prints "N° 88379" under its title; a Canadian one labels its number in
    French and English ("No de facture / Invoice No.") over the value."""
    words = [
        ocr_line("Northshore Plumbing Ltd.", 40, 40, 330), ocr_line(title, 600, 40, 900),
        ocr_line(under, 600, 70, 900) if under.startswith("N°") else ocr_line(under, 40, 100, 400),
        *([] if under.startswith("N°") else [ocr_line("88379", 40, 125, 140)]),
        ocr_line("Date: 2026-01-28", 40, 160, 300),
        ocr_line("Description", 40, 220, 200), ocr_line("Amount", 900, 220, 1000),
        ocr_line("Annual software support plan", 40, 250, 400), ocr_line("948.57", 920, 250, 1000),
        ocr_line("Total", 700, 300, 800), ocr_line("948.57", 920, 300, 1000),
    ]
    assert extract_invoice(words).data["invoice_number"] == "88379"


def test_a_customer_word_over_the_issuer_s_block_leaves_it_the_issuer_s() -> None:
    """A Tally-style tax invoice: "(ORIGINAL FOR RECIPIENT)" over the seller's block, the buyer's
    block under "Buyer (Bill to)" further down. The customer's block is the buyer's label, name and
    address only; the seller's name above it stays the issuer's."""
    cells = [
        (260, 40, "Tax Invoice"), (440, 40, "(ORIGINAL FOR RECIPIENT)"),
        (40, 80, "Chola Hardware Mart Limited"), (300, 80, "Invoice No."), (420, 80, "Dated"),
        (40, 94, "14/3 Anna Salai, Teynampet"), (300, 94, "GST/1847/2025-26"), (420, 94, "20-Apr-2025"),
        (40, 108, "Noida - 222725"), (300, 108, "Delivery Note"), (420, 108, "Terms of Delivery"),
        (40, 150, "Buyer (Bill to)"), (300, 150, "Dispatched through"),
        (40, 164, "Deccan Fabricators Limited"), (300, 164, "Blue Dart Express"),
        (40, 178, "2nd Floor, Sai Complex, M.G. Road"), (40, 192, "Noida - 263795"),
        (40, 240, "Description of Goods"), (510, 240, "Amount"),
        (40, 260, "Black pepper whole"), (560, 260, "3,70,510.00"),
        (400, 290, "Total"), (560, 290, "3,70,510.00"),
    ]
    data = extract_invoice(render(cells, right={560.0})[0]).data
    assert (data["issuer"]["name"], data["customer"]["name"]) == ("Chola Hardware Mart Limited", "Deccan Fabricators Limited")


def test_a_count_and_a_price_in_one_ocr_box_are_two_numbers() -> None:
    """OCR boxed a line's count and price together ("1 147.86"), which reads as one number grouped
    by a space; its groups stand under Qty and under Price, so they are two. A number grouped so
    under one heading stays whole."""
    cell = "1 147.86 T"
    x0, x1 = 600.0, 600.0 + 9 * len(cell)
    at = in_box(cell, x0, x1)
    words = [
        *ocr_head(),
        ocr_line("Description", 40, 160, 160), ocr_line("Qty", at("1 ") - 15, 160, at("1 ") + 15),
        ocr_line("Price", at("147.86") - 25, 160, at("147.86") + 25), ocr_line("Tax", at(" T") - 10, 160, at(" T") + 15),
        ocr_line("Amount", 800, 160, 880),
        ocr_line("Requirements workshop", 40, 200, 260), ocr_line(cell, x0, 200, x1), ocr_line("147.86", 820, 200, 880),
        ocr_line("Onboarding", 40, 230, 160), ocr_line("2", at("1 ") - 5, 230, at("1 ") + 5),
        ocr_line("1 100.00 T", at("147.86") - 13, 230, x1), ocr_line("2 200.00", 800, 230, 880),
        ocr_line("Total", 700, 290, 760), ocr_line("2 347.86", 800, 290, 880),
    ]
    data = extract_invoice(words).data
    assert lines(data) == [("Requirements workshop", D(1), D("147.86"), D("147.86")),
                           ("Onboarding", D(2), D("1100.00"), D("2200.00"))]


def test_metered_usage_with_its_unit_in_a_column_headed_unit() -> None:
    """A cloud bill's usage lines: "Usage" heads the quantity (thousands grouped, three decimals),
    the words under "Unit" ("GB-month", "1K req") are the line's unit, not its description, though
    "Unit" may head prices elsewhere."""
    cells = [
        (60, 60, "Nimbus Hosting B.V."),
        (60, 90, "Invoice No: NH-2207"), (60, 105, "Date: 2024-06-01"),
        (60, 150, "Description"), (330, 150, "Usage"), (375, 150, "Unit"), (440, 150, "Rate"), (500, 150, "Amount"),
        (60, 175, "Object storage"), (360, 175, "1,204.512"), (375, 175, "GB-month"), (470, 175, "0.0210"), (550, 175, "25.29"),
        (60, 195, "API requests"), (360, 195, "380"), (375, 195, "1K req"), (470, 195, "0.0400"), (550, 195, "15.20"),
        (380, 240, "Total"), (550, 240, "40.49"),
    ]
    words, _ = render(cells, right={360.0, 470.0, 550.0})
    data = extract_invoice(words).data
    assert lines(data) == [
        ("Object storage", D("1204.512"), D("0.0210"), D("25.29")),
        ("API requests", D(380), D("0.0400"), D("15.20")),
    ]
    assert [ln["unit"] for ln in data["lines"]] == ["GB-month", "1K req"]


@pytest.mark.parametrize(
    ("heading", "item", "code"),
    [("Item #", "HX-2041", "HX-2041"), ("Art.-Nr.", "HX-2041", "HX-2041"), ("Item", "HX-2041", "HX-2041"), ("Item", "Hinge", None)],
)
def test_an_item_code_column_is_the_lines_code(heading: str, item: str, code: str | None) -> None:
    """A column headed as an article number ("Item #", "Art.-Nr.") holds the line's code, apart
    from its description; so does one headed "Item" before "Description" where it holds a code
    ("HX-2041"); where it holds words, they begin the description."""
    cells = [
        (60, 60, "Halvorsen Supply Co"),
        (60, 90, "Invoice No: HS-310"), (60, 105, "Date: 2024-03-11"),
        (60, 150, heading), (140, 150, "Description"), (380, 150, "Qty"), (430, 150, "Price"), (500, 150, "Amount"),
        (60, 175, item), (140, 175, "stainless, 80 mm"), (395, 175, "4"), (460, 175, "3.20"), (550, 175, "12.80"),
        (380, 240, "Total"), (550, 240, "12.80"),
    ]
    words, _ = render(cells, right={395.0, 460.0, 550.0})
    (line,) = extract_invoice(words).data["lines"]
    text = "stainless, 80 mm" if code else f"{item} stainless, 80 mm"
    assert (line["code"], line["description"], line["quantity"]) == (code, text, D(4))


def test_n_dot_before_the_description_heads_the_line_numbers() -> None:
    """ "N. Descrizione" set close: "N." heads the line numbers, which are no part of the text."""
    cells = [
        (60, 60, "Tessuti Lombardi S.r.l."),
        (60, 90, "Fattura n. 2024/61"), (60, 105, "Data: 05/03/2024"),
        (60, 150, "N. Descrizione"), (380, 150, "Q.tà"), (430, 150, "Prezzo"), (500, 150, "Importo"),
        (66, 175, "1"), (80, 175, "Tovaglia lino 140 x 240"), (395, 175, "2"), (460, 175, "38,00"), (550, 175, "76,00"),
        (380, 240, "Totale"), (550, 240, "76,00"),
    ]
    words, _ = render(cells, right={66.0, 395.0, 460.0, 550.0})
    assert lines(extract_invoice(words).data) == [("Tovaglia lino 140 x 240", D(2), D("38.00"), D("76.00"))]


@pytest.mark.parametrize(
    ("summary", "amount"),
    [
        # a label among a tax summary's headings, summing the lines of a page before this one too
        ([(60, "Base"), (120, "Cuota"), (200, "Subtotal")], "480,00"),
        ([(60, "Servicios antes de IVA")], "150,00"),  # the lines' sum, named with a tax word
    ],
)
def test_a_row_that_sums_the_lines_and_says_so_ends_the_table(summary: list[tuple[float, str]], amount: str) -> None:
    """Under the items, left of the numbers: a total's label that ends a row of words ("Base
    Cuota Subtotal  480,00"), or a row that adds up the lines above and names a total or a tax
    ("Servicios antes de IVA  150,00"). Either ends the table."""
    cells = [
        (60, 60, "Talleres Irati S.L."),
        (60, 90, "Factura nº: T-118"), (60, 105, "Fecha: 14/05/2024"),
        (60, 150, "Descripción"), (380, 150, "Cantidad"), (440, 150, "Precio"), (500, 150, "Importe"),
        (60, 175, "Revisión anual"), (410, 175, "1"), (475, 175, "90,00"), (550, 175, "90,00"),
        (60, 195, "Filtro de aceite"), (410, 195, "2"), (475, 195, "30,00"), (550, 195, "60,00"),
        *[(x, 225, text) for x, text in summary], (550, 225, amount),
        (380, 260, "IVA 21%"), (550, 260, "31,50"), (380, 280, "Total factura"), (550, 280, "181,50"),
    ]
    words, _ = render(cells, right={410.0, 475.0, 550.0})
    assert lines(extract_invoice(words).data) == [
        ("Revisión anual", D(1), D("90.00"), D("90.00")),
        ("Filtro de aceite", D(2), D("30.00"), D("60.00")),
    ]


def test_an_amount_inside_a_sentence_is_no_item() -> None:
    """A page that only asks for payment ("Please transfer the sum of 1,250.00 EUR within 30 days")
    has no line items: an item's amount ends its row, and no sentence's full stop follows it ("a
    fixed fee for collection costs of 40.00 EUR.", the end of a sentence begun on the line above)."""
    cells = [
        (60, 80, "Please transfer the sum of 1,250.00 EUR to the account below within 30 days."),
        (60, 110, "IBAN: DE12 5001 0517 0648 4898 90"),
        (60, 140, "Late payment incurs interest at three times the legal rate and, under the law, a fixed fee for"),
        (60, 154, "collection costs of 40.00 EUR."),
    ]
    words, _ = render(cells)
    assert extract_invoice(words).data["lines"] == []


def test_a_continuation_pages_running_head_carries_the_number() -> None:
    """Page 2 of an invoice repeats "Sender - Invoice 2362709" at its top: that is the invoice's
    number, so the page is read as part of the same invoice (not a document of its own)."""
    cells = [(60, 60, "Maison Verlaine SARL - Facture 2362709"), (60, 90, "Conditions de paiement : 30 jours.")]
    words, _ = render(cells)
    assert extract_invoice(words).data["invoice_number"] == "2362709"
    # ... or the title and the number, then the page's own number ("Invoice INV-490526 - page 2")
    cells = [(60, 60, "Invoice INV-490526 - page 2"), (60, 80, "Article"), (60, 90, "no."), (60, 105, "04.296.39")]
    assert extract_invoice(render(cells)[0]).data["invoice_number"] == "INV-490526"


def test_a_row_of_one_word_and_the_lines_sum_ends_the_items() -> None:
    """"Netto  1 155,60" under the lines, in no language's subtotal words: the sum of the lines
    with a word beside it is a total, so a tax summary under it is no item."""
    cells = [
        (60, 60, "Belcastro Data AB"), (380, 60, "Fakturanummer F28585"), (380, 75, "Fakturadatum 2023-10-23"),
        (60, 140, "Benämning"), (330, 140, "Antal"), (420, 140, "À-pris"), (500, 140, "Belopp"),
        (60, 160, "Buntband 200 mm"), (350, 160, "10"), (440, 160, "66,96"), (540, 160, "669,60"),
        (60, 175, "Tunglastställ 180 cm"), (350, 175, "25"), (440, 175, "5,51"), (540, 175, "137,75"),
        (60, 195, "Netto"), (540, 195, "807,35"),
        (60, 215, "Momssats"), (330, 215, "Netto"), (420, 215, "Moms"), (500, 215, "Brutto"),
        (60, 230, "25,0 %"), (350, 230, "807,35"), (440, 230, "201,84"), (540, 230, "1009,19"),
        (60, 260, "Att betala"), (540, 260, "1009,19"),
    ]
    data = extract_invoice(render(cells, right={350.0, 440.0, 540.0})[0]).data
    assert [ln["amount"] for ln in data["lines"]] == [D("669.60"), D("137.75")] and data["total"] == D("1009.19")


def test_a_leader_line_invoice_in_swedish() -> None:
    """Fields and totals on dotted leaders: "SUMMA" is the total, the amounts' currency is stated in
    words ("Alla belopp i svenska kronor"), the customer's block ends before the first line with
    money on it, and the leaders are no part of a line's text."""
    dots = " " + "." * 60 + " "
    cells = [
        (60, 60, "Lindqvist Konsult"), (60, 100, f"Fakturanummer{dots}28/2023"), (60, 115, f"Fakturadatum{dots}2023-03-29"),
        (60, 130, f"Kund{dots}Sedgemoor AB"),
        (60, 160, f"Support och felsökning{dots}187,50"), (60, 175, f"Texter till produktsidor{dots}870,00"),
        (60, 190, f"Summa exkl. moms{dots}1057,50"),
        (60, 205, f"Moms 25 %{dots}264,38"), (60, 220, f"SUMMA{dots}1321,88"),
        (60, 260, "Alla belopp i svenska kronor."),
    ]
    data = extract_invoice(render(cells, right={540.0})[0]).data
    assert (data["invoice_number"], data["total"], data["currency"], data["customer"]["address"]) == (
        "28/2023", D("1321.88"), "SEK", None)
    assert [ln["description"] for ln in data["lines"]] == ["Support och felsökning", "Texter till produktsidor"]


def _two_page_invoice() -> bytes:
    """30 lines under a heading row on page 1, 5 more on page 2 without a heading, then totals."""
    doc = pymupdf.open()

    def put(page: Any, x: float, y: float, text: str, right: bool = False) -> None:
        page.insert_text((x - pymupdf.get_text_length(text, fontsize=10) if right else x, y), text, fontsize=10)

    def item(page: Any, y: float, n: int) -> None:
        put(page, 60, y, f"Part number {n}")
        for x, t in ((345, "2"), (460, "1.50"), (540, "3.00")):
            put(page, x, y, t, right=True)

    page = doc.new_page(width=595, height=842)  # (a new page retires the previous page object)
    for x, y, t in [(60, 60, "Acme Supplies Ltd"), (60, 90, "Invoice No: A-90"), (60, 105, "Date: 2024-05-02"),
                    (60, 150, "Description"), (330, 150, "Qty"), (420, 150, "Unit price"), (500, 150, "Amount")]:
        put(page, x, y, t)
    for n in range(1, 31):
        item(page, 155 + 20 * n, n)
    page = doc.new_page(width=595, height=842)
    for n in range(31, 36):
        item(page, 60 + 20 * (n - 31), n)
    put(page, 420, 190, "Subtotal")
    put(page, 540, 190, "105.00", right=True)
    put(page, 420, 210, "Total due")
    put(page, 540, 210, "105.00", right=True)
    data = doc.tobytes()
    doc.close()
    return data


def test_a_table_that_goes_on_to_a_second_page() -> None:
    """Page 2 has no heading row: its rows are still items (numbers in a description's cell stay in
    the description), and no page-level check complains that page 2's lines do not add up to the
    document's subtotal."""
    from docextract import extract

    res = extract(_two_page_invoice(), schema="invoice")
    got = [(ln.description, ln.quantity, ln.unit_price, ln.amount) for ln in res.data.lines]
    assert got == [(f"Part number {n}", D(2), D("1.50"), D("3.00")) for n in range(1, 36)]
    assert res.data.total == D("105.00") and res.issues == []


def _summary_and_detail() -> bytes:
    """A cloud bill: each service's total on page 1; on page 2 its usage lines, grouped under the
    service's name, each group closed by a total set right."""
    doc = pymupdf.open()

    def put(page: Any, x: float, y: float, text: str) -> None:
        right = x in (360.0, 470.0, 550.0)
        page.insert_text((x - pymupdf.get_text_length(text, fontsize=10) if right else x, y), text, fontsize=10)

    page = doc.new_page(width=595, height=842)
    for x, y, t in [(60, 60, "Corvane Cloud Ltd"), (60, 90, "Invoice No: CC-5521"), (60, 105, "Date: 2024-07-01"),
                    (60, 150, "Service"), (500, 150, "Amount"), (60, 175, "Compute"), (550, 175, "30.00"),
                    (60, 195, "Storage"), (550, 195, "12.50"), (400, 230, "Total due"), (550, 230, "42.50")]:
        put(page, x, y, t)
    page = doc.new_page(width=595, height=842)
    rows = [(60, 60, "Usage details"),
            (60, 90, "Description"), (330, 90, "Usage"), (375, 90, "Unit"), (440, 90, "Rate"), (500, 90, "Amount"),
            (60, 115, "Compute"),
            (60, 135, "vCPU hours"), (360, 135, "400"), (375, 135, "hours"), (470, 135, "0.0500"), (550, 135, "20.00"),
            (60, 155, "Memory GB-hours"), (360, 155, "1,000"), (375, 155, "GB-h"), (470, 155, "0.0100"), (550, 155, "10.00"),
            (420, 175, "Total Compute"), (550, 175, "30.00"),
            (60, 200, "Storage"),
            (60, 220, "Block storage"), (360, 220, "250"), (375, 220, "GB-month"), (470, 220, "0.0500"), (550, 220, "12.50"),
            (420, 240, "Total Storage"), (550, 240, "12.50")]
    for x, y, t in rows:
        put(page, x, y, t)
    data = doc.tobytes()
    doc.close()
    return data


def test_a_summary_page_beside_its_detail_lists_the_charges_once() -> None:
    """Page 1's lines each add up a run of page 2's usage lines (all of them, in order): the bill's
    lines are the detail's, once; a group's total set right, with the next group's name under it,
    does not end the detail's table."""
    from docextract import extract

    res = extract(_summary_and_detail(), schema="invoice")
    got = [(ln.description, ln.quantity, ln.unit, ln.unit_price, ln.amount) for ln in res.data.lines]
    assert got == [
        ("vCPU hours", D(400), "hours", D("0.0500"), D("20.00")),
        ("Memory GB-hours", D(1000), "GB-h", D("0.0100"), D("10.00")),
        ("Block storage", D(250), "GB-month", D("0.0500"), D("12.50")),
    ]
    assert res.data.total == D("42.50")


def test_a_failed_check_is_reported_once() -> None:
    """The reader's own check on the page and the document check after merging say the same
    thing on a one-page document: it is one issue, not two."""
    from docextract import extract

    cells = [
        (60, 60, "Garden Works"), (60, 90, "Invoice #: GW-13"), (60, 105, "Date: 03/02/2023"),
        (60, 150, "Description"), (420, 150, "Qty"), (500, 150, "Amount"),
        (60, 175, "Hedge trimming"), (440, 175, "2"), (540, 175, "80.00"),
        (400, 240, "Subtotal"), (540, 240, "95.00"),
        (400, 255, "Total"), (540, 255, "95.00"),
    ]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for x, y, t in cells:
        page.insert_text((x, y), t, fontsize=10)
    res = extract(doc.tobytes(), schema="invoice")
    assert [i.code for i in res.issues if i.code != "missing-field"] == ["items-subtotal-mismatch"] and res.needs_review


LANGUAGES = {
    "de": (
        [(60, 60, "Muster GmbH"), (60, 76, "Hauptstr. 1, 10115 Berlin"), (350, 110, "Rechnungsnummer: RE-2024-117"),
         (350, 125, "Rechnungsdatum: 05.03.2024"), (350, 140, "Fällig am: 04.04.2024"),
         (60, 190, "Pos."), (100, 190, "Bezeichnung"), (330, 190, "Menge"), (400, 190, "Einzelpreis"),
         (490, 190, "Gesamtpreis"),
         (60, 215, "1"), (100, 215, "Beratung"), (350, 215, "10"), (460, 215, "95,00 EUR"), (550, 215, "950,00 EUR"),
         (60, 235, "2"), (100, 235, "Fahrtkosten"), (350, 235, "1"), (460, 235, "48,50 EUR"), (550, 235, "48,50 EUR"),
         (380, 280, "Nettobetrag"), (550, 280, "998,50 EUR"), (380, 295, "MwSt. 19 %"), (550, 295, "189,72 EUR"),
         (380, 310, "Gesamtbetrag"), (550, 310, "1.188,22 EUR")],
        ("RE-2024-117", "2024-03-05", "2024-04-04", "998.50", "189.72", "1188.22"),
        [("Beratung", "10", "95.00", "950.00"), ("Fahrtkosten", "1", "48.50", "48.50")],
    ),
    "es": (
        [(60, 60, "Ejemplo S.L."), (350, 110, "Factura nº: F-2024-09"), (350, 125, "Fecha: 12/07/2024"),
         (60, 190, "Descripción"), (330, 190, "Cantidad"), (400, 190, "Precio"), (490, 190, "Importe"),
         (60, 215, "Diseño web"), (350, 215, "1"), (460, 215, "1.200,00 EUR"), (550, 215, "1.200,00 EUR"),
         (380, 280, "Base imponible"), (550, 280, "1.200,00 EUR"), (380, 295, "IVA 21%"), (550, 295, "252,00 EUR"),
         (380, 310, "Total"), (550, 310, "1.452,00 EUR")],
        ("F-2024-09", "2024-07-12", None, "1200.00", "252.00", "1452.00"),
        [("Diseño web", "1", "1200.00", "1200.00")],
    ),
    "it": (
        [(60, 60, "Esempio S.r.l."), (350, 110, "Fattura n. 2024/55"), (350, 125, "Data: 03/09/2024"),
         (60, 190, "Descrizione"), (330, 190, "Quantità"), (400, 190, "Prezzo"), (490, 190, "Importo"),
         (60, 215, "Consulenza"), (350, 215, "8"), (460, 215, "60,00"), (550, 215, "480,00"),
         (380, 280, "Imponibile"), (550, 280, "480,00"), (380, 295, "IVA 22%"), (550, 295, "105,60"),
         (380, 310, "Totale da pagare"), (550, 310, "585,60 EUR")],
        ("2024/55", "2024-09-03", None, "480.00", "105.60", "585.60"),
        [("Consulenza", "8", "60.00", "480.00")],
    ),
    "fr": (
        [(60, 60, "Boulangerie Martin SARL"), (350, 110, "Facture N° FA-0921"), (350, 125, "Date de facture : 14 mars 2024"),
         (350, 140, "Échéance : 13 avril 2024"),
         (60, 190, "Désignation"), (330, 190, "Qté"), (400, 190, "Prix unitaire HT"), (490, 190, "Total HT"),
         (60, 215, "Croissants"), (350, 215, "24"), (460, 215, "1,10"), (550, 215, "26,40"),
         (380, 280, "Total HT"), (550, 280, "26,40"), (380, 295, "TVA 5,5 %"), (550, 295, "1,45"),
         (380, 310, "Net à payer"), (550, 310, "27,85 EUR")],
        ("FA-0921", "2024-03-14", "2024-04-13", "26.40", "1.45", "27.85"),
        [("Croissants", "24", "1.10", "26.40")],
    ),
    "pt": (  # no subtotal printed: the net lines add up to the total less the tax
        [(60, 60, "Padaria Lda."), (350, 110, "Fatura nº 2024/77"), (350, 125, "Data: 21/06/2024"),
         (60, 190, "Descrição"), (330, 190, "Qtd"), (400, 190, "Preço"), (490, 190, "Valor"),
         (60, 215, "Pão"), (350, 215, "10"), (460, 215, "0,20"), (550, 215, "2,00"),
         (380, 265, "IVA 23%"), (550, 265, "0,46"), (380, 280, "Total a pagar"), (550, 280, "2,46 EUR")],
        ("2024/77", "2024-06-21", None, None, "0.46", "2.46"),
        [("Pão", "10", "0.20", "2.00")],
    ),
    "us": (
        [(60, 60, "Acme Corp."), (400, 60, "INVOICE"), (400, 80, "Invoice #: 10042"), (400, 95, "Date: 03/04/2024"),
         (400, 110, "Due: 04/03/2024"),
         (60, 150, "QTY"), (100, 150, "DESCRIPTION"), (400, 150, "UNIT PRICE"), (500, 150, "LINE TOTAL"),
         (75, 175, "4"), (100, 175, "Widgets, large"), (460, 175, "$12.50"), (550, 175, "$50.00"),
         (400, 220, "SUBTOTAL"), (550, 220, "$50.00"), (400, 235, "SALES TAX 8%"), (550, 235, "$4.00"),
         (400, 250, "TOTAL DUE"), (550, 250, "$54.00")],
        ("10042", "2024-03-04", "2024-04-03", "50.00", "4.00", "54.00"),
        [("Widgets, large", "4", "12.50", "50.00")],
    ),
}


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_invoices_in_other_languages(lang: str) -> None:
    """German with a position column, Spanish and Italian taxable bases ("Base imponible",
    "Imponibile") and tax rows ending the table, a French rate "5,5 %" that is not the tax, a
    Portuguese invoice with no subtotal, a US "Due:" date."""
    import datetime as dt

    cells, (number, date, due, subtotal, tax, total), want = LANGUAGES[lang]
    words, _ = render(cells, right={75.0, 350.0, 460.0, 550.0})
    res = extract_invoice(words)
    d = res.data
    assert d["invoice_number"] == number
    assert d["date"] == dt.date.fromisoformat(date)
    assert d["due_date"] == (dt.date.fromisoformat(due) if due else None)
    assert (d["subtotal"], d["tax"], d["total"]) == (subtotal and D(subtotal), D(tax), D(total))
    assert lines(d) == [(desc, D(q), D(u), D(a)) for desc, q, u, a in want]
    assert kit_issues(res, "invoice") == []


@pytest.mark.parametrize("skew", [1.5, -3.0])
def test_a_sparse_tilted_invoice_keeps_its_rows(skew: float) -> None:
    """Short words in columns: the detector reports them level at a 1.5 degree tilt, so the skew
    comes from how their centres line up in rows; without it "Consulenza" and its numbers fell
    into different rows."""
    from docextract.ocr import get_reader
    from docextract.testing.documents import degrade

    _, image = render(LANGUAGES["it"][0], right={75.0, 350.0, 460.0, 550.0})
    tilted = degrade(image, skew=skew, blur=0.6, noise=8, contrast=0.8, seed=1)
    assert abs(get_reader().read(tilted).skew + skew) < 0.6
    out = ReaderEngine().generate(EngineRequest(images=[tilted], prompt="", schema=resolve_schema("invoice")))
    assert lines(out.data) == [("Consulenza", D(8), D("60.00"), D("480.00"))]


def test_a_german_letter_invoice_parties_and_unit_column() -> None:
    """A letter-style German invoice: the recipient block under "Herrn" (no "Bill to") is the
    customer, "Kundennr.: 4471" is no customer name, the issuer's "USt-IdNr." beside the recipient
    block is the issuer's tax id, the letterhead's address stops at the gap above the recipient,
    and the "Einheit" column ("Stk", "Std") is not part of the descriptions."""
    cells = [
        (50, 60, "Schreinerei Holzwurm GmbH"), (50, 76, "Waldweg 3, 79098 Freiburg"),
        (50, 130, "Herrn"), (50, 143, "Max Mustermann"), (50, 156, "Lindenstr. 8"), (50, 169, "79100 Freiburg"),
        (380, 130, "Rechnung Nr. 2025-017"), (380, 144, "Datum: 03.02.2025"), (380, 158, "Kundennr.: 4471"),
        (380, 172, "USt-IdNr.: DE287654321"),
        (50, 220, "Pos."), (90, 220, "Beschreibung"), (330, 220, "Menge"), (380, 220, "Einheit"), (460, 220, "E-Preis"),
        (520, 220, "Gesamt"),
        (50, 240, "1"), (90, 240, "Einbauschrank Eiche"), (350, 240, "1"), (380, 240, "Stk"), (500, 240, "2.450,00"),
        (560, 240, "2.450,00"),
        (50, 256, "2"), (90, 256, "Montage"), (350, 256, "6"), (380, 256, "Std"), (500, 256, "55,00"), (560, 256, "330,00"),
        (400, 300, "Nettobetrag"), (560, 300, "2.780,00"), (400, 315, "zzgl. 19% MwSt."), (560, 315, "528,20"),
        (400, 333, "Rechnungsbetrag"), (560, 333, "3.308,20"),
        (50, 380, "Zahlbar bis 17.02.2025 ohne Abzug."),
    ]
    words, _ = render(cells, right={350.0, 500.0, 560.0})
    res = extract_invoice(words)
    d = res.data
    assert d["issuer"] == {"name": "Schreinerei Holzwurm GmbH", "address": "Waldweg 3, 79098 Freiburg", "tax_id": "DE287654321"}
    assert d["customer"] == {"name": "Max Mustermann", "address": "Lindenstr. 8, 79100 Freiburg", "tax_id": None}
    assert (d["invoice_number"], str(d["date"]), str(d["due_date"])) == ("2025-017", "2025-02-03", "2025-02-17")
    assert lines(d) == [
        ("Einbauschrank Eiche", D(1), D("2450.00"), D("2450.00")),
        ("Montage", D(6), D("55.00"), D("330.00")),
    ]
    assert (d["subtotal"], d["tax"], d["total"]) == (D("2780.00"), D("528.20"), D("3308.20")) and kit_issues(res, "invoice") == []


def test_a_discount_in_the_totals_block_and_two_address_blocks() -> None:
    """"Discount (10%) -$282.00" between the subtotal and the balance due is taken into the check
    (it is no schema field), also by the document's check after merging; "Bill To" and "Ship To"
    side by side: the customer is the billed one, with its street ("1 Infinite Loop") and town;
    the issuer's mail address is not part of its address."""
    from docextract import extract

    cells = [
        (50, 60, "Brightside Design LLC"), (50, 80, "77 Elm Avenue, Suite 4"), (50, 93, "Portland, OR 97205"),
        (50, 106, "billing@brightside.example"),
        (400, 90, "Invoice #"), (500, 90, "BD-2291"), (400, 104, "Issue date"), (500, 104, "Jan 15, 2025"),
        (50, 160, "Bill To"), (50, 174, "Globex Corporation"), (50, 187, "1 Infinite Loop"), (50, 200, "Springfield, OR 97477"),
        (300, 160, "Ship To"), (300, 174, "Globex Warehouse"), (300, 187, "9 Dock Rd"),
        (50, 250, "ITEM"), (330, 250, "QTY"), (430, 250, "RATE"), (540, 250, "AMOUNT"),
        (50, 272, "Logo design"), (350, 272, "1"), (455, 272, "$1,500.00"), (560, 272, "$1,500.00"),
        (50, 290, "Revisions (hourly)"), (350, 290, "6"), (455, 290, "$95.00"), (560, 290, "$570.00"),
        (400, 330, "Subtotal"), (560, 330, "$2,070.00"), (400, 345, "Discount (10%)"), (560, 345, "-$207.00"),
        (400, 360, "Tax (8.5%)"), (560, 360, "$158.36"), (400, 378, "Balance Due"), (560, 378, "$2,021.36"),
    ]
    words, _ = render(cells, right={350.0, 455.0, 560.0})
    res = extract_invoice(words)
    d = res.data
    assert d["customer"] == {"name": "Globex Corporation", "address": "1 Infinite Loop, Springfield, OR 97477", "tax_id": None}
    assert d["issuer"]["address"] == "77 Elm Avenue, Suite 4, Portland, OR 97205"
    assert (d["subtotal"], d["tax"], d["total"]) == (D("2070.00"), D("158.36"), D("2021.36"))
    assert kit_issues(res, "invoice") == []
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for x, y, text in cells:
        if x in (350.0, 455.0, 560.0):
            x -= pymupdf.get_text_length(text, fontname="helv", fontsize=10)
        page.insert_text((x, y), text, fontsize=10)
    full = extract(doc.tobytes(), schema="invoice")
    assert full.data.total == D("2021.36") and full.issues == [] and not full.needs_review


def _statement(detail: list[tuple[float, str, str]]) -> list[Cell]:
    head = [
        (60, 60, "Riverside Utilities Inc."), (60, 76, "200 Water Street, Albany, NY 12207"),
        (60, 110, "Invoice Number: U-88213"), (60, 125, "Invoice Date: 2025-04-01"),
        (60, 160, "Summary"), (60, 178, "Current charges"), (540, 178, "$57.40"),
        (60, 194, "Total due"), (540, 194, "$57.40"),
        (60, 230, "Detail"),
    ]
    return head + [(x, 250 + 16 * k, text) for k, (x, text, _) in enumerate(detail)] + [
        (540, 250 + 16 * k, amount) for k, (_, _, amount) in enumerate(detail)
    ]


def test_a_statement_whose_detail_follows_the_total() -> None:
    """No item table, the total printed first: the detail rows after it are the items, as an
    outline (each item, then the charges that make it up) or a flat list, when they add up (and
    then they beat the one summary line, "Current charges", above the total); rows that do not
    add up are no items."""
    outline = [
        (60, "Electricity", "$42.10"), (80, "Energy charge", "$38.00"), (80, "Network fee", "$4.10"),
        (80, "Sales tax", "$0.00"),
        (60, "Water", "$15.30"), (80, "Usage", "$12.30"), (80, "Service fee", "$3.00"),
    ]
    words, image = render(_statement(outline), right={540.0})
    res = extract_invoice(words)
    assert [(ln[0], ln[3]) for ln in lines(res.data)] == [("Electricity", D("42.10")), ("Water", D("15.30"))]
    assert res.data["total"] == D("57.40") and kit_issues(res, "invoice") == []
    out = ReaderEngine().generate(EngineRequest(images=[image], prompt="", schema=resolve_schema("invoice")))
    assert out.data is not None and [ln[3] for ln in lines(out.data)] == [D("42.10"), D("15.30")]

    flat = [(60, "Electricity", "$42.10"), (60, "Water", "$15.30")]
    words, _ = render(_statement(flat), right={540.0})
    assert [(ln[0], ln[3]) for ln in lines(extract_invoice(words).data)] == [
        ("Electricity", D("42.10")), ("Water", D("15.30"))
    ]

    # rows after the total that do not add up to it are no items: the summary line stays the item
    history = [(60, "Payment received 03/02", "$51.20"), (60, "Payment received 02/02", "$49.80")]
    words, _ = render(_statement(history), right={540.0})
    assert [(ln[0], ln[3]) for ln in lines(extract_invoice(words).data)] == [("Current charges", D("57.40"))]

    # one detail line that is the whole total is the item, not the summary line; a payment of the
    # whole total is not
    words, _ = render(_statement([(60, "Water and sewerage", "$57.40")]), right={540.0})
    assert [(ln[0], ln[3]) for ln in lines(extract_invoice(words).data)] == [("Water and sewerage", D("57.40"))]
    words, _ = render(_statement([(60, "Payment received, thank you", "$57.40")]), right={540.0})
    assert [(ln[0], ln[3]) for ln in lines(extract_invoice(words).data)] == [("Current charges", D("57.40"))]


def test_a_scanned_two_page_invoice() -> None:
    """The two-page invoice as a scan (each page a JPEG image in the PDF, slightly skewed, blurred
    and noisy): OCR on both pages, the same 35 lines and total; "Part number 31" keeps its number
    on page 2, where no heading row says which column is which."""
    import io

    from docextract import extract
    from docextract.testing.documents import degrade

    src = pymupdf.open(stream=_two_page_invoice(), filetype="pdf")
    scan = pymupdf.open()
    for n, page in enumerate(src):
        pix = page.get_pixmap(dpi=200)
        img = degrade(Image.frombytes("RGB", (pix.width, pix.height), pix.samples), skew=(1.0, -0.8)[n], blur=0.6,
                      noise=5, seed=n)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=75)
        scan.new_page(width=595, height=842).insert_image(pymupdf.Rect(0, 0, 595, 842), stream=buf.getvalue())
    res = extract(scan.tobytes(), schema="invoice")
    got = [(ln.description, ln.amount) for ln in res.data.lines]
    assert got == [(f"Part number {n}", D("3.00")) for n in range(1, 36)]
    assert res.data.total == D("105.00") and res.issues == []


@pytest.mark.parametrize("heading", ["QUANTITÉ", "QUANTITE"])
def test_a_quantity_heading_with_or_without_its_accent_heads_its_column(heading: str) -> None:
    """French capitals often drop the accent ("QUANTITE"; OCR's mending gives it for "QUANTTTE",
    tests/test_spelling.py): the quantities under it stay quantities, not the start of each description."""
    cells = [
        (60, 60, "Atelier Morel SARL"), (60, 76, "8 rue Colbert, 44000 Nantes"),
        (380, 100, "Facture n° F-2291"), (380, 114, "Date : 05/02/2024"),
        (60, 180, heading), (130, 180, "DÉSIGNATION"), (400, 180, "PU"), (480, 180, "MONTANT HT"),
        (100, 205, "12"), (130, 205, "Reliure"), (420, 205, "4,50"), (540, 205, "54,00"),
        (100, 225, "3"), (130, 225, "Dorure"), (420, 225, "20,00"), (540, 225, "60,00"),
        (380, 270, "Total HT :"), (540, 270, "114,00"),
    ]
    words, _ = render(cells, right={100.0, 420.0, 540.0})
    res = extract_invoice(words)
    assert lines(res.data) == [("Reliure", D(12), D("4.50"), D("54.00")), ("Dorure", D(3), D("20.00"), D("60.00"))]


def test_the_issuers_legal_form_is_read_through_ocr_slips() -> None:
    cells = [
        (60, 60, "Fornaci Lombarde S.r.I."), (60, 76, "Via Roma 12, 20121 Milano"),
        (380, 100, "Fattura n. 2024/118"), (380, 114, "Data: 12/03/2024"),
        (60, 180, "Descrizione"), (400, 180, "Prezzo"), (480, 180, "Importo"),
        (60, 205, "Mattoni pieni"), (420, 205, "310,00"), (540, 205, "310,00"),
        (380, 250, "Totale:"), (540, 250, "310,00"),
    ]
    words, _ = render(cells, right={420.0, 540.0})
    res = extract_invoice(words)
    assert res.data["issuer"]["name"] == "Fornaci Lombarde S.r.l."
    assert res.provenance["issuer.name"].bbox is not None


def test_a_folio_lines_date_read_in_one_box_with_its_text() -> None:
    """OCR reads a folio line's date and its text as one box ("2024-05-02 Room 214"): the date,
    under the date column's heading, is no part of the description."""
    words = [
        ocr_line("Hotel Brisa do Mar", 60, 40, 300),
        ocr_line("Fatura n.º FT 2024/318", 600, 100, 900), ocr_line("Data: 2024-05-04", 600, 126, 820),
        ocr_line("Data", 60, 200, 120), ocr_line("Descrição", 220, 200, 360), ocr_line("Débito (EUR)", 780, 200, 900),
        ocr_line("2024-05-02 Quarto duplo", 62, 230, 400), ocr_line("120,00", 840, 230, 900),
        ocr_line("2024-05-03 Quarto duplo", 62, 256, 400), ocr_line("120,00", 840, 256, 900),
        ocr_line("Total", 600, 300, 680), ocr_line("240,00", 840, 300, 900),
    ]
    assert [ln["description"] for ln in extract_invoice(words).data["lines"]] == ["Quarto duplo", "Quarto duplo"]


def test_a_folio_headed_charges_and_credits_with_dates_in_words() -> None:
    """A hotel folio: "Charges" beside "Credits" heads the line amounts (what credits stand beside
    are debits), and a date written in words past its narrow heading ("May 30th, 2024") is no
    part of the description; the payment under "Credits" is no item."""
    cells = [
        (60, 60, "Harbour Lights Hotel"),
        (360, 100, "Invoice number 2024-0311"), (360, 115, "Dated Jun 2nd, 2024"),
        (60, 160, "Date"), (160, 160, "Description"), (420, 160, "Charges"), (500, 160, "Credits"),
        (60, 185, "May 30th, 2024"), (160, 185, "Room - Double"), (470, 185, "180.00"),
        (60, 205, "May 31st, 2024"), (160, 205, "Breakfast"), (470, 205, "24.00"),
        (60, 225, "Jun 2nd, 2024"), (160, 225, "Payment Visa"), (550, 225, "204.00"),
        (360, 260, "Balance due"), (550, 260, "0.00"),
    ]
    words, _ = render(cells, right={470.0, 550.0})
    assert lines(extract_invoice(words).data) == [("Room - Double", None, None, D("180.00")), ("Breakfast", None, None, D("24.00"))]


def test_two_headings_read_as_one_box_keep_their_own_values() -> None:
    """OCR boxes headings set close together as one ("Invoice No Customer No"): each value is read
    under its own heading's share of the box, not lost to the customer number's label."""

    words = [
        ocr_line("INVOICE", 60, 40, 200), ocr_line("Lindqvist Logistics Ltd", 600, 40, 900),
        ocr_line("14 Quay Street, Hull HU1 1AA", 600, 66, 900),
        ocr_line("Invoice No Customer No", 600, 150, 900),
        ocr_line("58113042", 600, 176, 720), ocr_line("70215", 780, 176, 860),
        ocr_line("Invoice Date", 600, 210, 760), ocr_line("03/06/2024", 600, 236, 740),
        ocr_line("Description", 60, 300, 220), ocr_line("Amount", 800, 300, 900),
        ocr_line("Freight Hull - Oslo", 60, 330, 320), ocr_line("840.00", 820, 330, 900),
        ocr_line("Total", 600, 380, 680), ocr_line("840.00", 820, 380, 900),
    ]
    res = extract_invoice(words)
    assert res.data["invoice_number"] == "58113042"
    assert str(res.data["date"]) == "2024-06-03" and res.data["total"] == D("840.00")


def test_a_number_label_whose_first_word_ocr_garbled() -> None:
    """"Réf. facture" read as "REE FACTURE": the title word after a short garbled token, alone in its
    cell, is the number's label when no other label is found; a title ("TAX INVOICE") over a
    number alone in its cell carries it too (the title's number, ``_title_number``)."""

    def page(label: str) -> list[Word]:
        return [
            ocr_line("Ateliers Vautrin SAS", 60, 40, 400), ocr_line("12 rue Colbert, 69002 Lyon", 60, 66, 400),
            ocr_line(label, 60, 150, 220), ocr_line("FR-20931", 60, 176, 180),
            ocr_line("Date : 14/03/2024", 60, 210, 260),
            ocr_line("Désignation", 60, 300, 220), ocr_line("Montant", 800, 300, 900),
            ocr_line("Reliure", 60, 330, 320), ocr_line("90,00", 820, 330, 900),
            ocr_line("Total TTC", 600, 380, 720), ocr_line("90,00", 820, 380, 900),
        ]

    assert extract_invoice(page("REE FACTURE")).data["invoice_number"] == "FR-20931"
    assert extract_invoice(page("s° FACTURE:")).data["invoice_number"] == "FR-20931"
    assert extract_invoice(page("TAX INVOICE")).data["invoice_number"] == "FR-20931"


def test_a_page_whose_items_continue_has_no_total_from_the_column_heading() -> None:
    """The first page of a two-page invoice: items under "Line Total", the totals on the next page.
    The heading names a column of line amounts; the first of them is no total of the document."""
    cells = [
        (60, 60, "Harbour Print Ltd."), (400, 60, "Invoice Number 2025/2697"),
        (140, 200, "Service"), (330, 200, "Hours"), (400, 200, "Rate"), (480, 200, "Line Total"),
        (60, 230, "Translation services"), (350, 230, "2"), (440, 230, "£834.52"), (540, 230, "£1669.04"),
        (60, 255, "Catering for 20 guests"), (350, 255, "4"), (440, 255, "£750.00"), (540, 255, "£3000.00"),
        (60, 300, "Continued on next page"),
    ]
    words, _ = render(cells, right={350.0, 440.0, 540.0})
    res = extract_invoice(words)
    assert [ln[3] for ln in lines(res.data)] == [D("1669.04"), D("3000.00")]
    assert res.data["total"] is None


def _totals_page(number: str, heading: list[str], rows: list[tuple[str, str, str]], totals: list[tuple[str, str]]) -> dict:
    """An invoice page: a number, a three-column item table and a totals block, as rules read its text layer."""
    cells: list[Cell] = [(60, 60, "Atelier Nordlicht GmbH"), (380, 80, number), (60, 100, "Datum: 14.03.2025")]
    cells += [(x, 200, h) for x, h in zip((60, 330, 480), heading)]
    for n, (desc, qty, amount) in enumerate(rows):
        cells += [(60, 225 + 22 * n, desc), (350, 225 + 22 * n, qty), (540, 225 + 22 * n, amount)]
    for n, (label, amount) in enumerate(totals):
        cells += [(330, 320 + 22 * n, label), (540, 320 + 22 * n, amount)]
    words, _ = render(cells, right={350.0, 540.0})
    return extract_invoice(words).data


def test_a_number_that_begins_with_a_date_is_a_number() -> None:
    data = _totals_page("Rechnungs-Nr. 20250721-11", ["Leistung", "Anz.", "Betrag"],
                        [("Beratung", "2", "200,00")], [("Endbetrag", "200,00 EUR")])
    assert data["invoice_number"] == "20250721-11" and data["date"].isoformat() == "2025-03-14"
    assert lines(data) == [("Beratung", D(2), None, D(200))]  # "Anz." heads the quantities


@pytest.mark.parametrize("totals, tax", [
    # two rates, each base in brackets before its tax
    ([("Totaal excl. BTW", "EUR 1.000,00"), ("BTW 21% (800,00)", "EUR 168,00"), ("BTW 9% (200,00)", "EUR 18,00"),
      ("Totaal incl. BTW", "EUR 1.186,00")], D("186.00")),
    # the base after its word
    ([("Zwischensumme", "1.000,00"), ("MwSt. 19 % auf 600,00", "114,00"), ("MwSt. 7 % auf 400,00", "28,00"),
      ("Endbetrag", "1.142,00")], D("142.00")),
    ([("Zwischensumme", "1.000,00"), ("Mehrwertsteuer 19 %", "190,00"), ("Endbetrag", "1.190,00")], D("190.00")),
    # two rates with shipping between the subtotal and the total
    ([("Zwischensumme", "1.000,00"), ("Versand", "10,00"), ("MwSt. 19 %", "114,00"), ("MwSt. 7 %", "28,00"),
      ("Endbetrag", "1.152,00")], D("142.00")),
])
def test_the_tax_of_the_totals_block(totals: list[tuple[str, str]], tax: D) -> None:
    data = _totals_page("Rechnung Nr. 2025/17", ["Leistung", "Menge", "Betrag"],
                        [("Beratung", "2", "600,00"), ("Druck", "1", "400,00")], totals)
    assert data["subtotal"] == D("1000.00") and data["tax"] == tax
    assert data["total"] == D("".join(c for c in totals[-1][1] if c.isdigit())) / 100  # the last row, amount due


def test_montant_du_is_the_amount_due() -> None:
    data = _totals_page("Facture n° F-118", ["Désignation", "Qté", "Montant"],
                        [("Conseil", "2", "200,00")], [("Total HT", "200,00"), ("TVA 20 %", "40,00"), ("Montant dû", "240,00 €")])
    assert data["total"] == D("240.00") and data["tax"] == D("40.00")


def test_shipping_in_the_totals_block_is_part_of_the_total() -> None:
    """Shipping has no field, but the total holds it: the checks count it, and find nothing wrong."""
    cells: list[Cell] = [(60, 60, "Harbour Print Ltd."), (380, 80, "Invoice No. 2025/17"), (60, 100, "Date: 14/03/2025")]
    cells += [(60, 200, "Description"), (330, 200, "Qty"), (480, 200, "Amount")]
    cells += [(60, 225, "Flyers A5"), (350, 225, "2"), (540, 225, "£100.00")]
    cells += [(330, 320, "Subtotal"), (540, 320, "£100.00"), (330, 342, "Delivery"), (540, 342, "£10.30"),
              (330, 364, "VAT 20%"), (540, 364, "£22.06"), (330, 386, "TOTAL"), (540, 386, "£132.36")]
    words, _ = render(cells, right={350.0, 540.0})
    res = extract_invoice(words)
    assert res.data["total"] == D("132.36") and res.data["tax"] == D("22.06")
    assert res.check_amounts == {"charges": D("10.30")}
    assert kit_issues(res, "invoice") == []


def test_labelled_rows_are_no_address_and_headings_no_name() -> None:
    """Under the issuer's name, "Invoice No: ..." and "Date: ..." end its address; a customer label
    whose name is missing does not take the item table's headings for one."""
    cells: list[Cell] = [
        (60, 60, "Bright Tools Ltd"), (60, 76, "4 Mill Lane, Leeds LS1 4AB"),
        (60, 92, "Invoice No: BT-7781"), (60, 108, "Date: 12/03/2024"), (60, 140, "Bill to:"),
        (60, 170, "Description"), (330, 170, "Qty"), (400, 170, "Unit Price"), (480, 170, "Amount"),
        (60, 195, "Hammer"), (350, 195, "2"), (440, 195, "15.00"), (540, 195, "30.00"),
        (380, 240, "Total"), (540, 240, "30.00"),
    ]
    words, _ = render(cells, right={350.0, 440.0, 540.0})
    data = extract_invoice(words).data
    assert data["issuer"]["name"] == "Bright Tools Ltd" and data["issuer"]["address"] == "4 Mill Lane, Leeds LS1 4AB"
    assert data["customer"]["name"] is None
    assert data["invoice_number"] == "BT-7781" and data["total"] == D("30.00")


def test_a_currency_before_each_amount_is_not_the_description() -> None:
    cells: list[Cell] = [(60, 60, "Groenveld Consulting Inc."), (380, 80, "Invoice no: RE-77047"), (60, 100, "Date: 02/18/2025")]
    cells += [(60, 200, "Description"), (490, 200, "Line Total")]
    cells += [(60, 225, "Translation services"), (540, 225, "USD 2,126.43"),
              (60, 247, "On-site installation"), (540, 247, "USD 70.44")]
    cells += [(380, 290, "TOTAL"), (540, 290, "USD 2,196.87")]
    words, _ = render(cells, right={540.0})
    data = extract_invoice(words).data
    assert lines(data) == [("Translation services", None, None, D("2126.43")), ("On-site installation", None, None, D("70.44"))]
    assert data["currency"] == "USD" and data["total"] == D("2196.87")


def test_a_model_number_in_a_description_is_no_quantity() -> None:
    cells: list[Cell] = [(60, 60, "Pfeiffer & Riverstone Ltd"), (380, 80, "Invoice No. 4471"), (60, 100, "Date: 02/03/2025")]
    cells += [(60, 200, "Description"), (490, 200, "Line Total")]
    cells += [(60, 225, "Toner cartridge HP 26X"), (540, 225, "1,474.83"), (60, 247, "Photography session"), (540, 247, "1,886.89")]
    cells += [(380, 290, "Amount Due"), (540, 290, "3,361.72")]
    words, _ = render(cells, right={540.0})
    res = extract_invoice(words)
    assert lines(res.data) == [("Toner cartridge HP 26X", None, None, D("1474.83")), ("Photography session", None, None, D("1886.89"))]
    assert kit_issues(res, "invoice") == []


def test_an_unlabelled_date_is_not_read_out_of_the_invoice_number() -> None:
    """Page 2 of an invoice: the number in its header ("20251204-48"), the date printed with no label."""
    cells: list[Cell] = [(60, 60, "Quarzo Suministros S.A."), (380, 60, "Factura nº 20251204-48"), (380, 80, "02/10/2025")]
    cells += [(60, 200, "Concepto"), (330, 200, "Uds."), (480, 200, "Importe")]
    cells += [(60, 225, "Papel A4 80 g"), (350, 225, "8"), (540, 225, "5.919,20")]
    cells += [(380, 290, "Total a pagar"), (540, 290, "5.919,20 €")]
    words, _ = render(cells, right={350.0, 540.0})
    data = extract_invoice(words).data
    assert data["invoice_number"] == "20251204-48" and data["date"].isoformat() == "2025-10-02"


def test_a_marketplace_table_with_tax_columns_and_net_and_gross_amounts() -> None:
    """"No. Description | Unit Price | Qty | Net Amount | Tax Rate | Tax Type | Tax Amount | Total
    Amount": the line numbers have a column of their own though set close to "Description", the
    "VAT" of each line's tax type neither ends the table nor joins the description, and of the two
    amount columns the line's amount is the one quantity × price make (the net)."""
    cols = [("No.", 40), ("Description", 62), ("Unit Price", 230), ("Qty", 300), ("Net Amount", 330), ("Tax Rate", 400),
            ("Tax Type", 460), ("Tax Amount", 520), ("Total Amount", 590)]
    words = [Word("Wynorashop", 40, 20, 140, 34), Word("Invoice No.: BL-319837", 40, 60, 200, 74),
             Word("Invoice date: 12/04/2024", 40, 80, 210, 94)]
    words += [Word(t, x, 120, x + 6.0 * len(t), 132) for t, x in cols]
    lines = [("1", "USB-C cable 2 m, braided", "26.41", "3", "79.23", "23%", "VAT", "18.22", "97.45"),
             ("2", "Coffee mugs, set of 4", "61.79", "1", "61.79", "23%", "VAT", "14.21", "76.00")]
    for k, line in enumerate(lines):
        y = 140 + 16 * k
        words += [Word(t, x, y, x + 5.5 * len(t), y + 12) for t, (_, x) in zip(line, cols, strict=True)]
    words.append(Word("TOTAL:", 230, 180, 262, 192))
    words += [Word(t, x, 180, x + 5.5 * len(t), 192) for t, x in (("141.02", 330), ("32.43", 520), ("173.45", 590))]
    res = extract_invoice(words)
    assert [(ln["description"], ln["quantity"], ln["unit_price"], ln["amount"]) for ln in res.data["lines"]] == [
        ("USB-C cable 2 m, braided", D(3), D("26.41"), D("79.23")),
        ("Coffee mugs, set of 4", D(1), D("61.79"), D("61.79")),
    ]
    assert res.data["total"] == D("173.45")


def test_total_labels_set_under_their_amounts() -> None:
    """A gross-price invoice's totals stacked at the right, each amount over its small label
    ("450,62 €" over "Te betalen"): the stack starts with an amount and ends with a label, so each
    label's amount is the one above it, not the next one down."""
    cells: list[Cell] = [
        (60, 60, "Bolwerk Wonen B.V."), (380, 60, "Factuur F-2026-0311"), (380, 76, "Datum: 12-03-2026"),
        (60, 200, "Omschrijving"), (420, 200, "Aantal"), (540, 200, "Bedrag"),
        (60, 222, "RVS drinkfles 750 ml"), (430, 222, "1"), (540, 222, "26,52"),
        (60, 240, "LED bureaulamp met USB"), (430, 240, "1"), (540, 240, "417,20"),
        (540, 262, "6,90 €", 10.5), (540, 275, "Verzendkosten", 8),
        (540, 290, "450,62 €", 13.5), (540, 306, "Te betalen", 8),
        (540, 322, "76,52 €", 10.5), (540, 335, "waarvan btw 21%", 8),
        (540, 350, "373,30 €", 10.5), (540, 363, "Totaal excl. btw", 8),
        (60, 400, "Bedankt voor je bestelling."),
    ]
    data = extract_invoice(render(cells, right={430.0, 540.0})[0]).data
    assert data["total"] == D("450.62")


def test_a_stack_read_downwards_keeps_reading_downwards() -> None:
    """Labels over their amounts, the usual way: the amount under each label."""
    cells: list[Cell] = [
        (60, 60, "Bolwerk Wonen B.V."), (380, 60, "Factuur F-2026-0312"), (380, 76, "Datum: 12-03-2026"),
        (60, 200, "Omschrijving"), (540, 200, "Bedrag"), (60, 222, "LED bureaulamp"), (540, 222, "373,30"),
        (540, 250, "Totaal excl. btw", 8), (540, 264, "373,30 €"), (540, 280, "btw 21%", 8), (540, 294, "78,39 €"),
        (540, 310, "Te betalen", 8), (540, 324, "451,69 €"),
    ]
    data = extract_invoice(render(cells, right={540.0})[0]).data
    assert (data["total"], data["tax"]) == (D("451.69"), D("78.39"))


@pytest.mark.parametrize(
    ("between", "total"),
    [
        (["Applied balance", "−€1,286.95"], D("2730.94")),  # a credit balance settles part of the total
        (["Less deposit received", "-1,286.95"], D("2730.94")),
        (["Early payment discount", "-1,286.95"], D("1443.99")),  # a discount is no settling: the amount due stands
    ],
)
def test_what_settles_part_of_the_total_is_no_part_of_it(between: list[str], total: D) -> None:
    """"Total 2,730.94 / Applied balance −1,286.95 / Amount due 1,443.99": the invoice is for its
    total; a payment, deposit or credit applied after it leaves the amount due, which is not."""
    cells: list[Cell] = [
        (60, 60, "Cloudlane Software Ltd"), (380, 60, "Invoice INV-96210"), (380, 76, "Date: 24 June 2026"),
        (60, 200, "Description"), (540, 200, "Amount"), (60, 222, "Team plan, 25 seats"), (540, 222, "2,508.33"),
        (300, 260, "Subtotal"), (540, 260, "2,508.33"), (300, 274, "Sales tax (8.875%)"), (540, 274, "222.61"),
        (300, 288, "Total (EUR)"), (540, 288, "€2,730.94"), (300, 302, between[0]), (540, 302, between[1]),
        (300, 316, "Amount due (EUR)"), (540, 316, "€1,443.99"),
    ]
    assert extract_invoice(render(cells, right={540.0})[0]).data["total"] == total


def test_a_label_and_its_value_left_of_a_total_are_another_field() -> None:
    """A Mexican CFDI's totals share their rows with the payment terms ("Forma de pago: 03 -
    Transferencia ... Total $ 101,315.10"): the payment's words ("pago") are no reason to pass the total by."""
    cells: list[Cell] = [
        (60, 60, "Soluciones Norte S.A. de C.V."), (380, 60, "Factura A-72012"), (380, 76, "Fecha: 13/07/2025"),
        (60, 200, "Descripción"), (540, 200, "Importe"), (60, 222, "Servicio de consultoría"), (540, 222, "87,340.60"),
        (360, 250, "Subtotal"), (540, 250, "$ 87,340.60"), (360, 264, "IVA 16%"), (540, 264, "$ 13,974.50"),
        (60, 278, "Forma de pago:"), (110, 278, "03 - Transferencia electrónica de fondos"),
        (360, 278, "Total"), (540, 278, "$ 101,315.10"),
    ]
    assert extract_invoice(render(cells, right={540.0})[0]).data["total"] == D("101315.10")


def test_a_grid_of_totals_pairs_each_label_with_its_column_s_value() -> None:
    """"SUBTOTAAL  TOESLAG  BTW 21%  TOTAAL (EUR)" over a row of four amounts, each set right in its
    column (so not under its label's words): the k-th label's value is the k-th amount."""
    cells: list[Cell] = [
        (60, 60, "Bolwerk Wonen B.V."), (380, 60, "Factuur F-2026-0313"), (380, 76, "Datum: 12-03-2026"),
        (60, 200, "Omschrijving"), (540, 200, "Bedrag"), (60, 222, "Nitril handschoenen"), (540, 222, "2.440,75"),
        (44, 260, "SUBTOTAAL", 7.5), (173, 260, "TOESLAG", 7.5), (302, 260, "BTW 21%", 7.5), (430, 260, "TOTAAL (EUR)", 7.5),
        (159, 276, "2.440,75", 11), (287, 276, "26,68", 11), (416, 276, "518,16", 11), (545, 276, "2.985,59", 12.5),
        (36, 310, "Bedankt voor uw opdracht."),
    ]
    data = extract_invoice(render(cells, right={159.0, 287.0, 416.0, 540.0, 545.0})[0]).data
    assert (data["total"], data["tax"]) == (D("2985.59"), D("518.16"))


def test_a_summary_table_s_line_total_column_is_no_total() -> None:
    """A lawyer's timekeeper summary after the totals, headed "Timekeeper  Time  Rate  Line Total":
    the amounts under "Line Total" are a column's, not the invoice's total."""
    cells: list[Cell] = [
        (60, 60, "Whitmore Castell LLP"), (380, 60, "Invoice No.: 2026-118"), (380, 76, "Date: 31/07/2026"),
        (60, 200, "Narrative"), (400, 200, "Time"), (540, 200, "Line Total"),
        (60, 222, "Prepare first draft of witness statement"), (400, 222, "3.0"), (540, 222, "1,275.00"),
        (60, 240, "Telephone conference with client"), (400, 240, "0.2"), (540, 240, "85.00"),
        (300, 270, "Sub-total"), (540, 270, "1,360.00"), (300, 284, "VAT 20%"), (540, 284, "272.00"),
        (300, 298, "TOTAL"), (540, 298, "£1,632.00"),
        (60, 330, "Timekeeper summary"), (60, 346, "Timekeeper"), (300, 346, "Time"), (400, 346, "Rate"), (540, 346, "Line Total"),
        (60, 362, "RWM"), (300, 362, "3.20"), (400, 362, "425.00"), (540, 362, "1,360.00"),
        (60, 378, "TNB"), (300, 378, "0.00"), (400, 378, "165.00"), (540, 378, "0.00"),
    ]
    assert extract_invoice(render(cells, right={540.0})[0]).data["total"] == D("1632.00")


@pytest.mark.parametrize(
    ("number_label", "number", "date_label", "date", "due_label", "iso"),
    [
        ("Nomor Faktur:", "FKT-26079548", "Tanggal:", "29 Agustus 2025", "Jumlah Tagihan", "2025-08-29"),  # Indonesian
        ("No. Invois:", "INV-2025-0042", "Tarikh Invois:", "11/04/2026", "Jumlah Besar", "2026-04-11"),  # Malay
        ("Số:", "00008032", "Ngày lập:", "Ngày 11 tháng 04 năm 2026", "Tổng tiền thanh toán", "2026-04-11"),  # Vietnamese
        ("No. Nota Kredit:", "CN007909", "Tarikh:", "03-04-2025", "Jumlah Besar", "2025-04-03"),  # a Malay credit note
    ],
)
def test_indonesian_malay_and_vietnamese_labels(number_label: str, number: str, date_label: str, date: str,
                                                due_label: str, iso: str) -> None:
    words = [
        ocr_line("Setia Teknik Sdn Bhd", 40, 40, 300), ocr_line(number_label, 600, 80, 800), ocr_line(number, 820, 80, 980),
        ocr_line(date_label, 600, 110, 800), ocr_line(date, 820, 110, 1000),
        ocr_line("Deskripsi", 40, 200, 160), ocr_line("Jumlah", 900, 200, 1000),
        ocr_line("Cetak brosur A5", 40, 230, 240), ocr_line("1.546.000", 900, 230, 1000),
        ocr_line("PPN 11%", 600, 280, 700), ocr_line("170.060", 920, 280, 1000),
        ocr_line(due_label, 600, 310, 840), ocr_line("1.716.060", 900, 310, 1000),
    ]
    data = extract_invoice(words).data
    assert (data["invoice_number"], str(data["date"]), data["total"], data["tax"]) == (number, iso, D("1716060"), D("170060"))


@pytest.mark.parametrize(
    ("title", "label", "extra"),
    [
        ("FACTURE", "Numéro:", []),  # the number word alone under a title that names the document
        ("FACTURA", "NÚMERO", []),  # a grid's heading over its value
        # a fiscal device's "CU Invoice No." is another number than the invoice's
        ("TAX INVOICE", "No.:", [("CU INVOICE NO.", "0684793257662554701")]),
    ],
)
def test_a_bare_number_label_under_a_title(title: str, label: str, extra: list[tuple[str, str]]) -> None:
    words = [ocr_line("Athi Supplies Limited", 40, 40, 330), ocr_line(title, 700, 40, 900)]
    if label.endswith(":"):
        words += [ocr_line(label, 600, 80, 720), ocr_line("26-70253", 760, 80, 900)]
    else:
        words += [ocr_line(label, 600, 80, 720), ocr_line("26-70253", 600, 105, 720)]
    for k, (lab, value) in enumerate(extra):
        words += [ocr_line(lab, 40, 140 + 30 * k, 300), ocr_line(value, 40, 165 + 30 * k, 400)]
    words += [
        ocr_line("Date: 2026-01-28", 600, 180, 800),
        ocr_line("Description", 40, 240, 200), ocr_line("Amount", 900, 240, 1000),
        ocr_line("Annual software support plan", 40, 270, 400), ocr_line("948.57", 920, 270, 1000),
        ocr_line("Total", 700, 320, 800), ocr_line("948.57", 920, 320, 1000),
    ]
    assert extract_invoice(words).data["invoice_number"] == "26-70253"


def test_issuer_after_its_label_in_one_cell_and_labels_are_no_names() -> None:
    """A Vietnamese VAT invoice: "Đơn vị bán hàng: Công ty Cổ phần Thiết bị Minh Phát" (the seller's
    label and name in one cell, a name of eight words beginning with its legal form), and labels
    whose values follow them ("Ký hiệu:", "Mã số thuế: 5373703985") are no names."""
    words = [
        ocr_line("HÓA ĐƠN BÁN HÀNG", 300, 40, 600), ocr_line("Ký hiệu:", 700, 40, 790), ocr_line("1C25TAN", 820, 40, 920),
        ocr_line("Số:", 700, 70, 740), ocr_line("00008032", 820, 70, 920),
        ocr_line("Đơn vị bán hàng: Công ty Cổ phần Thiết bị Minh Phát", 40, 130, 520),
        ocr_line("Địa chỉ: Số 12 Nguyễn Huệ, Quận Cầu Giấy, Hà Nội", 40, 155, 500),
        ocr_line("Mã số thuế: 5373703985", 40, 180, 300),
        ocr_line("Đơn vị mua hàng: CÔNG TY TNHH THIẾT BỊ THÀNH CÔNG", 40, 215, 540),
        ocr_line("Tên hàng hóa", 40, 260, 200), ocr_line("Thành tiền", 900, 260, 1000),
        ocr_line("Giấy in A4", 40, 290, 200), ocr_line("92.300", 930, 290, 1000),
        ocr_line("Tổng tiền thanh toán", 600, 330, 840), ocr_line("92.300", 930, 330, 1000),
    ]
    data = extract_invoice(words).data
    assert (data["issuer"]["name"], data["invoice_number"]) == ("Công ty Cổ phần Thiết bị Minh Phát", "00008032")



def test_a_vietnamese_item_table_with_its_columns_numbered() -> None:
    """Headings of several words none of which heads a column alone ("Tên hàng hóa", "Thành tiền"),
    a row numbering the columns under them ("A  B  C  1  2  3 = 1 x 2"), and amounts without cents
    whose points group thousands ("92.300")."""
    cols = [("STT", 40), ("Tên hàng hóa", 80), ("Đơn vị tính", 560), ("Số lượng", 680), ("Đơn giá", 780), ("Thành tiền", 900)]
    words = [ocr_line("HÓA ĐƠN BÁN HÀNG", 300, 40, 600), ocr_line("Số:", 700, 70, 740), ocr_line("00008032", 820, 70, 920),
             ocr_line("Ngày lập: 19/05/2025", 700, 100, 950)]
    words += [ocr_line(t, x, 200, x + 9 * len(t)) for t, x in cols]
    words += [ocr_line(t, x, 225, x + 12) for t, (_, x) in zip(["A", "B", "C", "1", "2", "3 = 1 x 2"], cols, strict=True)]
    rows = [("1", "Giấy in A4 Double A 80gsm", "ram", "1", "92.300", "92.300"),
            ("2", "Dịch vụ vệ sinh văn phòng", "tháng", "2", "4.280.000", "8.560.000")]
    for k, row in enumerate(rows):
        words += [ocr_line(t, x, 255 + 30 * k, x + 9 * len(t)) for t, (_, x) in zip(row, cols, strict=True)]
    words += [ocr_line("Tổng tiền thanh toán", 600, 330, 840), ocr_line("8.652.300", 900, 330, 990)]
    data = extract_invoice(words).data
    assert lines(data) == [("Giấy in A4 Double A 80gsm", D(1), D("92300"), D("92300")),
                           ("Dịch vụ vệ sinh văn phòng", D(2), D("4280000"), D("8560000"))]
    assert data["total"] == D("8652300")


def test_a_two_word_heading_is_one_column() -> None:
    """"Harga Satuan" (unit price) heads one price column, though "Satuan" alone heads a unit's."""
    cells: list[Cell] = [
        (60, 60, "PT Jaya Mitra"), (380, 60, "Nomor Faktur: 99336"), (380, 76, "Tanggal: 31/10/2025"),
        (60, 200, "Deskripsi"), (330, 200, "Banyaknya"), (400, 200, "Harga Satuan"), (480, 200, "Jumlah (Rp)"),
        (60, 222, "Cetak brosur A5 full color"), (384, 222, "1"), (464, 222, "546.000"), (540, 222, "546.000"),
        (60, 240, "Sarung tangan nitril ukuran L"), (384, 240, "12"), (464, 240, "161.000"), (540, 240, "1.932.000"),
        (430, 270, "JUMLAH TAGIHAN"), (540, 284, "Rp 2.478.000"),
    ]
    data = extract_invoice(render(cells, right={384.0, 464.0, 540.0})[0]).data
    assert lines(data) == [("Cetak brosur A5 full color", D(1), D("546000"), D("546000")),
                           ("Sarung tangan nitril ukuran L", D(12), D("161000"), D("1932000"))]


@pytest.mark.parametrize(
    ("title", "label", "number"),
    [("QUOTATION", "Quotation #:", "AN-2026-6305"),  # a quotation's own number
     ("Facture RG23-2203", "", "RG23-2203")],  # an invoice citing a quotation ("selon devis n° 6790")
)
def test_a_quotation_s_number_only_on_a_quotation(title: str, label: str, number: str) -> None:
    words = [
        ocr_line("Aurélie Perrin Conseil SARL", 40, 40, 330), ocr_line(title, 700, 40, 900),
        *([ocr_line(label, 600, 80, 760), ocr_line(number, 780, 80, 960)] if label else []),
        ocr_line("Date: 10/05/2023", 600, 110, 800),
        ocr_line("Prestation", 40, 240, 200), ocr_line("Montant", 900, 240, 1000),
        ocr_line("Animation d'atelier (demi-journée), selon devis n° 6790", 40, 270, 700), ocr_line("1100,00", 900, 270, 1000),
        ocr_line("Total", 700, 320, 800), ocr_line("1100,00", 900, 320, 1000),
    ]
    assert extract_invoice(words).data["invoice_number"] == number


def test_a_heading_on_three_lines_and_a_bilingual_total_under_the_table() -> None:
    """"Total" / "(Incl." / "VAT)" heads one column over three lines, the third as close to the
    second as it to the first: the table starts under it (not at "VAT)", read as a tax's label).
    "Total (Excl. VAT)" with its Arabic translation beside it totals the table, no group of it."""
    words = [ocr_line("Gulf Trading Co. LLC", 40, 40, 300), ocr_line("TAX INVOICE", 700, 40, 900),
             ocr_line("Invoice No.", 600, 80, 720), ocr_line("TI/26/1187", 780, 80, 920),
             ocr_line("Invoice Date", 600, 110, 720), ocr_line("25-Jan-2026", 780, 110, 920)]
    heads = [("S.No", 40), ("Description", 100), ("Qty", 500), ("Unit Price", 560), ("Taxable", 680), ("VAT %", 780),
             ("VAT", 860), ("Total", 940)]
    words += [ocr_line(t, x, 200, x + 10 * len(t)) for t, x in heads]
    words += [ocr_line("Amount", 680, 222, 750), ocr_line("Amount", 860, 222, 930), ocr_line("(Incl.", 940, 222, 1000)]
    words += [ocr_line("VAT)", 940, 244, 985)]
    rows = [("1", "Cement OPC 50 kg bag", "10", "15.95", "159.50", "15%", "23.93", "183.43"),
            ("2", "Steel rebar 12 mm (per ton)", "1", "2,650.00", "2,650.00", "15%", "397.50", "3,047.50")]
    for k, row in enumerate(rows):
        words += [ocr_line(t, x, 280 + 30 * k, x + 10 * len(t)) for t, (_, x) in zip(row, heads, strict=True)]
    words += [ocr_line("Total (Excl. VAT)", 500, 360, 680), ocr_line("الإجمالي غير شامل الضريبة", 700, 360, 880),
              ocr_line("2,809.50", 940, 360, 1020),
              ocr_line("VAT Amount (15%)", 500, 390, 680), ocr_line("421.43", 940, 390, 1010),
              ocr_line("Total (Incl. VAT)", 500, 420, 680), ocr_line("SR 3,230.93", 930, 420, 1040)]
    data = extract_invoice(words).data
    assert lines(data) == [("Cement OPC 50 kg bag", D(10), D("15.95"), D("159.50")),
                           ("Steel rebar 12 mm (per ton)", D(1), D("2650.00"), D("2650.00"))]


def test_a_german_compound_heading_names_the_items_text() -> None:
    """"Artikelbezeichnung", "Leistungsbeschreibung", "Artikelname": compounds of a description's
    heading words head the items' text."""
    for heading in ("Artikelbezeichnung", "Leistungsbeschreibung", "Artikelname"):
        cells: list[Cell] = [
            (60, 60, "Vogel & Hartmann KG"), (380, 60, "Rechnung Nr. RE-4471"), (380, 76, "Datum: 12.11.2026"),
            (60, 200, "Pos."), (90, 200, heading), (330, 200, "Menge"), (400, 200, "Preis"), (480, 200, "Gesamt"),
            (60, 222, "1"), (90, 222, "Softwarelizenz Jahresabonnement"), (350, 222, "3"), (440, 222, "75,00"), (540, 222, "225,00"),
            (60, 240, "2"), (90, 240, "Installation Netzwerk"), (350, 240, "1"), (440, 240, "120,00"), (540, 240, "120,00"),
            (380, 280, "Gesamtbetrag"), (540, 280, "345,00"),
        ]
        data = extract_invoice(render(cells, right={350.0, 440.0, 540.0})[0]).data
        assert lines(data) == [("Softwarelizenz Jahresabonnement", D(3), D("75.00"), D("225.00")),
                               ("Installation Netzwerk", D(1), D("120.00"), D("120.00"))], heading


def test_items_printed_as_records_of_labels_and_values() -> None:
    """An e-invoice viewer's positions: each a block of label/value rows (name, quantity, price,
    line amount, VAT rate), no table heading; the totals' rows under them are no items."""
    cells: list[Cell] = [(60, 60, "Lindner Systemhaus GmbH"), (380, 60, "Rechnungsnummer"), (480, 60, "RE-20417"),
                         (380, 76, "Rechnungsdatum"), (480, 76, "2026-11-12"), (60, 130, "Rechnungspositionen")]
    y = 150
    for k, (name, qty, price, amount) in enumerate([("Softwarelizenz Jahresabonnement", "5 H87", "120.50", "602.50"),
                                                    ("Beratungsleistung (Std.)", "4 HUR", "120.90", "483.60")]):
        cells.append((60, y, f"Position {k + 1}"))
        for label, value in (("Artikelname", name), ("Menge", qty), ("Preis pro Einheit (netto)", price),
                             ("Gesamtpreis (netto)", amount), ("Umsatzsteuersatz", "19 %")):
            y += 16
            cells += [(60, y, label), (300, y, value)]
        y += 24
    cells += [(60, y, "Gesamtsumme (netto)"), (300, y, "1086.10"), (60, y + 16, "Summe Umsatzsteuer"), (300, y + 16, "206.36"),
              (60, y + 32, "Gesamtsumme (brutto)"), (300, y + 32, "1292.46"), (60, y + 48, "Fälliger Betrag"), (300, y + 48, "1292.46")]
    data = extract_invoice(render(cells)[0]).data
    assert lines(data) == [("Softwarelizenz Jahresabonnement", D(5), D("120.50"), D("602.50")),
                           ("Beratungsleistung (Std.)", D(4), D("120.90"), D("483.60"))]
    assert data["total"] == D("1292.46")


def test_sr_no_heads_the_line_numbers_read_in_one_box_with_the_text() -> None:
    """"Sr." before "Item Description" in one OCR box heads the lines' numbers, which OCR boxes
    with each line's text: no part of it."""
    words = [*ocr_head(), ocr_line("Sr. Item Description", 40, 160, 330), ocr_line("Qty", 560, 160, 600),
             ocr_line("Rate", 700, 160, 750), ocr_line("Amount", 900, 160, 990)]
    for k, (text, qty, rate, amount) in enumerate([("Ergonomic office chair, mesh back", "2", "715.00", "1,430.00"),
                                                   ("Office cleaning services", "3", "350.00", "1,050.00")]):
        y = 195 + 30 * k
        words += [ocr_line(f"{k + 1} {text}", 40, y, 480), ocr_line(qty, 575, y, 590), ocr_line(rate, 690, y, 760),
                  ocr_line(amount, 900, y, 990)]
    words += [ocr_line("Total", 700, 280, 760), ocr_line("2,480.00", 900, 280, 990)]
    assert lines(extract_invoice(words).data) == [("Ergonomic office chair, mesh back", D(2), D("715.00"), D("1430.00")),
                                                  ("Office cleaning services", D(3), D("350.00"), D("1050.00"))]


@pytest.mark.parametrize("first", [1, 10])
def test_lines_counted_without_a_heading_of_their_own(first: int) -> None:
    """Lines numbered 1, 2, 3 (or 10, 20, 30) under a description's heading with no position
    heading: the numbers count the lines and are no part of their texts."""
    cells: list[Cell] = [(60, 60, "Fjarðartækni ehf."), (380, 60, "Reikningur nr. 2026-118"), (380, 76, "Dagsetning: 05.12.2026"),
                         (60, 200, "Lýsing"), (330, 200, "Magn"), (400, 200, "Verð"), (480, 200, "Upphæð")]
    for k, (text, qty, price, amount) in enumerate([("Hugbúnaðarleyfi", "2", "12.000", "24.000"), ("Akstur", "1", "8.400", "8.400"),
                                                    ("Uppsetning netbúnaðar", "3", "5.000", "15.000")]):
        y = 222 + 18 * k
        cells += [(60, y, f"{first * (k + 1)} {text}"), (350, y, qty), (440, y, price), (540, y, amount)]
    cells += [(380, 300, "Til greiðslu"), (540, 300, "47.400 ISK")]
    data = extract_invoice(render(cells, right={350.0, 440.0, 540.0})[0]).data
    assert [ln[0] for ln in lines(data)] == ["Hugbúnaðarleyfi", "Akstur", "Uppsetning netbúnaðar"]
    assert [ln[3] for ln in lines(data)] == [D(24000), D(8400), D(15000)]


def test_a_bilingual_title_is_no_issuer() -> None:
    """"FACTURE / INVOICE" set large at the top is the document's title in two languages, no name."""
    words = [Word("FACTURE / INVOICE", 40, 20, 420, 60, 0.99, "ocr"),
             ocr_line("Harbourline Plumbing Ltd.", 40, 80, 300), ocr_line("1875 rue Sainte-Catherine O.", 40, 105, 330),
             ocr_line("Montréal (Québec) H3G 1P1", 40, 130, 320),
             ocr_line("No de facture / Invoice No. 985285", 600, 80, 960), ocr_line("Date: 27/05/2026", 600, 105, 800),
             ocr_line("Description", 40, 220, 200), ocr_line("Montant / Amount", 860, 220, 1000),
             ocr_line("Annual software support plan", 40, 250, 400), ocr_line("948,57", 920, 250, 1000),
             ocr_line("Total CAD", 700, 300, 800), ocr_line("948,57 $", 900, 300, 1000)]
    assert extract_invoice(words).data["issuer"]["name"] == "Harbourline Plumbing Ltd."


def test_a_payment_section_s_heading_is_no_issuer_and_cc_is_a_legal_form() -> None:
    """The issuer printed only in the footer, over its sender line, below a "Payment details"
    heading whose bank lines look like an address; a South African close corporation's "CC" ends
    its name."""
    words = [Word("HIGHVELD", 40, 20, 300, 70, 0.99, "ocr"), ocr_line("TAX INVOICE", 700, 30, 900),
             ocr_line("Invoice No. 2025-8942", 600, 90, 900), ocr_line("Date 4 May 2025", 600, 120, 900),
             ocr_line("Bill To", 40, 160, 120), ocr_line("Karoo Agri Supplies", 40, 190, 300),
             ocr_line("276 Church Street", 40, 220, 300), ocr_line("Pretoria, 0002", 40, 250, 300),
             ocr_line("Description", 40, 300, 200), ocr_line("Amount (ZAR)", 860, 300, 1000),
             ocr_line("Call-out fee", 40, 330, 200), ocr_line("123.96", 920, 330, 1000),
             ocr_line("Total (Incl. VAT)", 600, 380, 800), ocr_line("R123.96", 910, 380, 1000),
             ocr_line("Payment details", 40, 430, 260), ocr_line("FNB Branch code 250655 Account no. 62116002661", 40, 460, 600),
             ocr_line("Highveld Security CC", 40, 520, 280),
             ocr_line("842 Church Street · Pretoria, 0002 · Tel. +27 21 342 9545", 40, 550, 700)]
    data = extract_invoice(words).data
    assert (data["issuer"]["name"], data["total"]) == ("Highveld Security CC", D("123.96"))


def test_an_e_mail_s_header_and_letter_are_no_invoice_fields() -> None:
    """An invoice printed from a mail program: the header's "Date:" is when the message was sent,
    "Dear Hannah," greets a person, the name under "Kind regards," is the writer's; the company is
    the signature's part with a legal form, the date the invoice's own."""
    cells: list[Cell] = [
        (40, 40, "From:"), (110, 40, "Noah Prescott <billing@juniper.example>"),
        (40, 54, "Date:"), (110, 54, "Tue, 27 Jan 2026 10:58:50 +0000"),
        (40, 68, "To:"), (110, 68, "Hannah Albrecht <hannah@kowalski.example>"),
        (40, 82, "Subject:"), (110, 82, "Invoice INV-56477"),
        (40, 120, "Dear Hannah,"), (40, 136, "Please find our invoice INV-56477 below; it is due by 03/02/2026."),
        (40, 160, "Kind regards,"), (40, 174, "Noah Prescott"), (40, 188, "Accounts Receivable | Juniper Systems Inc."),
        (40, 240, "INVOICE"), (40, 256, "Invoice No. INV-56477"), (40, 270, "Invoice Date: 20/01/2026"),
        (40, 320, "Description"), (330, 320, "Qty"), (400, 320, "Price"), (480, 320, "Amount"),
        (40, 340, "Extension cable 25 m reel"), (350, 340, "5"), (440, 340, "48.00"), (540, 340, "240.00"),
        (380, 380, "Total"), (540, 380, "240.00"),
    ]
    data = extract_invoice(render(cells, right={350.0, 440.0, 540.0})[0]).data
    assert (data["issuer"]["name"], str(data["date"]), data["invoice_number"]) == ("Juniper Systems Inc.", "2026-01-20", "INV-56477")


def test_a_net_amount_under_the_taxes_is_the_total_and_the_line_s_net_before_its_tax() -> None:
    """An Indian distributor's invoice: each line's taxable value, its GST columns, then the gross
    amount (the line's amount is the taxable value: qty × rate less the discount makes neither);
    the GST summary ends the items; "NET AMOUNT" under CGST and SGST is the amount to pay."""
    heads = [(40, "Product Name"), (215, "Rate"), (260, "Qty"), (295, "Disc%"), (340, "Taxable"), (390, "GST%"),
             (425, "CGST"), (465, "SGST"), (510, "Amount")]
    cells: list[Cell] = [(40, 40, "Navkar Healthcare Distributors Pvt. Ltd."), (330, 60, "Invoice No.: SK24783"),
                         (330, 74, "Invoice Date: 12-09-2026"), *((x, 120, t, 8) for x, t in heads)]
    rows = [("Diclofenac Gel 30 g", "61.43", "30", "7.50", "1,704.68", "12", "102.28", "102.28", "1,909.24"),
            ("Cefixime 200 mg Tab", "77.86", "2", "7.50", "144.04", "12", "8.64", "8.64", "161.32")]
    for k, row in enumerate(rows):
        cells += [(x + (24 if n else 0), 136 + 14 * k, t, 8) for n, ((x, _), t) in enumerate(zip(heads, row, strict=True))]
    cells += [(40, 180, "GST Summary", 8), (330, 180, "Gross Amount", 8), (550, 180, "1,998.66", 8),
              (40, 194, "12%", 8), (100, 194, "1,848.72", 8), (330, 194, "Taxable Value", 8), (550, 194, "1,848.72", 8),
              (330, 208, "Add: CGST", 8), (550, 208, "110.92", 8), (330, 222, "Add: SGST", 8), (550, 222, "110.92", 8),
              (330, 236, "Round Off", 8), (550, 236, "-0.56", 8), (330, 254, "NET AMOUNT", 8), (550, 254, "2,070.00", 8)]
    right = {x + 24.0 for x, _ in heads[1:]} | {550.0}
    data = extract_invoice(render(cells, right=right)[0]).data
    assert lines(data) == [("Diclofenac Gel 30 g", D(30), D("61.43"), D("1704.68")), ("Cefixime 200 mg Tab", D(2), D("77.86"), D("144.04"))]
    assert data["total"] == D("2070.00")


def test_columns_headed_in_words_of_no_role_are_no_part_of_the_text() -> None:
    """"Pack", "Batch" and "Exp." head columns of their own between the product's name and its
    numbers; a long name running on under "Pack" began under its own heading and stays whole."""
    cells: list[Cell] = [(60, 60, "Navkar Healthcare Pvt. Ltd."), (380, 60, "Invoice No.: SK24790"), (380, 76, "Date: 12-09-2026"),
                         (60, 200, "Product Name"), (230, 200, "Pack"), (280, 200, "Batch"), (330, 200, "Exp."),
                         (400, 200, "Qty"), (450, 200, "Rate"), (510, 200, "Amount"),
                         (60, 222, "Cefixime 200 mg Tab"), (230, 222, "10x10"), (280, 222, "K96480"), (330, 222, "07/27"),
                         (420, 222, "2"), (480, 222, "77.86"), (545, 222, "155.72"),
                         (60, 240, "Amoxicillin and Clavulanic Acid 625"), (280, 240, "T27942"), (330, 240, "03/28"),
                         (420, 240, "1"), (480, 240, "153.50"), (545, 240, "153.50"),
                         (380, 280, "Total"), (545, 280, "309.22")]
    data = extract_invoice(render(cells, right={420.0, 480.0, 545.0})[0]).data
    assert [ln[0] for ln in lines(data)] == ["Cefixime 200 mg Tab", "Amoxicillin and Clavulanic Acid 625"]


def test_a_total_in_another_currency_is_an_equivalent() -> None:
    """"Total CAD 1,750.80" then "Total USD 1,280.18" at an exchange rate: the invoice's total is
    the one in its own currency, though the equivalent is printed last."""
    words = [*ocr_head(), ocr_line("Item", 40, 160, 120), ocr_line("Amount", 900, 160, 990),
             ocr_line("27 inch monitor", 40, 190, 300), ocr_line("1,666.00", 900, 190, 990),
             ocr_line("Subtotal CAD", 600, 240, 760), ocr_line("1,666.00", 900, 240, 990),
             ocr_line("GST 5%", 600, 270, 700), ocr_line("84.80", 920, 270, 990),
             ocr_line("Total CAD", 600, 300, 720), ocr_line("1,750.80", 900, 300, 990),
             ocr_line("Total USD", 600, 330, 720), ocr_line("1,280.18", 900, 330, 990),
             ocr_line("(1 CAD = 0.7312 USD)", 600, 360, 860)]
    data = extract_invoice(words).data
    assert (data["total"], data["currency"]) == (D("1750.80"), "CAD")


def test_a_name_beside_a_label_alone_in_its_cell() -> None:
    """An invoice book's form: "M/s." (messrs) alone, the buyer's name set beside it; the seller's
    name over the form, though "Centre" reads as an address's word."""
    cells: list[Cell] = [(60, 40, "ALDER & FINCH GARDEN CENTRE PTY LTD", 13), (60, 60, "12 Industrial Ave, Wollongong NSW 2500"),
                         (380, 80, "No. 038114"), (60, 100, "TAX INVOICE"), (60, 120, "Date"), (120, 120, "17/6/26"),
                         (60, 140, "M/s."), (110, 140, "Granite Peak Property Services"), (110, 156, "111 Church Lane"),
                         (60, 200, "Qty"), (100, 200, "Particulars"), (400, 200, "Rate"), (480, 200, "Amount"),
                         (80, 222, "6"), (100, 222, "Silicone sealant"), (440, 222, "6.90"), (540, 222, "41.40"),
                         (380, 260, "Total"), (540, 260, "41.40")]
    data = extract_invoice(render(cells, right={80.0, 440.0, 540.0})[0]).data
    assert (data["issuer"]["name"], data["customer"]["name"]) == ("ALDER & FINCH GARDEN CENTRE PTY LTD", "Granite Peak Property Services")


def test_a_browser_s_print_header_and_footer_are_no_invoice_fields() -> None:
    """A page printed from a browser: its first line says when it was printed and the page's
    title, its last the page's address and "1/1"; the seller is named in the page's own footer."""
    cells: list[Cell] = [(30, 20, "28.12.2026, 09:41", 7), (330, 20, "Northwind Market Orders", 7),
                         (60, 60, "INVOICE"), (380, 60, "Invoice #: INV-036507"), (380, 76, "Calgary, 23 December 2026"),
                         (60, 200, "Description"), (480, 200, "Amount"),
                         (60, 222, "Shredder P-4 cross cut 20 l"), (540, 222, "240.00"),
                         (380, 260, "Total"), (540, 260, "240.00"),
                         (60, 780, "Northwind Packaging Ltd. · 186 Stephen Ave SW · Calgary AB T2P 1J9"),
                         (30, 820, "https://www.northwind.example/account/orders/957908780/invoice?print=1", 7), (540, 820, "1/1", 7)]
    data = extract_invoice(render(cells, right={540.0})[0]).data
    assert (str(data["date"]), data["issuer"]["name"]) == ("2026-12-23", "Northwind Packaging Ltd.")


def test_an_amount_inside_a_letter_s_sentence_is_no_item() -> None:
    """"The amount of $901.34 is due by 03/02/2026.": a sentence of the covering letter, no line."""
    cells: list[Cell] = [(60, 60, "Juniper Systems Inc."), (60, 100, "Invoice INV-56477"),
                         (60, 130, "Please find attached our invoice INV-56477. The amount of $901.34 is due by 03/02/2026.")]
    assert extract_invoice(render(cells)[0]).data["lines"] == []


def test_an_export_invoice_s_shipper_and_consignee() -> None:
    """A commercial invoice for export: the shipper (exporter) is the seller, the consignee and the
    notify party are other parties, both with legal forms and addresses of their own."""
    cells: list[Cell] = [(60, 40, "COMMERCIAL INVOICE"), (60, 70, "Shipper / Exporter"), (330, 70, "Invoice No.: CI376308"),
                         (60, 84, "Qingdao Everbright Textile Co., Ltd."), (330, 84, "Invoice Date: Aug 19, 2026"),
                         (60, 98, "No. 88 Jiangnan Road, Ningbo 315800, China"),
                         (60, 126, "Consignee"), (60, 140, "Mercado Andino S.A.C."), (60, 154, "Av. Javier Prado Este 4200, Lima, Peru"),
                         (60, 182, "Notify Party"), (60, 196, "Kestrel Distribution Ltd"), (60, 210, "Unit 7, Thames Gateway Park, Dagenham"),
                         (60, 250, "Description of Goods"), (480, 250, "Amount (EUR)"),
                         (60, 272, "Cotton poplin fabric, dyed"), (540, 272, "29,904.80"),
                         (380, 310, "Total FOB Qingdao"), (540, 310, "29,904.80")]
    data = extract_invoice(render(cells, right={540.0})[0]).data
    assert (data["issuer"]["name"], data["customer"]["name"]) == ("Qingdao Everbright Textile Co., Ltd.", "Mercado Andino S.A.C.")


def test_a_japanese_qualified_invoice() -> None:
    """請求書: its number and date by their labels, the addressee before "御中" the customer (no
    issuer), the issuer a name that begins with its legal form, the items under 品名 / 数量 / 単価 /
    金額 (two headings OCR boxed as one: "金額税率"), yen without decimals."""
    words = [ocr_line("請求書", 40, 20, 160), ocr_line("請求番号", 600, 60, 700), ocr_line("33280", 760, 60, 840),
             ocr_line("株式会社中央物流 御中", 40, 90, 330), ocr_line("請求日", 600, 90, 680), ocr_line("2026/09/28", 760, 90, 900),
             ocr_line("株式会社東和テクノ", 600, 150, 820), ocr_line("東京都千代田区丸の内1-2-3", 600, 180, 900),
             ocr_line("品名", 40, 260, 100), ocr_line("数量", 500, 260, 560), ocr_line("単価", 650, 260, 710),
             ocr_line("金額税率", 850, 260, 990),
             ocr_line("トナーカートリッジ 黒", 40, 290, 300), ocr_line("2", 540, 290, 555), ocr_line("8,800", 660, 290, 720),
             ocr_line("17,600 10%", 850, 290, 990),
             ocr_line("ミネラルウォーター 2L 6本 ※", 40, 320, 360), ocr_line("3", 540, 320, 555), ocr_line("780", 680, 320, 720),
             ocr_line("2,340", 850, 320, 920), ocr_line("8%", 950, 320, 990),
             ocr_line("合計", 600, 380, 660), ocr_line("¥21,814", 850, 380, 960),
             ocr_line("※は軽減税率(8%)対象商品です。", 40, 420, 500)]
    data = extract_invoice(words).data
    assert (data["invoice_number"], str(data["date"]), data["issuer"]["name"]) == ("33280", "2026-09-28", "株式会社東和テクノ")
    assert (data["total"], data["currency"]) == (D(21814), "JPY")
    assert [ln[3] for ln in lines(data)] == [D(17600), D(2340)]


@pytest.mark.parametrize(("text", "code"), [
    ("发票 INVOICE\n价税合计 Total ¥262,903.54", "CNY"), ("Hangzhou, Zhejiang, China\nTotal ¥12,345.00", "CNY"),
    ("請求書\n合計 ¥21,814", "JPY"), ("Total ¥ 12,345", "JPY"),
])
def test_the_yen_sign_is_the_yuan_s_in_china(text: str, code: str) -> None:
    from docextract.parsing import detect_currency

    assert detect_currency(text) == code


@pytest.mark.parametrize(("line", "name"), [("HSINCHU Hsinchu Electronics Corporation", "Hsinchu Electronics Corporation"),
                                            ("JAYA PT Jaya Mitra", "PT Jaya Mitra")])
def test_a_logo_s_brand_word_read_in_one_box_with_the_name(line: str, name: str) -> None:
    """OCR boxes a logo's brand word with the name beside it: the brand repeats the name's first
    word (after its legal form, "PT"), no part of the name."""
    words = [ocr_line(line, 40, 40, 460), ocr_line("88 Science Park Road, Hsinchu", 40, 70, 400),
             ocr_line("Invoice # 84533", 600, 40, 800), ocr_line("Date: 2025-10-19", 600, 70, 800),
             ocr_line("Description", 40, 160, 200), ocr_line("Amount", 900, 160, 990),
             ocr_line("Sensor module", 40, 190, 260), ocr_line("1,200.00", 900, 190, 990),
             ocr_line("Total", 700, 240, 780), ocr_line("1,200.00", 900, 240, 990)]
    assert extract_invoice(words).data["issuer"]["name"] == name


def test_the_number_among_other_labels_in_one_ocr_box() -> None:
    """OCR boxes a row of label/value pairs as one line: the invoice's number is the value after its
    label, though another field's label ("Account No.") follows later in the box."""
    words = [ocr_line("Bluepeak Motors Ltd", 40, 40, 300), ocr_line("421 High Street, Leeds LS1 4AP", 40, 70, 400),
             Word("Issue Date: 14 September 2025 Invoice Number: INV-46571 Due Date: 28 September 2025 Account No.: 29845",
                  40, 110, 1200, 130, 0.99, "ocr")]
    data = extract_invoice(words).data
    assert (data["invoice_number"], str(data["date"])) == ("INV-46571", "2025-09-14")
