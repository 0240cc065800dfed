"""The sections of the Planlegging page, one module each (see ui/pages/planning.py)."""
