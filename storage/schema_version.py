"""The schema revisions this version of Nettverkslogg knows, oldest first, and how our files are marked.

Kept as plain data so start-up can check a database without importing Alembic;
tests assert the lists equal Alembic's own revision history and the models' tables.
"""

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003")
HEAD: str = REVISIONS[-1]

# PRAGMA application_id of every Nettverkslogg database ("NVLG"): tells ours from another program's file.
APPLICATION_ID: int = 0x4E564C47

# Every table any revision has created (a half-made first start holds a subset of these, all empty).
TABLES: frozenset[str] = frozenset({
    "attendance", "code", "codebook", "coding", "expense", "gathering", "grant", "learning_network",
    "municipality", "network_focus", "network_member", "own_funding", "participation", "plan",
    "plan_version", "report_draft", "report_file", "report_snapshot", "resource_assignment", "resource_person", "response",
    "session_log", "setting", "task", "unit", "vignette", "vignette_session", "vignette_version",
})
