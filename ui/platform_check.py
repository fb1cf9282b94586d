"""Before Qt starts: is there a screen to draw on, and the libraries its plugin needs?

When no platform plugin can load, Qt aborts the process with a core dump and a message
that names the wrong library (a fresh Debian without libxcb-icccm4 and libxcb-keysyms1 is
told about xcb-cursor0). This looks first, in the plain words of one Chinese line.
"""

from __future__ import annotations

import ctypes.util
import glob
import os

# The shared libraries Qt 6's xcb plugin loads (Debian package in brackets in the message).
XCB_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor0"), ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"), ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"), ("xcb-shape", "libxcb-shape0"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"), ("xkbcommon", "libxkbcommon0"),
    ("EGL", "libegl1"), ("fontconfig", "libfontconfig1"),
)  # fmt: skip


def installed(library: str) -> bool:
    """Whether the shared library is on the system: the linker cache, else the usual
    directories (a container without an ldconfig cache must not be told it lacks them)."""
    if ctypes.util.find_library(library):
        return True
    patterns = (f"/usr/lib/*/lib{library}.so*", f"/usr/lib/lib{library}.so*",
                f"/lib/*/lib{library}.so*", f"/usr/lib64/lib{library}.so*")  # fmt: skip
    return any(glob.glob(pattern) for pattern in patterns)


def problem(environ: dict[str, str] | None = None,
            find: object = installed) -> str | None:  # fmt: skip
    """What would stop Qt from opening a window here, in one Chinese line; None: nothing.
    (``WORKSTATION_SKIP_PLATFORM_CHECK=1`` skips the look, for an unusual system.)"""
    env = os.environ if environ is None else environ
    if env.get("WORKSTATION_SKIP_PLATFORM_CHECK") == "1":
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc …: the user chose; Qt says the rest
    if not platform and env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return ("没有可用的图形显示（DISPLAY 未设置）：请在桌面会话中启动，或用 "
                "QT_QPA_PLATFORM=offscreen 运行，命令行功能见 workstation --help")  # fmt: skip
    missing = [package for library, package in XCB_LIBRARIES
               if not find(library)]  # type: ignore[operator]  # fmt: skip
    if missing:
        return (f"缺少图形界面所需的系统库：{' '.join(missing)}（Debian/Ubuntu：sudo apt-get "
                f"install {' '.join(missing)}）")  # fmt: skip
    return None
