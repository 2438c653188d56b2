"""Single sign-on through a real OpenID Connect provider (Tests/sso: django-oidc-provider on loopback).

MASTERLY_URL is a `masterly demo` started with `--sso-config` naming the provider as `school` ("School ID") and
`--public-url` set; MASTERLY_SSO_URL is the provider's base URL (http://127.0.0.1:PORT). Without
MASTERLY_SSO_URL every test here is skipped. Provider users (password `sso-password`): `student` and `teacher`
(emails …@school-1.example.org), `stranger` (no Masterly account).
"""
from __future__ import annotations

import os
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

import e2e_support as support
from e2e_support import api_get, api_session, h1_text, page_status, path_of, replaced, wait_for

PROVIDER_ID = "school"
PROVIDER_NAME = "School ID"
SSO_PASSWORD = "sso-password"
TEACHER_EMAIL = "teacher@school-1.example.org"
# The demo account that gets the provider teacher's email: not `teacher`, so that landing on it proves the
# match was by email (the provider's preferred_username `teacher` would name the demo `teacher`).
EMAIL_ACCOUNT = "teacher2"


@pytest.fixture(scope="session")
def sso_url() -> str:
    url = os.environ.get("MASTERLY_SSO_URL", "").strip().rstrip("/")
    if not url:
        pytest.skip("MASTERLY_SSO_URL is not set: start Tests/sso/start-provider.sh, serve the demo with "
                    "--sso-config naming it and --public-url, and set MASTERLY_SSO_URL=http://127.0.0.1:PORT "
                    "(.ci/run does this)")
    return url


def body_text(driver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def sso_button(driver, base_url: str):
    driver.get(f"{base_url}/login")
    return wait_for(
        driver, EC.presence_of_element_located((By.XPATH, f"//a[normalize-space()='Sign in with {PROVIDER_NAME}']")),
        f"no 'Sign in with {PROVIDER_NAME}' link on {base_url}/login; is the demo running with --sso-config?")


def sign_in_at_provider(driver, base_url: str, sso_url: str, username: str) -> None:
    """Masterly's login page → 'Sign in with School ID' → the provider's form → submitted (not waited beyond)."""
    button = sso_button(driver, base_url)
    assert urlparse(button.get_attribute("href")).path == f"/sso/{PROVIDER_ID}", button.get_attribute("href")
    button.click()
    form = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form input[name=username]")),
                    f"the provider's login form did not come (at {driver.current_url}: {body_text(driver)[:300]!r})")
    assert driver.current_url.startswith(sso_url), f"expected the provider at {sso_url}, got {driver.current_url}"
    authorize = parse_qs(urlparse(driver.current_url).query).get("next", [""])[0]
    assert "code_challenge=" in authorize and "state=" in authorize and "nonce=" in authorize, (
        f"Masterly's authorization request lacks PKCE, state or nonce: {authorize}")
    form.send_keys(username)
    driver.find_element(By.CSS_SELECTOR, "input[name=password]").send_keys(SSO_PASSWORD)
    button = driver.find_element(By.CSS_SELECTOR, "#sign-in")
    button.click()
    wait_for(driver, replaced(button), "the provider's login form was not submitted")
    wait_for(driver, lambda d: d.current_url.startswith(base_url), f"the provider did not send the browser back to "
             f"Masterly (at {driver.current_url}: {body_text(driver)[:300]!r})")


def wait_signed_in(driver, who: str) -> None:
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#logout-form")),
             f"{who}: not signed in after single sign-on (at {driver.current_url}, HTTP {page_status(driver)}: "
             f"{body_text(driver)[:400]!r})")
    assert path_of(driver) == "/", f"{who}: single sign-on should land on /, got {driver.current_url}"


def assert_signed_out(driver, base_url: str) -> None:
    driver.get(f"{base_url}/")
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#login-form")),
             f"/ should show the sign-in form, got {driver.current_url}: {body_text(driver)[:300]!r}")
    assert path_of(driver) == "/login", f"not signed in, / should go to /login, got {driver.current_url}"
    assert not driver.find_elements(By.CSS_SELECTOR, "form#logout-form"), "the refused browser is signed in"


def test_student_signs_in_with_the_school_provider(driver, base_url, sso_url, axe_check):
    student = api_session(base_url, "student")["user"]
    sso_button(driver, base_url)
    assert driver.find_elements(By.CSS_SELECTOR, "form#login-form"), "the password form should stay beside SSO"
    axe_check(driver, "login-with-sso")

    sign_in_at_provider(driver, base_url, sso_url, "student")
    wait_signed_in(driver, "student")
    header = driver.find_element(By.CSS_SELECTOR, "header").text
    assert student["name"] in header or student["name"] in h1_text(driver), (
        f"signed in, but not as the demo student {student['name']!r}: header {header!r}, <h1> {h1_text(driver)!r}")
    # The session is a real Masterly session: the student's own pages open, another role's do not.
    driver.get(f"{base_url}/students/{student['id']}/goals")
    assert h1_text(driver) == "My goals", h1_text(driver)
    driver.get(f"{base_url}/admin/people")
    assert h1_text(driver, "h1").casefold() != "people", "a student signed in by SSO opened the admin's People page"
    driver.get(f"{base_url}/")
    axe_check(driver, "student-home-after-sso")


def test_a_stranger_is_refused_and_not_signed_in(driver, base_url, sso_url, axe_check):
    sign_in_at_provider(driver, base_url, sso_url, "stranger")
    heading = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")),
                       f"no page after the provider sent the stranger back (at {driver.current_url})")
    assert heading.text.strip() == "No Masterly account for you", (
        f"expected 'No Masterly account for you', got {heading.text!r} at {driver.current_url}")
    assert path_of(driver) == f"/sso/callback/{PROVIDER_ID}", driver.current_url
    assert page_status(driver) == 403, f"the refusal should be HTTP 403, got {page_status(driver)}"
    message = driver.find_element(By.CSS_SELECTOR, "#sign-on-problem").text
    assert PROVIDER_NAME in message and "stranger@elsewhere.example.org" in message, message
    assert not driver.find_elements(By.CSS_SELECTOR, "form#logout-form"), "the refusal page shows a signed-in user"
    axe_check(driver, "sso-no-account")
    assert_signed_out(driver, base_url)


def test_teacher_is_matched_by_verified_email(driver, base_url, sso_url, login, axe_check):
    """The administrator gives a demo teacher the email the provider vouches for; signing in as the provider's
    `teacher` then lands on that account, although the provider's username names another one."""
    admin = api_session(base_url, "admin")["token"]
    found = [u for u in api_get(base_url, f"/api/v1/users?q={EMAIL_ACCOUNT}", admin)["users"]
             if u.get("username") == EMAIL_ACCOUNT]
    assert len(found) == 1, f"no demo account {EMAIL_ACCOUNT} in GET /api/v1/users?q={EMAIL_ACCOUNT}: {found}"
    target = found[0]
    assert target["role"] == "teacher", target

    login(driver, "admin")
    driver.get(f"{base_url}/admin/people/{target['id']}")
    form = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#person-form")),
                    f"no person form at /admin/people/{target['id']}")
    email = form.find_element(By.CSS_SELECTOR, "input#email")
    email.clear()
    email.send_keys(TEACHER_EMAIL)
    button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    wait_for(driver, replaced(button), "saving the person did not submit")
    wait_for(driver, EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Saved"),
             f"no 'Saved.' after setting the email (HTTP {page_status(driver)}: {body_text(driver)[:400]!r})")
    assert driver.find_element(By.CSS_SELECTOR, "input#email").get_attribute("value") == TEACHER_EMAIL
    axe_check(driver, "admin-person-email-saved")
    again = [u for u in api_get(base_url, f"/api/v1/users?q={EMAIL_ACCOUNT}", admin)["users"]
             if u.get("username") == EMAIL_ACCOUNT]
    assert again and again[0].get("email") == TEACHER_EMAIL, f"the API does not show the saved email: {again}"

    driver.delete_all_cookies()
    sign_in_at_provider(driver, base_url, sso_url, "teacher")
    wait_signed_in(driver, "teacher (by email)")
    header = driver.find_element(By.CSS_SELECTOR, "header").text
    assert target["name"] in header, (
        f"the provider's teacher ({TEACHER_EMAIL}) should be signed in as {EMAIL_ACCOUNT} ({target['name']}), "
        f"the account with that email; header: {header!r}")
    demo_teacher = api_session(base_url, "teacher")["user"]["name"]
    assert demo_teacher not in header, f"matched by username ({demo_teacher}) although the email names {EMAIL_ACCOUNT}"
    assert driver.find_elements(By.CSS_SELECTOR, "a.section-link"), "the teacher's home lists no sections"
    axe_check(driver, "teacher-home-after-sso")


def test_a_replayed_callback_is_refused_in_another_browser(driver, base_url, sso_url, axe_check):
    """Browser A signs in; its callback address (code and state), used again in browser B, signs nobody in."""
    first = support.new_chromium(performance_log=True)
    try:
        sign_in_at_provider(first, base_url, sso_url, "student")
        wait_signed_in(first, "student in browser A")
        callbacks = [u for u in support.visited_urls(first)
                     if urlparse(u).path == f"/sso/callback/{PROVIDER_ID}" and "code=" in u]
    finally:
        first.quit()
    assert len(callbacks) == 1, f"browser A should have gone through one callback with a code: {callbacks}"
    callback = callbacks[0]
    query = parse_qs(urlparse(callback).query)
    assert query.get("code") and query.get("state"), callback
    assert callback.startswith(base_url), f"the provider called back {callback}, not the public URL {base_url}"

    driver.get(callback)  # browser B: a fresh profile, no Masterly or provider cookies
    heading = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")),
                       f"no page for the replayed callback (at {driver.current_url})")
    assert heading.text.strip() == "This sign-in has expired", (
        f"a replayed callback should say 'This sign-in has expired', got {heading.text!r}: {body_text(driver)[:300]!r}")
    assert page_status(driver) == 400, f"the replayed callback should answer 400, got {page_status(driver)}"
    assert not driver.find_elements(By.CSS_SELECTOR, "form#logout-form"), "the replayed callback signed browser B in"
    axe_check(driver, "sso-expired")
    assert_signed_out(driver, base_url)
