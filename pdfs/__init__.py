"""Accessible PDF versions of the resource pages: see make_pdfs.py and README.md."""
