"""The yearly report as files: DOCX (python-docx) and PDF (HTML and CSS through WeasyPrint).

`documents.docx.report_docx(report, session)` and `documents.pdf.report_pdf(report, session)`
write a `datastore.yearly.document.YearlyReport` to bytes; both draw the report's charts from
the dashboard's catalogue (`documents.images`), and `documents.cli` is `python -m datastore
report`. Nothing here imports Streamlit: the report page and the command line share it.
"""
