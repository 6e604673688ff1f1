"""`python -m datastore`: see datastore.cli."""

from datastore.cli import main

raise SystemExit(main())
