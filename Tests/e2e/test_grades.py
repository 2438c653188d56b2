"""Final grades in a real browser: a teacher opens a section's grades for the first quarter, picks a rule,
previews it (nothing changes yet) and saves it, overrides one student's grade with a reason, closes the quarter,
and prints the section's report cards — a PDF of one card per student, each naming its student, the override
shown as the teacher's judgement. The family then finds the closed quarter's card on its own page, in Spanish.
Every page at desktop and tablet/phone width, with axe-core."""
from __future__ import annotations

import base64
import io

import pypdf
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support import expected_conditions as EC

from e2e_support import api, api_get, api_session, check_at_widths, page_fills, screenshot_dir, wait_for


def test_rule_override_close_and_report_cards(driver, base_url, login, axe_check, tmp_path):
    teacher = api_session(base_url, "teacher")["token"]
    child = api_get(base_url, "/api/v1/me", api_session(base_url, "guardian")["token"])["children"][0]["id"]
    # The section of the guardian's child (the family then finds its card).
    section = next(
        s["id"] for s in api_get(base_url, "/api/v1/sections", teacher)["sections"]
        if any(r["studentId"] == child for r in api_get(base_url, f"/api/v1/sections/{s['id']}/grades", teacher)["students"]))
    period = next(p for p in api_get(base_url, "/api/v1/grading-periods", teacher)["periods"]
                  if p["title"] == "Quarter 1")["id"]
    grades = api_get(base_url, f"/api/v1/sections/{section}/grades?period={period}", teacher)
    assert "closedAt" not in grades
    students = grades["students"]
    assert students and all(s["explanation"] for s in students)

    login(driver, "teacher")
    path = f"/sections/{section}/grades?period={period}"
    check_at_widths(driver, base_url, axe_check, path, "grades", widths=((1280, 900), (820, 1180)))

    # Pick a rule and preview it: the page says what would change; nothing is saved yet.
    driver.set_window_size(1280, 900)
    driver.get(f"{base_url}{path}")
    driver.find_element(By.ID, "preset-all-at-least").click()
    driver.find_element(By.CSS_SELECTOR, "#grade-rule button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.ID, "rule-preview")), "no preview of the rule")
    assert "All at mastery, none far below" in driver.find_element(By.ID, "rule-preview").text
    axe_check(driver, "grades-preview")
    assert api_get(base_url, f"/api/v1/sections/{section}/grades", teacher)["ruleSaved"] is False
    driver.find_element(By.CSS_SELECTOR, "#rule-preview button[name=save]").click()
    # The address says which step answered: the notice of the page before would satisfy a wait for any notice.
    wait_for(driver, EC.url_contains("done=rule"), "the rule was not saved")
    saved = api_get(base_url, f"/api/v1/sections/{section}/grades?period={period}", teacher)
    assert saved["ruleSaved"] is True and saved["rule"]["name"] == "All at mastery, none far below"

    # Override one student's quarter grade with a reason.
    student = saved["students"][0]
    driver.get(f"{base_url}{path}")
    driver.find_element(By.ID, f"grade-{student['studentId']}").send_keys("A-")
    driver.find_element(By.ID, f"reason-{student['studentId']}").send_keys("Portfolio shows more than the checks")
    driver.find_element(By.CSS_SELECTOR, f"#grade-{student['studentId']} ~ button[type=submit]").click()
    wait_for(driver, EC.url_contains("done=override"), "the override was not saved")
    assert "Teacher's judgement" in driver.find_element(By.CSS_SELECTOR, ".grades-table").text
    row = next(s for s in api_get(base_url, f"/api/v1/sections/{section}/grades?period={period}", teacher)["students"]
               if s["studentId"] == student["studentId"])
    assert row["grade"] == "A-" and row["override"]["reason"] == "Portfolio shows more than the checks"

    # A comment for the report card.
    driver.find_element(By.ID, f"comment-{student['studentId']}").send_keys("Asks sharp questions in every lab.")
    driver.find_element(By.CSS_SELECTOR, f"#comment-{student['studentId']} ~ button[type=submit]").click()
    wait_for(driver, EC.url_contains("done=comment"), "the comment was not saved")

    # Close the quarter: the grades are on record and the forms are gone.
    driver.find_element(By.ID, "close-confirm").click()
    driver.find_element(By.CSS_SELECTOR, "#close-period button[type=submit]").click()
    wait_for(driver, EC.url_contains("done=closed"), "the period did not close")
    assert not driver.find_elements(By.CSS_SELECTOR, "form.override-form")
    closed = api_get(base_url, f"/api/v1/sections/{section}/grades?period={period}", teacher)
    assert closed["closedAt"]
    refused = api(base_url, "POST", f"/api/v1/sections/{section}/grades/overrides", teacher,
                  {"studentId": student["studentId"], "grade": "A", "reason": "too late", "periodId": period})
    assert refused[0] == 409, refused

    # The section's report cards, printed: one card (at least one page) per student, each naming them.
    cards = f"/sections/{section}/report-cards?period={period}"
    check_at_widths(driver, base_url, axe_check, cards, "report-cards")
    driver.set_window_size(1280, 900)
    driver.get(f"{base_url}{cards}")
    pdf = base64.b64decode(driver.print_page(PrintOptions()))
    (screenshot_dir() / "report-cards.pdf").write_bytes(pdf)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    texts = [page.extract_text() for page in reader.pages]
    assert len(reader.pages) >= len(closed["students"]), f"{len(reader.pages)} pages for {len(closed['students'])}"
    for s in closed["students"]:
        pages = [t for t in texts if s["name"] in t]
        assert pages, f"no page names {s['name']}"
    first = next(t for t in texts if student["name"] in t)
    assert "A-" in first and "judgement" in first and "Quarter 1" in first
    assert "Asks sharp questions" in first
    assert all(fill > 0.1 for fill in page_fills(screenshot_dir() / "report-cards.pdf", tmp_path))

    # The family of a student in the section finds the card on its own page, in Spanish.
    driver.delete_all_cookies()
    login(driver, "guardian")
    report = f"/students/{child}/report-cards"
    check_at_widths(driver, base_url, axe_check, report + "?lang=es", "family-report-cards",
                    widths=((1280, 900), (390, 844)))
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "Boletines de calificaciones" in text
    assert "Primer trimestre" in text and "Lo que" in text, text[:400]
    driver.get(f"{base_url}/?lang=en")

    # An administrator's grading periods page.
    driver.delete_all_cookies()
    login(driver, "admin")
    check_at_widths(driver, base_url, axe_check, "/admin/grading-periods", "grading-periods",
                    widths=((1280, 900), (820, 1180)))
    assert "Quarter 1" in driver.find_element(By.TAG_NAME, "main").text
