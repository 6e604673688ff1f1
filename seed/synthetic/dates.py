"""Random founding days for the synthetic organisations."""

from __future__ import annotations

import random
from datetime import date, timedelta

from datastore.reference.provinces import REFORM_DATE


def day_in(rng: random.Random, year: int) -> date:
    """A day of `year`, before the reform date (an older body belongs to the 63-list)."""
    last = min(date(year, 12, 31), REFORM_DATE - timedelta(days=1))
    return day_between(rng, date(year, 1, 1), last)


def day_between(rng: random.Random, first: date, last: date) -> date:
    """A day from `first` to `last`, both included."""
    return first + timedelta(days=rng.randint(0, (last - first).days))
