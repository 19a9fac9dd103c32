"""Small builders of published inspections for the page, CSV and browser tests.

Rows are created with the model classes directly (fast, and independent of the parsers);
the reference authorities come from the data migration.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile

from authorities.models import Authority
from inspections.models import Inspection, Judgement, Recommendation
from official.models import OfficialRecord
from vocabulary import (
    Area,
    Framework,
    Grade,
    InspectionType,
    RecommendationKind,
    Timescale,
    area_for,
    read_grade,
)

_counter = itertools.count(1)


@dataclass
class J:
    """A judgement to create: section, label and grade as printed; area and grade derived."""

    label: str
    printed: str
    section: str = ""
    area: str | None = None  # None: grades.area_for() decides, as the parsers do
    grade: str | None = None  # None: grades.read_grade() decides; "" makes it unreadable
    page: int | None = None


@dataclass
class R:
    text: str
    section: str = "Recommendations"
    timescale: str = Timescale.NONE_STATED
    kind: str = RecommendationKind.RECOMMENDATION
    national_framework: str = ""  # "outcome 4"; several joined by "; "


def authority(slug: str) -> Authority:
    return Authority.objects.get(slug=slug)


def make_inspection(
    authority_or_slug: Authority | str,
    framework: str,
    start: date,
    judgements: list[J] = (),
    recommendations: list[R] = (),
    *,
    inspection_type: str = InspectionType.FULL,
    end: date | None = None,
    published_on: date | None = None,
    published: bool = True,
    warnings: list[str] | None = None,
    lead_inspector: str = "A Inspector",
    title: str | None = None,
    file_bytes: bytes | None = None,
    filename: str | None = None,
) -> Inspection:
    """Create one inspection with its judgements (order = list order) and recommendations."""
    la = authority(authority_or_slug) if isinstance(authority_or_slug, str) else authority_or_slug
    number = next(_counter)
    end = end or start + timedelta(days=11)
    filename = filename or f"{la.slug}-{start.year}-{framework}-{number}.pdf"
    inspection = Inspection(
        authority=la,
        framework=framework,
        inspection_type=inspection_type,
        title=title or f"Inspection of {la.name} children's services",
        start_date=start,
        end_date=end,
        published_on=published_on if published_on is not None else end + timedelta(days=30),
        lead_inspector=lead_inspector,
        source_filename=filename,
        sha256=f"{number:064x}",
        parser_version="test",
        parse_warnings=list(warnings or []),
        is_published=published,
    )
    if file_bytes is not None:
        inspection.source_file.save(filename, ContentFile(file_bytes), save=False)
    else:
        inspection.source_file.name = f"reports/{start.year}/{filename}"
    inspection.save()
    Judgement.objects.bulk_create(
        Judgement(
            inspection=inspection,
            section=j.section,
            label=j.label,
            grade_as_printed=j.printed,
            grade=(read_grade(framework, j.printed) or "") if j.grade is None else j.grade,
            area=j.area or area_for(framework, j.section, j.label),
            order=order,
            page=j.page,
        )
        for order, j in enumerate(judgements, start=1)
    )
    Recommendation.objects.bulk_create(
        Recommendation(
            inspection=inspection,
            section=r.section,
            timescale=r.timescale,
            kind=r.kind,
            text=r.text,
            order=order,
            national_framework=r.national_framework,
        )
        for order, r in enumerate(recommendations, start=1)
    )
    return inspection


def ilacs(
    slug,
    start: date,
    overall: str,
    help_: str,
    care: str,
    leaders: str,
    care_leavers: str | None = None,
    **kwargs,
):
    """An ILACS inspection (words as printed); from 2023 care leavers are judged apart."""
    care_judgements = (
        [J("The experiences and progress of children in care and care leavers", care, "Judgements")]
        if care_leavers is None
        else [
            J("The experiences and progress of children in care", care, "Judgements"),
            J("The experiences and progress of care leavers", care_leavers, "Judgements"),
        ]
    )
    return make_inspection(
        slug,
        Framework.ILACS,
        start,
        [
            J(
                "The impact of leaders on social work practice with children and families",
                leaders,
                "Judgements",
            ),
            J(
                "The experiences and progress of children who need help and protection",
                help_,
                "Judgements",
            ),
            *care_judgements,
            J("Overall effectiveness", overall, "Judgements"),
        ],
        kwargs.pop(
            "recommendations", [R("The quality of plans for children.", "What needs to improve?")]
        ),
        inspection_type=InspectionType.STANDARD,
        **kwargs,
    )


def focused_visit(
    slug: str,
    start: date,
    *,
    focus: str = "Inspectors looked at the local authority's arrangements for care leavers.",
    priority: list[str] = (),
    improve: list[str] = ("Pathway plans.",),
    **kwargs,
) -> Inspection:
    """An ungraded focused visit letter: no judgements, its lists as recommendations."""
    inspection = make_inspection(
        slug,
        Framework.FOCUSED_VISIT,
        start,
        [],
        [
            *(
                R(text, "Areas for priority action", kind=RecommendationKind.PRIORITY_ACTION)
                for text in priority
            ),
            *(
                R(
                    text,
                    "What needs to improve in this area of social work practice?",
                    kind=RecommendationKind.AREA_FOR_IMPROVEMENT,
                )
                for text in improve
            ),
        ],
        inspection_type=InspectionType.VISIT,
        end=kwargs.pop("end", start + timedelta(days=1)),
        title=kwargs.pop("title", f"Focused visit to {slug.title()} children's services"),
        **kwargs,
    )
    inspection.focus = focus
    inspection.save(update_fields=["focus"])
    return inspection


def slac(slug: str, start: date, safeguarding: str, looked_after: str, **kwargs):
    """A 2009-2012 inspection: two sections, each judging overall, capacity and leadership."""
    sg, lac = "Safeguarding services", "Services for looked after children"
    return make_inspection(
        slug,
        Framework.SLAC,
        start,
        [
            J("Overall effectiveness", safeguarding, sg),
            J("Capacity for improvement", "Good", sg),
            J("Leadership and management", "Good", sg),
            J("Overall effectiveness", looked_after, lac),
            J("Capacity for improvement", "Adequate", lac),
            J("Leadership and management", "Outstanding", lac),
        ],
        kwargs.pop(
            "recommendations",
            [
                R(
                    "Ensure that all child protection plans are reviewed.",
                    sg,
                    Timescale.IMMEDIATELY,
                    RecommendationKind.AREA_FOR_IMPROVEMENT,
                ),
                R(
                    "Improve the recording of case analysis.",
                    sg,
                    Timescale.WITHIN_THREE_MONTHS,
                    RecommendationKind.AREA_FOR_IMPROVEMENT,
                ),
                R(
                    "Strengthen personal education plans.",
                    lac,
                    Timescale.WITHIN_SIX_MONTHS,
                    RecommendationKind.AREA_FOR_IMPROVEMENT,
                ),
            ],
        ),
        **kwargs,
    )


def knowsley_history() -> list[Inspection]:
    """Knowsley's six inspections 2006-2024 as published (grades as in the real reports)."""
    apa = make_inspection(
        "knowsley",
        Framework.APA,
        date(2006, 11, 1),
        [
            J(
                "The contribution of the local authority's children's services in maintaining and improving outcomes for children and young people",
                "4",
                "Areas for judgement",
            ),
            J(
                "The council's overall capacity to improve its services for children and young people",
                "4",
                "Areas for judgement",
            ),
            J("Staying safe", "excellent", "Staying safe"),
        ],
        [R("attendance.", "Enjoying and achieving", kind=RecommendationKind.AREA_FOR_IMPROVEMENT)],
        end=date(2006, 11, 1),
        published_on=date(2006, 11, 1),
        title="2006 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN KNOWSLEY",
    )
    slac_2010 = slac("knowsley", date(2010, 2, 1), "Good", "Good")
    sif_2014 = make_inspection(
        "knowsley",
        Framework.SIF,
        date(2014, 4, 29),
        [
            J("The overall judgement is inadequate", "inadequate", "Summary of judgements"),
            J("Children who need help and protection", "Inadequate", "Summary of judgements"),
            J(
                "Children looked after and achieving permanence",
                "Requires improvement",
                "Summary of judgements",
            ),
            J(
                "Experiences and progress of care leavers",
                "Requires improvement",
                "Summary of judgements",
            ),
            J("Leadership, management and governance", "Inadequate", "Summary of judgements"),
        ],
        [
            R(
                "Ensure that care leavers are provided with information about their entitlements.",
                "What does the local authority need to improve?",
                Timescale.IMMEDIATELY,
            )
        ],
    )
    sif_2017 = make_inspection(
        "knowsley",
        Framework.SIF,
        date(2017, 3, 13),
        [
            J(
                "Children’s services in Knowsley require improvement to be good",
                "require improvement to be good",
                "Summary of judgements",
            ),
            J(
                "Children who need help and protection",
                "Requires improvement",
                "Summary of judgements",
            ),
            J(
                "Children looked after and achieving permanence",
                "Requires improvement",
                "Summary of judgements",
            ),
            J("Experiences and progress of care leavers", "Good", "Summary of judgements"),
            J("Leadership, management and governance", "Good", "Summary of judgements"),
        ],
        [R("Ensure that all care leavers have access to their health histories.")],
        inspection_type=InspectionType.REINSPECTION,
    )
    ilacs_2021 = ilacs(
        "knowsley",
        date(2021, 10, 11),
        "Requires improvement to be good",
        "Requires improvement to be good",
        "Requires improvement to be good",
        "Requires improvement to be good",
        recommendations=[
            R(
                "The quality and impact of the support provided to care leavers.",
                "What needs to improve?",
            )
        ],
    )
    ilacs_2024 = ilacs(
        "knowsley",
        date(2024, 11, 18),
        "Inadequate",
        "Inadequate",
        "Requires improvement to be good",
        "Inadequate",
        care_leavers="Inadequate",
    )
    return [apa, slac_2010, sif_2014, sif_2017, ilacs_2021, ilacs_2024]


def merseyside() -> dict[str, list[Inspection]]:
    """Knowsley's history plus Liverpool's and St Helens' recent inspections."""
    return {
        "knowsley": knowsley_history(),
        "liverpool": [
            slac("liverpool", date(2011, 2, 21), "Good", "Good"),
            ilacs("liverpool", date(2018, 5, 14), *["Requires improvement to be good"] * 4),
            ilacs(
                "liverpool",
                date(2023, 3, 13),
                "Inadequate",
                "Inadequate",
                "Requires improvement to be good",
                "Inadequate",
                care_leavers="Inadequate",
            ),
        ],
        "st-helens": [
            slac("st-helens", date(2012, 6, 25), "Good", "Adequate"),
            ilacs("st-helens", date(2019, 6, 3), "Good", "Good", "Good", "Good"),
        ],
    }


GRADE_WORDS = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "Requires improvement to be good",
    Grade.INADEQUATE: "Inadequate",
}


def bulk_national(authorities: int, inspections_each: int, first_year: int = 2018) -> None:
    """Synthetic ILACS inspections of the first ``authorities`` current authorities."""
    words = list(GRADE_WORDS.values())
    for a_index, la in enumerate(Authority.objects.current().order_by("pk")[:authorities]):
        for i in range(inspections_each):
            grade = words[(a_index + i) % 4]
            ilacs(
                la,
                date(first_year + i, 3, 1 + a_index % 27),
                grade,
                grade,
                grade,
                grade,
                recommendations=[R(f"Recommendation {n} for {la.name}.") for n in range(3)],
            )


__all__ = ["Area", "J", "R", "authority", "make_inspection"]


# Where a row of Ofsted's official statistics stands: a release, its sheet and row.
OFFICIAL_ROW = dict(
    release="Local authority inspection outcomes as at 31 March 2025",
    release_published_on=date(2025, 9, 25),
    file_name="release.ods",
    sheet="In-year_inspections",
    row=4,
    event="ILACS Standard Inspection",
)


def official_record(
    inspection: Inspection, judgements: tuple[tuple[str, str], ...] | list = (), **values
) -> OfficialRecord:
    """A row of Ofsted's official statistics kept beside ``inspection``, with its
    judgements as (label, grade as printed); ``values`` override the row's fields."""
    record = OfficialRecord.objects.create(
        **{
            **OFFICIAL_ROW,
            "authority": inspection.authority,
            "name_in_table": inspection.authority.name,
            "framework": inspection.framework,
            "start_date": inspection.start_date,
            "inspection": inspection,
            **values,
        }
    )
    for order, (label, printed) in enumerate(judgements, start=1):
        record.judgements.create(order=order, label=label, grade_as_printed=printed)
    return record
