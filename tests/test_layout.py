"""Every screen, at every text size, in both fonts and both languages: no text runs out
of its panel or off the screen, and no two texts overlap. Measured from what is drawn.

These tests draw the shipped levels on purpose: what matters is how the real lines fit,
so a line that grew too long for its box fails here (shorten it, or fix the layout)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pygame
import pytest
from helpers import start_new_game

from game import paths
from game.events import Event
from game.events.coping import AskedForHelp, CalmMoment
from game.events.lessons import LessonLate
from game.scenes.base import Scene
from game.scenes.school import SchoolScene
from game.scripted import run_script
from game.ui import look

COMBINATIONS = [(lang, size, font) for lang in ("nl", "en") for size in ("normal", "larger")
                for font in ("standard", "dyslexic")]
SLACK = 2  # pixels of anti-aliasing at an edge


def styled_app(make_app, language: str, size: str, font: str):
    """The shipped level in one language, text size and font: one cell of COMBINATIONS."""
    app = make_app(language=language, level=paths.DEFAULT_LEVEL)
    app.change_setting("text_size", size)
    app.change_setting("font", font)
    return app


@dataclass
class Drawing:
    """What one screen drew: its texts (tight boxes) and its panels."""

    texts: list[tuple[str, pygame.Rect]] = field(default_factory=list)
    panels: list[pygame.Rect] = field(default_factory=list)


class RecordingSurface(pygame.Surface):
    """A screen that notes every text blitted onto it."""

    drawing: Drawing

    def blit(self, source, dest, area=None, special_flags=0):  # type: ignore[override]
        placed = super().blit(source, dest, area, special_flags)
        if source in look.TEXTS:
            box = source.get_bounding_rect()
            topleft = dest.topleft if isinstance(dest, pygame.Rect) else dest
            if box.w and box.h:
                self.drawing.texts.append((str(id(source)), box.move(topleft)))
        return placed


def record(scene: Scene, size: tuple[int, int], monkeypatch) -> Drawing:
    surface = RecordingSurface(size)
    surface.drawing = Drawing()
    panel = look.panel

    def noted(target, rect, **kwargs):
        if target is surface:
            surface.drawing.panels.append(pygame.Rect(rect))
        return panel(target, rect, **kwargs)

    monkeypatch.setattr(look, "panel", noted)
    scene.draw(surface)
    monkeypatch.setattr(look, "panel", panel)
    return surface.drawing


def problems(drawing: Drawing, screen: pygame.Rect) -> list[str]:
    found = []
    texts = [rect for _, rect in drawing.texts]
    for rect in texts:
        if not screen.inflate(SLACK, SLACK).contains(rect):
            found.append(f"text off the screen at {rect}")
        holders = [p for p in drawing.panels if p.collidepoint(rect.topleft)]
        if holders:
            smallest = min(holders, key=lambda p: p.w * p.h)
            if not smallest.inflate(SLACK * 2, SLACK * 2).contains(rect):
                found.append(f"text at {rect} runs out of its panel {smallest}")
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            overlap = a.clip(b)
            if overlap.w > SLACK and overlap.h > SLACK:
                found.append(f"texts overlap at {a} and {b}")
    return found


Opener = Callable[[object], None]


def screens(world) -> Iterator[tuple[str, Opener]]:
    """Each screen the pupil can see in the school, opened over it."""
    case_ready = world.case is not None
    yield "school", lambda app: None
    yield "help", lambda app: app.open("help", world=world)
    yield "floor_plan", lambda app: app.open("floor_plan", world=world)
    yield "agenda", lambda app: app.open("agenda", world=world)
    yield "notebook", lambda app: app.open("notebook", world=world)
    if case_ready:
        yield "accusation", lambda app: app.open("accusation", world=world,
                                                 not_yet=lambda: None)
    homework = world.level.homework[0].id
    yield "homework", lambda app: app.open("homework", world=world, homework_id=homework,
                                           when="school")

    def agenda_planning(app) -> None:
        app.open("agenda", world=world).planning = homework

    yield "agenda planning", agenda_planning
    for floor in world.map.floors:
        def plan_floor(app, floor: int = floor) -> None:
            app.open("floor_plan", world=world).floor = floor

        yield f"floor plan {floor}", plan_floor
    for stage in ("evidence", "unsure", "result"):
        def accusation(app, stage: str = stage) -> None:
            scene = app.open("accusation", world=world)
            scene.suspect = world.level.alien.candidates[0]
            if stage == "result":
                scene._accuse(world.state.clues[0])
            else:
                scene.stage = stage

        yield f"accusation {stage}", accusation
    talker = next(c.id for c in world.level.characters
                  if c.dialogue and c.id in world.npcs)

    def dialogue(app, at_choice: bool = False) -> None:
        world.conversation = None
        conversation = world.talk(world.npcs[talker])
        while at_choice and conversation is not None and not conversation.at_choice:
            conversation.advance()
        scene = app.open("dialogue", world=world, conversation=conversation)
        scene.shown_chars = 10_000.0  # the whole line typed out

    yield "dialogue", dialogue
    yield "dialogue choices", lambda app: dialogue(app, at_choice=True)
    yield "reflection", lambda app: app.open("reflection", world=world)
    yield "evening", lambda app: app.open("evening", world=world)

    def logbook(app) -> None:  # the day's moments as the mentor sees them, marked
        talker = next(c.id for c in world.level.characters if c.dialogue)
        for payload in [*(LessonLate(lesson=lesson.id, minutes_late=12)
                          for lesson in world.day.lessons[:2]),
                        AskedForHelp(character=talker, about="way"),
                        CalmMoment(via="quiet_room")]:
            world.logbook.note(Event(payload, world.clock.minutes, None, world.day.id),
                               world.level)
        world.logbook.moments[0].mark = "talk"
        world.logbook.moments[0].note = "Ik wist niet waar het lokaal was"
        world.logbook.moments[1].mark = "private"
        app.open("logbook", world=world, then=lambda: None)

    yield "logbook", logbook
    yield "consent file", lambda app: app.open(
        "consent", to="file", yes=lambda: None, no=lambda: None,
        folder=str(app.options.data_dir / "voor-de-mentor"))
    def handover(app) -> None:
        scene = app.open("handover", world=world, then=lambda world: None)
        scene.ticked = {item for item in scene.items[::2] if item[0] in ("helps", "hard")}
        scene.note = "Ik hou van tekenen en van sterren kijken met mijn opa"

    yield "handover", handover
    yield "consent handover", lambda app: app.open(
        "consent", to="handover", yes=lambda: None, no=lambda: None,
        folder=str(app.options.data_dir / "voor-de-mentor"))
    yield "consent class", lambda app: app.open("consent", to="class", yes=lambda: None,
                                                no=lambda: None, code="1B-KOMEET")
    yield "end", lambda app: app.open("end", world=world)
    yield "pause", lambda app: app.open("pause")
    yield "settings", lambda app: app.open("settings")
    yield "keys", lambda app: app.open("keys")
    for change in world.day.changes:
        yield f"notice {change.id}", lambda app, message=change.message: app.open(
            "notice", world=world, message=message)


@pytest.mark.parametrize(("language", "size", "font"), COMBINATIONS)
@pytest.mark.parametrize("day", [0, 1, 2, 3, 4])  # every day of the week: titles differ
def test_no_text_overflows_or_overlaps_on_any_school_screen(make_app, monkeypatch, language,
                                                              size, font, day):
    app = styled_app(make_app, language, size, font)
    run_script(app, start_new_game())
    school = app.top
    assert isinstance(school, SchoolScene)
    world = school.world
    level = world.level
    for _ in range(day):
        world.end_day()
        world.start_next_day()
    state = world.state  # something on every screen: homework, clues, lessons, changes
    state.homework = [h.id for h in level.homework]
    state.homework_noted = state.homework[:1]
    state.homework_plan = {state.homework[0]: "vanavond"}
    state.clues = [c.id for c in level.clues]
    state.changes_seen = [c.id for c in world.day.changes]
    for lesson in world.day.lessons[:2]:
        state.lessons[lesson.id] = "late"
    # a day with every strength the reflection can name (its answers must stay on screen)
    state.kind_acts[world.day.id] = 4
    state.calm_days.append(world.day.id)
    state.help_asked[world.day.id] = 2
    for person in [c.id for c in level.characters][:4]:
        state.relations[person] = 3
    world.clock.minutes = world.day.lessons[2].start - 3
    found = []
    screen = app.screen.get_rect()
    for name, opener in screens(world):
        opener(app)
        top = app.top
        assert top is not None
        found += [f"{name}: {p}" for p in problems(record(top, screen.size, monkeypatch),
                                                    screen)]
        while app.top is not school:
            app.pop()
        world.conversation = None
    assert found == [], "\n".join(found[:20])


@pytest.mark.parametrize(("language", "size", "font"), COMBINATIONS)
def test_no_text_overflows_or_overlaps_on_the_title_and_start_screens(make_app, monkeypatch,
                                                                      language, size, font):
    app = styled_app(make_app, language, size, font)
    screen = app.screen.get_rect()
    found = []
    for name, args in (("title", {}), ("new_game", {}), ("class_code", {}),
                       ("intro", {"pupil": "Agent Kiwi"}),
                       ("name_taken", {"pupil": "Agent Kiwi"})):
        if name != "title":
            app.open(name, **args)
        top = app.top
        assert top is not None
        found += [f"{name}: {p}" for p in problems(record(top, screen.size, monkeypatch),
                                                    screen)]
        if name != "title":
            app.pop()
    assert found == [], "\n".join(found[:20])


@pytest.mark.parametrize(("language", "size", "font"), COMBINATIONS)
def test_the_room_banner_and_the_bell_banner_never_cover_each_other(make_app, language, size,
                                                                     font):
    app = styled_app(make_app, language, size, font)
    run_script(app, start_new_game())
    school = app.top
    assert isinstance(school, SchoolScene)
    world = school.world
    school.banner_room, school.banner_at = world.map.rooms["conciergeloge"], world.real_time
    school.bell_text = app.texts("bell_warning", subject="Lichamelijke opvoeding",
                                 room=world.map.rooms["gymzaal"].named(language))
    school.bell_at = world.real_time
    school.draw(app.screen)
    room, bell = school.banners
    assert not room.colliderect(bell) and app.screen.get_rect().contains(bell)
