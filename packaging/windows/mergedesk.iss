; Inno Setup 6 script: the Windows installer for the PyInstaller one-folder build.
; build.ps1 beside this file runs it as
;   ISCC.exe /DAppVersion=<version> [/DSignTool=signtool] packaging\windows\mergedesk.iss
; with the version read from the package metadata (pyproject.toml, the one source).
; Paths are relative to this file.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=0.1.0 mergedesk.iss (build.ps1 does)
#endif

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{F93EE4DA-3E44-4455-AC4D-81E70609AE92}
AppName=MergeDesk
AppVersion={#AppVersion}
AppVerName=MergeDesk {#AppVersion}
AppPublisher=MergeDesk
AppPublisherURL=https://mergedesk.com/
AppSupportURL=https://mergedesk.com/support
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\MergeDesk
DefaultGroupName=MergeDesk
DisableProgramGroupPage=yes
; Per-user install by default (no admin rights on locked-down workstations); an admin
; may choose all users in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=MergeDesk-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\mergedesk.ico
UninstallDisplayIcon={app}\MergeDesk.exe
UninstallDisplayName=MergeDesk
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Closes a running MergeDesk before files are replaced (upgrades).
CloseApplications=yes
#ifdef SignTool
; Code-signing hook: build.ps1 defines the "signtool" command for ISCC (/S...) when
; MERGEDESK_SIGN_CERT is set; the installer and the uninstaller get signed.
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\mergedesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; MergeDesk.exe is the windowed build (no console flashes up); mergedesk-cli.exe beside
; it is the console one for scan/apply/history in scripts.
Name: "{autoprograms}\MergeDesk"; Filename: "{app}\MergeDesk.exe"; AppUserModelID: "MergeDesk.MergeDesk"
Name: "{autodesktop}\MergeDesk"; Filename: "{app}\MergeDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\MergeDesk.exe"; Description: "{cm:LaunchProgram,MergeDesk}"; Flags: nowait postinstall skipifsilent

; Nothing in [UninstallDelete]: the journal, the settings and the keyring entries live in
; the user's profile and are kept on purpose (they explain and restore past merges).
