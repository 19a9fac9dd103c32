"""Atom feeds of what's new (Django's syndication framework): ``/new.atom`` with the
parameters of ``/new/``, and ``/authorities/<slug>/feed.atom``. Mail clients, Teams and
Slack subscribe to them."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from authorities.models import Authority
from inspections.models import Inspection

from .queries import NewEntry, NewFilter, entries, new_publications


class NewFeed(Feed):
    feed_type = Atom1Feed
    subtitle = (
        "Inspections and focused visits of English local authorities, by Ofsted's publication date"
    )

    def __call__(self, request, *args, **kwargs):
        self._filter = NewFilter(request.GET, queryset=Inspection.objects.all())
        if self._filter.errors:
            return HttpResponseBadRequest(
                self._filter.error_text(), content_type="text/plain; charset=utf-8"
            )
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return reverse("ofsted:new")

    def get_object(self, request, *args, **kwargs):
        return self._filter.description()

    def title(self, description):
        base = "Inspection Explorer: new Ofsted reports"
        return f"{base}: {description}" if description else base

    def items(self, description) -> list[NewEntry]:
        return entries(new_publications(self._filter.qs))

    def item_title(self, entry: NewEntry) -> str:
        return entry.title

    def item_description(self, entry: NewEntry) -> str:
        return entry.summary()

    def item_link(self, entry: NewEntry) -> str:
        return entry.inspection.get_absolute_url()

    def item_guid(self, entry: NewEntry) -> str:
        return entry.inspection.get_absolute_url()

    def item_pubdate(self, entry: NewEntry) -> datetime:
        return timezone.make_aware(datetime.combine(entry.inspection.published_on, time(9)))

    def item_updateddate(self, entry: NewEntry) -> datetime:
        return entry.inspection.updated_at

    def item_author_name(self, entry: NewEntry) -> str:
        return "Ofsted"


class AuthorityFeed(NewFeed):
    def __call__(self, request, *args, **kwargs):
        self._filter = None
        return Feed.__call__(self, request, *args, **kwargs)

    def get_object(self, request, slug: str) -> Authority:
        return get_object_or_404(Authority, slug=slug)

    def title(self, authority: Authority) -> str:
        return f"Inspection Explorer: new Ofsted reports on {authority.name}"

    def link(self, authority: Authority) -> str:
        return authority.get_absolute_url()

    def items(self, authority: Authority) -> list[NewEntry]:
        return entries(new_publications(Inspection.objects.filter(authority=authority)))
