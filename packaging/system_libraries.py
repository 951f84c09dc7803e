"""The shared libraries a Linux bundle takes from the system, by the Debian package providing them.

The bundle carries Python, NumPy, Qt and what they brought with them. The C and C++ run-time and
the desktop stack Qt talks to (X11/xcb, OpenGL/EGL, fonts, D-Bus, GLib's main loop) must match the
machine the app runs on, so the spec leaves them out of the bundle and the .deb depends on the
packages below instead. ``packaging/nnstudio.spec`` excludes these file names from the bundle;
``packaging/build.py`` writes the package names into the .deb's ``Depends:``.

Every package is needed: each provides a library that a file of the bundle links to directly
(tests/packaging/test_deb.py checks this both ways against the built bundle).
"""

from __future__ import annotations

import re

# Debian package → the sonames (file names) of its libraries the bundle links to.
SYSTEM_LIBRARIES: dict[str, tuple[str, ...]] = {
    "libc6": (
        "libc.so.6",
        "libm.so.6",
        "libpthread.so.0",
        "libdl.so.2",
        "ld-linux-x86-64.so.2",
    ),
    "libgcc-s1": ("libgcc_s.so.1",),
    "libstdc++6": ("libstdc++.so.6",),
    "zlib1g": ("libz.so.1",),
    "libzstd1": ("libzstd.so.1",),
    "libglib2.0-0": ("libglib-2.0.so.0", "libgthread-2.0.so.0"),
    "libdbus-1-3": ("libdbus-1.so.3",),
    "libfontconfig1": ("libfontconfig.so.1",),
    "libfreetype6": ("libfreetype.so.6",),
    "libgl1": ("libGL.so.1",),
    "libegl1": ("libEGL.so.1",),
    "libxkbcommon0": ("libxkbcommon.so.0",),
    "libxkbcommon-x11-0": ("libxkbcommon-x11.so.0",),
    "libx11-6": ("libX11.so.6",),
    "libx11-xcb1": ("libX11-xcb.so.1",),
    "libxcb1": ("libxcb.so.1",),
    "libxcb-cursor0": ("libxcb-cursor.so.0",),
    "libxcb-glx0": ("libxcb-glx.so.0",),
    "libxcb-icccm4": ("libxcb-icccm.so.4",),
    "libxcb-image0": ("libxcb-image.so.0",),
    "libxcb-keysyms1": ("libxcb-keysyms.so.1",),
    "libxcb-randr0": ("libxcb-randr.so.0",),
    "libxcb-render0": ("libxcb-render.so.0",),
    "libxcb-render-util0": ("libxcb-render-util.so.0",),
    "libxcb-shape0": ("libxcb-shape.so.0",),
    "libxcb-shm0": ("libxcb-shm.so.0",),
    "libxcb-sync1": ("libxcb-sync.so.1",),
    "libxcb-util1": ("libxcb-util.so.1",),
    "libxcb-xfixes0": ("libxcb-xfixes.so.0",),
    "libxcb-xkb1": ("libxcb-xkb.so.1",),
}

# The newest glibc symbol version the bundle's files use (Debian 12 ships 2.36).
MINIMUM_GLIBC = "2.35"


def debian_depends() -> str:
    """The .deb's ``Depends:`` value."""
    return ", ".join(
        f"{package} (>= {MINIMUM_GLIBC})" if package == "libc6" else package
        for package in SYSTEM_LIBRARIES
    )


def system_library_pattern() -> re.Pattern[str]:
    """Matches the file name of a library the bundle takes from the system."""
    names = sorted({name for sonames in SYSTEM_LIBRARIES.values() for name in sonames})
    return re.compile("|".join(re.escape(name) for name in names))
