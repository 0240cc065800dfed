"""Coding answers with a codebook, for one coder identity at a time.

- Codes are chosen by reference ("responsibility:high", or a bare key such as "high" when only one
  dimension has it) or by their one-key shortcuts ("3", "s", "f").
- A single-choice dimension holds one code per coder: a new code replaces the previous one. A
  multiple-choice dimension toggles: choosing a code that is there removes it. A numeric dimension
  (repertoire) carries a number, set with `set_number`.
- A code outside the codebook is refused with a Norwegian message, and nothing is stored.
- Users add their own codes (a new code in a dimension, or a new dimension) and codebooks. Deleting a
  code in use needs a choice: move its codings to another code of the same dimension, or delete them.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import func
from sqlmodel import Session, select

from ..content import load_codebook
from ..errors import DomainError
from ..i18n import _, ngettext
from ..models.vignettes import (
    Code,
    Codebook,
    CodebookCreate,
    CodebookRead,
    CodeCreate,
    CodeRead,
    Coding,
    Response,
)
from ..store import Store
from ..validation import validated
from .common import require


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    multiple: bool
    numeric: bool
    codes: tuple[CodeRead, ...]  # by ordinal


@dataclass(frozen=True)
class CodebookView:
    """A codebook with its dimensions in order and its codes by id, reference and shortcut."""

    codebook: CodebookRead
    dimensions: tuple[Dimension, ...]
    by_id: dict[uuid.UUID, CodeRead] = field(repr=False)
    by_shortcut: dict[str, CodeRead] = field(repr=False)

    def dimension(self, key: str) -> Dimension:
        for d in self.dimensions:
            if d.key == key:
                return d
        raise DomainError(_("Dimensjonen «{dimension}» finnes ikke i kodeboka «{book}».").format(
            dimension=key, book=self.codebook.name), field="dimension")

    def code(self, ref: str | uuid.UUID) -> CodeRead:
        """The code named by id, "dimension:key" (or "dimension.key"), or a key only one dimension has."""
        if isinstance(ref, uuid.UUID):
            if ref in self.by_id:
                return self.by_id[ref]
        else:
            text = ref.strip()
            dimension, sep, key = text.rpartition(":") if ":" in text else text.rpartition(".")
            if sep:
                hits = [c for c in self.by_id.values() if c.dimension == dimension and c.key == key]
            else:
                hits = [c for c in self.by_id.values() if c.key == text]
            if len(hits) == 1:
                return hits[0]
        raise DomainError(_("Koden «{code}» finnes ikke i kodeboka «{book}».").format(
            code=ref, book=self.codebook.name), field="code")


@dataclass(frozen=True)
class ResponseCodes:
    """What one coder has coded on one answer: codes per dimension and numbers of numeric dimensions."""

    response_id: uuid.UUID
    coder: str
    codes: dict[str, list[CodeRead]]
    numbers: dict[str, int]

    def keys(self) -> set[str]:
        return {f"{c.dimension}:{c.key}" for codes in self.codes.values() for c in codes}


@lru_cache(maxsize=1)
def _builtin_dimensions() -> dict[str, str]:
    try:
        return {d.key: d.label for d in load_codebook().dimensions}
    except DomainError:  # broken content files are reported by the content checks
        return {}


def dimension_label(key: str) -> str:
    """The Norwegian name of a dimension: the built-in label, or the user's own dimension name."""
    return _(_builtin_dimensions().get(key, key))


def _builtin_code_keys() -> set[tuple[str, str]]:
    try:
        return {(row["dimension"], row["key"]) for row in load_codebook().code_rows()}
    except DomainError:
        return set()


def _codebook_row(session: Session, codebook_id: uuid.UUID | None) -> Codebook:
    if codebook_id is not None:
        return require(session, Codebook, codebook_id, _("Fant ikke kodeboka."))
    row = session.exec(select(Codebook).where(Codebook.builtin == True)).first()  # noqa: E712
    if row is None:
        raise DomainError(_("Den innebygde kodeboka er ikke lagt inn ennå. Opprett en kommune først."))
    return row


def _view(session: Session, book: Codebook) -> CodebookView:
    codes = [CodeRead.model_validate(c) for c in session.exec(select(Code).where(Code.codebook_id == book.id))]
    order: dict[str, int] = {key: i for i, key in enumerate(_builtin_dimensions())}
    grouped: dict[str, list[CodeRead]] = {}
    for code in sorted(codes, key=lambda c: (c.ordinal, c.label)):
        grouped.setdefault(code.dimension, []).append(code)
    first_seen = {key: min(c.created_at for c in items) for key, items in grouped.items()}
    keys = sorted(grouped, key=lambda k: (order.get(k, len(order)), first_seen[k], k))
    dimensions = tuple(Dimension(k, dimension_label(k), grouped[k][0].multiple, grouped[k][0].numeric,
                                 tuple(grouped[k])) for k in keys)
    shortcuts = {c.shortcut.casefold(): c for c in codes if c.shortcut}
    return CodebookView(CodebookRead.model_validate(book), dimensions, {c.id: c for c in codes}, shortcuts)


def codebook_view(session: Session, codebook_id: uuid.UUID | None = None) -> CodebookView:
    """The codebook (default: the built-in one) inside the caller's session."""
    return _view(session, _codebook_row(session, codebook_id))


def get_codebook(store: Store, codebook_id: uuid.UUID | None = None) -> CodebookView:
    with store.reader() as session:
        return codebook_view(session, codebook_id)


def list_codebooks(store: Store) -> list[CodebookRead]:
    """The built-in codebook first, then the user's own by name."""
    with store.reader() as session:
        rows = session.exec(select(Codebook).order_by(Codebook.builtin.desc(), Codebook.name)).all()  # type: ignore[attr-defined]
        return [CodebookRead.model_validate(r) for r in rows]


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


# --- the user's own codes -------------------------------------------------------------------------

def create_codebook(store: Store, name: str, *, copy_from: uuid.UUID | None = None) -> CodebookView:
    """A codebook of the user's own, empty or a copy of another (e.g. the built-in one) to extend."""
    data = validated(CodebookCreate, {"name": name})
    with store.transaction() as session:
        if session.exec(select(Codebook).where(func.lower(Codebook.name) == data.name.lower())).first():
            raise DomainError(_("En kodebok med navnet «{name}» finnes allerede.").format(name=data.name),
                              field="name")
        book = Codebook(name=data.name)
        session.add(book)
        session.flush()
        if copy_from is not None:
            source = require(session, Codebook, copy_from, _("Fant ikke kodeboka."))
            for code in session.exec(select(Code).where(Code.codebook_id == source.id)).all():
                session.add(Code(codebook_id=book.id, **code.model_dump(include=set(CodeCreate.model_fields))))
            session.flush()
        return _view(session, book)


def _slug(label: str) -> str:
    text = label.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:50] or "kode"


def add_code(store: Store, codebook_id: uuid.UUID, data: CodeCreate | dict) -> CodeRead:
    """A new code in an existing dimension (it takes the dimension's kind) or in a new dimension."""
    data = validated(CodeCreate, data)
    with store.transaction() as session:
        view = codebook_view(session, codebook_id)
        dim = next((d for d in view.dimensions if d.key == data.dimension), None)
        multiple, numeric = (dim.multiple, dim.numeric) if dim else (data.multiple, data.numeric)
        if multiple and numeric:
            raise DomainError(_("En dimensjon kan ikke både være et antall og ha flere koder per svar."),
                              field="numeric")
        if dim is not None and dim.numeric:
            raise DomainError(_("«{dimension}» er et antall og har bare én kode.").format(dimension=dim.label),
                              field="dimension")
        siblings = dim.codes if dim else ()
        same = next((c for c in siblings if c.label.casefold() == data.label.casefold()), None)
        if same is not None:
            raise DomainError(_("«{label}» finnes allerede i «{dimension}».").format(
                label=same.label, dimension=dim.label), field="label")
        key = data.key or _slug(data.label)
        taken = {c.key for c in siblings}
        if data.key and key in taken:
            raise DomainError(_("Nøkkelen «{key}» er allerede brukt i «{dimension}».").format(
                key=key, dimension=dim.label), field="key")
        base, n = key, 2
        while key in taken:
            key, n = f"{base}_{n}", n + 1
        if data.shortcut is not None:
            if len(data.shortcut) != 1:
                raise DomainError(_("En hurtigtast er ett tegn."), field="shortcut")
            clash = view.by_shortcut.get(data.shortcut.casefold())
            if clash is not None:
                raise DomainError(_("Hurtigtasten «{key}» brukes allerede av «{label}».").format(
                    key=data.shortcut, label=clash.label), field="shortcut")
        ordinal = data.ordinal or max((c.ordinal for c in siblings), default=0) + 1
        row = Code(codebook_id=view.codebook.id, dimension=data.dimension, key=key, label=data.label,
                   ordinal=ordinal, multiple=multiple, numeric=numeric, shortcut=data.shortcut)
        session.add(row)
        session.flush()
        return CodeRead.model_validate(row)


def code_usage(store: Store, code_id: uuid.UUID) -> int:
    """How many codings use a code."""
    with store.reader() as session:
        return session.exec(select(func.count()).select_from(Coding).where(Coding.code_id == code_id)).one()


def delete_code(store: Store, code_id: uuid.UUID, remap_to: uuid.UUID | None = None,
                delete_codings: bool = False) -> int:
    """Delete a code. If codings use it, say where they go: `remap_to` another code of the same dimension,
    or `delete_codings=True`. Returns how many codings were moved or deleted. Built-in codes stay."""
    with store.transaction() as session:
        code = require(session, Code, code_id, _("Fant ikke koden."))
        book = session.get(Codebook, code.codebook_id)
        if book.builtin and (code.dimension, code.key) in _builtin_code_keys():
            raise DomainError(_("Kodene i den innebygde kodeboka kan ikke slettes. Lag en egen kodebok hvis du "
                                "trenger andre koder."), field="code")
        codings = session.exec(select(Coding).where(Coding.code_id == code_id)).all()
        if codings and remap_to is None and not delete_codings:
            raise DomainError(ngettext(
                "Koden «{label}» er brukt i {n} koding. Velg en annen kode i «{dimension}» som kodingen skal "
                "flyttes til, eller velg å slette kodingen.",
                "Koden «{label}» er brukt i {n} kodinger. Velg en annen kode i «{dimension}» som kodingene skal "
                "flyttes til, eller velg å slette kodingene.", len(codings)).format(
                label=code.label, n=len(codings), dimension=dimension_label(code.dimension)), field="remap_to")
        if remap_to is not None and delete_codings:
            raise DomainError(_("Velg enten å flytte kodingene eller å slette dem, ikke begge."), field="remap_to")
        if remap_to is not None:
            target = require(session, Code, remap_to, _("Fant ikke koden kodingene skal flyttes til."))
            if target.id == code.id or target.codebook_id != code.codebook_id or target.dimension != code.dimension:
                raise DomainError(_("Kodingene kan bare flyttes til en annen kode i samme dimensjon («{dimension}»)."
                                    ).format(dimension=dimension_label(code.dimension)), field="remap_to")
            have = set(session.exec(select(Coding.response_id, Coding.coder).where(Coding.code_id == target.id)))
            for row in codings:
                if (row.response_id, row.coder) in have:  # already has the target code: keep one
                    session.delete(row)
                else:
                    row.code_id = target.id
        else:
            for row in codings:
                session.delete(row)
        session.flush()
        session.delete(code)
        return len(codings)


# --- for agreement and analysis -------------------------------------------------------------------

def load_codings(session: Session, session_ids: Iterable[uuid.UUID], view: CodebookView,
                 coders: Iterable[str] | None = None) -> list[tuple[uuid.UUID, str, uuid.UUID, int | None]]:
    """(response id, coder, code id, number) for every coding of the sessions' answers in the codebook,
    in one query."""
    ids = list(session_ids)
    if not ids:
        return []
    query = (select(Coding.response_id, Coding.coder, Coding.code_id, Coding.value_number)
             .join(Response, Response.id == Coding.response_id)
             .join(Code, Code.id == Coding.code_id)
             .where(Response.session_id.in_(ids), Code.codebook_id == view.codebook.id))  # type: ignore[attr-defined]
    if coders is not None:
        query = query.where(Coding.coder.in_(list(coders)))  # type: ignore[attr-defined]
    return list(session.exec(query).all())
