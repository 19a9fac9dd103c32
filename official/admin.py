from django.contrib import admin

from .models import OfficialJudgement, OfficialRecord


class OfficialJudgementInline(admin.TabularInline):
    model = OfficialJudgement
    extra = 0
    can_delete = False
    readonly_fields = ["order", "label", "grade_as_printed", "grade", "area"]


@admin.register(OfficialRecord)
class OfficialRecordAdmin(admin.ModelAdmin):
    """Read-only: these rows are Ofsted's, changed by importing a release again."""

    list_display = ["authority", "event", "start_date", "published_on", "release", "sheet"]
    list_filter = ["release", "sheet", "framework", "is_source", "is_standing"]
    search_fields = ["authority__name", "name_in_table", "event", "theme"]
    list_select_related = ["authority"]
    raw_id_fields = ["authority", "inspection"]
    inlines = [OfficialJudgementInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
