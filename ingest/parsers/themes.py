"""Reading the national framework theme printed with a recommendation (2025 on).

ILACS reports and focused visit letters from 2025 print after each area for improvement
the part of the national framework it was cross-referenced with. Forms seen in the corpus:

- "(outcome 3, national framework)", "(Outcome four, National Framework)", "(enabler two:
  national framework)", "(outcome 4 national framework)";
- the framework first: "(national framework, outcome 2)", "(national framework enabler two)";
- a name for a number: "(enabler: the workforce is equipped and effective, national
  framework)", "(Enabler 2: Leaders drive conditions for effective practice)";
- square brackets ("[Outcome 3, national framework]") or none, as the item's last sentence
  ("... change. Enabler three: National Framework.");
- no "national framework" at all: "(Outcome 1)", "(Enabler two)", "(principle 4)", "(Outcome
  3 National Social Care Framework)".

:func:`take_themes` reads every such tag out of each recommendation's text, wherever it
sits in the item, removes it (the item no longer repeats it) and stores the themes in
``national_framework`` (several joined in printed order, see :mod:`vocabulary.themes`). A
bracket that names the national framework, or starts like a tag ("(Outcome 7)"), but does
not read as known themes stays in the text, with a warning: it is never dropped unread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vocabulary import Theme, themes

from .base import ParsedRecommendation

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBER = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\b"
_PART = re.compile(r"\b(?P<part>outcome|enabler|principle)s?\b", re.IGNORECASE)
# "national framework", "National Social Care Framework", "Children's Social Care: National
# Framework".
_MARKER = re.compile(
    r"\b(?:the\s+)?(?:children['’]s\s+social\s+care:?\s+)?national\s+(?:social\s+care\s+)?"
    r"framework\b",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"[(\[](?P<tag>[^()\[\]]{1,200})[)\]]")
# An unbracketed tag is the item's last sentence: "... change. Enabler three: National
# Framework."
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.;!?])\s)\s*(?P<tag>[^.;!?()\[\]]{1,160}?)\s*\.?\s*$")
# A bracket starting like a tag is read as one, or warned about: "(Outcome 7)".
_LOOKS_LIKE_TAG = re.compile(rf"^\s*(?:outcome|enabler|principle)s?\s*[:\s]\s*{_NUMBER}", re.I)
_NUMBERS = re.compile(rf"^(?P<numbers>{_NUMBER}(?:\s*(?:,|and|&|/)\s*{_NUMBER})*)", re.I)
_SEPARATORS = " \t,;:-–—"
_TRAILING_JOIN = re.compile(r"(?:[\s,;:&–—-]|\band\b)+$", re.IGNORECASE)


def read_tag(tag: str) -> list[Theme] | None:
    """The themes a tag names, in order; None if it does not read as one (an unknown part
    or number, a name the framework does not give, words that are not a tag)."""
    text = _MARKER.sub(",", " ".join(tag.replace("’", "'").split()))
    parts = list(_PART.finditer(text))
    if not parts or text[: parts[0].start()].strip(_SEPARATORS):
        return None
    found: list[Theme] = []
    for index, part in enumerate(parts):
        end = parts[index + 1].start() if index + 1 < len(parts) else len(text)
        rest = _TRAILING_JOIN.sub("", text[part.end() : end]).strip(_SEPARATORS)
        read = _read_part(part["part"].lower(), rest)
        if read is None:
            return None
        found.extend(read)
    return found


def _read_part(part: str, rest: str) -> list[Theme] | None:
    """The themes of one part ("outcome") and what follows it ("4", "two and three",
    "2: leaders drive conditions for effective practice", ": the workforce is ...")."""
    numbers_match = _NUMBERS.match(rest)
    numbers = []
    if numbers_match:
        for word in re.split(r"\s*(?:,|and|&|/)\s*", numbers_match["numbers"].lower()):
            numbers.append(int(word) if word.isdigit() else _NUMBER_WORDS[word])
        rest = rest[numbers_match.end() :].strip(_SEPARATORS)
    if not numbers:
        named = themes.theme_named(part, rest)
        return [named] if named is not None else None
    found = [themes.theme_of(part, number) for number in numbers]
    if any(theme is None for theme in found):
        return None
    if rest and (len(found) != 1 or themes.theme_named(part, rest) != found[0]):
        return None  # a name that is not this theme's
    return [theme for theme in found if theme is not None]


def _cut(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, spaced and punctuated as if never printed."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if after[:1] in (".", ",", ";", ":", ")") or not before or not after:
        if before.endswith(".") and after.startswith("."):
            after = after[1:]
        return (before + after).strip()
    return f"{before} {after}"


def _take(text: str) -> tuple[str, list[Theme], list[str]]:
    """``text`` without the tags it reads, their themes, and the tags it cannot read."""
    found: list[Theme] = []
    unread: list[str] = []
    position = 0
    while match := _BRACKETED.search(text, position):
        tag = match["tag"]
        claims = _MARKER.search(tag) is not None or _LOOKS_LIKE_TAG.match(tag) is not None
        read = read_tag(tag) if claims or _PART.match(tag.strip()) else None
        if read:
            found.extend(read)
            text = _cut(text, match.start(), match.end())
            position = match.start()
        else:
            if claims:
                unread.append(match.group())
            position = match.end()
    last = _LAST_SENTENCE.search(text)
    if last and _MARKER.search(last["tag"]) and not _LOOKS_LIKE_PROSE.match(last["tag"]):
        read = read_tag(last["tag"])
        if read:
            found.extend(read)
            text = _cut(text, last.start("tag"), len(text))
        else:
            unread.append(last["tag"])
    return text, found, unread


# A last sentence that names the framework but starts as prose is not a tag: "Practice is
# in line with the national framework."
_LOOKS_LIKE_PROSE = re.compile(r"^(?!\s*(?:outcome|enabler|principle|national)\b)", re.I)


def take_themes(recommendations: Sequence[ParsedRecommendation]) -> list[str]:
    """Move each recommendation's national framework tags from its text into its
    ``national_framework``; return a warning for each tag that could not be read."""
    warnings = []
    for position, recommendation in enumerate(recommendations, start=1):
        text, found, unread = _take(recommendation.text)
        if found and not text:
            # Nothing but a tag: most likely the end of the item above, read as an item.
            warnings.append(
                f"Recommendation {position} ('{recommendation.text[:50]}') is only a national "
                "framework reference: it is kept as printed, with no theme; check the report."
            )
        elif found:
            recommendation.text = text
            recommendation.national_framework = themes.join(found)
        for tag in unread:
            warnings.append(
                f"Recommendation {position} ('{recommendation.text[:50]}...') carries a "
                f"national framework reference that could not be read, '{tag}': it is left "
                "in the text and no theme is stored for it; check the report."
            )
    return warnings
