"""Admin pages for rows the app writes and people only read: a sync's runs and what each
did, rows deleted by hand, the rows of Ofsted's tables."""

from __future__ import annotations

from django.contrib import admin


class NoAddOrChange:
    """Records of what the app did: nobody adds or edits them by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(NoAddOrChange, admin.ModelAdmin):
    pass


class ReadOnlyInline(NoAddOrChange, admin.TabularInline):
    """Every field shown, none editable, no blank rows and no delete boxes."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields
