"""The choice log's cost: a durable choice write, and the worst frame while logging.

1. p50/p99 of recording one choice (a real choice payload) until it is
   committed, over 2000 writes into a WAL file with 20,000 events already in it.
2. The real game loop (fast mode, 1280x720) for 3600 frames while a pupil talks
   and chooses non-stop, walking between conversations: the worst frame, the
   frames over the 16.7 ms budget, and how many of those had a log write in them.
Run: SDL_VIDEODRIVER=dummy python bench/journal.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import pygame
from _headless import percentile  # also sets up a headless run before any window opens

from game import paths
from game.app import App
from game.content.bundle import load_content
from game.events import Event
from game.events.moving import RoomEntered
from game.journal.journal import Journal
from game.journal.writer import SessionInfo
from game.options import Options
from game.scenes.dialogue import DialogueScene
from game.scenes.school import SchoolScene
from game.world.world import World

WRITES = 2000
PREFILL = 20_000
FRAMES = 3600
BUDGET_MS = 1000 / 60
PEOPLE = ("noor", "daan", "fadil", "amber", "devries")


def a_real_choice() -> Event:
    world = World(load_content(paths.DEFAULT_LEVEL), seed=1)
    heard: list[Event] = []
    world.listeners.append(heard.append)
    conversation = world.talk(world.npcs["noor"])
    assert conversation is not None
    while not conversation.at_choice:
        conversation.advance()
    conversation.choose(0)
    return next(e for e in heard if e.kind == "choice")


def choice_writes(folder: Path) -> list[float]:
    journal = Journal.open(folder / "writes.sqlite")
    choice = a_real_choice()
    filler = journal.start_session(SessionInfo("Vuller", "eerste-week", 1, "nl"))
    for i in range(PREFILL):
        filler.record(Event(RoomEntered(room="aula", floor=0), 480 + i % 400, "aula",
                            "dag-1"))
        if i % 500 == 0:
            filler.flush()
    session = journal.start_session(SessionInfo("Meting", "eerste-week", 1, "nl"))
    times = []
    for _ in range(WRITES):
        start = time.perf_counter()
        session.record(choice)  # a choice is committed before record() returns
        times.append((time.perf_counter() - start) * 1000)
    journal.close()
    return times


def frames_while_logging(folder: Path) -> tuple[list[float], list[bool], int]:
    app = App(Options(data_dir=folder / "data", db=folder / "play.sqlite", fast=True, seed=3))
    app.play("Meting", resume=False)
    school = app.top
    assert isinstance(school, SchoolScene) and app.session is not None
    world = school.world
    log = app.session.log
    assert log is not None
    writes = [0]
    choices = [0]
    world.listeners.append(lambda e: choices.__setitem__(0, choices[0] + (e.kind == "choice")))
    original_flush = log.flush

    def counting_flush(*, force: bool = False) -> bool:
        if log.pending:
            writes[0] += 1
        return original_flush(force=force)

    log.flush = counting_flush  # type: ignore[method-assign]
    times, wrote = [], []
    turn = 0
    for frame in range(FRAMES):
        top = app.top
        if top is school and frame % 40 == 0:
            npc = world.npcs[PEOPLE[turn % len(PEOPLE)]]
            turn += 1
            conversation = world.talk(npc)
            if conversation is not None:
                app.open("dialogue", world=world, conversation=conversation)
        elif isinstance(top, DialogueScene) and frame % 3 == 0:
            key = pygame.K_1 if top.conversation.at_choice else pygame.K_RETURN
            for kind in (pygame.KEYDOWN, pygame.KEYUP):
                pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="",
                                                     scancode=0))
        before = writes[0]
        app.held.down = [pygame.K_RIGHT if (frame // 200) % 2 == 0 else pygame.K_LEFT]
        start = time.perf_counter()
        app.run(max_frames=app.frame + 1)
        times.append((time.perf_counter() - start) * 1000)
        wrote.append(writes[0] > before)
    app.quit()
    return times, wrote, choices[0]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        writes = choice_writes(folder)
        print(f"durable choice write ({WRITES}x, WAL, synchronous=NORMAL, "
              f"{PREFILL} events already stored)")
        print(f"  p50 {statistics.median(writes):.3f} ms   p99 {percentile(writes, 0.99):.3f} ms"
              f"   max {max(writes):.3f} ms   (target p99 <= 0.5 ms)")
        times, wrote, choices = frames_while_logging(folder)
        logged = [t for t, w in zip(times, wrote, strict=True) if w]
        over = [t for t in times if t > BUDGET_MS]
        over_with_write = [t for t, w in zip(times, wrote, strict=True) if w and t > BUDGET_MS]
        print(f"game loop while logging ({FRAMES} frames, {choices} choices, "
              f"{len(logged)} frames with a commit)")
        print(f"  frame p50 {statistics.median(times):.2f} ms"
              f"   p99 {percentile(times, 0.99):.2f} ms   worst {max(times):.2f} ms")
        print(f"  frames with a commit: p50 {statistics.median(logged):.2f} ms"
              f"   worst {max(logged):.2f} ms")
        print(f"  frames over the {BUDGET_MS:.1f} ms budget: {len(over)}"
              f" ({len(over_with_write)} of them with a log write)")


if __name__ == "__main__":
    main()
