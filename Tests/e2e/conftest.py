"""Fixtures for Masterly's real-browser smoke tests (headless Chromium + Selenium + axe-core).

.ci/run starts `masterly demo` on a free loopback port and runs
    MASTERLY_URL=http://127.0.0.1:PORT SCREENSHOTS=build-e2e/screenshots python -m pytest -q Tests/e2e
Without MASTERLY_URL every test here is skipped with a message saying so.
"""
from __future__ import annotations

import pytest

import e2e_support as support


@pytest.fixture(scope="session")
def base_url() -> str:
    url = support.base_url_from_env()
    if not url:
        pytest.skip("MASTERLY_URL is not set: start `masterly demo --port P` and set "
                    "MASTERLY_URL=http://127.0.0.1:P to run the browser tests (.ci/run does this)")
    return url


@pytest.fixture(scope="session")
def axe_source() -> str:
    return support.read_axe_source()


@pytest.fixture
def driver(base_url):
    """A fresh headless Chromium per test, so no session cookie leaks from one test to the next."""
    browser = support.new_chromium()
    yield browser
    browser.quit()


@pytest.fixture
def login(base_url):
    """login(driver, username[, password]) signs in through the login form and lands on `/`."""
    def _login(driver, username: str, password: str = support.DEMO_PASSWORD) -> None:
        support.login(driver, base_url, username, password)
    return _login


@pytest.fixture
def axe_check(axe_source):
    """axe_check(driver, name) saves SCREENSHOTS/<name>.png, then fails on any WCAG 2.1 A/AA violation."""
    def _check(driver, name: str) -> None:
        support.save_screenshot(driver, name)
        violations = support.run_axe(driver, axe_source)["violations"]
        if violations:
            pytest.fail(support.format_violations(name, driver.current_url, violations), pytrace=False)
    return _check


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failing test, keep a screenshot of where the browser was (FAILED-<test>.png)."""
    outcome = yield
    report = outcome.get_result()
    browser = getattr(item, "funcargs", {}).get("driver")
    if report.when == "call" and report.failed and browser is not None:
        try:
            path = support.save_screenshot(browser, f"FAILED-{item.name}")
            report.sections.append(("screenshot", f"{path} (browser at {browser.current_url})"))
        except Exception:  # noqa: BLE001 — never mask the test's own failure
            pass
