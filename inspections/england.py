"""England at any date: how many authorities stood at each grade, for England and regions.

The rule, stated on the page, is that of Ofsted's official statistics: as at a date, each
authority that existed then counts with the judgements of its most recent inspection under the
single inspection framework (2013-2018) or ILACS (2018 on) that ended on or before that date
and whose report was published by a cut-off. The cut-off is the one Ofsted's release for that
date used (:data:`RELEASE_RULES`: as at 31 August 2019, published by 30 September; 31 March
2023, by 30 April; 31 March 2024 and 2025, by 30 June), and elsewhere Ofsted's current rule
(three months after the date); a user may set it (``published_by``). An area the latest
inspection did not judge has no grade (ILACS before 2023 judged no care leavers apart; ILACS
from April 2026 no overall effectiveness), as in Ofsted's tables, rather than an older grade.
scripts/check_england_statistics.py holds the result against Ofsted's published figures, and
the tests hold the England CSV against Ofsted's tables authority by authority. These frameworks
share one four-word scale; earlier ones graded on other scales and are left out rather than
compared. The authorities counted are those that existed on the date (152 on 31 August 2018,
153 on 31 March 2025), each with its own inspections: as in Ofsted's tables, one formed by a
reorganisation counts from its first inspection (North West as at 31 March 2024: 22
authorities judged, Cumberland and Westmorland and Furness not yet).

Everything is computed in Python from one query of the judgements that can count (a few
thousand rows at national scale), so a series of dates costs no more queries than one.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from authorities.models import Authority, Region
from vocabulary import GRADE_RANKS, Area, Framework, Grade, display_name

from . import shared_results
from .freshness import today
from .models import Judgement

AREAS: tuple[Area, ...] = (
    Area.OVERALL,
    Area.HELP_AND_PROTECTION,
    Area.CHILDREN_IN_CARE,
    Area.CARE_LEAVERS,
    Area.LEADERSHIP,
)
FRAMEWORKS = (Framework.SIF, Framework.ILACS, Framework.ILACS_2026)
# Before the single inspection framework began (November 2013), England is counted from the
# 2009-2013 inspections: SLAC, child protection and targeted looked after children. Ofsted's
# table holds only each authority's latest of them, so earlier dates cover few authorities.
SIF_BEGAN = date(2013, 11, 1)
EARLIER_FRAMEWORKS = (Framework.SLAC, Framework.CHILD_PROTECTION, Framework.LAC)
GRADES: tuple[Grade, ...] = tuple(Grade)
FIRST_QUARTER = date(2014, 3, 31)


@dataclass(frozen=True)
class CountingRule:
    """Which reports count as at a date: ended by it, and published by ``published_by``."""

    as_at: date
    published_by: date
    source: str  # whose rule it is, said on the page
    # (authority slug, first day) of inspections a release counted although published later,
    # by its own note.
    counted_late: tuple[tuple[str, date], ...] = ()

    def describe(self) -> str:
        return (
            f"inspections ended by {self.as_at:%-d %B %Y} whose report was published by "
            f"{self.published_by:%-d %B %Y} ({self.source})"
        )


RELEASE_RULES: dict[date, CountingRule] = {
    rule.as_at: rule
    for rule in (
        # Its 59 SIF inspections (14 inadequate, 31 requiring improvement, 14 good) are
        # exactly those whose reports were published by the date itself.
        CountingRule(
            date(2015, 6, 30),
            date(2015, 6, 30),
            "the rule of Ofsted's children's social care data as at 30 June 2015 (as reported "
            "by CYP Now, 13 August 2015): reports published by the date",
        ),
        CountingRule(
            date(2019, 8, 31),
            date(2019, 9, 30),
            "the rule of Ofsted's release 'Local authority and children's homes in England "
            "inspections and outcomes, autumn 2019'",
        ),
        CountingRule(
            date(2023, 3, 31),
            date(2023, 4, 30),
            "the rule of Ofsted's release 'Children's social care in England 2023', which by "
            "its note 4 also counts South Tyneside's December 2022 inspection, published later",
            counted_late=(("south-tyneside", date(2022, 12, 5)),),
        ),
        CountingRule(
            date(2024, 3, 31),
            date(2024, 6, 30),
            "the rule of Ofsted's release 'Local authority inspection outcomes as at 31 March 2024'",
        ),
        CountingRule(
            date(2025, 3, 31),
            date(2025, 6, 30),
            "the rule of Ofsted's release 'Local authority inspection outcomes as at 31 March 2025'",
        ),
    )
}


def rule_for(as_at: date, published_by: date | None = None) -> CountingRule:
    """The rule for ``as_at``: the user's cut-off, else its release's, else Ofsted's current
    rule (as at 31 March, published by 30 June: three months after the date)."""
    if published_by is not None:
        return CountingRule(as_at, published_by, "the cut-off chosen here")
    if as_at in RELEASE_RULES:
        return RELEASE_RULES[as_at]
    return CountingRule(
        as_at,
        _months_after(as_at, 3),
        "Ofsted's current rule, as in its 2024 and 2025 releases: published within three "
        "months of the date",
    )


def _months_after(day: date, months: int) -> date:
    """31 March -> 30 June; 31 August -> 30 November; 15 May -> 15 August."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    last = _month_end(year, month)
    if day == _month_end(day.year, day.month):
        return last
    return min(date(year, month, day.day) if day.day <= last.day else last, last)


# The first inspections counted here (the 2009-2012 safeguarding and looked after children
# inspections of Ofsted's table) began in 2009: before then no authority has a standing.
# After today the data cannot say either. Dates outside are refused rather than answered,
# which also bounds the chart's walk to the date.
EARLIEST_AS_AT = date(2009, 4, 1)


class BadAsAt(ValueError):
    """An ``as_at`` that is not a date, or one England cannot be shown at; says why."""


# The parameters that choose the authorities behind one count (England page and export).
FILTERS = ("region", "area", "grade")


def filter_choices() -> dict[str, tuple[tuple[str, str], ...]]:
    """The values each of :data:`FILTERS` may take, with their labels."""
    return {
        "region": tuple(Region.choices),
        "area": tuple((str(area), Area(area).label) for area in AREAS),
        "grade": tuple(Grade.choices),
    }


def filter_fields(chosen: dict[str, str]) -> list[dict]:
    """The England page's form fields for :data:`FILTERS`, with the values chosen."""
    words = {
        "region": ("Region", "England (every region)"),
        "area": ("Area", "Any headline area"),
        "grade": ("Grade", "Any grade"),
    }
    return [
        {
            "name": name,
            "label": words[name][0],
            "any": words[name][1],
            "choices": choices,
            "value": chosen.get(name, ""),
        }
        for name, choices in filter_choices().items()
    ]


def parse_filters(query) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The region, area and grade a query asks for (``?region=north-west&area=overall&
    grade=inadequate``; empty: any), and for each invalid one the message saying why."""
    chosen, errors = {}, {}
    for name, choices in filter_choices().items():
        value = query.get(name, "").strip()
        if not value:
            continue
        if value not in dict(choices):
            errors[name] = [f"must be one of {', '.join(v for v, _ in choices)}"]
        else:
            chosen[name] = value
    return chosen, errors


def as_at_range() -> tuple[date, date]:
    """The first and last dates England can be shown as at (the last is today)."""
    return EARLIEST_AS_AT, today()


def parse_published_by(value: str) -> date | None:
    """The publication cut-off a request asks for (None: the rule's own); BadAsAt for a
    value that is not a date. Any date is answerable: no walk is made to it."""
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadAsAt("must be a date written YYYY-MM-DD, e.g. 2025-06-30") from None


def parse_as_at(value: str) -> date:
    """The date a request asks for ("" for today); BadAsAt, saying why, for any other."""
    value = value.strip()
    earliest, latest = as_at_range()
    if not value:
        return latest
    try:
        as_at = date.fromisoformat(value)
    except ValueError:
        raise BadAsAt("must be a date written YYYY-MM-DD, e.g. 2024-03-31") from None
    if not earliest <= as_at <= latest:
        raise BadAsAt(
            f"must be from {earliest:%-d %B %Y}, when the first inspections counted here "
            f"began, to today ({latest:%-d %B %Y}); {as_at.isoformat()} is outside that range"
        )
    return as_at


@dataclass(frozen=True)
class Standing:
    """One authority's latest judgement of one area as at a date."""

    authority_id: int
    area: str
    grade: str
    grade_as_printed: str
    framework: str
    inspection_type: str
    start_date: date
    end_date: date
    published_on: date | None
    authority_slug: str


def _candidates() -> list[Standing]:
    rows = (
        Judgement.objects.filter(
            inspection__is_published=True,
            inspection__framework__in=FRAMEWORKS + EARLIER_FRAMEWORKS,
            area__in=AREAS,
        )
        .exclude(grade="")
        .order_by("inspection__start_date", "inspection_id", "order")
        .values_list(
            "inspection__authority_id",
            "area",
            "grade",
            "grade_as_printed",
            "inspection__framework",
            "inspection__inspection_type",
            "inspection__start_date",
            "inspection__end_date",
            "inspection__published_on",
            "inspection__authority__slug",
        )
    )
    return [Standing(*row) for row in rows]


class England:
    """The judgements that can count, ready to be read as at any date."""

    def __init__(self, version: shared_results.Version | None = None) -> None:
        # The data version read before the judgements: results derived from them are
        # shared between workers under it (see the functions at the end of this module).
        self.version = version or shared_results.version()
        self.candidates = _candidates()
        self.authorities = {authority.pk: authority for authority in Authority.objects.all()}
        self._standings: dict[tuple[date, date | None], list[Standing]] = {}

    def not_yet_judged(
        self, as_at: date, area: str = Area.OVERALL, published_by: date | None = None
    ) -> list[Authority]:
        """Authorities that existed on ``as_at`` but had no judgement of ``area`` counted."""
        judged = {s.authority_id for s in self.standings(as_at, published_by) if s.area == area}
        return sorted((a for a in self.existing(as_at) if a.pk not in judged), key=lambda a: a.name)

    def existing(self, as_at: date) -> list[Authority]:
        """The authorities that existed on ``as_at``: the ones England counts then."""
        return [a for a in self.authorities.values() if a.existed_on(as_at)]

    def standings(self, as_at: date, published_by: date | None = None) -> list[Standing]:
        """Each authority that existed on ``as_at``: the judgements of its latest inspection
        that counts by :func:`rule_for` (kept per date and cut-off: pages ask several times)."""
        key = (as_at, published_by)
        if key not in self._standings:
            if len(self._standings) > 256:  # any date may be asked for: keep memory bounded
                self._standings.clear()
            self._standings[key] = self._count(rule_for(as_at, published_by))
        return self._standings[key]

    def _count(self, rule: CountingRule) -> list[Standing]:
        existing = {authority.pk for authority in self.existing(rule.as_at)}
        before_sif = rule.as_at < SIF_BEGAN
        frameworks = EARLIER_FRAMEWORKS if before_sif else FRAMEWORKS
        late = {
            (authority.pk, start)
            for authority in self.authorities.values()
            for slug, start in rule.counted_late
            if authority.slug == slug
        }
        latest_start: dict[int, date] = {}
        counted = []
        for standing in self.candidates:
            if standing.authority_id not in existing or standing.end_date > rule.as_at:
                continue
            if standing.framework not in frameworks:
                continue
            published = standing.published_on
            too_late = published is not None and published > rule.published_by
            if too_late and not self._counted_late(standing, late):
                continue
            counted.append(standing)
            previous = latest_start.get(standing.authority_id)
            if previous is None or previous < standing.start_date:
                latest_start[standing.authority_id] = standing.start_date
        latest: dict[tuple[int, str], Standing] = {}
        for standing in counted:  # in report order: a later row of an area replaces
            key = (standing.authority_id, standing.area)
            if before_sif:
                # Each kind judged one side (child protection, looked after children): the
                # latest judgement of each area counts, whichever inspection gave it.
                if key not in latest or latest[key].start_date <= standing.start_date:
                    latest[key] = standing
            elif standing.start_date == latest_start[standing.authority_id]:
                latest[key] = standing
        return list(latest.values())

    @staticmethod
    def _counted_late(standing: Standing, late: set[tuple[int, date]]) -> bool:
        return any(
            pk == standing.authority_id and abs((start - standing.start_date).days) <= 3
            for pk, start in late
        )

    def behind(
        self, as_at: date, published_by: date | None = None, chosen: dict[str, str] | None = None
    ) -> list[Standing]:
        """The standings behind one count of the England page: those of ``chosen``'s region,
        area and grade (any of them; none: every standing), by authority name then area."""
        chosen = chosen or {}
        region, area, grade = (chosen.get(name) for name in FILTERS)
        area_order = {str(one): index for index, one in enumerate(Area)}
        return sorted(
            (
                s
                for s in self.standings(as_at, published_by)
                if (region is None or self.authorities[s.authority_id].region == region)
                and (area is None or s.area == area)
                and (grade is None or s.grade == grade)
            ),
            key=lambda s: (self.authorities[s.authority_id].name, area_order.get(s.area, 0)),
        )

    def distribution(
        self, as_at: date, published_by: date | None = None
    ) -> dict[str, dict[str, Counter[str]]]:
        """{area: {"england" or region: Counter(grade)}} as at ``as_at``."""
        counts: dict[str, dict[str, Counter[str]]] = {area: defaultdict(Counter) for area in AREAS}
        for standing in self.standings(as_at, published_by):
            region = self.authorities[standing.authority_id].region
            counts[standing.area]["england"][standing.grade] += 1
            counts[standing.area][region][standing.grade] += 1
        return counts

    def shares_over_time(self, area: str, until: date) -> dict:
        """Chart data: each grade's share of authorities judged, quarter by quarter, with
        its base (``judged``: how many authorities had a grade counted, of ``existing``)
        and ``few`` where under half of those that existed had (the shares of a few).

        Never past today, whatever ``until`` is: each quarter reads every judgement, so a
        walk to a far-future date would take minutes."""
        labels, shares = [], {grade: [] for grade in GRADES}
        judged, existing = [], []
        for quarter in quarters(FIRST_QUARTER, min(until, as_at_range()[1])):
            counts = Counter(s.grade for s in self.standings(quarter) if s.area == area)
            total = sum(counts.values())
            labels.append(quarter.isoformat())
            judged.append(total)
            existing.append(len(self.existing(quarter)))
            for grade in GRADES:
                shares[grade].append(round(100 * counts[grade] / total, 1) if total else None)
        return {
            "title": f"{Area(area).label}: share of authorities at each grade, England",
            "labels": labels,
            "judged": judged,
            "existing": existing,
            "few": [2 * n < of for n, of in zip(judged, existing, strict=True)],
            "few_label": FEW_JUDGED,
            "grades": [
                {"key": str(grade), "label": grade.short_label, "shares": shares[grade]}
                for grade in GRADES
            ],
        }


# Said beside a share whose base is under half the authorities that existed.
FEW_JUDGED = "Under half of authorities judged (hatched)"


@dataclass(frozen=True)
class NamedRow:
    """One authority behind a count, with the inspection that gave its grade."""

    standing: Standing
    authority: Authority
    inspection: str  # the name of the kind of inspection, e.g. "ILACS"
    inspection_url: str


@dataclass
class Named:
    """The authorities behind one count of the England page, with what they were counted by."""

    as_at: date
    chosen: dict[str, str]
    rows: list[NamedRow]
    # With an area but no grade: the authorities of the region (or England) that existed
    # but had no grade of the area counted, which the count leaves out.
    not_judged: list[Authority]

    @property
    def authority_count(self) -> int:
        return len({row.authority.pk for row in self.rows})

    def describe(self) -> str:
        """ "The 3 North West authorities judged inadequate for overall effectiveness as at
        31 March 2020": what the list is, in words."""
        region = self.chosen.get("region")
        where = f"{Region(region).label} " if region else ""
        grade = self.chosen.get("grade")
        judged = f"judged {Grade(grade).label.lower()}" if grade else "with a grade counted"
        area = self.chosen.get("area")
        when = f"as at {self.as_at:%-d %B %Y}"
        authorities = self.authority_count
        named = f"{authorities} {where}authorit{'y' if authorities == 1 else 'ies'}"
        if area:
            return f"The {named} {judged} for {Area(area).label.lower()} {when}"
        judgements = len(self.rows)
        return (
            f"The {judgements} judgement{'' if judgements == 1 else 's'} of {named} "
            f"{judged} in any headline area {when}"
        )


def named(data: England, as_at: date, published_by: date | None, chosen: dict[str, str]) -> Named:
    """The authorities behind the count ``chosen`` names (see :meth:`England.behind`)."""
    from .queries.common import inspection_path  # queries imports this module

    rows = [
        NamedRow(
            standing,
            data.authorities[standing.authority_id],
            display_name(standing.framework, standing.inspection_type),
            inspection_path(standing.authority_slug, standing.start_date, standing.framework),
        )
        for standing in data.behind(as_at, published_by, chosen)
    ]
    not_judged = []
    if "area" in chosen and "grade" not in chosen:
        region = chosen.get("region")
        not_judged = [
            authority
            for authority in data.not_yet_judged(as_at, chosen["area"], published_by)
            if region is None or authority.region == region
        ]
    return Named(as_at, chosen, rows, not_judged)


def quarters(first: date, until: date) -> list[date]:
    """The last days of the quarters from ``first`` to ``until``: 31 March, 30 June..."""
    ends = []
    year, month = first.year, first.month
    while True:
        end = _month_end(year, month)
        if end > until:
            return ends
        ends.append(end)
        month += 3
        if month > 12:
            year, month = year + 1, month - 12


def _month_end(year: int, month: int) -> date:
    if month == 12:  # not via 1 January of the next year, which for 9999 is no date
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


@dataclass
class Line:
    """One line of a table: England or a region, with its count at each grade."""

    key: str  # "england" or a Region value
    name: str
    counts: list[int]
    total: int

    @property
    def shares(self) -> list[float | None]:
        return [round(100 * count / self.total) if self.total else None for count in self.counts]

    @property
    def by_grade(self) -> list[tuple[Grade, int, float | None]]:
        """(grade, count, share) for each grade, best first: a table cell each."""
        return list(zip(GRADES, self.counts, self.shares, strict=True))


def table(counts: dict[str, Counter[str]]) -> list[Line]:
    """England first, then each region in the order of Region."""
    lines = []
    for key, name in [("england", "England"), *Region.choices]:
        counter = counts.get(key, Counter())
        values = [counter[grade] for grade in GRADES]
        lines.append(Line(key, name, values, sum(values)))
    return lines


# --------------------------------------------------------------------------- one authority


@dataclass
class Comparison:
    """How one authority's latest grade in an area sits among a group's latest grades."""

    group: str
    better: int
    same: int
    worse: int
    counts: list[int]  # authorities at each grade, best first
    # The England page's query naming the group's authorities (with the authority itself);
    # "" for a group it cannot name (statistical neighbours).
    england_query: str = ""

    @property
    def judged(self) -> int:
        return self.better + self.same + self.worse


@dataclass
class AreaStanding:
    area: Area
    standing: Standing | None
    comparisons: list[Comparison]


@dataclass
class Wait:
    """How long authorities with a given latest grade waited for their next inspection."""

    grade: Grade
    median_days: float
    shortest_days: int
    longest_days: int
    cases: int


def where_it_stands(data: England, authority: Authority, neighbour_ids: list[int], as_at: date):
    """For each headline area: the authority's latest grade against its statistical
    neighbours', its region's and England's (each counted as on the England page)."""
    standings = data.standings(as_at)
    by_key = {(s.authority_id, s.area): s for s in standings}
    region_ids = {pk for pk, other in data.authorities.items() if other.region == authority.region}
    result = []
    for area in AREAS:
        own = by_key.get((authority.pk, area))
        named = {"as_at": as_at.isoformat(), "area": str(area)}
        groups = [
            (f"its {len(neighbour_ids)} statistical neighbours", set(neighbour_ids), None),
            (
                f"{authority.get_region_display()}",
                region_ids - {authority.pk},
                {"as_at": named["as_at"], "region": authority.region, "area": named["area"]},
            ),
            ("England", set(data.authorities) - {authority.pk}, named),
        ]
        comparisons = []
        for name, members, query in groups:
            grades = [by_key[(pk, area)].grade for pk in members if (pk, area) in by_key]
            comparison = _compare(name, own, grades)
            comparison.england_query = urlencode(query) if query else ""
            comparisons.append(comparison)
        result.append(AreaStanding(area, own, comparisons))
    return result


def _compare(group: str, own: Standing | None, grades: list[str]) -> Comparison:
    counts = [grades.count(grade) for grade in GRADES]
    if own is None:
        return Comparison(group, 0, 0, 0, counts)
    mine = GRADE_RANKS[own.grade]
    ranks = [GRADE_RANKS[grade] for grade in grades]
    return Comparison(
        group,
        better=sum(1 for rank in ranks if mine < rank),
        same=sum(1 for rank in ranks if mine == rank),
        worse=sum(1 for rank in ranks if mine > rank),
        counts=counts,
    )


def waits_by_grade(data: England) -> dict[str, Wait]:
    """From the national data: days from the last day of an inspection judging overall
    effectiveness to the first day of the authority's next one, by the grade it gave."""
    inspections: dict[int, dict[date, Standing]] = defaultdict(dict)
    for standing in data.candidates:
        if standing.area == Area.OVERALL:
            inspections[standing.authority_id][standing.start_date] = standing
    gaps: dict[str, list[int]] = defaultdict(list)
    for by_start in inspections.values():
        ordered = [by_start[start] for start in sorted(by_start)]
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            gaps[earlier.grade].append((later.start_date - earlier.end_date).days)
    waits = {}
    for grade in GRADES:
        days = sorted(gaps.get(grade, []))
        if days:
            middle = len(days) // 2
            median = days[middle] if len(days) % 2 else (days[middle - 1] + days[middle]) / 2
            waits[grade] = Wait(grade, median, days[0], days[-1], len(days))
    return waits


# --------------------------------------------------------------------------- per process

_national: tuple[str, England] | None = None
_national_lock = threading.Lock()


def national(at: shared_results.Version | None = None) -> England:
    """The England data, read once per change of the data in each web process.

    Kept under the data version (:func:`shared_results.version`: bumped by every save,
    delete and load, with the newest judgement's id, which bulk writes such as synthetic
    data move without a signal), so it is never stale; the check costs one small query
    instead of reading every judgement that can count (none when the caller has read the
    version, ``at``).
    """
    global _national
    version = at or shared_results.version()
    with _national_lock:
        if _national is not None and _national[0] == version.key:
            return _national[1]
    data = England(version)
    with _national_lock:
        _national = (version.key, data)
    return data


def forget() -> None:
    """Drop the kept England data and shared results (tests roll the database back under
    them)."""
    global _national
    with _national_lock:
        _national = None
    shared_results.forget()


# ------------------------------------------------------------- shared between workers
# What the England page and comparisons read of the whole country: the same for every
# visitor until the data changes, so computed once per data version for every worker.


def shared_distribution(
    data: England, as_at: date, published_by: date | None = None
) -> dict[str, dict[str, Counter[str]]]:
    """:meth:`England.distribution`, computed once per data version for the rule's own
    cut-off (a cut-off of the reader's choosing, any date, is computed for its request:
    kept, such keys would be a store anyone could fill)."""
    if published_by is not None:
        return data.distribution(as_at, published_by)
    return shared_results.shared(
        "england-distribution", as_at, lambda: data.distribution(as_at), at=data.version
    )


def shared_shares_over_time(data: England, area: str, until: date) -> dict:
    """:meth:`England.shares_over_time`, computed once per data version (each quarter
    since 2014 reads every judgement: the dearest part of the England page). Every date of
    one quarter charts the same quarters: they share one result."""
    until = min(until, as_at_range()[1])
    charted = quarters(FIRST_QUARTER, until)
    last = charted[-1] if charted else FIRST_QUARTER - timedelta(days=1)
    return shared_results.shared(
        "england-shares", (area, last), lambda: data.shares_over_time(area, last), at=data.version
    )


def shared_waits_by_grade(data: England) -> dict[str, Wait]:
    """:func:`waits_by_grade`, computed once per data version (every authority's page
    shows the wait after its latest grade, from every inspection in England)."""
    return shared_results.shared("england-waits", (), lambda: waits_by_grade(data), at=data.version)
