"""What a report asks of an authority: kinds of recommendation and their timescales."""

from __future__ import annotations

from .choices import Choices


class Timescale(Choices):
    IMMEDIATELY = "immediately", "Immediately"
    WITHIN_THREE_MONTHS = "within-three-months", "Within three months"
    WITHIN_SIX_MONTHS = "within-six-months", "Within six months"
    NONE_STATED = "none-stated", "None stated"


class RecommendationKind(Choices):
    RECOMMENDATION = "recommendation", "Recommendation"
    AREA_FOR_IMPROVEMENT = "area-for-improvement", "Area for improvement"
    ASPECT_FOR_FOCUS = "aspect-for-focus", "Aspect for focus"
    # A focused visit's "areas for priority action": weaknesses serious enough that Ofsted
    # tells the Department for Education and asks for an action plan.
    PRIORITY_ACTION = "priority-action", "Area for priority action"
