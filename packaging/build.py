"""Build NN Studio's installers: the one script every contributor runs the same way.

    python packaging/build.py            # from the repository root, in the project's venv

1. PyInstaller builds the one-folder bundle dist/nnstudio/ from packaging/nnstudio.spec (on
   macOS also dist/NN Studio.app), after compiling resources/translations/*.ts to .qm.
2. On Linux it packs dist/nnstudio-<version>-linux-x86_64.tar.gz and
   dist/nnstudio_<version>_amd64.deb (dpkg-deb); on Windows it runs Inno Setup's compiler on
   packaging/windows/nnstudio.iss if ISCC.exe is found; on macOS it zips the .app and puts it
   in a disk image (.dmg, hdiutil) next to a link to /Applications.

Needs the project's runtime dependencies plus PyInstaller (pip install pyinstaller); the .deb
needs dpkg-deb (Debian package dpkg). Options: --dist and --work choose the output and scratch
folders (default dist/ and build/), --skip-pyinstaller re-packs an existing bundle.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from system_libraries import (  # noqa: E402
    bundle_version_needs,
    debian_depends,
    minimum_versions,
)

PACKAGE = "nnstudio"
INSTALL_DIR = "/opt/nnstudio"
MAINTAINER = "NN Studio developers <packaging@nnstudio.invalid>"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
RECOMMENDS = "fonts-wqy-microhei | fonts-noto-cjk"  # the 简体中文 interface needs a CJK font
DESCRIPTION = """\
Build, train and understand fully-connected neural networks
 NN Studio lets a learner build a fully-connected neural network, see the
 shape of every matrix (W[l], b[l], Z[l], A[l] and their gradients), train
 it on built-in or imported data and watch it learn, in the notation of the
 deeplearning.ai course. Model files (*.nnstudio) open in the app.
"""


def version() -> str:
    sys.path.insert(0, str(ROOT))
    import nnstudio

    return nnstudio.__version__


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def source_date_epoch() -> int:
    """Timestamp for archive members: $SOURCE_DATE_EPOCH, else the last commit, else now."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return int(time.time())


def find_lrelease() -> str | None:
    """Qt's translation compiler: PySide6's pyside6-lrelease next to this Python, or on PATH."""
    scripts = Path(sys.executable).parent
    for candidate in (
        scripts / "pyside6-lrelease",
        scripts / "pyside6-lrelease.exe",
        shutil.which("pyside6-lrelease"),
        shutil.which("lrelease"),
    ):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    return None


def compile_translations() -> None:
    """resources/translations/*.ts → .qm, always: the committed .qm files serve installs from
    the sources (pip runs no lrelease); a bundle gets them compiled from the .ts it ships with
    (packaging/update_translations.py also extracts the texts; docs/translations.md)."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    if not sources:
        return
    lrelease = find_lrelease()
    if lrelease is None:
        raise SystemExit(
            "pyside6-lrelease not found: cannot compile " + ", ".join(map(str, sources))
        )
    for ts in sources:
        log(f"lrelease: {ts.relative_to(ROOT)}")
        subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )


def run_pyinstaller(dist: Path, work: Path) -> Path:
    log("PyInstaller: packaging/nnstudio.spec")
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(HERE / "nnstudio.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    bundle = dist / PACKAGE
    seconds = time.perf_counter() - started
    log(f"bundle {bundle} ({folder_size(bundle) / 1e6:.1f} MB) in {seconds:.0f} s")
    return bundle


def folder_size(folder: Path) -> int:
    return sum(
        path.lstat().st_size for path in folder.rglob("*") if path.is_file() or path.is_symlink()
    )


# -- Linux: .tar.gz ---------------------------------------------------------------------------
def make_tarball(bundle: Path, out: Path, top: str, mtime: int) -> Path:
    """The bundle as ``top/…`` in a gzip-compressed tar, members sorted, owned by root."""

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = mtime
        if info.isdir() or info.mode & stat.S_IXUSR:
            info.mode = 0o755
        elif not info.issym():
            info.mode = 0o644
        return info

    log(f"tar.gz: {out.name}")
    with tarfile.open(out, "w:gz", compresslevel=6) as archive:  # 9: 3× slower, 0.5 % smaller
        archive.add(bundle, arcname=top, recursive=False, filter=normalise)
        for path in sorted(bundle.rglob("*")):
            archive.add(
                path, arcname=f"{top}/{path.relative_to(bundle)}", recursive=False, filter=normalise
            )
    return out


# -- Linux: .deb ------------------------------------------------------------------------------
def deb_tree(bundle: Path, root: Path, package_version: str) -> None:
    """Lay out the package's files under ``root`` (which becomes /)."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/nnstudio").symlink_to(f"{INSTALL_DIR}/nnstudio")
    resources = ROOT / "resources"
    install(resources / "nnstudio.desktop", root / "usr/share/applications/nnstudio.desktop")
    install(resources / "nnstudio-mime.xml", root / "usr/share/mime/packages/nnstudio.xml")
    icons = root / "usr/share/icons/hicolor"
    for size in ICON_SIZES:
        install(
            resources / "icons" / f"nnstudio-{size}.png",
            icons / f"{size}x{size}/apps/nnstudio.png",
        )
    install(resources / "icons/nnstudio.svg", icons / "scalable/apps/nnstudio.svg")
    doc = root / "usr/share/doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    normalise_modes(root)
    control = root / "DEBIAN"
    control.mkdir()
    depends = debian_depends(minimum_versions(bundle_version_needs(bundle)))
    log(f"Depends: {depends}")
    (control / "control").write_text(
        control_file(package_version, installed_size_kib(root), depends), encoding="utf-8"
    )
    (control / "md5sums").write_text(md5sums(root), encoding="utf-8")
    for path in control.iterdir():
        path.chmod(0o644)


def install(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def normalise_modes(root: Path) -> None:
    """Folders and executables 0755, other files 0644, whatever the umask was."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(0o755 if path.is_dir() or mode & stat.S_IXUSR else 0o644)


def installed_size_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if path.is_symlink() or path.is_dir():
            total += 1024
        else:
            total += (path.stat().st_size + 1023) // 1024 * 1024
    return total // 1024


def md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if (
            path.is_file()
            and not path.is_symlink()
            and "DEBIAN" not in path.relative_to(root).parts
        ):
            digest = hashlib.md5(path.read_bytes()).hexdigest()  # dpkg's md5sums format
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    return "".join(lines)


def control_file(package_version: str, installed_size: int, depends: str) -> str:
    """``depends``: from ``debian_depends``, versions computed from the bundle's ELF files."""
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {package_version}\n"
        "Architecture: amd64\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_size}\n"
        f"Depends: {depends}\n"
        f"Recommends: {RECOMMENDS}\n"
        "Section: education\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}"
    )


def make_deb(bundle: Path, out: Path, package_version: str, work: Path, xz_level: int = 6) -> Path:
    log(f"deb: {out.name}")
    root = work / "deb-root"
    deb_tree(bundle, root, package_version)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch()))
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{xz_level}", "--build", str(root), str(out)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root)
    return out


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: NN Studio

Files: *
License: MIT
Comment: NN Studio itself.

Files: opt/nnstudio/_internal/*
Comment: Third-party components bundled by PyInstaller, under their own licences:
 Python (PSF License), NumPy and OpenBLAS (BSD-3-Clause), pyqtgraph (MIT),
 platformdirs (MIT), Qt 6 and PySide6 (LGPL-3.0, dynamically linked; the Qt
 libraries can be replaced in /opt/nnstudio/_internal/PySide6/Qt/lib),
 ICU (Unicode License), PyInstaller's bootloader (GPL-2.0 with the bootloader
 exception).
License: various

License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy
 of this software and associated documentation files (the "Software"), to deal
 in the Software without restriction, including without limitation the rights
 to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 copies of the Software, and to permit persons to whom the Software is
 furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in
 all copies or substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
 SOFTWARE.
"""


# -- Windows and macOS -------------------------------------------------------------------------
def find_iscc() -> str | None:
    candidates = [shutil.which("iscc"), shutil.which("ISCC")]
    for variable in ("ProgramFiles(x86)", "ProgramFiles"):
        if os.environ.get(variable):
            candidates.append(str(Path(os.environ[variable]) / "Inno Setup 6" / "ISCC.exe"))
    return next((c for c in candidates if c and Path(c).is_file()), None)


def make_windows_installer(dist: Path, package_version: str) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        log("Inno Setup 6 (ISCC.exe) not found: skipping the setup .exe")
        return None
    log("Inno Setup: packaging/windows/nnstudio.iss")
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={package_version}",
            f"/DBundleDir={dist / PACKAGE}",
            f"/O{dist}",
            str(HERE / "windows" / "nnstudio.iss"),
        ],
        check=True,
    )
    return dist / f"NNStudio-{package_version}-setup.exe"


def zip_mac_app(dist: Path, package_version: str) -> Path:
    out = dist / f"NNStudio-{package_version}-macos.zip"
    log(f"zip: {out.name}")
    # ditto keeps the symlinks and extended attributes an .app needs
    subprocess.run(
        ["ditto", "-c", "-k", "--keepParent", str(dist / "NN Studio.app"), str(out)], check=True
    )
    return out


def make_mac_dmg(dist: Path, package_version: str, work: Path) -> Path:
    """A compressed disk image with the .app and a link to /Applications to drag it onto."""
    out = dist / f"NNStudio-{package_version}-macos.dmg"
    log(f"dmg: {out.name}")
    staging = work / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    app = "NN Studio.app"
    subprocess.run(["ditto", str(dist / app), str(staging / app)], check=True)
    (staging / "Applications").symlink_to("/Applications")
    out.unlink(missing_ok=True)
    create = ["hdiutil", "create", "-volname", "NN Studio", "-srcfolder", str(staging)]
    subprocess.run([*create, "-format", "UDZO", "-ov", str(out)], check=True)
    shutil.rmtree(staging)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    parser.add_argument(
        "--skip-pyinstaller", action="store_true", help="re-pack the bundle already in --dist"
    )
    parser.add_argument(
        "--xz-level",
        type=int,
        default=6,
        choices=range(10),
        metavar="0-9",
        help="compression of the .deb: 6 (default) gives the smallest download in ~100 s on two "
        "cores, 1 takes ~20 s for a 15 %% larger file (what the tests use)",
    )
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    package_version = version()
    bundle = dist / PACKAGE
    if args.skip_pyinstaller:
        if not (bundle / PACKAGE).exists() and not (bundle / f"{PACKAGE}.exe").exists():
            parser.error(f"no bundle in {bundle}")
    else:
        compile_translations()
        bundle = run_pyinstaller(dist, work)
    outputs = [bundle]
    if sys.platform.startswith("linux"):
        outputs.append(
            make_tarball(
                bundle,
                dist / f"{PACKAGE}-{package_version}-linux-x86_64.tar.gz",
                f"{PACKAGE}-{package_version}",
                source_date_epoch(),
            )
        )
        if shutil.which("dpkg-deb"):
            outputs.append(
                make_deb(
                    bundle,
                    dist / f"{PACKAGE}_{package_version}_amd64.deb",
                    package_version,
                    work,
                    args.xz_level,
                )
            )
        else:
            log("dpkg-deb not found (Debian package dpkg): skipping the .deb")
    elif sys.platform == "win32":
        outputs.append(make_windows_installer(dist, package_version))
    elif sys.platform == "darwin":
        outputs.append(zip_mac_app(dist, package_version))
        outputs.append(make_mac_dmg(dist, package_version, work))
    for path in filter(None, outputs):
        size = folder_size(path) if path.is_dir() else path.stat().st_size
        log(f"{path}  {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
