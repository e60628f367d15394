"""Profile journeys (issue 8) for Enschede, Leeuwarden, Rotterdam, Venlo and the local-team route map: each network's
own norms, words and rules on the demo region, whose households stand in every phase of the process."""
import datetime
import time

import pytest
from selenium.webdriver.common.by import By

from conftest import BASE_URL, login, logout, shot, submit
from test_case_work import TODAY, open_case, send
from test_signals import switch_to


def working_days_later(start, days):
    """`days` working days after `start`, weekends skipped (holidays can only push the date later)."""
    day = start
    while days:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def shown_date(text, label):
    """The dd-mm-jjjj date that follows `label` on the page."""
    part = text.split(label, 1)[1].strip().lstrip(":").strip()
    return datetime.datetime.strptime(part[:10], "%d-%m-%Y").date()


def assert_norm(page_text, label, start, days):
    due = shown_date(page_text, label)
    earliest = working_days_later(start, days)
    assert earliest <= due <= earliest + datetime.timedelta(days=4), f"{label}: {due} for {days} working days"


def test_enschede_5_5_10_norms_and_the_care_budget(browser):
    """Enschede: decision on a signal within 5 working days (the demo's late signal is marked), a probleemhouder
    within 5 working days of the decision, the plan in the MDO within 10 working days of that; the teamleider spends
    from the care-purchase budget with an escalation decision and the balance follows."""
    stamp = int(time.time())
    login(browser, "teun@demo.regie.nl")
    switch_to(browser, "Enschede")
    browser.get(BASE_URL + "/signals?status=all")
    assert "besluit binnen 5 werkdagen" in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "tr.overdue"), "the demo signal of 8 working days ago is late"
    shot(browser, "enschede-signals")
    logout(browser)

    case = open_case(browser, "Norm" + str(stamp)[-5:], postcode="7543 ZZ")
    today = datetime.date.today()
    assert_norm(browser.find_element(By.TAG_NAME, "main").text, "Aanstellen uiterlijk", today, 5)
    send(browser, "/lawful-basis", {"basis_note": "Wmo-onderzoek"}, selects=[("basis", "Wettelijke taak")])
    send(browser, "/director", {"director_from": TODAY}, selects=[("director", "Carla Casus")])
    assert "Probleemhouder" in browser.page_source, "the profile's own word for the case director"
    assert_norm(browser.find_element(By.TAG_NAME, "main").text, "Plan in het overleg uiterlijk", today, 10)
    shot(browser, "enschede-norms")

    browser.get(BASE_URL + "/care-budget")
    balance = browser.find_element(By.CSS_SELECTOR, "#balance-title + dl").text
    assert "€ 25.000,00" in balance
    browser.get(case)
    send(browser, "/escalations", {"escalated_on": TODAY, "escalation_reason": "Geen logeerplek voor de kinderen."},
         selects=[("escalation_kind", "Inhoudelijk")])
    escalation = browser.find_element(By.CSS_SELECTOR, "form[action$='/decision']").get_attribute("action").split("/")[-2]
    send(browser, "/decision", {"decision-" + escalation: "Logeerplek ingekocht voor twee weken.",
                                "budget-amount-" + escalation: "30.000"},
         selects=[("mandate-" + escalation, "Budget voor zorginkoop")], checks=[("structural", "no")])
    assert "hoger dan wat er nog in het zorginkoopbudget zit" in browser.page_source
    amount = browser.find_element(By.ID, "budget-amount-" + escalation)
    assert amount.get_attribute("value") == "30.000", "the amount typed is kept"
    shot(browser, "enschede-budget-refused")
    spent_before = browser.find_element(By.ID, "budget-hint-" + escalation).text
    send(browser, "/decision", {"budget-amount-" + escalation: "1.250"}, checks=[("structural", "no")])
    assert "Besluit over de opschaling vastgelegd." in browser.page_source
    assert "Budget voor zorginkoop: € 1.250,00" in browser.page_source
    browser.get(BASE_URL + "/care-budget")
    assert "€ 1.250,00" in browser.find_element(By.CSS_SELECTOR, "table").text
    shot(browser, "enschede-care-budget")
    assert "Nog beschikbaar" in spent_before
    logout(browser)


def test_leeuwarden_agenda_has_every_open_case_under_client_numbers(browser):
    """Leeuwarden: every open case on every network meeting's agenda, and the case conference shows client numbers
    instead of names."""
    login(browser, "teun@demo.regie.nl")
    switch_to(browser, "Leeuwarden")
    browser.get(BASE_URL + "/meetings")
    assert "alle open casussen, elk overleg" in browser.page_source
    send_meeting = browser.find_element(By.CSS_SELECTOR, "form[action='/meetings']")
    send_meeting.find_element(By.ID, "meeting_day").clear()
    send_meeting.find_element(By.ID, "meeting_day").send_keys(TODAY)
    send_meeting.find_element(By.ID, "meeting_time").clear()
    send_meeting.find_element(By.ID, "meeting_time").send_keys("09:30")
    submit(browser, element=send_meeting.find_element(By.CSS_SELECTOR, "button"))
    next(a for a in browser.find_elements(By.CSS_SELECTOR, "table tbody a") if TODAY in a.text).click()
    agenda = browser.find_element(By.TAG_NAME, "main").text
    cases = browser.find_elements(By.CSS_SELECTOR, "main a[href^='/cases/']")
    assert len({c.get_attribute("href") for c in cases}) >= 4, "every open case of the demo is on the agenda"
    for name in ("Bedachtsma", "Stilstra", "Oefenaar", "Terugkamp"):
        assert name not in agenda, "no names on a pseudonymised agenda"
    shot(browser, "leeuwarden-agenda")
    cases[0].click()
    assert "K-" in browser.find_element(By.TAG_NAME, "main").text, "client numbers on the case in Leeuwarden"
    logout(browser)


@pytest.mark.parametrize("user, network, director_word", [
    ("noor@demo.regie.nl", "Rotterdam", "trajectregisseur"),
    ("anouk@demo.regie.nl", "Venlo", "regisseur"),
    ("noor@demo.regie.nl", "Demostad", "casusregisseur"),
])
def test_network_shows_its_own_words_and_every_phase(browser, user, network, director_word):
    """Rotterdam, Venlo and the route map: the network's own words, and its demo households in every phase on the
    worklist (a signal to decide, stalled care, an escalation to decide, a reopened case without a director)."""
    login(browser, user)
    switch_to(browser, network)
    browser.get(BASE_URL + "/cases")
    assert director_word.capitalize() in browser.find_element(By.CSS_SELECTOR, "table thead").text, "as a header"
    browser.get(BASE_URL + "/")
    worklist = browser.find_element(By.TAG_NAME, "main").text
    for item in ("Melding wacht op besluit", "Zorg stagneert", "Opschaling wacht op besluit", "Regisseur aanstellen"):
        assert item in worklist, f"{item} in {network}"
    shot(browser, f"worklist-{network.lower()}")
    logout(browser)
