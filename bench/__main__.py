"""`python -m bench`: see bench/cli.py; `python -m bench load`: see bench/load/cli.py."""

import sys

if sys.argv[1:2] == ["load"]:
    from bench.load.cli import main as load_main

    sys.exit(load_main(sys.argv[2:]))

from bench.cli import main

sys.exit(main())
