"""The schema revisions this version of Nettverkslogg knows, oldest first.

Kept as plain data so start-up can check a database without importing Alembic;
a test asserts the list equals Alembic's own revision history.
"""

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003")
HEAD: str = REVISIONS[-1]
