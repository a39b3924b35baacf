"""Outputs beside the site: PDFs, open data and JSON Schemas, the Atom feed, the offline copy."""
