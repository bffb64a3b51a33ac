"""The query UI in a real browser (Debian's chromium, driven by selenium): run an example, see a table."""
from __future__ import annotations

import shutil

import pytest

from tests.live import live_server

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("chromedriver") is None,
                                reason="chromium and chromium-driver are not installed (make test installs them as root)")


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_run_an_example_and_see_rows(built_store, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    with live_server(built_store) as url:
        browser.get(url + "/")
        wait = WebDriverWait(browser, 20)
        Select(wait.until(ec.presence_of_element_located((By.ID, "examples")))).select_by_index(2)  # units and bases
        wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, ".yasqe_queryButton"))).click()
        rows = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr"))
        assert rows
        text = browser.find_element(By.CSS_SELECTOR, ".yasr table").text
        assert "Buynaksk" in text or "geonames" in text.lower()
        # nothing was requested from outside this server
        entries = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert entries and all(e.startswith(url) for e in entries), entries
