"""``python -m onoma``: the command line (see onoma._cli)."""

import sys

from ._cli import main

sys.exit(main())
