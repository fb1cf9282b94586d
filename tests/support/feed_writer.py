"""A writer process for the change-feed tests and benchmarks: notes on its own cases, as
fast as it can (or at a given rate), printing nothing until it is done.

    python tests/support/feed_writer.py URL CASE_ID[,CASE_ID…] COUNT [RATE_PER_S]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workstation.bootstrap import bootstrap  # noqa: E402
from workstation.settings import Settings  # noqa: E402


def main() -> None:
    url, ids, count = sys.argv[1], [int(i) for i in sys.argv[2].split(",")], int(sys.argv[3])
    rate = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    ws = bootstrap(Settings(db_url=url))
    leader = ws.actor("leader")
    started = time.perf_counter()
    try:
        for i in range(count):
            if rate:
                time.sleep(max(0.0, started + i / rate - time.perf_counter()))
            ws.act(leader, ids[i % len(ids)], "note", {"text": f"写入 {i}"})
    finally:
        ws.dispose()
    print(count)


if __name__ == "__main__":
    main()
