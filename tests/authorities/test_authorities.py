"""Reference data and authority name resolution."""

from __future__ import annotations

import pytest

from authorities.models import Authority, AuthorityName, StatisticalNeighbour, UnknownAuthorityName
from authorities.names import core_key, light_key
from authorities.reference import load_reference_data, read_reference

pytestmark = pytest.mark.django_db


def test_every_english_authority_is_loaded_with_codes_and_region():
    knowsley = Authority.objects.get(slug="knowsley")
    assert (knowsley.gss_code, knowsley.la_number, knowsley.region) == (
        "E08000011",
        "340",
        "north-west",
    )
    assert knowsley.get_authority_type_display() == "Metropolitan district"
    st_helens = Authority.objects.get(la_number="342")
    assert (st_helens.name, st_helens.official_name, st_helens.slug) == (
        "St Helens",
        "St. Helens",
        "st-helens",
    )
    assert Authority.objects.current().count() == 153
    assert Authority.objects.count() == len(read_reference())


@pytest.mark.parametrize(
    ("printed", "slug"),
    [
        ("Knowsley Metropolitan Borough Council", "knowsley"),
        ("Knowsley Council", "knowsley"),
        ("KNOWSLEY", "knowsley"),
        ("St Helens", "st-helens"),
        ("St. Helens Council", "st-helens"),
        ("Liverpool City Council", "liverpool"),
        ("City of Bristol", "bristol"),
        ("Bristol City Council", "bristol"),
        ("Kingston upon Hull City Council", "kingston-upon-hull"),
        ("Royal Borough of Kingston upon Thames", "kingston-upon-thames"),
        ("London Borough of Barking and Dagenham", "barking-and-dagenham"),
        ("Birmingham Children's Trust", "birmingham"),
        ("Doncaster Children’s Services Trust", "doncaster"),
        ("Together for Children", "sunderland"),
        ("Dorset Council", "dorset"),
        ("Dorset County Council", "dorset-county-council"),
        ("Bournemouth Borough Council", "bournemouth"),
        ("Borough of Poole", "poole"),
        ("Northamptonshire County Council", "northamptonshire"),
        ("Cumbria County Council", "cumbria"),
        ("Surrey Safeguarding Children Board", "surrey"),
        # As the national corpus prints them.
        ("Bristol, City of", "bristol"),
        ("Bristol City of", "bristol"),
        ("Wakefield District Metropolitan Council", "wakefield"),
        ("Calderdale Metropolitan Council", "calderdale"),
        ("Tameside metropolitan borough", "tameside"),
        ("Dudley MBC", "dudley"),
        ("East Riding", "east-riding-of-yorkshire"),
        ("East Riding of Yorkshire Council", "east-riding-of-yorkshire"),
        ("Newcastle", "newcastle-upon-tyne"),
        ("Royal Borough of Kensington and Chelsea", "kensington-and-chelsea"),
        ("London Borough of Richmond upon Thames", "richmond-upon-thames"),
        ("City of Bradford Metropolitan District Council", "bradford"),
    ],
)
def test_report_spellings_resolve_to_one_authority(printed, slug):
    assert Authority.objects.resolve(printed).slug == slug


def test_unknown_name_is_an_error_saying_how_to_add_it():
    with pytest.raises(UnknownAuthorityName, match="add it under Authorities"):
        Authority.objects.resolve("Atlantis Borough Council")
    with pytest.raises(UnknownAuthorityName):
        Authority.objects.resolve("")


def test_former_authorities_are_marked_and_linked_to_successors():
    cumbria = Authority.objects.get(slug="cumbria")
    assert cumbria.is_former
    assert {a.slug for a in cumbria.successors.all()} == {"cumberland", "westmorland-and-furness"}
    for slug in ("northamptonshire", "poole", "bournemouth", "dorset-county-council"):
        assert Authority.objects.get(slug=slug).is_former
    assert not Authority.objects.get(slug="dorset").is_former
    assert str(cumbria) == "Cumbria (former)"


def test_statistical_neighbours_in_rank_order():
    neighbours = [a.slug for a in Authority.objects.get(slug="knowsley").ordered_neighbours()]
    assert neighbours[:2] == ["st-helens", "halton"]
    assert "liverpool" in neighbours and len(neighbours) == 10


def test_admin_taught_spelling_resolves():
    knowsley = Authority.objects.get(slug="knowsley")
    AuthorityName.objects.create(authority=knowsley, name="The Borough of Knowsley upon Merseyside")
    assert Authority.objects.resolve("Borough of Knowsley upon Merseyside") == knowsley


def test_loading_again_changes_nothing():
    before = (
        Authority.objects.count(),
        AuthorityName.objects.count(),
        StatisticalNeighbour.objects.count(),
    )
    load_reference_data(Authority, AuthorityName, StatisticalNeighbour)
    after = (
        Authority.objects.count(),
        AuthorityName.objects.count(),
        StatisticalNeighbour.objects.count(),
    )
    assert after == before


def test_name_keys():
    assert light_key("St. Helens") == light_key("st helens") == "st helens"
    assert light_key("Bristol, City of") == "city of bristol"
    assert core_key("Knowsley Metropolitan Borough Council") == "knowsley"
    assert core_key("Dorset County Council") == core_key("Dorset Council") == "dorset"
    assert light_key("Dorset County Council") != light_key("Dorset Council")


@pytest.mark.parametrize(
    ("day", "count"),
    [
        # Ofsted's counts: 152 authorities in its 2018 figures and its 2023 table, 153 in 2025.
        ("2018-08-31", 152),
        ("2019-03-31", 152),
        ("2019-04-01", 151),  # Bournemouth, Poole and Dorset County Council -> BCP and Dorset
        ("2021-04-01", 152),  # Northamptonshire -> North and West Northamptonshire
        ("2023-03-31", 152),
        ("2023-04-01", 153),  # Cumbria -> Cumberland and Westmorland and Furness
        ("2025-03-31", 153),
    ],
)
def test_authorities_existing_on_a_date(day, count):
    from datetime import date

    assert Authority.objects.existing_on(date.fromisoformat(day)).count() == count


def test_reorganised_authorities_carry_the_dates_they_existed():
    from datetime import date

    poole = Authority.objects.get(slug="poole")
    bcp = Authority.objects.get(slug="bournemouth-christchurch-and-poole")
    assert poole.existed_until == date(2019, 3, 31) and poole.existed_from is None
    assert bcp.existed_from == date(2019, 4, 1) and bcp.existed_until is None
    assert {a.slug for a in bcp.predecessors.all()} == {"bournemouth", "poole"}
    assert Authority.objects.get(slug="dorset").existed_from == date(2019, 4, 1)
    assert Authority.objects.get(slug="dorset-county-council").successors.get().slug == "dorset"
    northants = Authority.objects.get(slug="northamptonshire")
    assert northants.existed_until == date(2021, 3, 31)
    assert {a.slug for a in northants.successors.all()} == {
        "north-northamptonshire",
        "west-northamptonshire",
    }
    assert Authority.objects.get(slug="cumberland").existed_from == date(2023, 4, 1)
    assert Authority.objects.get(slug="knowsley").existed_from is None
    assert poole.existed_on(date(2019, 3, 31)) and not poole.existed_on(date(2019, 4, 1))
