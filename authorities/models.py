from __future__ import annotations

from datetime import date
from urllib.parse import urljoin

from django.conf import settings
from django.db import models

from .names import core_key, light_key


class Region(models.TextChoices):
    NORTH_EAST = "north-east", "North East"
    NORTH_WEST = "north-west", "North West"
    YORKSHIRE_AND_THE_HUMBER = "yorkshire-and-the-humber", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east-midlands", "East Midlands"
    WEST_MIDLANDS = "west-midlands", "West Midlands"
    EAST_OF_ENGLAND = "east-of-england", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south-east", "South East"
    SOUTH_WEST = "south-west", "South West"


class AuthorityType(models.TextChoices):
    COUNTY = "county", "County"
    UNITARY = "unitary", "Unitary authority"
    METROPOLITAN = "metropolitan", "Metropolitan district"
    LONDON_BOROUGH = "london-borough", "London borough"


class UnknownAuthorityName(LookupError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(
            f"authority '{name}' is not known: add it under Authorities in the admin, "
            "or add this spelling as an alternative name of an existing authority"
        )


class AuthorityQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_former=False)

    def existing_on(self, day: date):
        """The authorities that had children's services responsibilities on ``day``."""
        return self.filter(
            models.Q(existed_from__isnull=True) | models.Q(existed_from__lte=day),
            models.Q(existed_until__isnull=True) | models.Q(existed_until__gte=day),
        )

    def resolve(self, printed_name: str) -> Authority:
        """The authority a report means by ``printed_name``; raises UnknownAuthorityName.

        The light key is tried before the core key so that a former authority's full
        name ("Dorset County Council") is not mistaken for its successor ("Dorset").
        """
        for key_field, key in (
            ("light_key", light_key(printed_name)),
            ("core_key", core_key(printed_name)),
        ):
            if not key:
                continue
            names = list(
                AuthorityName.objects.filter(**{key_field: key})
                .select_related("authority")
                .order_by("authority__is_former", "authority_id")
            )
            authorities = {name.authority_id: name.authority for name in names}
            if len(authorities) == 1:
                return next(iter(authorities.values()))
            if len(authorities) > 1:
                # Prefer a current authority over a former one with the same short name.
                current = [a for a in authorities.values() if not a.is_former]
                if len(current) == 1:
                    return current[0]
        raise UnknownAuthorityName(printed_name)


class Authority(models.Model):
    """An English local authority with children's services responsibilities."""

    name = models.CharField(max_length=100, help_text="Name as shown in the app, e.g. St Helens")
    slug = models.SlugField(max_length=100, unique=True)
    official_name = models.CharField(
        max_length=150, help_text="Name in DfE/ONS reference data, e.g. St. Helens"
    )
    # Null, not blank, for authorities abolished before GSS codes existed (2009): unique
    # constraints ignore nulls.
    gss_code = models.CharField("ONS/GSS code", max_length=9, unique=True, null=True, blank=True)
    la_number = models.CharField("DfE LA number", max_length=3, unique=True)
    ofsted_urn = models.CharField("Ofsted URN", max_length=10, blank=True)
    region = models.CharField(max_length=30, choices=Region.choices)
    authority_type = models.CharField("type", max_length=20, choices=AuthorityType.choices)
    population_0_25 = models.PositiveIntegerField("population aged 0-25", null=True, blank=True)
    is_former = models.BooleanField(
        "former authority",
        default=False,
        help_text="Abolished or merged; kept because older reports name it",
    )
    # Null: since before the records the app holds (from), or still in existence (until).
    existed_from = models.DateField(
        null=True, blank=True, help_text="First day it existed, e.g. 2019-04-01 for BCP"
    )
    existed_until = models.DateField(
        null=True, blank=True, help_text="Last day it existed, e.g. 2019-03-31 for Poole"
    )
    successors = models.ManyToManyField(
        "self", symmetrical=False, related_name="predecessors", blank=True
    )
    statistical_neighbours = models.ManyToManyField(
        "self",
        symmetrical=False,
        through="StatisticalNeighbour",
        through_fields=("authority", "neighbour"),
        related_name="+",
        blank=True,
    )

    objects = AuthorityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "authorities"

    def __str__(self) -> str:
        return self.label(self.name, self.is_former)

    def get_absolute_url(self) -> str:
        # The explorers print one a row: built from the route's pattern, kept once, rather
        # than by a reverse() each (the same path).
        from inspections.queries.common import authority_url

        return authority_url(self.slug)

    @staticmethod
    def label(name: str, is_former: bool) -> str:
        """How an authority is named in a list of choices, "(former)" after a former one."""
        return f"{name} (former)" if is_former else name

    @property
    def ofsted_provider_url(self) -> str:
        """Its page on Ofsted's report finder (every report Ofsted lists for it), from its
        Ofsted URN: where a report links when its own file's address is not known."""
        if not self.ofsted_urn:
            return ""
        return urljoin(settings.OFSTED_REPORTS_URL, f"provider/44/{self.ofsted_urn}")

    def existed_on(self, day: date) -> bool:
        return (self.existed_from is None or self.existed_from <= day) and (
            self.existed_until is None or day <= self.existed_until
        )

    @property
    def lifetime(self) -> str:
        """ "2019 on", "until 2019", "": the years an authority existed, where the app knows."""
        if self.existed_from and self.existed_until:
            return f"{self.existed_from.year}-{self.existed_until.year}"
        if self.existed_from:
            return f"{self.existed_from:%-d %B %Y} on"
        if self.existed_until:
            return f"until {self.existed_until:%-d %B %Y}"
        return ""

    def ordered_neighbours(self) -> list[Authority]:
        return [
            link.neighbour
            for link in self.neighbour_links.select_related("neighbour").order_by("rank")
        ]


class AuthorityName(models.Model):
    """Another name a report may use for an authority."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=150)
    light_key = models.CharField(max_length=150, editable=False, db_index=True)
    core_key = models.CharField(max_length=150, editable=False, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "alternative name"
        constraints = [
            models.UniqueConstraint(fields=["light_key"], name="unique_authority_name_light_key"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.light_key = light_key(self.name)
        self.core_key = core_key(self.name)
        super().save(*args, **kwargs)


class StatisticalNeighbour(models.Model):
    """DfE's statistical neighbours of an authority, closest first (rank 1)."""

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="neighbour_links"
    )
    neighbour = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["authority", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "neighbour"], name="unique_statistical_neighbour"
            ),
            models.UniqueConstraint(
                fields=["authority", "rank"], name="unique_statistical_neighbour_rank"
            ),
            models.CheckConstraint(
                condition=~models.Q(authority=models.F("neighbour")), name="neighbour_is_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.authority} -> {self.neighbour} ({self.rank})"
