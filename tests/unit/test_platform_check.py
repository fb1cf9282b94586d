"""The look before Qt starts: no display, missing xcb libraries, and the cases it leaves to
Qt (offscreen, Wayland, all present)."""

from __future__ import annotations

from ui.platform_check import XCB_LIBRARIES, problem

ALL = {library for library, _ in XCB_LIBRARIES}


def present(*missing: str):  # type: ignore[no-untyped-def]
    return lambda library: library in ALL and library not in missing


def test_no_display_is_named() -> None:
    message = problem({}, present())
    assert message is not None
    assert message.startswith("没有可用的图形显示（DISPLAY 未设置）")


def test_missing_libraries_are_named_by_their_packages() -> None:
    message = problem({"DISPLAY": ":0"}, present("xcb-icccm", "xcb-keysyms"))
    assert message == ("缺少图形界面所需的系统库：libxcb-icccm4 libxcb-keysyms1（Debian/Ubuntu："
                       "sudo apt-get install libxcb-icccm4 libxcb-keysyms1）")  # fmt: skip


def test_what_qt_handles_itself_is_left_to_it() -> None:
    assert problem({"DISPLAY": ":0"}, present()) is None
    assert problem({"QT_QPA_PLATFORM": "offscreen"}, present("xcb-icccm")) is None
    assert problem({"WAYLAND_DISPLAY": "wayland-0"}, present("xcb-icccm")) is None
    assert problem({"WORKSTATION_SKIP_PLATFORM_CHECK": "1"}, present("xcb-icccm")) is None
