"""Free-text search of recommendations: words and "quoted phrases", bounded.

On PostgreSQL it is real full-text search: English stemming ("supervision" finds
"supervised" and "supervise"), phrases, ranked by relevance, read from each
recommendation's stored search document (kept by a trigger, migration 0012) and its GIN
index. On SQLite, a fallback: each word must appear as its stem (a few
English endings taken off), each phrase as written. Either way a query holds at most
:data:`MAX_TERMS` words and phrases, so one request cannot build an unbounded query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F, Q, QuerySet

MAX_TERMS = 10
MAX_LENGTH = 200
CONFIG = "english"

_TERM = re.compile(r'"([^"]*)"|(\S+)')
# Endings a light stemmer takes off, longest first; a stem keeps at least four letters.
_ENDINGS = ("ations", "ation", "ings", "ions", "ing", "ion", "ies", "ed", "es", "e", "s")


class TooManyTerms(ValueError):
    pass


@dataclass(frozen=True)
class Search:
    words: tuple[str, ...]
    phrases: tuple[str, ...]

    @property
    def terms(self) -> tuple[str, ...]:
        return (*self.words, *self.phrases)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def websearch(self) -> str:
        """The query in PostgreSQL's websearch syntax: words, and phrases in quotes."""
        return " ".join([*self.words, *(f'"{phrase}"' for phrase in self.phrases)])


def parse(text: str) -> Search:
    """Words and quoted phrases of a query; raises TooManyTerms past :data:`MAX_TERMS`."""
    words: list[str] = []
    phrases: list[str] = []
    for phrase, word in _TERM.findall(text or ""):
        if phrase.strip():
            phrases.append(" ".join(phrase.split()))
        elif word:
            cleaned = word.strip("\"'.,;:!?()[]")
            if cleaned:
                words.append(cleaned)
    words = list(dict.fromkeys(words))
    phrases = list(dict.fromkeys(phrases))
    if len(words) + len(phrases) > MAX_TERMS:
        raise TooManyTerms(
            f"Search for at most {MAX_TERMS} words or phrases "
            f"(this search has {len(words) + len(phrases)})."
        )
    return Search(tuple(words), tuple(phrases))


def validate(text: str) -> None:
    """A form validator: a query with too many terms is a form error, not a slow query."""
    try:
        parse(text)
    except TooManyTerms as error:
        raise ValidationError(str(error), code="too_many_terms") from error


def stem(word: str) -> str:
    """A word without its common English ending: "supervision" -> "supervis"."""
    lowered = word.lower()
    for ending in _ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 4:
            return lowered[: -len(ending)]
    return lowered


def search_vector(field: str = "text") -> SearchVector:
    """The search document of a text column, as the stored one is made (migrations)."""
    return SearchVector(field, config=CONFIG)


def is_full_text() -> bool:
    return connection.vendor == "postgresql"


def filter_text(queryset: QuerySet, search: Search) -> QuerySet:
    """Recommendations whose text matches every word and phrase; on PostgreSQL annotated
    with ``search_rank``."""
    if not search:
        return queryset
    if is_full_text():
        query = SearchQuery(search.websearch(), search_type="websearch", config=CONFIG)
        # The stored document (a trigger keeps it, migration 0012), served by its GIN
        # index and ranked as stored: no text is tokenised again.
        return queryset.filter(search_document=query).annotate(
            search_rank=SearchRank(F("search_document"), query)
        )
    conditions = [Q(text__icontains=stem(word)) for word in search.words]
    conditions += [Q(text__icontains=phrase) for phrase in search.phrases]
    return queryset.filter(reduce(and_, conditions))


def by_relevance(queryset: QuerySet, *then: str) -> QuerySet:
    """Best matches first where the database ranks them; else the order given."""
    if is_full_text() and "search_rank" in queryset.query.annotations:
        return queryset.order_by(F("search_rank").desc(), *then)
    return queryset.order_by(*then)


def highlight_pattern(search: Search) -> re.Pattern[str] | None:
    """What to mark in a matching text: each phrase, and each word's stem with the rest of
    the word it begins ("supervis" marks "supervision" and "supervised")."""
    if not search:
        return None
    parts = [re.escape(phrase).replace(r"\ ", r"\s+") for phrase in search.phrases]
    parts += [rf"\b{re.escape(stem(word))}\w*" for word in search.words]
    parts.sort(key=len, reverse=True)
    return re.compile("|".join(parts), re.IGNORECASE)
