"""Profile journey (issue 8), Zwolle's regiegroep: only institutions may signal, with a trigger (nuisance or a
threatened eviction) and proof of their own attempt; the adviseur Bijzondere Doelgroepen finds the signal with the
reporter's own attempt for the regiegroep."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL, login, logout, shot, submit
from test_signals import switch_to


def test_zwolle_refuses_a_private_person_and_asks_for_trigger_and_own_attempt(browser):
    stamp = int(time.time())
    family = "Overlast" + str(stamp)[-5:]
    birth = f"{1 + stamp % 28:02d}-09-1966"  # a person Regie has not met, also when the test runs again
    login(browser, "pim@demo.regie.nl")
    switch_to(browser, "Zwolle")
    browser.get(BASE_URL + "/signals/new")
    for field, value in {"p0-given": "Kees", "p0-family": family, "p0-birth": birth, "street": "Testhof",
                         "house_number": "12", "postcode": "8024 ZZ", "city": "Zwolle",
                         "description": "Buren klagen over stank en lawaai; huur al vier maanden niet betaald."}.items():
        browser.find_element(By.ID, field).send_keys(value)
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=concern]")[:2]:
        box.click()
    browser.find_element(By.NAME, "from_inhabitant").click()
    submit(browser)
    page = browser.page_source
    assert "In dit netwerk kunnen alleen instellingen aanmelden, geen inwoners." in page
    assert "Kies de aanleiding: overlast of dreigende uithuiszetting." in page
    assert "Beschrijf wat u zelf al heeft geprobeerd." in page
    assert browser.find_element(By.ID, "p0-family").get_attribute("value") == family, "the input is kept"
    shot(browser, "zwolle-refused")

    browser.find_element(By.NAME, "from_inhabitant").click()
    Select(browser.find_element(By.ID, "trigger")).select_by_visible_text("Overlast door afwijkend woongedrag")
    browser.find_element(By.ID, "own_attempt").send_keys("Twee huisbezoeken en een betalingsregeling aangeboden.")
    submit(browser)
    assert "De melding is ontvangen." in browser.page_source
    logout(browser)

    login(browser, "anouk@demo.regie.nl")
    switch_to(browser, "Zwolle")
    browser.get(BASE_URL + "/signals?status=all")
    browser.find_element(By.CSS_SELECTOR, "table tbody tr:first-child a").click()  # the newest signal
    assert "Twee huisbezoeken en een betalingsregeling aangeboden." in browser.page_source
    shot(browser, "zwolle-signal")
    logout(browser)
