"""python manage.py generate_synthetic: clearly marked synthetic inspections at national scale.

For measuring pages and exports only. Point it at a database of its own, never at the real one:

    DATABASE_URL=sqlite:///var/synthetic.sqlite3 python manage.py migrate
    DATABASE_URL=sqlite:///var/synthetic.sqlite3 python manage.py generate_synthetic \\
        --authorities 150 --inspections 8

or a PostgreSQL database (``createdb -h 127.0.0.1 -U postgres inspections_synthetic``, then
``DATABASE_URL=postgres://postgres@127.0.0.1:5432/inspections_synthetic``).

Safety: the command refuses a database that holds any inspection that is not synthetic.
Every synthetic inspection is marked four ways: parser version "synthetic", a title
starting "SYNTHETIC", a source file name "synthetic-....txt" and the parse warning
:data:`SYNTHETIC_WARNING`. ``--clear`` deletes synthetic inspections and nothing else.

The generator makes what a parser makes, :class:`~ingest.parsers.base.ParsedReport`s built
with the vocabulary, and their rows are made by the loader's own builders
(:func:`ingest.load.inspection_from_report` and friends), written in bulk. The command lives
in ``devtools``, an app installed only with DEBUG (or DEVTOOLS=1) and in the tests.

Each inspection gets its framework's real judgement set (APA: 3 table grades + 5 outcome
words; SLAC: 22-33 over two sections; SIF: 6-7; ILACS: 4-5; ILACS from April 2026: 4),
grades printed as that framework prints them and read back with
:func:`vocabulary.read_grade`, areas from :func:`vocabulary.area_for`.
That is about 10 judgements per inspection, the real national volume. To measure at a
safe multiple of it, ``--judgements-per-inspection`` (default 33: 150 x 8 gives about
40,000 rows) tops each inspection up with extra graded sub-aspects in a section named
:data:`DETAIL_SECTION`; their labels map to outcome and sub-areas only, never to a
headline area, so timelines and comparisons still see one headline judgement per area.
``--judgements-per-inspection 0`` gives the real sets alone.

Source files: none is stored, as for inspections loaded from the national dataset, so
``manage.py ingest --replace`` leaves them alone.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from authorities.models import Authority
from ingest.corrections import parsed_rows
from ingest.load import inspection_from_report
from ingest.parsers.base import ParsedJudgement, ParsedRecommendation, ParsedReport
from ingest.parsers.common import FrontPage
from ingest.statistics import analyse_tables
from inspections import freshness
from inspections.models import Inspection, Judgement, Recommendation
from vocabulary import (
    HEADLINE_AREAS,
    Area,
    Framework,
    Grade,
    InspectionType,
    RecommendationKind,
    Timescale,
    area_for,
    read_grade,
)

SYNTHETIC_PARSER_VERSION = "synthetic"
SYNTHETIC_TITLE_PREFIX = "SYNTHETIC"
SYNTHETIC_WARNING = "Synthetic data for benchmarking: not a real inspection"
DETAIL_SECTION = "Synthetic detail (extra judgements for benchmark volume)"

BATCH_SIZE = 1000
MAX_RECOMMENDATIONS = 15
MIN_RECOMMENDATIONS = 5


def synthetic_inspections():
    """Every synthetic inspection in the database."""
    return Inspection.objects.filter(parser_version=SYNTHETIC_PARSER_VERSION)


def real_inspections():
    """Every inspection that is not synthetic: their presence makes the command refuse."""
    return Inspection.objects.exclude(parser_version=SYNTHETIC_PARSER_VERSION)


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class Slot:
    """One place on an authority's 2006-2026 timeline where an inspection can fall."""

    framework: Framework
    first_year: int
    last_year: int
    inspection_type: InspectionType = InspectionType.FULL


# Realistic order: three APA letters, one SLAC inspection, a SIF inspection and its
# re-inspection, three ILACS cycles, then an inspection under the April 2026 framework.
# An authority with N inspections gets N of these slots, chosen at random, in order.
TIMELINE: tuple[Slot, ...] = (
    Slot(Framework.APA, 2006, 2006),
    Slot(Framework.APA, 2007, 2007),
    Slot(Framework.APA, 2008, 2008),
    Slot(Framework.SLAC, 2009, 2012),
    Slot(Framework.SIF, 2013, 2015),
    Slot(Framework.SIF, 2016, 2017, InspectionType.REINSPECTION),
    Slot(Framework.ILACS, 2018, 2020, InspectionType.STANDARD),
    Slot(Framework.ILACS, 2021, 2022, InspectionType.STANDARD),
    Slot(Framework.ILACS, 2023, 2025, InspectionType.STANDARD),
    Slot(Framework.ILACS_2026, 2026, 2026, InspectionType.STANDARD),
)

# Days from the first to the last day of an inspection.
DURATIONS = {
    Framework.APA: 0,  # a letter carries one date
    Framework.SLAC: 11,
    Framework.SIF: 25,
    Framework.ILACS: 11,
    Framework.ILACS_2026: 11,
}
SHORT_ILACS_DURATION = 4


# --------------------------------------------------------------------------- printed grades

APA_NUMBERS = {1: "4", 2: "3", 3: "2", 4: "1"}  # APA: 4 is the best grade
APA_WORDS = {1: "excellent", 2: "good", 3: "adequate", 4: "inadequate"}
SLAC_WORDS = {1: "Outstanding", 2: "Good", 3: "Adequate", 4: "Inadequate"}
SIF_WORDS = {1: "Outstanding", 2: "Good", 3: "Requires improvement", 4: "Inadequate"}
ILACS_WORDS = {1: "Outstanding", 2: "Good", 3: "Requires improvement to be good", 4: "Inadequate"}
SIF_OVERALL_PHRASES = {
    1: "are outstanding",
    2: "are good",
    3: "require improvement to be good",
    4: "are inadequate",
}
LSCB_WORDS = {1: "outstanding", 2: "good", 3: "requires improvement", 4: "inadequate"}


def slac_printed(rank: int, numbered: bool) -> str:
    """ "Grade 2 (Good)" in the body, "Good" in the Record of main findings."""
    word = SLAC_WORDS[rank]
    return f"Grade {rank} ({word})" if numbered else word


# --------------------------------------------------------------------------- judgement sets

APA_TABLE = "Areas for judgement"
APA_TABLE_LABELS = (
    "The contribution of the local authority's children's services in maintaining and "
    "improving outcomes for children and young people",
    "The council's overall capacity to improve its services for children and young people",
    "The contribution of the local authority's social care services in maintaining and "
    "improving outcomes for children and young people",
)
APA_OUTCOMES = (
    "Being healthy",
    "Staying safe",
    "Enjoying and achieving",
    "Making a positive contribution",
    "Achieving economic well-being",
)

# The five outcomes for children as SLAC reports and the numbered detail tables name them
# (the APA calls the last "Achieving economic well-being").
SLAC_OUTCOMES = (
    "Being healthy",
    "Staying safe",
    "Enjoying and achieving",
    "Making a positive contribution",
    "Economic well-being",
)

SLAC_SAFEGUARDING = "Safeguarding services"
SLAC_LOOKED_AFTER = "Services for looked after children"
# Every section of every SLAC report opens with these.
SLAC_HEADLINE = ("Overall effectiveness", "Capacity for improvement")
# 2009-2010 layout (as Knowsley 2010): every sub-judgement of the Record of main findings,
# both sections ending with the same leadership and management ones.
SLAC_2010_LEADERSHIP = (
    "Leadership and management",
    "Ambition and prioritisation",
    "Evaluation, including performance management, quality assurance and workforce development",
    "User engagement",
    "Partnerships",
    "Equality and diversity",
    "Value for money",
)
SLAC_2010_LABELS = {
    SLAC_SAFEGUARDING: (
        *SLAC_HEADLINE,
        "Children and young people are safe: effectiveness of services in taking reasonable "
        "steps to ensure that children and young people are safe",
        "Children and young people feel safe: effectiveness of services in helping to ensure "
        "that children and young people feel safe",
        "Quality of provision",
        "Service responsiveness including complaints",
        "Assessment and direct work with children and families",
        "Case planning, review and recording",
        *SLAC_2010_LEADERSHIP,
    ),
    SLAC_LOOKED_AFTER: (
        *SLAC_HEADLINE,
        *SLAC_OUTCOMES,
        "Quality of provision",
        "Service responsiveness",
        "Assessment and direct work with children",
        "Case planning, review and recording",
        *SLAC_2010_LEADERSHIP,
    ),
}
# 2011-2012 layout (as St Helens 2012): fewer sub-judgements.
SLAC_2012_LABELS = {
    SLAC_SAFEGUARDING: (
        *SLAC_HEADLINE,
        "Children and young people are safe and feel safe",
        "Quality of provision",
        "The contribution of health agencies to keeping children and young people safe",
        "Ambition and prioritisation",
        "Leadership and management",
        "Performance management and quality assurance",
        "Partnership working",
        "Equality and diversity",
    ),
    SLAC_LOOKED_AFTER: (
        *SLAC_HEADLINE,
        "Being healthy",
        "Staying safe",
        "Enjoying and achieving",
        "Making a positive contribution, including user engagement",
        "Economic well-being",
        "Quality of provision",
        "Ambition and prioritisation",
        "Leadership and management",
        "Performance management and quality assurance",
        "Equality and diversity",
    ),
}

SIF_SUMMARY = "Summary of judgements"
SIF_LABELS = (
    "Children who need help and protection",
    "Children looked after and achieving permanence",
    "Adoption performance",
    "Experiences and progress of care leavers",
    "Leadership, management and governance",
)
SIF_LSCB = "The effectiveness of the Local Safeguarding Children Board"

ILACS_SECTION = "Judgements"
ILACS_LEADERS = "The impact of leaders on social work practice with children and families"
ILACS_HELP = "The experiences and progress of children who need help and protection"
ILACS_IN_CARE_AND_LEAVERS = "The experiences and progress of children in care and care leavers"
ILACS_IN_CARE = "The experiences and progress of children in care"
ILACS_LEAVERS = "The experiences and progress of care leavers"
ILACS_OVERALL = "Overall effectiveness"
ILACS_CARE_LEAVERS_SEPARATE_FROM = 2023

# Extra sub-aspects for --judgements-per-inspection. None maps to a headline area.
DETAIL_LABELS_NUMBERED = (
    *SLAC_OUTCOMES,
    "Quality of provision",
    "The contribution of health agencies to keeping children and young people safe",
    "Ambition and prioritisation",
    "Performance management and quality assurance",
    "User engagement",
    "Partnership working",
    "Equality and diversity",
    "Value for money",
    "Service responsiveness including complaints",
    "Assessment and direct work with children and families",
    "Case planning, review and recording",
)
DETAIL_LABELS_WORDS = (
    "Early help",
    "Private fostering",
    "Children missing from home, school or education",
    "Fostering services",
    "The virtual school",
    "Domestic abuse",
    "Child sexual exploitation",
    "Disabled children",
    "Quality of provision",
    "Performance management and quality assurance",
    "Partnership working",
    "Equality and diversity",
    "User engagement",
    "The contribution of health agencies",
    "Ambition and prioritisation",
    "Workforce stability and caseloads",
)

# --------------------------------------------------------------------------- recommendations

RECOMMENDATION_TEXTS = (
    "Ensure that all children in need of help and protection have an up-to-date assessment "
    "that is informed by their history.",
    "Improve the quality and regularity of social work supervision, so that it challenges "
    "practice and is recorded on children's files.",
    "Ensure that strategy meetings involve all relevant partner agencies and that decisions "
    "are recorded with their reasons.",
    "Strengthen management oversight of cases held in the assessment service.",
    "Improve the timeliness of initial child protection conferences.",
    "Ensure that care leavers are given their health histories and know how to access them.",
    "Improve the sufficiency of local placements for children in care, including foster care.",
    "Ensure that personal education plans are of good quality and reviewed every term.",
    "Review the arrangements for return home interviews for children who go missing.",
    "Ensure that pathway plans are written with young people and reflect their wishes.",
    "Reduce caseloads so that social workers have time for direct work with children.",
    "Ensure that the independent reviewing officer service is effective in challenging drift.",
    "Improve the recording of children's wishes and feelings in plans and reviews.",
    "Ensure that performance information is accurate and used by senior managers.",
    "Improve the quality of audits so that they focus on the impact of practice on children.",
    "Ensure that children subject to pre-proceedings work have timely plans.",
    "Strengthen the response to children at risk of child sexual exploitation.",
    "Ensure that all children in care have timely health assessments.",
    "Improve the stability of the workforce and reduce reliance on agency staff.",
    "Ensure that early help assessments are completed and reviewed consistently.",
    "Improve the quality of life story work for children with a plan for adoption.",
    "Ensure that suitable accommodation is available for every care leaver.",
    "Improve the multi-agency response to domestic abuse at the front door.",
    "Ensure that thresholds are understood and applied consistently by partner agencies.",
    "Ensure that disabled children receive timely assessments of their needs.",
    "Improve the analysis of risk in assessments and child protection plans.",
    "Ensure that managers record the rationale for key decisions on children's files.",
    "Improve the participation of children and young people in shaping services.",
    "Strengthen the corporate parenting board's scrutiny of outcomes for children in care.",
    "Ensure that children placed out of the area receive the same level of support.",
    "Improve the use of the virtual school to raise attainment of children in care.",
    "Ensure that private fostering arrangements are identified and assessed.",
    "Improve the timeliness of adoption for children waiting the longest.",
    "Ensure that care leavers in education, employment or training are well supported.",
    "Review the effectiveness of the quality assurance framework across all services.",
    "Ensure that the local safeguarding board monitors the impact of its training.",
    "Improve the quality of plans for children in need so that they are specific and measurable.",
    "Ensure that supervision of foster carers is regular and recorded.",
    "Improve the response to young people aged 16 and 17 who present as homeless.",
    "Ensure that learning from serious case reviews is embedded in practice.",
)
APA_FOCUS = "Aspects for focus in a future joint area review or the next APA"
SIF_IMPROVE = "What does the local authority need to improve?"
ILACS_IMPROVE = "What needs to improve?"
SLAC_TIMESCALES = (
    Timescale.IMMEDIATELY,
    Timescale.WITHIN_THREE_MONTHS,
    Timescale.WITHIN_THREE_MONTHS,
    Timescale.WITHIN_SIX_MONTHS,
    Timescale.WITHIN_SIX_MONTHS,
)

INSPECTOR_FIRST = ("Alison", "Brian", "Claire", "David", "Fiona", "Graham", "Helen", "Ian")
INSPECTOR_LAST = ("Ashworth", "Bennett", "Cole", "Dunn", "Ellis", "Foster", "Grant", "Hughes")


# --------------------------------------------------------------------------- generation


@cache
def _grade(framework: str, printed: str) -> Grade:
    grade = read_grade(framework, printed)
    if grade is None:  # the generator prints grades as the framework does: a bug here
        raise CommandError(f"generate_synthetic printed '{printed}', which {framework} cannot read")
    return grade


@cache
def _area(framework: str, section: str, label: str) -> Area:
    return area_for(framework, section, label)


class Generator:
    """Makes the unsaved rows for one authority's inspections from a seeded random source."""

    def __init__(self, rng: random.Random, seed: int, detail_target: int, today: date):
        self.rng = rng
        self.seed = seed
        self.detail_target = detail_target
        self.today = today

    def inspections_for(self, authority: Authority, count: int) -> list[Synthetic]:
        rng = self.rng
        slots = [TIMELINE[i] for i in sorted(rng.sample(range(len(TIMELINE)), count))]
        # A latent quality (1 best .. 4 worst) that drifts between inspections, so an
        # authority's grades hang together over time as real ones do.
        quality = rng.uniform(1.5, 3.5)
        made = []
        for number, slot in enumerate(slots, start=1):
            quality = min(4.0, max(1.0, quality + rng.gauss(0, 0.45)))
            made.append(self._inspection(authority, slot, number, quality))
        return made

    def _rank(self, quality: float) -> int:
        return min(4, max(1, round(quality + self.rng.gauss(0, 0.5))))

    def _dates(self, slot: Slot, inspection_type: str) -> tuple[date, date, date | None]:
        rng = self.rng
        year = rng.randint(slot.first_year, slot.last_year)
        if slot.framework == Framework.APA:
            letter = date(year, 11, 1) + timedelta(days=rng.randint(0, 50))
            return letter, letter, letter
        if slot.framework == Framework.ILACS_2026:
            first, last = date(year, 5, 1), min(date(year, 10, 31), self.today - timedelta(30))
        else:
            first, last = date(year, 1, 10), date(year, 11, 20)
        start = first + timedelta(days=rng.randint(0, max(0, (last - first).days)))
        start -= timedelta(days=start.weekday())  # inspections start on a Monday
        duration = (
            SHORT_ILACS_DURATION
            if inspection_type == InspectionType.SHORT
            else DURATIONS[slot.framework]
        )
        end = start + timedelta(days=duration)
        published = end + timedelta(days=rng.randint(25, 50))
        return start, end, (published if published <= self.today else None)

    def _inspection(self, authority: Authority, slot: Slot, number: int, quality: float):
        inspection_type = slot.inspection_type
        if slot.framework == Framework.ILACS and quality < 2.3 and self.rng.random() < 0.6:
            inspection_type = InspectionType.SHORT  # good authorities get short inspections
        start, end, published = self._dates(slot, inspection_type)
        fingerprint = f"synthetic|{self.seed}|{authority.slug}|{number}|{slot.framework}|{start}"
        digest = hashlib.sha256(fingerprint.encode()).hexdigest()
        lead_inspector = f"{self.rng.choice(INSPECTOR_FIRST)} {self.rng.choice(INSPECTOR_LAST)}"
        rows = self._judgement_rows(authority, slot.framework, inspection_type, start, quality)
        rows += self._detail_rows(slot.framework, quality, already=len(rows))
        judgements = [
            ParsedJudgement(
                section=section,
                label=label,
                grade_as_printed=printed,
                grade=_grade(slot.framework, printed),
                area=_area(slot.framework, section, label),
                page=self.rng.randint(1, 40) if slot.framework != Framework.APA else 1,
            )
            for section, label, printed in rows
        ]
        # The report a parser would have made of its front page and body.
        front = FrontPage(
            title=self._title(authority, slot.framework, start.year),
            authority=authority.name,
            start=start,
            end=end,
            published=published,
        )
        report = front.report(
            slot.framework,
            inspection_type,
            SYNTHETIC_PARSER_VERSION,
            lead_inspector=lead_inspector,
            judgements=judgements,
            recommendations=self._recommendations(slot.framework, start.year),
            warnings=[SYNTHETIC_WARNING],
        )
        filename = f"synthetic-{authority.slug}-{start.year}-{slot.framework}-{digest[:8]}.txt"
        return Synthetic(authority, report, digest, filename)

    @staticmethod
    def _title(authority: Authority, framework: str, year: int) -> str:
        name = authority.name
        titles = {
            Framework.APA: f"{year} ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND "
            f"YOUNG PEOPLE IN {authority.official_name.upper()}",
            Framework.SLAC: "Inspection of safeguarding and looked after children services",
            Framework.SIF: "Inspection of services for children in need of help and protection, "
            "children looked after and care leavers",
            Framework.ILACS: "Inspection of children's social care services"
            if year <= 2020
            else f"Inspection of {name} local authority children's services",
            Framework.ILACS_2026: f"Inspection of {name} local authority children's services",
        }
        return f"{SYNTHETIC_TITLE_PREFIX}: {titles[framework]}"[:300]

    def _judgement_rows(
        self, authority: Authority, framework: str, inspection_type: str, start: date, quality
    ) -> list[tuple[str, str, str]]:
        """(section, label, grade as printed) for the framework's real judgement set."""

        def rank() -> int:
            return self._rank(quality)

        if framework == Framework.APA:
            rows = [(APA_TABLE, label, APA_NUMBERS[rank()]) for label in APA_TABLE_LABELS]
            return rows + [(o, o, APA_WORDS[rank()]) for o in APA_OUTCOMES]
        if framework == Framework.SLAC:
            labels = SLAC_2010_LABELS if start.year <= 2010 else SLAC_2012_LABELS
            numbered = self.rng.random() < 0.5
            return [
                (section, label, slac_printed(rank(), numbered))
                for section, section_labels in labels.items()
                for label in section_labels
            ]
        if framework == Framework.SIF:
            parts = [rank() for _ in SIF_LABELS]
            overall = max(parts[0], round(sum(parts) / len(parts)))  # help & protection limits it
            phrase = SIF_OVERALL_PHRASES[overall]
            rows = [(SIF_SUMMARY, f"Children's services in {authority.name} {phrase}", phrase)]
            rows += [
                (SIF_SUMMARY, lbl, SIF_WORDS[g]) for lbl, g in zip(SIF_LABELS, parts, strict=True)
            ]
            if inspection_type == InspectionType.FULL:
                word = LSCB_WORDS[rank()]
                label = (
                    f"The effectiveness of the Local Safeguarding Children Board (LSCB) is {word}"
                )
                rows.append((SIF_LSCB, label, word))
            return rows
        # ILACS and ILACS from April 2026.
        if start.year >= ILACS_CARE_LEAVERS_SEPARATE_FROM:
            labels = (ILACS_LEADERS, ILACS_HELP, ILACS_IN_CARE, ILACS_LEAVERS)
        else:
            labels = (ILACS_LEADERS, ILACS_HELP, ILACS_IN_CARE_AND_LEAVERS)
        parts = [rank() for _ in labels]
        rows = [
            (ILACS_SECTION, label, ILACS_WORDS[g]) for label, g in zip(labels, parts, strict=True)
        ]
        if framework == Framework.ILACS:  # from April 2026 there is no overall judgement
            overall = max(parts[1], round(sum(parts) / len(parts)))
            rows.append((ILACS_SECTION, ILACS_OVERALL, ILACS_WORDS[overall]))
        return rows

    def _detail_rows(self, framework: str, quality: float, already: int):
        """Extra sub-aspect judgements up to --judgements-per-inspection (0: none)."""
        if not self.detail_target:
            return []
        wanted = max(0, self.detail_target + self.rng.randint(-3, 3) - already)
        if framework == Framework.APA:
            labels, words = DETAIL_LABELS_NUMBERED, APA_WORDS
        elif framework == Framework.SLAC:
            labels, words = DETAIL_LABELS_NUMBERED, SLAC_WORDS
        else:
            labels, words = DETAIL_LABELS_WORDS, SIF_WORDS
        rows = []
        for index in range(wanted):
            label = labels[index % len(labels)]
            if index >= len(labels):
                label = f"{label} ({index // len(labels) + 1})"
            rows.append((DETAIL_SECTION, label, words[self._rank(quality)]))
        return rows

    def _recommendations(self, framework: str, year: int) -> list[ParsedRecommendation]:
        rng = self.rng
        texts = rng.sample(
            RECOMMENDATION_TEXTS, rng.randint(MIN_RECOMMENDATIONS, MAX_RECOMMENDATIONS)
        )
        made = []
        for text in texts:
            section, timescale, kind = ILACS_IMPROVE, Timescale.NONE_STATED, None
            if framework == Framework.APA:
                if rng.random() < 0.3:
                    section, kind = APA_FOCUS, RecommendationKind.ASPECT_FOR_FOCUS
                else:
                    section = rng.choice(APA_OUTCOMES)
                    kind = RecommendationKind.AREA_FOR_IMPROVEMENT
            elif framework == Framework.SLAC:
                section = rng.choice((SLAC_SAFEGUARDING, SLAC_LOOKED_AFTER))
                timescale = rng.choice(SLAC_TIMESCALES)
                kind = RecommendationKind.AREA_FOR_IMPROVEMENT
            elif framework == Framework.SIF:
                section = SIF_IMPROVE if year <= 2014 else "Recommendations"
            made.append(
                ParsedRecommendation(
                    section=section,
                    timescale=timescale,
                    kind=kind or RecommendationKind.RECOMMENDATION,
                    text=text,
                    page=rng.randint(2, 12),
                )
            )
        return made


@dataclass(frozen=True)
class Synthetic:
    """A made-up report, as a parser would hand it over, with its file's identity."""

    authority: Authority
    report: ParsedReport
    sha256: str
    source_filename: str

    def rows(self) -> tuple[Inspection, list[Judgement], list[Recommendation]]:
        """Unsaved rows, made by the loader's own builders."""
        inspection = inspection_from_report(self.authority, self.report)
        inspection.sha256 = self.sha256
        inspection.source_filename = self.source_filename
        inspection.is_published = True
        judgements, recommendations = parsed_rows(inspection, self.report)
        return inspection, judgements, recommendations


# --------------------------------------------------------------------------- command


class Command(BaseCommand):
    help = (
        "Fill a SEPARATE database with clearly marked synthetic inspections for benchmarking. "
        "Refuses a database holding any real inspection. --clear deletes synthetic ones only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authorities", type=int, default=150, metavar="N")
        parser.add_argument(
            "--inspections",
            type=int,
            default=8,
            metavar="N",
            help=f"per authority, 1-{len(TIMELINE)} (default 8)",
        )
        parser.add_argument(
            "--judgements-per-inspection",
            type=int,
            default=33,
            metavar="N",
            help="top inspections up with extra sub-aspect judgements to about N on average "
            "(default 33: 150 x 8 gives ~40,000); 0 = each framework's real set only",
        )
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--clear", action="store_true", help="delete synthetic inspections and stop"
        )

    def handle(self, *args, **options):
        database = f"{connection.vendor} database {connection.settings_dict['NAME']}"
        if options["clear"]:
            deleted = self._clear()
            self.stdout.write(f"Deleted {deleted} synthetic inspections from the {database}.")
            return

        authorities_wanted = options["authorities"]
        per_authority = options["inspections"]
        if authorities_wanted < 1:
            raise CommandError("--authorities must be at least 1")
        if not 1 <= per_authority <= len(TIMELINE):
            raise CommandError(
                f"--inspections must be between 1 and {len(TIMELINE)} "
                "(the frameworks of 2006-2026 leave room for that many per authority)"
            )
        if options["judgements_per_inspection"] < 0:
            raise CommandError("--judgements-per-inspection cannot be negative")
        self._refuse_unsafe_database(database)

        authorities = list(Authority.objects.current().order_by("name")[:authorities_wanted])
        if len(authorities) < authorities_wanted:
            raise CommandError(
                f"only {len(authorities)} current authorities in the reference data; "
                f"asked for {authorities_wanted}"
            )

        started = time.perf_counter()
        generator = Generator(
            random.Random(options["seed"]),
            options["seed"],
            options["judgements_per_inspection"],
            timezone.localdate(),
        )
        inspections: list[Inspection] = []
        judgements: list[Judgement] = []
        recommendations: list[Recommendation] = []
        for authority in authorities:
            for synthetic in generator.inspections_for(authority, per_authority):
                inspection, its_judgements, its_recommendations = synthetic.rows()
                inspections.append(inspection)
                judgements.extend(its_judgements)
                recommendations.extend(its_recommendations)
        generated = time.perf_counter() - started

        with transaction.atomic():
            # bulk_create sets primary keys on SQLite and PostgreSQL, so the child rows
            # built against these objects pick up their inspection ids when saved.
            Inspection.objects.bulk_create(inspections, batch_size=BATCH_SIZE)
            Judgement.objects.bulk_create(judgements, batch_size=BATCH_SIZE)
            Recommendation.objects.bulk_create(recommendations, batch_size=BATCH_SIZE)
        analyse_tables()  # fresh planner statistics for the rows just written
        elapsed = time.perf_counter() - started
        self._report(
            database, authorities, inspections, judgements, recommendations, generated, elapsed
        )

    def _refuse_unsafe_database(self, database: str) -> None:
        real = real_inspections().count()
        if real:
            raise CommandError(
                f"the {database} holds {real} real (non-synthetic) inspections: refusing to mix "
                "synthetic data into it. Point DATABASE_URL at a separate database, e.g. "
                "DATABASE_URL=sqlite:///var/synthetic.sqlite3"
            )
        existing = synthetic_inspections().count()
        if existing:
            raise CommandError(
                f"the {database} already holds {existing} synthetic inspections: "
                "run with --clear first"
            )

    def _clear(self) -> int:
        # One data-version bump for the whole clear, not one (and a WAL sync) per row.
        with transaction.atomic(), freshness.batch():
            ids = synthetic_inspections().values("pk")
            Judgement.objects.filter(inspection__in=ids).delete()
            Recommendation.objects.filter(inspection__in=ids).delete()
            deleted, _ = synthetic_inspections().delete()
        return deleted

    def _report(
        self, database, authorities, inspections, judgements, recommendations, generated, elapsed
    ) -> None:
        by_framework = Counter(inspection.framework_display for inspection in inspections)
        judgements_by_framework = Counter(j.inspection.framework for j in judgements)
        detail = sum(1 for j in judgements if j.section == DETAIL_SECTION)
        headline = sum(1 for j in judgements if j.area in HEADLINE_AREAS)
        self.stdout.write(
            f"Wrote {len(inspections):,} synthetic inspections of {len(authorities)} authorities "
            f"to the {database}:\n"
            f"  {len(judgements):,} judgements ({len(judgements) / len(inspections):.1f} per "
            f"inspection; {detail:,} of them extra detail rows, {headline:,} in headline areas)\n"
            f"  {len(recommendations):,} recommendations\n"
            f"  in {elapsed:.1f} s ({generated:.1f} s generating, "
            f"{elapsed - generated:.1f} s writing)"
        )
        self.stdout.write("  inspections by framework:")
        for name, count in sorted(by_framework.items()):
            self.stdout.write(f"    {name}: {count:,}")
        self.stdout.write("  judgements by framework:")
        for framework, count in sorted(judgements_by_framework.items()):
            self.stdout.write(f"    {Framework(framework).label}: {count:,}")
