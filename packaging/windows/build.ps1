# Builds dist\MergeDesk-<version>-setup.exe on Windows 10/11: the PyInstaller one-folder
# app, its self-test, then the Inno Setup installer. Run from any folder:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs Python 3.11+ (python.org, "py" launcher) and Inno Setup 6 (ISCC.exe).
# Signing hook: set MERGEDESK_SIGN_CERT to a code-signing certificate's SHA-1 thumbprint
# (in the user's certificate store) and signtool.exe (Windows SDK) on PATH; the two
# executables are signed before packing, the installer and uninstaller by ISCC.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3 -m venv .venv }
$Python = ".venv\Scripts\python.exe"
& $Python -m pip install -q --upgrade pip
& $Python -m pip install -q -e ".[packaging]"
if ($LASTEXITCODE) { throw "pip install failed" }

# Translations (.qm) and the app icon (.ico), as `make qm icons` does on Linux/macOS.
New-Item -ItemType Directory -Force mergedesk\resources\translations | Out-Null
foreach ($Lang in "de", "fr", "es") {
    & .venv\Scripts\pyside6-lrelease.exe -silent "translations\mergedesk_$Lang.ts" `
        -qm "mergedesk\resources\translations\mergedesk_$Lang.qm"
    if ($LASTEXITCODE) { throw "lrelease $Lang failed" }
}
& $Python packaging\tools\make_icons.py build\icons
if ($LASTEXITCODE) { throw "make_icons failed" }

& .venv\Scripts\pyinstaller.exe --noconfirm --distpath dist --workpath build\pyinstaller `
    packaging\mergedesk.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

# The frozen app checks itself: one review and merge on the demo sandbox, offscreen.
& dist\mergedesk\mergedesk-cli.exe --self-test
if ($LASTEXITCODE) { throw "the frozen app's self-test failed" }

$Version = (& dist\mergedesk\mergedesk-cli.exe --version).Split(" ")[1]
$Iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
$IsccArgs = @("/DAppVersion=$Version")
if ($env:MERGEDESK_SIGN_CERT) {
    $Stamp = "http://timestamp.digicert.com"
    foreach ($Exe in "dist\mergedesk\MergeDesk.exe", "dist\mergedesk\mergedesk-cli.exe") {
        signtool sign /sha1 $env:MERGEDESK_SIGN_CERT /fd sha256 /tr $Stamp /td sha256 $Exe
        if ($LASTEXITCODE) { throw "signing $Exe failed" }
    }
    $IsccArgs += "/Ssigntool=signtool sign /sha1 $env:MERGEDESK_SIGN_CERT /fd sha256 /tr $Stamp /td sha256 `$f"
    $IsccArgs += "/DSignTool=signtool"
}
& $Iscc @IsccArgs packaging\windows\mergedesk.iss
if ($LASTEXITCODE) { throw "ISCC failed" }
Get-Item "dist\MergeDesk-$Version-setup.exe"
