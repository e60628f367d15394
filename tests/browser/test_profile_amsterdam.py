"""Profile journey (issue 8), Amsterdam's MPG approach: a gezinsmanager signals, the coördinator risicogezinnen
opens the case and sets the family level, escalates it to MPG3; the procesmanager is told and sees levels and
process facts only, never the reasons."""
import time

from selenium.webdriver.common.by import By

from conftest import BASE_URL, login, logout, shot, submit
from test_case_work import TODAY, send


def test_amsterdam_levels_and_process_only_view(browser):
    family = "Niveau" + str(int(time.time()))[-5:]
    login(browser, "gina@demo.regie.nl")
    browser.get(BASE_URL + "/signals/new")
    for field, value in {"p0-given": "Roos", "p0-family": family, "p0-birth": "02-02-1988", "street": "Proeflaan",
                         "house_number": "3", "postcode": "1055 ZZ", "city": "Amsterdam",
                         "description": "Zoon spijbelt, moeder kampt met schulden en somberheid."}.items():
        browser.find_element(By.ID, field).send_keys(value)
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=concern]")[:3]:
        box.click()
    submit(browser)
    logout(browser)

    login(browser, "ravi@demo.regie.nl")
    browser.get(BASE_URL + "/signals?status=all")
    browser.find_element(By.CSS_SELECTOR, "table tbody tr:first-child a").click()  # the newest signal
    browser.find_element(By.CSS_SELECTOR, "input[name=outcome][value=coordinate]").click()
    submit(browser)
    submit(browser, "form[action$='/information-round'] button")
    browser.find_element(By.CSS_SELECTOR, "input[name=coordination][value=open_case]").click()
    browser.find_element(By.ID, "coordination_reason").send_keys("Meerdere leefgebieden, kind in beeld.")
    submit(browser, "form[action$='/coordination'] button")
    browser.find_element(By.LINK_TEXT, "Naar de casus").click()
    assert "Gezinsniveau" in browser.page_source and "Nog geen gezinsniveau vastgesteld." in browser.page_source

    send(browser, "/family-level", {"family-level-reason": ""}, selects=[("family-level", "1 —")])
    assert "Vul dit veld in." in browser.page_source, "a level needs a reason"
    send(browser, "/family-level", {"family-level-reason": "Zorgmijdend gezin, geen indicatie"},
         selects=[("family-level", "1 —")])
    assert "Gezinsniveau vastgesteld." in browser.page_source
    send(browser, "/family-level", {"family-level-reason": "Ondertoezichtstelling uitgesproken"},
         selects=[("family-level", "3 —")])
    assert "3 — MPG met jeugdbeschermings- of jeugdreclasseringsmaatregel" in browser.page_source
    assert "Het proces ligt bij: procesmanager" in browser.page_source
    browser.execute_script("document.getElementById('family-level').scrollIntoView()")
    shot(browser, "amsterdam-family-level")
    case = browser.current_url.split("?")[0].split("#")[0]
    logout(browser)

    login(browser, "paul@demo.regie.nl")
    browser.get(BASE_URL + "/notifications")
    assert "Een gezin is van niveau veranderd" in browser.page_source, "the procesmanager is told"
    browser.get(case)
    assert "3 — MPG met jeugdbeschermings- of jeugdreclasseringsmaatregel" in browser.page_source
    assert "Ondertoezichtstelling" not in browser.page_source, "process facts only, no reasons"
    assert "Zoon spijbelt" not in browser.page_source, "no content"
    shot(browser, "amsterdam-process-view")
    browser.get(BASE_URL + "/cases")
    assert "3 · procesmanager" in browser.page_source
    logout(browser)
