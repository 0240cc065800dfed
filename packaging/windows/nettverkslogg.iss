; Inno Setup script: a per-user installer for the one-folder app that build.spec makes.
; Installs under %LOCALAPPDATA%\Programs\Nettverkslogg without administrator rights, with a Start-menu
; entry. Build on Windows (see the README, «Windows-installasjon»):
;   .venv\Scripts\pyinstaller build.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.2.0 packaging\windows\nettverkslogg.iss
; tests/unit/test_packaging.py keeps the paths below in step with build.spec.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Nettverkslogg"
#define DistFolder "..\..\dist\Nettverkslogg"
#define GuiProgram "Nettverkslogg.exe"
#define CliProgram "nettverkslogg-cli.exe"
#define IconFile "..\..\resources\icons\nettverkslogg.ico"

[Setup]
AppId={{6F1C2B1E-6D1B-4C4B-9B7E-3F1D2A9C5E10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppName}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=Nettverkslogg-{#AppVersion}-oppsett
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#GuiProgram}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"

[Tasks]
Name: "desktopicon"; Description: "Lag en snarvei på skrivebordet"; Flags: unchecked

[Files]
; The whole one-folder app: both programs, _internal\ and THIRD-PARTY-NOTICES.txt.
Source: "{#DistFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiProgram}"
Name: "{group}\Lisenser for {#AppName}"; Filename: "{app}\THIRD-PARTY-NOTICES.txt"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#GuiProgram}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiProgram}"; Description: "Start {#AppName} nå"; Flags: nowait postinstall skipifsilent

; The database, backups and logs live in %LOCALAPPDATA%\Nettverkslogg (not under {app}): uninstalling
; the program never deletes a user's data.
