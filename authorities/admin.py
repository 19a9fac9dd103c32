"""Admin for authorities: teach the app new spellings, mark former authorities.

A report names its authority in many ways; the ingest finds it through the authority's
alternative names (:meth:`AuthorityQuerySet.resolve`). When a report is refused with
"authority 'X' is not known", add X as an alternative name here and upload it again.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from .models import Authority, AuthorityName, StatisticalNeighbour
from .names import core_key, light_key


class AuthorityNameForm(forms.ModelForm):
    class Meta:
        model = AuthorityName
        fields = ["name"]

    def clean_name(self):
        """Refuse a spelling that adds nothing or already means another authority.

        Names are matched ignoring case, punctuation and spacing, so "St. Helens" and
        "st helens" are one name: the database would refuse the second with an error page.
        """
        name = " ".join(self.cleaned_data["name"].split())
        key = light_key(name)
        if not key:
            raise forms.ValidationError("Give a name with at least one letter.")
        clash = (
            AuthorityName.objects.filter(light_key=key)
            .exclude(pk=self.instance.pk)
            .select_related("authority")
            .first()
        )
        if clash is not None:
            raise forms.ValidationError(
                f"'{clash.name}' is already a name of {clash.authority}; names are matched "
                "ignoring case, punctuation and spacing."
            )
        return name


class AuthorityNameInline(admin.TabularInline):
    model = AuthorityName
    form = AuthorityNameForm
    extra = 1
    verbose_name = "alternative name"
    verbose_name_plural = "alternative names (spellings reports use for this authority)"


class StatisticalNeighbourInline(admin.TabularInline):
    model = StatisticalNeighbour
    fk_name = "authority"
    extra = 0
    autocomplete_fields = ["neighbour"]
    ordering = ["rank"]
    verbose_name_plural = "statistical neighbours (closest first)"


class FormerFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "former"

    def lookups(self, request, model_admin):
        return [("no", "Current"), ("yes", "Former")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(is_former=self.value() == "yes")
        return queryset


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "region",
        "authority_type",
        "la_number",
        "gss_code",
        "is_former",
        "name_count",
        "inspection_count",
    ]
    list_filter = [FormerFilter, "region", "authority_type"]
    search_fields = ["name", "official_name", "names__name", "la_number", "gss_code"]
    search_help_text = "Name (any spelling), DfE LA number or GSS code"
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["successors"]
    inlines = [AuthorityNameInline, StatisticalNeighbourInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "official_name", "region", "authority_type"]}),
        ("Codes", {"fields": ["la_number", "gss_code", "ofsted_urn", "population_0_25"]}),
        (
            "Former authorities",
            {
                "fields": ["is_former", "successors", "predecessor_list"],
                "description": "An authority abolished or merged stays so that older reports "
                "still find it; link it to the authorities that took over.",
            },
        ),
    ]
    readonly_fields = ["predecessor_list"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                names_total=Count("names", distinct=True),
                inspections_total=Count("inspections", distinct=True),
            )
        )

    def get_readonly_fields(self, request, obj=None):
        # Public pages are addressed by slug: keep links stable once an authority exists.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "slug"] if obj is not None else fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else super().get_prepopulated_fields(request, obj)

    @admin.display(description="names", ordering="names_total")
    def name_count(self, obj: Authority) -> int:
        return obj.names_total

    @admin.display(description="inspections", ordering="inspections_total")
    def inspection_count(self, obj: Authority):
        if not obj.inspections_total:
            return 0
        url = reverse("admin:inspections_inspection_changelist")
        return format_html(
            '<a href="{}?authority__id__exact={}">{}</a>', url, obj.pk, obj.inspections_total
        )

    @admin.display(description="predecessors")
    def predecessor_list(self, obj: Authority) -> str:
        names = [str(a) for a in obj.predecessors.all()] if obj and obj.pk else []
        return ", ".join(names) or "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        ensure_own_names(form.instance)


def ensure_own_names(authority: Authority) -> None:
    """An authority is found by its own name and official name too: add them if missing."""
    for name in (authority.name, authority.official_name):
        key = light_key(name or "")
        if key and not AuthorityName.objects.filter(light_key=key).exists():
            AuthorityName.objects.create(
                authority=authority, name=name, light_key=key, core_key=core_key(name)
            )
