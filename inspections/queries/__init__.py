"""Read-side logic of the public pages: timelines, comparisons and latest grades.

One module per page (``timeline``, ``inspection``, ``authority_list``, ``home``,
``compare``), over what they share: ``common`` (published querysets, stable addresses),
``cells`` (a grade in an area at an inspection, and changes) and ``labels`` (the words pages
show for grades, areas and kinds of report). Views stay thin and call these functions. Every function here runs a fixed number of
queries whatever the number of authorities or inspections: rows are read with ``values()``
in one pass and grouped in Python, or aggregated in the database (window functions for
"the latest judgement of each area").

Only published inspections are ever read here (drafts uploaded in the admin are hidden).

A *cell* (:class:`GradeCell`) is what the timeline and the comparison show for one area in
one inspection. Some frameworks judge one area twice in one report (the 2009-2012
safeguarding and looked after children inspections judge leadership, capacity to improve
and quality of provision in both their sections): the cell uses the first judgement by its
order in the report and says so.
"""

from .authority_list import (
    AUTHORITY_SORTS,
    AuthorityRow,
    DistributionRow,
    authorities_with_counts,
    authority_rows,
    distribution_chart_data,
    grade_distribution,
    latest_cells,
    sort_authority_rows,
)
from .cells import Change, Direction, GradeCell, change_between, decimal_year, first_cells
from .common import (
    CELL_FIELDS,
    DEFAULT_COMPARE_AREAS,
    INSPECTION_KEY_PATTERN,
    LIST_AREAS,
    InspectionKey,
    authority_url,
    find_inspection,
    inspection_path,
    inspection_source_path,
    published_inspections,
    published_judgements,
    published_recommendations,
    with_overall_grade,
)
from .compare import CompareGrid, CompareRow, CompareSelection, compare_grids, parse_compare_query
from .home import inspections_with_counts, latest_inspections, site_summary
from .inspection import InspectionDetail, InspectionLink, inspection_detail
from .labels import NOT_READ, area_short_label, grade_label, grade_scale_labels
from .timeline import Timeline, TimelineColumn, TimelineEntry, VisitEntry, authority_timeline

__all__ = [
    "AUTHORITY_SORTS",
    "AuthorityRow",
    "CELL_FIELDS",
    "Change",
    "CompareGrid",
    "CompareRow",
    "CompareSelection",
    "DEFAULT_COMPARE_AREAS",
    "Direction",
    "DistributionRow",
    "GradeCell",
    "INSPECTION_KEY_PATTERN",
    "InspectionDetail",
    "InspectionKey",
    "InspectionLink",
    "LIST_AREAS",
    "NOT_READ",
    "Timeline",
    "TimelineColumn",
    "TimelineEntry",
    "VisitEntry",
    "area_short_label",
    "authorities_with_counts",
    "authority_rows",
    "authority_timeline",
    "authority_url",
    "change_between",
    "compare_grids",
    "decimal_year",
    "distribution_chart_data",
    "find_inspection",
    "first_cells",
    "grade_distribution",
    "grade_label",
    "grade_scale_labels",
    "inspection_detail",
    "inspection_path",
    "inspection_source_path",
    "inspections_with_counts",
    "latest_cells",
    "latest_inspections",
    "parse_compare_query",
    "published_inspections",
    "published_judgements",
    "published_recommendations",
    "site_summary",
    "sort_authority_rows",
    "with_overall_grade",
]
