"""The report as an e-mail draft (.eml): addressed to the county governor, a Norwegian subject and body,
the PDF and the workbook attached. `X-Unsent: 1` makes Outlook open it as an editable, unsent draft;
Thunderbird and Apple Mail open it as a message to edit or forward. Nothing is sent: it works offline.

Attachment names with æøå are written twice: RFC 2231 `filename*=` (what the standard says) and an RFC 2047
`name="=?utf-8?q?…?="` on Content-Type (what Outlook reads; without it Outlook shows «Untitled attachment»).
Without a recipient the draft has no `To:` header at all, so the mail program asks for one. The body is
signed with the resource person's name and role when the municipality has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from email.header import Header
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate

from storage.enums import ReportKind
from storage.formatting import format_date
from storage.i18n import _
from storage.services.report_data import ReportData

from .report_pdf import report_title

PDF_TYPE = "application/pdf"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EML_TYPE = "message/rfc822"


def email_subject(d: ReportData) -> str:
    scope = d.semester or (d.semesters[-1] if d.kind is ReportKind.MIDTERM and d.semesters else "")
    return _("{title} fra {name} kommune – pulje {cohort}{scope}").format(
        title=report_title(d), name=d.municipality, cohort=d.cohort if d.cohort is not None else "–",
        scope=f", {d.scope_label}" if scope else "")


def email_body(d: ReportData, sender: str | None = None, signature: Sequence[str] = ()) -> str:
    """The plain-text body. `signature` is the lines under «Med vennlig hilsen» (name, role); without it
    the sender or the municipality signs."""
    what = {ReportKind.MIDTERM: _("underveisrapporten"), ReportKind.FINAL: _("sluttrapporten"),
            ReportKind.FUNDS: _("rapporten om bruk av midler")}[d.kind]
    lines = [_("Til Statsforvalteren i {county}").format(county=d.county), "",
             _("Vedlagt er {what} fra {name} kommune for Inkluderende barnehage- og skolemiljø (samlingsbasert "
               "tilbud), pulje {cohort}.").format(what=what, name=d.municipality,
                                                  cohort=d.cohort if d.cohort is not None else "–")]
    if d.scope_label and d.kind is not ReportKind.FUNDS:
        lines.append(_("Rapporten gjelder {scope}.").format(scope=d.scope_label))
    if d.time_notice:
        lines.append(d.time_notice)
    lines += ["", _("Rapporten er vedlagt som PDF, og de samme tallene ligger i Excel-arbeidsboka. Tallene er "
                    "talt opp per {today}.").format(today=format_date(d.today)), "",
              _("Med vennlig hilsen"), *(signature or [sender or _("{name} kommune").format(name=d.municipality)])]
    return "\n".join(lines) + "\n"


def _name_parameter(part, media_type: str, filename: str) -> None:
    """Give a non-ASCII attachment name also as Content-Type `name=` with RFC 2047 encoded words, folded
    by hand (the SMTP policy would otherwise rewrite it as RFC 2231 `name*=`, which Outlook ignores)."""
    if filename.isascii():
        part.set_param("name", filename)
        return
    encoded = Header(filename, "utf-8", header_name="Content-Type").encode(maxlinelen=70, linesep="\n")
    del part["Content-Type"]
    part.set_raw("Content-Type", f'{media_type};\n name="{encoded}"')


def report_email(d: ReportData, attachments: list[tuple[str, str, bytes]], *, recipient: str | None,
                 sender: str | None = None, signature: Sequence[str] = ()) -> bytes:
    """The .eml draft as bytes. `attachments` are (filename, media type, bytes); `signature` the lines
    that sign the body (the resource person's name and role)."""
    message = EmailMessage()
    if recipient:
        message["To"] = recipient
    if sender and "@" in sender:
        message["From"] = sender
    message["Subject"] = email_subject(d)
    message["Date"] = formatdate(localtime=True)
    message["X-Unsent"] = "1"
    message.set_content(email_body(d, None if sender and "@" in sender else sender, signature))
    for filename, media_type, content in attachments:
        maintype, subtype = media_type.split("/", 1)
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
        _name_parameter(message.get_payload()[-1], media_type, filename)
    return message.as_bytes(policy=SMTP.clone(refold_source="none"))  # keep _name_parameter's folding
