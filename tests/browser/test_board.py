"""The board in Chromium, with axe-core on every page: the team records a meeting, uploads a
real PDF, records a decision and an action; a bad upload shows the GOV.UK error summary and
saves nothing; a champion opens the board page, downloads the paper and marks their own
organisation's action done. Fixtures are in tests/conftest.py."""

import pytest

from partnerbase.board.models import Action, BoardMeeting, BoardPaper, Decision
from partnerbase.board.samples import small_pdf

pytestmark = pytest.mark.browser


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path


def test_team_records_a_meeting_and_a_champion_downloads_its_paper(
    media, page, page_problems, iep, sign_in, axe_check
):
    pdf = media / "partnership-plan.pdf"
    pdf.write_bytes(small_pdf("Partnership plan", ["Agreed at the board"]))
    exe = media / "plan.pdf"
    exe.write_bytes(b"MZ\x90\x00\x03" + b"\x00" * 200)  # a Windows program named as a PDF

    sign_in(page, "team@example.org")
    page.goto(f"/programmes/{iep.slug}/")
    with page.expect_navigation():
        page.get_by_role("link", name="The board: members, meetings, papers and actions").click()
    page.wait_for_url("**/board/")
    assert page.get_by_role("heading", level=1).inner_text() == "The board"
    assert page.locator("table[data-seats] tbody tr").count() == 14
    axe_check(page, "board")

    with page.expect_navigation():
        page.get_by_role("button", name="Record a meeting").click()
    page.wait_for_url("**/board/meetings/add/")
    axe_check(page, "meeting-form")
    page.get_by_label("Title").fill("Board: planning the second year")
    page.locator("#id_held_on_0").fill("16")
    page.locator("#id_held_on_1").fill("10")
    page.locator("#id_held_on_2").fill("2018")
    page.get_by_label("Agenda").fill("The second year\nNew champions")
    with page.expect_navigation():
        page.get_by_role("button", name="Save meeting").click()
    page.wait_for_url("**/board/meetings/*/")
    meeting = BoardMeeting.objects.get(title="Board: planning the second year")
    assert "Meeting recorded." in page.inner_text("body")
    axe_check(page, "meeting")

    # A program renamed as a PDF: the error summary, and nothing saved.
    papers_before = BoardPaper.objects.count()
    with page.expect_navigation():
        page.get_by_role("button", name="Upload a paper").click()
    page.wait_for_url("**/papers/add/")
    axe_check(page, "paper-form")
    page.get_by_label("Title").fill("Plan")
    page.get_by_label("Upload a file").set_input_files(str(exe))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload paper").click()
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert "The selected file is a program, not a document." in summary.inner_text()
    assert BoardPaper.objects.count() == papers_before
    axe_check(page, "paper-form-errors")

    page.get_by_label("Upload a file").set_input_files(str(pdf))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload paper").click()
    page.wait_for_url(f"**/board/meetings/{meeting.uid}/")
    paper = BoardPaper.objects.get(meeting=meeting)
    assert (paper.title, paper.original_filename) == ("Plan", "partnership-plan.pdf")

    with page.expect_navigation():
        page.get_by_role("button", name="Record a decision").click()
    page.wait_for_url("**/decisions/add/")
    axe_check(page, "decision-form")
    page.get_by_label("Agreed work").check()
    page.get_by_label("Summary").fill("Open a second call for innovators")
    with page.expect_navigation():
        page.get_by_role("button", name="Save decision").click()
    page.wait_for_url(f"**/board/meetings/{meeting.uid}/")
    decision = Decision.objects.get(meeting=meeting)

    with page.expect_navigation():
        page.get_by_role("button", name="Record an action").click()
    page.wait_for_url("**/actions/add/")
    axe_check(page, "action-form")
    page.get_by_label("Action", exact=True).fill("Draft the second call")
    page.get_by_label("Owner").select_option(label="Sacha Romanovitch")
    page.get_by_label("From the decision").select_option(label=decision.summary)
    page.locator("#id_due_on_0").fill("30")
    page.locator("#id_due_on_1").fill("11")
    page.locator("#id_due_on_2").fill("2018")
    with page.expect_navigation():
        page.get_by_role("button", name="Save action").click()
    page.wait_for_url(f"**/board/meetings/{meeting.uid}/")
    action = Action.objects.get(meeting=meeting)
    assert (action.owner_champion.organisation.name, action.decision) == (
        "Grant Thornton UK",
        decision,
    )
    assert "Draft the second call" in page.inner_text("table[data-actions]")
    axe_check(page, "meeting-with-records")

    # A champion reads the board page and downloads the paper.
    page.context.clear_cookies()
    sign_in(page, "champion@example.org")
    page.goto(f"/programmes/{iep.slug}/board/")
    assert page.get_by_role("button", name="Record a meeting").count() == 0
    card = page.locator(f"[data-meeting='{meeting.uid}']")
    with page.expect_download() as download:
        card.get_by_role("link", name="Plan (download)", exact=True).click()
    assert download.value.suggested_filename == "partnership-plan.pdf"
    assert open(download.value.path(), "rb").read() == pdf.read_bytes()
    # The clicked link keeps GOV.UK's yellow focus style, which axe reads as a link told
    # apart by colour alone: check the page as it is when first opened.
    page.reload()
    axe_check(page, "board-champion")

    # Their own organisation's action can be marked done from the board page.
    row = page.locator(f"tr[data-action='{action.uid}']")
    with page.expect_navigation():
        row.get_by_role("button").click()
    action.refresh_from_db()
    assert action.status == "done"
    assert page.locator(f"tr[data-action='{action.uid}']").count() == 0
    axe_check(page, "board-after-done")
    assert not page_problems, str(page_problems)


def test_an_innovator_sees_no_board_papers(media, page, iep, sign_in):
    paper = BoardPaper.objects.filter(meeting__programme=iep).first()
    sign_in(page, "innovator@example.org")
    for url in (
        f"/programmes/{iep.slug}/board/",
        f"/programmes/{iep.slug}/board/papers/{paper.uid}/",
    ):
        response = page.goto(url)
        assert response.status == 403, url
