"""Draws the game's few sounds as WAV files: a soft school bell, a clue chime, a calm loop.

Everything starts gently (no click, no sudden loud start) because some players
are startled by sudden sounds. Run: python tools/make_sounds.py
"""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parents[1] / "assets" / "sounds"


def tone(freqs: list[float], seconds: float, *, attack: float = 0.06, decay: float = 2.5,
         level: float = 0.35) -> list[float]:
    samples = []
    for i in range(int(RATE * seconds)):
        t = i / RATE
        envelope = min(1.0, t / attack) * math.exp(-decay * t)
        value = sum(math.sin(2 * math.pi * f * t) * (0.6 ** n) for n, f in enumerate(freqs))
        samples.append(level * envelope * value / len(freqs))
    return samples


def mix(*parts: tuple[float, list[float]]) -> list[float]:
    length = max(int(start * RATE) + len(part) for start, part in parts)
    out = [0.0] * length
    for start, part in parts:
        offset = int(start * RATE)
        for i, v in enumerate(part):
            out[offset + i] += v
    return out


def pad(seconds: float) -> list[float]:
    """A slow, quiet chord loop (C, A minor, F, G) that ends where it starts."""
    chords = [(261.6, 329.6, 392.0), (220.0, 261.6, 329.6), (174.6, 220.0, 261.6),
              (196.0, 246.9, 293.7)]
    each = seconds / len(chords)
    out: list[float] = []
    for chord in chords:
        n = int(RATE * each)
        for i in range(n):
            t = i / RATE
            fade = min(1.0, t / 0.8, (each - t) / 0.8)  # soft edges between chords
            out.append(0.08 * fade * sum(math.sin(2 * math.pi * f * t) for f in chord) / 3)
    return out


def write(name: str, samples: list[float]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    data = array.array("h", (int(max(-1.0, min(1.0, s)) * 32767) for s in samples))
    with wave.open(str(OUT / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data.tobytes())
    print(f"{OUT / name}: {len(samples) / RATE:.1f} s")


def main() -> None:
    write("bell.wav", mix((0.0, tone([659.3, 1318.5], 1.6)), (0.45, tone([523.3, 1046.5], 1.8))))
    write("clue.wav", mix((0.0, tone([784.0], 0.9, level=0.25)),
                          (0.12, tone([1046.5], 1.0, level=0.2))))
    write("music.wav", pad(16.0))


if __name__ == "__main__":
    main()
