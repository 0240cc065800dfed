"""Codebooks: the built-in one and the user's own, their dimensions and codes.

Users add their own codes — a new code in a dimension (it takes the dimension's single / multiple /
numeric kind) or a new dimension — and codebooks of their own, empty or copied from another. Deleting a
code in use needs a choice: move its codings to another code of the same dimension, or delete them.
The built-in codes cannot be deleted.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import func
from sqlmodel import Session, select

from ..content import load_codebook
from ..errors import DomainError
from ..i18n import _, ngettext
from ..models.vignettes import Code, Codebook, CodebookCreate, CodebookRead, CodeCreate, CodeRead, Coding
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
