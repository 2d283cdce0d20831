"""``python -m kpi``: the same as the ``kpi`` command."""

import sys

from kpi.cli import main

sys.exit(main())
