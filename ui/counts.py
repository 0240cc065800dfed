"""Messages where a count meets a noun: «1 oppgave», «2 oppgaver», never «1 oppgaver».

Every counted noun goes through `ngettext` from the one catalogue (storage.i18n), so a nynorsk or
English catalogue gets its own plural rules. The messages live here, Qt-free, so one test can render
each with 1 and 2; the widgets only put the result on screen.
"""

from __future__ import annotations

from storage.i18n import _, ngettext


def counted(singular: str, plural: str, n: int) -> str:
    """`counted("{n} oppgave", "{n} oppgaver", 1)` → «1 oppgave»."""
    return ngettext(singular, plural, n).format(n=n)


def tasks_summary(n: int, overdue: int) -> str:
    return _("{tasks}, {overdue} forfalt.").format(tasks=counted("{n} oppgave", "{n} oppgaver", n), overdue=overdue)


def logs_stored(new: int, changed: int, files: int, unchanged: int) -> str:
    return _("Lagret {new} og {changed} fra {files} ({unchanged} var uendret).").format(
        new=counted("{n} ny logg", "{n} nye logger", new),
        changed=counted("{n} endret logg", "{n} endrede logger", changed),
        files=counted("{n} fil", "{n} filer", files), unchanged=unchanged)


def checking_files(n: int) -> str:
    return counted("Kontrollerer {n} fil …", "Kontrollerer {n} filer …", n)


def reach_summary(reached: int, staff: int, share: str, half: int, units: int, none: int) -> str:
    return _("<b>{reached} av {staff} nådd ({share})</b> · {half} av {units} har nådd minst halvparten · "
             "{none} ikke nådd").format(
        reached=reached, staff=counted("{n} ansatt", "{n} ansatte", staff), share=share, half=half,
        units=counted("{n} enhet", "{n} enheter", units), none=counted("{n} enhet", "{n} enheter", none))


def expenses_sum(n: int, total: str) -> str:
    return _("{expenses}, til sammen {sum}").format(expenses=counted("{n} utgift", "{n} utgifter", n), sum=total)


def versions_saved(n: int) -> str:
    return counted("{n} versjon lagret.", "{n} versjoner lagret.", n)


def parts_changed(n: int, total: int, names: str) -> str:
    return _("{n} av {total} er endret: {list}").format(
        n=n, total=counted("{n} del", "{n} deler", total), list=names)


def gatherings_shown(shown: int, total: int) -> str:
    return _("Viser {shown} av {total}").format(shown=shown, total=counted("{n} samling", "{n} samlinger", total))


def gathering_saved(title: str, participants: int, tasks: int) -> str:
    return _("Lagret «{title}» med {participants} og {tasks} til neste samling.").format(
        title=title, participants=counted("{n} deltaker", "{n} deltakere", participants),
        tasks=counted("{n} oppgave", "{n} oppgaver", tasks))


def attendance_total(participants: int, units: int) -> str:
    return _("Til sammen {participants} fra {units}").format(
        participants=counted("{n} deltaker", "{n} deltakere", participants),
        units=counted("{n} enhet", "{n} enheter", units))


def staff_count(kind: str, n: int) -> str:
    return _("{kind} · {staff}").format(kind=kind, staff=counted("{n} ansatt", "{n} ansatte", n))


def semesters_count(n: int) -> str:
    return counted("{n} semester", "{n} semestre", n)


def gatherings_listed(n: int) -> str:
    return counted("{n} samling vises. Dobbeltklikk for å endre den.",
                   "{n} samlinger vises. Dobbeltklikk for å endre en samling.", n)


def calendar_saved(n: int, path) -> str:
    return ngettext("{n} samling er lagret i {path}.", "{n} samlinger er lagret i {path}.", n).format(n=n, path=path)


def pdfs_saved(n: int, folder) -> str:
    return ngettext("Lagret {n} PDF i {folder}", "Lagret {n} PDF-er i {folder}", n).format(n=n, folder=folder)


def code_used(n: int) -> str:
    return counted("Koden er brukt i {n} koding. Velg hva som skal skje med den.",
                   "Koden er brukt i {n} kodinger. Velg hva som skal skje med dem.", n)


def pages(n: int) -> str:
    return counted("{n} side", "{n} sider", n)


def import_units(n: int) -> str:
    return counted("Importer {n} enhet", "Importer {n} enheter", n)


def rows_read(rows: int, errors: int) -> str:
    return _("{rows} lest, {errors} feil. Ingenting blir lagret før alle feilene er "
             "rettet i fila eller i valgene over.").format(
        rows=counted("{n} rad", "{n} rader", rows), errors=errors)


def rows_ok(n: int) -> str:
    return counted("Raden er i orden og kan importeres.", "Alle {n} radene er i orden og kan importeres.", n)


def months_failing(n: int, total: int, months: str) -> str:
    return _("⚠ {n} av {total} oppfyller ikke regelen: {months}.").format(
        n=n, total=counted("{n} måned", "{n} måneder", total), months=months)


def months_ok(n: int) -> str:
    return counted("✓ Regelen er oppfylt i måneden.", "✓ Regelen er oppfylt i alle {n} månedene.", n)


def session_heading(title: str, day: str, responses: int, coded: int) -> str:
    """«Tittel · 12.11.2026 · 5 svar, 3 kodet»; the date once, also when the title already holds it (the
    default title is the vignette's title and the date)."""
    parts = [title] if day in title else [title, day]
    return " · ".join([*parts, _("{n} svar, {coded} kodet").format(n=responses, coded=coded)])
