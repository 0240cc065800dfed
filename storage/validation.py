"""Turn pydantic validation errors into one DomainError with a Norwegian message naming the field."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DomainError
from .i18n import _

M = TypeVar("M", bound=BaseModel)

FIELD_LABELS: dict[str, str] = {
    "name": "Navn", "number": "Kommunenummer", "county": "Fylke", "inhabitants": "Innbyggertall",
    "offer": "Tilbud", "cohort": "Pulje", "period_start": "Periodestart", "period_end": "Periodeslutt",
    "kind": "Type", "ownership": "Eierform", "stages": "Trinn", "staff_count": "Antall ansatte",
    "leader_role": "Lederens rolle", "leader_email": "Lederens e-post", "position_percent": "Stillingsprosent",
    "start": "Fra", "end": "Til", "area": "Område", "title": "Tittel", "starts_at": "Tidspunkt",
    "duration_minutes": "Varighet (minutter)", "amount_nok": "Beløp (kr)", "held_on": "Dato",
    "staff_present": "Ansatte til stede", "staff_total": "Ansatte i alt", "theme": "Tema",
    "semester": "Semester", "share_percent": "Andel (%)", "count": "Antall", "text": "Tekst",
    "respondent": "Respondent", "reason": "Begrunnelse", "category": "Kategori", "spent_on": "Dato",
    "due_date": "Frist", "status": "Status", "description": "Beskrivelse", "target": "Målgruppe",
    "leader": "Leder", "network_id": "Nettverk", "unit_id": "Enhet", "gathering_id": "Samling",
    "email": "E-post", "phone": "Telefon", "place": "Sted", "agenda": "Program", "level": "Nivå",
    "basis": "Grunnlag", "shared_with": "Delt med", "funded_by": "Finansiert av", "focus": "Fokus",
    "goal": "Mål", "measures": "Tiltak", "sections": "Planens deler",
    "follow_up_questions": "Oppfølgingsspørsmål", "setting": "Situasjon", "themes": "Temaer",
    "phase_minutes": "Fasenes lengde", "groups": "Grupper", "anonymous": "Anonym økt",
    "vignette_version_id": "Vignett", "municipality_id": "Kommune", "respondent_kind": "Svar fra",
    "unit_kind": "Enhetstype", "role": "Rolle", "dimension": "Dimensjon", "key": "Nøkkel",
    "label": "Betegnelse", "shortcut": "Hurtigtast", "coder": "Koder", "value_number": "Antall",
    "ordinal": "Rekkefølge", "roles": "Roller",
    "led_by": "Hvem ledet", "method": "Metode", "what_done": "Hva gjorde vi",
    "reflections": "Refleksjoner", "next_steps": "Dette prøver vi før neste gang",
    "children_involved": "Barn/elever involvert", "parents_involved": "Foreldre involvert",
    "decisions": "Beslutninger", "reflection_templates": "Refleksjonsmaler", "attendance": "Oppmøte",
    "tasks": "Oppgaver",
}

# Errors raised by model validators (ValueError("<code>")) and their messages.
RULE_MESSAGES: dict[str, tuple[str, str]] = {
    "period_end_before_start": ("period_end", "Periodeslutt kan ikke være før periodestart."),
    "end_before_start": ("end", "Til-dato kan ikke være før fra-dato."),
    "no_role": ("kindergarten_authority",
                "Velg minst én rolle: barnehagemyndighet, skoleeier eller frittstående skole."),
    "municipality_number": ("number", "Kommunenummer må være fire sifre, for eksempel 4601."),
    "staff_present_above_total": ("staff_present", "Ansatte til stede kan ikke være flere enn ansatte i alt."),
    "phase_minutes": ("phase_minutes", "Fasenes lengde må være tre tall fra 0 til 120 minutter: individuell "
                      "refleksjon, gruppesamtale og plenum."),
}


# Fields whose every form error is best told by one rule (a municipality number «for kort (minst 4
# tegn)» says less than «fire sifre, for eksempel 4601»).
FIELD_RULES: dict[str, str] = {"number": "municipality_number"}


def label_for(field: str, labels: dict[str, str] | None = None) -> str:
    return _((labels or {}).get(field) or FIELD_LABELS.get(field, field))


def _message(error: dict[str, Any], labels: dict[str, str] | None = None) -> tuple[str | None, str]:
    loc = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
    field = loc[-1] if loc else None
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "value_error" and isinstance(ctx.get("error"), ValueError):
        code = str(ctx["error"])
        if code in RULE_MESSAGES:
            rule_field, text = RULE_MESSAGES[code]
            return rule_field, _(text)
    if field in FIELD_RULES and kind.startswith("string_"):
        rule_field, text = RULE_MESSAGES[FIELD_RULES[field]]
        return rule_field, _(text)
    label = label_for(field, labels) if field else _("Verdien")
    templates = {
        "missing": _("«{label}» må fylles ut."),
        "string_too_short": _("«{label}» er for kort (minst {min_length} tegn)."),
        "string_too_long": _("«{label}» er for lang (høyst {max_length} tegn)."),
        "string_pattern_mismatch": _("«{label}» har feil form."),
        "greater_than_equal": _("«{label}» må være minst {ge}."),
        "greater_than": _("«{label}» må være større enn {gt}."),
        "less_than_equal": _("«{label}» kan ikke være mer enn {le}."),
        "less_than": _("«{label}» må være mindre enn {lt}."),
        "int_parsing": _("«{label}» må være et helt tall."),
        "int_from_float": _("«{label}» må være et helt tall."),
        "date_from_datetime_parsing": _("«{label}» må være en dato (dd.mm.åååå)."),
        "date_parsing": _("«{label}» må være en dato (dd.mm.åååå)."),
        "datetime_parsing": _("«{label}» må være et tidspunkt."),
        "enum": _("«{label}» har en verdi som ikke er på listen."),
        "bool_parsing": _("«{label}» må være ja eller nei."),
    }
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        kind = "negative"
        templates["negative"] = _("«{label}» kan ikke være et negativt tall.")
    template = templates.get(kind, _("«{label}» er ugyldig."))
    return field, template.format(label=label, **{k: v for k, v in ctx.items() if k != "error"})


def collect_errors(model: type[M], data: Any) -> tuple[M | None, list[tuple[str | None, str]]]:
    """Validate like `validated`, but return every problem as (field, Norwegian message) instead of
    raising on the first: importers show all errors of a row at once."""
    try:
        if isinstance(data, BaseModel):
            data = data.model_dump(exclude_unset=True)
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_message(error) for error in exc.errors()]


def validated(model: type[M], data: Any, *, labels: dict[str, str] | None = None) -> M:
    """`model.model_validate(data)`, raising DomainError with a Norwegian message on failure. `labels`
    names fields as the form shows them (the municipality's «name» is «Kommune» there)."""
    try:
        if isinstance(data, BaseModel):
            data = data.model_dump(exclude_unset=True)
        return model.model_validate(data)
    except ValidationError as exc:
        field, message = _message(exc.errors()[0], labels)
        raise DomainError(message, field=field) from exc
