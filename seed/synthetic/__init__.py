"""Synthetic demo data by subject: the world, the plan, organisations, members, aid, exchanges."""
