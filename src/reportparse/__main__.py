"""``python -m reportparse``: the same as the ``reportparse`` command."""

import sys

from .cli import main

sys.exit(main())
