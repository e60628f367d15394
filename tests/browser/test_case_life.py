"""User journey (issue 5): the full life of a case — adopted plan → progress with a deviation → stalled care (a
declined commitment) → organisational escalation decided at the second rung → closure with the safety check (which
ends the commitment the partner had accepted) → aftercare answered "dropped out" → case reopened. The e-mails on the
way carry only a link."""
import re
import time

from selenium.webdriver.common.by import By

from conftest import BASE_URL, login, logout, shot, submit
from test_case_work import TODAY, open_case, send
from test_signals import switch_to


def wait_for_mail(sink, address, seconds=15):
    """The e-mails delivered to `address` once at least one arrived (the norm watch sends every second)."""
    end = time.time() + seconds
    while time.time() < end:
        found = [body for to, body in sink.messages if address in to]
        if found:
            return found
        time.sleep(0.5)
    return []


def test_plan_progress_stall_escalation_closure_aftercare_reopen(browser, mail_sink):
    family = "Levensloop" + str(int(time.time()))[-5:]
    case = open_case(browser, family)
    case_id = case.rsplit("/", 1)[1]
    send(browser, "/lawful-basis", {"basis_note": "Wmo"}, selects=[("basis", "Wettelijke taak")])
    send(browser, "/director", {"director_from": TODAY}, selects=[("director", "Carla Casus")])
    send(browser, "/assessment", {"assessed_on": TODAY}, selects=[("score_wonen", "2 —")])
    send(browser, "/safety", {"as_of": TODAY})
    send(browser, "/plan", {"context": "Huurachterstand."})
    send(browser, "/plan/goals", {"goal_description": "Huur op tijd betalen", "goal_target": "31-12-2027"},
         selects=[("goal_domain", "Wonen")],
         checks=[("goal_person", browser.find_element(By.CSS_SELECTOR, "input[name=goal_person]").get_attribute("value"))])
    send(browser, "/plan/agreement", {"agreement_how": "Aan tafel"}, checks=[("agreement", "agreed")])
    send(browser, "/commitments", {"commitment_description": "Budgetcursus voor Els", "commitment_due": "31-12-2027"},
         selects=[("commitment_owner", "Pim Partner"), ("commitment_goal", "Huur op tijd betalen")])
    send(browser, "/commitments", {"commitment_description": "Els aanmelden bij de schuldhulp",
                                   "commitment_due": "31-12-2027"}, selects=[("commitment_owner", "Pim Partner")])
    send(browser, "/plan/adopt", {"adopted_on": TODAY})
    assert "Het plan is vastgesteld." in browser.page_source
    reference = re.search(r"Casus (\S+)", browser.find_element(By.TAG_NAME, "h1").text).group(1)
    logout(browser)

    # The case director's worklist says what is due and why; progress with a deviation tells the network director.
    login(browser, "carla@demo.regie.nl")
    switch_to(browser, "Enschede")
    assert "Eerste voortgangscontact" in browser.page_source
    browser.get(case)
    send(browser, "/progress", {"progress_on": TODAY, "progress_text": "Post samen doorgenomen; huur weer niet betaald."},
         selects=[("progress_kind", "Voortgangsgesprek")], checks=[("deviation", "yes")])
    assert "Voortgang vastgelegd." in browser.page_source
    send(browser, "/evaluations", {"evaluated_on": TODAY, "household_view": "Els: het lukt nog niet."},
         selects=[("evaluation_status", "Geen voortgang")])
    browser.get(BASE_URL + "/")
    assert "U meldde een afwijking van het plan." in browser.page_source
    shot(browser, "worklist-case-director")
    logout(browser)

    # The partner declines its commitment: care stalls.
    login(browser, "pim@demo.regie.nl")
    browser.get(BASE_URL + "/inbox")
    card = next(c for c in browser.find_elements(By.CSS_SELECTOR, "section.card") if "Budgetcursus voor Els" in c.text)
    card.find_element(By.CSS_SELECTOR, "textarea").send_keys("Wachtlijst van vier maanden.")
    submit(browser, element=card.find_element(By.CSS_SELECTOR, "button[value=decline]"))
    card = next(c for c in browser.find_elements(By.CSS_SELECTOR, "section.card") if "Els aanmelden" in c.text)
    submit(browser, element=card.find_element(By.CSS_SELECTOR, "button[value=accept]"))
    assert "Els aanmelden bij de schuldhulp" in browser.page_source, "accepted: still to carry out"
    logout(browser)

    login(browser, "carla@demo.regie.nl")
    browser.get(case)
    assert "De zorg stagneert" in browser.page_source and "weigerde de afspraak" in browser.page_source
    send(browser, "/escalations", {"escalated_on": TODAY, "blocking_rule": "Wachtlijst budgetcursus",
                                   "escalation_reason": "Zonder cursus loopt de huurschuld op."},
         selects=[("escalation_kind", "Organisatorisch"), ("blocking_organisation", "Schuldhulp Op Orde")])
    assert "1. Leidinggevende" in browser.page_source
    submit(browser, "form[action$='/raise'] button")
    assert "2. Stuurgroep" in browser.page_source
    escalation = browser.find_element(By.CSS_SELECTOR, "form[action$='/decision']").get_attribute("action").split("/")[-2]
    send(browser, "/decision", {"decision-" + escalation: "De stuurgroep koopt de cursus in bij een andere aanbieder."},
         selects=[("mandate-" + escalation, "overeenstemming"), ("signal-category-" + escalation, "Wachtlijst")],
         checks=[("structural", "yes")])
    assert "Besluit over de opschaling vastgelegd." in browser.page_source
    browser.execute_script("document.getElementById('escalation').scrollIntoView()")
    shot(browser, "escalation-decided")
    logout(browser)

    # The network director closes: not without the safety check.
    login(browser, "teun@demo.regie.nl")
    browser.get(case)
    send(browser, "/closure", {"closed_on": TODAY}, selects=[("closure_reason", "Doelen bereikt")])
    assert "Doe eerst de veiligheidscheck." in browser.page_source
    shot(browser, "closure-refused")
    send(browser, "/closure", {"closure_safety_note": "Kinderen veilig; Els heeft een budgetcoach."},
         checks=[("safety_check", "safe")])
    assert "Casus afgesloten; de nazorg loopt." in browser.page_source
    # The plan the case was closed with stays readable, with nothing offering to change it or start another.
    assert "Afgesloten met de casus: het plan is alleen nog te lezen." in browser.page_source
    assert "Huur op tijd betalen" in browser.find_element(By.ID, "plan").text
    assert not browser.find_elements(By.CSS_SELECTOR, "#plan form")
    assert not browser.find_elements(By.CSS_SELECTOR, "#plan .overdue-tag"), "a declined commitment is history now"
    browser.execute_script("document.getElementById('plan').scrollIntoView()")
    shot(browser, "plan-aftercare")
    logout(browser)

    # The partner hears back (in Regie and by e-mail, without content) and reports the household dropped out.
    login(browser, "pim@demo.regie.nl")
    browser.get(BASE_URL + "/notifications")
    assert "Casus afgesloten" in browser.page_source
    browser.get(case)
    # Without a sharing agreement the partner sees its own part: its commitment, not the others' notes.
    assert "U ziet uw eigen deel van dit dossier" in browser.page_source
    assert "Budgetcursus voor Els" in browser.page_source
    assert "huur weer niet betaald" not in browser.page_source
    # The closure ended the accepted commitment: it says so here and is no longer among the partner's work.
    assert "Beëindigd bij afsluiting" in browser.page_source
    assert 'overdue-tag">geweigerd' not in browser.page_source, "in aftercare a declined commitment is history"
    # Each commitment stays under the goal it served; only the one without a goal is listed apart.
    own = browser.find_element(By.ID, "own-commitments").text
    assert own.index("Huur op tijd betalen") < own.index("Budgetcursus voor Els") \
        < own.index("Afspraken zonder doel in het plan") < own.index("Els aanmelden bij de schuldhulp")
    shot(browser, "own-part-aftercare")
    browser.get(BASE_URL + "/inbox")
    assert "Els aanmelden bij de schuldhulp" not in browser.page_source
    browser.get(case)
    send(browser, "/aftercare", {"aftercare_note": "Els komt niet meer naar de afspraken."},
         checks=[("aftercare_answer", "dropped_out")])
    assert "Antwoord op de nazorgcheck verstuurd." in browser.page_source
    assert "Open casus" in browser.page_source, "dropped out reopens the case"
    shot(browser, "aftercare-reopened")
    logout(browser)

    mails = wait_for_mail(mail_sink, "pim@demo.regie.nl")
    assert mails, "the partner got an e-mail"
    for body in mails:
        assert BASE_URL + "/notifications" in body
        for secret in (family, "Els", reference, case_id, "Huur"):
            assert secret not in body

    # The network director picks the reopened case up: the plan it was closed with stays in view beside the start of
    # a new one, and its goal comes over into the new concept.
    login(browser, "teun@demo.regie.nl")
    browser.get(case)
    plan = browser.find_element(By.ID, "plan").text
    assert "Vorig plan" in plan and "Huur op tijd betalen" in plan
    assert browser.find_element(By.CSS_SELECTOR, "input[name=carry_goals]").is_selected()
    browser.execute_script("document.getElementById('plan').scrollIntoView()")
    shot(browser, "plan-after-reopen")
    # The printable plan offers the previous plan to take along to the household.
    browser.get(case + "/plan/print")
    printed = browser.find_element(By.TAG_NAME, "article").text
    assert "Er is nog geen plan." in printed and "Vorig plan" in printed and "Huur op tijd betalen" in printed
    shot(browser, "plan-print-after-reopen")
    browser.get(case)
    send(browser, "/plan", {"context": "Na de terugval opnieuw op weg."})
    plan = browser.find_element(By.ID, "plan").text
    assert "Vorig plan" not in plan and "Huur op tijd betalen" in plan and "concept" in plan
    shot(browser, "plan-restarted")
    logout(browser)
