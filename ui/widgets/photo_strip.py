"""The case's photos as thumbnails, grouped 处置前 / 处置后 / 其他; a click opens the viewer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ui.widgets.detail_flow import FlowLayout
from ui.widgets.detail_style import fmt_dt, secondary_colour
from workstation.bootstrap import Workstation
from workstation.domain.attachments import AttachmentInfo, AttachmentKind

THUMB = QSize(112, 84)
GROUPS = (AttachmentKind.BEFORE, AttachmentKind.AFTER, AttachmentKind.OTHER)
# The kinds' names come from the domain; marked here so `tr(kind.label)` finds them.
KIND_NAMES = (
    QT_TRANSLATE_NOOP("PhotoStrip", "处置前"),
    QT_TRANSLATE_NOOP("PhotoStrip", "处置后"),
    QT_TRANSLATE_NOOP("PhotoStrip", "其他"),
)


@dataclass(frozen=True, slots=True)
class Photo:
    info: AttachmentInfo
    thumbnail: QImage | None  # decoded on the worker (QImage, unlike QPixmap, may be)
    uploader: str  # display name


def load_photos(ws: Workstation, case_id: int) -> list[Photo]:
    """Run on a worker: the case's attachments with their thumbnails decoded."""
    ref = ws.reference
    out = []
    for info in ws.attachments(case_id):
        image = None
        if info.thumbnail:
            decoded = QImage.fromData(info.thumbnail)
            image = None if decoded.isNull() else decoded
        out.append(Photo(info, image, ref.account_name(info.created_by)))
    return out


class PhotoStrip(QWidget):
    """Thumbnails by kind; `photo_activated(attachment id)` when one is clicked."""

    photo_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoStrip")
        self.photos: list[Photo] = []
        self.buttons: dict[int, QToolButton] = {}
        self._widgets: list[QWidget] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.empty = QLabel(self.tr("暂无照片或附件"), self)
        self.empty.setStyleSheet(f"color: {secondary_colour(self)};")
        self._layout.addWidget(self.empty)

    def image_photos(self) -> list[Photo]:
        """The photos the viewer pages through, in the order they are shown."""
        shown = [p for kind in GROUPS for p in self.photos if p.info.kind is kind]
        return [p for p in shown if p.info.is_image]

    def set_photos(self, photos: Sequence[Photo]) -> None:
        for widget in self._widgets:
            self._layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._widgets = []
        self.buttons = {}
        self.photos = list(photos)
        self.empty.setVisible(not self.photos)
        muted = secondary_colour(self)
        for kind in GROUPS:
            group = [p for p in self.photos if p.info.kind is kind]
            if not group:
                continue
            title = QLabel(f"{self.tr(kind.label)} · {len(group)}", self)
            title.setStyleSheet(f"color: {muted}; font-weight: bold;")
            box = QWidget(self)
            flow = FlowLayout(box, spacing=6)
            for photo in group:
                button = self._button(photo, box)
                flow.addWidget(button)
                self.buttons[photo.info.id] = button
            self._layout.addWidget(title)
            self._layout.addWidget(box)
            self._widgets += [title, box]

    def _button(self, photo: Photo, parent: QWidget) -> QToolButton:
        info = photo.info
        button = QToolButton(parent)
        button.setObjectName(f"photo_{info.id}")
        button.setAutoRaise(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        tip = f"{info.filename}\n{fmt_dt(info.created_at)} · {photo.uploader}"
        if photo.thumbnail is not None:
            pixmap = QPixmap.fromImage(photo.thumbnail).scaled(
                THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )  # fmt: skip
            button.setIcon(QIcon(pixmap))
            button.setIconSize(THUMB)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setToolTip(tip + "\n" + self.tr("点击查看大图"))
            button.clicked.connect(lambda _=False, i=info.id: self.photo_activated.emit(i))
        else:
            # A PDF or a photo without a thumbnail: named, not previewed.
            name = info.filename if len(info.filename) <= 16 else info.filename[:15] + "…"
            button.setText(name)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setToolTip(tip)
            if info.is_image:
                button.clicked.connect(lambda _=False, i=info.id: self.photo_activated.emit(i))
        return button
