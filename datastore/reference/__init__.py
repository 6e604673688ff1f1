"""Reference data (provinces, countries, sectors, exchange rates) taken from libraries."""
