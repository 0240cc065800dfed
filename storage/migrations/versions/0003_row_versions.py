"""row versions: a version counter on every table with an id, for optimistic concurrency

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 00:20:00

Several users may edit the same rows on a shared PostgreSQL server. Each row gets `row_version` (starting at
1); SQLAlchemy checks and raises it on every update. Existing rows start at 1. Schema only: no data step,
no import of today's models.
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TABLES = (
    "attendance", "code", "codebook", "coding", "expense", "gathering", "grant", "learning_network",
    "municipality", "network_focus", "own_funding", "participation", "plan", "plan_version", "report_draft",
    "report_file", "report_snapshot", "resource_assignment", "resource_person", "response", "session_log",
    "task", "unit", "vignette", "vignette_session", "vignette_version",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('row_version', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('row_version')
