"""The yearly report as PDF: HTML and CSS in the administrative format, laid out by WeasyPrint."""

from __future__ import annotations

import base64
from html import escape

from sqlmodel import Session

from datastore.yearly.document import ReportTable, YearlyReport
from documents import layout
from documents.images import ChartImage, chart_images
from i18n.catalogue import t

# Liberation Serif (Debian fonts-liberation2) has Times New Roman's metrics, so the PDF's lines
# break where the DOCX's do in Word; WeasyPrint embeds the subset of it the text uses.
FONT_FAMILY = '"Liberation Serif", "Times New Roman", serif'

CSS = f"""
@page {{
  size: A4 portrait;
  margin: {layout.MARGIN_TOP_MM}mm {layout.MARGIN_RIGHT_MM}mm {layout.MARGIN_BOTTOM_MM}mm
    {layout.MARGIN_LEFT_MM}mm;
  @top-center {{ content: counter(page); font: {layout.BODY_PT}pt {FONT_FAMILY}; }}
}}
@page :first {{ @top-center {{ content: none; }} }}
html {{ font: {layout.BODY_PT}pt/1.3 {FONT_FAMILY}; color: #000; }}
body {{ margin: 0; }}
table.head {{ width: 100%; border-collapse: collapse; margin-bottom: 14pt; }}
table.head td {{ vertical-align: top; text-align: center; padding: 0; }}
table.head td.issuer {{ width: 41%; font-size: 12pt; }}
.bold {{ font-weight: bold; }}
.number {{ white-space: pre; }}
.motto {{ font-weight: bold; text-decoration: underline; }}
.date {{ font-style: italic; margin-top: 8pt; }}
.rule {{ margin: 0 auto; width: 30%; border-top: 0.6pt solid #000; height: 4pt; }}
h1.title {{ font-size: 14pt; text-align: center; margin: 14pt 0 0; }}
p.subtitle {{ font-size: 14pt; font-weight: bold; text-align: center; text-indent: 0;
  margin: 0 0 4pt; }}
h2 {{ font-size: {layout.BODY_PT}pt; margin: 12pt 0 6pt; text-indent: 1cm;
  break-after: avoid; }}
p {{ text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }}
p.caption {{ font-size: {layout.SMALL_PT}pt; font-style: italic; text-align: center;
  text-indent: 0; margin: 3pt 0 9pt; }}
p.caption.above {{ break-after: avoid; }}
table.data {{ width: 100%; border-collapse: collapse; font-size: {layout.SMALL_PT + 1}pt;
  margin-bottom: 6pt; }}
table.data th, table.data td {{ border: 0.5pt solid #000; padding: 2pt 4pt; line-height: 1.15; }}
table.data th {{ text-align: center; }}
table.data td.n {{ text-align: right; white-space: nowrap; }}
figure {{ margin: 6pt 0 0; break-inside: avoid; }}
figure img {{ display: block; margin: 0 auto; }}
ul.sources {{ margin: 0 0 6pt; padding-left: 1cm; }}
table.close {{ width: 100%; border-collapse: collapse; margin-top: 18pt; break-inside: avoid; }}
table.close td {{ vertical-align: top; padding: 0; }}
td.recipients {{ width: 48%; font-size: {layout.SMALL_PT}pt; }}
td.recipients .label {{ font-size: 12pt; font-weight: bold; font-style: italic; }}
td.signer {{ text-align: center; font-weight: bold; }}
td.signer .hint {{ font-weight: normal; font-style: italic; font-size: 12pt;
  margin-bottom: 48pt; }}
"""


def report_pdf(report: YearlyReport, session: Session) -> bytes:
    """The report as PDF bytes: selectable text, the charts as pictures, A4 in decree margins."""
    return write_pdf(report, chart_images(session, report))


def write_pdf(report: YearlyReport, images: list[ChartImage]) -> bytes:
    """The PDF of a report whose charts are already drawn."""
    # Imported on the first PDF, not with the report page: WeasyPrint takes 1.5 s to import.
    from weasyprint import HTML

    pdf = HTML(string=report_html(report, images)).write_pdf()
    assert pdf is not None  # no target: the bytes are returned
    return bytes(pdf)


def report_html(report: YearlyReport, images: list[ChartImage]) -> str:
    """The report as one HTML page with its stylesheet, pictures inline."""
    lang = report.lang
    parts = [_letterhead(report)]
    parts.append(f'<h1 class="title">{escape(report.title)}</h1>')
    parts.append(f'<p class="subtitle">{escape(report.subtitle)}</p><div class="rule"></div>')
    for section, items in layout.section_items(report):
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        parts.extend(f"<p>{escape(text)}</p>" for text in section.paragraphs)
        for item in items:
            if item.table is not None:
                parts.append(f'<p class="caption above">{escape(item.caption)}</p>')
                parts.append(_table(item.table, item.widths_mm))
            else:
                image = images[item.chart_index]
                caption = layout.chart_caption(item, lang, image.title)
                parts.append(_figure(image, caption))
    if report.sources:
        parts.append(f"<h2>{escape(t('report_file.sources', lang))}</h2>")
        items_html = "".join(f"<li>{escape(source)}</li>" for source in report.sources)
        parts.append(f'<ul class="sources">{items_html}</ul>')
    parts.append(_closing(report))
    body = "\n".join(parts)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(report.subtitle)}</title><style>{CSS}</style></head>"
        f"<body>{body}</body></html>"
    )


def _letterhead(report: YearlyReport) -> str:
    head = report.letterhead
    parent = f"<div>{escape(head.parent_body.upper())}</div>" if head.parent_body else ""
    return (
        '<table class="head"><tr><td class="issuer">'
        f'{parent}<div class="bold">{escape(head.issuing_body.upper())}</div>'
        '<div class="rule"></div>'
        f'<div class="number">{escape(t("report_file.number", report.lang))}</div></td>'
        f'<td><div class="bold">{escape(t("report_file.motto_country", report.lang))}</div>'
        f'<div class="motto">{escape(t("report_file.motto", report.lang))}</div>'
        f'<div class="date">{escape(layout.place_and_date(report))}</div></td></tr></table>'
    )


def _table(table: ReportTable, widths_mm: tuple[float, ...] = ()) -> str:
    total = sum(widths_mm)
    columns = "".join(f'<col style="width: {100 * w / total:.1f}%">' for w in widths_mm)
    header = "".join(f"<th>{escape(text)}</th>" for text in table.header)
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{escape(text)}</td>' if numeric else f"<td>{escape(text)}</td>"
            for text, numeric in zip(row, table.numeric, strict=True)
        )
        + "</tr>"
        for row in table.rows
    )
    return (
        f'<table class="data"><colgroup>{columns}</colgroup>'
        f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _figure(image: ChartImage, caption: str) -> str:
    data = base64.b64encode(image.png).decode("ascii")
    width = layout.picture_width_mm(image.width_px, image.height_px)
    return (
        f'<figure><img src="data:image/png;base64,{data}" style="width: {width:.1f}mm" '
        f'alt="{escape(image.title)}">'
        f'<p class="caption">{escape(caption)}</p></figure>'
    )


def _closing(report: YearlyReport) -> str:
    lang = report.lang
    recipients = "".join(f"<div>{escape(line)}</div>" for line in report.recipients)
    signer = "".join(f"<div>{escape(line)}</div>" for line in report.signer)
    return (
        '<table class="close"><tr><td class="recipients">'
        f'<div class="label">{escape(t("report_file.recipients", lang))}</div>{recipients}</td>'
        f'<td class="signer">{signer}'
        f'<div class="hint">{escape(t("report_file.signature", lang))}</div></td></tr></table>'
    )
