"""Built-in content shipped as data files: the codebook, vignettes and reflection templates.

The files live under ``resources/content/``. Each loader validates its files with pydantic and
turns any problem into a ``DomainError`` that names the file. ``ensure_builtin_content`` copies the
codebook and the vignettes into the database once; running it again adds only what is missing.
"""

from __future__ import annotations

import json
import re
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlmodel import Session, select

import storage

from .errors import DomainError
from .i18n import _
from .models.vignettes import Code, Codebook, Vignette, VignetteVersion
from .store import Store

CONTENT_DIR = Path(storage.__file__).resolve().parent.parent / "resources" / "content"
CODEBOOK_FILE = "codebook.json"
VIGNETTE_DIR = "vignettes"
TEMPLATE_DIR = "reflection_templates"
BUILTIN_CODEBOOK_NAME = "Standard kodebok"

#: The three goals every vignette must touch at least one of.
GOAL_THEMES = ("forebygge", "avdekke", "håndtere")

#: Situations the built-in vignette set must cover between them (the ``topics`` field).
Topic = Literal[
    "exclusion_from_play", "digital_bullying", "skin_colour_background", "child_who_bullies",
    "adult_violation", "parent_conflict", "transition_cloakroom", "transition_meal",
    "transition_break",
]
REQUIRED_TOPICS: tuple[str, ...] = Topic.__args__  # type: ignore[attr-defined]

MIN_WORDS, MAX_WORDS = 80, 200
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of letters/digits, hyphenated words count once."""
    return len(_WORD.findall(text))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- codebook -------------------------------------------------------------------------------------

class BuiltinCode(_Strict):
    key: str = Field(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1, max_length=120)
    ordinal: int = Field(ge=0)
    shortcut: str = Field(min_length=1, max_length=1)


class BuiltinDimension(_Strict):
    key: str = Field(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1, max_length=120)
    description: str = Field(min_length=10, max_length=400)
    multiple: bool = False
    numeric: bool = False
    codes: list[BuiltinCode] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_codes(self) -> BuiltinDimension:
        keys = [c.key for c in self.codes]
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate code key in dimension {self.key}")
        return self


class BuiltinCodebook(_Strict):
    name: str = Field(min_length=2, max_length=120)
    version: int = Field(ge=1)
    dimensions: list[BuiltinDimension] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> BuiltinCodebook:
        dims = [d.key for d in self.dimensions]
        if len(dims) != len(set(dims)):
            raise ValueError("duplicate dimension key")
        shortcuts = [c.shortcut.lower() for d in self.dimensions for c in d.codes]
        dupes = sorted({s for s in shortcuts if shortcuts.count(s) > 1})
        if dupes:
            raise ValueError(f"shortcut used more than once: {', '.join(dupes)}")
        return self

    def dimension(self, key: str) -> BuiltinDimension:
        for d in self.dimensions:
            if d.key == key:
                return d
        raise KeyError(key)

    def code_rows(self) -> list[dict]:
        """One dict per code with the fields of the ``Code`` table (without codebook_id)."""
        return [
            {"dimension": d.key, "key": c.key, "label": c.label, "ordinal": c.ordinal,
             "multiple": d.multiple, "numeric": d.numeric, "shortcut": c.shortcut}
            for d in self.dimensions for c in d.codes
        ]


# --- vignettes ------------------------------------------------------------------------------------

class BuiltinVignette(_Strict):
    builtin_key: str = Field(min_length=2, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=2, max_length=200)
    target: Literal["kindergarten", "school", "both"]
    setting: str = Field(min_length=2, max_length=200)
    text: str = Field(min_length=20, max_length=4000)
    follow_up_questions: list[str] = Field(min_length=2, max_length=4)
    themes: list[str] = Field(min_length=1)
    topics: list[Topic] = Field(default_factory=list)
    phase_minutes: list[int] = Field(min_length=3, max_length=3)

    @field_validator("text")
    @classmethod
    def _text_shape(cls, text: str) -> str:
        n = word_count(text)
        if not MIN_WORDS <= n <= MAX_WORDS:
            raise ValueError(f"text has {n} words, expected {MIN_WORDS}-{MAX_WORDS}")
        if not text.endswith("?"):
            raise ValueError("text must end with a question to the reader")
        return text

    @field_validator("follow_up_questions")
    @classmethod
    def _questions(cls, questions: list[str]) -> list[str]:
        if any(not q.strip().endswith("?") for q in questions):
            raise ValueError("every follow-up question must end with '?'")
        return questions

    @field_validator("themes")
    @classmethod
    def _themes(cls, themes: list[str]) -> list[str]:
        if not any(t in GOAL_THEMES for t in themes):
            raise ValueError(f"themes must include one of {', '.join(GOAL_THEMES)}")
        return themes

    @field_validator("phase_minutes")
    @classmethod
    def _minutes(cls, minutes: list[int]) -> list[int]:
        if any(m < 0 or m > 120 for m in minutes):
            raise ValueError("phase minutes must be between 0 and 120")
        return minutes

    @property
    def word_count(self) -> int:
        return word_count(self.text)


# --- reflection templates -------------------------------------------------------------------------

class ReflectionTemplate(_Strict):
    key: str = Field(min_length=2, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=2, max_length=200)
    purpose: str = Field(min_length=10, max_length=600)
    target: Literal["kindergarten", "school", "both"] = "both"
    steps: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    suggested_minutes: int = Field(ge=5, le=480)

    @model_validator(mode="after")
    def _has_content(self) -> ReflectionTemplate:
        if len(self.steps) + len(self.questions) < 3:
            raise ValueError("a template needs at least three steps or questions")
        return self


# --- loading --------------------------------------------------------------------------------------

def _read(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DomainError(_("Innebygd innhold mangler eller kan ikke leses: {file}. Installer Nettverkslogg på "
                            "nytt.").format(file=path.name), field=str(path)) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DomainError(_("Filen {file} med innebygd innhold er ikke gyldig JSON: {detail}").format(
            file=path.name, detail=exc), field=str(path)) from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(fil)'}: {e['msg']}" for e in exc.errors()[:5])
        raise DomainError(_("Filen {file} med innebygd innhold har feil: {detail}").format(
            file=path.name, detail=problems), field=str(path)) from exc


def _files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise DomainError(_("Mappen med innebygd innhold finnes ikke: {folder}").format(
            folder=directory), field=str(directory))
    return sorted(directory.glob("*.json"))


@lru_cache(maxsize=8)
def _codebook(directory: Path) -> BuiltinCodebook:
    return _read(directory / CODEBOOK_FILE, BuiltinCodebook)  # type: ignore[return-value]


@lru_cache(maxsize=8)
def _vignettes(directory: Path) -> tuple[BuiltinVignette, ...]:
    items = [_read(p, BuiltinVignette) for p in _files(directory / VIGNETTE_DIR)]
    seen: dict[str, str] = {}
    for path, item in zip(_files(directory / VIGNETTE_DIR), items, strict=True):
        if item.builtin_key in seen:  # type: ignore[attr-defined]
            raise DomainError(_("Nøkkelen {key} i {file} er allerede brukt i {other}").format(
                key=item.builtin_key, file=path.name, other=seen[item.builtin_key]),  # type: ignore[attr-defined]
                field=str(path))
        seen[item.builtin_key] = path.name  # type: ignore[attr-defined]
    return tuple(items)  # type: ignore[arg-type]


@lru_cache(maxsize=8)
def _templates(directory: Path) -> tuple[ReflectionTemplate, ...]:
    items = [_read(p, ReflectionTemplate) for p in _files(directory / TEMPLATE_DIR)]
    keys = [t.key for t in items]  # type: ignore[attr-defined]
    if len(keys) != len(set(keys)):
        raise DomainError(_("To refleksjonsmaler har samme nøkkel i {folder}").format(
            folder=directory / TEMPLATE_DIR))
    return tuple(items)  # type: ignore[arg-type]


def _dir(directory: Path | str | None) -> Path:
    return Path(directory).resolve() if directory is not None else CONTENT_DIR


def load_codebook(directory: Path | str | None = None) -> BuiltinCodebook:
    """The built-in codebook from ``<directory>/codebook.json`` (default: resources/content)."""
    return _codebook(_dir(directory))


def load_vignettes(directory: Path | str | None = None) -> list[BuiltinVignette]:
    """Every built-in vignette from ``<directory>/vignettes/*.json``, sorted by file name."""
    return list(_vignettes(_dir(directory)))


def load_reflection_templates(directory: Path | str | None = None) -> list[ReflectionTemplate]:
    """Every reflection template from ``<directory>/reflection_templates/*.json``."""
    return list(_templates(_dir(directory)))


def clear_cache() -> None:
    """Forget loaded files (tests, or after the files changed on disk)."""
    for fn in (_codebook, _vignettes, _templates):
        fn.cache_clear()


# --- into the database ----------------------------------------------------------------------------

# Built-in rows get the same UUID in every database (derived from their keys), so databases merged
# from several laptops agree on them and example data is reproducible.
_BUILTIN_NAMESPACE = uuid.UUID("6f1d2a4e-5b7c-4d8e-9f10-2a3b4c5d6e7f")


def builtin_id(*parts: str) -> uuid.UUID:
    return uuid.uuid5(_BUILTIN_NAMESPACE, ":".join(parts))


def ensure_builtin_content(session: Session, directory: Path | str | None = None) -> None:
    """Insert the built-in codebook, its codes and the built-in vignettes that are not there yet.

    Idempotent: the codebook is matched on ``builtin=True`` (codes on dimension + key), vignettes on
    ``builtin_key``. Nothing that exists is changed. The caller owns the transaction.
    """
    book = load_codebook(directory)
    codebook = session.exec(select(Codebook).where(Codebook.builtin == True)).first()  # noqa: E712
    if codebook is None:
        codebook = Codebook(id=builtin_id("codebook"), name=_(BUILTIN_CODEBOOK_NAME), builtin=True)
        session.add(codebook)
        session.flush()  # no ORM relationships: the parent row must exist before its codes
        have: set[tuple[str, str]] = set()
    else:
        have = {(c.dimension, c.key) for c in
                session.exec(select(Code).where(Code.codebook_id == codebook.id))}
    for row in book.code_rows():
        if (row["dimension"], row["key"]) not in have:
            session.add(Code(id=builtin_id("code", row["dimension"], row["key"]), codebook_id=codebook.id, **row))

    existing = set(session.exec(
        select(Vignette.builtin_key).where(Vignette.builtin_key.is_not(None))))  # type: ignore[union-attr]
    missing = [item for item in load_vignettes(directory) if item.builtin_key not in existing]
    parents = [Vignette(id=builtin_id("vignette", item.builtin_key), title=item.title, target=item.target,
                        builtin_key=item.builtin_key) for item in missing]
    session.add_all(parents)
    session.flush()
    for item, vignette in zip(missing, parents, strict=True):
        session.add(VignetteVersion(
            id=builtin_id("vignette", item.builtin_key, "1"), vignette_id=vignette.id, version=1, text=item.text,
            follow_up_questions=list(item.follow_up_questions), setting=item.setting,
            themes=list(item.themes), phase_minutes=list(item.phase_minutes)))
    session.flush()


def ensure_builtin_content_store(store: Store, directory: Path | str | None = None) -> None:
    """``ensure_builtin_content`` in a transaction of its own."""
    with store.transaction() as session:
        ensure_builtin_content(session, directory)


HELP_PAGES = ("overview", "planning", "gatherings", "unit_logs", "vignettes", "funds", "reports", "settings")


def help_text(page: str, directory: Path | None = None) -> str:
    """The built-in guide for one page (Markdown, bokmål): what the page is for, what Udir requires,
    where the data goes. Read from ``<directory>/help/<page>.md``; no network needed."""
    if page not in HELP_PAGES:
        raise ValueError(page)
    return ((directory or CONTENT_DIR) / "help" / f"{page}.md").read_text(encoding="utf-8")
