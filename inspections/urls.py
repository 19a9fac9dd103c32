"""Public pages. These URLs are a public contract: keep them stable."""

from django.urls import path

from . import views

app_name = "inspections"
urlpatterns = [
    path("", views.home, name="home"),
    path("authorities/", views.authority_list, name="authority-list"),
    path("authorities/<slug:slug>/", views.authority_detail, name="authority-detail"),
    path("inspections/", views.inspection_list, name="inspection-list"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection-detail"),
    path("inspections/<int:pk>/report/", views.inspection_source, name="inspection-source"),
    path("compare/", views.compare, name="compare"),
    path("judgements/", views.judgement_list, name="judgement-list"),
    path("recommendations/", views.recommendation_list, name="recommendation-list"),
    path("judgements.csv", views.judgements_csv, name="judgements-csv"),
    path("recommendations.csv", views.recommendations_csv, name="recommendations-csv"),
    path("inspections.csv", views.inspections_csv, name="inspections-csv"),
    path("compare.csv", views.compare_csv, name="compare-csv"),
]
