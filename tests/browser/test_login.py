"""User journey: log in, see the home page, log out; a failed login explains itself in Dutch."""
from selenium.webdriver.common.by import By

from conftest import BASE_URL, login, logout, shot, submit


def test_failed_login_shows_dutch_error_and_keeps_email(browser):
    login(browser, "noor@demo.regie.nl", "verkeerd-wachtwoord")
    error = browser.find_element(By.CSS_SELECTOR, "p.error")
    assert "E-mailadres of wachtwoord klopt niet." in error.text
    assert browser.find_element(By.ID, "email").get_attribute("value") == "noor@demo.regie.nl"
    shot(browser, "login-failed")


def test_login_home_logout(browser):
    browser.get(BASE_URL + "/")
    assert "/login" in browser.current_url
    shot(browser, "login")
    login(browser, "noor@demo.regie.nl")
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading == "Welkom, Noor de Regisseur"
    assert "coördinator" in browser.page_source
    assert "GGD Regio Demo" in browser.find_element(By.CSS_SELECTOR, ".who").text
    assert browser.execute_script("return document.styleSheets[0].cssRules.length") > 0
    shot(browser, "home")
    logout(browser)
    assert "U bent uitgelogd." in browser.find_element(By.CSS_SELECTOR, ".notice").text
    browser.get(BASE_URL + "/")
    assert "/login" in browser.current_url


def test_network_switcher_changes_network(browser):
    login(browser, "teun@demo.regie.nl")
    select = browser.find_element(By.ID, "network-switch")
    options = [o.text for o in select.find_elements(By.TAG_NAME, "option")]
    assert any("Enschede" in o for o in options) and any("Leeuwarden" in o for o in options)
    target = next(o for o in select.find_elements(By.TAG_NAME, "option") if "Leeuwarden" in o.text)
    target.click()
    submit(browser, "form.switcher button")
    assert "Sociaal team Leeuwarden-Oost (demo)" in browser.find_element(By.CSS_SELECTOR, ".card h2").text
    assert "teamleider" in browser.page_source


def test_unknown_address_keeps_the_menu(browser):
    """A mistyped or outdated link: the not-found page keeps the user's own top bar, one click from where they were."""
    login(browser, "noor@demo.regie.nl")
    browser.get(BASE_URL + "/dossiers-oud/1234")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Niet gevonden"
    assert "bestaat niet (meer)" in browser.find_element(By.TAG_NAME, "main").text
    menu = browser.find_element(By.CSS_SELECTOR, "nav.menu")
    assert menu.find_element(By.CSS_SELECTOR, 'a[href="/signals"]')
    assert "Noor de Regisseur" in browser.find_element(By.CSS_SELECTOR, ".who").text
    # The page is styled like every other: the stylesheet is still served next to the not-found answer.
    assert browser.execute_script("return document.styleSheets[0].cssRules.length") > 0
    shot(browser, "not-found")
    menu.find_element(By.CSS_SELECTOR, 'a[href="/"]').click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Welkom, Noor de Regisseur"
