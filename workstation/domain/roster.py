"""Who of the field supervisors is on duty when: the day shift and the night team.

The centre patrols 365 days a year. Every supervisor works the day shift (08:00–18:30 in
the demo data); outside it a small night team (夜间巡查组) stays out: one supervisor in
``NIGHT_ROTA`` by a daily rota (5 of the 30), for the night markets, barbecue stalls, night
construction noise and whatever urgent comes up. Rest days and the night team's time off
in lieu are not modelled. The demo data and the field simulator both ask here, so the
supervisors a demo leaves on the board at its end are the ones the simulation walks on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

DAY_SHIFT = (8 * 3600, 18 * 3600 + 1800)  # seconds of the day
NIGHT_ROTA = 6  # each supervisor takes one night in six


def night_team(usernames: Sequence[str], night: date) -> tuple[str, ...]:
    """The supervisors on the night that begins on ``night`` (at least one, if any)."""
    names = sorted(usernames)
    if not names:
        return ()
    turn = night.toordinal() % NIGHT_ROTA
    team = tuple(u for i, u in enumerate(names) if i % NIGHT_ROTA == turn)
    return team or (names[turn % len(names)],)


def is_day_shift(at: datetime, day_shift: tuple[int, int] = DAY_SHIFT) -> bool:
    seconds = at.hour * 3600 + at.minute * 60 + at.second
    return day_shift[0] <= seconds < day_shift[1]


def shift_start(at: datetime, day_shift: tuple[int, int] = DAY_SHIFT) -> datetime:
    """When the shift that ``at`` falls in began (the day shift or the night)."""
    midnight = datetime(at.year, at.month, at.day)
    seconds = at.hour * 3600 + at.minute * 60 + at.second
    if seconds >= day_shift[1]:
        return midnight + timedelta(seconds=day_shift[1])
    if seconds >= day_shift[0]:
        return midnight + timedelta(seconds=day_shift[0])
    return midnight - timedelta(days=1) + timedelta(seconds=day_shift[1])


def on_duty(usernames: Sequence[str], at: datetime,
            day_shift: tuple[int, int] = DAY_SHIFT) -> tuple[str, ...]:  # fmt: skip
    """The supervisors out on patrol at ``at``: everyone by day, the night team by night."""
    if is_day_shift(at, day_shift):
        return tuple(sorted(usernames))
    return night_team(usernames, shift_start(at, day_shift).date())
