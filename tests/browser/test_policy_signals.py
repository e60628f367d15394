"""User journey (issue 7): a network director raises a policy signal from a case and marks a neighbourhood for a
collective approach; the municipality's policy officer answers the signal and sees the areas protected."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL, login, logout, shot, submit
from test_case_work import open_case
from test_signals import switch_to


def test_policy_signal_from_case_answer_and_collective_approach(browser):
    case = open_case(browser, "Beleid" + str(int(time.time()))[-5:])  # leaves Teun signed in, in Enschede
    browser.get(case)
    browser.find_element(By.LINK_TEXT, "Beleidssignaal melden vanuit deze casus").click()
    form = browser.find_element(By.CSS_SELECTOR, "form[action='/policy-signals'][method=post]")
    Select(form.find_element(By.NAME, "category")).select_by_visible_text("Wachtlijst")
    form.find_element(By.NAME, "description").send_keys("Kort")
    submit(browser, element=form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "Beschrijf het knelpunt in minstens tien tekens." in browser.page_source
    form = browser.find_element(By.CSS_SELECTOR, "form[action='/policy-signals'][method=post]")
    assert form.find_element(By.NAME, "description").get_attribute("value") == "Kort", "the input is kept"
    form.find_element(By.NAME, "description").send_keys(": budgetbeheer heeft twaalf weken wachttijd")
    submit(browser, element=form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "Het beleidssignaal staat in het register." in browser.page_source
    assert "Kort: budgetbeheer heeft twaalf weken wachttijd" in browser.page_source
    shot(browser, "policy-signals-director")

    browser.find_element(By.LINK_TEXT, "Wijken").click()
    assert "Meldingen en casussen per wijk" in browser.page_source
    row = browser.find_elements(By.CSS_SELECTOR, "table.areas tbody tr details")[0]
    row.find_element(By.TAG_NAME, "summary").click()
    submit(browser, element=row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "Geef aan waarom deze wijk een collectieve aanpak krijgt." in browser.page_source
    row = browser.find_element(By.CSS_SELECTOR, "table.areas details[open]")
    row.find_element(By.NAME, "reason").send_keys("Veel huurachterstanden in dezelfde flats")
    submit(browser, element=row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "De wijk is gemarkeerd voor een collectieve aanpak." in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "tr.marked")
    shot(browser, "neighbourhoods-director")
    logout(browser)

    login(browser, "bram@demo.regie.nl")
    switch_to(browser, "Enschede")
    browser.get(BASE_URL + "/policy-signals")
    signal = browser.find_element(By.XPATH, "//article[contains(., 'budgetbeheer heeft twaalf weken')]")
    assert not signal.find_elements(By.PARTIAL_LINK_TEXT, "casus openen"), "no household for the municipality"
    signal.find_element(By.TAG_NAME, "summary").click()
    Select(signal.find_element(By.NAME, "answer")).select_by_visible_text("In behandeling bij de gemeente")
    signal.find_element(By.NAME, "note").send_keys("Extra formatie budgetbeheer per 2027")
    submit(browser, element=signal.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "Het antwoord van de gemeente is vastgelegd." in browser.page_source
    assert "Extra formatie budgetbeheer per 2027" in browser.page_source
    shot(browser, "policy-signals-municipality")

    browser.get(BASE_URL + "/neighbourhoods")
    cells = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "table.areas td.number")]
    assert "<5" in cells, "areas are protected against small numbers"
    assert "Veel huurachterstanden in dezelfde flats" in browser.page_source
    shot(browser, "neighbourhoods-municipality")
    logout(browser)
