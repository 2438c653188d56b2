"""Sign-in cards in a real browser: a teacher prints a QR card, a real decoder (zbarimg, Debian's zbar-tools)
reads the code from Chromium's screenshot of the printed card, and a second browser opens what it says — the
student confirms and is signed in. A revoked card then stops working.
"""
from __future__ import annotations

import shutil
import subprocess
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

import e2e_support as support
from e2e_support import wait_for

ZBARIMG = shutil.which("zbarimg")


def decode_card(driver, card, tmp_path) -> str:
    """The text of the QR code on `card`, read from a screenshot of that element, as a phone camera would."""
    image = tmp_path / "card.png"
    card.screenshot(str(image))
    result = subprocess.run([ZBARIMG, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, f"zbarimg could not read the card ({result.returncode}): {result.stderr}"
    return result.stdout.strip()


@pytest.mark.skipif(ZBARIMG is None, reason="zbarimg (Debian's zbar-tools) is not installed; .ci/run installs it")
def test_teacher_prints_a_card_and_a_student_scans_it_to_sign_in(driver, base_url, login, axe_check, tmp_path):
    login(driver, "teacher")
    driver.get(f"{base_url}/sections/sec-1/sign-in")
    wait_for(driver, EC.presence_of_element_located((By.ID, "sign-in-students")), "no Student sign-in page")
    axe_check(driver, "sign-in-cards-section")
    row = driver.find_element(By.XPATH, "//table[@id='sign-in-students']//tr[td]")
    name = row.find_element(By.TAG_NAME, "td").text.strip()
    row.find_element(By.XPATH, ".//button[normalize-space()='New card']").click()
    card = wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".sign-in-card")), "no card printed")
    assert name in card.text, f"the card should name {name!r}: {card.text!r}"
    axe_check(driver, "sign-in-cards-sheet")
    link = decode_card(driver, card, tmp_path)
    assert urlparse(link).path.startswith("/card/"), f"the QR code holds {link!r}, not a card link"

    student = support.new_chromium()
    try:
        student.set_window_size(375, 812)
        student.get(link)
        wait_for(student, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), f"Hi, {name}!"),
                 f"the card page does not greet {name}")
        student.find_element(By.XPATH, "//button[normalize-space()='Yes, sign me in']").click()
        wait_for(student, lambda d: urlparse(d.current_url).path == "/", "not taken home after signing in")
        assert "Sign out" in student.find_element(By.TAG_NAME, "body").text, "the student is not signed in"
    finally:
        student.quit()

    # Revoked: the same card no longer signs anyone in.
    driver.get(f"{base_url}/sections/sec-1/sign-in")
    revoke = wait_for(driver, EC.presence_of_element_located(
        (By.XPATH, f"//tr[td[normalize-space()='{name}']]//button[normalize-space()='Revoke card']")),
        "no 'Revoke card' for the student with a card")
    revoke.click()
    # The page reloads after the post: wait for the new one before reading it (the old body goes stale).
    wait_for(driver, lambda d: "revoked=1" in d.current_url, "not back on the sign-in page after revoking")
    wait_for(driver, EC.text_to_be_present_in_element((By.TAG_NAME, "body"), "no longer sign in"), "no revoke notice")
    other = support.new_chromium()
    try:
        other.get(link)
        wait_for(other, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "This card does not work"),
                 "a revoked card still offers to sign in")
        assert support.page_status(other) in (None, 410)
    finally:
        other.quit()
