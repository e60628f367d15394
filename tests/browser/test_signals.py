"""User journey: a partner reports a worrying situation, the network director sees it on the signal list with
its working-day age, and the partner follows it under "Mijn meldingen"."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL, login, logout, shot, submit


def switch_to(browser, name_part):
    select = browser.find_element(By.ID, "network-switch")
    next(o for o in select.find_elements(By.TAG_NAME, "option") if name_part in o.text).click()
    submit(browser, "form.switcher button")


def test_report_then_signal_list_then_my_signals(browser):
    family = "Testgezin" + str(int(time.time()))[-5:]
    login(browser, "pim@demo.regie.nl")
    switch_to(browser, "Enschede")
    browser.get(BASE_URL + "/signals/new")
    browser.find_element(By.ID, "p0-given").send_keys("Els")
    browser.find_element(By.ID, "p0-family").send_keys(family)
    browser.find_element(By.ID, "p0-birth").send_keys("14-07-1979")
    browser.find_element(By.ID, "p0-bsn").send_keys("111222334")
    browser.find_element(By.ID, "street").send_keys("Verzonnenweg")
    browser.find_element(By.ID, "house_number").send_keys("9")
    browser.find_element(By.ID, "postcode").send_keys("7511 XX")
    browser.find_element(By.ID, "city").send_keys("Enschede")
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=concern]")[:3]:
        box.click()
    browser.find_element(By.ID, "description").send_keys("Deurwaarder geweest; kinderen lijken onverzorgd.")
    submit(browser)
    assert "Dit BSN klopt niet" in browser.page_source
    assert browser.find_element(By.ID, "p0-family").get_attribute("value") == family
    shot(browser, "signal-form-error")
    bsn = browser.find_element(By.ID, "p0-bsn")
    bsn.clear()
    bsn.send_keys("111222333")
    submit(browser)
    assert "De melding is ontvangen." in browser.page_source
    shot(browser, "my-signals")
    logout(browser)

    login(browser, "teun@demo.regie.nl")
    switch_to(browser, "Enschede")
    browser.get(BASE_URL + "/signals?status=all")
    assert "Pim Partner" in browser.page_source
    assert "besluit binnen 5 werkdagen" in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "tr.overdue"), "the demo signal of 8 working days is overdue"
    shot(browser, "signal-list")

    # The newest signal is the one just made: open it and decide to take it on.
    browser.find_element(By.CSS_SELECTOR, "table tbody tr:first-child a").click()
    assert "Deurwaarder geweest" in browser.page_source
    assert "Zorgen op 3 leefgebieden" in browser.page_source
    shot(browser, "signal-detail")
    browser.find_element(By.CSS_SELECTOR, "input[name=outcome][value=coordinate]").click()
    submit(browser)
    assert "Het besluit is vastgelegd." in browser.page_source
    signal_url = browser.current_url.split("?")[0]

    # Information round: the core partners are ticked by default.
    submit(browser, "form[action$='/information-round'] button")
    assert "De partners zijn gevraagd." in browser.page_source
    logout(browser)

    login(browser, "pim@demo.regie.nl")
    browser.get(BASE_URL + "/inbox")
    card = next(c for c in browser.find_elements(By.CSS_SELECTOR, "section.card") if family in c.text)
    assert "Deurwaarder" not in card.text
    card.find_element(By.CSS_SELECTOR, "input[name=known][value=yes]").click()
    card.find_element(By.TAG_NAME, "textarea").send_keys("Huurachterstand van drie maanden, betalingsregeling geweigerd.")
    shot(browser, "inbox")
    submit(browser, element=card.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "Uw antwoord is verstuurd." in browser.page_source
    logout(browser)

    login(browser, "teun@demo.regie.nl")
    browser.get(signal_url)
    assert "Huurachterstand van drie maanden" in browser.page_source
    browser.find_element(By.CSS_SELECTOR, "input[name=coordination][value=open_case]").click()
    browser.find_element(By.ID, "coordination_reason").send_keys("Zorgen op drie leefgebieden; kinderen betrokken.")
    submit(browser, "form[action$='/coordination'] button")
    assert "Het coördinatiebesluit is vastgelegd." in browser.page_source
    shot(browser, "signal-coordinated")
    logout(browser)

    login(browser, "pim@demo.regie.nl")
    browser.get(BASE_URL + "/my-signals")
    assert "Regie in het netwerk: casus openen" in browser.page_source
    assert "Zorgen op drie leefgebieden" in browser.page_source
    logout(browser)

    # Another partner in the network may learn who is involved — never what was reported.
    login(browser, "carla@demo.regie.nl")
    switch_to(browser, "Enschede")
    browser.get(BASE_URL + "/who-is-involved")
    browser.find_element(By.ID, "bsn").send_keys("111222333")
    submit(browser)
    assert "Bekend in dit netwerk" in browser.page_source
    assert "Woonstichting De Hoeksteen" in browser.page_source
    assert "Open casus" in browser.page_source
    assert "Deurwaarder" not in browser.page_source
    shot(browser, "who-is-involved")
