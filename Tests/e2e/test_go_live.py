"""A school goes live from an empty database, in a real browser (the issue's "Done when").

This test starts its own `masterly serve` on a fresh SQLite file (not the demo at MASTERLY_URL) and walks the
README's "Your own school": the sign-in page explains how to create the first administrator; `masterly setup`
creates them (a second run with the same username is refused); the administrator signs in, imports a real
OneRoster 1.1 roster and a real CASE package through the import page (check, then confirm), links the course
to the framework, corrects the role the roster got wrong and creates a one-time link for the teacher; the
teacher opens that link in a fresh browser, chooses a password and finds the imported students and the
framework's competencies in their gradebook. Every page gets an axe-core WCAG 2.1 AA check; the gradebook is
also photographed at phone width.

Environment: MASTERLY_BIN — the masterly binary (CI: .build/debug/masterly). Without it the test is skipped.
The data come from ../shared/data/interop (skipped when that folder is missing).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

import e2e_support as support
from e2e_support import h1_text, page_status, path_of, replaced, wait_for

INTEROP = Path(__file__).resolve().parents[3] / "shared" / "data" / "interop"
# A consistent small bulk set: 1 school, 2 courses, 5 classes, 20 users, 30 enrollments. Its quirk is the
# one a school meets in real life: the teachers (us0001, us0002) have role=student in users.csv.
ROSTER = INTEROP / "oneroster" / "v1p1-lepo-roster-hub-en"
# A real CFPackage exported by OpenSALT (CCSS Math grade 6/7, ratios and proportional relationships).
CASE_PACKAGE = INTEROP / "case" / "opensalt-sample" / "opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json"

ADMIN_USERNAME = "ada"
ADMIN_NAME = "Ada Lovelace"
ADMIN_PASSWORD = "analytical engine notes"
DISTRICT = "Lakeside Unified School District"
TEACHER_PASSWORD = "ratios and rates all year"
SERVER_START_TIMEOUT = 60  # seconds: migrating an empty SQLite file takes about one


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def masterly_bin() -> Path:
    value = os.environ.get("MASTERLY_BIN", "").strip()
    if not value:
        pytest.skip("MASTERLY_BIN is not set: point it at a built masterly binary (CI: .build/debug/masterly) "
                    "to run the go-live test, which starts its own server on an empty database")
    path = Path(value)
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"MASTERLY_BIN={value} is not an executable file", pytrace=False)
    return path.resolve()


@pytest.fixture(scope="module")
def interop_data() -> None:
    missing = [str(p) for p in (ROSTER, CASE_PACKAGE) if not p.exists()]
    if missing:
        pytest.skip(f"the shared interop data is missing ({', '.join(missing)})")


@pytest.fixture
def driver():
    """A fresh headless Chromium (this module needs no MASTERLY_URL, so it overrides conftest's fixture)."""
    browser = support.new_chromium()
    yield browser
    browser.quit()


@pytest.fixture
def school(masterly_bin, tmp_path):
    """`masterly serve` on a fresh SQLite file and a free port; stopped (terminate, wait) afterwards."""
    database = tmp_path / "school.sqlite"
    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(masterly_bin), "serve", "--port", str(port), "--database", str(database)],
            stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path, env=server_environment())
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(url, process, log_path)
        yield {"url": url, "database": database, "bin": masterly_bin, "log": log_path}
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
        # The server's log, kept beside the screenshots.
        (support.screenshot_dir() / "go-live-serve.log").write_bytes(log_path.read_bytes())


def server_environment() -> dict:
    """This process's environment without the test harness's MASTERLY_* variables (MASTERLY_URL,
    MASTERLY_SSO_URL, MASTERLY_BIN): masterly reads MASTERLY_* as its configuration and refuses unknown keys."""
    return {k: v for k, v in os.environ.items() if not k.startswith("MASTERLY_")}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_health(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if process.poll() is not None:
            pytest.fail(f"masterly serve exited with {process.returncode} before answering /health:\n"
                        f"{log_path.read_text(errors='replace')}", pytrace=False)
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"masterly serve did not answer {url}/health within {SERVER_START_TIMEOUT}s:\n"
                        f"{log_path.read_text(errors='replace')}", pytrace=False)
        time.sleep(0.25)  # polling interval, not an assertion


# --------------------------------------------------------------------------- helpers

def run_setup(school: dict, username: str, name: str, password: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(school["bin"]), "setup", "--database", str(school["database"]), "--username", username,
         "--name", name, "--district", DISTRICT],
        input=password + "\n", capture_output=True, text=True, timeout=120, env=server_environment())


def body_text(driver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def no_server_error(driver, what: str) -> None:
    status = page_status(driver)
    assert status is None or status < 500, (
        f"{what}: HTTP {status} at {driver.current_url}; page text: {body_text(driver)[:500]!r}")


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def zip_roster(folder: Path, target: Path) -> Path:
    """The roster as a SIS exports it: a .zip with the CSV files at its root."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.glob("*.csv")):
            archive.write(file, file.name)
    return target


def roster_facts() -> dict:
    """From the OneRoster files themselves: the first teacher's first class, its course, its students."""
    users = {u["sourcedId"]: u for u in read_csv(ROSTER / "users.csv")}
    classes = {c["sourcedId"]: c for c in read_csv(ROSTER / "classes.csv")}
    courses = {c["sourcedId"]: c for c in read_csv(ROSTER / "courses.csv")}
    enrollments = read_csv(ROSTER / "enrollments.csv")
    teaching = next(e for e in enrollments if e["role"] == "teacher")
    klass = classes[teaching["classSourcedId"]]
    students = [users[e["userSourcedId"]] for e in enrollments
                if e["classSourcedId"] == klass["sourcedId"] and e["role"] == "student"]
    others = [users[e["userSourcedId"]] for e in enrollments
              if e["role"] == "student" and users[e["userSourcedId"]] not in students]
    # The class's term ends on the last end date of its academic sessions; after it, the class is an archive.
    sessions = {a["sourcedId"]: a for a in read_csv(ROSTER / "academicSessions.csv")}
    ends = [sessions[t.strip()]["endDate"] for t in klass["termSourcedIds"].split(",") if t.strip() in sessions]
    ended = bool(ends) and max(ends) < dt.date.today().isoformat()
    return {"teacher": users[teaching["userSourcedId"]], "class": klass,
            "course": courses[klass["courseSourcedId"]], "students": students, "others": others,
            "term_ends": max(ends) if ends else None, "term_ended": ended}


def case_facts() -> dict:
    """From the CASE package: its title, the items that become competencies — every item below a top-level
    item (top-level items with children become strands; see docs/interop.md) — and the codes of those without
    children, which are the gradebook's columns (a parent competency is a rollup of its children)."""
    package = json.loads(CASE_PACKAGE.read_text(encoding="utf-8"))
    document = package["CFDocument"]["identifier"]
    parents = {a["originNodeURI"]["identifier"]: a["destinationNodeURI"]["identifier"]
               for a in package["CFAssociations"] if a["associationType"] == "isChildOf"}
    items = {i["identifier"]: i for i in package["CFItems"]}
    strands = {i for i in items if parents.get(i) == document}
    competencies = {items[i]["humanCodingScheme"] for i in items if i not in strands}
    has_children = set(parents.values())
    leaves = {items[i]["humanCodingScheme"] for i in items if i not in strands and i not in has_children}
    return {"title": package["CFDocument"]["title"], "competencies": competencies, "columns": leaves,
            "strands": {items[i]["fullStatement"] for i in strands},
            "all_codes": {i["humanCodingScheme"] for i in items.values()}}


def import_file(driver, url: str, axe_check, kind: str, upload: Path, name: str) -> None:
    """The import page's two steps: check the file (a preview, nothing written), then confirm."""
    driver.get(f"{url}/admin/import")
    no_server_error(driver, "the import page")
    form = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#import-form")),
                    f"no form#import-form at {url}/admin/import")
    form.find_element(By.CSS_SELECTOR, f"input[name=kind][value={kind}]").click()
    form.find_element(By.CSS_SELECTOR, "input#file").send_keys(str(upload))
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#preview")),
             f"no #preview after checking {upload.name} (at {driver.current_url})")
    preview = driver.find_element(By.CSS_SELECTOR, "#preview").text
    assert driver.find_elements(By.CSS_SELECTOR, "form#confirm-form"), (
        f"checking {upload.name} offers no 'Import now' (HTTP {page_status(driver)}): {preview[:1500]}")
    assert f"Ready to import {upload.name}" in preview, preview[:800]
    assert "nothing was written" not in preview, preview[:800]
    axe_check(driver, f"go-live-import-{name}-preview")
    button = driver.find_element(By.CSS_SELECTOR, "form#confirm-form button[type=submit]")
    button.click()
    wait_for(driver, replaced(button), f"confirming {upload.name} did not submit")
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#result")),
             f"no #result after confirming {upload.name} (HTTP {page_status(driver)}: {body_text(driver)[:500]!r})")
    result = driver.find_element(By.CSS_SELECTOR, "#result").text
    assert driver.find_element(By.CSS_SELECTOR, "#result h2").text.strip() == f"Imported {upload.name}", result[:800]
    axe_check(driver, f"go-live-import-{name}-done")


def summary_row(driver, kind: str) -> list[str]:
    """One row of the #result summary table, as [kind, new, updated, removed, unchanged]."""
    for row in driver.find_elements(By.CSS_SELECTOR, "#result table.summary-table tbody tr"):
        cells = [c.text.strip() for c in row.find_elements(By.CSS_SELECTOR, "th, td")]
        if cells and cells[0] == kind:
            return cells
    return []


# --------------------------------------------------------------------------- the test

def test_a_school_goes_live_from_an_empty_database(school, interop_data, driver, axe_check, tmp_path):
    url = school["url"]
    roster, framework = roster_facts(), case_facts()

    # a. An empty database: the sign-in page says there is no administrator and how to create one.
    driver.get(f"{url}/")
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")), f"no <h1> at {driver.current_url}")
    assert path_of(driver) == "/login", f"/ without a session should go to /login, got {driver.current_url}"
    assert h1_text(driver) == "This Masterly has no administrator yet", h1_text(driver)
    text = body_text(driver)
    assert "masterly setup --database" in text and "--username" in text, (
        f"the page does not show the setup command: {text[:600]!r}")
    assert "standard input" in text, "the page does not say the password is read from standard input"
    assert not driver.find_elements(By.CSS_SELECTOR, "form#login-form"), (
        "a sign-in form is offered although nobody can sign in yet")
    axe_check(driver, "go-live-no-administrator")

    # b. `masterly setup`: the password on one line of standard input; the same username again is refused.
    first = run_setup(school, ADMIN_USERNAME, ADMIN_NAME, ADMIN_PASSWORD)
    assert first.returncode == 0, f"masterly setup exited {first.returncode}:\n{first.stdout}\n{first.stderr}"
    assert ADMIN_PASSWORD not in first.stdout + first.stderr, "masterly setup printed the password"
    again = run_setup(school, ADMIN_USERNAME, "Somebody Else", "another password entirely")
    assert again.returncode == 1, (
        f"masterly setup with a taken username should exit 1, got {again.returncode}:\n{again.stdout}\n{again.stderr}")

    # c. The administrator signs in (with the first password: the refused run changed nothing) and sees the
    #    next steps on an empty district.
    driver.get(f"{url}/login")
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#login-form")),
             f"after setup, /login still shows no sign-in form: {body_text(driver)[:300]!r}")
    support.login(driver, url, ADMIN_USERNAME, ADMIN_PASSWORD)
    assert h1_text(driver) == DISTRICT, f"the admin home's <h1> should name the district, got {h1_text(driver)!r}"
    start = driver.find_element(By.XPATH, "//main//section[h2[normalize-space()='Start here']]")
    steps = [urlparse(a.get_attribute("href")).path for a in start.find_elements(By.CSS_SELECTOR, "li a")]
    for wanted in ("/admin/import", "/admin/courses", "/admin/people"):
        assert wanted in steps, f"'Start here' has no link to {wanted}: {steps}"
    assert ADMIN_NAME in body_text(driver) or ADMIN_USERNAME in body_text(driver), "the admin's name is not shown"
    axe_check(driver, "go-live-admin-start-here")

    # d. Import the roster (a .zip of the OneRoster folder) and the framework, each checked, then confirmed.
    zipped = zip_roster(ROSTER, tmp_path / "lepo-roster.zip")
    start.find_element(By.XPATH, ".//a[contains(normalize-space(), 'Import your roster')]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#import-form")),
             "the 'Start here' link did not open the import page")
    axe_check(driver, "go-live-import")
    users = read_csv(ROSTER / "users.csv")
    import_file(driver, url, axe_check, "oneroster", zipped, "roster")
    assert summary_row(driver, "people")[:2] == ["people", str(len(users))], summary_row(driver, "people")
    assert summary_row(driver, "sections")[:2] == ["sections", str(len(read_csv(ROSTER / "classes.csv")))], (
        summary_row(driver, "sections"))
    import_file(driver, url, axe_check, "case", CASE_PACKAGE, "case")
    assert summary_row(driver, "competencies")[:2] == ["competencies", str(len(framework["competencies"]))], (
        summary_row(driver, "competencies"))

    # The overview now lists the imported school and what it still needs.
    driver.get(f"{url}/")
    school_name = read_csv(ROSTER / "orgs.csv")[0]["name"]
    card = driver.find_element(By.XPATH, f"//main//li[contains(@class,'stat')][h2[normalize-space()='{school_name}']]")
    assert "What to do next" in card.text and "to frameworks" in card.text, card.text
    axe_check(driver, "go-live-admin-overview")

    # e. Link the imported course to the imported framework at Courses.
    card.find_element(By.XPATH, ".//a[contains(@href,'/admin/courses')]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")), "Courses did not open")
    assert path_of(driver) == "/admin/courses", driver.current_url
    no_server_error(driver, "the courses page")
    course = roster["course"]
    section = driver.find_element(
        By.XPATH, f"//main//section[h2[contains(normalize-space(), '{course['courseCode']}')]]")
    assert course["title"] in section.text, section.text
    box = section.find_element(
        By.XPATH, f".//div[contains(@class,'check')][label[contains(normalize-space(), '{framework['title']}')]]/input")
    assert not box.is_selected(), "the framework is linked to the course before anyone linked it"
    course_anchor = section.get_attribute("id")
    box.click()
    save = section.find_element(By.CSS_SELECTOR, "button[type=submit]")
    save.click()
    wait_for(driver, replaced(save), "saving the course's frameworks did not submit")
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")),
             f"no confirmation after linking (HTTP {page_status(driver)}: {body_text(driver)[:300]!r})")
    box = driver.find_element(
        By.XPATH, f"//section[@id='{course_anchor}']//div[contains(@class,'check')]"
                  f"[label[contains(normalize-space(), '{framework['title']}')]]/input")
    assert box.is_selected(), "after saving, the framework is not ticked for the course"
    axe_check(driver, "go-live-courses-linked")

    # f. People: find the teacher the roster names, correct the role users.csv got wrong (README step 5),
    #    and create a one-time link.
    teacher = roster["teacher"]
    driver.get(f"{url}/admin/people")
    search = driver.find_element(By.CSS_SELECTOR, "form.filters")
    search.find_element(By.CSS_SELECTOR, "#people-q").send_keys(teacher["username"])
    button = search.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    wait_for(driver, replaced(button), "the people search did not submit")
    rows = driver.find_elements(By.XPATH, f"//table[contains(@class,'people')]//tr[td[2][normalize-space()='{teacher['username']}']]")
    assert len(rows) == 1, f"searching People for {teacher['username']} should find one row: {body_text(driver)[:600]!r}"
    axe_check(driver, "go-live-people")
    rows[0].find_element(By.CSS_SELECTOR, "a").click()
    form = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#person-form")), "no person form")
    assert form.find_element(By.CSS_SELECTOR, "#givenName").get_attribute("value") == teacher["givenName"]
    role = Select(form.find_element(By.CSS_SELECTOR, "select#role"))
    if role.first_selected_option.get_attribute("value") != "teacher":  # users.csv says student
        role.select_by_value("teacher")
        button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
        button.click()
        wait_for(driver, replaced(button), "saving the person did not submit")
        wait_for(driver, EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Saved"),
                 f"no 'Saved.' after changing the role (HTTP {page_status(driver)}: {body_text(driver)[:400]!r})")
        assert Select(driver.find_element(By.CSS_SELECTOR, "select#role")).first_selected_option.get_attribute("value") == "teacher"
    person_page = driver.current_url
    invite = driver.find_element(By.XPATH, "//form[contains(@action,'/invite')]//button")
    invite.click()
    wait_for(driver, replaced(invite), "creating the link did not submit")
    card = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "section.invitation")),
                    f"no one-time link shown (HTTP {page_status(driver)}: {body_text(driver)[:400]!r})")
    link = card.find_element(By.CSS_SELECTOR, "code").text.strip()
    assert re.fullmatch(re.escape(url) + r"/invite/[A-Za-z0-9_-]{16,}", link), (
        f"the one-time link should be {url}/invite/SECRET, got {link!r}")
    axe_check(driver, "go-live-invitation-created")

    # g. The teacher, in a fresh browser: the link, a password (a common one is refused), signed in, the section.
    teacher_browser = support.new_chromium()
    try:
        teacher_goes_live(teacher_browser, url, link, roster, framework, axe_check)
    except Exception:
        support.save_screenshot(teacher_browser, "FAILED-go-live-teacher")
        raise
    finally:
        teacher_browser.quit()

    # The link is used up.
    driver.get(link)
    assert h1_text(driver) == "This link cannot be used", f"a used link still works: {h1_text(driver)!r}"
    assert page_status(driver) == 410, page_status(driver)
    # And the administrator's People page now says the teacher has a password.
    driver.get(person_page)
    assert "Has a password" in body_text(driver), body_text(driver)[:600]


def teacher_goes_live(browser, url: str, link: str, roster: dict, framework: dict, axe_check) -> None:
    teacher = roster["teacher"]
    browser.get(link)
    form = wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "form#invite-form")),
                    f"no form#invite-form at {link}: {body_text(browser)[:300]!r}")
    assert h1_text(browser) == f"Welcome, {teacher['givenName']}", h1_text(browser)
    assert teacher["username"] in body_text(browser), "the page does not say which username the password is for"
    axe_check(browser, "go-live-choose-password")

    def submit(password: str):
        form = browser.find_element(By.CSS_SELECTOR, "form#invite-form")
        for field in ("#password", "#confirm"):
            element = form.find_element(By.CSS_SELECTOR, field)
            element.clear()
            element.send_keys(password)
        button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
        button.click()
        wait_for(browser, replaced(button), "the password form was not submitted")

    submit("password123")  # long enough for the browser, but on the list of breached passwords
    alert = wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=alert]")),
                     f"a common password was not refused (at {browser.current_url})")
    assert "common" in alert.text, alert.text
    assert not browser.find_elements(By.CSS_SELECTOR, "form#logout-form"), "a refused password signed the teacher in"
    axe_check(browser, "go-live-choose-password-refused")

    submit(TEACHER_PASSWORD)
    wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "form#logout-form")),
             f"choosing a password did not sign the teacher in (at {browser.current_url}, HTTP {page_status(browser)}: "
             f"{body_text(browser)[:400]!r})")
    assert path_of(browser) == "/", f"after choosing a password the teacher should land on /, got {browser.current_url}"
    axe_check(browser, "go-live-teacher-home")

    klass = roster["class"]
    # A class whose term has ended (the sample roster's ended in 2021) is listed under "Past terms" and opens
    # read-only; a current one is a section card.
    where = "#past-sections a" if roster["term_ended"] else "a.section-link"
    links = browser.find_elements(By.CSS_SELECTOR, where)
    names = [a.text.strip() for a in links]
    mine = [a for a in links if klass["classCode"] in a.text]
    assert mine, (f"the teacher's home does not list the class {klass['classCode']} ({klass['title']}) at {where}; "
                  f"there: {names}")
    assert klass["title"] in mine[0].text, mine[0].text
    mine[0].click()
    table = wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "table#gradebook")),
                     f"no table#gradebook in {klass['title']} (at {browser.current_url}, HTTP {page_status(browser)}: "
                     f"{body_text(browser)[:400]!r})")
    archived = browser.find_elements(By.CSS_SELECTOR, "#archived")
    if roster["term_ended"]:
        assert archived and roster["term_ends"] in archived[0].text, (
            f"the class's term ended on {roster['term_ends']}: the gradebook should say it is an archive")
    else:
        assert not archived, "a current class is shown as an archive"

    # The imported students of that class, and only they.
    rows = {r.get_attribute("data-student-id"): r.find_element(By.CSS_SELECTOR, "th, td").text.strip()
            for r in table.find_elements(By.CSS_SELECTOR, "tbody tr[data-student-id]")}
    shown = list(rows.values())
    for student in roster["students"]:
        assert any(student["givenName"] in name and student["familyName"] in name for name in shown), (
            f"{student['givenName']} {student['familyName']} ({student['sourcedId']}) is enrolled in "
            f"{klass['sourcedId']} but not in the gradebook: {shown}")
    assert len(rows) == len(roster["students"]), f"expected {len(roster['students'])} students, found {shown}"
    for other in roster["others"]:
        full = f"{other['givenName']} {other['familyName']}"
        assert not any(other["givenName"] in n and other["familyName"] in n for n in shown), (
            f"{full} is not in {klass['sourcedId']} but appears in its gradebook")

    # The framework's competencies are the columns (those without children), by their CASE codes, under the
    # CASE strands.
    codes = {c.text.strip() for c in table.find_elements(By.CSS_SELECTOR, "thead th span.code")}
    assert codes == framework["columns"], (
        f"gradebook columns {sorted(codes)} should be the CASE competencies without children "
        f"{sorted(framework['columns'])}")
    strands = {s.text.strip() for s in table.find_elements(By.CSS_SELECTOR, "thead th.strand")}
    assert strands == framework["strands"], f"strand headings {strands} should be {framework['strands']}"
    axe_check(browser, "go-live-gradebook")

    browser.set_window_size(375, 812)
    wait_for(browser, lambda d: d.execute_script("return window.innerWidth") <= 375 + 16,
             "the window did not shrink to phone width")
    wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "table#gradebook")), "no gradebook at phone width")
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
    wide = browser.execute_script("""
        const out = [], width = document.documentElement.clientWidth;
        for (const e of document.querySelectorAll('body *')) {
          if (e.getBoundingClientRect().right <= width + 1) continue;
          let p = e.parentElement, scrolls = false;
          for (; p; p = p.parentElement) {
            const x = getComputedStyle(p).overflowX;
            if (x === 'auto' || x === 'scroll') { scrolls = true; break; }
          }
          if (!scrolls) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
        }
        return out.slice(0, 8);""")
    assert overflow <= 1, (f"at 375px the page scrolls sideways by {overflow}px (the table should scroll, not the "
                           f"page); too wide: {wide}")
    axe_check(browser, "go-live-gradebook-phone")
