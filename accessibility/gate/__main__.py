"""`python -m accessibility.gate`: the command the Makefile runs."""

import sys

from accessibility.gate.command_line import main

sys.exit(main())
