"""A flex day as a school runs it: the coordinator makes the week's day from a weekly template, a teacher
requires three of their students for a reteach, a student ranks two sessions, the coordinator proposes (the
requirement honoured, the choices weighed) and publishes, the teacher takes attendance — starting empty — and
records a level that shows in the student's record. Every page at desktop and phone width, with axe-core."""
from __future__ import annotations

import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from e2e_support import api, api_get, api_session, check_at_widths, wait_for


def test_flex_day_from_template_to_attendance(driver, base_url, login, axe_check):
    coach = api_session(base_url, "coach")["token"]
    teacher_session = api_session(base_url, "teacher")
    teacher, teacher_id = teacher_session["token"], teacher_session["user"]["id"]
    student_id = api_session(base_url, "student")["user"]["id"]
    section = api_get(base_url, "/api/v1/sections", teacher)["sections"][0]["id"]
    gradebook = api_get(base_url, f"/api/v1/sections/{section}/gradebook", teacher)
    competency = gradebook["competencies"][0]["id"]
    required = [s["id"] for s in gradebook["students"] if s["id"] != student_id][:3]
    assert len(required) == 3
    before = _evidence_count(gradebook, required[0], competency)

    # The weekly template (set up once by the coordinator): a reteach, a maker lab and an art studio.
    status, template = api(base_url, "POST", "/api/v1/flex-days", coach,
                           {"date": "2026-12-07", "mods": 3, "startTime": "09:00", "modMinutes": 20,
                            "template": True})
    assert status == 201, template
    sessions = {}
    for title, start, capacity, teacher_of, competencies in [
            ("Reteach", 0, 6, teacher_id, [competency]), ("Maker lab", 1, 4, None, []),
            ("Art studio", 2, 4, None, [])]:
        body = {"title": title, "start": start, "length": 1, "capacity": capacity, "competencyIds": competencies,
                "room": "B12"}
        if teacher_of:
            body["teacherId"] = teacher_of
        status, made = api(base_url, "POST", f"/api/v1/flex-days/{template['id']}/sessions", coach, body)
        assert status == 201, made
        sessions[title] = made["id"]

    # The coordinator makes this week's day from the template, in the browser.
    login(driver, "coach")
    driver.get(f"{base_url}/schedule")
    form = driver.find_element(By.CSS_SELECTOR, f"form[action='/schedule/{template['id']}/copy']")
    date = f"2027-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"
    field = form.find_element(By.CSS_SELECTOR, "input[type=date]")
    driver.execute_script("arguments[0].value = arguments[1];", field, date)
    form.find_element(By.CSS_SELECTOR, "button").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#sessions")), "no day made from the template")
    day = driver.current_url.rstrip("/").split("/")[-1].split("?")[0]
    assert "Reteach" in driver.find_element(By.ID, "sessions").text
    assert "9:00" in driver.find_element(By.ID, "sessions").text, "mods are not shown with clock times"

    # The teacher requires three of their students for the reteach.
    driver.delete_all_cookies()
    login(driver, "teacher")
    driver.get(f"{base_url}/my-day")
    assert driver.find_elements(By.CSS_SELECTOR, f"a[href='/flex/{day}']"), "the teacher is not told of the day"
    driver.get(f"{base_url}/flex/{day}")
    Select(driver.find_element(By.ID, "request-session")).select_by_value(sessions["Reteach"])
    for student in required:
        driver.find_element(By.CSS_SELECTOR, f"input[name=student][value='{student}']").click()
    driver.find_element(By.CSS_SELECTOR, "input[name=required]").click()
    driver.find_element(By.ID, "request-reason").send_keys("Reteach before Friday's check")
    driver.find_element(By.CSS_SELECTOR, "#request-form button[type=submit]").click()
    wait_for(driver, EC.text_to_be_present_in_element((By.ID, "my-requests"), "Friday"), "the request was not kept")
    check_at_widths(driver, base_url, axe_check, f"/flex/{day}", "teacher-flex-request")

    # The student ranks two sessions (in Spanish too: a student page).
    driver.delete_all_cookies()
    driver.set_window_size(1280, 900)
    login(driver, "student")
    driver.get(f"{base_url}/my-day")
    driver.find_element(By.CSS_SELECTOR, f"a[href='/flex/{day}']").click()
    Select(wait_for(driver, EC.presence_of_element_located((By.ID, "choice-1")), "no choice form")).select_by_value(
        sessions["Maker lab"])
    Select(driver.find_element(By.ID, "choice-2")).select_by_value(sessions["Art studio"])
    driver.find_element(By.CSS_SELECTOR, "#choice-form button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")), "the picks were not saved")
    assert Select(driver.find_element(By.ID, "choice-1")).first_selected_option.get_attribute("value") == \
        sessions["Maker lab"]
    check_at_widths(driver, base_url, axe_check, f"/flex/{day}", "student-flex-choice")
    check_at_widths(driver, base_url, axe_check, f"/flex/{day}?lang=es", "student-flex-choice-es",
                    also=lambda d, p: _spanish(d, p, "Tus opciones"))

    # The coordinator proposes: the requirement honoured, the student's picks weighed; then publishes.
    driver.delete_all_cookies()
    driver.set_window_size(1280, 900)
    login(driver, "coach")
    driver.get(f"{base_url}/schedule/{day}")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/propose'] button").click()
    summary = wait_for(driver, EC.presence_of_element_located((By.ID, "outcome-summary")), "no proposal")
    assert "3 of 3 teacher requests met" in summary.text, summary.text
    # A school's day runs to hundreds of students: the first few are listed, the rest one click away.
    driver.find_element(By.CSS_SELECTOR, "#students a[href$='all=1#students']").click()
    row = wait_for(driver, EC.presence_of_element_located(
        (By.CSS_SELECTOR, f"#flex-grid tr[data-student-id='{student_id}']")), "the student's day is not listed")
    assert "Maker lab" in row.text, f"the student's first choice was not weighed: {row.text}"
    for student in required:
        assert "Reteach" in driver.find_element(By.CSS_SELECTOR, f"#flex-grid tr[data-student-id='{student}']").text
    check_at_widths(driver, base_url, axe_check, f"/schedule/{day}", "coach-flex-proposal")
    driver.set_window_size(1280, 900)
    driver.get(f"{base_url}/schedule/{day}")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/publish'] button").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form[action$='/close']")), "not published")

    # The student sees their day and why.
    driver.delete_all_cookies()
    login(driver, "student")
    driver.get(f"{base_url}/my-day")
    assert "Your first choice." in driver.find_element(By.ID, "my-mods").text
    check_at_widths(driver, base_url, axe_check, "/my-day", "student-my-day")

    # The teacher takes attendance, starting empty, and records a level for one student.
    driver.delete_all_cookies()
    driver.set_window_size(1280, 900)
    login(driver, "teacher")
    driver.get(f"{base_url}/my-day")
    sheet = driver.find_element(By.ID, f"session-{sessions['Reteach']}")
    assert not sheet.find_elements(By.CSS_SELECTOR, "input[type=radio]:checked"), "attendance did not start empty"
    sheet.find_element(By.CSS_SELECTOR, f"input[name='attendance-{required[0]}'][value=present]").click()
    levels = Select(sheet.find_element(By.CSS_SELECTOR, f"select[name='level-{required[0]}']"))
    levels.select_by_index(len(levels.options) - 1)
    sheet.find_element(By.CSS_SELECTOR, f"input[name='attendance-{required[1]}'][value=absent]").click()
    sheet.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")), "attendance not saved")
    check_at_widths(driver, base_url, axe_check, "/my-day", "teacher-flex-attendance")
    driver.set_window_size(1280, 900)
    driver.get(f"{base_url}/students/{required[0]}/competencies/{competency}")
    assert "Flex session: Reteach" in driver.page_source, "the level is not in the student's record"
    after = api_get(base_url, f"/api/v1/sections/{section}/gradebook", teacher)
    assert _evidence_count(after, required[0], competency) == before + 1, "the gradebook does not count the level"

    # The coordinator sees who was absent, and the SIS file has them.
    driver.delete_all_cookies()
    login(driver, "coach")
    driver.get(f"{base_url}/schedule/{day}")
    assert driver.find_element(By.ID, "absences").text.count("Reteach") == 1
    csv_text = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));",
        f"{base_url}/schedule/{day}/attendance.csv")
    assert csv_text.startswith("sourcedId,"), csv_text[:200]
    assert ",present" in csv_text and ",absent" in csv_text and ",unmarked" in csv_text


def _evidence_count(gradebook, student, competency):
    for cell in gradebook["cells"]:
        if cell["studentId"] == student and cell["competencyId"] == competency:
            return cell["evidenceCount"]
    return 0


def _spanish(driver, path, expected):
    assert driver.execute_script("return document.documentElement.lang;") == "es", f"{path} is not in Spanish"
    assert expected in driver.page_source, f"{path}: '{expected}' missing"
