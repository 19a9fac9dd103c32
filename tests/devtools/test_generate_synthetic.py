"""The generate_synthetic command: volume, marking, realistic judgement sets, safety, --clear."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from authorities.models import Authority
from devtools.management.commands.generate_synthetic import (
    DETAIL_SECTION,
    SYNTHETIC_WARNING,
)
from inspections.models import Inspection, Judgement, Recommendation
from vocabulary import (
    HEADLINE_AREAS,
    Area,
    Framework,
    area_for,
    read_grade,
)

pytestmark = pytest.mark.django_db


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generate_synthetic", *args, stdout=out)
    return out.getvalue()


def real_inspection() -> Inspection:
    return Inspection.objects.create(
        authority=Authority.objects.get(slug="knowsley"),
        framework=Framework.SIF,
        title="Inspection of services for children in need of help and protection",
        start_date=date(2014, 4, 29),
        end_date=date(2014, 5, 21),
        source_file="reports/2014/knowsley.pdf",
        source_filename="knowsley-2014-sif.pdf",
        sha256="a" * 64,
        parser_version="sif-1",
    )


def snapshot() -> list[tuple]:
    return [
        (
            i.authority.slug,
            i.framework,
            i.inspection_type,
            i.start_date,
            tuple((j.label, j.grade_as_printed) for j in i.judgements.all()),
            tuple(r.text for r in i.recommendations.all()),
        )
        for i in Inspection.objects.select_related("authority")
        .prefetch_related("judgements", "recommendations")
        .order_by("authority__name", "start_date")
    ]


def test_counts_and_totals_printed():
    output = generate("--authorities", "3", "--inspections", "4")

    first_three = list(Authority.objects.current().order_by("name")[:3])
    inspections = Inspection.objects.all()
    assert inspections.count() == 12
    assert {i.authority for i in inspections} == set(first_three)
    for authority in first_three:
        assert inspections.filter(authority=authority).count() == 4
    judgements = Judgement.objects.count()
    recommendations = Recommendation.objects.count()
    assert "12 synthetic inspections of 3 authorities" in output
    assert f"{judgements:,} judgements" in output
    assert f"{recommendations:,} recommendations" in output
    # The default tops inspections up to about 33 judgements on average.
    assert 28 <= judgements / 12 <= 38
    for inspection in inspections.prefetch_related("recommendations"):
        assert 5 <= len(inspection.recommendations.all()) <= 15


def test_every_row_is_marked_synthetic():
    generate("--authorities", "3", "--inspections", "4")

    inspections = list(Inspection.objects.all())
    assert inspections
    for inspection in inspections:
        assert inspection.title.startswith("SYNTHETIC")
        assert inspection.source_filename.startswith("synthetic-")
        assert inspection.source_filename.endswith(".txt")
        assert inspection.parser_version == "synthetic"
        assert SYNTHETIC_WARNING in inspection.parse_warnings
        assert SYNTHETIC_WARNING == "Synthetic data for benchmarking: not a real inspection"
        assert len(inspection.sha256) == 64
        assert not inspection.source_file  # no file: `ingest --replace` leaves them alone
        assert all(j.parsed_key for j in inspection.judgements.all())  # the loader's rows
    assert len({i.sha256 for i in inspections}) == len(inspections)


def test_ingest_replace_leaves_synthetic_inspections_alone():
    generate("--authorities", "1", "--inspections", "2")
    out = StringIO()
    call_command("ingest", "--replace", "--all", stdout=out)
    assert "0 files" in out.getvalue()
    assert Inspection.objects.count() == 2


def test_timelines_are_in_realistic_order():
    generate("--authorities", "3", "--inspections", "10")

    era = {
        Framework.APA: 0,
        Framework.SLAC: 1,
        Framework.SIF: 2,
        Framework.ILACS: 3,
        Framework.ILACS_2026: 4,
    }
    for authority in Authority.objects.filter(inspections__isnull=False).distinct():
        timeline = list(authority.inspections.order_by("start_date"))
        assert len(timeline) == 10
        eras = [era[Framework(i.framework)] for i in timeline]
        assert eras == sorted(eras)
        assert date(2006, 1, 1) <= timeline[0].start_date
        assert timeline[-1].end_date <= date(2026, 12, 31)
        assert timeline[-1].framework == Framework.ILACS_2026
        assert timeline[-1].start_date >= date(2026, 4, 1)
        assert all(i.start_date <= i.end_date for i in timeline)


def test_real_judgement_sets_per_framework():
    generate("--authorities", "3", "--inspections", "10", "--judgements-per-inspection", "0")

    sizes = {
        Framework.APA: {8},
        Framework.SLAC: set(range(20, 34)),
        Framework.SIF: {6, 7},
        Framework.ILACS: {4, 5},
        Framework.ILACS_2026: {4},
    }
    assert not Judgement.objects.filter(section=DETAIL_SECTION).exists()
    for inspection in Inspection.objects.prefetch_related("judgements"):
        judgements = list(inspection.judgements.all())
        assert len(judgements) in sizes[Framework(inspection.framework)], inspection.title
        areas = [j.area for j in judgements]
        if inspection.framework == Framework.APA:
            table = [j.grade_as_printed for j in judgements if j.section == "Areas for judgement"]
            assert len(table) == 3 and all(p in {"1", "2", "3", "4"} for p in table)
        if inspection.framework in (Framework.APA, Framework.SIF, Framework.ILACS):
            assert areas.count(Area.OVERALL) == 1
        if inspection.framework == Framework.ILACS_2026:
            assert Area.OVERALL not in areas  # no overall judgement from April 2026
        if inspection.framework == Framework.SLAC:
            assert {Area.HELP_AND_PROTECTION, Area.CHILDREN_IN_CARE} <= set(areas)


def test_grades_and_areas_come_from_the_grades_module():
    generate("--authorities", "2", "--inspections", "10")

    judgements = Judgement.objects.select_related("inspection")
    for judgement in judgements:
        framework = judgement.inspection.framework
        assert judgement.grade
        assert judgement.grade == read_grade(framework, judgement.grade_as_printed)
        assert judgement.area == area_for(framework, judgement.section, judgement.label)
        if judgement.section == DETAIL_SECTION:
            # Extra rows never add a second headline judgement to an inspection.
            assert judgement.area not in HEADLINE_AREAS
        if framework == Framework.APA and judgement.grade_as_printed == "4":
            assert judgement.grade == "outstanding"  # APA: 4 is the best grade
    assert judgements.count() > 0


def test_refuses_a_database_with_real_inspections():
    real_inspection()

    with pytest.raises(CommandError, match="real"):
        generate("--authorities", "3", "--inspections", "4")

    assert Inspection.objects.count() == 1
    assert not Judgement.objects.exists()


def test_refuses_to_add_to_existing_synthetic_data():
    generate("--authorities", "2", "--inspections", "2")

    with pytest.raises(CommandError, match="--clear"):
        generate("--authorities", "2", "--inspections", "2")
    assert Inspection.objects.count() == 4


def test_clear_deletes_synthetic_inspections_only():
    generate("--authorities", "3", "--inspections", "4")
    real = real_inspection()
    Judgement.objects.create(inspection=real, section="Summary", label="Adoption", grade="good")

    output = generate("--clear")

    assert "Deleted 12 synthetic inspections" in output
    assert list(Inspection.objects.all()) == [real]
    assert list(Judgement.objects.values_list("inspection", flat=True)) == [real.pk]
    assert not Recommendation.objects.exists()


def test_clear_bumps_the_data_version_once(django_capture_on_commit_callbacks):
    generate("--authorities", "2", "--inspections", "3")

    with django_capture_on_commit_callbacks() as callbacks:
        generate("--clear")

    # One bump for the clear, not one per deleted row (each a commit on PostgreSQL).
    assert len(callbacks) == 1


def test_seed_makes_runs_reproducible():
    generate("--authorities", "2", "--inspections", "5", "--seed", "7")
    first = snapshot()
    generate("--clear")
    generate("--authorities", "2", "--inspections", "5", "--seed", "7")
    again = snapshot()
    generate("--clear")
    generate("--authorities", "2", "--inspections", "5", "--seed", "8")

    assert first == again
    assert snapshot() != first


def test_rejects_impossible_numbers():
    with pytest.raises(CommandError):
        generate("--inspections", "11")
    with pytest.raises(CommandError, match="current authorities"):
        generate("--authorities", "1000")
    assert not Inspection.objects.exists()
