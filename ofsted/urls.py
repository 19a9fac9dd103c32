"""What's new and its feeds. These URLs are a public contract: keep them stable."""

from django.urls import path

from . import feeds, views

app_name = "ofsted"
urlpatterns = [
    path("new/", views.new, name="new"),
    path("new.atom", feeds.NewFeed(), name="new-feed"),
    path("authorities/<slug:slug>/feed.atom", feeds.AuthorityFeed(), name="authority-feed"),
]
