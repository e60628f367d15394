"""Profile journeys (issue 8), second half: in Rotterdam, Venlo and the local-team route map a new household walks the
network's own path from signal to aftercare — decided, a director in the network's own word, one plan with the
household, the partner's commitment, closure by the network's criterion (Rotterdam: in regular care, naming the
director there) and the aftercare checks of the profile (Rotterdam 6 and 12 months, the others 6)."""
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL, login, logout, shot, submit
from test_case_work import TODAY, open_case, send
from test_signals import switch_to

PATHS = [
    # network, city, postcode, partner (reports, takes on a commitment), network director, case director,
    # the network's word for the case director, the reason the closure form starts with, aftercare checks
    ("Rotterdam", "Rotterdam", "3032 AB", ("pim@demo.regie.nl", "Pim Partner"), "noor@demo.regie.nl",
     ("carla@demo.regie.nl", "Carla Casus"), "trajectregisseur", "In de reguliere zorg", 2),
    ("Venlo", "Venlo", "5912 AB", ("gert@demo.regie.nl", "Gert GGZ"), "anouk@demo.regie.nl",
     ("vera@demo.regie.nl", "Vera Verbinder"), "regisseur", "Doelen bereikt", 1),
    ("Demostad", "Demostad", "1011 AB", ("pim@demo.regie.nl", "Pim Partner"), "noor@demo.regie.nl",
     ("carla@demo.regie.nl", "Carla Casus"), "casusregisseur", "Doelen bereikt", 1),
]


def as_user(browser, email, network, page):
    """Signs `email` in, in `network`, on `page`."""
    login(browser, email)
    switch_to(browser, network)
    browser.get(page)


@pytest.mark.parametrize("network, city, postcode, partner, director, case_director, word, reason, checks", PATHS)
def test_new_household_from_signal_to_aftercare(browser, network, city, postcode, partner, director, case_director,
                                                word, reason, checks):
    stamp = int(time.time())
    family = "Pad" + network[:3] + str(stamp)[-5:]
    birth = f"{stamp % 28 + 1:02d}-{stamp // 28 % 12 + 1:02d}-19{stamp % 40 + 50}"  # no match with earlier runs
    case = open_case(browser, family, reporter=partner[0], director=director, network=network, city=city,
                     postcode=postcode, birth=birth)
    send(browser, "/lawful-basis", {"basis_note": "Zorgnetwerkconvenant"}, selects=[("basis", "Wettelijke taak")])
    send(browser, "/director", {"director_from": TODAY}, selects=[("director", case_director[1])])
    main = browser.find_element(By.TAG_NAME, "main").text
    assert word.capitalize() in main and case_director[1] in main, f"the {word} is named on the case"
    logout(browser)

    # The case director makes one plan with the household; the partner takes on its part.
    as_user(browser, case_director[0], network, case)
    send(browser, "/assessment", {"assessed_on": TODAY}, selects=[("score_wonen", "2 —")])
    send(browser, "/safety", {"as_of": TODAY})
    send(browser, "/plan", {"context": "Huurachterstand; Els wil rust in huis."})
    send(browser, "/plan/goals", {"goal_description": "Vaste lasten op tijd betaald", "goal_target": "31-12-2027"},
         selects=[("goal_domain", "Wonen")],
         checks=[("goal_person", browser.find_element(By.CSS_SELECTOR, "input[name=goal_person]").get_attribute("value"))])
    send(browser, "/plan/agreement", {"agreement_how": "Bij Els thuis"}, checks=[("agreement", "agreed")])
    send(browser, "/commitments", {"commitment_description": "Huurregeling met Els " + family,
                                   "commitment_due": "31-12-2027"}, selects=[("commitment_owner", partner[1])])
    send(browser, "/plan/adopt", {"adopted_on": TODAY})
    assert "Het plan is vastgesteld." in browser.page_source
    logout(browser)

    as_user(browser, partner[0], network, BASE_URL + "/inbox")
    card = next(c for c in browser.find_elements(By.CSS_SELECTOR, "section.card") if family in c.text)
    submit(browser, element=card.find_element(By.CSS_SELECTOR, "button[value=accept]"))
    assert "U heeft de afspraak geaccepteerd." in browser.page_source
    logout(browser)

    # The network director closes by the network's own criterion.
    as_user(browser, director, network, case)
    closure = browser.find_element(By.CSS_SELECTOR, "form[action$='/closure']")
    browser.execute_script("arguments[0].closest('details').open = true", closure)
    assert Select(closure.find_element(By.ID, "closure_reason")).first_selected_option.text.startswith(reason)
    send(browser, "/closure", {"closure_safety_note": "Iedereen veilig; Els heeft een vaste hulpverlener."},
         checks=[("safety_check", "safe")])
    if reason.startswith("In de reguliere zorg"):
        assert "Noem de regisseur in de reguliere zorg." in browser.page_source
        kept = browser.find_element(By.ID, "closure_safety_note").get_attribute("value")
        assert kept.startswith("Iedereen veilig"), "the safety note typed is kept"
        shot(browser, f"closure-refused-{network.lower()}")
        send(browser, "/closure", {"regular_director": "Fatima Yilmaz, wijkteam Oude Noorden"})
    assert "Casus afgesloten; de nazorg loopt." in browser.page_source
    if reason.startswith("In de reguliere zorg"):
        assert "Fatima Yilmaz, wijkteam Oude Noorden" in browser.find_element(By.ID, "closure").text
    rows = browser.find_elements(By.CSS_SELECTOR, "#closure table tbody tr")
    assert len(rows) == checks, f"{checks} aftercare check(s) in {network}"
    shot(browser, f"closed-{network.lower()}")
    logout(browser)

    # The partner answers the first aftercare check.
    as_user(browser, partner[0], network, case)
    send(browser, "/aftercare", {"aftercare_note": "Huur wordt betaald; contact loopt via de vaste hulpverlener."},
         checks=[("aftercare_answer", "ended_well")])
    if checks > 1:  # Rotterdam: the second check after 12 months is still to come
        assert "Antwoord op de nazorgcheck verstuurd." in browser.page_source
        main = browser.find_element(By.TAG_NAME, "main").text
        assert "Goed afgerond" in main, main
    else:  # the only check answered: the file closes to the partners and the partner goes back to the worklist
        assert "de nazorg is afgerond en de casus is gesloten" in browser.page_source
        assert browser.current_url.split("?")[0] == BASE_URL + "/"
    shot(browser, f"aftercare-{network.lower()}")
    logout(browser)
