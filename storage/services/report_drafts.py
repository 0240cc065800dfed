"""The resource person's own texts of a report («Erfaringer», «Utvikling», «Videre arbeid»), kept as a
draft per report — municipality, kind, and semester (or the whole period) — so the Rapporter page and
`nettverkslogg report` write and read the same texts.

`read_text_file` reads the CLI's `--text-file`: UTF-8 text with a heading line per section
(«# Erfaringer», «# Utvikling», «# Videre arbeid», or the full titles), the section's text below it. The
file replaces the whole draft: a section it leaves out becomes empty.
"""

from __future__ import annotations

import logging
import re
import uuid
from pathlib import Path

from sqlmodel import select

from ..enums import ReportKind
from ..errors import DomainError
from ..i18n import _
from ..models import ReportDraft, utcnow
from ..store import Store
from .report_data import TEXT_SECTIONS, text_titles

log = logging.getLogger(__name__)

#: Short heading names accepted in a text file, besides the full titles.
SHORT_HEADINGS = {"experiences": "Erfaringer", "development": "Utvikling", "continuation": "Videre arbeid"}
MAX_TEXT_FILE_BYTES = 1_000_000
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.+?)\s*#*\s*$")


def draft_scope(kind: ReportKind | str, semester: str | None) -> str:
    """What a draft belongs to besides its kind: the semester of a one-semester mid-term report, else ""."""
    return (semester or "").strip().upper() if ReportKind(kind) is ReportKind.MIDTERM else ""


def empty_texts() -> dict[str, str]:
    return {key: "" for key, _title in TEXT_SECTIONS}


def texts_are_empty(texts: dict[str, str] | None) -> bool:
    return not any((v or "").strip() for v in (texts or {}).values())


def load_draft(store: Store, municipality_id: uuid.UUID, kind: ReportKind | str, semester: str | None) -> dict[str, str]:
    """The saved texts of the report (empty strings when none are saved)."""
    with store.reader() as session:
        row = session.exec(select(ReportDraft).where(ReportDraft.municipality_id == municipality_id,
                                                     ReportDraft.kind == ReportKind(kind).value,
                                                     ReportDraft.scope == draft_scope(kind, semester))).first()
        saved = dict(row.texts) if row is not None else {}
    return {key: str(saved.get(key) or "") for key in empty_texts()}


def save_draft(store: Store, municipality_id: uuid.UUID, kind: ReportKind | str, semester: str | None,
               texts: dict[str, str]) -> dict[str, str]:
    """Replace the report's draft with `texts` (unknown keys are dropped) and return what was saved."""
    clean = {key: str(texts.get(key) or "") for key in empty_texts()}
    with store.transaction() as session:
        row = session.exec(select(ReportDraft).where(ReportDraft.municipality_id == municipality_id,
                                                     ReportDraft.kind == ReportKind(kind).value,
                                                     ReportDraft.scope == draft_scope(kind, semester))).first()
        if row is None:
            session.add(ReportDraft(municipality_id=municipality_id, kind=ReportKind(kind).value,
                                    scope=draft_scope(kind, semester), texts=clean))
        elif row.texts != clean:
            row.texts = clean
            row.updated_at = utcnow()
    return clean


def _section_key(heading: str) -> str | None:
    wanted = heading.strip().rstrip(":").casefold()
    for key, title in text_titles().items():
        names = {title.casefold(), _(SHORT_HEADINGS[key]).casefold(), dict(TEXT_SECTIONS)[key].casefold(),
                 SHORT_HEADINGS[key].casefold()}
        if wanted in names:
            return key
    return None


def parse_texts(text: str) -> dict[str, str]:
    """The three sections of a text file's content; DomainError naming the line of an unknown heading."""
    texts = empty_texts()
    current: str | None = None
    lines: dict[str, list[str]] = {key: [] for key in texts}
    seen: set[str] = set()
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        match = _HEADING.match(line)
        if match:
            key = _section_key(match.group(1))
            if key is None:
                raise DomainError(_("Linje {line}: ukjent overskrift «{heading}». Bruk «# Erfaringer», «# Utvikling» "
                                    "og «# Videre arbeid».").format(line=number, heading=match.group(1)),
                                  field="text_file")
            if key in seen:
                raise DomainError(_("Linje {line}: overskriften «{heading}» står to ganger.").format(
                    line=number, heading=match.group(1)), field="text_file")
            seen.add(key)
            current = key
            continue
        if current is None:
            if line.strip():
                raise DomainError(_("Linje {line}: teksten må stå under en overskrift («# Erfaringer», «# Utvikling» "
                                    "eller «# Videre arbeid»).").format(line=number), field="text_file")
            continue
        lines[current].append(line)
    if not seen:
        raise DomainError(_("Fila har ingen av overskriftene «# Erfaringer», «# Utvikling» og «# Videre arbeid»."),
                          field="text_file")
    return {key: "\n".join(body).strip() for key, body in lines.items()}


def read_text_file(path: Path | str) -> dict[str, str]:
    """The texts of a UTF-8 text file with headed sections; DomainError in Norwegian when it cannot be used."""
    path = Path(path).expanduser()
    try:
        if path.stat().st_size > MAX_TEXT_FILE_BYTES:
            raise DomainError(_("Tekstfila {path} er for stor (grensen er 1 MB).").format(path=path), field="text_file")
        raw = path.read_bytes()
    except OSError as exc:
        log.warning("text file %s could not be read", path, exc_info=True)
        raise DomainError(_("Kan ikke lese tekstfila {path}: {error}").format(
            path=path, error=exc.strerror or exc), field="text_file") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DomainError(_("Tekstfila {path} er ikke lagret som UTF-8. Lagre den som UTF-8 og prøv igjen.")
                          .format(path=path), field="text_file") from exc
    return parse_texts(text)
