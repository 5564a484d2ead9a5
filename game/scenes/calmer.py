"""A calmer pace, offered when answers come faster than they can be read.

Opened by the dialogue when the world noticed quick answers (game/world/support.py):
the text slows down a step and the answers wait a second before they can be picked,
at once, and the pupil says whether that is better; "no" puts both back. Either way
the answer is logged, so the mentor can ask about it.
"""

from __future__ import annotations

from collections.abc import Callable

from game.scenes.base import Host
from game.scenes.menu_panel import MenuPanelScene
from game.settings import TEXT_SPEEDS
from game.ui.menu import Menu
from game.world.world import World


def slower(speed: object) -> object:
    """One step slower than `speed` (slow stays slow)."""
    values = [value for _, value in TEXT_SPEEDS]
    index = values.index(speed) if speed in values else 1
    return values[max(0, index - 1)]


class CalmerScene(MenuPanelScene):
    title_key = "calmer_title"
    size = (760, 400)

    def __init__(self, app: Host, world: World) -> None:
        self.world = world
        self.before = (app.settings["text_speed"], app.settings["choice_pause"])
        self.opened_at = world.real_time
        app.change_setting("text_speed", slower(self.before[0]))
        app.change_setting("choice_pause", max(1, int(self.before[1])))
        super().__init__(app)

    def body_text(self) -> str:
        return self.app.texts("calmer_question")

    def _menu(self) -> Menu:
        t = self.app.texts
        items: list[tuple[str, Callable[[], None]]] = [
            (t("calmer_keep"), lambda: self._answer(keep=True)),
            (t("calmer_undo"), lambda: self._answer(keep=False))]
        return Menu(items, width=600, preselect=False)

    def _answer(self, keep: bool) -> None:
        self.world.answer_calmer(keep, int((self.world.real_time - self.opened_at) * 1000))
        if not keep:
            self.app.change_setting("text_speed", self.before[0])
            self.app.change_setting("choice_pause", self.before[1])
        self.close()

    def update(self, dt: float) -> None:
        self.world.think(dt)
