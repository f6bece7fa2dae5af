"""Summit: python main.py [command]. With no command, opens the desktop game."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
