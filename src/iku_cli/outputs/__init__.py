"""Renderers and writers: tables, JSON, CSV, and the workbooks and report iku writes."""
