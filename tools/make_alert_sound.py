"""Writes resources/sounds/alert.wav: a two-tone chime (880 Hz then 660 Hz, 0.5 s), loud enough
for a busy room, short enough not to annoy. Deterministic; run once, the file is committed."""

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def tone(freq: float, seconds: float) -> list[float]:
    n = int(RATE * seconds)
    return [math.sin(2 * math.pi * freq * i / RATE) * min(1.0, i / 400, (n - i) / 1500) for i in range(n)]


def main() -> None:
    samples = tone(880, 0.22) + [0.0] * int(RATE * 0.04) + tone(660, 0.26)
    out = Path(__file__).resolve().parents[1] / "resources" / "sounds" / "alert.wav"
    with wave.open(str(out), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(s * 0.6 * 32767)) for s in samples))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
