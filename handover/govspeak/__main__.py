"""python -m handover.govspeak: the export's command line (export.main)."""

import sys

from handover.govspeak.export import main

sys.exit(main())
