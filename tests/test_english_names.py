"""The English dashboard speaks English: subjects and rooms come from the content's
`en` fields (the level file, the map's room signs), never the Dutch ids."""

from __future__ import annotations

from tests.conftest import FIXTURES


def test_the_english_story_names_subjects_and_rooms_as_the_content_does():
    from game.events.lessons import LessonLate, LessonOnTime
    from teacher_dashboard.i18n import text_in
    from teacher_dashboard.names import LevelNames
    from teacher_dashboard.timeline import MentorTeller

    for lang, subject, room, classroom in (("en", "PE", "Gym", "Room 2.14"),
                                           ("nl", "Gym", "Gymzaal", "Lokaal 2.14")):
        names = LevelNames("proefweek", lang, FIXTURES / "levels")
        teller = MentorTeller(names, lambda key, lang=lang, **v: text_in(lang, key, **v))
        on_time = LessonOnTime(lesson="gym-1", subject="Gym", room="gymzaal").tell(teller)
        assert on_time.text == text_in(lang, "ev_on_time", subject=subject, room=room)
        late = LessonLate(lesson="gym-1", subject="Gym", room="2.14", minutes_late=3)
        assert late.tell(teller).text == text_in(lang, "ev_late", subject=subject,
                                                 room=classroom, n=3)
