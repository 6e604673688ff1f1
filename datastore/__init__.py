"""Data layer of the people's diplomacy dashboard: schema, reference data, queries, extracts."""
