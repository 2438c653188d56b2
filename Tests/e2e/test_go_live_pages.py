"""The pages a school needs to go live, each checked with axe-core (WCAG 2.1 AA) at desktop and phone width:
a section's Student sign-in and a student's Family page (teacher), People, Courses with the section pages made
by hand, and Frameworks with "start a framework" (administrator)."""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from e2e_support import api_get, api_session, h1_text, wait_for


def check(driver, base_url, axe_check, path: str, name: str) -> None:
    for width, suffix in ((1280, ""), (375, "-phone")):
        driver.set_window_size(width, 900 if width > 400 else 812)
        driver.get(f"{base_url}{path}")
        wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")), f"no <h1> at {path}")
        assert h1_text(driver, "h1").casefold() not in ("not allowed", "something went wrong"), path
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at {width}px"
        axe_check(driver, name + suffix)


def test_go_live_pages_pass_axe_at_both_widths(driver, base_url, login, axe_check):
    teacher = api_session(base_url, "teacher")
    sections = api_get(base_url, "/api/v1/sections", teacher["token"])["sections"]
    section = sections[0]["id"]
    gradebook = api_get(base_url, f"/api/v1/sections/{section}/gradebook", teacher["token"])
    student = gradebook["students"][0]["id"]
    login(driver, "teacher")
    check(driver, base_url, axe_check, f"/sections/{section}/sign-in", "go-live-student-sign-in")
    check(driver, base_url, axe_check, f"/students/{student}/family", "go-live-family")

    driver.delete_all_cookies()
    login(driver, "admin")
    check(driver, base_url, axe_check, "/admin/people", "go-live-people")
    check(driver, base_url, axe_check, "/admin/courses", "go-live-courses")
    check(driver, base_url, axe_check, f"/admin/sections/{section}", "go-live-section-members")
    check(driver, base_url, axe_check, "/frameworks", "go-live-frameworks")
