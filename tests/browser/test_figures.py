"""User journey (issue 7): the network director opens the dashboard of the demo region, follows a count to its
cases, exports the CSV and records an inspection answer; a policy officer sees small numbers suppressed."""
import time
import urllib.request

from selenium.webdriver.common.by import By

from conftest import BASE_URL, login, logout, shot, submit
from test_case_work import TODAY, open_case
from test_signals import switch_to


def fetch(browser, path):
    """Downloads `path` with the browser's session, as the CSV link would."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(BASE_URL + path, headers={"Cookie": cookies})) as response:
        return response.headers.get("Content-Type"), response.read().decode("utf-8")


def test_dashboard_csv_cases_inspection_and_suppression(browser):
    open_case(browser, "Cijfers" + str(int(time.time()))[-5:])  # leaves Teun signed in, in Enschede
    browser.get(BASE_URL + "/")
    browser.find_element(By.LINK_TEXT, "Cijfers").click()
    browser.find_element(By.CSS_SELECTOR, "#scope option[value=region]").click()
    submit(browser, "form.inline-form button")
    assert "Instroom naar soort melder" in browser.page_source and "Doorlooptijden" in browser.page_source
    assert "Wijkzorgteam Enschede-Zuid" in browser.page_source, "the region lists its networks"
    shot(browser, "figures-region")
    decisions = browser.find_element(By.ID, "figure-decisions")
    decisions.find_element(By.CSS_SELECTOR, "td.number a").click()
    assert "Huishoudens achter een cijfer" in browser.page_source
    shot(browser, "figure-cases")

    browser.back()
    href = browser.find_element(By.PARTIAL_LINK_TEXT, "Download CSV").get_attribute("href")
    kind, body = fetch(browser, href.replace(BASE_URL, ""))
    assert kind == "text/csv; charset=utf-8"
    assert body.startswith("\ufeffCijfer;Onderdeel;Aantal;")
    assert "Besluiten over meldingen;" in body

    browser.find_element(By.LINK_TEXT, "Zelfevaluatie toezichtkader").click()
    assert "Eén regisseur per huishouden" in browser.page_source
    row = browser.find_element(By.ID, "information_covenant")
    row.find_element(By.TAG_NAME, "summary").click()
    row.find_element(By.CSS_SELECTOR, "input[name=met][value=yes]").click()
    submit(browser, element=row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "Noem het document dat dit aantoont." in browser.page_source, "the document is asked for"
    row = browser.find_element(By.ID, "information_covenant")
    row.find_element(By.NAME, "document").send_keys("Convenant gegevensdeling 2026")
    submit(browser, element=row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "Antwoord vastgelegd." in browser.page_source
    assert "Convenant gegevensdeling 2026" in browser.page_source
    shot(browser, "inspection")
    logout(browser)

    login(browser, "bram@demo.regie.nl")
    switch_to(browser, "Enschede")
    browser.get(BASE_URL + "/figures")
    assert browser.find_element(By.CSS_SELECTOR, ".who-name").text == "Bram Beleid", "signed in as the policy officer"
    assert "Wijkzorgteam Enschede-Zuid" in browser.page_source and "scope=region" not in browser.current_url
    cells = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "td.number")]
    assert "<5" in cells, "small numbers are suppressed for a policy officer"
    assert not browser.find_elements(By.CSS_SELECTOR, "td.number a"), "no cases behind the figures"
    shot(browser, "figures-policy-officer")
    logout(browser)
