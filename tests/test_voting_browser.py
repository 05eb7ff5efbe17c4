"""Voting from devices in a real browser: Debian's headless chromium, driven by selenium and chromium-driver, joins
as three participants, votes, and the facilitator closes the round; the group weights and the audit trail show the
three votes. Skips, saying why, only where chromium or its driver is not installed (CI installs both from
system-packages.txt). Saves screenshots of the phone page (390×844) where AFWEGING_SCREENSHOTS says (else under tmp).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.store import Store
from evaluator.workshop import group_weights
from tests.voting_support import voting_project

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)",
)


@pytest.fixture
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the test extra)")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,844",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"):  # fmt: skip
        opts.add_argument(arg)
    # a phone's viewport (headless windows are at least 500 px wide): 390 × 844 CSS pixels, as an iPhone 14's
    opts.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1}}
    )
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=opts)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _vote(driver, url: str, points: dict[str, str]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    for cid, value in points.items():
        field = driver.find_element(By.CSS_SELECTOR, f'input[type=number][name="{cid}"]')
        field.clear()
        field.send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 30).until(lambda d: "saved=1" in d.current_url)
    status = driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert "Your vote is recorded" in status, driver.page_source[:2000]


def test_three_participants_vote_in_chromium_and_the_facilitator_closes_the_round(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    project = voting_project(tmp_path / "workshop.afweging")
    with Store.open(project, readonly=True) as st:
        ids = [c.id for c in st.evaluation.criteria]
        audit_before = st.audit_count()
    proc = subprocess.Popen(
        [sys.executable, "-m", "evaluator", "workshop", "serve", str(project), "--lang", "en"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    try:
        links = {x["participant"]: x["url"] for x in (json.loads(proc.stdout.readline()) for _ in range(3))}
        # the slider and its number stay in step (the page's own script runs under its CSP)
        browser.get(links["Anna"])
        slider = browser.find_element(By.ID, "r1")
        number = browser.find_element(By.ID, "n1")
        assert number.get_attribute("value") == "50"
        slider.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
        assert number.get_attribute("value") == "52"
        # AFWEGING_SCREENSHOTS=docs/screenshots refreshes the README's pictures; else they go to tmp
        shots = Path(os.environ.get("AFWEGING_SCREENSHOTS") or tmp_path / "screenshots")
        shots.mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(shots / "voting-phone.png"))

        votes = {
            "Anna": {ids[0]: "90", ids[1]: "10"},
            "Bram": {ids[0]: "20", ids[1]: "80"},
            "Cem": {ids[0]: "55.5", ids[1]: "30"},
        }
        for name, points in votes.items():
            _vote(browser, links[name], points)
            assert json.loads(proc.stdout.readline()) == {"voted": name}
        proc.stdin.write("close\n")
        proc.stdin.flush()
        assert json.loads(proc.stdout.readline()) == {"closed": True, "voted": ["Anna", "Bram", "Cem"]}
        # after the close each participant's link shows the group result only; voting is refused
        browser.get(links["Bram"])
        assert "Group result" in browser.title
        assert browser.find_elements(By.CSS_SELECTOR, "form") == []
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 390, "height": 1100, "deviceScaleFactor": 1, "mobile": True},
        )
        assert browser.save_screenshot(str(shots / "voting-phone-result.png"))
        proc.stdin.write("stop\n")
        proc.stdin.flush()
        assert proc.wait(60) == 0, proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()

    with Store.open(project, readonly=True) as st:
        ev = st.evaluation
        entries = st.audit(limit=st.audit_count() - audit_before)
    assert [e.reason for e in reversed(entries)] == [f"{n}: voted from their device" for n in votes]
    gw = group_weights(ev)
    assert gw.aggregation == "mean" and set(gw.participants) == {"anna", "bram", "cem"}
    # every other criterion kept 50 points: Anna's first criterion outweighs her second, Bram's the reverse
    assert gw.participants["anna"][ids[0]] > gw.participants["anna"][ids[1]]
    assert gw.participants["bram"][ids[0]] < gw.participants["bram"][ids[1]]
    assert abs(sum(gw.group.values()) - 1) < 1e-9
