"""Innstillinger → Felles server: connect the app to a shared PostgreSQL server, or go back to the file.

«Koble til server …» asks for host, port, database, user and password (TLS required by default), tests
the connection in the runner, keeps the password in the operating system's keyring and the rest in
`server.json`, then starts Nettverkslogg again on the server. Where the system has no keyring, the
password is not stored anywhere and the dialog says so; the profile is then not saved either.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..planning.common import FormDialog
from .base import card, muted, section_title


def connect_job(profile, password: str, data_dir: Path):
    def job(store, progress, cancel):
        """Worker job: test the connection, keep the password and the profile; True if all was kept."""
        from storage.server_connection import check_connection, save_password, save_profile

        check_connection(profile, password)
        if not save_password(profile, password):
            return False
        save_profile(data_dir, profile)
        return True

    return job


def disconnect_job(data_dir: Path):
    def job(store, progress, cancel):
        from storage.server_connection import save_profile

        save_profile(data_dir, None)

    return job


class ConnectDialog(FormDialog):
    """Host, port, database, user, password and TLS; «Koble til» tests before anything is kept."""

    def __init__(self, runner, data_dir: Path, current=None, parent: QWidget | None = None):
        super().__init__(runner, self.tr("Koble til server"), parent, save_text=self.tr("Koble til"))
        self.data_dir = data_dir
        self.host = QLineEdit(current.host if current else "")
        self.host.setPlaceholderText(self.tr("For eksempel nettverkslogg.kommune.no"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(current.port if current else 5432)
        self.database = QLineEdit(current.database if current else "nettverkslogg")
        self.user = QLineEdit(current.user if current else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QCheckBox(self.tr("Krev kryptert forbindelse (anbefalt)"))
        self.tls.setChecked(current.tls if current else True)
        for label, widget in ((self.tr("&Server:"), self.host), (self.tr("&Port:"), self.port),
                              (self.tr("&Database:"), self.database), (self.tr("&Brukernavn:"), self.user),
                              (self.tr("Pass&ord:"), self.password), ("", self.tls)):
            self.form.addRow(label, widget)
            if label:
                self.form.labelForField(widget).setBuddy(widget)
        self.form.addRow("", muted(self.tr("Passordet lagres i nøkkelringen til operativsystemet, ikke i en fil.")))
        self.host.setFocus()

    def profile(self):
        from storage.server_connection import ServerProfile

        host, database, user = self.host.text().strip(), self.database.text().strip(), self.user.text().strip()
        if not host or not database or not user:
            raise ValueError(self.tr("Fyll inn server, database og brukernavn."))
        return ServerProfile(host=host, database=database, user=user, port=self.port.value(),
                             tls=self.tls.isChecked())

    def job(self):
        if not self.password.text():
            raise ValueError(self.tr("Skriv passordet."))
        return connect_job(self.profile(), self.password.text(), self.data_dir)


class ServerCard(QWidget):
    """The «Felles server» card: where the app works now, connect or disconnect."""

    restart_requested = Signal()

    def __init__(self, database_url: str | None, data_dir: Path, parent: QWidget | None = None):
        from storage.server_connection import ServerProfile

        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.runner = None
        self.current = ServerProfile.from_url(database_url) if database_url and "://" in database_url else None
        frame, layout = card()
        layout.setSpacing(8)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout.addWidget(section_title(self.tr("Felles server")))
        if self.current:
            text = self.tr("Du arbeider på serveren {host}, database {db}, som {user}.").format(
                host=self.current.host, db=self.current.database, user=self.current.user)
        else:
            text = self.tr("Du arbeider i en fil på denne maskinen. Flere i kommunen eller fylket kan arbeide i "
                           "de samme dataene på en felles PostgreSQL-server.")
        self.status = QLabel(text)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.connect_button = QPushButton(self.tr("Koble til server …"))
        self.connect_button.clicked.connect(self.open_connect)
        row.addWidget(self.connect_button)
        self.local_button = QPushButton(self.tr("Bruk fila på denne maskinen"))
        self.local_button.setVisible(self.current is not None)
        self.local_button.clicked.connect(self.use_local)
        row.addWidget(self.local_button)
        row.addStretch(1)
        layout.addLayout(row)

    def attach(self, runner) -> None:
        self.runner = runner

    def open_connect(self) -> None:
        if self.runner is None:
            return
        self.dialog = ConnectDialog(self.runner, self.data_dir, self.current, self)
        self.dialog.saved.connect(self._connected)
        self.dialog.open()

    def _connected(self, kept: bool) -> None:
        if not kept:
            QMessageBox.information(self, self.tr("Koble til server"), self.tr(
                "Forbindelsen virker, men denne maskinen har ingen nøkkelring der passordet kan lagres trygt. "
                "Start Nettverkslogg med --db og serverens adresse for å bruke serveren."))
            return
        self._ask_restart(self.tr("Forbindelsen virker. Nettverkslogg starter på nytt mot serveren."))

    def use_local(self) -> None:
        self.runner.submit(disconnect_job(self.data_dir), on_done=lambda _: self._ask_restart(
            self.tr("Nettverkslogg starter på nytt med fila på denne maskinen.")))

    def _ask_restart(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Start på nytt"), text, parent=self)
        box.setObjectName("restartBox")
        box.finished.connect(lambda _: self.restart_requested.emit())
        box.open()
        self.restart_box = box
