"""User journey: an administrator adds an organisation and a user; the new user logs in."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL, login, logout, shot, submit


def test_admin_adds_organisation_and_user(browser):
    stamp = str(int(time.time() * 1000))[-7:]
    login(browser, "beheer@demo.regie.nl")
    browser.get(BASE_URL + "/admin/organisations/new")
    # Only spaces pass the browser's own check; Regie must explain next to the field.
    browser.find_element(By.ID, "name").send_keys("   ")
    submit(browser)
    assert "Vul dit veld in." in browser.find_element(By.CSS_SELECTOR, ".field-error").text
    browser.find_element(By.ID, "name").clear()
    browser.find_element(By.ID, "name").send_keys(f"Buurtteam Zuid {stamp}")
    Select(browser.find_element(By.ID, "kind")).select_by_visible_text("Algemeen maatschappelijk werk")
    submit(browser)
    assert "Opgeslagen." in browser.page_source
    assert f"Buurtteam Zuid {stamp}" in browser.page_source
    shot(browser, "admin-organisations")

    browser.get(BASE_URL + "/admin/users/new")
    browser.find_element(By.ID, "name").send_keys("Wim Wijkwerker")
    browser.find_element(By.ID, "email").send_keys(f"wim{stamp}@demo.regie.nl")
    Select(browser.find_element(By.ID, "organisation")).select_by_visible_text(f"Buurtteam Zuid {stamp}")
    browser.find_element(By.ID, "password").send_keys("kort")
    boxes = browser.find_elements(By.CSS_SELECTOR, "table.roles input[type=checkbox]")
    boxes[2].click()
    submit(browser)
    assert "Een wachtwoord heeft minstens 12 tekens." in browser.page_source
    assert browser.find_element(By.ID, "name").get_attribute("value") == "Wim Wijkwerker"
    shot(browser, "admin-user-error")
    browser.find_element(By.ID, "password").send_keys("fietsen langs de rivier")
    submit(browser)
    assert "Opgeslagen." in browser.page_source
    shot(browser, "admin-users")
    logout(browser)

    login(browser, f"wim{stamp}@demo.regie.nl", "fietsen langs de rivier")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Welkom, Wim Wijkwerker"


def test_non_admin_cannot_reach_administration(browser):
    login(browser, "pim@demo.regie.nl")
    browser.get(BASE_URL + "/admin/users")
    assert "U heeft geen toegang tot deze pagina." in browser.page_source


def test_admin_sees_profiles_when_adding_a_network(browser):
    login(browser, "beheer@demo.regie.nl")
    browser.get(BASE_URL + "/admin/networks/new")
    labels = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "fieldset label.check strong")]
    assert "Enschede — wijkzorgteam" in labels and len(labels) == 7
    shot(browser, "admin-network-form")
    browser.get(BASE_URL + "/admin/networks")
    assert "Regiegroep Zwolle (demo)" in browser.page_source
    shot(browser, "admin-networks")
