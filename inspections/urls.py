"""Public pages. These URLs are a public contract: keep them stable.

An inspection's address is built from its authority, start date and framework
(``/authorities/knowsley/inspections/2024-11-18-ilacs/``), so it is the same on every
install. The older ``/inspections/<id>/`` addresses redirect to it permanently.
"""

from django.urls import path, register_converter

from . import api_views, sequel_views, views
from .queries import InspectionKey


class InspectionKeyConverter:
    """``2024-11-18-ilacs`` <-> :class:`InspectionKey`; an impossible date does not match."""

    regex = r"\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*"

    def to_python(self, value: str) -> InspectionKey:
        return InspectionKey.parse(value)  # ValueError (2024-13-45): no match, so a 404

    def to_url(self, value: InspectionKey | str) -> str:
        return str(value)


register_converter(InspectionKeyConverter, "inspection_key")

app_name = "inspections"
urlpatterns = [
    path("", views.home, name="home"),
    path("authorities/", views.authority_list, name="authority-list"),
    path("authorities/<slug:slug>/", views.authority_detail, name="authority-detail"),
    path(
        "authorities/<slug:slug>/inspections/<inspection_key:key>/",
        views.inspection_detail,
        name="inspection-detail",
    ),
    path(
        "authorities/<slug:slug>/inspections/<inspection_key:key>/report/",
        views.inspection_source,
        name="inspection-source",
    ),
    path("inspections/", views.inspection_list, name="inspection-list"),
    # Addresses by database id, from before stable addresses: permanent redirects.
    path("inspections/<int:pk>/", views.inspection_by_id, name="inspection-by-id"),
    path(
        "inspections/<int:pk>/report/",
        views.inspection_source_by_id,
        name="inspection-source-by-id",
    ),
    path("compare/", views.compare, name="compare"),
    path("judgements/", views.judgement_list, name="judgement-list"),
    path("recommendations/", views.recommendation_list, name="recommendation-list"),
    path("judgements.csv", views.judgements_csv, name="judgements-csv"),
    path("recommendations.csv", views.recommendations_csv, name="recommendations-csv"),
    path("inspections.csv", views.inspections_csv, name="inspections-csv"),
    path("compare.csv", views.compare_csv, name="compare-csv"),
    path("authorities.csv", api_views.authorities_csv, name="authorities-csv"),
    path("judgements.json", api_views.judgements_json, name="judgements-json"),
    path("recommendations.json", api_views.recommendations_json, name="recommendations-json"),
    path("inspections.json", api_views.inspections_json, name="inspections-json"),
    path("compare.json", api_views.compare_json, name="compare-json"),
    path("authorities.json", api_views.authorities_json, name="authorities-json"),
    path("api/", api_views.api, name="api"),
    path("what-happened-next/", sequel_views.what_happened_next, name="what-happened-next"),
    path(
        "what-happened-next.csv",
        sequel_views.what_happened_next_csv,
        name="what-happened-next-csv",
    ),
    path("what-came-before/", sequel_views.what_came_before, name="what-came-before"),
    path("what-came-before.csv", sequel_views.what_came_before_csv, name="what-came-before-csv"),
    path("england/", api_views.england, name="england"),
    path("england.csv", api_views.england_csv, name="england-csv"),
    path("england.json", api_views.england_json, name="england-json"),
]
