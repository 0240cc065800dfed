"""Which stored session log each row of a returned form is, when the director may have moved rows.

A form's hidden sheet gives every input row an identity, and a row imported once is stored under it.
But a director moves sessions around in Excel: clears row 9 and moves row 10's session up. Taking the
row number as the identity then overwrites row 9's log with row 10's session and stores that session
twice. So the identity of a typed row is decided by what it holds, in this order:

1. the row still holds the log stored under its own identity (same date and theme);
2. the row holds a log stored earlier from Excel for the unit with the same date and theme (a moved
   row; the logs of this form are tried first): that log, unchanged or changed;
3. the row's own log is not taken by another row and shares the date or the theme: edited in place;
4. otherwise a new log. If the row's identity is already a stored log (the row was reused for another
   session), the new log gets an identity derived from the row's and its date and theme.

A stored log of this form that no row holds any more is never deleted or overwritten: it is kept and
shown in the preview («Raden er tømt – loggen beholdes»).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import SessionLog
from .log_templates import ReturnedRow
from .session_logs import SessionLogCreate


@dataclass(frozen=True)
class MatchedRow:
    row: ReturnedRow
    log: SessionLogCreate
    log_id: uuid.UUID  # the identity the row is stored under
    existing: SessionLog | None
    moved_from: int | None = None  # the form row the log was stored from, when the row was moved


@dataclass(frozen=True)
class KeptLog:
    excel_row: int  # the form row the log was stored from
    log: SessionLog
    reused: bool  # the row now holds a new session (else it is empty, or its session moved elsewhere)


def theme_key(theme: str | None) -> str:
    return " ".join((theme or "").split()).casefold()


def _key(log) -> tuple:
    return log.held_on, theme_key(log.theme)


def derived_id(row_id: uuid.UUID, log: SessionLogCreate, taken: set[uuid.UUID]) -> uuid.UUID:
    """The identity of a new session typed into a row whose own identity is already a stored log: the
    same row and session give the same identity, and never one in `taken`."""
    name, n = f"{log.held_on.isoformat()}|{theme_key(log.theme)}", 1
    candidate = uuid.uuid5(row_id, name)
    while candidate in taken:
        n += 1
        candidate = uuid.uuid5(row_id, f"{name}|{n}")
    return candidate


def match_rows(typed: list[tuple[ReturnedRow, SessionLogCreate]], row_ids: dict[int, uuid.UUID],
               form_logs: dict[uuid.UUID, SessionLog], unit_logs: Iterable[SessionLog]
               ) -> tuple[list[MatchedRow], list[KeptLog]]:
    """Match the valid typed rows of one sheet with the stored logs.

    `row_ids`: every input row of the sheet → its identity; `form_logs`: the stored logs whose
    identity is one of them; `unit_logs`: the unit's logs imported from Excel that share a date and
    theme with a typed row. A kept log is `reused` when its row now holds a new session."""
    row_of = {row_id: number for number, row_id in row_ids.items()}
    by_key: dict[tuple, list[SessionLog]] = {}
    for log in sorted({log.id: log for log in (*form_logs.values(), *unit_logs)}.values(),
                      key=lambda log: (log.id not in form_logs, log.created_at, str(log.id))):
        by_key.setdefault(_key(log), []).append(log)
    claimed: set[uuid.UUID] = set()
    taken = set(row_ids.values()) | {log.id for logs in by_key.values() for log in logs}
    chosen: dict[int, MatchedRow] = {}

    def take(index: int, row: ReturnedRow, log: SessionLogCreate, stored: SessionLog) -> None:
        claimed.add(stored.id)
        moved = row_of.get(stored.id)
        chosen[index] = MatchedRow(row, log, stored.id, stored, moved if moved != row.excel_row else None)

    for index, (row, log) in enumerate(typed):  # 1. in its own place
        own = form_logs.get(row.row_id)
        if own is not None and _key(own) == _key(log):
            take(index, row, log, own)
    for index, (row, log) in enumerate(typed):  # 2. moved here (or typed again) with the same date and theme
        if index not in chosen:
            stored = next((s for s in by_key.get(_key(log), ()) if s.id not in claimed), None)
            if stored is not None:
                take(index, row, log, stored)
    for index, (row, log) in enumerate(typed):  # 3. edited in place, 4. new
        if index in chosen:
            continue
        own = form_logs.get(row.row_id)
        if own is not None and own.id not in claimed and (own.held_on == log.held_on
                                                          or theme_key(own.theme) == theme_key(log.theme)):
            take(index, row, log, own)
        elif own is None and row.row_id not in claimed:
            chosen[index] = MatchedRow(row, log, row.row_id, None)
        else:
            chosen[index] = MatchedRow(row, log, derived_id(row.row_id, log, taken), None)
        claimed.add(chosen[index].log_id)
    fresh = {m.row.excel_row for m in chosen.values() if m.existing is None}  # rows that hold a new session
    kept = [KeptLog(row_of[log.id], log, row_of[log.id] in fresh)
            for log in form_logs.values() if log.id not in claimed]
    return [chosen[i] for i in range(len(typed))], sorted(kept, key=lambda k: k.excel_row)
