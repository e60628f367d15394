"""User journey (issue 6, first part): consent per member recorded on the case, the member's access report, and
break-glass by a director outside the care team, reviewed by the network director."""
import time

from selenium.webdriver.common.by import By

from conftest import BASE_URL, login, logout, shot, submit
from test_case_work import TODAY, open_case, send
from test_signals import switch_to


def test_consent_access_report_and_break_glass(browser):
    family = "Privacy" + str(int(time.time()))[-5:]
    case = open_case(browser, family)
    send(browser, "/lawful-basis", {"basis_note": ""}, selects=[("basis", "Toestemming")])
    send(browser, "/consents", {"consent_on": TODAY, "giver_name": ""},
         selects=[("consent_organisation", "Woonstichting De Hoeksteen"), ("consent_giver", "Het gezinslid zelf")])
    assert "Toestemming vastgelegd." in browser.page_source
    assert "mag vandaag met" in browser.page_source and "Woonstichting De Hoeksteen" in browser.page_source
    browser.find_element(By.PARTIAL_LINK_TEXT, "inzageverslag").click()
    assert "Inzage: wie zag of wijzigde uw gegevens" in browser.page_source
    assert "Teun Teamleider" in browser.page_source
    shot(browser, "access-report")
    logout(browser)

    login(browser, "carla@demo.regie.nl")
    switch_to(browser, "Enschede")
    browser.get(case)
    assert "Dossier openen met noodtoegang" in browser.page_source
    shot(browser, "break-glass")
    browser.find_element(By.ID, "break_glass_reason").send_keys("Politie belt: acute zorg om de kinderen vannacht.")
    submit(browser)
    assert "met noodtoegang" in browser.page_source and family in browser.page_source
    logout(browser)

    login(browser, "teun@demo.regie.nl")
    switch_to(browser, "Enschede")
    assert "Noodtoegang beoordelen" in browser.page_source
    browser.get(BASE_URL + "/access/break-glass")
    assert "Politie belt" in browser.page_source
    shot(browser, "break-glass-review")
    submit(browser)
    assert "Beoordeling vastgelegd." in browser.page_source
    logout(browser)
