"""Helpers for Masterly's browser smoke tests: Chromium, the login form, axe-core, screenshots, the JSON API.

Environment:
  MASTERLY_URL   base URL of a running `masterly demo` (required; every test is skipped without it)
  SCREENSHOTS    folder for the PNG taken at every accessibility check (default build-e2e/screenshots)
  AXE_JS         path of axe.min.js (default: the copy inside the axe-playwright-python wheel)
"""
from __future__ import annotations

import base64
import importlib.util
import json
import os
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

DEMO_PASSWORD = "masterly-demo"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_ARGS = ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WAIT_SECONDS = 15


# --------------------------------------------------------------------------- configuration

def base_url_from_env() -> str | None:
    return os.environ.get("MASTERLY_URL", "").strip().rstrip("/") or None


def screenshot_dir() -> Path:
    path = Path(os.environ.get("SCREENSHOTS") or "build-e2e/screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def axe_js_path() -> Path:
    """axe.min.js as shipped inside the axe-playwright-python wheel (no npm, no network)."""
    if os.environ.get("AXE_JS"):
        return Path(os.environ["AXE_JS"])
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        raise RuntimeError("axe-playwright-python is not installed; it ships axe.min.js")
    return Path(spec.origin).parent / "axe.min.js"


def read_axe_source() -> str:
    path = axe_js_path()
    if not path.is_file():
        raise RuntimeError(f"axe.min.js not found at {path}")
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- browser

def new_chromium(performance_log: bool = False) -> webdriver.Chrome:
    """Headless Chromium. `performance_log` keeps the DevTools network events, so a test can read the URLs the
    browser went through (redirects included) with `visited_urls`."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in CHROMIUM_ARGS:
        options.add_argument(arg)
    if performance_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    # An explicit chromedriver keeps Selenium Manager from trying the network.
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(60)
    browser.set_script_timeout(60)
    return browser


def visited_urls(driver) -> list[str]:
    """Every document URL the browser requested since the last call (redirect hops included), oldest first;
    needs a browser from `new_chromium(performance_log=True)`."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent" and message["params"].get("type") == "Document":
            urls.append(message["params"]["request"]["url"])
    return urls


def page_status(driver) -> int | None:
    """The HTTP status of the page the browser shows (Navigation Timing's responseStatus)."""
    return driver.execute_script(
        "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null;")


def wait_for(driver, condition, message: str):
    return WebDriverWait(driver, WAIT_SECONDS).until(condition, message)


def path_of(driver) -> str:
    return urlparse(driver.current_url).path


def h1_text(driver, selector: str = "main h1") -> str:
    return driver.find_element(By.CSS_SELECTOR, selector).text.strip()


def submit_login_form(driver, base_url: str, username: str, password: str) -> None:
    driver.get(f"{base_url}/login")
    form = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#login-form")),
                    f"no form#login-form at {base_url}/login")
    form.find_element(By.CSS_SELECTOR, "#username").send_keys(username)
    form.find_element(By.CSS_SELECTOR, "#password").send_keys(password)
    button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    # The POST has been answered once the old page (and so its button) is gone.
    wait_for(driver, replaced(button), "the login form was not submitted")


def replaced(element):
    """A wait condition: true once `element` is gone because a new page replaced it. Chromium may answer a
    check that races the navigation with a generic inspector error instead of a stale-element error; both mean
    the old page is gone."""
    def check(_driver) -> bool:
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def login(driver, base_url: str, username: str, password: str = DEMO_PASSWORD) -> None:
    """Signs in through the real login form and checks it lands on the role's home page at `/`."""
    submit_login_form(driver, base_url, username, password)
    wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "form#logout-form")),
             f"{username}: no form#logout-form after logging in (now at {driver.current_url})")
    assert path_of(driver) == "/", f"{username}: logging in should land on /, got {driver.current_url}"


# --------------------------------------------------------------------------- screenshots + axe

def save_screenshot(driver, name: str) -> Path:
    """A full-page PNG through Chromium's DevTools protocol, or the viewport if that fails."""
    path = screenshot_dir() / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name).strip('-') or 'page'}.png"
    try:
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        path.write_bytes(base64.b64decode(shot["data"]))
    except Exception:  # noqa: BLE001 — a screenshot must never hide the real result
        driver.save_screenshot(str(path))
    return path


_AXE_RUN = """
const tags = arguments[0];
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: 'tag', values: tags } })
  .then(r => done({ passes: r.passes.length, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({ target: n.target, summary: n.failureSummary })) })) }))
  .catch(e => done({ error: String((e && e.stack) || e) }));
"""


def run_axe(driver, axe_source: str) -> dict:
    """Injects axe-core into the current page (once per page) and runs the WCAG 2.1 A/AA rules."""
    if not driver.execute_script("return typeof window.axe === 'object' && typeof window.axe.run === 'function';"):
        driver.execute_script(axe_source)
    result = driver.execute_async_script(_AXE_RUN, WCAG_TAGS)
    if not isinstance(result, dict) or result.get("error"):
        raise RuntimeError(f"axe.run failed on {driver.current_url}: {result}")
    return result


def format_violations(name: str, url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} accessibility violation(s) of {'/'.join(WCAG_TAGS)} on '{name}' ({url}):"]
    for v in violations:
        lines.append(f"  - {v['id']} [{v.get('impact')}]: {v['help']} — {len(v['nodes'])} node(s), {v['helpUrl']}")
        for node in v["nodes"][:3]:
            lines.append(f"      at {' '.join(map(str, node['target']))}")
        if len(v["nodes"]) > 3:
            lines.append(f"      … and {len(v['nodes']) - 3} more")
    return "\n".join(lines)


# --------------------------------------------------------------------------- JSON API (standard library only)

def api(base_url: str, method: str, path: str, token: str | None = None, body: dict | None = None):
    """Calls the JSON API and returns (status, decoded JSON or None)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{base_url}{path}", data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, (json.loads(raw) if raw else None)
    except ValueError:
        return status, None


def api_session(base_url: str, username: str, password: str = DEMO_PASSWORD) -> dict:
    """POST /api/v1/sessions → its 201 body `{"token", "user": {"id", "role", "name"}}`."""
    status, payload = api(base_url, "POST", "/api/v1/sessions", body={"username": username, "password": password})
    assert status == 201 and isinstance(payload, dict) and payload.get("token"), (
        f"POST /api/v1/sessions as {username}: expected 201 with a token, got {status} {payload}")
    return payload


def api_get(base_url: str, path: str, token: str):
    status, payload = api(base_url, "GET", path, token=token)
    assert status == 200 and payload is not None, f"GET {path}: expected 200 with JSON, got {status} {payload}"
    return payload


def check_at_widths(driver, base_url: str, axe_check, path: str, name: str, widths=((1280, 900), (375, 812)),
                    also=None) -> None:
    """Opens `path` at each (width, height), waits for its <h1>, runs `also(driver, path)` if given, fails if
    the page scrolls sideways, then runs axe (screenshot `name`, with "-phone" for the narrow width)."""
    for width, height in widths:
        driver.set_window_size(width, height)
        driver.get(f"{base_url}{path}")
        wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")), f"no <h1> at {path}")
        if also:
            also(driver, path)
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at {width}px"
        axe_check(driver, name + ("-phone" if width < 500 else ""))


def page_fills(pdf, folder) -> list:
    """How far down each page of `pdf` the ink reaches (0 to 1), from the pages rendered to greyscale images by
    poppler's pdftoppm (Debian's poppler-utils)."""
    import glob
    import subprocess
    prefix = str(folder / "page")
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(pdf), prefix], check=True)
    fills = []
    for path in sorted(glob.glob(prefix + "-*.pgm")):
        data = open(path, "rb").read()
        # Binary PGM: "P5", width, height, maximum, then one byte per pixel.
        fields, position = [], 2
        while len(fields) < 3:
            while data[position:position + 1].isspace():
                position += 1
            start = position
            while not data[position:position + 1].isspace():
                position += 1
            fields.append(int(data[start:position]))
        width, height, _ = fields
        pixels = data[position + 1:]
        inked = [row for row in range(height) if min(pixels[row * width:(row + 1) * width]) < 200]
        fills.append((inked[-1] + 1) / height if inked else 0.0)
    return fills
