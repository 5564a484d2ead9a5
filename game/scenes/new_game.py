"""New game: the pupil types a pseudonym or the mentor's code, then reads the mission."""

from __future__ import annotations

import re

import pygame

from game import input as keys
from game.journal.admin import normal_class_code, valid_class_code
from game.journal.upload import check_class
from game.scenes.backdrop import card_on_backdrop
from game.scenes.base import Host, Scene
from game.ui import look
from game.ui.menu import Menu

NAME_PATTERN = re.compile(r"^[\w\- ]{2,20}$")


def valid_pseudonym(name: str) -> bool:
    return bool(NAME_PATTERN.match(name.strip()))


class NewGameScene(Scene):
    """Type a pseudonym; subclasses ask for other short texts (the class code)."""

    prompt_key, help_key, invalid_key = "name_prompt", "name_help", "name_invalid"
    max_length = 20

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.name = self.prefill()
        self.invalid = False
        self.problem: str | None = None  # a message from elsewhere (the class server)
        pygame.key.start_text_input()

    def prefill(self) -> str:
        """The agent name the mentor's mission was made for (the pupil may change it)."""
        mission = self.app.mentor_mission
        if mission is None or self.app.options.class_code or not valid_pseudonym(mission.pupil):
            return ""
        return mission.pupil

    def accept(self, text: str) -> bool:
        """The pupil pressed Enter: go on and return True, or False to show the problem."""
        if not valid_pseudonym(text):
            return False
        pygame.key.stop_text_input()
        pupil = text.strip()
        if self.app.store.load(pupil) is not None:  # never replace a pupil's game by mistake
            self.app.replace_with("name_taken", pupil=pupil)
        else:
            self.app.replace_with("intro", pupil=pupil)
        return True

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.TEXTINPUT:
            if len(self.name) < self.max_length:
                self.name += event.text
                self.invalid = False
                self.problem = None
        elif keys.is_key(event, {pygame.K_BACKSPACE}):
            self.name = self.name[:-1]
        elif keys.is_key(event, keys.BACK_KEYS):
            pygame.key.stop_text_input()
            self.app.pop()
        elif keys.is_key(event, {pygame.K_RETURN, pygame.K_KP_ENTER}):
            if not self.name.strip():
                return  # nothing typed yet (a second Enter from the screen before): no error
            self.invalid = not self.accept(self.name)

    def draw(self, surface: pygame.Surface) -> None:
        box = card_on_backdrop(surface, 820, 400)
        t = self.app.texts
        surface.blit(look.text(t(self.prompt_key), 52, look.INK, bold=True),
                     (box.x + 40, box.y + 36))
        look.blit_lines(surface, look.wrap(t(self.help_key), 32, box.w - 80), 32, box.x + 40,
                        box.y + 100, look.MUTED)
        field = pygame.Rect(box.x + 40, box.y + 200, box.w - 80, 70)
        pygame.draw.rect(surface, look.PAPER, field, border_radius=10)
        pygame.draw.rect(surface, look.ACCENT, field, 3, border_radius=10)
        shown = look.text(self.name + "|", 52, look.INK)
        surface.blit(shown, (field.x + 16, field.centery - shown.get_height() // 2))
        message = self.problem or (t(self.invalid_key) if self.invalid else t("name_confirm"))
        colour = (170, 80, 60) if self.invalid else look.MUTED
        look.blit_lines(surface, look.wrap(message, 30, box.w - 80), 30, box.x + 40,
                        box.y + 290, colour)


class ClassCodeScene(NewGameScene):
    """Class mode: the code the teacher shows on the board, then the pupil's pseudonym."""

    prompt_key, help_key, invalid_key = "class_prompt", "class_help", "class_invalid"
    max_length = 16

    def prefill(self) -> str:
        return ""  # a class code is typed from the board

    def accept(self, text: str) -> bool:
        code = normal_class_code(text)
        if not valid_class_code(code):
            return False
        if self.app.options.server:
            check = check_class(self.app.options.server, code)
            if check.reachable and not check.open:  # offline: play now, send later
                self.problem = self.app.texts("class_not_open", code=code,
                                              reason=check.message)
                return False
        if not self.app.switch_level(self.app.options.class_level):
            self.problem = str(self.app.content_error)
            return False
        if self.app.options.server:  # the log will go to the teacher: the pupil says yes first
            self.app.replace_with("consent", to="class", code=code,
                                  yes=lambda: self._join(code, consented=True),
                                  no=lambda: self._join(None, consented=False))
        else:
            self._join(code, consented=False)
        return True

    def _join(self, code: str | None, *, consented: bool) -> None:
        """Class mode with this code, or (the pupil said no) the class's scenes played here
        without sending anything."""
        if consented:
            self.app.consented.add("class")
        self.app.start_class_mode(code)
        self.app.replace_with("new_game")


class IntroScene(Scene):
    """The mission in a few short sentences, before the school opens."""

    def __init__(self, app: Host, pupil: str) -> None:
        super().__init__(app)
        self.pupil = pupil

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.CONFIRM_KEYS) or keys.is_click(event):
            self.app.pop()
            self.app.play(self.pupil, resume=False)
        elif keys.is_key(event, keys.BACK_KEYS):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        """The title, the mission and the goals, sized to fit the card above the hint."""
        w, h = surface.get_size()
        box = card_on_backdrop(surface, min(980, w - 80), h - 80)
        t = self.app.texts
        lang = t.language
        assert self.app.content is not None
        level = self.app.content.level
        inner = box.w - 80
        title = look.wrap(f"{t('intro_title')}: {level.title.get(lang)}", 46, inner, bold=True)
        y = look.blit_lines(surface, title, 46, box.x + 40, box.y + 30, bold=True) + 16
        hint = look.text(t("intro_continue"), 30, look.MUTED)
        room = box.bottom - 30 - hint.get_height() - 16 - y
        paragraphs = [level.intro.get(lang)] + ["• " + g.text.get(lang) for g in level.goals[:2]]
        mission = self.app.mission_for(self.pupil)
        if mission is not None and (mission.welcome or mission.school or mission.days):
            # the mentor's own words come first: this mission was made for this pupil
            welcome = t("intro_mission_from", mentor=mission.mentor) if mission.mentor \
                else t("intro_mission_plain")
            if mission.school:
                welcome += " " + t("intro_mission_school", school=mission.school)
            if mission.days and mission.days < len(level.days):
                welcome += " " + t("intro_mission_days", n=mission.days)
            paragraphs.insert(0, " ".join(p for p in (welcome, mission.welcome) if p))
        size = look.fitting_size(paragraphs, inner, room, 36, gap=12)
        if len(paragraphs) > 1 + len(level.goals[:2]):  # the mentor's welcome
            y = look.blit_lines(surface, look.wrap(paragraphs.pop(0), size, inner), size,
                                box.x + 40, y, (196, 110, 40)) + 12
        y = look.blit_lines(surface, look.wrap(paragraphs[0], size, inner), size, box.x + 40, y)
        for goal in paragraphs[1:]:
            y = look.blit_lines(surface, look.wrap(goal, size, inner), size, box.x + 40, y + 12,
                                look.ACCENT)
        surface.blit(hint, hint.get_rect(midbottom=(box.centerx, box.bottom - 24)))


class NameTakenScene(Scene):
    """A new game under a name that already has a game: ask first. Starting again keeps the
    old game aside; continuing is the first choice, so Enter never throws anything away."""

    def __init__(self, app: Host, pupil: str) -> None:
        super().__init__(app)
        self.pupil = pupil
        t = app.texts
        self.menu = Menu([(t("name_taken_continue"), self._continue),
                          (t("name_taken_yes"), self._start_again),
                          (t("name_taken_other"), self._other_name)], width=720)

    def _continue(self) -> None:
        self.app.pop()
        self.app.play(self.pupil, resume=True)

    def _start_again(self) -> None:
        try:
            self.app.store.keep_aside(self.pupil)
        except OSError:
            return  # the old game could not be put aside: it is not replaced either
        self.app.replace_with("intro", pupil=self.pupil)

    def _other_name(self) -> None:
        self.app.replace_with("new_game")

    def handle(self, event: pygame.event.Event) -> None:
        if keys.is_key(event, keys.BACK_KEYS):
            self._other_name()
        else:
            self.menu.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        box = card_on_backdrop(surface, 860, 460)
        y = look.blit_lines(surface, look.wrap(self.app.texts("name_taken", name=self.pupil),
                                               36, box.w - 80), 36, box.x + 40, box.y + 36)
        self.menu.draw(surface, box.centerx, y + 30)
