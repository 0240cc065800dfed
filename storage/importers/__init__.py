"""Importers: files from outside (Excel, CSV) validated completely before one row is stored."""
