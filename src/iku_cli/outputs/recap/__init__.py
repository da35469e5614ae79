"""The yearly recap workbook (DESIGN section 9), written with XlsxWriter.

Six sheets in a pinned order: ``Ringkasan``, ``Capaian IKU``, ``Tren``,
``Kelengkapan``, ``Sumber Data``, ``Catatan``. Numbers are written as numbers
at full precision, rounded only by the number format (2 places: the figure
``iku compute`` prints), so that a reader's own calculator over the stored
cells agrees with the stored achievement; every text goes through
:meth:`cells.Sheet.text`, which writes a string cell and marks text that would start
a formula with Excel's quote prefix, so
that nothing a bureau typed becomes a formula, even when the cell is edited.

:func:`write_recap` (``book``) lays out each sheet with its own module (``summary``,
``achievements``, ``trend``, ``analysis``, ``completeness``, ``sources``, ``notes``) over the
shared cells and styles (``cells``) and what every sheet has (``layout``).
"""

from __future__ import annotations

from .book import write_recap

__all__ = ["write_recap"]
