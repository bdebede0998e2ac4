"""Check that a .deb's Depends/Recommends cover every system library the bundle needs:
what an ELF file in it asks for (NEEDED) and the bundle does not carry must come from a
package the control file names. Like dpkg-shlibdeps, but as a check of a list kept by
hand (readable, with the alternatives Ubuntu's t64 renames need).

    python check_deb_depends.py BUNDLE_DIR "depends, fields" ["recommends, fields"]

Exits 1 and names each uncovered library, the package that provides it here and
which bundled file needs it. Linux with dpkg only."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
# The dynamic loader and libc's own parts come with libc6, which is named in Depends.
_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[(.+?)\]")


def elf_files(bundle: Path) -> list[Path]:
    files = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    files.append(path)
    return files


def needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return _NEEDED.findall(out)


def system_paths() -> dict[str, str]:
    """soname -> path, from the dynamic linker's cache (x86-64/aarch64 entries)."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    paths: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        paths.setdefault(name.split(" ")[0], path)
    return paths


def owners(paths: list[str]) -> dict[str, str]:
    """path -> the package that installed it, in one dpkg call; each path is also tried
    as its merged-/usr twin and with symlinks resolved (dpkg knows one spelling)."""
    variants: dict[str, str] = {}
    for path in paths:
        for spelling in {path, str(Path(path).resolve())}:
            twin = (spelling.replace("/usr/lib/", "/lib/", 1) if spelling.startswith("/usr/")
                    else spelling.replace("/lib/", "/usr/lib/", 1))
            variants.setdefault(spelling, path)
            variants.setdefault(twin, path)
    result = subprocess.run(["dpkg", "-S", *variants], capture_output=True, text=True)
    found: dict[str, str] = {}
    for line in result.stdout.splitlines():  # "libx11-6:amd64: /lib/x86_64-linux-gnu/..."
        package, _, where = line.partition(": ")
        if where in variants and not package.startswith("diversion"):
            found.setdefault(variants[where], package.split(":")[0].strip())
    return found


def named_packages(*fields: str) -> set[str]:
    """Every package a control field names, alternatives included, versions dropped."""
    names = set()
    for field in fields:
        for alternative in re.split(r"[,|]", field):
            name = alternative.strip().split(" ")[0].split(":")[0]
            if name:
                names.add(name)
    return names


def uncovered(bundle: Path, declared: set[str]) -> list[str]:
    carried = {p.name for p in bundle.rglob("*")}
    wanted: dict[str, Path] = {}  # soname -> the first bundled file that needs it
    for elf in elf_files(bundle):
        for soname in needed(elf):
            if soname not in carried:
                wanted.setdefault(soname, elf)
    system = system_paths()
    packages = owners([system[s] for s in wanted if s in system])
    problems = []
    for soname, elf in sorted(wanted.items()):
        user = elf.relative_to(bundle)
        package = packages.get(system.get(soname, ""))
        if package is None:
            problems.append(f"{soname}: not found on this system (needed by {user})")
        elif package not in declared:
            problems.append(f"{soname}: from package {package}, needed by {user}")
    return problems


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    missing = uncovered(Path(sys.argv[1]), named_packages(*sys.argv[2:]))
    for line in missing:
        print(f"check_deb_depends: {line}", file=sys.stderr)
    raise SystemExit(1 if missing else 0)
