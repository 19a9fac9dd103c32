"""The form renderer: Django's, with drop-down lists and plain inputs written in Python.

Django renders each ``<option>`` of a ``<select>`` through a template include of its own,
and the filter forms' lists of every authority (about 160 options each) cost more than the
rest of an explorer page's fifty rows together. :func:`render_select` writes the HTML
Django's templates (``django/forms/widgets/select.html`` and ``select_option.html``)
write, character for character, and :func:`render_input` that of ``input.html`` (text,
date, number, hidden and checkbox inputs include it and nothing else): each through the
template engine cost a fifth of a millisecond, and every filter form has several
(``tests/inspections/test_form_renderer.py`` holds every select and input of the public
forms against Django's own rendering); anything else, or a select with options of
another template, is rendered by Django as before.
"""

from __future__ import annotations

from html import escape
from typing import Any

from django.forms.renderers import DjangoTemplates

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
# Templates that are ``{% include "django/forms/widgets/input.html" %}`` and nothing else.
INPUTS = {
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "date", "number", "hidden", "checkbox")
}


class QuickWidgets(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request=None) -> str:
        widget = context.get("widget")
        if widget is not None:
            if template_name == SELECT and _plain_options(widget):
                return render_select(widget)
            if template_name in INPUTS:
                return render_input(widget)
        return super().render(template_name, context, request)


def _plain_options(widget: dict[str, Any]) -> bool:
    return all(
        option["template_name"] == OPTION
        for _, options, _ in widget["optgroups"]
        for option in options
    )


def _text(value: Any) -> str:
    """What ``conditional_escape`` writes (a value marked safe as it is, anything else
    escaped), without its lazy-string wrapper: a select writes it for every option."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value))


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html: ``False`` leaves an attribute out, ``True`` writes
    its bare name."""
    if not attrs:
        return ""
    return "".join(
        f" {escape(str(name))}" if value is True else f' {escape(str(name))}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def render_input(widget: dict[str, Any]) -> str:
    # The value as ``stringformat:'s'`` then autoescape write it: escaped unless safe.
    value = widget["value"]
    shown = "" if value is None else f' value="{_text(value)}"'
    return (
        f'<input type="{_text(widget["type"])}" '
        f'name="{_text(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'
    )


def render_select(widget: dict[str, Any]) -> str:
    parts = [f'<select name="{escape(str(widget["name"]))}"{_attrs(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")  # the renderer strips the template's last newline
    return "".join(parts)
