"""Public pages. These URLs are a public contract: keep them stable.

An inspection's address is built from its authority, start date and framework
(``/authorities/knowsley/inspections/2024-11-18-ilacs/``), so it is the same on every
install. The older ``/inspections/<id>/`` addresses redirect to it permanently.
"""

from django.urls import path, register_converter

from . import api_views, sequel_views, views
from .exports import EXPORTS_BY_NAME
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
    # /judgements.csv, .json and .xlsx, and so on: one view per export and format.
    *(
        path(f"{name}.{format}", api_views.export_view(name, format), name=f"{name}-{format}")
        for name in EXPORTS_BY_NAME
        for format in api_views.FORMATS
    ),
    path("api/", api_views.api, name="api"),
    path("what-happened-next/", sequel_views.what_happened_next, name="what-happened-next"),
    path("what-came-before/", sequel_views.what_came_before, name="what-came-before"),
    path("england/", api_views.england, name="england"),
]
