import sys

from valued_care.cli import main

sys.exit(main())
