"""Run one command and write its wall time, peak RSS, exit code and CPU time to a file.

    python -S bench/measure.py RESULT_FILE COMMAND [ARG...]

Why a wrapper: on Linux a child's ``ru_maxrss`` starts from the size of the
process that forked it (the kernel keeps the old image's high-water mark across
``exec``), so measuring from the benchmark's own, larger process would report
its size for every small command. This wrapper is a bare interpreter (``-S``,
a few MB), below anything it measures. The figure is the largest of the
command and the children it waited for, not their sum.
"""

import os
import sys
import time


def main() -> int:
    result, argv = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    # Linux and the BSDs report kilobytes, macOS bytes
    rss = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    with open(result, "w", encoding="utf-8") as handle:
        cpu = usage.ru_utime + usage.ru_stime  # the command and the children it waited for
        handle.write(f"{wall} {rss} {os.waitstatus_to_exitcode(status)} {cpu}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
