"""The weekly email over real SMTP: an administrator gives a guardian and a student their email addresses, the
guardian reads Masterly in Spanish, the student turns the weekly email off on their settings page (phone width,
axe); `masterly digest` sends to an aiosmtpd server on loopback, which keeps what arrives in a Maildir. The
guardian's letter arrives in Spanish about their child only, with working links; the student's does not arrive.

Environment: MASTERLY_BIN — the masterly binary. Without it the test is skipped."""
from __future__ import annotations

import email.header
import mailbox
import subprocess
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

import e2e_support as support
from test_go_live import driver, free_port, masterly_bin, server_environment, wait_for_health  # noqa: F401


def test_weekly_email_arrives_in_the_readers_language(driver, masterly_bin, tmp_path):  # noqa: F811
    database = tmp_path / "digest.sqlite"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "demo.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [str(masterly_bin), "demo", "--port", str(port), "--database", str(database)],
            stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path, env=server_environment())
    smtp_port = free_port()
    maildir = tmp_path / "maildir"
    smtpd = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp_port}", "-c", "aiosmtpd.handlers.Mailbox",
         str(maildir)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_for_health(url, server, log_path)
        admin = support.api_session(url, "admin")["token"]
        guardian = support.api_session(url, "guardian")
        student = support.api_session(url, "student")
        child = support.api_get(url, "/api/v1/me", guardian["token"])["children"][0]
        for person, address in ((guardian["user"], "meera@family.example.org"),
                                (student["user"], "camila@student.example.org")):
            status, body = support.api(url, "PATCH", f"/api/v1/users/{person['id']}", admin, {"email": address})
            assert status == 200, (status, body)

        # The guardian keeps Spanish; the student turns the email off on a phone.
        support.login(driver, url, "guardian")
        driver.get(f"{url}/?lang=es")
        driver.find_element(By.CSS_SELECTOR, ".language-menu form button").click()
        support.wait_for(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".language-menu form button"),
                         "Spanish was not kept")
        driver.delete_all_cookies()
        support.login(driver, url, "student")
        driver.set_window_size(390, 844)
        driver.get(f"{url}/me/digest")
        support.wait_for(driver, EC.presence_of_element_located((By.ID, "digest-off")), "no weekly email setting")
        axe = support.run_axe(driver, support.read_axe_source())
        assert not axe["violations"], support.format_violations("digest", driver.current_url, axe["violations"])
        support.save_screenshot(driver, "digest-setting-phone")
        driver.find_element(By.ID, "digest-off").click()
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        support.wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".notice-ok")), "not saved")

        sent = subprocess.run(
            [str(masterly_bin), "digest", "--smtp", f"smtp://127.0.0.1:{smtp_port}", "--from",
             "masterly@school.example.org", "--public-url", url, "--database", str(database)],
            capture_output=True, text=True, timeout=120, env=server_environment())
        assert sent.returncode == 0, sent.stderr
        assert "Sent 1 weekly email" in sent.stdout, sent.stdout

        deadline = time.time() + 10
        while time.time() < deadline and not (maildir.exists() and len(mailbox.Maildir(maildir, create=False))):
            time.sleep(0.2)
        messages = list(mailbox.Maildir(maildir, create=False))
        assert [m["To"] for m in messages] == ["<meera@family.example.org>"]
        letter = messages[0]
        subject = str(email.header.make_header(email.header.decode_header(letter["Subject"])))
        body = letter.get_payload(decode=True).decode("utf-8")
        assert subject == "Esta semana en Masterly" and letter["Content-Language"] == "es"
        assert body.startswith("Hola, Meera:") and child["name"].split()[0] in body
        assert f"{url}/me/digest" in body
        # Only this family's child is named.
        others = [s["name"] for s in support.api_get(url, "/api/v1/sections/sec-1/gradebook", admin)["students"]
                  if s["id"] != child["id"]]
        assert not any(name in body for name in others)
        # The letter's link opens the guardian's own page.
        driver.delete_all_cookies()
        support.login(driver, url, "guardian")
        driver.get(f"{url}/me/digest")
        assert driver.find_element(By.ID, "digest-on").is_selected()
        # Help for families, in the guardian's Spanish, on a desktop and a phone.
        for width, height in ((1280, 900), (390, 844)):
            driver.set_window_size(width, height)
            driver.get(f"{url}/resources")
            assert "Aprender por dominio" in driver.find_element(By.TAG_NAME, "main").text
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
            assert overflow <= 1, f"/resources scrolls sideways by {overflow}px at {width}px"
            axe = support.run_axe(driver, support.read_axe_source())
            assert not axe["violations"], support.format_violations("resources", driver.current_url, axe["violations"])
            support.save_screenshot(driver, "family-resources-es" + ("-phone" if width < 500 else ""))
    finally:
        smtpd.terminate()
        server.terminate()
        server.wait(timeout=15)
