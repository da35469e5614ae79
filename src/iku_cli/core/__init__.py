"""The pure core: catalogue models, formulas, figures, checks, findings, results (no I/O)."""
