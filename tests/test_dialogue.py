"""Conversations: conditions, effects, memory, and the context each choice is logged with."""

from __future__ import annotations

import pygame
from helpers import start_new_game

from game.scenes.dialogue import DialogueScene
from game.scripted import Press, Wait, WalkTo, run_script
from game.world.world import World


def _talk(world: World, who: str):
    conversation = world.talk(world.npcs[who])
    assert conversation is not None
    return conversation


def _read_to_choices(conversation) -> list[str]:
    while not conversation.at_choice and not conversation.finished:
        conversation.advance()
    return [c.id for c in conversation.choices]


def _choose(conversation, choice_id: str) -> None:
    ids = _read_to_choices(conversation)
    conversation.choose(ids.index(choice_id))
    while not conversation.finished and not conversation.at_choice:
        conversation.advance()


def test_rude_choice_makes_daan_angry_and_he_remembers(content):
    world = World(content, seed=1)
    conversation = _talk(world, "daan")
    assert conversation.line.text.nl.startswith("Ik zoek mijn voetbal")
    _choose(conversation, "daan-uitlachen")
    assert world.state.mood("daan") == "angry"
    assert world.state.relation("daan") == -2
    assert conversation.line.emotion == "angry"
    _choose(conversation, "daan-weglopen")
    assert conversation.finished and world.conversation is None
    # The next greeting differs: he is still angry.
    again = _talk(world, "daan")
    assert again.line.text.nl == "Wat moet je? Eerst lachen en nu praten?"
    assert again.line.emotion == "angry"
    _choose(again, "daan-later-sorry")
    assert world.state.mood("daan") == "neutral"
    assert "daan-vrienden" in world.state.flags
    assert world.state.relation("daan") == 0


def test_kind_start_then_conditional_once_only_choice_gives_a_clue(content):
    world = World(content, seed=1)
    first = _talk(world, "noor")
    _choose(first, "noor-vriendelijk")
    assert world.state.relation("noor") == 1 and world.state.mood("noor") == "happy"
    second = _talk(world, "noor")
    assert second.line.text.nl == "Hé, daar ben je weer! Gaat het een beetje?"
    assert _read_to_choices(second) == ["noor-tip-vragen", "noor-gaat-goed"]
    _choose(second, "noor-tip-vragen")
    assert "noor-tip" in world.state.clues
    assert "noor-vertrouwt-je" in world.state.flags
    third = _talk(world, "noor")
    assert _read_to_choices(third) == ["noor-gaat-goed"]  # once-only: the tip is not offered again


def test_conditional_choice_is_hidden_until_its_condition_holds(content):
    world = World(content, seed=1)
    ignored = _talk(world, "noor")
    _choose(ignored, "noor-negeren")
    assert world.state.mood("noor") == "sad"
    sad = _talk(world, "noor")
    assert sad.line.text.nl == "O... hoi. Je liep net zomaar langs me heen."
    _choose(sad, "noor-sorry")
    again = _talk(world, "noor")
    # Relation went -1 then +2: now 1, so the tip question is offered.
    assert "noor-tip-vragen" in _read_to_choices(again)


def test_quiet_fadil_opens_up_when_approached_kindly_twice(content):
    world = World(content, seed=1)
    _choose(_talk(world, "fadil"), "fadil-boek")
    second = _talk(world, "fadil")
    assert "fadil-mars" in _read_to_choices(second)
    _choose(second, "fadil-mars")
    assert world.state.relation("fadil") == 2 and world.state.mood("fadil") == "happy"
    third = _talk(world, "fadil")
    assert "nooit eet in de kantine" in third.line.text.nl
    assert "fadil-ziet-iets" in world.state.clues


def test_a_choice_is_announced_with_its_full_context(content):
    world = World(content, seed=1)
    conversation = _talk(world, "amber")
    _read_to_choices(conversation)
    for _ in range(90):  # the pupil thinks for one and a half seconds
        world.update(1 / 60)
    _choose(conversation, "amber-aanspreken")
    choice = next(e for e in world.events if e.kind == "choice")
    data = choice.data
    assert data["dialogue"] == "amber" and data["node"] == "grap"
    assert data["said_before"][0]["nl"].startswith("Haha, zag je Fadil?")
    assert [o["id"] for o in data["options"]] == ["amber-meelachen", "amber-aanspreken",
                                                  "amber-onderwerp"]
    assert data["chosen"] == "amber-aanspreken"
    assert data["aspects"] == {"respect": 1, "tolerance": 1, "belonging": 1}
    assert data["skills"] == ["relations"]
    assert data["reflect"]["nl"] == "Je zei eerlijk wat je vond. Hoe voelde dat?"
    assert data["response_ms"] == 1500
    assert choice.room == "ingang"


def test_playing_a_conversation_through_the_real_loop(make_app):
    app = make_app()
    run_script(app, start_new_game() + [WalkTo("daan"), Press(pygame.K_e), Wait(120),
                                        Press(pygame.K_RETURN), Wait(2)])
    scene = app.top
    assert isinstance(scene, DialogueScene) and scene.conversation.at_choice
    run_script(app, [Press(pygame.K_2), Wait(120)])  # laugh at him
    assert scene.conversation.line.emotion == "angry"
    assert app.find_school().world.state.mood("daan") == "angry"
    # Arrows + Enter pick the second option: walk away.
    run_script(app, [Press(pygame.K_RETURN), Wait(2), Press(pygame.K_DOWN),
                     Press(pygame.K_RETURN), Wait(2)])
    assert app.top is app.find_school()
    run_script(app, [Press(pygame.K_e), Wait(120)])
    assert app.top.conversation.line.text.nl == "Wat moet je? Eerst lachen en nu praten?"


def test_english_setting_shows_english_lines(make_app):
    app = make_app(language="en")
    run_script(app, start_new_game() + [WalkTo("noor"), Press(pygame.K_e), Wait(120)])
    assert app.top._full_text() == "Hi! You're new, right? I'm Noor."
