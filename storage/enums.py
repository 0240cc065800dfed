"""Closed lists of the domain, stored as their string values, with Norwegian labels for the UI."""

from __future__ import annotations

from enum import StrEnum

from .i18n import _


class LabelledEnum(StrEnum):
    """A StrEnum whose members have a Norwegian label (`member.label`)."""

    @property
    def label(self) -> str:
        return _(self._labels()[self.value])

    @classmethod
    def _labels(cls) -> dict[str, str]:  # pragma: no cover - overridden
        raise NotImplementedError

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]


class ParticipantRole(LabelledEnum):
    KINDERGARTEN_AUTHORITY = "kindergarten_authority"
    SCHOOL_OWNER = "school_owner"
    INDEPENDENT_SCHOOL = "independent_school"

    @classmethod
    def _labels(cls):
        return {"kindergarten_authority": "Barnehagemyndighet", "school_owner": "Skoleeier",
                "independent_school": "Frittstående skole"}


class Area(LabelledEnum):
    KINDERGARTEN = "kindergarten"
    SCHOOL = "school"
    BOTH = "both"

    @classmethod
    def _labels(cls):
        return {"kindergarten": "Barnehage", "school": "Skole", "both": "Barnehage og skole"}


class UnitKind(LabelledEnum):
    KINDERGARTEN = "kindergarten"
    SCHOOL = "school"
    COMBINED = "combined"
    PPT = "ppt"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {"kindergarten": "Barnehage", "school": "Skole", "combined": "Kombinert",
                "ppt": "PP-tjenesten", "other": "Annet"}


class Ownership(LabelledEnum):
    PUBLIC = "public"
    PRIVATE = "private"

    @classmethod
    def _labels(cls):
        return {"public": "Kommunal", "private": "Privat"}


class Stages(LabelledEnum):
    PRIMARY = "1-7"
    LOWER_SECONDARY = "8-10"
    BOTH = "1-10"

    @classmethod
    def _labels(cls):
        return {"1-7": "Barnetrinn (1–7)", "8-10": "Ungdomstrinn (8–10)", "1-10": "1–10"}


class NetworkTarget(LabelledEnum):
    KINDERGARTEN = "kindergarten"
    SCHOOL = "school"
    MIXED = "mixed"

    @classmethod
    def _labels(cls):
        return {"kindergarten": "Barnehage", "school": "Skole", "mixed": "Blandet"}


class GatheringKind(LabelledEnum):
    NATIONAL_SPECIALIST_DAY = "national_specialist_day"
    REGIONAL_GATHERING = "regional_gathering"
    LOCAL_STARTUP = "local_startup"
    NETWORK_MEETING = "network_meeting"
    UNIT_SESSION = "unit_session"
    GUIDANCE = "guidance"
    PARENT_MEETING = "parent_meeting"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {"national_specialist_day": "Nasjonal fagdag", "regional_gathering": "Regional samling",
                "local_startup": "Lokal oppstartssamling", "network_meeting": "Nettverkssamling",
                "unit_session": "Personalmøte/enhetsøkt", "guidance": "Veiledning",
                "parent_meeting": "Foreldremøte", "other": "Annet"}


class GatheringLevel(LabelledEnum):
    NATIONAL = "national"
    REGIONAL = "regional"
    MUNICIPAL = "municipal"
    NETWORK = "network"
    UNIT = "unit"

    @classmethod
    def _labels(cls):
        return {"national": "Nasjonalt", "regional": "Regionalt", "municipal": "Kommune",
                "network": "Nettverk", "unit": "Enhet"}


class GatheringStatus(LabelledEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"

    @classmethod
    def _labels(cls):
        return {"planned": "Planlagt", "held": "Gjennomført", "cancelled": "Avlyst"}


class AttendeeRole(LabelledEnum):
    LEADER = "leader"
    PEDAGOGICAL_LEADER = "pedagogical_leader"
    KINDERGARTEN_TEACHER = "kindergarten_teacher"
    ASSISTANT = "assistant"
    PPT = "ppt"
    OWNER = "owner"
    PARENTS = "parents"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {"leader": "Styrer/rektor", "pedagogical_leader": "Pedagogisk leder/lærer",
                "kindergarten_teacher": "Barnehagelærer", "assistant": "Fagarbeider/assistent",
                "ppt": "PPT", "owner": "Eier/kommune", "parents": "Foreldre", "other": "Andre"}


class TaskStatus(LabelledEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"

    @classmethod
    def _labels(cls):
        return {"open": "Åpen", "done": "Utført", "cancelled": "Avlyst"}


class ExpenseCategory(LabelledEnum):
    RESOURCE_PERSON = "resource_person"
    TRAVEL = "travel"
    STARTUP_GATHERING = "startup_gathering"
    NETWORK_MEETINGS = "network_meetings"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {"resource_person": "Frikjøp/ansettelse av ressursperson",
                "travel": "Reiser til samlinger i regi av Udir/statsforvalteren",
                "startup_gathering": "Lokal oppstartssamling",
                "network_meetings": "Møter og samlinger i lokale nettverk", "other": "Annet"}


class FundingSource(LabelledEnum):
    GRANT = "grant"
    OWN = "own"

    @classmethod
    def _labels(cls):
        return {"grant": "Tilskudd", "own": "Egenfinansiering"}


class RespondentKind(LabelledEnum):
    GROUP = "group"
    PARTICIPANT = "participant"

    @classmethod
    def _labels(cls):
        return {"group": "Gruppe", "participant": "Deltaker"}


class ReportKind(LabelledEnum):
    MIDTERM = "midterm"
    FINAL = "final"
    FUNDS = "funds"

    @classmethod
    def _labels(cls):
        return {"midterm": "Underveisrapport", "final": "Sluttrapport", "funds": "Bruk av midler"}


class LogSource(LabelledEnum):
    APP = "app"
    EXCEL = "excel"

    @classmethod
    def _labels(cls):
        return {"app": "Registrert i appen", "excel": "Importert fra Excel"}
