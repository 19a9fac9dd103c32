"""Labelled string enumerations that Django can take as field choices, without Django.

A member is its value (``Framework.SIF == "sif"``), carries a ``label`` and prints as its
value, like Django's ``TextChoices``; the class offers ``choices``, ``labels`` and ``values``
so a model field takes ``choices=Framework.choices``. The vocabulary is imported by the
parsers, which must not import Django.
"""

from __future__ import annotations

import enum


class _ChoicesType(enum.EnumMeta):
    @property
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]

    @property
    def labels(cls) -> list[str]:
        return [member.label for member in cls]

    @property
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class Choices(enum.StrEnum, metaclass=_ChoicesType):
    """Members are declared as ``NAME = "value", "Label"``."""

    label: str

    def __new__(cls, value: str, label: str) -> Choices:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    # Django's templates call what is callable; a class handed to a template is not a view.
    do_not_call_in_templates = enum.nonmember(True)
