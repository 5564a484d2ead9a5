"""The first week at a generated school: teachers with their rooms, classmates spread over
the building, and days of lessons, placed by room kind (gym in the gym, biology in the
lab) and spread over the floors so the pupil learns the whole building. A school's own
timetable (CSV) replaces the made-up days.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.school_plan.build import BuiltMap
from game.school_plan.layout import Box
from game.school_plan.timetable import DAY_TITLES, CsvDay, slug, subject_en
from game.school_plan.tmx import Spot, T, spot_at

CLASSROOMS = ("classroom", "lab", "art", "music", "computer")
PUBLIC = ("entrance", "aula", "kantine", "library", "lockers", "quiet", "corridor")
ADULT_LOOKS = ("devries", "bakker", "yilmaz", "osei", "jansen", "femke", "henk")
SLOTS = ((510, 560), (565, 615), (635, 685), (690, 740))
"""08:30-09:20, 09:25-10:15, break, 10:35-11:25, 11:30-12:20."""
DAY_START, DAY_END = 495, 750

# (Dutch, English, sentence nl, sentence en, room kinds in order of preference, teacher
# id, name, look); a subject whose first kind the school lacks falls back to a classroom,
# a subject that needs a special room (gym) is left out when there is none.
SUBJECTS = (
    ("Mentorles", "Mentor lesson", "de mentorles", "the mentor lesson", ("classroom",),
     "devries", "Meneer De Vries", "devries"),
    ("Nederlands", "Dutch", "Nederlands", "Dutch", ("classroom",), "bakker",
     "Mevrouw Bakker", "bakker"),
    ("Wiskunde", "Maths", "wiskunde", "maths", ("classroom",), "yilmaz", "Mevrouw Yılmaz",
     "yilmaz"),
    ("Gym", "PE", "gym", "PE", ("gym",), "osei", "Meneer Osei", "osei"),
    ("Biologie", "Biology", "biologie", "biology", ("lab", "classroom"), "jansen",
     "Meneer Jansen", "jansen"),
    ("Engels", "English", "Engels", "English", ("classroom",), "visser", "Mevrouw Visser",
     "femke"),
    ("Muziek", "Music", "muziek", "music", ("music",), "bakker", "Mevrouw Bakker", "bakker"),
    ("Tekenen", "Art", "tekenen", "art", ("art",), "yilmaz", "Mevrouw Yılmaz", "yilmaz"),
    ("Informatica", "Computer science", "informatica", "computer science", ("computer",),
     "visser", "Mevrouw Visser", "femke"),
)
CLASSMATES = (("noor", "Noor"), ("daan", "Daan"), ("amber", "Amber"), ("sem", "Sem"),
              ("lucas", "Lucas"), ("fadil", "Fadil"), ("priya", "Priya"), ("mila", "Mila"),
              ("jayden", "Jayden"), ("yara", "Yara"))
RESERVED = {cid for cid, _ in CLASSMATES} | {"henk"}
ALIEN = ("amber", "sem", "lucas")
"""Always in the class: the alien hides as one of them (traits in level_file.py)."""


@dataclass
class Person:
    id: str
    name: str
    look: str
    role: str
    about: tuple[str, str]
    greeting: tuple[str, str]


@dataclass
class WeekLesson:
    id: str
    start: int
    end: int
    subject: tuple[str, str]
    in_text: tuple[str, str] | None
    room: str
    teacher: str
    clue: str | None = None


@dataclass
class WeekDay:
    id: str
    title: tuple[str, str]
    start: int
    end: int
    lessons: list[WeekLesson] = field(default_factory=list)


@dataclass
class Week:
    people: list[Person]
    days: list[WeekDay]
    spots: list[Spot]
    clues: list[tuple[str, str, str]]
    """(clue id, who tells it nl, en)."""


def _spread(rooms: list[Box]) -> list[Box]:
    """Rooms ordered so that neighbours in the list lie on different floors."""
    floors: dict[int, list[Box]] = {}
    for room in rooms:
        floors.setdefault(room.floor, []).append(room)
    out: list[Box] = []
    while any(floors.values()):
        for number in sorted(floors):
            if floors[number]:
                out.append(floors[number].pop(0))
    return out


def make_week(built: BuiltMap, timetable: list[CsvDay] | None = None) -> Week:
    rooms = list(built.layout.rooms)
    by_kind: dict[str, list[Box]] = {}
    for room in rooms:
        by_kind.setdefault(room.kind, []).append(room)
    if timetable is None:
        people, days = _made_up_days(by_kind)
    else:
        people, days = _from_csv(timetable)
    taken = {(int(s.x // T), int(s.y // T)) for s in built.spots}
    spots: list[Spot] = []
    home = {lesson.teacher: lesson.room for day in reversed(days) for lesson in day.lessons}
    by_id = built.layout.by_id
    for person in people:
        if person.role == "teacher":
            room = by_id[home[person.id]]
            _place(built, spots, taken, person.id, room, (room.w - 6, 1))
    if "concierge" in by_kind:
        henk = Person("henk", "Meneer Henk", "henk", "staff",
                      ("De conciërge. Weet de weg in het hele gebouw.",
                       "The caretaker. Knows the way all over the building."),
                      ("Zoek je een lokaal? Kijk op de plattegrond, of vraag het mij gerust.",
                       "Looking for a room? Check the floor plan, or just ask me."))
        people.append(henk)
        _place(built, spots, taken, "henk", by_kind["concierge"][0], (2, 4))
    places = _spread([r for r in rooms if r.kind in PUBLIC])
    count = min(len(CLASSMATES), max(6, len(places)))
    for i, (cid, name) in enumerate(CLASSMATES[:count]):
        room = places[i % len(places)]
        walks = room.kind == "corridor" and i % 2 == 0
        _place(built, spots, taken, cid, room, (3 + 2 * (i // len(places)), 1 + i % 2),
               walk=(8, 0) if walks else None)
        people.append(Person(cid, name, cid, "classmate",
                             ("Zit bij jou in de klas.", "Is in your class."),
                             GREETINGS[i % len(GREETINGS)]))
    clue_lessons = [day.lessons[0] for day in days if day.lessons][:3]
    clues = []
    for n, lesson in enumerate(clue_lessons, start=1):
        lesson.clue = f"les-{n}"
        teacher = next(p for p in people if p.id == lesson.teacher)
        clues.append((lesson.clue, f"{teacher.name} heeft iets gezien:",
                      f"{teacher.name} has noticed something:"))
    return Week(people, days, spots, clues)


def _place(built: BuiltMap, spots: list[Spot], taken: set[tuple[int, int]], cid: str,
           room: Box, prefer: tuple[int, int], walk: tuple[int, int] | None = None) -> None:
    if any(s.character == cid for s in built.spots):
        return  # the plan places them itself
    tile = built.free_tile(room, prefer, taken)
    if tile is None:  # a full room: the corridor of that floor has space
        gang = next(r for r in built.layout.rooms if r.kind == "corridor" and
                    r.floor == room.floor)
        tile = built.free_tile(gang, prefer, taken)
        room = gang
    assert tile is not None, f"no free tile for {cid}"
    taken.add(tile)
    walk_to = None
    if walk is not None:
        there = built.free_tile(room, (tile[0] - room.x - 1 + walk[0], tile[1] - room.y - 1),
                                taken)
        if there is not None and there != tile:
            taken.add(there)
            walk_to = spot_at(*there)
    spots.append(Spot(cid, *spot_at(*tile), walk_to))


def _made_up_days(by_kind: dict[str, list[Box]]) -> tuple[list[Person], list[WeekDay]]:
    classrooms = _spread(by_kind.get("classroom", [])) or \
        _spread([r for k in CLASSROOMS for r in by_kind.get(k, [])])
    rooms: dict[str, str] = {}
    for s in SUBJECTS:
        for kind in s[4]:
            if kind == "classroom":  # spread: the next classroom, on another floor
                rooms[s[0]] = classrooms[len(rooms) % len(classrooms)].id
                break
            if kind in by_kind:
                rooms[s[0]] = by_kind[kind][0].id
                break
    subjects = [s for s in SUBJECTS if s[0] in rooms]
    people: dict[str, Person] = {}
    for s in subjects:
        if s[5] in people:
            continue
        if s is SUBJECTS[0]:
            people[s[5]] = Person(s[5], s[6], s[7], "teacher", ("Jouw mentor.", "Your mentor."),
                                  ("Welkom! Ik ben je mentor. Kom gerust naar me toe als iets "
                                   "lastig is.", "Welcome! I'm your mentor. Come to me "
                                   "whenever something is hard."))
        else:
            people[s[5]] = Person(s[5], s[6], s[7], "teacher",
                                  (f"Docent {s[2]}.", f"{s[1]} teacher."),
                                  (f"Welkom! Bij mij heb je {s[2]}.",
                                   f"Welcome! I teach you {s[3]}."))
    mentor, others = subjects[0], subjects[1:]
    days = []
    for d, title in enumerate(DAY_TITLES):
        day = WeekDay(f"dag-{d + 1}", title, DAY_START, DAY_END)
        # Monday is short and starts with the mentor; Friday ends the week with the mentor.
        rotation = [others[(d * 3 + k) % len(others)] for k in range(4)]
        chosen = [mentor, *rotation[:2]] if d == 0 else \
            [*rotation[:3], mentor] if d == len(DAY_TITLES) - 1 else rotation
        seen: set[str] = set()
        for (start, end), s in zip(SLOTS, chosen, strict=False):
            if s[0] in seen:
                continue
            seen.add(s[0])
            day.lessons.append(WeekLesson(f"{day.id}-{slug(s[0])}", start, end, (s[0], s[1]),
                                          (s[2], s[3]) if s[2] != s[0] else None,
                                          rooms[s[0]], s[5]))
        days.append(day)
    return list(people.values()), days


def _from_csv(timetable: list[CsvDay]) -> tuple[list[Person], list[WeekDay]]:
    people: dict[str, Person] = {}
    days = []
    for d, csv_day in enumerate(timetable):
        day = WeekDay(f"dag-{d + 1}", csv_day.title,
                      max(0, csv_day.lessons[0].start - 15), csv_day.lessons[-1].end + 10)
        for n, lesson in enumerate(csv_day.lessons, start=1):
            tid = slug(lesson.teacher)
            if tid in RESERVED:  # a teacher called Noor is not the classmate Noor
                tid = f"{tid}-docent"
            if tid not in people:
                look = ADULT_LOOKS[len(people) % len(ADULT_LOOKS)]
                people[tid] = Person(tid, lesson.teacher, look, "teacher",
                                     (f"Docent {lesson.subject}.",
                                      f"{subject_en(lesson.subject)} teacher."),
                                     ("Welkom op school! Fijn dat je er bent.",
                                      "Welcome to school! Glad you are here."))
            day.lessons.append(WeekLesson(f"{day.id}-{n}-{slug(lesson.subject)}", lesson.start,
                                          lesson.end, (lesson.subject, subject_en(lesson.subject)),
                                          None, lesson.room, tid))
        days.append(day)
    return list(people.values()), days


GREETINGS = (
    ("Hoi! Ook nieuw hier? Ik verdwaal steeds.", "Hi! New here too? I keep getting lost."),
    ("Hé! Zullen we straks samen naar de les lopen?", "Hey! Shall we walk to class together "
                                                       "later?"),
    ("Ik vind die bel echt hard. Jij ook?", "I find that bell really loud. You too?"),
    ("Weet jij waar de trap is? Ik zoek hem al een tijdje.",
     "Do you know where the stairs are? I've been looking for a while."),
    ("Hoi. Ik ben een beetje stil, maar wel aardig hoor.", "Hi. I'm a bit quiet, but I'm "
                                                           "nice."),
    ("Op de plattegrond zie je precies waar je moet zijn. Handig!",
     "The floor plan shows exactly where you need to be. Handy!"),
    ("Ik heb mijn rooster op mijn hand geschreven.", "I wrote my timetable on my hand."),
    ("Zin in de pauze! Jij ook?", "Looking forward to the break! You too?"),
)
