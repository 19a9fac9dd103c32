"""National framework themes: the outcome, enabler or principle a recommendation is about.

Since 2025 Ofsted prints with each area for improvement the part of the Children's Social
Care: National Framework (DfE statutory guidance, December 2023) it was cross-referenced
with, e.g. "(Outcome 4, national framework)" or "(enabler 3, national framework)"; the
reports' footnote says "cross-referenced with the outcomes, enablers or principles". The
framework has four outcomes, three enablers and six principles.

A theme's value is its code, lower-case, as the reports print it ("outcome 4"). A
recommendation tagged with several themes stores them all, in the order printed, joined
by :data:`SEPARATOR` ("outcome 3; enabler 2"): :func:`join` and :func:`split` convert.

Names are the framework's own wording of its outcomes and enablers (reports print the
names of enablers 2 and 3 in place of a number: "(enabler: the workforce is equipped and
effective, national framework)"). Principles are known by number only here.
"""

from __future__ import annotations

from collections.abc import Iterable

from .choices import Choices

SEPARATOR = "; "


class Theme(Choices):
    """A part of the national framework. Values are what ``?theme=`` takes."""

    OUTCOME_1 = (
        "outcome 1",
        "Outcome 1: children, young people and families stay together and get the help they need",
    )
    OUTCOME_2 = (
        "outcome 2",
        "Outcome 2: children and young people are supported by their family network",
    )
    OUTCOME_3 = (
        "outcome 3",
        "Outcome 3: children and young people are safe in and outside of their homes",
    )
    OUTCOME_4 = (
        "outcome 4",
        "Outcome 4: children in care and care leavers have stable, loving homes",
    )
    ENABLER_1 = "enabler 1", "Enabler 1: multi-agency working is prioritised and effective"
    ENABLER_2 = "enabler 2", "Enabler 2: leaders drive conditions for effective practice"
    ENABLER_3 = "enabler 3", "Enabler 3: the workforce is equipped and effective"
    PRINCIPLE_1 = "principle 1", "Principle 1"
    PRINCIPLE_2 = "principle 2", "Principle 2"
    PRINCIPLE_3 = "principle 3", "Principle 3"
    PRINCIPLE_4 = "principle 4", "Principle 4"
    PRINCIPLE_5 = "principle 5", "Principle 5"
    PRINCIPLE_6 = "principle 6", "Principle 6"

    @property
    def part(self) -> str:
        """ "outcome", "enabler" or "principle"."""
        return self.value.split()[0]

    @property
    def number(self) -> int:
        return int(self.value.split()[1])

    @property
    def name_words(self) -> str:
        """The framework's words for it, without the code ("" for a principle)."""
        _, _, words = self.label.partition(": ")
        return words

    @property
    def short_label(self) -> str:
        """ "Outcome 4"."""
        return self.value.capitalize()


# The kinds of part, in the order the framework sets them out.
PARTS = ("outcome", "enabler", "principle")


def theme_of(part: str, number: int) -> Theme | None:
    """The theme numbered ``number`` of ``part`` ("outcome", 4), None if there is none."""
    try:
        return Theme(f"{part.lower()} {number}")
    except ValueError:
        return None


def theme_named(part: str, words: str) -> Theme | None:
    """The theme of ``part`` whose name is ``words`` (case, spacing and a leading "the"
    aside), None if none is."""
    wanted = _name_key(words)
    if not wanted:
        return None
    for theme in Theme:
        if (
            theme.part == part.lower()
            and theme.name_words
            and _name_key(theme.name_words) == wanted
        ):
            return theme
    return None


def _name_key(words: str) -> str:
    key = " ".join(words.lower().replace("’", "'").split()).strip(" .,:;")
    return key.removeprefix("the ")


def join(themes: Iterable[str]) -> str:
    """The stored value of a recommendation's themes: each once, in the order given."""
    return SEPARATOR.join(dict.fromkeys(str(theme) for theme in themes))


def split(value: str) -> list[str]:
    """The themes of a stored value, in order ([] for blank)."""
    return [part.strip() for part in value.split(SEPARATOR.strip()) if part.strip()]


def invalid_themes(value: str) -> list[str]:
    """The parts of a stored value that are not themes (none for a valid or blank value)."""
    return [part for part in split(value) if part not in Theme.values]
