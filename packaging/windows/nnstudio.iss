; Inno Setup 6 (6.3 or later) script: NN Studio's Windows installer, NNStudio-<version>-setup.exe.
;
; It installs the PyInstaller bundle (dist\nnstudio\ from packaging\nnstudio.spec), a Start menu
; entry, an optional desktop shortcut, and the .nnstudio file type (icon, and "open" starts
; NN Studio with the file). Uninstalling (Settings > Apps, or the uninstaller Inno Setup writes
; next to the app) removes all of it again.
;
; Build on Windows, from the repository root (packaging\build.py runs both steps):
;   python packaging\build.py
; or by hand after PyInstaller:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\nnstudio.iss
; Optional: /DBundleDir=<folder of nnstudio.exe> (default dist\nnstudio), /O<output folder>
; (default dist). Not built on the project's Linux machines: see docs/packaging.md.

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=<nnstudio.__version__> nnstudio.iss
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\nnstudio"
#endif
#define AppName "NN Studio"
#define AppExeName "nnstudio.exe"
#define ProgId "NNStudio.Model"
#define FileExt ".nnstudio"

[Setup]
; AppId identifies NN Studio to Windows across versions: never change it.
AppId={{515D302C-BBE7-4AF1-BCD8-9E69B73CA106}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=NN Studio developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; Without administrator rights Setup installs for the current user only (%LOCALAPPDATA%\Programs
; and HKCU); a user may choose an all-users installation in a dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
SetupIconFile=..\..\resources\icons\nnstudio.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=NNStudio-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "Build, train and understand neural networks"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Registry]
; The .nnstudio file type: NN Studio opens it, shown with the application's icon.
Root: HKA; Subkey: "Software\Classes\{#FileExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#FileExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-nnstudio"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#FileExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "NN Studio model"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: "{#FileExt}"; ValueData: ""

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
