"""Load the reference data of English authorities into the database.

``data/la_lookup.csv`` (MIT licence, see ``data/LICENSE-la_lookup.txt``) lists current
authorities with codes, region and statistical neighbours. ``data/former_authorities.csv``
adds or marks the former authorities older reports name, with their successors, and
``data/extra_names.csv`` teaches names (children's trusts) that cannot be derived.

The loader takes the model classes as arguments so that a data migration can pass its
historical models.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.utils.text import slugify

from .names import core_key, light_key

DATA_DIR = Path(__file__).resolve().parent / "data"

REGIONS_BY_NAME = {
    "North East": "north-east",
    "North West": "north-west",
    "Yorkshire and the Humber": "yorkshire-and-the-humber",
    "Yorkshire and The Humber": "yorkshire-and-the-humber",
    "East Midlands": "east-midlands",
    "West Midlands": "west-midlands",
    "East of England": "east-of-england",
    "London": "london",
    "South East": "south-east",
    "South West": "south-west",
}
TYPES_BY_NAME = {
    "County": "county",
    "Unitary Authority": "unitary",
    "Metropolitan District": "metropolitan",
    "London Borough": "london-borough",
}


@dataclass
class ReferenceAuthority:
    la_number: str
    gss_code: str
    official_name: str
    name: str
    region: str
    authority_type: str
    ofsted_urn: str = ""
    population_0_25: int | None = None
    is_former: bool = False
    neighbours: list[str] = field(default_factory=list)  # DfE numbers, closest first
    successors: list[str] = field(default_factory=list)
    existed_from: date | None = None
    existed_until: date | None = None
    names: list[str] = field(default_factory=list)


def friendly_name(official: str) -> str:
    """ "Bristol, City of" -> "Bristol"; "St. Helens" -> "St Helens"."""
    name = re.sub(r",\s*(City|County) of$", "", official.strip())
    name = name.replace(" Upon ", " upon ")
    return re.sub(r"\bSt\. ", "St ", name)


def _split_list(raw: str) -> list[str]:
    return [item.strip() for item in re.split(r"[,;]", raw.strip("[] ")) if item.strip()]


def read_reference(data_dir: Path = DATA_DIR) -> list[ReferenceAuthority]:
    """Parse the reference CSV files into plain records (no database)."""
    by_number: dict[str, ReferenceAuthority] = {}
    with open(data_dir / "la_lookup.csv", encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            official = row["local_authority_ons_name"].strip()
            region_name = row["region_name"].strip() or row["rgn22nm"].strip()
            population = row.get("ons_population_0-25", "").strip()
            record = ReferenceAuthority(
                la_number=row["la_code"].strip(),
                gss_code=row["la_code_new"].strip(),
                official_name=official,
                name=friendly_name(official),
                region=REGIONS_BY_NAME[region_name],
                authority_type=TYPES_BY_NAME.get(row["ons_la_type"].strip(), ""),
                ofsted_urn=row["urn"].strip(),
                population_0_25=int(population) if population.isdigit() else None,
                neighbours=_split_list(row["stat_neighbours"]),
            )
            record.names = [official, record.name, row["ltla23nm"], row["utla23nm"]]
            record.names += _split_list(row["also_known_as"])
            by_number[record.la_number] = record

    with open(data_dir / "former_authorities.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            record = by_number.get(row["la_number"])
            if record is None:
                record = ReferenceAuthority(
                    la_number=row["la_number"],
                    gss_code=row["gss_code"],
                    official_name=row["official_name"],
                    name=row["name"],
                    region=REGIONS_BY_NAME[row["region"]],
                    authority_type=row["authority_type"],
                    names=[row["official_name"], row["name"]],
                )
                by_number[record.la_number] = record
            record.is_former = True
            record.authority_type = record.authority_type or row["authority_type"]
            record.successors = _split_list(row["successors"])
            record.existed_until = date.fromisoformat(row["last_day"])
            record.names += _split_list(row["also_known_as"])

    # A successor begins the day after its predecessors end (BCP: 1 April 2019).
    for record in list(by_number.values()):
        for number in record.successors:
            by_number[number].existed_from = record.existed_until + timedelta(days=1)

    with open(data_dir / "extra_names.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_number[row["la_number"]].names.append(row["name"])

    return sorted(by_number.values(), key=lambda record: record.name)


def load_reference_data(Authority, AuthorityName, StatisticalNeighbour) -> int:
    """Create or update every reference authority with its names and neighbours.

    Safe to run again: existing rows (matched by DfE number) are updated, names and
    neighbours are added if missing. Returns the number of authorities in the data.
    """
    records = read_reference()
    existing = {a.la_number: a for a in Authority.objects.all()}
    used_slugs = {a.slug for a in existing.values()}
    authorities = {}
    for record in records:
        authority = existing.get(record.la_number)
        if authority is None:
            slug = slugify(record.name)
            if slug in used_slugs:
                slug = slugify(f"{record.name} {record.la_number}")
            used_slugs.add(slug)
            authority = Authority(la_number=record.la_number, slug=slug)
        authority.name = record.name
        authority.official_name = record.official_name
        authority.gss_code = record.gss_code or None
        authority.ofsted_urn = record.ofsted_urn
        authority.region = record.region
        authority.authority_type = record.authority_type
        authority.population_0_25 = record.population_0_25
        authority.is_former = record.is_former
        authority.existed_from = record.existed_from
        authority.existed_until = record.existed_until
        authority.save()
        authorities[record.la_number] = authority

    taken = set(AuthorityName.objects.values_list("light_key", flat=True))
    new_names = []
    for record in records:
        for name in dict.fromkeys(n.strip() for n in record.names if n and n.strip()):
            key = light_key(name)
            if key and key not in taken:
                taken.add(key)
                new_names.append(
                    AuthorityName(
                        authority=authorities[record.la_number],
                        name=name,
                        light_key=key,
                        core_key=core_key(name),
                    )
                )
    AuthorityName.objects.bulk_create(new_names)

    linked = set(StatisticalNeighbour.objects.values_list("authority_id", "neighbour_id"))
    ranked = {pk for (pk,) in StatisticalNeighbour.objects.values_list("authority_id").distinct()}
    new_links = []
    for record in records:
        authority = authorities[record.la_number]
        if authority.pk in ranked:
            continue  # keep the neighbours an earlier load (or an admin) set
        rank = 0
        for number in record.neighbours:
            neighbour = authorities.get(number)
            if (
                neighbour is None
                or neighbour == authority
                or (authority.pk, neighbour.pk) in linked
            ):
                continue
            rank += 1
            linked.add((authority.pk, neighbour.pk))
            new_links.append(
                StatisticalNeighbour(authority=authority, neighbour=neighbour, rank=rank)
            )
        if record.successors:
            authority.successors.add(
                *(authorities[n] for n in record.successors if n in authorities)
            )
    StatisticalNeighbour.objects.bulk_create(new_links)
    return len(records)
