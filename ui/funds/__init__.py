"""Parts of the Økonomi page (ui/pages/funds.py)."""
