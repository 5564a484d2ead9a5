"""Conversations: conditions, effects, memory, and the context each choice is logged with
(the test school's Kim, whose lines are test data: tests read ids, moods and flags)."""

from __future__ import annotations

import pygame
from helpers import start_new_game
from world_helpers import choose, read_to_choices, started, talk

from game.scenes.dialogue import DialogueScene
from game.scenes.school import SchoolScene
from game.scripted import Press, Wait, WalkTo, run_script


def test_a_rude_choice_makes_kim_angry_and_she_remembers(content):
    world, _ = started(content)
    conversation = talk(world, "kim")
    assert conversation.node_id == "kennismaken"
    choose(conversation, "plagen")
    assert world.state.mood("kim") == "angry" and world.state.relation("kim") == -2
    assert conversation.line is not None and conversation.line.emotion == "angry"
    choose(conversation, "weg")
    assert conversation.finished and world.conversation is None
    again = talk(world, "kim")  # she is still angry: another start
    assert again.node_id == "boos" and again.line is not None
    assert again.line.emotion == "angry"
    choose(again, "later-sorry")
    assert world.state.mood("kim") == "neutral" and "kim-vrienden" in world.state.flags
    assert world.state.relation("kim") == 0


def test_a_once_only_choice_with_a_condition_gives_a_clue_once(content):
    world, _ = started(content)
    choose(talk(world, "kim"), "aardig")
    assert world.state.relation("kim") == 1 and world.state.mood("kim") == "happy"
    second = talk(world, "kim")
    assert second.node_id == "weer"
    assert read_to_choices(second) == ["tip-vragen", "groeten"]
    choose(second, "tip-vragen")
    assert "kim-clue" in world.state.clues and "kim-vertrouwt" in world.state.flags
    third = talk(world, "kim")
    assert "tip-vragen" not in read_to_choices(third)  # once: not offered again


def test_a_conditional_choice_is_hidden_until_its_condition_holds(content):
    world, _ = started(content)
    choose(talk(world, "kim"), "weglopen")
    assert "tip-vragen" not in read_to_choices(talk(world, "kim"))  # relation 0: hidden


def test_day_time_counter_and_any_conditions(content):
    world, _ = started(content)
    choose(talk(world, "kim"), "aardig")  # counter 1
    assert read_to_choices(talk(world, "kim")) == ["tip-vragen", "groeten"]
    world.conversation = None
    choose(talk(world, "kim"), "groeten")  # counter 2
    assert "vaste-klant" in read_to_choices(talk(world, "kim"))
    world.conversation = None
    world.clock.minutes = 10 * 60 + 20  # the break: `any` holds through `time`
    assert "pauze" in read_to_choices(talk(world, "kim"))
    world.conversation = None
    world.end_day()
    world.start_next_day()
    assert "tweede-dag" in read_to_choices(talk(world, "kim"))


def test_a_choice_is_announced_with_its_full_context(content):
    world, events = started(content)
    conversation = talk(world, "kim")
    read_to_choices(conversation)
    for _ in range(90):  # the pupil thinks for one and a half seconds
        world.update(1 / 60)
    choose(conversation, "aardig")
    choice = events.of("choice")[0]
    data = choice.data
    assert data["dialogue"] == "kim" and data["node"] == "kennismaken"
    assert data["context"] == "talk" and data["character"] == "kim"
    assert [line["speaker"] for line in data["said_before"]] == ["kim"]
    assert [o["id"] for o in data["options"]] == ["aardig", "plagen", "weglopen"]
    assert data["chosen"] == "aardig" and data["chosen_index"] == 0
    first = data["options"][0]
    assert data["chosen_text"] == {"nl": first["nl"], "en": first["en"]}
    assert data["aspects"] == {"positive_relations": 1} and data["skills"] == ["relations"]
    assert data["reflect"] is not None and data["response_ms"] == 1500
    assert [line["speaker"] for line in data["reaction"]] == ["kim"]
    assert choice.room == "ingang"
    changes = {e.kind: e.data for e in events if e.kind in ("mood_change", "relation_change",
                                                            "counter_changed")}
    assert changes["relation_change"] == {"character": "kim", "from": 0, "to": 1}
    assert changes["mood_change"] == {"character": "kim", "from": "neutral", "to": "happy"}
    assert changes["counter_changed"] == {"counter": "vriendelijk", "from": 0, "to": 1}


def test_playing_a_conversation_through_the_real_loop(make_app):
    app = make_app()
    run_script(app, start_new_game() + [WalkTo("kim"), Press(pygame.K_e), Wait(120),
                                        Press(pygame.K_RETURN), Wait(2)])
    scene = app.top
    assert isinstance(scene, DialogueScene) and scene.conversation.at_choice
    run_script(app, [Press(pygame.K_2), Wait(120)])  # tease her
    assert scene.conversation.line is not None and scene.conversation.line.emotion == "angry"
    assert app.session is not None and app.session.world.state.mood("kim") == "angry"
    # Nothing is highlighted until an arrow is pressed: Enter alone answers nothing.
    run_script(app, [Press(pygame.K_RETURN), Wait(2), Press(pygame.K_RETURN), Wait(2)])
    assert scene.conversation.at_choice and scene.selected is None
    # Arrows + Enter pick the second option: walk away.
    run_script(app, [Press(pygame.K_DOWN), Press(pygame.K_DOWN), Press(pygame.K_RETURN),
                     Wait(2)])
    assert isinstance(app.top, SchoolScene)
    # Walked away means walked away: the same key right after does not start it again ...
    run_script(app, [Press(pygame.K_e), Wait(30)])
    assert isinstance(app.top, SchoolScene)
    # ... but a little later she is there to talk to, and still angry.
    run_script(app, [Wait(60 * 5), Press(pygame.K_e), Wait(120)])
    assert isinstance(app.top, DialogueScene) and app.top.conversation.node_id == "boos"


def test_english_setting_shows_english_lines(make_app, content):
    app = make_app(language="en")
    run_script(app, start_new_game() + [WalkTo("kim"), Press(pygame.K_e), Wait(120)])
    assert isinstance(app.top, DialogueScene)
    first = content.dialogues["kim"].nodes["kennismaken"].lines[0].text
    assert app.top._full_text() == first.en


def test_an_angry_classmate_cools_down_overnight_but_remembers(content):
    world, _ = started(content)
    choose(talk(world, "kim"), "plagen")
    assert world.state.mood("kim") == "angry"
    world.conversation = None
    world.end_day()
    world.start_next_day()
    assert world.state.mood("kim") == "neutral"  # a new day, a calm start ...
    assert world.state.relation("kim") == -2     # ... and she still remembers
    assert talk(world, "kim").node_id == "weer"
