"""The teacher's day with real student work: a teacher builds a playlist in the browser whose checkpoint opens
once a student reaches Developing on one competency, assigns it to a group; the student does not see the
checkpoint until they reach that level, then hands in a photo and a paragraph from their phone-sized page; the
teacher finds the work in the queue, scores two competencies with feedback; the student sees the feedback and
the new evidence. Every new page at desktop and phone width, with axe-core (student pages in Spanish too)."""
from __future__ import annotations

import base64
import tempfile
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from e2e_support import api, api_get, api_session, check_at_widths, wait_for

# A real 1×1 PNG (a photo of the work, as far as the server can tell).
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def test_playlist_release_hand_in_queue_and_feedback(driver, base_url, login, axe_check):
    teacher = api_session(base_url, "teacher")["token"]
    student_session = api_session(base_url, "student")
    student_token, student_id = student_session["token"], student_session["user"]["id"]
    section = api_get(base_url, "/api/v1/sections", teacher)["sections"][0]["id"]
    gradebook = api_get(base_url, f"/api/v1/sections/{section}/gradebook", teacher)
    steps = api_get(base_url, f"/api/v1/students/{student_id}/next-steps", student_token)["steps"]
    assert len(steps) >= 2, steps
    # The checkpoint works on the student's first recommended competency (so it is listed for them) and a second.
    worked, second = steps[0]["competencyId"], steps[1]["competencyId"]
    seen = {c["competencyId"] for c in gradebook["cells"] if c["studentId"] == student_id and c["evidenceCount"]}
    gate = next(c["id"] for c in gradebook["competencies"] if c["id"] not in seen and c["id"] not in (worked, second))
    title = f"Ratio tables {int(time.time())}"

    login(driver, "teacher")
    # A saved grouping to assign to (as the groups page makes them).
    driver.get(f"{base_url}/sections/{section}/groups")
    chooser = driver.find_element(By.CSS_SELECTOR, "form#groups-chooser")
    chooser.find_elements(By.CSS_SELECTOR, "input[name=competency]")[0].click()
    chooser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#groups-form")), "no suggested groups")
    driver.find_element(By.CSS_SELECTOR, "form#groups-form button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "table#rotation")), "the groups were not saved")
    driver.get(f"{base_url}/sections/{section}/playlists")
    driver.find_element(By.ID, "title").send_keys(title)
    driver.find_element(By.ID, "item-title").send_keys("Warm-up: three ratio tables")
    driver.find_element(By.CSS_SELECTOR, f"input[name=item-competency][value='{worked}']").click()
    driver.find_element(By.CSS_SELECTOR, "form[action$='/playlists'] button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.ID, "add-item")), "the playlist was not created")
    editor = driver.current_url.split("?")[0]
    driver.find_element(By.ID, "item-title").send_keys("Checkpoint: explain your table")
    Select(driver.find_element(By.ID, "item-activity")).select_by_value("checkpoint")
    for competency in (worked, second):
        driver.find_element(By.CSS_SELECTOR, f"input[name=item-competency][value='{competency}']").click()
    Select(driver.find_element(By.ID, "release-competency")).select_by_value(gate)
    Select(driver.find_element(By.ID, "release-level")).select_by_visible_text("at least Developing")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/items'] button[type=submit]").click()
    wait_for(driver, EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".playlist-items"), "opens at Developing"),
             "the checkpoint was not added with its release")
    # Assigned to the first group of a saved grouping (and to the student, so the test knows who has it).
    driver.find_element(By.CSS_SELECTOR, "form[action$='/assign'] input[name=group]").click()
    driver.find_element(By.CSS_SELECTOR, f"form[action$='/assign'] input[name=student][value='{student_id}']").click()
    driver.find_element(By.CSS_SELECTOR, "form[action$='/assign'] button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")), "not assigned")
    path = editor.replace(base_url, "")
    check_at_widths(driver, base_url, axe_check, path, "teacher-playlist-editor")
    check_at_widths(driver, base_url, axe_check, f"/sections/{section}/playlists", "teacher-playlists")
    # The other pages of the teacher's day written with it: the pathway editor and the calculation's words.
    check_at_widths(driver, base_url, axe_check, f"/sections/{section}/pathway/edit", "teacher-pathway-editor")
    check_at_widths(driver, base_url, axe_check, f"/sections/{section}/settings", "teacher-calculation")
    playlist = api_get(base_url, f"/api/v1/playlists/{path.rstrip('/').split('/')[-1]}", teacher)
    checkpoint = next(item for item in playlist["items"] if item["checkpoint"])
    assert checkpoint["release"] == {"competencyId": gate, "atLeast": 2}, checkpoint

    # Before reaching Developing on the gate, the student does not see the checkpoint.
    driver.delete_all_cookies()
    driver.set_window_size(1280, 900)
    login(driver, "student")
    driver.get(f"{base_url}/students/{student_id}/next-steps")
    assert "Checkpoint: explain your table" not in driver.page_source
    assert "Warm-up: three ratio tables" in driver.page_source
    for _ in range(4):
        status, body = api(base_url, "POST", "/api/v1/evidence", teacher,
                           {"studentId": student_id, "competencyId": gate, "score": 2, "sectionId": section})
        assert status == 201, body
        cells = api_get(base_url, f"/api/v1/sections/{section}/gradebook", teacher)["cells"]
        cell = next(c for c in cells if c["studentId"] == student_id and c["competencyId"] == gate)
        if (cell["levelValue"] or 0) >= 2:
            break
    driver.get(f"{base_url}/students/{student_id}/next-steps")
    row = wait_for(driver, EC.presence_of_element_located((By.ID, f"item-{checkpoint['id']}")),
                   "the checkpoint did not open at Developing")
    row.find_element(By.CSS_SELECTOR, "form[action$='/start'] button").click()
    row = wait_for(driver, EC.presence_of_element_located(
        (By.CSS_SELECTOR, f"#item-{checkpoint['id']} form.hand-in")), "no hand-in form").find_element(By.XPATH, "..")
    row.find_element(By.NAME, "text").send_keys("Each row doubles, so the ratio stays 2 : 3.")
    with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as photo:
        photo.write(PNG)
    row.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(photo.name)
    row.find_element(By.CSS_SELECTOR, "form.hand-in button[type=submit]").click()
    wait_for(driver, EC.text_to_be_present_in_element((By.ID, f"item-{checkpoint['id']}"), "with your teacher"),
             "the work was not handed in")
    check_at_widths(driver, base_url, axe_check, f"/students/{student_id}/next-steps", "student-handed-in")

    # The teacher scores it from the queue: two competencies, with feedback.
    driver.delete_all_cookies()
    driver.set_window_size(1280, 900)
    login(driver, "teacher")
    driver.get(f"{base_url}/sections/{section}/queue")
    entry = next(e for e in driver.find_elements(By.CSS_SELECTOR, ".work-entry")
                 if "Checkpoint: explain your table" in e.text)
    assert "ratio stays 2 : 3" in entry.text and entry.find_elements(By.CSS_SELECTOR, ".work-photos img")
    check_at_widths(driver, base_url, axe_check, f"/sections/{section}/queue", "teacher-work-queue")
    driver.set_window_size(1280, 900)
    driver.get(f"{base_url}/sections/{section}/queue")
    entry = next(e for e in driver.find_elements(By.CSS_SELECTOR, ".work-entry")
                 if "Checkpoint: explain your table" in e.text)
    before = _evidence(base_url, teacher, section, student_id)
    for competency in (worked, second):
        entry.find_element(By.CSS_SELECTOR, f"input[name='level-{competency}'][value^='2']").click()
    entry.find_element(By.NAME, "feedback").send_keys("Clear table. Label the columns next time.")
    entry.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")), "the score was not saved")
    after = _evidence(base_url, teacher, section, student_id)
    assert after[worked] == before[worked] + 1 and after[second] == before[second] + 1, (before, after)

    # The student sees the feedback and the new evidence, in English and Spanish.
    driver.delete_all_cookies()
    driver.set_window_size(1280, 900)
    login(driver, "student")
    driver.get(f"{base_url}/students/{student_id}/next-steps")
    assert "Label the columns next time." in driver.page_source
    check_at_widths(driver, base_url, axe_check, f"/students/{student_id}/next-steps", "student-feedback")
    check_at_widths(driver, base_url, axe_check, f"/students/{student_id}/next-steps?lang=es", "student-feedback-es",
                    also=lambda d, p: _spanish(d, p, "Comentarios de tu docente"))
    driver.set_window_size(1280, 900)
    driver.get(f"{base_url}/students/{student_id}/competencies/{worked}")
    assert "Checkpoint: explain your table" in driver.page_source, "the score is not in the student's record"

    # After feedback the student adds to the work; the teacher sees the earlier version and its feedback beside it.
    status, body = api(base_url, "POST", f"/api/v1/students/{student_id}/submissions", student_token,
                       {"itemId": checkpoint["id"], "text": "Labelled the columns: cups of flour, cups of sugar."})
    assert status == 201 and body["version"] == 2, (status, body)
    driver.delete_all_cookies()
    login(driver, "teacher")

    def _versions(d, path):
        entry = next(e for e in d.find_elements(By.CSS_SELECTOR, ".work-entry")
                     if "Checkpoint: explain your table" in e.text)
        earlier, latest = entry.find_elements(By.CSS_SELECTOR, ".work-version")
        assert "Label the columns next time." in earlier.text and "Labelled the columns" in latest.text

    check_at_widths(driver, base_url, axe_check, f"/sections/{section}/queue", "teacher-work-versions", also=_versions)


def _evidence(base_url, token, section, student):
    cells = api_get(base_url, f"/api/v1/sections/{section}/gradebook", token)["cells"]
    return {c["competencyId"]: c["evidenceCount"] for c in cells if c["studentId"] == student}


def _spanish(driver, path, expected):
    assert driver.execute_script("return document.documentElement.lang;") == "es", f"{path} is not in Spanish"
    assert expected in driver.page_source, f"{path}: '{expected}' missing"
