"""The app's version: one place, read by pyproject.toml (setuptools' dynamic version), the CLI's
`--version`, the «Om Nettverkslogg» dialog and the Windows version resource in build.spec."""

__version__ = "0.2.0"
