"""Learning beyond school in a real browser, each person on their own page: a student proposes an internship on
their phone, their teacher approves it and invites an outside mentor, the guardian consents (in Spanish), the
mentor joins through the invitation link and logs hours, the teacher scores a competency and completes it with
credit, and the credit shows on the student's transcript. Every page at desktop and phone width, with axe-core."""
from __future__ import annotations

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from e2e_support import api_get, api_session, check_at_widths, wait_for


def switch_to(driver, login, username):
    driver.delete_all_cookies()
    login(driver, username)


def test_propose_approve_consent_mentor_score_complete(driver, base_url, login, axe_check):
    student = api_session(base_url, "student")
    sid = student["user"]["id"]
    title = f"Water lab internship {int(time.time())}"
    elos = f"/students/{sid}/elos"

    # The student proposes on a phone.
    login(driver, "student")
    check_at_widths(driver, base_url, axe_check, elos, "elos-student", widths=((1280, 900), (390, 844)))
    driver.set_window_size(390, 844)
    driver.get(f"{base_url}{elos}")
    driver.find_element(By.ID, "elo-title").send_keys(title)
    Select(driver.find_element(By.ID, "elo-kind")).select_by_value("internship")
    driver.find_element(By.ID, "elo-description").send_keys("Testing creek water with a chemist")
    boxes = driver.find_elements(By.CSS_SELECTOR, "#propose-elo input[name=competency]")
    assert len(boxes) >= 2
    for box in boxes[:2]:
        driver.execute_script("arguments[0].click()", box)
    driver.find_element(By.CSS_SELECTOR, "#propose-elo button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".notice-ok")), "the proposal was not saved")
    elo = next(e for e in api_get(base_url, f"/api/v1/students/{sid}/elos", student["token"])["elos"]
               if e["title"] == title)
    assert elo["state"] == "proposed" and len(elo["competencyIds"]) == 2
    card = f"#elo-{elo['id']}"

    # The teacher approves and invites a mentor.
    switch_to(driver, login, "teacher")
    driver.set_window_size(1280, 900)
    driver.get(f"{base_url}{elos}")
    driver.find_element(By.CSS_SELECTOR, f"{card} form[action$='/approve'] button").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".notice-ok")), "not approved")
    driver.get(f"{base_url}/elos/{elo['id']}")
    driver.find_element(By.CSS_SELECTOR, f"{card} details summary").click()
    driver.find_element(By.ID, f"mentor-given-{elo['id']}").send_keys("Rosa")
    driver.find_element(By.ID, f"mentor-family-{elo['id']}").send_keys("Chemist")
    driver.find_element(By.CSS_SELECTOR, f"{card} form[action$='/mentors'] button").click()
    link = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, f"{card} code")), "no invitation link")
    invitation = link.text.strip()
    assert invitation.startswith("/invite/")
    axe_check(driver, "elo-teacher")

    # The guardian consents, reading in Spanish.
    switch_to(driver, login, "guardian")
    check_at_widths(driver, base_url, axe_check, f"{elos}?lang=es", "elos-guardian-es", widths=((1280, 900), (390, 844)))
    consent = driver.find_element(By.CSS_SELECTOR, f"{card} form[action$='/consent'] button")
    assert consent.text == "Doy mi consentimiento"
    consent.click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".notice-ok")), "no consent")
    assert "En curso" in driver.find_element(By.CSS_SELECTOR, card).text
    driver.get(f"{base_url}/?lang=en")

    # The mentor joins through the link, sees only this opportunity, and logs hours.
    driver.delete_all_cookies()
    driver.get(f"{base_url}{invitation}")
    driver.find_element(By.CSS_SELECTOR, "input[name=password]").send_keys("lab-mentor-2026!")
    driver.find_element(By.CSS_SELECTOR, "input[name=confirm]").send_keys("lab-mentor-2026!")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#logout-form")), "the mentor is not in")
    driver.get(f"{base_url}/")
    assert title in driver.find_element(By.TAG_NAME, "main").text
    check_at_widths(driver, base_url, axe_check, f"/elos/{elo['id']}", "elo-mentor", widths=((1280, 900), (390, 844)))
    driver.find_element(By.ID, f"hours-{elo['id']}").send_keys("3.5")
    driver.find_element(By.ID, f"note-{elo['id']}").send_keys("Sampled three sites on the creek")
    driver.find_element(By.CSS_SELECTOR, f"{card} form[action$='/hours'] button").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".notice-ok")), "hours not logged")
    assert "3.5 h logged" in driver.find_element(By.CSS_SELECTOR, card).text
    driver.get(f"{base_url}/students/{sid}")
    assert "Not allowed" in driver.page_source or "403" in driver.title or "not allowed" in driver.page_source.lower()

    # The teacher scores a competency and completes it with the credit.
    switch_to(driver, login, "teacher")
    driver.get(f"{base_url}/elos/{elo['id']}")
    for summary in driver.find_elements(By.CSS_SELECTOR, f"{card} details summary"):
        summary.click()
    driver.find_element(By.ID, f"elo-score-{elo['id']}").send_keys("3")
    driver.find_element(By.CSS_SELECTOR, f"{card} form[action$='/evidence'] button").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".notice-ok")), "not scored")
    driver.get(f"{base_url}/elos/{elo['id']}")
    driver.find_element(By.ID, f"elo-credit-{elo['id']}").send_keys("0.5")
    driver.find_element(By.CSS_SELECTOR, f"{card} form[action$='/complete'] button").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".notice-ok")), "not completed")
    done = api_get(base_url, f"/api/v1/elos/{elo['id']}", student["token"])
    assert done["state"] == "completed" and done["credit"] == 0.5 and done["hoursLogged"] == 3.5

    # The credit is on the student's transcript.
    switch_to(driver, login, "student")
    check_at_widths(driver, base_url, axe_check, f"/students/{sid}/transcript", "transcript",
                    widths=((1280, 900), (390, 844)))
    text = driver.find_element(By.TAG_NAME, "main").text
    assert title in text and "credit 0.5" in text
