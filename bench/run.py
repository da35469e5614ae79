"""Benchmark ``iku`` against the floor: a bare python-calamine loop over the same files.

    python bench/run.py --files 1000          # the README's table
    python bench/run.py --files 10000 --repeat 1
    python bench/run.py --quick               # CI: 50 files, a few repeats, no time limits

N realistic submissions are generated once (bench/generate.py: the template's
layout, filled with plausible values) and cached in bench/cache/ under the
catalogue's sha256 and N. Up to the shipped catalogue's 90 distinct
(owner, year, period) submissions the shipped catalogue is used; beyond, a
synthetic province-scale catalogue (bench/province.py: 40 agencies, 250 units,
500 indicators; more units when N needs more than its 3,000 submissions).

Then, in one run and in turn (so that a slow moment of the machine touches every
command alike), each command runs as a whole process ``--repeat`` times:

- floor: python-calamine reads the ``Data`` sheet of every file (bench/floor.py;
  its loop's own time, without interpreter start-up, is the floor);
- ``iku compute DIR --format json`` and ``iku validate DIR --format json``, with iku's
  catalogue cache (in bench/cache/iku-cache, filled by the warm-up run) as every run
  after a catalogue's first has it, and ``iku compute`` once more with it off
  (``IKU_CACHE=off``: the catalogue parsed and checked, as on its first run);
- ``iku recap DIR --year Y --output FILE``;
- ``iku --version`` and ``iku --help`` against ``python -c pass``;
- ``iku catalogue check`` of the province-scale catalogue (its loading).

It prints the median, min..max, the ratio to the floor and the peak memory
(RSS) of each command, then the budgets of DESIGN section 10 and the
national-scale estimate. Timing never fails the run (machines differ); a
command that fails does (exit 1).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

HEAVY = ("pandas", "openpyxl", "xlsxwriter", "numpy")
NATIONAL = 90_000  # ~550 governments x ~40 agencies x 4 quarters
PROVINCE = {"agencies": 40, "units": 250, "indicators": 500}


@dataclass
class Command:
    key: str
    name: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    walls: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)  # bytes
    cpu: list[float] = field(default_factory=list)
    inner: list[float] = field(default_factory=list)  # the command's own figure (floor loop)
    extra: dict[str, Any] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)  # set for this command only

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    def figures(self) -> dict[str, object]:
        return {
            "argv": self.argv,
            "median_s": round(self.median, 4),
            "min_s": round(min(self.walls), 4),
            "max_s": round(max(self.walls), 4),
            "peak_rss_mb": round(max(self.rss) / 2**20, 1) if self.rss else None,
            "cpu_median_s": round(statistics.median(self.cpu), 4) if self.cpu else None,
            "loop_median_s": round(statistics.median(self.inner), 4) if self.inner else None,
        }


# --------------------------------------------------------------------------- running


@dataclass
class Measured:
    wall: float
    rss: int | None  # bytes; None where the system does not say
    code: int
    cpu: float | None  # user + system seconds, the command's workers included
    stdout: str
    stderr: str


# each piece of speed machinery turned off alone (issue 14 item 7): key, label, env
SWITCHES = [
    ("noprefetch", "early-start prefetch off (IKU_PREFETCH=off)", {"IKU_PREFETCH": "off"}),
    ("oneworker", "forked readers off (IKU_JOBS=1)", {"IKU_JOBS": "1"}),
]


def child_env() -> dict[str, str]:
    """The commands' environment: as an installed iku runs, from compiled bytecode.

    pip compiles an installed package's modules; a development checkout may run
    with PYTHONDONTWRITEBYTECODE, which would make every run compile iku from
    source. The bytecode goes to bench/cache/pycache, not into the source tree.
    """
    skip = {"IKU_LANG", "IKU_CATALOGUE", "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(NO_COLOR="1", COLUMNS="120", PYTHONIOENCODING="utf-8")
    env["PYTHONPYCACHEPREFIX"] = str(HERE / "cache" / "pycache")
    # iku's catalogue cache here, not in the user's cache folder (the warm-up run fills it)
    env["IKU_CACHE_DIR"] = str(HERE / "cache" / "iku-cache")
    env.pop("IKU_CACHE", None)
    return env


def measure(
    argv: list[str], *, capture: bool = False, env: dict[str, str] | None = None
) -> Measured:
    """Run ``argv`` once: wall seconds, peak RSS bytes, exit code, CPU seconds, output.

    Where the system allows, through bench/measure.py, so that the RSS is the
    command's own (see there); elsewhere (Windows) the wall time only.
    """
    out = tempfile.TemporaryFile() if capture else subprocess.DEVNULL  # noqa: SIM115
    err = tempfile.TemporaryFile() if capture else subprocess.DEVNULL  # noqa: SIM115
    rss: int | None = None
    cpu: float | None = None
    if hasattr(os, "wait4") and hasattr(os, "posix_spawnp"):
        handle, name = tempfile.mkstemp(prefix="iku-bench-", suffix=".txt")
        os.close(handle)
        try:
            wrapper = [sys.executable, "-S", str(HERE / "measure.py"), name, *argv]
            subprocess.run(wrapper, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                           env={**child_env(), **(env or {})}, check=True)  # fmt: skip
            wall_text, rss_text, code_text, cpu_text = Path(name).read_text("utf-8").split()
        finally:
            os.unlink(name)
        wall, rss, code, cpu = float(wall_text), int(rss_text), int(code_text), float(cpu_text)
    else:
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                              env={**child_env(), **(env or {})}, check=False)  # fmt: skip
        wall, code = time.perf_counter() - start, done.returncode
    stdout = stderr = ""
    if capture:
        assert not isinstance(out, int) and not isinstance(err, int)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        out.close()
        err.close()
    return Measured(wall, rss, code, cpu, stdout, stderr)


def iku_argv() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m iku_cli``."""
    folder = Path(sys.executable).parent
    for name in ("iku", "iku.exe"):
        if (folder / name).exists():
            return [str(folder / name)]
    found = shutil.which("iku")
    return [found] if found else [sys.executable, "-m", "iku_cli"]


def heavy_imports(argv: list[str]) -> list[str]:
    """Heavy modules ``argv`` imports (PYTHONPROFILEIMPORTTIME reaches the console script)."""
    env = child_env()
    env["PYTHONPROFILEIMPORTTIME"] = "1"
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return sorted(names & {*HEAVY, "python_calamine"} - {"python_calamine"})


# --------------------------------------------------------------------------- the set


def choose_catalogue(kind: str, files: int) -> tuple[Path, str]:
    from generate import identities, province_catalogue

    from iku_cli.loading.catalogue_file import load

    shipped = ROOT / "indicators.yaml"
    if kind == "shipped" or (kind == "auto" and files <= len(identities(load(shipped)))):
        return shipped, "shipped (indicators.yaml)"
    if kind in {"auto", "province"}:
        units = max(PROVINCE["units"], math.ceil(files / 12))
        sizes = {**PROVINCE, "units": units, "indicators": max(PROVINCE["indicators"], 2 * units)}
        path = province_catalogue(**sizes)
        label = (
            f"synthetic province ({sizes['agencies']} agencies, {sizes['units']} units,"
            f" {sizes['indicators']} indicators)"
        )
        return path, label
    return Path(kind), kind


def latest_year(folder: Path) -> int:
    years = [int(p.name[:4]) for p in folder.glob("*.xlsx") if p.name[:4].isdigit()]
    return max(years)


# --------------------------------------------------------------------------- report


def fmt(seconds: float) -> str:
    return f"{seconds:.3f}"


def table(commands: list[Command], floor: float) -> list[str]:
    lines = [
        "| command | median s | min..max s | x floor | CPU s | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for c in commands:
        rss = f"{max(c.rss) / 2**20:.0f}" if c.rss else "-"
        cpu = fmt(statistics.median(c.cpu)) if c.cpu else "-"
        ratio = f"{c.median / floor:.1f}" if floor > 0 else "-"
        lines.append(
            f"| {c.name} | {fmt(c.median)} | {fmt(min(c.walls))}..{fmt(max(c.walls))} |"
            f" {ratio} | {cpu} | {rss} |"
        )
    return lines


def run_all(commands: list[Command], repeat: int) -> list[str]:
    """One warm-up run each (output checked), then ``repeat`` timed rounds in turn;
    what failed."""
    failed = []
    for c in commands:
        done = measure(c.argv, capture=True, env=c.env)
        if done.code not in c.ok_codes or "Traceback" in done.stderr:
            failed.append(f"{c.name}: exit {done.code}\n{done.stderr[-2000:]}")
        elif done.stdout.lstrip().startswith("{"):
            json.loads(done.stdout)  # JSON output that does not parse is a failure too
    for _ in range(repeat):
        for c in commands:
            inner = c.key in {"floor", "load"}
            done = measure(c.argv, capture=inner, env=c.env)
            if done.code not in c.ok_codes:
                failed.append(f"{c.name}: exit {done.code}")
            c.walls.append(done.wall)
            if done.rss is not None:
                c.rss.append(done.rss)
            if done.cpu is not None:
                c.cpu.append(done.cpu)
            if inner and done.stdout:
                c.inner.append(float(json.loads(done.stdout.splitlines()[-1])["seconds"]))
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark iku against a bare calamine loop.")
    parser.add_argument("--files", "-n", type=int, default=1000, help="submissions (default 1000)")
    parser.add_argument("--repeat", "-r", type=int, default=None, help="timed runs of each")
    parser.add_argument("--quick", action="store_true", help="CI: 50 files, 3 runs, no limits")
    parser.add_argument(
        "--catalogue", default="auto", help="auto (default), shipped, province, or a path"
    )
    parser.add_argument("--skip", action="append", default=[], help="a command key to skip")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    files = 50 if args.quick else args.files
    repeat = args.repeat or (3 if args.quick else 5)

    from generate import generate, province_catalogue

    catalogue, label = choose_catalogue(args.catalogue, files)
    started = time.perf_counter()
    folder = generate(catalogue, files)
    single = generate(catalogue, 1)
    made = time.perf_counter() - started
    province = province_catalogue(**PROVINCE)
    year = latest_year(folder)
    iku = iku_argv()
    cat = ["--catalogue", str(catalogue)]
    work = Path(tempfile.mkdtemp(prefix="iku-bench-"))
    print(f"iku benchmark: {files} submissions, catalogue {label}")
    print(f"  files: {folder} (ready in {made:.1f} s)")
    print(f"  machine: {platform.python_implementation()} {platform.python_version()},"
          f" {platform.system()} {platform.machine()}, {os.cpu_count()} cores;"
          f" {repeat} runs of each, in turn")  # fmt: skip

    recap = work / "rekap.xlsx"
    py = sys.executable
    data_codes = (0, 1)  # 1: the files hold errors, still a complete run
    commands = [
        Command("floor", "floor: calamine loop", [py, str(HERE / "floor.py"), str(folder)]),
        Command(
            "compute",
            "iku compute --format json",
            [*iku, "compute", str(folder), "--format", "json", *cat],
            data_codes,
        ),
        Command(
            "compute_cold",
            "iku compute, catalogue cache off",
            [*iku, "compute", str(folder), "--format", "json", *cat],
            data_codes,
            env={"IKU_CACHE": "off"},
        ),
        *(
            Command(
                f"compute_{key}",
                f"iku compute, {label}",
                [*iku, "compute", str(folder), "--format", "json", *cat],
                data_codes,
                env=off,
            )
            for key, label, off in SWITCHES
        ),
        Command(
            "validate",
            "iku validate --format json",
            [*iku, "validate", str(folder), "--format", "json", *cat],
            data_codes,
        ),
        Command(
            "recap",
            f"iku recap --year {year}",
            [*iku, "recap", str(folder), "--year", str(year), "--output", str(recap), *cat],
            data_codes,
        ),
        Command(
            "compute1",
            "iku compute, 1 file",
            [*iku, "compute", str(single), "--format", "json", *cat],
            data_codes,
        ),
        Command(
            "validate1",
            "iku validate, 1 file",
            [*iku, "validate", str(single), "--format", "json", *cat],
            data_codes,
        ),
        Command("version", "iku --version", [*iku, "--version"]),
        Command("help", "iku --help", [*iku, "--help"]),
        Command("pass", "python -c pass", [py, "-c", "pass"]),
        Command("load", "province catalogue: load", [py, str(HERE / "loadcat.py"), str(province)]),
        Command(
            "check", "iku catalogue check (province)", [*iku, "catalogue", "check", str(province)]
        ),
    ]
    commands = [c for c in commands if c.key not in args.skip]
    try:
        failed = run_all(commands, repeat)
        if "load" in {c.key for c in commands}:
            load = next(c for c in commands if c.key == "load")
            done = measure([*load.argv, "--compare"], capture=True)
            load.extra = json.loads(done.stdout.splitlines()[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failed:
        print("FAILED:\n" + "\n".join(failed))
        return 1
    by = {c.key: c for c in commands}
    report = report_lines(by, files)
    print("\n".join(report["lines"]))
    if args.json:
        data = {
            "files": files,
            "catalogue": label,
            "repeat": repeat,
            "commands": {c.key: {"name": c.name, **c.figures()} for c in commands},
            "verdicts": report["verdicts"],
            "estimate": report["estimate"],
        }
        args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


def report_lines(by: dict[str, Command], files: int) -> dict[str, Any]:
    """The table, the budgets of DESIGN section 10, and the national-scale estimate."""
    lines: list[str] = []
    floor_cmd = by.get("floor")
    floor = 0.0
    if floor_cmd is not None:
        floor = statistics.median(floor_cmd.inner) if floor_cmd.inner else floor_cmd.median
        lines += [
            "",
            "floor: python-calamine reads the Data sheet of each file in"
            f" {1000 * floor / files:.3f} ms (loop alone: median {fmt(floor)} s for {files} files)",
        ]
    lines += ["", *table(list(by.values()), floor), ""]
    verdicts: list[str] = []
    startup = by["version"].median if "version" in by else 0.0
    for key in ("compute", "compute_cold", "validate"):
        c = by.get(key)
        if c is None or floor_cmd is None:
            continue
        single = by.get(f"{key}1")
        fixed = single.median if single is not None else None
        budget = 2 * floor + startup
        verdicts.append(
            f"{c.name}: {fmt(c.median)} s; 2 x floor + start-up (iku --version) = {fmt(budget)} s:"
            f" {'ok' if c.median <= budget else 'OVER'} ({c.median / floor:.1f} x floor)"
        )
        if fixed is not None and "pass" in by:
            # issue 14's restated goal: the floor's whole process less a bare python
            reading = floor_cmd.median - by["pass"].median
            goal = 2 * reading + fixed
            verdicts.append(
                f"{c.name}: {fmt(c.median)} s; 2 x floor's reading ({fmt(reading)} s: its"
                f" process less `python -c pass`) + its own 1-file run ({fmt(fixed)} s)"
                f" = {fmt(goal)} s: {'ok' if c.median <= goal else 'OVER'}"
            )
        if fixed is not None:
            per_file = c.median - fixed
            verdicts.append(
                f"{c.name} less its fixed cost (the same on 1 file, {fmt(fixed)} s):"
                f" {fmt(per_file)} s; 2 x floor = {fmt(2 * floor)} s:"
                f" {'ok' if per_file <= 2 * floor else 'OVER'} ({per_file / floor:.1f} x floor)"
            )
    if "recap" in by and files <= 1000:
        r = by["recap"].median
        verdicts.append(
            f"iku recap: {fmt(r)} s; under 3 s at 1,000 files: {'ok' if r < 3 else 'OVER'}"
        )
    for key in ("version", "help"):
        c = by.get(key)
        if c is not None:
            heavy = heavy_imports(c.argv)
            verdicts.append(
                f"{c.name}: {fmt(c.median)} s; under 0.25 s: {'ok' if c.median < 0.25 else 'OVER'};"
                f" imports {', '.join(heavy) if heavy else 'none of ' + ', '.join(HEAVY)}"
            )
    if "compute" in by and by["compute"].rss:
        peak = max(by["compute"].rss) / 2**20
        verdicts.append(
            f"iku compute peak RSS: {peak:.0f} MB; under 300 MB at 10,000 files:"
            f" {'ok' if peak < 300 else 'OVER'}"
        )
    if "load" in by and by["load"].inner:
        extra = by["load"].extra
        verdicts.append(
            f"province catalogue ({extra['indicators']} indicators, {extra['owners']} owners):"
            f" loaded and checked in {fmt(statistics.median(by['load'].inner))} s (importing"
            f" pydantic and the models {fmt(extra['import_s'])} s); its YAML alone:"
            f" {fmt(extra['yaml_pure_s'])} s pure-Python, {fmt(extra['yaml_libyaml_s'] or 0)} s"
            " libyaml"
        )
    lines += ["Budgets (DESIGN section 10):", *(f"  {v}" for v in verdicts)]
    estimate: dict[str, float] = {}
    fixed = by["compute1"].median if "compute1" in by else None
    if "compute" in by and fixed is not None and files > 1:
        slope = max(by["compute"].median - fixed, 0.0) / (files - 1)
        national = fixed + slope * NATIONAL
        estimate = {"per_file_ms": round(1000 * slope, 3), "fixed_s": round(fixed, 3),
                    "national_s": round(national, 1)}  # fmt: skip
        lines += [
            "",
            f"National scale: {NATIONAL:,} workbooks a year x {1000 * slope:.3f} ms a file"
            f" + {fmt(fixed)} s fixed = about {national:.0f} s on this machine.",
        ]
    return {"lines": lines, "verdicts": verdicts, "estimate": estimate}


if __name__ == "__main__":
    raise SystemExit(main())
