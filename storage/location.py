"""Is the database in a folder where SQLite is not safe? Cloud-synced folders and network shares.

SQLite's WAL needs shared memory and file locks that work only on a local disk. A sync client
(OneDrive, Dropbox, Google Drive, iCloud) uploads the main file without its `-wal` and may put back an
older copy; a network share (SMB/CIFS, NFS) may not honour the locks at all. Either can lose or damage
data, so the app warns and offers to move the file to the local data folder (storage/relocate.py).

Standard library only, no Qt: the window asks after its first paint, the tests pass in their own
environment and mount table.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

from .i18n import _

CLOUD, NETWORK = "cloud", "network"

ONEDRIVE_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
NETWORK_FILESYSTEMS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "ceph", "glusterfs", "9p", "davfs",
                       "fuse.sshfs", "fuse.rclone", "fuse.davfs2", "fuse.gvfsd-fuse"}

# (service, pattern for one path component, lower case)
_CLOUD_FOLDERS = (
    ("OneDrive", re.compile(r"^onedrive($|[ -])")),  # OneDrive, "OneDrive - Kommune", OneDrive-Personal
    ("Dropbox", re.compile(r"^dropbox($| \(|-)")),  # Dropbox, "Dropbox (Kommune)"
    ("Google Drive", re.compile(r"^(google ?drive|googledrive-.*|my drive|min disk)$")),
    ("iCloud", re.compile(r"^(icloud ?drive|icloud drive \(.*\)|mobile documents|com~apple~clouddocs)$")),
)


@dataclass(frozen=True)
class RiskyLocation:
    kind: str  # CLOUD or NETWORK
    service: str  # "OneDrive", "Dropbox", …, or the share's file system ("nfs4", "cifs", "Windows-deling")

    @property
    def message(self) -> str:
        if self.kind == CLOUD:
            return _("Databasen ligger i en mappe som synkroniseres med {service}. Synkroniseringen kan "
                     "ødelegge databasen eller hente fram en gammel kopi. Databasen bør ligge i den lokale "
                     "datamappa på denne maskinen.").format(service=self.service)
        return _("Databasen ligger på en nettverksdisk ({service}). Der kan databasen bli skadet hvis "
                 "forbindelsen brytes. Databasen bør ligge i den lokale datamappa på denne maskinen.").format(
                     service=self.service)


def _cloud_by_folder_name(parts: tuple[str, ...]) -> str | None:
    for part in parts:
        name = part.lower()
        for service, pattern in _CLOUD_FOLDERS:
            if pattern.match(name):
                return service
    return None


def _under(path: PurePath, folder: str) -> bool:
    try:
        folder_path = type(path)(folder)
        return path == folder_path or folder_path in path.parents
    except (TypeError, ValueError):
        return False


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes (\\040 …)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def network_filesystem(path: Path, mounts: str) -> str | None:
    """The network file system `path` lies on, from the text of /proc/mounts; None if local."""
    best, best_type = "", None
    text = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point, fs_type = _unescape_mount(fields[1]), fields[2]
        inside = text == mount_point or text.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fs_type
    return best_type if best_type in NETWORK_FILESYSTEMS else None


def _read_mounts() -> str:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _windows_drive_is_remote(path: PureWindowsPath) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = path.drive
    if not drive or drive.startswith("\\\\"):
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE


def risky_location(path: str | Path, *, environ: dict[str, str] | None = None, mounts: str | None = None,
                   windows: bool | None = None) -> RiskyLocation | None:
    """Why `path` is not a safe place for an SQLite database, or None if it is (as far as we can tell).

    `environ`, `mounts` (the text of /proc/mounts) and `windows` default to this machine's."""
    environ = os.environ if environ is None else environ
    windows = os.name == "nt" if windows is None else windows
    text = str(path)
    pure: PurePath = PureWindowsPath(text) if windows else PurePath(text)
    if text.startswith(("\\\\", "//")):
        return RiskyLocation(NETWORK, _("Windows-deling"))
    for name in ONEDRIVE_ENV:
        folder = environ.get(name)
        if folder and _under(pure, folder):
            return RiskyLocation(CLOUD, "OneDrive")
    service = _cloud_by_folder_name(pure.parts[:-1])
    if service is not None:
        return RiskyLocation(CLOUD, service)
    if windows:
        if os.name == "nt" and _windows_drive_is_remote(PureWindowsPath(text)):  # pragma: no cover
            return RiskyLocation(NETWORK, _("nettverksstasjon"))
        return None
    fs_type = network_filesystem(Path(text), _read_mounts() if mounts is None else mounts)
    if fs_type is not None:
        return RiskyLocation(NETWORK, fs_type)
    return None
