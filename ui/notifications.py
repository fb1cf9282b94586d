"""Toasts in the main window's corner and the alert sound; neither ever takes keyboard focus.

Toasts are child widgets of the host window (not top-level windows): they move with the
window, never appear on another desktop, and showing a child widget does not activate
anything, so the dispatcher keeps typing where they were. Every part of a toast has
`Qt.NoFocus`, so even a click on it leaves the focus alone.

Where: stacked upwards from the bottom-left corner of the main window's central widget
(the queue), never over a dock — the case detail and the reminder centre are what a
dispatcher reads while toasts arrive. At most `MAX_TOASTS` show at once (fewer when the
central area is short); what does not fit collapses into one line, "另有 N 条提醒", which
opens the reminder centre, where every item is listed anyway.

Sound: `QSoundEffect` lives in QtMultimedia, which PySide6-Essentials does not ship
(measured here: `import PySide6.QtMultimedia` fails with 6.11.3 Essentials). `AlertSound`
therefore uses, in order: QSoundEffect when the full PySide6 is installed; `winsound` on
Windows; a desktop player (`pw-play`, `paplay`, `aplay`, `afplay`) started detached; else
`QApplication.beep()`. On the offscreen platform (tests, CI) it stays silent.
"""

from __future__ import annotations

import logging
import shutil
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QProcess, QRect, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QEnterEvent, QFontMetrics, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

log = logging.getLogger("ui.notifications")

TOAST_TIMEOUT_MS = 8_000
TOAST_WIDTH = 380
MAX_TOASTS = 3  # more at once would cover the queue; older ones collapse into a line
MARGIN = 14
SPACING = 8
MIN_TOAST_WIDTH = 220  # below this a toast is unreadable: it collapses instead

# Severity colours shared with the reminder list (red, amber, blue).
SEVERITY_COLOURS = {3: "#d32f2f", 2: "#f9a825", 1: "#1976d2"}


class Toast(QFrame):
    """One notification card: a coloured strip, a badge, a heading, the case, the time."""

    clicked = Signal()
    dismissed = Signal()

    def __init__(self, host: QWidget, severity: int, badge: str, heading: str, body: str,
                 meta: str, timeout_ms: int = TOAST_TIMEOUT_MS) -> None:  # fmt: skip
        super().__init__(host)
        self.setObjectName("toast")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedWidth(TOAST_WIDTH)
        colour = SEVERITY_COLOURS.get(severity, SEVERITY_COLOURS[1])
        self.setStyleSheet(
            "QFrame#toast { background: #ffffff; border: 1px solid #c8ccd2;"
            f" border-left: 5px solid {colour}; border-radius: 4px; }}"
            "QLabel { background: transparent; border: none; }"
            "QLabel#toastHeading { font-weight: bold; color: #1f2328; }"
            "QLabel#toastMeta { color: #6a737d; }"
            f"QLabel#toastBadge {{ background: {colour}; color: white; border-radius: 4px;"
            " font-weight: bold; }"
            "QToolButton { border: none; color: #6a737d; background: transparent; }"
            "QToolButton:hover { color: #1f2328; }"
        )
        self.heading_text, self.body_text = heading, body
        badge_label = QLabel(badge, self)
        badge_label.setObjectName("toastBadge")
        badge_label.setFixedSize(QSize(28, 28))
        badge_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("toastHeading")
        # Badge, margins, spacing, the close button and the coloured border take the rest.
        text_width = TOAST_WIDTH - 28 - 24 - 40
        metrics = QFontMetrics(self.font())
        elide = Qt.TextElideMode.ElideRight
        self.body = QLabel(metrics.elidedText(body, elide, text_width), self)
        self.body.setToolTip(body)
        self.meta = QLabel(metrics.elidedText(meta, elide, text_width), self)
        self.meta.setObjectName("toastMeta")
        self.meta.setToolTip(meta)
        self.meta.setVisible(bool(meta))
        close = QToolButton(self)
        close.setText("×")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setToolTip(self.tr("关闭"))
        close.clicked.connect(self.dismiss)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.heading)
        text.addWidget(self.body)
        text.addWidget(self.meta)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 6, 8)
        row.setSpacing(10)
        row.addWidget(badge_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        for label in (badge_label, self.heading, self.body, self.meta):
            label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # Clicks anywhere on the card belong to the card.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.dismiss)
        self._done = False
        self.adjustSize()

    def start(self) -> None:
        self.show()
        self.raise_()
        self._timer.start()

    def dismiss(self) -> None:
        if self._done:
            return
        self._done = True
        self._timer.stop()
        self.hide()
        self.dismissed.emit()
        self.deleteLater()

    @property
    def is_dismissed(self) -> bool:
        return self._done

    # Reading a toast should not make it vanish under the mouse.
    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802
        self._timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if not self._done:
            self._timer.start()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
            self.dismiss()
            return
        super().mouseReleaseEvent(event)


class CollapsedToasts(QFrame):
    """The line under the stack that counts the toasts which did not fit."""

    clicked = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("toastCollapsed")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            "QFrame#toastCollapsed { background: #37474f; border-radius: 4px; }"
            "QLabel { color: white; background: transparent; }"
        )
        self.label = QLabel(self)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 5, 12, 5)
        row.addWidget(self.label)
        self.count = 0
        self.hide()

    def set_count(self, count: int) -> None:
        self.count = count
        self.label.setText(self.tr("另有 %n 条提醒，点击查看提醒中心", "", count))
        self.adjustSize()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)


class ToastManager(QObject):
    """Stacks toasts upwards from the bottom-left corner of the host's central area; the
    collapsed line above them counts those that did not fit."""

    activated = Signal(int)  # a case id; -1 for the collapsed line ("另有 N 条提醒")

    def __init__(self, host: Callable[[], QWidget], parent: QObject | None = None,
                 timeout_ms: int = TOAST_TIMEOUT_MS) -> None:  # fmt: skip
        super().__init__(parent)
        self._host = host  # resolved per toast: the panel may move to another window
        self._watched: list[QWidget] = []  # the host, and its central widget
        self.timeout_ms = timeout_ms
        self._toasts: list[Toast] = []
        self._line: CollapsedToasts | None = None
        self._collapsed = 0  # reminders that did not fit, until the line times out
        self._line_timer = QTimer(self)  # the line goes like a toast, after the last count
        self._line_timer.setSingleShot(True)
        self._line_timer.timeout.connect(self._reset_collapsed)

    @property
    def toasts(self) -> list[Toast]:
        """The toasts on screen, oldest first."""
        # isValid: a toast dies with its host window without saying so.
        return [t for t in self._toasts if isValid(t) and not t.is_dismissed]

    @property
    def collapsed(self) -> int:
        """How many reminders the collapsed line counts (0: no line)."""
        return self._collapsed

    @property
    def collapsed_line(self) -> CollapsedToasts | None:
        """The line, when it shows."""
        line = self._line
        return line if line is not None and isValid(line) and line.isVisible() else None

    def show_toast(self, case_id: int, severity: int, badge: str, heading: str, body: str,
                   meta: str) -> Toast:  # fmt: skip
        host = self._host()
        self._watch(host)
        toast = Toast(host, severity, badge, heading, body, meta, self.timeout_ms)
        toast.clicked.connect(lambda: self.activated.emit(case_id))
        toast.dismissed.connect(lambda: self._forget(toast))
        self._toasts.append(toast)
        toast.start()
        self._place()
        return toast

    def collapse(self, count: int) -> None:
        """Count ``count`` more reminders in the collapsed line, without a toast each (a
        burst: the reminder centre lists them all)."""
        if count > 0:
            self._watch(self._host())
            self._count(count)
            self._place()

    def clear(self) -> None:
        for toast in self.toasts:
            self._toasts.remove(toast)
            toast.dismiss()
        self._reset_collapsed()

    # -- internals ---------------------------------------------------------------------

    def _count(self, count: int) -> None:
        self._collapsed += count
        self._line_timer.start(self.timeout_ms)

    def _reset_collapsed(self) -> None:
        self._collapsed = 0
        self._line_timer.stop()
        self._place()

    def _watch(self, host: QWidget) -> None:
        central = host.centralWidget() if isinstance(host, QMainWindow) else None
        wanted = [w for w in (host, central) if w is not None]
        alive = [w for w in self._watched if isValid(w)]
        if alive == wanted:
            return
        for widget in alive:
            widget.removeEventFilter(self)
        for widget in wanted:
            widget.installEventFilter(self)
        self._watched = wanted
        if self._line is not None and isValid(self._line):
            self._line.deleteLater()
        self._line = CollapsedToasts(host)
        self._line.clicked.connect(self._line_clicked)

    def _forget(self, toast: Toast) -> None:
        if toast in self._toasts:
            self._toasts.remove(toast)
            self._place()

    def _line_clicked(self) -> None:
        self._reset_collapsed()
        self.activated.emit(-1)

    @staticmethod
    def _area(host: QWidget) -> QRect:
        """Where toasts may go, in the host's coordinates: the central widget's rectangle
        (so never over a dock), else the window above its status bar."""
        if isinstance(host, QMainWindow):
            central = host.centralWidget()
            if central is not None and central.isVisible():
                return central.geometry()
            area = host.rect()
            if host.statusBar().isVisible():
                area.setBottom(host.statusBar().geometry().top() - 1)
            return area
        return host.rect()

    def _place(self) -> None:
        host = self._watched[0] if self._watched and isValid(self._watched[0]) else None
        line = self._line if self._line is not None and isValid(self._line) else None
        if host is None or line is None:
            return
        area = self._area(host).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        width = min(TOAST_WIDTH, area.width())
        toasts = self.toasts
        if width < MIN_TOAST_WIDTH:  # no room at all: nothing shows (the list has it all)
            for widget in (*toasts, line):
                widget.hide()
            return
        # The newest stay (at the bottom, nearest the eye line); the oldest give way.
        drop = max(0, len(toasts) - MAX_TOASTS)
        heights: list[int] = []
        for toast in toasts:
            toast.setFixedWidth(width)
            toast.adjustSize()
            heights.append(toast.sizeHint().height())
        line.set_count(max(1, self._collapsed + drop))
        line_height = line.sizeHint().height()

        def height_of(first: int, with_line: bool) -> int:
            shown = heights[first:]
            parts = shown + [line_height] if with_line else shown
            return sum(parts) + SPACING * max(0, len(parts) - 1)

        while drop < len(toasts) and height_of(drop, self._collapsed + drop > 0) > area.height():
            drop += 1
        for toast in toasts[:drop]:
            self._toasts.remove(toast)  # first, so that its dismissal does not place again
            toast.dismiss()
        if drop:
            self._count(drop)
        bottom = area.bottom() + 1
        for toast, height in zip(reversed(toasts[drop:]), reversed(heights[drop:]), strict=True):
            toast.setGeometry(area.left(), bottom - height, width, height)
            toast.show()
            toast.raise_()
            bottom -= height + SPACING
        if self._collapsed and bottom - line_height >= area.top():
            line.set_count(self._collapsed)
            line.setGeometry(area.left(), bottom - line_height, width, line_height)
            line.show()
            line.raise_()
        else:
            line.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched in self._watched and event.type() in (QEvent.Type.Resize,
                                                          QEvent.Type.Move):  # fmt: skip
            self._place()
        return False


class AlertSound(QObject):
    """Plays resources/sounds/alert.wav by the best means available (see module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = _alert_path()
        self._effect: Any = None
        self._player: str | None = None
        self._last = 0.0
        self.method = self._choose()
        log.info("alert sound: %s", self.method)

    def _choose(self) -> str:
        if QApplication.platformName() == "offscreen":
            return "silent"  # nobody is listening to a headless session
        try:
            from PySide6.QtMultimedia import QSoundEffect  # not in PySide6-Essentials
        except ImportError:
            pass
        else:
            if self._path is not None:
                self._effect = QSoundEffect(self)
                self._effect.setSource(QUrl.fromLocalFile(str(self._path)))
                self._effect.setVolume(0.6)
                return "qsoundeffect"
        if sys.platform == "win32" and self._path is not None:
            return "winsound"
        if self._path is not None:
            for player in ("pw-play", "paplay", "aplay", "afplay"):
                if shutil.which(player):
                    self._player = player
                    return player
        return "beep"

    def play(self) -> None:
        now = time.monotonic()
        if now - self._last < 2.0:  # a burst of crossings is one alert, not a chord
            return
        self._last = now
        if self.method == "qsoundeffect":
            self._effect.play()
        elif self.method == "winsound":
            import winsound

            winsound.PlaySound(str(self._path), winsound.SND_FILENAME | winsound.SND_ASYNC)
        elif self._player is not None:
            args = ["-q", str(self._path)] if self._player == "aplay" else [str(self._path)]
            if not QProcess.startDetached(self._player, args)[0]:
                QApplication.beep()
        elif self.method == "beep":
            QApplication.beep()


def _alert_path() -> Path | None:
    try:
        path = Path(str(resources.files("resources.sounds") / "alert.wav"))
    except (ModuleNotFoundError, TypeError):
        return None
    return path if path.is_file() else None
