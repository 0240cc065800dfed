"""report drafts: the resource person's own texts per report, shared by the app and the CLI

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 23:45:00

Until 0001 the Rapporter page kept one draft for every report in the setting `report_draft_texts`. It
becomes the draft of the current municipality's three reports for the whole period (kind midterm, final
and funds, scope ""), and the setting goes. Data steps use plain SQL and table definitions local to this
file: never import today's models. Alembic runs this in the app's one upgrade transaction.
"""
import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

OLD_DRAFT_KEY = "report_draft_texts"
TEXT_KEYS = ("experiences", "development", "continuation")


def upgrade() -> None:
    op.create_table('report_draft',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('scope', sa.String(length=5), nullable=False),
    sa.Column('texts', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('municipality_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_report_draft_municipality_id_municipality'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_draft')),
    sa.UniqueConstraint('municipality_id', 'kind', 'scope', name=op.f('uq_report_draft_municipality_id_kind_scope'))
    )
    with op.batch_alter_table('report_draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_draft_municipality_id'), ['municipality_id'], unique=False)
    _move_old_draft()


def _move_old_draft() -> None:
    bind = op.get_bind()
    setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))
    municipality = sa.table("municipality", sa.column("id", sa.Uuid), sa.column("name", sa.String))
    draft = sa.table("report_draft", sa.column("id", sa.Uuid), sa.column("municipality_id", sa.Uuid),
                     sa.column("kind", sa.String), sa.column("scope", sa.String), sa.column("texts", sa.JSON),
                     sa.column("created_at", sa.DateTime(timezone=True)),
                     sa.column("updated_at", sa.DateTime(timezone=True)))
    raw = bind.execute(sa.select(setting.c.value).where(setting.c.key == OLD_DRAFT_KEY)).scalar()
    if raw is None:
        return
    try:
        old = json.loads(raw or "{}")
    except ValueError:
        old = {}
    texts = {k: str(old.get(k) or "") for k in TEXT_KEYS} if isinstance(old, dict) else {}
    chosen = bind.execute(sa.select(setting.c.value).where(setting.c.key == "current_municipality_id")).scalar()
    ids = {row[0] for row in bind.execute(sa.select(municipality.c.id))}
    owner = None
    try:
        owner = uuid.UUID(chosen) if chosen else None
    except ValueError:
        owner = None
    if owner not in ids:
        owner = bind.execute(sa.select(municipality.c.id).order_by(municipality.c.name)).scalar()
    if owner is not None and any(t.strip() for t in texts.values()):
        now = datetime.now(UTC)
        op.bulk_insert(draft, [{"id": uuid.uuid4(), "municipality_id": owner, "kind": kind, "scope": "",
                                "texts": texts, "created_at": now, "updated_at": now}
                               for kind in ("midterm", "final", "funds")])
    bind.execute(sa.delete(setting).where(setting.c.key == OLD_DRAFT_KEY))


def downgrade() -> None:
    with op.batch_alter_table('report_draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_draft_municipality_id'))
    op.drop_table('report_draft')
