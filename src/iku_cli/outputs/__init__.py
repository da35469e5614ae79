"""Renderers: terminal tables, JSON and CSV, and the workbooks iku writes."""
