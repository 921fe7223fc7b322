from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "partnerbase.reports"
    label = "reports"

    def ready(self):
        # The public page's charts and the dashboard's conversion line are kept with the
        # figures they sit beside, so they go stale, are refreshed and are verified with
        # them (impact/kept.py). By path: the charts bring matplotlib, not wanted at start-up.
        from partnerbase.impact.kept import keep_also

        keep_also("public_charts", "partnerbase.reports.report.build.public_chart_json")
        keep_also("conversion", "partnerbase.reports.kept.conversion_json")
