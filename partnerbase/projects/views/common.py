"""What the project and competition pages share."""

from partnerbase.core import pages


def form_page(request, template, context, form, save, success, target):
    """The shared form page (core/pages.py), under the projects' navigation unless the
    context names another."""
    context = {"nav_current": "projects", **context}
    return pages.form_page(request, template, context, form, save, success, target)
