"""A guardian reads the family pages in Spanish (the footer's language link, kept by the browser), at desktop and
phone width, each checked with axe-core; then keeps Spanish for the account, and a fresh browser signs in to it."""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from e2e_support import api_get, api_session, check_at_widths, wait_for


def check_spanish(driver, base_url, axe_check, path: str, name: str) -> None:
    def in_spanish(driver, path):
        lang = driver.execute_script("return document.documentElement.lang;")
        assert lang == "es", f"{path} is in {lang!r}, not Spanish"
        assert "Cerrar sesión" in driver.page_source, f"{path}: the header is not in Spanish"
    check_at_widths(driver, base_url, axe_check, path, name, widths=((1280, 900), (390, 844)), also=in_spanish)


def test_guardian_reads_in_spanish(driver, base_url, login, axe_check):
    guardian = api_session(base_url, "guardian")
    child = api_get(base_url, "/api/v1/me", guardian["token"])["children"][0]["id"]
    mastery = api_get(base_url, f"/api/v1/students/{child}/mastery", guardian["token"])
    competency = mastery["records"][0]["competency"]["id"]
    login(driver, "guardian")
    # The footer's link, as a parent would choose it.
    driver.get(f"{base_url}/")
    driver.find_element(By.CSS_SELECTOR, '.language-menu a[hreflang="es"]').click()
    wait_for(driver, EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main h1"), "Bienvenido"), "not in Spanish")
    check_spanish(driver, base_url, axe_check, "/", "es-guardian-home")
    check_spanish(driver, base_url, axe_check, f"/students/{child}", "es-guardian-tracker")
    check_spanish(driver, base_url, axe_check, f"/students/{child}/competencies/{competency}", "es-guardian-drill-down")
    # Kept for the account: a fresh browser session signs in to Spanish.
    driver.get(f"{base_url}/")
    driver.find_element(By.CSS_SELECTOR, ".language-menu form button").click()
    # The button goes once the choice is saved; deleting cookies before then would race the form's POST.
    wait_for(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".language-menu form button"),
             "Spanish was not kept for the account")
    driver.delete_all_cookies()
    login(driver, "guardian")
    driver.get(f"{base_url}/")
    wait_for(driver, EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main h1"), "Bienvenido"),
             "the saved language did not follow the guardian to a new session")
    assert api_get(base_url, "/api/v1/me", api_session(base_url, "guardian")["token"])["language"] == "es"
    # Back to English for the other tests (each in a fresh browser, so the account's choice is what counts).
    driver.find_element(By.CSS_SELECTOR, '.language-menu a[hreflang="en"]').click()
    wait_for(driver, EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main h1"), "Welcome"), "not back in English")
    wait_for(driver, EC.element_to_be_clickable((By.CSS_SELECTOR, ".language-menu form button")),
             "no button to keep English").click()
    wait_for(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".language-menu form button"),
             "English was not kept for the account")
    assert api_get(base_url, "/api/v1/me", api_session(base_url, "guardian")["token"])["language"] == "en"
