"""An import from a page through the real task queue, in the browser: the team uploads an
interchange file, the job's page says it is queued and polls; a worker runs it, the page
reloads itself as done, with a link to the new programme. axe-core finds nothing on the
pages; a bad file's page names the record at fault."""

import json

import pytest

from partnerbase.interchange.export import programme_export_text
from partnerbase.jobs.models import Job, JobStatus
from partnerbase.programmes.models import Programme

pytestmark = pytest.mark.browser

SLOW_MS = 180_000  # importing the whole demo on a shared machine


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go under the test's own folder (the live server reads the same settings)."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _upload(page, slug: str, name: str, content: bytes, new_slug: str) -> None:
    page.goto(f"/programmes/{slug}/import/")
    page.get_by_label("Interchange file").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content}
    )
    page.get_by_label("Short name for the new programme's web addresses").fill(new_slug)
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and import").click()


def test_the_administrator_imports_a_programme_and_waits_for_the_worker(
    page, page_problems, iep, sign_in, axe_check, task_worker, media_root
):
    text = programme_export_text(programme=iep)
    sign_in(page, "admin@example.org")
    page.goto(f"/programmes/{iep.slug}/import/")
    assert page.get_by_role("heading", name="Import a programme", level=1).is_visible()
    assert "becomes a new programme" in page.locator(".govuk-inset-text").inner_text()
    axe_check(page, "import")

    _upload(page, iep.slug, "iep.json", text.encode(), "iep-copy")
    panel = page.locator("[data-job-status]")
    assert panel.get_attribute("data-job-status") == "queued"
    assert "waiting for a worker" in panel.inner_text()
    axe_check(page, "import-queued")

    # The worker runs beside the browser, which keeps polling the job's progress.
    assert task_worker() == 1
    assert Job.objects.get(kind="import").status == JobStatus.SUCCEEDED
    page.wait_for_selector("[data-job-status=succeeded]", timeout=SLOW_MS)
    summary = page.locator("[data-job-summary]").inner_text()
    assert "as a new programme, 'iep-copy'" in summary and " records." in summary
    page.get_by_text("Records by kind").click()
    page.locator("[data-job-list]").first.wait_for()
    assert "133 organisations" in page.locator("[data-job-list]").inner_text()
    axe_check(page, "import-done")
    with page.expect_navigation():
        page.get_by_role("link", name=f"Open {iep.name}").click()
    page.wait_for_url("**/programmes/iep-copy/")
    assert Programme.objects.filter(slug="iep-copy").exists()
    assert not page_problems, str(page_problems)


def test_a_bad_file_names_the_record_and_asks_for_it_again(
    page, page_problems, iep, sign_in, axe_check, media_root
):
    data = json.loads(programme_export_text(programme=iep))
    data["organisations"][2]["kind"] = "guild"
    record = data["organisations"][2]["id"]
    sign_in(page, "admin@example.org")

    _upload(page, iep.slug, "broken.json", json.dumps(data).encode(), "iep-broken")

    panel = page.locator("[data-job-status=failed]")
    assert "Nothing was imported: 1 problem in broken.json." in panel.inner_text()
    row = page.locator("table[data-problems] tbody tr")
    assert row.count() == 1 and f"organisations[2] (id {record})" in row.inner_text()
    assert not page.get_by_role("button", name="Retry").count()
    axe_check(page, "import-failed")
    with page.expect_navigation():
        page.get_by_role("link", name="upload it again").click()
    page.wait_for_url(f"**/programmes/{iep.slug}/import/")
    assert not Programme.objects.filter(slug="iep-broken").exists()
    assert not page_problems, str(page_problems)
