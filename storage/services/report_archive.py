"""The report archive: every saved or sent report, with its texts, figures and files byte for byte.

`archive_report` stores a snapshot and its files (SHA-256 of each) in one transaction. `list_archive` lists
a municipality's snapshots newest first; `archived_file` gives a file's bytes exactly as they were
stored, checked against the SHA-256 taken when it was archived.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import select

from ..enums import ReportKind
from ..errors import DomainError
from ..i18n import _
from ..models import ReportFile, ReportSnapshot, ReportSnapshotRead
from ..models.base import utcnow
from ..store import Store
from .common import require


@dataclass(frozen=True)
class OutgoingFile:
    filename: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class ArchivedFile:
    id: uuid.UUID
    filename: str
    media_type: str
    sha256: str
    size: int


@dataclass(frozen=True)
class ArchiveEntry:
    snapshot: ReportSnapshotRead
    files: tuple[ArchivedFile, ...]

    @property
    def kind_label(self) -> str:
        return ReportKind(self.snapshot.kind).label

    @property
    def archived_at(self) -> datetime:
        return self.snapshot.sent_at or self.snapshot.created_at


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def archive_report(store: Store, municipality_id: uuid.UUID, kind: ReportKind | str, semester: str | None,
                   texts: dict[str, str], figures: dict, files: list[OutgoingFile], *,
                   recipient: str | None = None, sent: bool = False) -> ArchiveEntry:
    """Store the report as it left the app. `sent` marks an e-mail draft made for `recipient`; without a
    recipient nothing was sent, so it is archived as saved."""
    if not files:
        raise DomainError(_("Rapporten har ingen filer å arkivere."))
    with store.transaction() as session:
        snapshot = ReportSnapshot(municipality_id=municipality_id, kind=ReportKind(kind).value, semester=semester,
                                  texts=dict(texts), figures=figures, recipient=recipient,
                                  sent_at=utcnow() if sent and recipient else None)
        session.add(snapshot)
        session.flush()
        rows = [ReportFile(snapshot_id=snapshot.id, filename=f.filename[:200], media_type=f.media_type,
                           sha256=sha256(f.content), content=f.content) for f in files]
        session.add_all(rows)
        session.flush()
        return ArchiveEntry(ReportSnapshotRead.model_validate(snapshot),
                            tuple(ArchivedFile(r.id, r.filename, r.media_type, r.sha256, len(r.content))
                                  for r in rows))


def list_archive(store: Store, municipality_id: uuid.UUID) -> list[ArchiveEntry]:
    """The municipality's archived reports, newest first (file contents not loaded)."""
    with store.reader() as session:
        snapshots = session.exec(select(ReportSnapshot).where(ReportSnapshot.municipality_id == municipality_id)
                                 .order_by(ReportSnapshot.created_at.desc())).all()
        ids = [s.id for s in snapshots]
        files = session.exec(select(ReportFile.id, ReportFile.snapshot_id, ReportFile.filename,
                                    ReportFile.media_type, ReportFile.sha256)
                             .where(ReportFile.snapshot_id.in_(ids)).order_by(ReportFile.filename)).all() if ids else []
        by_snapshot: dict[uuid.UUID, list[ArchivedFile]] = {}
        for file_id, snapshot_id, name, media, digest in files:
            by_snapshot.setdefault(snapshot_id, []).append(ArchivedFile(file_id, name, media, digest, -1))
        return [ArchiveEntry(ReportSnapshotRead.model_validate(s), tuple(by_snapshot.get(s.id, [])))
                for s in snapshots]


def archived_file(store: Store, file_id: uuid.UUID) -> OutgoingFile:
    """The file exactly as archived; a file whose bytes no longer match its SHA-256 is refused."""
    with store.reader() as session:
        row = require(session, ReportFile, file_id, _("Fant ikke den arkiverte fila."))
        content = bytes(row.content)
        if sha256(content) != row.sha256:
            raise DomainError(_("Den arkiverte fila {name} er endret etter at den ble lagret (kontrollsummen "
                                "stemmer ikke).").format(name=row.filename))
        return OutgoingFile(row.filename, row.media_type, content)
