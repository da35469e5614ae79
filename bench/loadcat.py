"""How long loading a catalogue takes inside ``iku``, apart from interpreter start-up.

    python bench/loadcat.py CATALOGUE [--compare]

Prints one JSON line: the seconds to import the catalogue module (pydantic and
the models) and to load and check the catalogue; with ``--compare`` also those
to parse the same YAML alone with PyYAML's pure-Python and libyaml parsers.
"""

from __future__ import annotations

import json
import sys
import time


def main(argv: list[str]) -> int:
    path = argv[0]
    start = time.perf_counter()
    from iku_cli.loading.catalogue_file import load

    imported = time.perf_counter()
    catalogue = load(path)
    loaded = time.perf_counter()
    figures = {
        "indicators": len(catalogue.indicators),
        "owners": len(catalogue.owners),
        "import_s": imported - start,
        "seconds": loaded - imported,
    }
    if "--compare" not in argv:
        print(json.dumps(figures))
        return 0

    import yaml

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    parse_start = time.perf_counter()
    yaml.compose(text, Loader=yaml.SafeLoader)
    pure = time.perf_counter() - parse_start
    fast = None
    if getattr(yaml, "CSafeLoader", None) is not None:
        parse_start = time.perf_counter()
        yaml.compose(text, Loader=yaml.CSafeLoader)
        fast = time.perf_counter() - parse_start
    figures.update(yaml_pure_s=pure, yaml_libyaml_s=fast)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
