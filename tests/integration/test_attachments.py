"""Photos are stored in the database with the case event that brought them, with thumbnails."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from PIL import Image
from sqlalchemy import func, select

from workstation.adapters.images import placeholder_photo
from workstation.domain.errors import ValidationError
from workstation.persistence.tables import AttachmentRow, CaseEventRow

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def world(db_url: str):
    ws = make_world(db_url, NOW)
    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    case = ws.report(ws.actor("jdy001"), description="井盖破损", grid_code=cell,
                     category_code="C0102")  # fmt: skip
    yield ws, case
    ws.dispose()


def test_photo_is_stored_with_its_event_and_a_thumbnail(world) -> None:
    ws, case = world
    photo = placeholder_photo("before #1", seed=1)
    info = ws.attach(ws.actor("jdy001"), case.id, filename="现场.jpg", data=photo, kind="before",
                     note="处置前照片")  # fmt: skip
    assert (info.mime, info.event_seq, info.size) == ("image/jpeg", 2, len(photo))
    listed = ws.attachments(case.id)
    assert [a.id for a in listed] == [info.id]
    assert listed[0].kind.value == "before"
    with Image.open(io.BytesIO(listed[0].thumbnail)) as thumb:
        assert thumb.format == "PNG"
        assert max(thumb.size) <= 160
    assert ws.attachment_data(info.id) == ("现场.jpg", "image/jpeg", photo)
    events = ws.case_detail(case.id, ws.actor("leader")).events
    assert events[-1].action == "note"
    assert events[-1].payload["text"] == "处置前照片"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "是空文件"),
        (b"MZ\x90\x00 not a photo", "不是可接受的格式"),
        (b"\xff\xd8\xff\xe0 truncated jpeg", "已损坏或无法读取"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(world, data: bytes, message: str) -> None:
    ws, case = world
    with ws.read_session() as s:
        before = (s.scalar(select(func.count()).select_from(AttachmentRow)),
                  s.scalar(select(func.count()).select_from(CaseEventRow)))  # fmt: skip
    with pytest.raises(ValidationError, match=message):
        ws.attach(ws.actor("jdy001"), case.id, filename="x.jpg", data=data)
    with ws.read_session() as s:
        after = (s.scalar(select(func.count()).select_from(AttachmentRow)),
                 s.scalar(select(func.count()).select_from(CaseEventRow)))  # fmt: skip
    assert after == before
