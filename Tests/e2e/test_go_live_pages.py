"""The pages a school needs to go live, each checked with axe-core (WCAG 2.1 AA) at desktop and phone width:
a section's Student sign-in and a student's Family page (teacher), People, Courses with the section pages made
by hand, and Frameworks with "start a framework" (administrator)."""
from __future__ import annotations

from e2e_support import api_get, api_session, check_at_widths, h1_text


def check(driver, base_url, axe_check, path: str, name: str) -> None:
    def not_refused(driver, path):
        assert h1_text(driver, "h1").casefold() not in ("not allowed", "something went wrong"), path
    check_at_widths(driver, base_url, axe_check, path, name, also=not_refused)


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
