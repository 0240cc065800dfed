"""Coding answers with a codebook, for one coder identity at a time.

- Codes are chosen by reference ("responsibility:high", or a bare key such as "high" when only one
  dimension has it) or by their one-key shortcuts ("3", "s", "f").
- A single-choice dimension holds one code per coder: a new code replaces the previous one. A
  multiple-choice dimension toggles: choosing a code that is there removes it. A numeric dimension
  (repertoire) carries a number, set with `set_number`.
- A code outside the codebook is refused with a Norwegian message, and nothing is stored.

The codebooks themselves (user codes, deleting a code in use) are in codebooks.py; the fast reads
behind agreement and analysis are at the end of this module.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import String, exists, func, type_coerce
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from ..errors import DomainError
from ..i18n import _
from ..models.vignettes import CodeRead, Coding, Response
from ..store import Store
from .codebooks import (  # noqa: F401  (re-exported: the coding page needs both)
    CodebookView,
    Dimension,
    add_code,
    code_usage,
    codebook_view,
    create_codebook,
    delete_code,
    dimension_label,
    get_codebook,
    list_codebooks,
)
from .common import require


@dataclass(frozen=True)
class ResponseCodes:
    """What one coder has coded on one answer: codes per dimension and numbers of numeric dimensions."""

    response_id: uuid.UUID
    coder: str
    codes: dict[str, list[CodeRead]]
    numbers: dict[str, int]

    def keys(self) -> set[str]:
        return {f"{c.dimension}:{c.key}" for codes in self.codes.values() for c in codes}


# --- coding answers -------------------------------------------------------------------------------

def _coder(coder: str | None) -> str:
    coder = (coder or "").strip()
    if not coder or len(coder) > 60:
        raise DomainError(_("Skriv inn hvem som koder, for eksempel initialene dine (høyst 60 tegn)."),
                          field="coder")
    return coder


def _existing(session: Session, response_id: uuid.UUID, coder: str, view: CodebookView) -> list[Coding]:
    rows = session.exec(select(Coding).where(Coding.response_id == response_id, Coding.coder == coder)).all()
    return [r for r in rows if r.code_id in view.by_id]


def _state(response_id: uuid.UUID, coder: str, rows: Iterable[Coding], view: CodebookView) -> ResponseCodes:
    codes: dict[str, list[CodeRead]] = {}
    numbers: dict[str, int] = {}
    for row in rows:
        code = view.by_id[row.code_id]
        if code.numeric:
            if row.value_number is not None:
                numbers[code.dimension] = row.value_number
        else:
            codes.setdefault(code.dimension, []).append(code)
    for items in codes.values():
        items.sort(key=lambda c: c.ordinal)
    return ResponseCodes(response_id, coder, codes, numbers)


def response_codes(store: Store, response_id: uuid.UUID, coder: str,
                   codebook_id: uuid.UUID | None = None) -> ResponseCodes:
    with store.reader() as session:
        require(session, Response, response_id, _("Fant ikke svaret."))
        view = codebook_view(session, codebook_id)
        return _state(response_id, coder, _existing(session, response_id, coder, view), view)


def _drop(session: Session, row: Coding) -> None:
    """Remove a coding, also one added earlier in the same call and not flushed yet."""
    if row in session.new:
        session.expunge(row)
    else:
        session.delete(row)


def _apply(session: Session, response_id: uuid.UUID, coder: str, view: CodebookView,
           codes: list[CodeRead]) -> ResponseCodes:
    rows = {r.code_id: r for r in _existing(session, response_id, coder, view)}
    for code in codes:
        if code.numeric:
            raise DomainError(_("«{dimension}» er et antall: skriv tallet i stedet for å velge koden.").format(
                dimension=dimension_label(code.dimension)), field="value_number")
        if code.multiple:
            if code.id in rows:
                _drop(session, rows.pop(code.id))
            else:
                rows[code.id] = Coding(response_id=response_id, code_id=code.id, coder=coder)
                session.add(rows[code.id])
            continue
        for other_id in list(rows):
            if other_id != code.id and view.by_id[other_id].dimension == code.dimension:
                _drop(session, rows.pop(other_id))
        if code.id not in rows:
            rows[code.id] = Coding(response_id=response_id, code_id=code.id, coder=coder)
            session.add(rows[code.id])
    session.flush()
    return _state(response_id, coder, rows.values(), view)


def apply_codes(store: Store, response_id: uuid.UUID, coder: str, codes: Iterable[str | uuid.UUID], *,
                codebook_id: uuid.UUID | None = None) -> ResponseCodes:
    """Code an answer by code references, in order. Every reference is checked before anything is stored."""
    coder = _coder(coder)
    with store.transaction() as session:
        require(session, Response, response_id, _("Fant ikke svaret."))
        view = codebook_view(session, codebook_id)
        return _apply(session, response_id, coder, view, [view.code(ref) for ref in codes])


def apply_shortcuts(store: Store, response_id: uuid.UUID, coder: str, keys: str | Iterable[str], *,
                    codebook_id: uuid.UUID | None = None) -> ResponseCodes:
    """Code an answer by shortcut keys ("3sf" is three keys). Case does not matter; spaces are skipped."""
    coder = _coder(coder)
    keys = [k for k in keys if k.strip()]
    with store.transaction() as session:
        require(session, Response, response_id, _("Fant ikke svaret."))
        view = codebook_view(session, codebook_id)
        codes = []
        for key in keys:
            code = view.by_shortcut.get(key.strip().casefold())
            if code is None:
                raise DomainError(_("Hurtigtasten «{key}» hører ikke til noen kode i kodeboka «{book}».").format(
                    key=key, book=view.codebook.name), field="shortcut")
            codes.append(code)
        return _apply(session, response_id, coder, view, codes)


def set_number(store: Store, response_id: uuid.UUID, coder: str, dimension: str, value: int | None, *,
               codebook_id: uuid.UUID | None = None) -> ResponseCodes:
    """Set (or with None remove) the number of a numeric dimension, e.g. the repertoire's count."""
    coder = _coder(coder)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000):
        raise DomainError(_("Antallet må være et helt tall fra 0 til 1000."), field="value_number")
    with store.transaction() as session:
        require(session, Response, response_id, _("Fant ikke svaret."))
        view = codebook_view(session, codebook_id)
        dim = view.dimension(dimension)
        if not dim.numeric:
            raise DomainError(_("«{dimension}» er ikke et antall.").format(dimension=dim.label), field="dimension")
        code = dim.codes[0]
        rows = {r.code_id: r for r in _existing(session, response_id, coder, view)}
        row = rows.get(code.id)
        if value is None:
            if row is not None:
                session.delete(rows.pop(code.id))
        elif row is None:
            rows[code.id] = Coding(response_id=response_id, code_id=code.id, coder=coder, value_number=value)
            session.add(rows[code.id])
        else:
            row.value_number = value
        session.flush()
        return _state(response_id, coder, rows.values(), view)


def clear_dimension(store: Store, response_id: uuid.UUID, coder: str, dimension: str, *,
                    codebook_id: uuid.UUID | None = None) -> ResponseCodes:
    """Remove the coder's codes of one dimension on an answer."""
    coder = _coder(coder)
    with store.transaction() as session:
        view = codebook_view(session, codebook_id)
        view.dimension(dimension)
        rows = _existing(session, response_id, coder, view)
        for row in rows:
            if view.by_id[row.code_id].dimension == dimension:
                session.delete(row)
        session.flush()
        return _state(response_id, coder, [r for r in rows if view.by_id[r.code_id].dimension != dimension], view)


def session_coders(store: Store, session_id: uuid.UUID) -> list[tuple[str, int]]:
    """Who coded answers of a session and how many answers each coded, most first."""
    with store.reader() as session:
        rows = session.exec(select(Coding.coder, func.count(func.distinct(Coding.response_id)))
                            .join(Response, Response.id == Coding.response_id)
                            .where(Response.session_id == session_id).group_by(Coding.coder)).all()
    return sorted(((c, n) for c, n in rows), key=lambda item: (-item[1], item[0]))


# --- for agreement and analysis -------------------------------------------------------------------

def raw_id(column):
    """A UUID column read as the database returns it (no uuid.UUID per row). Turn a value back into a
    UUID with `as_uuid`."""
    return type_coerce(column, String)


def as_uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector around a burst of short-lived tuples and dicts.

    Reading 20 000 codings allocates enough containers to trigger full collections, which walk every
    object of the loaded app (SQLAlchemy, pydantic, Qt): 3 ms of work became 60 ms. Nothing made in
    these passes is cyclic garbage, so nothing is lost by collecting a moment later."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def fetch_plain(session: Session, query) -> list[tuple]:
    """The rows of a core query as the driver's plain tuples.

    Building and unpacking SQLAlchemy Row objects costs about 1.5 µs a row, most of the time of the
    20 000-row reads behind agreement and analysis. Only for columns that need no result processing:
    text, integers, and ids read with `raw_id`."""
    result = session.connection().execute(query)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def load_codings(session: Session, session_ids: Iterable[uuid.UUID], view: CodebookView,
                 coders: Iterable[str] | None = None, *, double_coded: bool = False
                 ) -> list[tuple[object, str, CodeRead, int | None, str]]:
    """(raw response id, coder, code, number, respondent) for every coding of the sessions' answers in
    the codebook.

    One query, driven by the sessions' answers (response.session_id → coding.response_id).
    `double_coded` keeps only answers every one of `coders` has coded. Codings of other codebooks are
    dropped here rather than in SQL, where SQLite would scan every coding of the code instead."""
    ids = list(session_ids)
    if not ids:
        return []
    query = (select(raw_id(Coding.response_id), Coding.coder, raw_id(Coding.code_id), Coding.value_number,
                    Response.respondent)
             .join(Response, Response.id == Coding.response_id)
             .where(Response.session_id.in_(ids)))  # type: ignore[attr-defined]
    if coders is not None:
        coders = list(coders)
        query = query.where(Coding.coder.in_(coders))  # type: ignore[attr-defined]
        if double_coded:
            for coder in coders:
                other = aliased(Coding)
                query = query.where(exists().where(other.response_id == Response.id, other.coder == coder))
    codes = {key: code for code in view.by_id.values() for key in (code.id, code.id.hex, str(code.id))}
    return [(rid, coder, codes[code_id], number, name)
            for rid, coder, code_id, number, name in fetch_plain(session, query) if code_id in codes]
