"""The entry script of the one-folder app (build.spec): both programs, the windowed `Nettverkslogg`
and the console `nettverkslogg-cli`, start here.

PyInstaller runs its entry script as a top-level script, so the real start-up code must be imported
as a package module (`desktop.__main__`) for its relative imports to work.
"""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
