"""Real-browser smoke tests against a running `masterly demo` (fixtures in conftest.py).

Every page a test visits gets a screenshot and an axe-core WCAG 2.1 A/AA check.
"""
from __future__ import annotations

import base64
import csv
import io
import urllib.request
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

import e2e_support as support
from e2e_support import api_get, api_session, h1_text, path_of, replaced, submit_login_form, wait_for


def test_teacher_sees_sections_and_a_gradebook(driver, base_url, login, axe_check):
    login(driver, "teacher")
    assert h1_text(driver), "the teacher's home page has an empty <h1>"
    axe_check(driver, "teacher-home")

    links = driver.find_elements(By.CSS_SELECTOR, "a.section-link")
    assert len(links) >= 2, f"teacher should see at least two sections, found {len(links)} a.section-link"
    section_path = urlparse(links[0].get_attribute("href")).path
    match = re.fullmatch(r"/sections/([^/]+)", section_path)
    assert match, f"a section link should point to /sections/{{id}}, got {section_path}"
    section_id = match.group(1)

    links[0].click()
    table = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "table#gradebook")),
                     f"no table#gradebook after opening {section_path} (at {driver.current_url})")
    assert path_of(driver) == section_path
    axe_check(driver, "teacher-section")

    # The <h1> names the section as the API does.
    token = api_session(base_url, "teacher")["token"]
    names = {str(s["id"]): s["name"] for s in api_get(base_url, "/api/v1/sections", token)["sections"]}
    assert section_id in names, f"section {section_id} is linked on the page but not in GET /api/v1/sections"
    heading = h1_text(driver)
    assert names[section_id] in heading, f"<h1> '{heading}' should contain the section name '{names[section_id]}'"

    # At least one student row, each linking to that student's page.
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr[data-student-id]")
    assert rows, "the gradebook has no student rows (tbody tr[data-student-id])"
    for row in rows:
        student_id = row.get_attribute("data-student-id")
        hrefs = [urlparse(a.get_attribute("href")).path for a in row.find_elements(By.CSS_SELECTOR, "a[href]")]
        assert f"/students/{student_id}" in hrefs, f"the row of student {student_id} has no link to /students/{student_id}: {hrefs}"

    # The rows are students the API puts in the same gradebook.
    api_students = {str(s["id"]) for s in api_get(base_url, f"/api/v1/sections/{section_id}/gradebook", token)["students"]}
    page_students = {row.get_attribute("data-student-id") for row in rows}
    assert page_students <= api_students, f"rows not in the API's gradebook: {sorted(page_students - api_students)}"


def test_student_cannot_open_another_students_page(driver, base_url, login, axe_check):
    me = api_get(base_url, "/api/v1/me", api_session(base_url, "student")["token"])
    assert me.get("role") == "student", f"GET /api/v1/me as student: {me}"
    own_id = str(me["id"])

    # Another student from teacher's sections, found through the API.
    teacher_token = api_session(base_url, "teacher")["token"]
    other = None
    for section in api_get(base_url, "/api/v1/sections", teacher_token)["sections"]:
        students = api_get(base_url, f"/api/v1/sections/{section['id']}/gradebook", teacher_token)["students"]
        # (not one whose name is part of the student's own, which the page may show)
        other = next((s for s in students if str(s["id"]) != own_id and s["name"] not in me["name"]), None)
        if other:
            break
    assert other, "no student other than the demo student in any of teacher's sections"

    login(driver, "student")
    assert h1_text(driver), "the student's home page has an empty <h1>"
    axe_check(driver, "student-home")

    driver.get(f"{base_url}/students/{other['id']}")
    heading = h1_text(driver, "h1")
    assert heading.casefold() == "not allowed", (
        f"/students/{other['id']} as student: expected the <h1> 'Not allowed', got '{heading}'")
    body = driver.find_element(By.TAG_NAME, "body").text
    assert other["name"] not in body, f"the refusal page shows the other student's name '{other['name']}'"
    axe_check(driver, "student-forbidden")


@pytest.mark.parametrize("username", ["admin", "coach", "guardian"])
def test_role_lands_on_its_home_page(driver, login, axe_check, username):
    login(driver, username)
    assert h1_text(driver), f"{username}'s home page has an empty <h1>"
    axe_check(driver, f"{username}-home")


# Where the login page may put its message; the words are a fallback for a plain paragraph.
ERROR_SELECTOR = "[role=alert], .error, .errors, .alert, .flash, .form-error, #login-error"
ERROR_WORDS = re.compile(r"invalid|incorrect|wrong|not recogni[sz]ed|(did|does) ?n[o']t match|try again", re.IGNORECASE)


def test_wrong_password_stays_on_login_with_an_error(driver, base_url, axe_check):
    submit_login_form(driver, base_url, "teacher", "not-the-password")
    assert path_of(driver) == "/login", f"a wrong password should stay on /login, got {driver.current_url}"
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#login-form")),
             "the login form is not shown again after a wrong password")
    assert not driver.find_elements(By.CSS_SELECTOR, "form#logout-form"), "a wrong password signed the user in"

    messages = [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, ERROR_SELECTOR) if e.text.strip()]
    body = driver.find_element(By.TAG_NAME, "body").text
    assert messages or ERROR_WORDS.search(body), (
        f"no error message after a wrong password (looked for {ERROR_SELECTOR} and words like 'incorrect'); "
        f"page text: {body[:300]!r}")
    axe_check(driver, "login-wrong-password")


def test_teacher_records_evidence_in_the_drill_down_and_the_admin_sees_it_audited(driver, base_url, login, axe_check):
    login(driver, "teacher")
    driver.find_elements(By.CSS_SELECTOR, "a.section-link")[0].click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "table#gradebook")), "no gradebook")
    cell = driver.find_element(By.CSS_SELECTOR, "table#gradebook tbody td.cell a")
    cell_path = urlparse(cell.get_attribute("href")).path
    assert re.fullmatch(r"/students/[^/]+/competencies/[^/]+", cell_path), f"a cell links to {cell_path}"
    cell.click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#record-form")),
             f"no evidence form on the drill-down {driver.current_url}")
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "How it was calculated" in body and "What would each method give?" in body
    assert driver.find_elements(By.CSS_SELECTOR, "svg.growth-chart"), "the drill-down has no growth chart"
    axe_check(driver, "teacher-drill-down")

    # Record a piece of evidence with the form: the page comes back with the updated mastery.
    form = driver.find_element(By.CSS_SELECTOR, "form#record-form")
    form.find_elements(By.CSS_SELECTOR, "input[name=score]")[-1].click()
    form.find_element(By.CSS_SELECTOR, "textarea#comment").send_keys("Checked in the browser test")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")), "no confirmation after saving")
    assert "Checked in the browser test" in driver.find_element(By.TAG_NAME, "body").text
    axe_check(driver, "teacher-drill-down-saved")

    # The administrator finds the change in the audit log.
    driver.delete_all_cookies()
    login(driver, "admin")
    driver.get(f"{base_url}/admin/audit")
    assert h1_text(driver) == "Audit log"
    assert "evidence.record" in driver.find_element(By.TAG_NAME, "body").text
    axe_check(driver, "admin-audit-log")


def test_admin_checks_then_imports_a_moodle_framework(driver, base_url, login, axe_check, tmp_path):
    """The import page: choose a file, see the preview (nothing written), confirm, see what changed."""
    shared = Path(__file__).resolve().parents[3] / "shared" / "data" / "interop" / "moodle" / "example.csv"
    if shared.exists():
        upload, expected = shared, "64 competencies"
    else:  # without ../shared, a small framework written here
        upload = tmp_path / "habits.csv"
        upload.write_text(
            "Parent,ID,Name,Description,Format,Scale,Config,Rule,Outcome,RuleConfig,Related,Exported,IsFramework,Taxonomy\n"
            ',E2E,E2E habits,,1,"Not yet,Yes","[{""scaleid"":""1""},{""id"":2,""scaledefault"":1,""proficient"":1}]",,,,,,1,\n'
            ",E2E-1,Listens,,1,,,,0,null,,1,,\n", encoding="utf-8")
        expected = "1 competencies"
    login(driver, "admin")
    driver.get(f"{base_url}/admin/import")
    assert h1_text(driver) == "Import and export"
    axe_check(driver, "admin-import")
    form = driver.find_element(By.CSS_SELECTOR, "form#import-form")
    form.find_element(By.CSS_SELECTOR, "input[name=kind][value=moodle]").click()
    form.find_element(By.CSS_SELECTOR, "input#file").send_keys(str(upload))
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#confirm-form")),
             f"no preview with a confirm button at {driver.current_url}")
    preview = driver.find_element(By.CSS_SELECTOR, "#preview").text
    assert expected in preview, preview
    axe_check(driver, "admin-import-preview")
    driver.find_element(By.CSS_SELECTOR, "form#confirm-form button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#result")), "no result after confirming")
    assert "Imported" in driver.find_element(By.CSS_SELECTOR, "#result h2").text
    axe_check(driver, "admin-import-done")
    # The district's administrator edits a framework both schools use: every form of the editor, checked.
    driver.get(f"{base_url}/frameworks/fw-math")
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#scale-form")), "no scale editor for admin")
    axe_check(driver, "admin-framework-editor")


def test_student_hands_in_a_checkpoint_and_the_next_target_unlocks(driver, base_url, login, axe_check):
    """Next steps: the student starts a playlist item and hands in the checkpoint; the teacher scores it on the
    pathway map; the competency it unlocks appears in the student's next steps."""
    session = api_session(base_url, "student")
    token, student = session["token"], session["user"]["id"]
    advice = api_get(base_url, f"/api/v1/students/{student}/next-steps", token)
    section = api_get(base_url, "/api/v1/sections", token)["sections"][0]["id"]
    # A recommended step that alone blocks something else, so mastering it unlocks that.
    steps = {step["competencyId"]: step for step in advice["steps"]}
    unlocks = [(b["blockedBy"][0], b["competencyId"]) for b in advice["blocked"]
               if len(b["blockedBy"]) == 1 and b["blockedBy"][0] in steps]
    assert unlocks, f"no next step of the demo student unlocks anything: {advice['blocked']}"
    target, unlocked = unlocks[0]
    checkpoint = next(item for item in steps[target]["items"] if item["kind"] == "checkpoint")

    login(driver, "student")
    driver.get(f"{base_url}/students/{student}/next-steps")
    assert h1_text(driver) == "What to do next"
    assert not driver.find_elements(By.CSS_SELECTOR, f"[id='step-{unlocked}']"), "the locked competency is offered"
    axe_check(driver, "student-next-steps")
    for attempt in range(3):
        row = f"[id='item-{checkpoint['itemId']}']"
        start = driver.find_elements(By.CSS_SELECTOR, f"{row} form[action$='/start'] button")
        if start:  # not started yet, or scored before and tried again
            start[0].click()
            wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, f"{row} form[action$='/submit']")),
                     "no hand-in form after starting the checkpoint")
        if "Handed in" not in driver.find_element(By.CSS_SELECTOR, row).text:
            # Handing in carries the work (here, what the student wrote).
            driver.find_element(By.CSS_SELECTOR, f"{row} form[action$='/submit'] textarea[name=text]").send_keys(
                f"My working for attempt {attempt + 1}.")
            driver.find_element(By.CSS_SELECTOR, f"{row} form[action$='/submit'] button").click()
        wait_for(driver, EC.text_to_be_present_in_element((By.CSS_SELECTOR, row), "Handed in"),
                 "the checkpoint is not shown as handed in")
        if attempt == 0:
            axe_check(driver, "student-next-steps-handed-in")

        driver.delete_all_cookies()
        login(driver, "teacher")
        driver.get(f"{base_url}/sections/{section}/pathway")
        assert h1_text(driver) == "Pathway map"
        if attempt == 0:
            axe_check(driver, "teacher-pathway-map")
        form = driver.find_element(
            By.XPATH, f"//form[contains(@class,'checkpoint-form')][input[@name='item'][@value='{checkpoint['itemId']}']]")
        form.find_elements(By.CSS_SELECTOR, "select[name=score] option")[-1].click()  # the top level
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")), "no confirmation after scoring")

        driver.delete_all_cookies()
        login(driver, "student")
        driver.get(f"{base_url}/students/{student}/next-steps")
        if driver.find_elements(By.CSS_SELECTOR, f"[id='step-{unlocked}']"):
            break
    assert driver.find_elements(By.CSS_SELECTOR, f"[id='step-{unlocked}']"), "the next target did not unlock"
    assert not driver.find_elements(By.CSS_SELECTOR, f"[id='step-{target}']"), "the mastered competency is still offered"
    axe_check(driver, "student-next-steps-unlocked")


def test_student_sets_a_goal_reflects_and_prints_the_conference_report(driver, base_url, login, axe_check, tmp_path):
    """The student's own records: a goal with SMART prompts, a reflection, then the conference report printed
    to PDF by headless Chromium (the PDF has the student's name and a growth chart)."""
    session = api_session(base_url, "student")
    student, name = session["user"]["id"], session["user"]["name"]
    login(driver, "student")
    driver.get(f"{base_url}/students/{student}/goals")
    assert h1_text(driver) == "My goals"
    axe_check(driver, "student-goals")
    form = driver.find_element(By.CSS_SELECTOR, "form#goal-form")
    form.find_element(By.CSS_SELECTOR, "input#goal-title").send_keys("Explain unit rates to my class")
    form.find_element(By.CSS_SELECTOR, "textarea#goal-why").send_keys("I want to help my friends")
    form.find_elements(By.CSS_SELECTOR, "input[name=competency]")[0].click()
    form.find_element(By.CSS_SELECTOR, "textarea#goal-plan").send_keys("Two practice sets a week")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")), "the goal was not saved")
    assert "Explain unit rates to my class" in driver.find_element(By.TAG_NAME, "main").text
    axe_check(driver, "student-goals-saved")

    driver.get(f"{base_url}/students/{student}/reflections")
    form = driver.find_element(By.CSS_SELECTOR, "form#reflection-form")
    form.find_element(By.CSS_SELECTOR, "textarea#went-well").send_keys("I showed my working clearly")
    form.find_element(By.CSS_SELECTOR, "textarea#try-next").send_keys("Check units before I answer")
    form.find_element(By.CSS_SELECTOR, "input[name=visibility][value=shared]").click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")), "the reflection was not saved")
    assert "Check units before I answer" in driver.find_element(By.TAG_NAME, "main").text
    axe_check(driver, "student-reflections")

    driver.get(f"{base_url}/students/{student}/conference")
    assert driver.find_elements(By.CSS_SELECTOR, "svg.growth-chart"), "the conference report has no growth chart"
    # Phones have no print menu: the page's own button (shown by its script) prints.
    button = driver.find_element(By.CSS_SELECTOR, "button[data-print]")
    assert button.is_displayed(), "the Print button is not shown"
    axe_check(driver, "student-conference")
    pdf = tmp_path / "conference.pdf"
    pdf.write_bytes(base64.b64decode(driver.print_page()))
    shots = support.screenshot_dir()
    (shots / "student-conference.pdf").write_bytes(pdf.read_bytes())
    from pypdf import PdfReader
    reader = PdfReader(str(pdf))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert name in text, f"the PDF does not name {name}"
    assert "Growth on" in text, "the PDF has no growth chart section"
    # The charts are vector paths: count the drawing operators of the printed pages.
    operators = Counter()
    for page in reader.pages:
        page.extract_text(visitor_operand_before=lambda op, args, cm, tm: operators.update([op]))
    assert operators[b"l"] + operators[b"c"] + operators[b"re"] > 20, f"the PDF draws no chart: {operators}"
    # A copy a family keeps: who it is from, the reflection's answers each with its question, no banners.
    for words in ("School", "Classes", "Went well:", "I'll try next:", "Check units before I answer"):
        assert words in text, f"the PDF lacks {words!r}"
    assert "Saved." not in text and "Print or save as PDF" not in text, "the PDF prints the page's controls"
    # One or two pages, none of them but the last mostly blank: rendered to images, each page's inked height.
    assert 1 <= len(reader.pages) <= 2, f"the report prints on {len(reader.pages)} pages"
    fills = support.page_fills(pdf, tmp_path)
    assert all(fill > 0.6 for fill in fills[:-1]), f"a page is left mostly blank: {fills}"

    # The backpack prints as a readable copy too, every page but the last well filled (a long card breaks
    # between its rows instead of leaving the bottom of a page blank).
    driver.get(f"{base_url}/students/{student}/backpack")
    backpack = tmp_path / "backpack.pdf"
    backpack.write_bytes(base64.b64decode(driver.print_page()))
    (shots / "student-backpack.pdf").write_bytes(backpack.read_bytes())
    folder = tmp_path / "backpack-pages"
    folder.mkdir()
    fills = support.page_fills(backpack, folder)
    assert all(fill > 0.8 for fill in fills[:-1]), f"a backpack page is left partly blank: {fills}"


def test_guardian_sees_their_child_and_is_refused_another(driver, base_url, login, axe_check):
    guardian = api_session(base_url, "guardian")
    children = api_get(base_url, "/api/v1/me", guardian["token"])["children"]
    assert children, "the demo guardian has no child"
    child = children[0]["id"]
    teacher = api_session(base_url, "teacher")
    sections = api_get(base_url, "/api/v1/sections", teacher["token"])["sections"]
    book = api_get(base_url, f"/api/v1/sections/{sections[0]['id']}/gradebook", teacher["token"])
    other = next(s for s in book["students"] if s["id"] != child and s["name"] not in children[0]["name"])
    login(driver, "guardian")
    for page in ("", "/goals", "/plan", "/conference"):
        driver.get(f"{base_url}/students/{child}{page}")
        heading = h1_text(driver, "h1")
        assert heading and heading.casefold() != "not allowed", f"{page or 'tracker'}: {heading}"
    assert "goal-form" not in driver.page_source, "a guardian is offered a form"
    axe_check(driver, "guardian-child-conference")
    driver.get(f"{base_url}/students/{other['id']}/goals")
    assert h1_text(driver, "h1").casefold() == "not allowed"
    assert other["name"] not in driver.find_element(By.TAG_NAME, "body").text
    axe_check(driver, "guardian-refused")


def test_teacher_scores_a_rubric_with_the_keyboard_builds_groups_and_exports(driver, base_url, login, axe_check):
    """The teacher's day: score a task's rubric for three students with number keys, see the gradebook change,
    open a drill-down, build flexible groups, export the gradebook as CSV."""
    from selenium.webdriver.common.keys import Keys
    teacher = api_session(base_url, "teacher")
    section = api_get(base_url, "/api/v1/sections", teacher["token"])["sections"][1]["id"]
    before = api_get(base_url, f"/api/v1/sections/{section}/gradebook", teacher["token"])
    counts_before = {(c["studentId"], c["competencyId"]): c["evidenceCount"] for c in before["cells"]}

    login(driver, "teacher")
    driver.get(f"{base_url}/sections/{section}/tasks")
    axe_check(driver, "teacher-tasks")
    driver.find_element(By.CSS_SELECTOR, "main ul.plain-list li a").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#scoring-form")), "no scoring form")
    axe_check(driver, "teacher-scoring")
    scored = []
    for round_ in range(3):
        form = driver.find_element(By.CSS_SELECTOR, "form#scoring-form")
        scored.append(form.find_element(By.CSS_SELECTOR, "input[name=student]").get_attribute("value"))
        for fieldset in form.find_elements(By.CSS_SELECTOR, "fieldset.criterion"):
            radios = fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
            radios[0].send_keys(Keys.SPACE)          # focus the criterion, then pick a level with a number key
            radios[0].send_keys(str(min(len(radios), 3 + round_ % 2)))
        checked = form.find_elements(By.CSS_SELECTOR, "fieldset.criterion input[type=radio]:checked")
        assert len(checked) == len(form.find_elements(By.CSS_SELECTOR, "fieldset.criterion")), "a criterion has no level"
        assert any(radio.get_attribute("data-key") != "1" for radio in checked), "number keys did not pick levels"
        form.find_element(By.CSS_SELECTOR, "button[name=next]").click()
        wait_for(driver, replaced(form), "the next student's page did not come")
        wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")), "no confirmation after scoring")
        assert "Saved for" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert len(set(scored)) == 3, f"did not move through three students: {scored}"

    after = api_get(base_url, f"/api/v1/sections/{section}/gradebook", teacher["token"])
    changed = [c for c in after["cells"] if c["studentId"] in scored and c["evidenceCount"] > counts_before.get((c["studentId"], c["competencyId"]), 0)]
    assert changed, "the gradebook did not change after scoring"

    driver.get(f"{base_url}/sections/{section}")
    cell = driver.find_element(
        By.CSS_SELECTOR, f"tr[data-student-id='{scored[0]}'] td.cell a[href*='{changed[0]['competencyId']}']")
    cell.click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "svg.growth-chart")), "no drill-down chart")
    assert "Rubric" in driver.find_element(By.TAG_NAME, "main").text

    driver.get(f"{base_url}/sections/{section}/groups")
    chooser = driver.find_element(By.CSS_SELECTOR, "form#groups-chooser")
    chooser.find_elements(By.CSS_SELECTOR, "input[name=competency]")[0].click()
    chooser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#groups-form")), "no suggested groups")
    axe_check(driver, "teacher-groups")
    driver.find_element(By.CSS_SELECTOR, "form#groups-form button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "table#rotation")), "no station rotation")
    axe_check(driver, "teacher-grouping")

    driver.get(f"{base_url}/sections/{section}")
    link = driver.find_element(By.CSS_SELECTOR, "a[href$='gradebook.csv']").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(link, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = list(csv.reader(io.StringIO(response.read().decode("utf-8"))))
    assert rows[0][:2] == ["student_id", "student"] and len(rows) == len(after["students"]) + 1


def test_every_new_workspace_page_passes_axe(driver, base_url, login, axe_check):
    """The pages of the teacher's workspace, the framework editor and flex days, each checked with axe-core."""
    teacher = api_session(base_url, "teacher")
    section = api_get(base_url, "/api/v1/sections", teacher["token"])["sections"][0]["id"]
    login(driver, "teacher")
    pages = [
        (f"/sections/{section}?level=2", "teacher-gradebook-filtered"),
        (f"/sections/{section}/quick-check", "teacher-quick-check-choose"),
        (f"/sections/{section}/settings", "teacher-section-settings"),
        ("/frameworks", "teacher-frameworks"),
        ("/frameworks/fw-math", "teacher-framework-editor"),
        ("/frameworks/fw-math/tasks/new", "teacher-task-builder"),
        ("/my-day", "teacher-my-day"),
    ]
    for path, name in pages:
        driver.get(f"{base_url}{path}")
        assert h1_text(driver, "h1").casefold() != "not allowed", path
        axe_check(driver, name)
    driver.get(f"{base_url}/sections/{section}/quick-check")
    driver.find_element(By.CSS_SELECTOR, "form.inline-form button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#quick-check-form")), "no quick check form")
    axe_check(driver, "teacher-quick-check")

    driver.delete_all_cookies()
    login(driver, "coach")
    driver.get(f"{base_url}/schedule")
    form = driver.find_element(By.CSS_SELECTOR, "#new-day form")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#add-session form")), "no flex day editor")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/propose'] button").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "table#flex-grid")), "no proposed day")
    axe_check(driver, "coach-flex-day")
