from django.urls import path

from . import targets, views
from .report import views as report

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("figures/<str:figure>/", views.figure_detail, name="figure_detail"),
    path("targets/", targets.targets_edit, name="targets_edit"),
    path("report/", report.report_page, name="report"),
    path("report.pdf", report.report_pdf_view, name="report_pdf"),
    path("report/build/", report.report_pdf_build, name="report_pdf_build"),
    path("report/charts/<slug:chart>.csv", report.report_chart_csv, name="report_chart_csv"),
]
