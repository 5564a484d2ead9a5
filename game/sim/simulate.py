"""`python main.py simulate`: simulated pupils play real school days into a real log.

Each session is one sitting of one school day, played by a Bot in the real
World through the same PlaySession the game uses, so it is written to the real
log. Odd sessions continue the saved game (day 2 after day 1); then a new game
starts with a new seed, so the alien differs. Mentors use it to try the dashboard;
benchmarks use it for data. With a server (`simulate_to_server`, `main.py simulate
--class CODE --server URL`) the log's uploader sends the bots' events to a teacher's
dashboard while they play, exactly as pupils' games do: joining the class with a
secret per pupil, in batches, surviving an outage.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content.bundle import Content
from game.journal.journal import Journal
from game.journal.store import CannotOpen, JournalError, open_log
from game.journal.transfer import CLI_WAIT_S
from game.journal.upload import Progress, Uploader, check_class
from game.session import Player, PlaySession
from game.sim.bot import STYLES, Bot
from game.world.world import World

ANIMALS = ("Vos", "Uil", "Das", "Egel", "Otter", "Kiwi", "Lynx", "Valk", "Bever", "Haas",
           "Mees", "Reiger", "Zwaluw", "Panda", "Tijger", "Dolfijn", "Eekhoorn", "Merel")


@dataclass
class SimulationResult:
    pupils: int
    sessions: int
    events: int
    choices: int


def pseudonym(index: int, class_code: str | None) -> str:
    base = f"{ANIMALS[index % len(ANIMALS)]}-{index + 1:02d}"
    return f"{class_code}-{base}" if class_code else f"Sim-{base}"


def simulate(content: Content, db: Path, pupils: int, sessions: int, *,
             class_code: str | None = None, seed: int = 1, first: int = 0,
             styles: Sequence[str] = ()) -> SimulationResult:
    """Pupils number `first` .. `first + pupils - 1` (their pseudonyms follow the number).
    `styles` gives the bots' ways of playing in turn (default: a mixed class)."""
    rng = random.Random(seed)
    journal = Journal.open(db, wait=CLI_WAIT_S, busy_wait_ms=int(CLI_WAIT_S * 1000))
    if journal.read_only:
        journal.close()
        raise JournalError(journal.notice or "the log is read-only")
    counted = Counter[str]()
    try:
        for p in range(first, first + pupils):
            name = pseudonym(p, class_code)
            style = STYLES[p % len(STYLES)] if rng.random() < 0.8 else rng.choice(STYLES)
            if styles:
                style = styles[p % len(styles)]
            saved: dict[str, Any] | None = None
            for _ in range(sessions):
                player = Player(name, rng.choice(("nl", "nl", "nl", "en")),
                                {"text_speed": rng.choice(("normal", "slow", "fast")),
                                 "bot": style}, class_code)
                session = PlaySession(content, player, journal=journal, saved=saved,
                                      seed=rng.randrange(1, 2**31))
                session.listen(lambda event: counted.update([event.kind]))
                world = session.start()
                bot = Bot(world, style, random.Random(rng.random()))
                if content.level.scenes:
                    _play_scenes(world, bot)
                    saved = None
                else:
                    saved = _play_one_day(world, bot)
                session.quit()
                if session.log is not None and session.log.trouble is not None:
                    # the log said no for longer than we wait: stop here; what was played
                    # is in the spill file and joins the log at its next opening
                    raise CannotOpen(db, session.log.trouble)
    finally:
        journal.close()
    return SimulationResult(pupils, pupils * sessions, sum(counted.values()), counted["choice"])


def simulate_to_server(content: Content, db: Path, pupils: int, sessions: int, *,
                       class_code: str, server: str, seed: int = 1, first: int = 0,
                       flush_seconds: float = 60.0) -> tuple[SimulationResult, Progress]:
    """Bots play into `db` while its uploader sends to the teacher's dashboard at `server`.
    A closed or unknown class code stops before anyone plays; an unreachable server
    does not (the events wait in the log, as in a game)."""
    check = check_class(server, class_code)
    if check.reachable and not check.open:
        raise RuntimeError(check.message)
    open_log(db).db.close()  # made and migrated before two connections use it (as the game)
    uploader = Uploader(db, server, class_code)
    uploader.start()
    try:
        result = simulate(content, db, pupils, sessions, class_code=class_code, seed=seed,
                          first=first)
    finally:
        progress = uploader.stop(flush_seconds)
    return result, progress


def _play_scenes(world: World, bot: Bot) -> None:
    """Class mode: one sitting plays every scene; the level ends with the last one."""
    bot.play_scenes()
    world.finish_level()


def _play_one_day(world: World, bot: Bot) -> dict[str, Any] | None:
    """Play the day; return the save to continue from, or None when the level is over."""
    bot.play_day()
    bot.reflect()
    if world.last_day:
        bot.maybe_accuse(must=True)
        world.finish_level()
        return None
    bot.maybe_accuse(must=False)
    bot.evening_mission()
    bot.plan_homework()
    bot.evening()
    world.start_next_day()
    return world.snapshot()
