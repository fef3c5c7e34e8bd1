"""Exports: the validated records as tidy tables (SQLite, CSV, a data package, XLSX) or JSON.

The tables are a product with their own schema (`tables.py`), built from the validated records
(`rows.py`), never a copy of the query cache. docs/exports.md describes them.
"""
