"""A student on a 390 px phone: the tracker and next steps fit the screen, and every action (Start, Mark done,
Hand in) is within reach — tables stack into cards instead of scrolling sideways. Checked with axe."""
from __future__ import annotations

from selenium.webdriver.common.by import By

from e2e_support import api_get, api_session, check_at_widths


def actions_in_reach(driver, path):
    width = driver.execute_script("return document.documentElement.clientWidth;")
    outside = driver.execute_script(
        """return [...document.querySelectorAll('main button, main a.button, main table td, main table th')]
             .filter(e => e.offsetParent !== null)
             .filter(e => e.getBoundingClientRect().right > arguments[0] + 1)
             .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40));""", width)
    assert not outside, f"{path}: out of reach at {width}px: {outside[:5]}"


def test_student_acts_on_a_phone(driver, base_url, login, axe_check):
    student = api_session(base_url, "student")
    me = api_get(base_url, "/api/v1/me", student["token"])["id"]
    login(driver, "student")
    for path, name in ((f"/students/{me}", "student-tracker"), (f"/students/{me}/next-steps", "student-next-steps")):
        check_at_widths(driver, base_url, axe_check, path, name, widths=((390, 844),), also=actions_in_reach)
    driver.get(f"{base_url}/students/{me}/next-steps")
    assert driver.find_elements(By.CSS_SELECTOR, "table.playlist td[data-label]"), "no playlist on next steps"
