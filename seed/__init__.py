"""Deterministic demo data: the documented facts of the seed articles and a synthetic rest."""

from seed.run import seed_database

__all__ = ["seed_database"]
