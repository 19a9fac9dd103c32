"""Normalising the many ways reports name an authority.

"Knowsley Metropolitan Borough Council", "Knowsley Council" and "Knowsley" must all find one
authority; so must "St. Helens" and "St Helens", "City of Bristol" and "Bristol, City of".
Two keys are used: a light key (case, punctuation and spacing only), which keeps
"Dorset County Council" apart from today's "Dorset Council", and a core key with council
words removed, tried second.
"""

from __future__ import annotations

import re
import unicodedata

_PREFIXES = (
    "the ",
    "city of ",
    "county of ",
    "london borough of ",
    "royal borough of ",
    "metropolitan borough of ",
    "borough of ",
    "council of the ",
)
# Longest first: "metropolitan borough council" before "borough council" before "council".
_SUFFIXES = tuple(
    sorted(
        (
            " metropolitan borough council",
            # "Wakefield District Metropolitan Council", "Calderdale Metropolitan Council".
            " district metropolitan council",
            " metropolitan council",
            # "Tameside metropolitan borough" (an ILACS cover, 2019).
            " metropolitan borough",
            # "Focused visit to Dudley MBC children's services" (2020).
            " mbc",
            " metropolitan district council",
            " borough council",
            " city council",
            " county council",
            " district council",
            " unitary authority",
            " council",
            " childrens services trust",
            " safeguarding children board",
            " safeguarding childrens board",
            " local safeguarding children board",
            " safeguarding children partnership",
            " childrens services",
            " childrens trust",
            " children first",
            " local authority",
            " city",
            " borough",
            " county",
        ),
        key=len,
        reverse=True,
    )
)


def light_key(name: str) -> str:
    """Case-, accent-, punctuation- and spacing-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", " and ")
    text = re.sub(r"['’`]", "", text)
    text = re.sub(r"\bst\.?\s", "st ", text)
    # "Bristol, City of" -> "city of bristol"
    match = re.fullmatch(r"\s*(.+?),?\s+(city of|county of)\s*", text)
    if match:
        text = f"{match[2]} {match[1]}"
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def core_key(name: str) -> str:
    """The light key with council words removed: "knowsley metropolitan borough council" -> "knowsley"."""
    text = light_key(name)
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if text.startswith(prefix) and len(text) > len(prefix):
                text = text[len(prefix) :]
                changed = True
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                changed = True
    return text.strip()
