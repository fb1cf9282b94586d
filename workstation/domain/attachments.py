"""Photos and files attached to a case: kinds, accepted types and size limits."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from workstation.domain.errors import ValidationError

MAX_BYTES = 10 * 1024 * 1024  # a phone photo is 2–6 MB; anything larger is a mistake

# Sniffed from the content, not trusted from the file name.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)


class AttachmentKind(enum.StrEnum):
    BEFORE = "before"  # 处置前
    AFTER = "after"  # 处置后
    OTHER = "other"  # 其他材料

    @property
    def label(self) -> str:
        return {"before": "处置前", "after": "处置后", "other": "其他"}[self.value]


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    """An attachment without its bytes (lists and timelines load only these)."""

    id: int
    case_id: int
    event_seq: int | None
    kind: AttachmentKind
    filename: str
    mime: str
    size: int
    created_at: datetime
    created_by: str
    thumbnail: bytes | None  # a small PNG for photos, None for other files

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


def sniff_mime(data: bytes, filename: str) -> str:
    """The content type, checked against the accepted types; raises for anything else."""
    if not data:
        raise ValidationError(f"附件 {filename} 是空文件")
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"附件 {filename} 过大（{len(data) / 1048576:.1f} MB，上限 {MAX_BYTES // 1048576} MB）"
        )
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    raise ValidationError(f"附件 {filename} 不是可接受的格式（仅限 JPEG、PNG、GIF 照片或 PDF）")
