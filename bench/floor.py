"""The floor: a bare python-calamine loop reading the ``Data`` sheet of every workbook.

No tool built on python-calamine can read the same files faster. Prints one
JSON line: how many files, and the loop's own seconds (without interpreter
start-up and imports, which the process's wall time includes).

    python bench/floor.py FOLDER
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(argv: list[str]) -> int:
    from python_calamine import CalamineWorkbook

    folder = argv[0]
    paths = sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(folder)
        for name in names
        if name.endswith(".xlsx") and not name.startswith((".", "~$"))
    )
    start = time.perf_counter()
    cells = 0
    for path in paths:
        workbook = CalamineWorkbook.from_path(path)
        rows = workbook.get_sheet_by_name("Data").to_python()
        cells += sum(len(row) for row in rows)
        workbook.close()
    seconds = time.perf_counter() - start
    print(json.dumps({"files": len(paths), "cells": cells, "seconds": seconds}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
