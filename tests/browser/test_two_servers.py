"""Scale-out journey (issue 9): two `regie serve` processes on one PostgreSQL database. A signal made through the
first server shows at once on the second server's signal list and worklist, and when it is decided through the first
server it leaves the second server's worklist at once — the lists each server keeps derived follow every recorded
change — and a session started on one server is valid on the other (nothing sticky).
Runs when scripts/browser-tests.sh started a second server (REGIE_URL_2, PostgreSQL only)."""
import os
import time

import pytest
from selenium.webdriver.common.by import By

from conftest import BASE_URL, login, logout, shot, submit
from test_signals import switch_to

SECOND_URL = os.environ.get("REGIE_URL_2")


@pytest.mark.skipif(not SECOND_URL, reason="needs a second server on the same database (PostgreSQL run)")
def test_a_signal_on_one_server_shows_on_the_other(browser):
    stamp = int(time.time())
    family = "Tweeserver" + str(stamp)[-5:]
    # The director reads the lists on the second server first, so it has them derived before the change.
    login(browser, "teun@demo.regie.nl")
    switch_to(browser, "Enschede")
    browser.get(SECOND_URL + "/signals")
    before = browser.page_source
    browser.get(SECOND_URL + "/")
    assert "Mijn werklijst" in browser.page_source, "the session from the first server is valid on the second"
    logout(browser)

    login(browser, "pim@demo.regie.nl")
    switch_to(browser, "Enschede")
    browser.get(BASE_URL + "/signals/new")
    browser.find_element(By.ID, "p0-given").send_keys("Sam")
    browser.find_element(By.ID, "p0-family").send_keys(family)
    browser.find_element(By.ID, "p0-birth").send_keys(f"{stamp % 28 + 1:02d}-03-1983")
    browser.find_element(By.ID, "street").send_keys("Verzonnenweg")
    browser.find_element(By.ID, "house_number").send_keys(str(stamp % 900 + 1))
    browser.find_element(By.ID, "postcode").send_keys("7511 XY")
    browser.find_element(By.ID, "city").send_keys("Enschede")
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=concern]")[:2]:
        box.click()
    browser.find_element(By.ID, "description").send_keys("Buren melden geschreeuw en een ontruimingsbrief.")
    submit(browser)
    assert "De melding is ontvangen." in browser.page_source
    logout(browser)

    login(browser, "teun@demo.regie.nl")
    switch_to(browser, "Enschede")
    browser.get(SECOND_URL + "/signals")
    # Newest first: the signal just made through the first server.
    row = browser.find_element(By.CSS_SELECTOR, "table tbody tr:first-child")
    assert "Pim Partner" in row.text
    reference = row.find_element(By.CSS_SELECTOR, "a").text
    assert reference not in before, "a household the second server had not listed before"
    shot(browser, "two-servers-signal-list")
    signal = row.find_element(By.CSS_SELECTOR, "a").get_attribute("href").split("/signals/")[1]
    browser.get(SECOND_URL + "/")
    assert reference in browser.page_source, "the second server's worklist shows the new signal"

    # Decided through the first server: the second server's worklist, which had the household derived, follows.
    browser.get(BASE_URL + "/signals/" + signal)
    browser.find_element(By.CSS_SELECTOR, "input[name=outcome][value=no_help_needed]").click()
    browser.find_element(By.ID, "reason").send_keys("Buren kennen de situatie; er is al hulp van de huisarts.")
    submit(browser, "form[action$='/decision'] button")
    assert "Het besluit is vastgelegd." in browser.page_source
    browser.get(SECOND_URL + "/")
    assert reference not in browser.page_source, "a decided signal leaves the other server's worklist at once"
    shot(browser, "two-servers-worklist")
    logout(browser)
