"""Zoomable photo viewer: wheel zoom, fit, 1:1, drag to pan; full images load in the background."""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.widgets.detail_fields import wrapping_policy
from ui.widgets.detail_style import fmt_dt
from ui.widgets.photo_strip import Photo
from workstation.bootstrap import Workstation
from workstation.domain.errors import ValidationError

MIN_ZOOM, MAX_ZOOM = 0.05, 16.0
STEP = 1.25  # one wheel notch or one button press


def load_full_image(ws: Workstation, attachment_id: int) -> QImage:
    """Run on a worker: the stored photo decoded, turned upright by its EXIF orientation."""
    filename, _mime, data = ws.attachment_data(attachment_id)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    image = reader.read()
    buffer.close()
    if image.isNull():
        message = QCoreApplication.translate("PhotoViewer", "照片 %1 无法显示（%2）")
        raise ValidationError(message.replace("%1", filename).replace("%2", reader.errorString()))
    return image


class ZoomView(QGraphicsView):
    """A pixmap that zooms around the mouse and pans by dragging; fits until zoomed."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoView")
        self._scene = QGraphicsScene(self)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        self.setScene(self._scene)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("#202124"))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self._fit = True

    @property
    def zoom(self) -> float:
        return float(self.transform().m11())

    @property
    def fitting(self) -> bool:
        return self._fit

    def set_pixmap(self, pixmap: QPixmap) -> None:
        """Show a new image; a view that was fitting keeps fitting the new size."""
        self._item.setPixmap(pixmap)
        self._scene.setSceneRect(self._item.boundingRect())
        if self._fit:
            self.fit()

    def fit_next(self) -> None:
        """Fit the next pixmap set (the current one stays as it is until then)."""
        self._fit = True

    def fit(self) -> None:
        self._fit = True
        if not self._item.pixmap().isNull():
            self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom)

    def actual_size(self) -> None:
        self._fit = False
        self.resetTransform()
        self.zoom_changed.emit(self.zoom)

    def zoom_by(self, factor: float) -> None:
        target = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM)
        if self.zoom > 0:
            factor = target / self.zoom
        self._fit = False
        self.scale(factor, factor)
        self.zoom_changed.emit(self.zoom)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        notches = event.angleDelta().y() / 120
        if notches:
            self.zoom_by(STEP**notches)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit:
            self.fit()


class PhotoViewer(QDialog):
    """Non-modal viewer over the case's photos (← → to page, + − to zoom, F fit, 1 for 1:1)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("photoViewer")
        self.setWindowTitle(self.tr("查看照片"))
        self.resize(960, 720)
        self.photos: list[Photo] = []
        self.index = -1
        self.full_loaded_id: int | None = None  # the photo whose full image is shown

        self.view = ZoomView(self)
        self.view.zoom_changed.connect(self._show_zoom)
        self.prev_button = self._tool(self.tr("◀ 上一张"), self.previous)
        self.next_button = self._tool(self.tr("下一张 ▶"), self.next)
        self.zoom_out = self._tool(self.tr("缩小"), lambda: self.view.zoom_by(1 / STEP))
        self.zoom_in = self._tool(self.tr("放大"), lambda: self.view.zoom_by(STEP))
        self.fit_button = self._tool(self.tr("适应窗口"), self.view.fit)
        self.actual_button = self._tool(self.tr("原始大小 1:1"), self.view.actual_size)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(56)
        self.caption = QLabel(self)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(wrapping_policy())
        self.status = QLabel(self)
        self.status.setObjectName("photoStatus")

        tools = QHBoxLayout()
        for button in (self.prev_button, self.next_button):
            tools.addWidget(button)
        tools.addStretch(1)
        for widget in (self.zoom_out, self.zoom_label, self.zoom_in, self.fit_button,
                       self.actual_button):  # fmt: skip
            tools.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.status)

        for keys, slot in (
            ((Qt.Key.Key_Left, Qt.Key.Key_PageUp), self.previous),
            ((Qt.Key.Key_Right, Qt.Key.Key_PageDown), self.next),
            ((Qt.Key.Key_Plus, Qt.Key.Key_Equal), lambda: self.view.zoom_by(STEP)),
            ((Qt.Key.Key_Minus,), lambda: self.view.zoom_by(1 / STEP)),
            ((Qt.Key.Key_F, Qt.Key.Key_0), self.view.fit),
            ((Qt.Key.Key_1,), self.view.actual_size),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)

    def _tool(self, text: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.clicked.connect(slot)
        return button

    def show_photos(self, photos: Sequence[Photo], attachment_id: int) -> None:
        """Open on one photo of the case; the others are a key press away."""
        self.photos = [p for p in photos if p.info.is_image]
        ids = [p.info.id for p in self.photos]
        self._go(ids.index(attachment_id) if attachment_id in ids else 0)
        if self.isVisible():
            self.raise_()  # already open, maybe behind the main window
        else:
            self.show()  # a newly shown window is on top already
        self.activateWindow()

    def previous(self) -> None:
        if self.index > 0:
            self._go(self.index - 1)

    def next(self) -> None:
        if self.index + 1 < len(self.photos):
            self._go(self.index + 1)

    @property
    def current(self) -> Photo | None:
        return self.photos[self.index] if 0 <= self.index < len(self.photos) else None

    def _go(self, index: int) -> None:
        self.index = index
        photo = self.current
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < len(self.photos))
        if photo is None:
            return
        info = photo.info
        self.full_loaded_id = None
        self.view.fit_next()  # a new photo starts fitted, whatever the last one's zoom
        # The thumbnail, scaled up, until the full image arrives: never an empty view.
        if photo.thumbnail is not None:
            self.view.set_pixmap(QPixmap.fromImage(photo.thumbnail))
        kind = QCoreApplication.translate("PhotoStrip", info.kind.label)  # marked there
        self.caption.setText(
            f"{kind} · {info.filename} · {fmt_dt(info.created_at)} · {photo.uploader}"
            f"  （{index + 1}/{len(self.photos)}）"
        )
        self.status.setText(self.tr("正在加载原图…"))
        ws, attachment_id = self._ctx.ws, info.id
        self._ctx.ops.run(
            lambda: load_full_image(ws, attachment_id),
            lambda image: self._loaded(attachment_id, image),
            lambda message, exc: self._failed(attachment_id, message),
            description="load photo",
        )

    def _loaded(self, attachment_id: int, image: QImage) -> None:
        photo = self.current
        if photo is None or photo.info.id != attachment_id or not shiboken6.isValid(self):
            return  # paged on (or closed with its window) while it loaded
        self.view.set_pixmap(QPixmap.fromImage(image))
        self.full_loaded_id = attachment_id
        self.status.setText(
            self.tr("原图 %1 × %2 像素")
            .replace("%1", str(image.width()))
            .replace("%2", str(image.height()))
        )

    def _failed(self, attachment_id: int, message: str) -> None:
        photo = self.current
        if photo is not None and photo.info.id == attachment_id and shiboken6.isValid(self):
            self.status.setText(self.tr("无法加载原图：") + message)

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")
