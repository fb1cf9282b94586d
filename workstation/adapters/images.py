"""Image work without Qt: photo thumbnails and the placeholder photos of the demo data."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from workstation.domain.errors import ValidationError

THUMBNAIL_SIZE = (160, 120)


def thumbnail_png(data: bytes, filename: str = "") -> bytes:
    """A small PNG of a photo, turned upright (EXIF orientation), for lists and timelines."""
    try:
        with Image.open(io.BytesIO(data)) as original:
            upright = ImageOps.exif_transpose(original)
            upright.thumbnail(THUMBNAIL_SIZE)
            out = io.BytesIO()
            upright.convert("RGB").save(out, "PNG", optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ValidationError(f"照片 {filename} 已损坏或无法读取（{exc}）") from exc


def placeholder_photo(text: str, seed: int, size: tuple[int, int] = (640, 480)) -> bytes:
    """A generated JPEG standing in for a field photo in demo and training mode."""
    hue = (seed * 47) % 255
    image = Image.new("RGB", size, (60 + hue % 120, 90 + (hue * 3) % 100, 110 + (hue * 7) % 90))
    draw = ImageDraw.Draw(image)
    for i in range(0, size[0], 40):  # a little texture so thumbnails are not flat
        draw.line([(i, size[1]), (i + size[1] // 2, 0)], fill=(255, 255, 255), width=1)
    try:
        font = ImageFont.load_default(size=28)
    except TypeError:  # Pillow < 10.1 has no sized default font
        font = ImageFont.load_default()
    draw.rectangle([0, size[1] - 60, size[0], size[1]], fill=(0, 0, 0))
    draw.text((16, size[1] - 48), text, fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()
