"""Synthesizes alert.wav with the stdlib (`python -m resources.sounds.synth` rewrites it)."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050


def synthesize_alert(path: Path, rate: int = RATE) -> None:
    """A soft two-tone chime (A5 then E6, 0.32 s, 16-bit mono): audible, not alarming."""
    frames = bytearray()
    for frequency, start, length in ((880.0, 0.0, 0.16), (1318.5, 0.14, 0.18)):
        first = int(start * rate)
        needed = first + int(length * rate)
        while len(frames) < 2 * needed:
            frames += b"\0\0"
        for n in range(int(length * rate)):
            t = n / rate
            # A 5 ms attack avoids a click; the exponential decay makes it a chime, not a beep.
            envelope = min(1.0, t / 0.005) * math.exp(-t * 14.0)
            # A quieter octave overtone gives the tone some body on small speakers.
            sample = math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(
                4 * math.pi * frequency * t
            )
            value = int(0.45 * 32767 * envelope * sample / 1.25)
            offset = 2 * (first + n)
            (old,) = struct.unpack_from("<h", frames, offset)
            mixed = max(-32768, min(32767, old + value))
            struct.pack_into("<h", frames, offset, mixed)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))


if __name__ == "__main__":
    synthesize_alert(Path(__file__).with_name("alert.wav"))
