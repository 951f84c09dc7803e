#!/usr/bin/env bash
# Install NN Studio's .deb into a clean Debian 12 (bookworm) root with only its declared
# dependencies, and run the installed app's self-test there. Prints PASS or FAIL at the end and
# exits 0 or 1.
#
#   packaging/verify_deb.sh [path/to/nnstudio_<version>_amd64.deb] [--keep] [--no-x11]
#
# Default .deb: dist/nnstudio_*_amd64.deb (packaging/build.py makes it). Needs root, debootstrap
# (apt-get install debootstrap) and access to the Debian mirror this machine's apt already uses
# (read from /etc/apt/sources.list and /etc/apt/sources.list.d; override with MIRROR=<url>).
# Takes a few minutes, mostly debootstrap.
#
# Steps:
#  1. debootstrap --variant=minbase bookworm: the smallest Debian 12 that has apt.
#  2. apt-get install --no-install-recommends ./nnstudio_*.deb: only what Depends: pulls in.
#  3. ldd every file of /opt/nnstudio: no library may be missing.
#  4. QT_QPA_PLATFORM=offscreen nnstudio --self-test, as a user would run it.
#  5. Desktop integration: with shared-mime-info and desktop-file-utils added, their triggers
#     register *.nnstudio as application/x-nnstudio, opened by nnstudio.desktop.
#  6. (unless --no-x11) A real X11 window: with Xvfb added, nnstudio shows its main window.
#  7. apt-get purge nnstudio leaves no /opt/nnstudio behind.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deb=""
keep=0
x11=1
for argument in "$@"; do
    case "$argument" in
        --keep) keep=1 ;;
        --no-x11) x11=0 ;;
        -h | --help)
            sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
            exit 0
            ;;
        *) deb="$argument" ;;
    esac
done
if [[ -z "$deb" ]]; then
    deb="$(ls -t "$repo"/dist/nnstudio_*_amd64.deb 2>/dev/null | head -n 1 || true)"
fi
if [[ -z "$deb" || ! -f "$deb" ]]; then
    echo "No .deb given and none in $repo/dist: run python packaging/build.py first." >&2
    exit 2
fi
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
if [[ $EUID -ne 0 ]]; then
    echo "verify_deb.sh needs root (debootstrap and chroot)." >&2
    exit 2
fi
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install debootstrap" >&2; exit 2; }

# The Debian mirror apt already uses on this machine (first URI offering bookworm).
find_mirror() {
    local file
    for file in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$file" ]] || continue
        # deb822: a stanza with "Suites: … bookworm …" and "URIs: <url>"
        awk 'BEGIN { RS = ""; FS = "\n" }
             {
                uri = ""; suites = ""; types = ""
                for (i = 1; i <= NF; i++) {
                    if ($i ~ /^URIs:/) { uri = $i; sub(/^URIs:[ \t]*/, "", uri); sub(/[ \t].*$/, "", uri) }
                    if ($i ~ /^Suites:/) { suites = " " $i " " }
                    if ($i ~ /^Types:/) { types = $i }
                }
                if (uri != "" && types ~ /deb( |$)/ && suites ~ /[ \t]bookworm[ \t]/) { print uri; exit }
             }' "$file"
    done
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f "$file" ]] || continue
        # one-line format: deb [options] <url> bookworm main …
        sed -E 's/\[[^]]*\]//' "$file" | awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }'
    done
}
mirror="${MIRROR:-$(find_mirror | head -n 1)}"
if [[ -z "$mirror" ]]; then
    echo "Found no Debian bookworm mirror in /etc/apt; set MIRROR=<url>." >&2
    exit 2
fi

root="$(mktemp -d /tmp/nnstudio-verify.XXXXXX)"
mounted=0
cleanup() {
    if ((mounted)); then umount -l "$root/proc" 2>/dev/null || true; fi
    if ((keep)); then
        echo "Kept the Debian root in $root"
    else
        rm -rf --one-file-system "$root"
    fi
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"; }
failures=()
fail() { echo "FAILED: $*"; failures+=("$*"); }

step "debootstrap bookworm (minbase) from $mirror into $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 || {
    tail -n 20 "$root.debootstrap.log"
    echo "FAIL: debootstrap did not complete"
    exit 1
}
rm -f "$root.debootstrap.log"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$root/proc" && mounted=1
in_root dpkg-query -W -f='${Package}\n' | sort >"$root/tmp/packages-before"

step "apt-get install --no-install-recommends ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" \
    >"$root/tmp/install.log" 2>&1 || { tail -n 30 "$root/tmp/install.log"; fail "installation"; }
in_root dpkg-query -W -f='${Package}\n' | sort >"$root/tmp/packages-after"
added="$(comm -13 "$root/tmp/packages-before" "$root/tmp/packages-after")"
echo "$(wc -l <<<"$added") packages added to the minimal system:"
tr '\n' ' ' <<<"$added" | fold -s -w 100
echo

step "every library the bundle links to is present"
missing="$(in_root sh -c '
    dirs=$(find /opt/nnstudio -name "*.so*" -printf "%h\n" | sort -u | tr "\n" ":")
    find /opt/nnstudio -type f \( -name "*.so*" -o -name nnstudio \) | while read -r f; do
        LD_LIBRARY_PATH="$dirs" ldd "$f" 2>/dev/null | grep "not found" | sed "s|^|$f: |"
    done' || true)"
if [[ -n "$missing" ]]; then
    echo "$missing" | head -n 20
    fail "libraries missing"
else
    echo "none missing"
fi

step "QT_QPA_PLATFORM=offscreen nnstudio --self-test"
in_root env QT_QPA_PLATFORM=offscreen nnstudio --version || fail "nnstudio --version"
if in_root env QT_QPA_PLATFORM=offscreen nnstudio --self-test; then
    echo "self-test: exit status 0"
else
    fail "self-test"
fi

step "desktop integration (shared-mime-info, desktop-file-utils triggers)"
in_root apt-get install -y -qq --no-install-recommends shared-mime-info desktop-file-utils \
    >>"$root/tmp/install.log" 2>&1 || fail "installing shared-mime-info desktop-file-utils"
if grep -q '^application/x-nnstudio:\*\.nnstudio$' "$root/usr/share/mime/globs" &&
    grep -q '^application/x-nnstudio=.*nnstudio\.desktop' \
        "$root/usr/share/applications/mimeinfo.cache"; then
    echo "*.nnstudio → application/x-nnstudio → nnstudio.desktop"
else
    fail "MIME type or desktop entry not registered"
fi
in_root desktop-file-validate /usr/share/applications/nnstudio.desktop || fail "desktop entry"

if ((x11)); then
    step "a real X11 window under Xvfb"
    in_root apt-get install -y -qq --no-install-recommends xvfb xauth \
        >>"$root/tmp/install.log" 2>&1 || fail "installing xvfb"
    if in_root timeout 120 xvfb-run -a nnstudio --quit-after-show 2>"$root/tmp/x11.log" |
        grep -q "window shown"; then
        echo "main window shown on the xcb platform"
    else
        tail -n 20 "$root/tmp/x11.log"
        fail "X11 window"
    fi
fi

step "apt-get purge nnstudio"
in_root apt-get purge -y -qq nnstudio >>"$root/tmp/install.log" 2>&1 || fail "purge"
if [[ -e "$root/opt/nnstudio" || -e "$root/usr/bin/nnstudio" ]]; then
    fail "files left behind after purge"
else
    echo "removed cleanly"
fi

echo
if ((${#failures[@]})); then
    echo "FAIL: $(basename "$deb") on a clean Debian 12: ${failures[*]}"
    exit 1
fi
echo "PASS: $(basename "$deb") installs on a clean Debian 12 with its declared dependencies" \
    "and passes its self-test"
