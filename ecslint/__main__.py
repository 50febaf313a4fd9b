from __future__ import annotations

import sys

from ecslint.cli import main

sys.exit(main())
