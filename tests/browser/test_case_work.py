"""User journey (issue 4): a decided case gets its picture, a director, a case conference with minutes and work
agreements, and one plan adopted with the household's agreement; the partner accepts its commitment."""
import datetime
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL, login, logout, shot, submit
from test_signals import switch_to

TODAY = datetime.date.today().strftime("%d-%m-%Y")


def form(browser, action):
    """The form posting to `action` (a path suffix), opened if it sits in a closed <details>."""
    element = browser.find_element(By.CSS_SELECTOR, f"form[action^='/cases/'][action$='{action}']")
    browser.execute_script("const d = arguments[0].closest('details'); if (d) { d.open = true; }", element)
    return element


def send(browser, action, values, selects=(), checks=()):
    """Fills and submits one form: text fields by id, selects by visible text part, checkboxes by value."""
    target = form(browser, action)
    for field, value in values.items():
        element = target.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    for field, text in selects:
        select = Select(target.find_element(By.ID, field))
        select.select_by_visible_text(next(o.text for o in select.options if text in o.text))
    for name, value in checks:
        target.find_element(By.CSS_SELECTOR, f"input[name={name}][value='{value}']").click()
    submit(browser, element=target.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def open_case(browser, family, reporter="pim@demo.regie.nl", director="teun@demo.regie.nl", network="Enschede",
              city="Enschede", postcode="7511 XX", birth="14-07-1979"):
    """The reporter signals, the network director decides and opens the case without a round; returns the case
    URL and leaves the director signed in."""
    login(browser, reporter)
    switch_to(browser, network)
    browser.get(BASE_URL + "/signals/new")
    for field, value in {"p0-given": "Els", "p0-family": family, "p0-birth": birth, "street": "Verzonnenweg",
                         "house_number": "9", "postcode": postcode, "city": city,
                         "description": "Huurachterstand en zorgen om de kinderen."}.items():
        browser.find_element(By.ID, field).send_keys(value)
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=concern]")[:3]:
        box.click()
    submit(browser)
    logout(browser)
    login(browser, director)
    switch_to(browser, network)
    browser.get(BASE_URL + "/signals?status=all")
    browser.find_element(By.CSS_SELECTOR, "table tbody tr:first-child a").click()  # the newest signal
    browser.find_element(By.CSS_SELECTOR, "input[name=outcome][value=coordinate]").click()
    submit(browser)
    submit(browser, "form[action$='/information-round'] button")
    browser.find_element(By.CSS_SELECTOR, "input[name=coordination][value=open_case]").click()
    browser.find_element(By.ID, "coordination_reason").send_keys("Drie leefgebieden.")
    submit(browser, "form[action$='/coordination'] button")
    browser.find_element(By.LINK_TEXT, "Naar de casus").click()
    return browser.current_url.split("?")[0]


def test_picture_director_conference_plan_commitment(browser):
    family = "Plangezin" + str(int(time.time()))[-5:]
    case = open_case(browser, family)
    assert "Nog niemand aangesteld" in browser.page_source
    send(browser, "/lawful-basis", {"basis_note": "Wmo-onderzoek"}, selects=[("basis", "Wettelijke taak")])
    send(browser, "/director", {"director_from": TODAY}, selects=[("director", "Carla Casus")])
    assert "De regisseur is aangesteld." in browser.page_source
    send(browser, "/assessment", {"assessed_on": TODAY}, selects=[("score_wonen", "2 —"), ("score_werken", "4 —")])
    assert "De scores zijn vastgelegd." in browser.page_source
    send(browser, "/safety", {"as_of": TODAY})
    send(browser, "/network", {"network_name": "Zus Marleen", "network_description": "Past twee middagen op de kinderen."},
         selects=[("kind", "Familie")])
    send(browser, "/plan", {"context": "Huurachterstand van drie maanden; Els wil het zelf oplossen."})
    assert "Het plan is gestart als concept." in browser.page_source
    send(browser, "/plan/goals", {"goal_description": "Huurachterstand afgelost", "goal_target": "31-12-2026",
                                  "goal_words": "Rust in huis"}, selects=[("goal_domain", "Wonen")],
         checks=[("goal_person", browser.find_element(By.CSS_SELECTOR, "input[name=goal_person]").get_attribute("value"))])
    send(browser, "/plan/agreement", {"agreement_how": "Aan de keukentafel"}, checks=[("agreement", "agreed")])
    send(browser, "/conferences", {"conference_day": TODAY, "conference_time": "10:00", "place": "Wijkcentrum"},
         selects=[("chair", "Teun Teamleider"), ("content_lead", "Carla Casus")], checks=[])
    assert "Het casusoverleg is gepland." in browser.page_source
    shot(browser, "case-page")

    browser.find_element(By.CSS_SELECTOR, "#conferences tbody a").click()
    send(browser, "/minutes", {"minutes": "Els vertelt over de huur; afspraken hieronder."})
    send(browser, "/agreements", {"commitment_description": "Betalingsregeling met Els opstellen",
                                  "commitment_due": TODAY}, selects=[("commitment_owner", "Pim Partner"),
                                                                     ("commitment_goal", "Huurachterstand")])
    assert "Betalingsregeling met Els opstellen" in browser.page_source
    shot(browser, "conference")

    browser.get(case)
    send(browser, "/plan/adopt", {"adopted_on": TODAY}, selects=[("meeting", TODAY)])
    assert "Het plan is vastgesteld." in browser.page_source
    assert "(vastgesteld)" in browser.page_source
    shot(browser, "case-plan-adopted")
    browser.get(case + "/plan/print")
    assert "Rust in huis" in browser.page_source
    shot(browser, "plan-print")
    logout(browser)

    login(browser, "pim@demo.regie.nl")
    browser.get(BASE_URL + "/inbox")
    card = next(c for c in browser.find_elements(By.CSS_SELECTOR, "section.card") if "Betalingsregeling met Els" in c.text)
    shot(browser, "inbox-commitment")
    submit(browser, element=card.find_element(By.CSS_SELECTOR, "button[value=accept]"))
    assert "U heeft de afspraak geaccepteerd." in browser.page_source
    logout(browser)
