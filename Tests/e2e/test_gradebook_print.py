"""A real class's gradebook on paper: 35 students × 60 competencies (`masterly bench seed-gradebook` on its own
server) printed from the gradebook page by Chromium to a landscape PDF keeps every column — each competency's
code in the header, one level per competency on every student's row, every student — with the filters and
buttons left off the paper.

Environment: MASTERLY_BIN — the masterly binary (CI: .build/debug/masterly). Without it the test is skipped."""
from __future__ import annotations

import base64
import io
import re
import subprocess

import pypdf
import pytest
from selenium.webdriver.common.print_page_options import PrintOptions

import e2e_support as support
from test_go_live import driver, free_port, masterly_bin, server_environment, wait_for_health  # noqa: F401

STUDENTS, COMPETENCIES = 35, 60


@pytest.fixture
def bench_school(masterly_bin, tmp_path):  # noqa: F811
    database = tmp_path / "bench.sqlite"
    seeded = subprocess.run(
        [str(masterly_bin), "bench", "seed-gradebook", "--database", str(database), "--students", str(STUDENTS),
         "--competencies", str(COMPETENCIES), "--evidence", "2"],
        capture_output=True, text=True, timeout=300, env=server_environment())
    assert seeded.returncode == 0, seeded.stderr
    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(masterly_bin), "serve", "--port", str(port), "--database", str(database)],
            stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path, env=server_environment())
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(url, process, log_path)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_a_35_by_60_gradebook_prints_every_column(driver, bench_school):  # noqa: F811
    session = support.api_session(bench_school, "bench-teacher", "masterly-bench")
    gradebook = support.api_get(bench_school, "/api/v1/sections/sec-bench/gradebook", session["token"])
    codes = [c["code"] for c in gradebook["competencies"]]
    assert len(codes) == COMPETENCIES and len(gradebook["students"]) == STUDENTS

    support.login(driver, bench_school, "bench-teacher", "masterly-bench")
    driver.set_window_size(1280, 900)
    driver.get(f"{bench_school}/sections/sec-bench")
    options = PrintOptions()
    options.orientation = "landscape"
    pdf = base64.b64decode(driver.print_page(options))
    (support.screenshot_dir() / "gradebook-35x60.pdf").write_bytes(pdf)
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    text = "\n".join(page.extract_text() for page in pages)

    # Every competency's code heads a column (printed turned, so the text layer drops the dots).
    header = set(re.sub(r"[\s.]", "", line) for line in text.splitlines())
    missing = [code for code in codes if re.sub(r"[\s.]", "", code) not in header]
    assert not missing, f"columns missing from the printed gradebook: {missing}"
    # Every student is printed, each with one level (its initial) per competency.
    rows = re.findall(r"^(\d+, Student)\n((?: ?[A-Z]\n)+)", text, flags=re.MULTILINE)
    assert len(rows) == STUDENTS, f"{len(rows)} students printed of {STUDENTS}"
    counts = {name: len(re.findall(r"[A-Z]", cells)) for name, cells in rows}
    short = {name: count for name, count in counts.items() if count != COMPETENCIES}
    assert not short, f"rows without a level for every competency: {short}"
    # The page's controls stay off the paper.
    assert "Students at level" not in text and "Download CSV" not in text
