"""`python -m generator`: the commands (generator/commands/cli.py)."""

import sys

from generator.commands.cli import main

sys.exit(main())
