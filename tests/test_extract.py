"""Claims from short texts written for these tests: what one event is, and which count belongs to it."""
import datetime as dt

import pytest

from kg import gazetteer
from kg.articles import Article
from kg.dates import Interval
from kg.extract import extract
from kg.quantities import Quantity
from tests.claims import claims, only


@pytest.fixture(scope="module")
def places():
    return gazetteer.load()


def counts(claim):
    q = claim.participants or claim.deaths
    return None if q is None else (q.value, q.min, q.max)


def test_one_happening_told_twice_is_one_event_with_both_sentences(places):
    found = claims("Eleven conscripts deserted from a base near Pskov in May, their relatives said. "
                   "Each of the eleven now risks prison; prosecutors are weighing charges for the desertion.",
                   places)
    desertions = [c for c in found if c.type == "Desertion"]
    assert len(desertions) == 1
    assert counts(desertions[0]) == (11, None, None)
    assert len(desertions[0].also) == 1  # the second sentence is evidence too


def test_different_counts_or_places_stay_different_events(places):
    found = claims("Forty soldiers deserted in Kursk region in April. "
                   "In Belgorod region, seventeen more deserted in June.", places)
    desertions = [c for c in found if c.type == "Desertion"]
    assert sorted(counts(c) for c in desertions) == [(17, None, None), (40, None, None)]


@pytest.mark.parametrize("second", ["In a separate case, police detained a reservist at the station in Tambov.",
                                    "Police detained another reservist at the station in Tambov."])
def test_a_separate_case_or_another_man_is_not_the_happening_told_before(second, places):
    found = claims("Police in the Tambov region detained a contract soldier who had fled his unit. " + second, places)
    assert len([c for c in found if c.type == "Detention"]) == 2


def test_a_denial_is_not_merged_with_the_claim_it_denies(places):
    found = claims("Activists said 25 reservists refused to deploy from a camp in Bryansk region. "
                   "The regional governor denied that any reservists had refused to deploy.", places)
    refusals = [c for c in found if c.type == "DeploymentRefusal"]
    assert sorted(c.certainty for c in refusals) == ["Negated", "Reported"]


def test_count_in_the_next_sentence_completes_the_event(places):
    found = claims("The 20th Guards Motor Rifle Division has been sent to the Kherson region, relatives said. "
                   "Roughly 2,000 servicemen boarded the trains, one of the wives said.", places)
    deployments = [c for c in found if c.type == "Deployment"]
    assert len(deployments) == 1 and deployments[0].participants is not None
    assert deployments[0].participants.value == 2000


def test_count_in_the_attribution_is_not_the_events(places):
    found = claims("The men had abandoned their positions near Bakhmut in March, a lawyer for three of them said.",
                   places)
    desertion = next(c for c in found if c.type == "Desertion")
    assert desertion.participants is None


def test_count_owned_by_one_verb_is_not_given_to_another(places):
    found = claims("Police arrested dozens of people at a rally against the call-up in Yakutsk.", places)
    protest = next(c for c in found if c.type == "Protest")
    detention = next(c for c in found if c.type == "Detention")
    assert protest.participants is None
    assert detention.participants is not None and detention.participants.min == 24


def test_a_group_counted_without_an_event_gives_its_size_to_what_they_do_next(places):
    found = claims("Twelve of the defendants served in a tank regiment. "
                   "Prosecutors say they abandoned their positions near Kupiansk in August.", places)
    desertion = next(c for c in found if c.type == "Desertion")
    assert desertion.participants is not None and desertion.participants.value == 12


def test_two_towns_of_one_region_are_two_happenings(places):
    found = claims("A court in Makhachkala sentenced four deserters in March. "
                   "Separately, a court in Buynaksk sentenced six soldiers in April.", places)
    assert len([c for c in found if c.type == "Prosecution"]) == 2


def test_the_region_refers_back_to_the_region_named_last(places):
    x = extract(Article("Recruiters in the Tver region have stepped up their work. "
                        "More than 3,000 men in the region have been called up since March.",
                        url="https://example.org/t", published=dt.date(2023, 6, 14)), places)
    call_up = next(c for c in x.claims if c.type == "Mobilization")
    assert [x.places[i].candidates for i in call_up.places] == [("RU-TVE",)]


def test_a_time_zone_names_no_place(places):
    assert [m.surface for m in places.match("Updated at 09:15 Kyiv time and 10:15 Moscow Time.")] == []
    x = extract(Article("09:15 Kyiv time. 10:30 Kyiv time. 11:05 Kyiv time. A drone hit a training ground in the "
                        "Dnipropetrovsk region overnight. Twelve soldiers were wounded in the oblast, officials said.",
                        url="https://example.org/tz", published=dt.date(2024, 9, 2)), places)
    injury = next(c for c in x.claims if c.type == "Injury")
    assert [x.places[i].candidates for i in injury.places] == [("UA-12",)]


def test_the_time_of_the_main_clause_is_not_the_relative_clauses(places):
    found = claims("Three soldiers who had fled their unit in Belgorod were detained in Voronezh on Tuesday.", places)
    desertion = next(c for c in found if c.type == "Desertion")
    detention = next(c for c in found if c.type == "Detention")
    assert desertion.interval is None
    assert detention.interval is not None and detention.interval.earliest == dt.date(2023, 6, 13)
    assert [found_place for found_place in desertion.places] != [found_place for found_place in detention.places]


def test_a_time_after_the_second_verb_is_its_own(places):
    found = claims("They left their positions near Bakhmut at the end of May and were detained at home over the "
                   "weekend.", places)
    desertion = next(c for c in found if c.type == "Desertion")
    detention = next(c for c in found if c.type == "Detention")
    assert (desertion.interval.earliest, desertion.interval.latest) == (dt.date(2023, 5, 21), dt.date(2023, 5, 31))
    assert (detention.interval.earliest, detention.interval.latest) == (dt.date(2023, 6, 10), dt.date(2023, 6, 11))


def test_an_event_without_a_place_happened_where_the_text_last_placed_one(places):
    found = claims("Police in Tomsk detained four wives of reservists on Friday. "
                   "The next day about 60 people rallied outside the police station.", places)
    protest = next(c for c in found if c.type == "Protest")
    detention = next(c for c in found if c.type == "Detention")
    assert protest.places == detention.places
    assert detention.sentence in protest.also  # the sentence that placed it is part of its evidence


def test_a_dateline_is_neither_the_place_nor_the_day_of_the_event(places):
    x = extract(Article("KAZAN, March 3 (Wire) - Twenty reservists deserted from a camp in the Samara region in "
                        "February, officials said.", url="https://example.org/t", published=dt.date(2023, 3, 3)),
                places)
    desertion = next(c for c in x.claims if c.type == "Desertion")
    assert [x.places[i].surface for i in desertion.places] == ["Samara region"]
    assert (desertion.interval.earliest, desertion.interval.latest) == (dt.date(2023, 2, 1), dt.date(2023, 2, 28))


def test_a_dateline_with_the_country_after_the_place_is_a_dateline_too(places):
    text = ("TULA, Russia, May 9, 2024 (Wire) - Fifteen mobilized men refused to board a train to the front on "
            "Tuesday, their relatives said.")
    x = extract(Article(text, url="https://example.org/t", published=dt.date(2024, 5, 9)), places)
    refusal = next(c for c in x.claims if c.type == "DeploymentRefusal")
    assert (refusal.interval.earliest, refusal.interval.latest) == (dt.date(2024, 5, 7), dt.date(2024, 5, 7))
    # unplaced, it happened where the item was filed (not in the country named after the place)
    assert [x.places[i].surface for i in refusal.places] == ["TULA"]


def test_a_bare_number_before_a_passive_is_a_count(places):
    found = claims("At least 9 soldiers died and 14 were injured when a shell exploded near Kaluga.", places)
    injury = next(c for c in found if c.type == "Injury")
    assert injury.participants is not None and injury.participants.value == 14


def test_a_town_called_so_today_wins_over_one_that_once_was(places):
    from kg.link import link

    x = extract(Article("Soldiers from the Orenburg region refused to go back to positions near Pokrovsk.",
                        url="https://example.org/t", published=dt.date(2024, 6, 1)), places)
    resolved = dict(zip([p.surface for p in x.places], link(x, places)))
    assert resolved["Pokrovsk"] == "gn:704422"  # Pokrovsk, Donetsk oblast; not Engels, once Pokrovsk


def test_a_roundup_of_cases_is_of_prosecutions_and_keeps_its_time(places):
    found = claims("In the first half of 2023, prosecutors opened cases against soldiers who left their units. "
                   "The Kursk region led with 410 cases, followed by the Bryansk region with 350 and the "
                   "Oryol region with 120.", places, published="2023-08-01")
    tally = [c for c in found if c.participants is not None]
    assert {c.type for c in tally} == {"Prosecution"}
    assert sorted(counts(c) for c in tally) == [(120, None, None), (350, None, None), (410, None, None)]
    assert all(c.interval.earliest == dt.date(2023, 1, 1) and c.interval.latest == dt.date(2023, 6, 30)
               for c in tally)


def test_cases_opened_count_the_people_charged(places):
    found = claims("Nationwide, more than 900 such cases were opened last year.", places)
    prosecution = only(found, "Prosecution")
    assert counts(prosecution) == (None, 901, None)


def test_one_soldier_sentenced_is_a_count_of_one(places):
    found = claims("A garrison court in Pskov on Monday sentenced a contract soldier to three years.", places)
    prosecution = only(found, "Prosecution")
    assert counts(prosecution) == (1, None, None)


@pytest.mark.parametrize("text,kind", [
    ("The command denied that there had been mass desertions.", "Desertion"),
    ("Four conscripts have fled garrisons in the region since May.", "Desertion"),
    ("Twenty men are wanted for leaving their units.", "Desertion"),
    ("The company declined to go back, their wives said.", "DeploymentRefusal"),
    ("The reservists refused to board a train to the front.", "DeploymentRefusal"),
    ("He told his commander that he would not take part in the war.", "DeploymentRefusal"),
    ("About 80 of the men were put on a train to the Kursk region.", "Deployment"),
    ("Their husbands were ordered back to the front in May.", "Deployment"),
    ("A battalion had moved from its base in Pskov to the Bryansk region.", "Deployment"),
    ("The men were flown home to Chita.", "Return"),
    ("About 90 men came home on leave in March.", "Return"),
    ("Some 500 have been discharged on health grounds.", "Return"),
    ("An investigation into the shooting has been launched.", "Prosecution"),
    ("A similar case is pending in Tver.", "Prosecution"),
    ("Prosecutors charged 12 servicemen of the 64th brigade in absentia with murder.", "Prosecution"),
    ("The battalion suffered heavy losses near Bakhmut.", "Casualties"),
    ("The regiment lost heavily near Kyiv.", "Casualties"),
    ("Funerals have also been held in the Kostroma region.", "Casualties"),
    ("Two men were held at a police station for several hours.", "Detention"),
    ("Police reported no detentions.", "Detention"),
    ("Up to 2,000 reservists had been summoned to enlistment offices.", "Mobilization"),
    ("Nearly 600 men have signed up for two volunteer battalions.", "Mobilization"),
    ("The men, mobilized in the Tomsk region, complained about the food.", "Mobilization"),
    ("About 15 women laid flowers at the memorial.", "Protest"),
    ("He was jailed for refusing to return to his unit.", "DeploymentRefusal"),
    ("Around 90 men returned to Chita last month for their first leave.", "Return"),
    ("Dozens of men were pressured into signing contracts with the special forces.", "Mobilization"),
    ("The rest signed new contracts and went back to the front.", "Deployment"),
    ("The marines refused to be sent back to the Kherson region.", "DeploymentRefusal"),
    ("The men were sent back to their barracks in Pskov.", "Return"),
    ("The group received 200 requests from soldiers who want to terminate their contracts.", "ContractTermination"),
    ("Over 500 servicemen quit their units without permission in June.", "Desertion"),
    ("The reservist walked away from his regiment in October.", "Desertion"),
    ("He never came back from leave.", "Desertion"),
    ("The conscripts wrote refusal reports.", "DeploymentRefusal"),
    ("About 50 soldiers disobeyed orders to attack.", "DeploymentRefusal"),
    ("The servicemen said they refused to be sent back to the front.", "DeploymentRefusal"),
    ("Russia moved two regiments to the Kursk region.", "Deployment"),
    ("The paratroopers were airlifted to the Kherson region.", "Deployment"),
    ("The soldiers were bused to a training ground near Rostov.", "Deployment"),
    ("The company rotated into positions near Chasiv Yar.", "Deployment"),
    ("Troops were pulled out of the Kherson bridgehead.", "Return"),
    ("The unit was sent to the rear to regroup.", "Return"),
    ("The division went back to its permanent base.", "Return"),
    ("Dozens of soldiers were slain in the assault.", "Casualties"),
    ("Four soldiers were badly burned.", "Injury"),
    ("He was apprehended at the border.", "Detention"),
    ("He volunteered for the war in March.", "Mobilization"),
    ("He joined the army in 2023.", "Mobilization"),
    ("Recruiters enlisted 60 students.", "Mobilization"),
    ("The two conscripts abandoned the checkpoint at night.", "Desertion"),
    ("He failed to come back to his regiment after the holidays.", "Desertion"),
    ("The brigade was ordered to Pokrovsk at the end of May.", "Deployment"),
    ("They were shipped off to Donbas within a month of being called up.", "Deployment"),
    ("A company of the 155th brigade was thrown into the counterattack.", "Deployment"),
    ("The reservists ended up on the front line within days.", "Deployment"),
    ("Belarus has massed troops along its border with Ukraine.", "Deployment"),
    ("Russia has reinforced its positions near Kupiansk with two more brigades.", "Deployment"),
    ("The 3rd Assault Brigade headed to the Kharkiv region.", "Deployment"),
    ("He was assigned to an assault detachment near Vuhledar.", "Deployment"),
    ("The region met its quota of 1,200 recruits.", "Mobilization"),
    ("Thousands of reservists were called to arms.", "Mobilization"),
    ("He was pressed into service at a checkpoint.", "Mobilization"),
    ("Russia handed back 90 Ukrainian soldiers.", "Return"),
    ("The captives were returned in an exchange brokered by the UAE.", "Return"),
    ("The former prisoners agreed to serve another six months.", "Reenlistment"),
    ("He chose to stay in the army after his contract ran out.", "Reenlistment"),
    ("He simply did not show up for duty after his leave.", "Desertion"),
    ("More than 100 men from the brigade went missing without leave.", "Desertion"),
    ("The sergeant disappeared from his unit in July.", "Desertion"),
    ("The two fled to Kazakhstan to avoid returning to the war.", "Desertion"),
    ("The soldier has been absent from his unit since May.", "Desertion"),
    ("He overstayed his leave by three months.", "Desertion"),
    ("The regiment's transfer to the Belgorod region took three days.", "Deployment"),
    ("At night they loaded us onto trucks.", "Deployment"),
    ("Some 400 volunteers set off for the front on Monday.", "Deployment"),
    ("The battalion arrived in the Donetsk region in April.", "Deployment"),
    ("He was sent straight from the hospital in Rostov to his old trench.", "Deployment"),
    ("The paratroopers have taken up positions near Kreminna.", "Deployment"),
    ("They were bundled into a van and taken to the border zone.", "Deployment"),
    ("Two weeks later he was shipped to the Bakhmut front.", "Deployment"),
    ("Roughly 900 men were enlisted in the first week.", "Mobilization"),
    ("Thousands were swept up in the partial mobilisation.", "Mobilization"),
    ("He was hauled into the army at 51.", "Mobilization"),
    ("Police rounded up 40 men at a market for the army.", "Mobilization"),
    ("His flight from the regiment ended at a checkpoint in Tula.", "Desertion"),
    ("A squad quit the front line without orders.", "Desertion"),
    ("The conscript bolted from the barracks at dawn.", "Desertion"),
    ("Three marines went on the run after the assault.", "Desertion"),
    ("Two soldiers who had run away from the 20th Army were caught.", "Desertion"),
    ("Some 40 reservists made it home after a year at the front.", "Return"),
    ("Men back from the Zaporizhzhia front were greeted with flowers.", "Return"),
    ("Up to 300 soldiers have been ferried back to their home garrison.", "Return"),
    ("The company arrived home on Friday.", "Return"),
    ("He put his signature to another contract in March.", "Reenlistment"),
    ("Dozens of veterans have been lured back into uniform by the bonus.", "Reenlistment"),
    ("After a month in hospital she was sent straight back to her battalion.", "Deployment"),
    ("Most of them stayed on for another year.", "Reenlistment"),
    ("The sergeant has taken on another three-year contract.", "Reenlistment"),
    ("The platoon ignored two orders to advance on the village.", "DeploymentRefusal"),
    ("Most of the battalion wanted no part in the assault.", "DeploymentRefusal"),
    ("The reservists had balked at going back into the trenches.", "DeploymentRefusal"),
    ("They went on strike rather than be sent to the Kursk region.", "DeploymentRefusal"),
    ("Dozens of officers tore up their contracts last year.", "ContractTermination"),
    ("He was struck off the regiment's roster in May.", "ContractTermination"),
    ("More than 200 men over 60 were let go from the army.", "ContractTermination"),
    ("The sentencing of two privates for theft surprised no one.", "Prosecution"),
    ("The marine laid down his life near Krynky.", "Casualties"),
    ("The conscript, whose death near Sudzha was confirmed on Friday, was 19.", "Casualties"),
    ("The shelling sent at least 20 soldiers to hospital.", "Injury"),
    ("Her husband was hit by shrapnel in March.", "Injury"),
    ("Some 200 relatives took to the streets of Ulan-Ude.", "Protest"),
    ("Military police took four deserters into custody at the station.", "Detention"),
    ("Agents nabbed two soldiers selling grenades.", "Detention"),
    ("He was handcuffed and driven away.", "Detention"),
    ("Forty students of the mining college signed contracts with the ministry in May.", "Mobilization"),
    ("She signed her contract at the recruitment centre in Poltava.", "Mobilization"),
    ("The call-up drew about 5,000 men into the army.", "Mobilization"),
    ("Around 600 troops arrived at the station in Osipovichi.", "Deployment"),
    ("Three cousins from Kanash, all mobilized in October 2022, were killed in one week.", "Mobilization"),
    ("Since January at least 30 wounded marines have lost their contracts.", "ContractTermination"),
    ("We were finally able to send 25 men home on ten days' leave.", "Return"),
])
def test_general_event_words(text, kind):
    from kg.extract import find_triggers

    assert kind in {t[0] for t in find_triggers(text)}


def test_a_verb_of_detention_wins_over_a_later_noun_for_it(places):
    found = claims("Officers detained dozens of men in the streets, calling some of the detentions unlawful.",
                   places)
    detention = only(found, "Detention")
    assert counts(detention) == (None, 24, None)


def test_the_pair_and_both_of_them_count_two(places):
    found = claims("Two soldiers fled their unit in Kursk. A criminal case has been opened against both of them.",
                   places)
    prosecution = only(found, "Prosecution")
    assert counts(prosecution) == (2, None, None)


@pytest.mark.parametrize("pattern,words", [
    (r"\brefus(?:e|ed|ing)\s+to\b", {"refus"}),
    (r"\b(?:detained|arrested)\b", {"detained", "arrested"}),
    (r"\bcame\s+(?:back\s+)?home\b", {"came"}),
    (r"\b\d+\s+(?:km|miles)\b", None),  # no word of three letters every match has
])
def test_required_words_are_what_every_match_contains(pattern, words):
    from kg.patterns import required_words

    assert required_words(pattern) == (None if words is None else frozenset(words))


def test_every_event_word_match_contains_one_of_its_required_words():
    import re

    from kg.extract import ADVERB
    from kg.patterns import read_table, required_words

    samples = ["Soldiers refused to fight and were detained.", "They came back home in May.",
               "Three men were killed and 20 wounded.", "A court sentenced him; the case is pending.",
               "Funerals have also been held there.", "Police reported no detentions."]
    for _, rx in read_table("events.tsv"):
        rx = rx.replace("{ADV}", ADVERB)
        words = required_words(rx, re.IGNORECASE)
        for text in samples:
            for m in re.finditer(rx, text, re.IGNORECASE):
                assert words is None or any(w in m.group(0).lower() for w in words), (rx, text)


def test_the_men_later_are_as_many_as_first_counted(places):
    found = claims("Roughly 80 contract soldiers who refused to fight have been held at a camp near Rostov. "
                   "The men returned to Russia in May, relatives said.", places)
    back = only(found, "Return")
    assert counts(back) == (80, None, None)


def test_a_group_is_not_sized_by_a_part_of_it_or_by_other_people(places):
    found = claims("About 40 women gathered outside the enlistment office in Chita. "
                   "The men were sent to the front in October.", places)
    deployment = only(found, "Deployment")
    assert deployment.participants is None


def test_a_refusal_told_again_with_a_place_inside_its_destination_is_one_event(places):
    found = claims("About 60 soldiers refused to go to Ukraine, relatives said. "
                   "After a week of fighting near Chernihiv, the soldiers declined to go back.", places)
    assert len([c for c in found if c.type == "DeploymentRefusal"]) == 1


def test_an_event_without_a_place_happened_where_the_sentence_before_was(places):
    article = Article("Ten soldiers deserted in the Kursk region in May. "
                      "On 4 June a drone hit a school near Beryslav where a company was quartered. "
                      "Nine men were killed, relatives said.", url="https://example.org/t",
                      published=dt.date(2023, 6, 14))
    found = extract(article, places)
    [deaths] = [c for c in found.claims if c.type == "Casualties"]
    assert [found.places[i].surface for i in deaths.places] == ["Beryslav"]


def test_the_day_a_claim_was_made_is_not_the_day_of_the_event(places):
    found = claims("The marines claimed on Tuesday to have killed up to 40 soldiers in an assault on 10 June.",
                   places)
    deaths = only(found, "Casualties")
    assert deaths.interval.earliest == dt.date(2023, 6, 10) == deaths.interval.latest


def test_a_sentence_that_names_the_rally_again_happened_when_the_rally_did(places):
    found = claims("About 50 women rallied in Chita on Saturday. Police detained two of them at the rally.",
                   places)
    detention = only(found, "Detention")
    assert detention.interval.earliest == dt.date(2023, 6, 10) == detention.interval.latest


@pytest.mark.parametrize("text", [
    "The regional authorities do not publish casualty figures.",
    "The footage does not show how many soldiers were killed.",
    "If you know of a soldier who was killed, write to us.",
])
def test_words_of_an_event_in_what_is_not_made_known_are_no_event(text, places):
    assert claims(text, places) == []


@pytest.mark.parametrize("text, kind", [
    ("The bodies of the soldiers were returned only in April.", "Return"),
    ("About 300 recruits had been assigned to the brigade in the autumn.", "Deployment"),
])
def test_the_dead_handed_back_and_men_assigned_to_a_unit_are_no_return_or_deployment(text, kind):
    from kg.extract import find_triggers

    assert kind not in {t[0] for t in find_triggers(text)}


def test_a_statement_in_a_video_address_is_no_protest(places):
    found = claims("\"Nobody deserted,\" the commander said in a video address on Sunday.", places)
    assert "Protest" not in {c.type for c in found}


def test_relatives_of_men_mobilized_somewhere_are_no_mobilization(places):
    found = claims("About 40 wives of men mobilized in the Omsk region picketed the governor's office.", places)
    assert "Mobilization" not in {c.type for c in found}


def test_the_rally_named_again_is_the_same_rally(places):
    found = claims("About 60 women rallied in Kazan on Saturday. Their husbands serve near Bakhmut. "
                   "Police detained four of them after the rally.", places)
    assert len([c for c in found if c.type == "Protest"]) == 1


def test_nobody_killed_is_a_denied_death(places):
    found = claims("Officials said two soldiers had been injured and that nobody had been killed.", places)
    assert [c.certainty for c in found if c.type == "Casualties"] == ["Negated"]


def test_the_crime_a_court_punished_was_done_by_those_sentenced(places):
    found = claims("A garrison court in Pskov sentenced five soldiers to six years for leaving their unit.", places)
    desertion = only(found, "Desertion")
    assert counts(desertion) == (5, None, None)


def test_sentences_handed_down_count_the_people_sentenced(places):
    found = claims("Military courts handed down at least 300 sentences for desertion in May.", places)
    prosecution = only(found, "Prosecution")
    assert counts(prosecution) == (None, 300, None)


def test_a_number_of_deaths_before_the_word(places):
    found = claims("Between 40 and 60 deaths have been confirmed in the Kursk region.", places)
    deaths = only(found, "Casualties")
    assert counts(deaths) == (None, 40, 60)


def test_a_number_before_each_of_several_regions_is_one_figure_for_all_of_them(places):
    found = claims("Regional officials have counted the dead. Dagestan leads with 300 deaths. "
                   "More than 100 have been counted in each of the Tula, Ryazan and Tambov regions.", places)
    each = [c for c in found if counts(c) == (None, 101, None)]
    assert len(each) == 1 and each[0].type == "Casualties" and len(each[0].places) == 3


def test_regions_that_each_count_a_number_are_each_told_of(places):
    found = claims("Regional officials have counted the dead. Dagestan leads with 300 deaths. "
                   "Tula, Ryazan and Tambov regions each count fewer than 150.", places)
    each = [c for c in found if counts(c) == (None, None, 149)]
    assert len(each) == 3


def test_a_time_put_first_holds_for_everything_the_sentence_tells(places):
    found = claims("Also on Monday, one conscript was killed and four were wounded by shelling near Sudzha.", places)
    wounded = [c for c in found if c.type == "Injury"]
    assert wounded and wounded[0].interval.earliest == dt.date(2023, 6, 12) == wounded[0].interval.latest


def test_the_time_of_a_when_clause_is_the_time_of_the_main_clause(places):
    found = claims("Nine soldiers were killed when a missile hit a training ground near Chernihiv on Saturday.",
                   places)
    deaths = only(found, "Casualties")
    assert deaths.interval.earliest == dt.date(2023, 6, 10)


def test_a_national_figure_without_a_place_is_placed_in_its_country(places):
    article = Article("Russian military courts convicted at least 600 soldiers of desertion in May.",
                      url="https://example.org/t", published=dt.date(2023, 6, 14))
    found = extract(article, places)
    [prosecution] = [c for c in found.claims if c.type == "Prosecution"]
    assert [found.places[i].candidates for i in prosecution.places] == [("RU",)]


def test_an_unnamed_speaker_is_named_without_the_adverbs_before_the_verb(places):
    article = Article("Ten soldiers deserted in May, the regional office has repeatedly said.",
                      url="https://example.org/t", published=dt.date(2023, 6, 14))
    found = extract(article, places)
    assert [s.label for s in found.sources.values()] == ["the regional office"]


def test_an_event_without_a_place_and_one_in_the_next_sentence_with_a_place_stay_two(places):
    found = claims("Wives of mobilized men held pickets in at least 15 cities on Saturday. "
                   "In Kazan, about 40 women gathered outside the Kremlin.", places)
    assert len([c for c in found if c.type == "Protest"]) == 2


def test_people_taken_away_after_the_gathering_were_where_the_gathering_was(places):
    article = Article("About 30 wives of mobilized men gathered in Ulan-Ude on Saturday. "
                      "Their husbands have been in the Zaporizhzhia region since the autumn. "
                      "Police did not disperse the gathering, but two of the women were later detained.",
                      url="https://example.org/t", published=dt.date(2023, 6, 14))
    found = extract(article, places)
    [detention] = [c for c in found.claims if c.type == "Detention"]
    assert [found.places[i].surface for i in detention.places] == ["Ulan-Ude"]


def test_a_national_figure_is_placed_in_the_country_named_nearest_before_it(places):
    article = Article("US officials estimated that nearly 70,000 Ukrainian soldiers had been killed.",
                      url="https://example.org/t", published=dt.date(2023, 6, 14))
    found = extract(article, places)
    [deaths] = [c for c in found.claims if c.type == "Casualties"]
    assert [found.places[i].candidates for i in deaths.places] == [("UA",)]


@pytest.mark.parametrize("text", [
    "About 50 relatives of the dead gathered outside the cemetery gates in silence.",
    "He said the men should never have received summonses.",
])
def test_no_event_of_its_own(text, places):
    found = claims(text, places)
    assert "Casualties" not in {c.type for c in found} and "Mobilization" not in {c.type for c in found}


def test_a_question_reports_no_event_but_a_quoted_one_in_a_report_is_read(places):
    assert claims("Will the Kremlin dare to announce a second wave of mobilization before the election?", places) == []
    found = claims('"Why were 40 soldiers sent to the front without training?" their mothers asked.', places)
    assert [c.type for c in found] == ["Deployment"]


def test_a_heading_reports_no_event(places):
    found = claims("Desertions\n\nTwo soldiers deserted from a base near Pskov in May.", places)
    assert [c.sentence.text for c in found] == ["Two soldiers deserted from a base near Pskov in May."]


def test_a_place_inside_another_events_words_is_not_this_events(places):
    article = Article("Of some 900 soldiers who left the garrison for Ukraine in May, fewer than 500 came back.",
                      url="https://example.org/t", published=dt.date(2023, 6, 14))
    found = extract(article, places)
    [back] = [c for c in found.claims if c.type == "Return"]
    assert all(found.places[i].surface != "Ukraine" for i in back.places)
    assert counts(back) == (None, None, 499)


def test_what_is_due_to_happen_has_not_happened(places):
    found = claims("The soldier had been due to return to the front this week.", places)
    assert "Deployment" not in {c.type for c in found} and "Return" not in {c.type for c in found}


def _extraction(text, places, published="2023-06-14"):
    article = Article(text, url="https://example.org/t", published=dt.date.fromisoformat(published))
    return extract(article, places)


def test_soldiers_known_only_by_origin_are_no_unit_but_place_their_mobilization(places):
    x = _extraction("About 400 men from Omsk Oblast were mobilized in October, local officials said.", places)
    assert not any(g.home or g.bases or g.name for g in x.groups)
    mobilization = next(c for c in x.claims if c.type == "Mobilization")
    assert [x.places[i].surface for i in mobilization.places] == ["Omsk Oblast"]


def test_a_battalion_from_a_region_stays_a_unit(places):
    x = _extraction("A battalion of volunteers from Omsk Oblast was treated for frostbite in May.", places)
    assert any(g.home for g in x.groups)


def test_soldiers_from_a_region_who_refuse_together_stay_a_unit(places):
    x = _extraction("Some 80 soldiers from Omsk Oblast refused to return to the front in May.", places)
    assert any(g.home for g in x.groups)


def test_a_second_designation_in_apposition_is_the_same_unit(places):
    x = _extraction("Soldiers of the 55th Mountain Brigade deserted in May. "
                    "The brigade, also known as military unit 32010, is based in Kyzyl.", places)
    assert [g.name for g in x.groups if g.name] == ["55th Mountain Brigade"]


def test_unit_designations_with_army_corps_machine_gun_and_the_national_guard(places):
    x = _extraction("The 12th Army Corps and the 20th Machine Gun Artillery Division moved north in May. "
                    "The 33rd Special Motorized Regiment of the National Guard stayed in Kazan.", places)
    assert {g.name for g in x.groups if g.name} == {
        "12th Army Corps", "20th Machine Gun Artillery Division",
        "33rd Special Motorized Regiment of the National Guard"}


def test_a_proper_name_before_battalion_names_a_unit_but_a_people_does_not(places):
    x = _extraction("Some 300 men signed up for the Berkut battalion in June. "
                    "The Chechen battalion left for the front in May.", places)
    assert {g.name for g in x.groups if g.name} == {"Berkut battalion"}
    assert any(p.candidates == ("RU-CE",) for p in x.places)


def _speakers(text, places):
    return sorted(s.label for s in _extraction(text, places).sources.values())


def test_people_named_after_a_preposition_or_in_what_was_said_are_no_speakers(places):
    assert _speakers("A lawyer working with the soldiers said three of them were charged.", places) == ["a lawyer"]
    assert _speakers("The governor said that the soldiers had been guarding the border.", places) == ["governor"]


def test_a_count_after_the_verb_is_what_was_said_and_a_comma_ends_the_subject(places):
    assert _speakers("Activists, who track the cases, said nine soldiers deserted in May.", places) == ["activists"]
    assert _speakers("Nine soldiers deserted in May, said a lawyer.", places) == ["a lawyer"]


def test_an_outlet_named_after_what_it_is(places):
    assert _speakers("Nine soldiers deserted in May, the independent outlet Sibir Segodnya reported.", places) \
        == ["Sibir Segodnya"]
    assert _speakers("Nine soldiers deserted in May, according to the local news site Ural Vesti.", places) \
        == ["Ural Vesti"]
    x = _extraction("Nine soldiers deserted in May, the Telegram channel 7x7Watch reported.", places)
    assert [s.kind for s in x.sources.values()] == ["outlet"]


def test_sources_joined_by_and_passives_and_what_generic_sources_are_called(places):
    assert _speakers("At least 30 soldiers were killed, according to a count by the Kyiv Independent "
                     "and Mediazona.", places) == ["Mediazona", "The Kyiv Independent"]
    assert _speakers("A police source said the soldiers were found in a summer house.", places) == ["a police source"]
    assert _speakers("Two soldiers deserted last month, according to unconfirmed reports on local Telegram "
                     "channels.", places) == ["local Telegram channels"]
    assert _speakers("Some 500 reservists were sent to a camp near Samara, the regional governor said on "
                     "Saturday.", places) == ["regional governor"]


def test_a_pronoun_subject_is_one_person_but_a_speaker_is_not(places):
    found = claims("Ivan Orlov served in a rifle company. He had deserted in March, his lawyer said.", places)
    assert [counts(c) for c in found if c.type == "Desertion"] == [(1, None, None)]
    found = claims("He said the soldiers had deserted in March.", places)
    assert [counts(c) for c in found if c.type == "Desertion"] == [None]


def test_the_outlet_said_is_the_outlet_named_before(places):
    x = _extraction("Nine soldiers deserted in May, the independent outlet Sibir Segodnya reported. "
                    "Two more were detained in June, the outlet said.", places)
    assert [s.label for s in x.sources.values()] == ["Sibir Segodnya"]
    assert all(c.sources == ("sibir-segodnya",) for c in x.claims)


def test_people_after_another_noun_and_of_are_not_the_speakers(places):
    assert _speakers("Nine soldiers deserted in May, relatives of the servicemen told reporters.", places) \
        == ["relatives"]
    assert _speakers("Nine soldiers deserted in May, according to relatives of servicemen.", places) == ["relatives"]
    assert _speakers("Nine soldiers deserted in May, two of the soldiers said.", places) == ["soldiers"]


def test_a_tally_figure_set_off_after_a_comma(places):
    found = claims("Regional officials have counted the dead. The Tula region remains the region with the most "
                   "confirmed deaths, at 412, followed by the Ryazan region with 300.", places)
    assert sorted(counts(c) for c in found if c.type == "Casualties" and counts(c)) == [
        (300, None, None), (412, None, None)]


def test_the_brigade_told_of_before_makes_no_unnamed_unit(places):
    x = _extraction("Soldiers of the 55th Mountain Brigade deserted in May. "
                    "About 300 men mobilized in Omsk Oblast were sent to reinforce the brigade in June.", places)
    assert not any(g.home for g in x.groups if g.name is None)
    deployment = next(c for c in x.claims if c.type == "Deployment")
    assert "Omsk Oblast" in [x.places[i].surface for i in deployment.places]


def test_a_units_own_soldiers_are_that_unit(places):
    x = _extraction("Prosecutors charged the 55th Mountain Brigade in May. "
                    "Its soldiers were stationed in Bucha in March.", places)
    assert [g.name for g in x.groups] == ["55th Mountain Brigade"]


def test_the_ministry_said_is_the_ministry_named_before(places):
    x = _extraction("Two soldiers were detained in May, the regional interior ministry said. "
                    "Three more deserted in June, the ministry said.", places)
    assert [s.label for s in x.sources.values()] == ["the regional interior ministry"]
    assert len({c.sources for c in x.claims}) == 1


def test_a_speaker_is_a_noun_phrase_not_a_clause(places):
    assert _speakers("Tula remains the region with the most deaths, at 400, the count shows.", places) == []
    assert _speakers("Nine soldiers deserted, saying they had not been paid, a lawyer said.", places) == ["a lawyer"]


def test_a_tally_of_something_by_a_source_attributes(places):
    assert _speakers("At least 40 soldiers were killed, according to a tally of obituaries by Mediazona.", places) \
        == ["Mediazona"]


def test_a_quoted_figure_is_a_count(places):
    found = claims('Wives in Chita said the regiment had lost "dozens" of men near Kreminna this month.', places)
    deaths = only(found, "Casualties")
    assert counts(deaths) == (None, 24, None)
    found = claims('The governor said "more than 900" men had been mobilized in the region.', places)
    called = only(found, "Mobilization")
    assert counts(called) == (None, 901, None)


def test_a_tally_figure_after_an_aside_is_the_places_and_keeps_the_roundups_time(places):
    found = claims("Funerals of at least 900 soldiers have been held in central Ukraine since June, a volunteer "
                   "count shows. The Poltava region, the largest in the count, had more than 300.", places,
                   published="2023-09-14")
    poltava = [c for c in found if c.type == "Casualties" and counts(c) == (None, 301, None)]
    assert len(poltava) == 1
    assert poltava[0].interval == found[0].interval


def test_soldiers_told_of_before_who_sign_with_the_ministry_reenlist(places):
    found = claims("About 200 wounded paratroopers were treated in Ryazan. Some 30 of them signed contracts with "
                   "the Defence Ministry in May, a nurse said.", places)
    again = only(found, "Reenlistment")
    assert counts(again) == (30, None, None)


def test_a_count_that_opens_the_next_clause_is_not_the_first_verbs(places):
    found = claims("Marines of a brigade from Sevastopol came home in May, and about 70 of them have since "
                   "re-enlisted, their commander said.", places)
    home = only(found, "Return")
    again = only(found, "Reenlistment")
    assert counts(home) is None
    assert counts(again) == (70, None, None)


@pytest.mark.parametrize("text,kind", [
    ("A nurse in Chita said that her son had been wounded near Bakhmut.", "Injury"),
    ("The 41-year-old was mobilized in Omsk in October.", "Mobilization"),
    ("Relatives in Kursk said her brother, who was wounded near Avdiivka, is in hospital.", "Injury"),
])
def test_a_kinsman_or_an_age_as_subject_is_one_person(places, text, kind):
    [claim] = [c for c in claims(text, places) if c.type == kind]
    assert counts(claim) == (1, None, None)


def test_a_time_fronted_before_a_court_is_not_the_time_of_the_crime_it_punished(places):
    found = claims("Last week, a military court in Pskov jailed two paratroopers for refusing to deploy.", places)
    refusal = next(c for c in found if c.type == "DeploymentRefusal")
    court = next(c for c in found if c.type == "Prosecution")
    assert refusal.interval is None or refusal.interval.earliest is None
    assert court.interval is not None and court.interval.earliest == dt.date(2023, 6, 5)


def test_a_group_named_with_its_unit_gives_its_size_to_they(places):
    found = claims("Nine contract soldiers of the 5th Separate Tank Brigade left their unit near Kursk on Friday. "
                   "They had refused to go back to positions near Bakhmut, a relative said.", places)
    refusal = only(found, "DeploymentRefusal")
    assert counts(refusal) == (9, None, None)


def test_the_men_told_of_again_are_the_ones_counted_before(places):
    found = claims("About 40 reservists from Tver refused to deploy from a camp near Kursk, relatives said. "
                   "The reservists had been mobilized in Kostroma in October 2022.", places)
    mobilization = only(found, "Mobilization")
    assert counts(mobilization) == (40, None, None)


def test_a_collective_count_sizes_the_group_for_the_marines_later(places):
    found = claims("About a company of naval infantrymen have filed reports asking to terminate their contracts. "
                   "The marines were flown back to Murmansk on 2 May.", places)
    back = only(found, "Return")
    assert counts(back) == (100, None, None)


def test_a_denial_takes_no_count_from_the_group(places):
    found = claims("Some 70 soldiers deserted from a base near Kursk in May. "
                   "A spokesman said the soldiers had not deserted.", places)
    denial = next(c for c in found if c.type == "Desertion" and c.certainty == "Negated")
    assert denial.participants is None


def test_a_count_taken_by_a_verb_does_not_size_the_group(places):
    found = claims("Police detained 14 servicemen in Kursk on Monday. "
                   "The soldiers had left their positions near Bakhmut in April.", places)
    desertion = only(found, "Desertion")
    assert desertion.participants is None


def test_airmen_are_people_counted(places):
    found = claims("Military police detained two airmen in Kursk on Monday.", places)
    detention = only(found, "Detention")
    assert counts(detention) == (2, None, None)


def test_a_time_before_and_belongs_to_the_verb_before_it(places):
    article = Article("The men were mobilized in Omsk in October 2022 and sent to the front in December, relatives said.",
                      url="https://example.org/t", published=None)
    found = extract(article, places).claims
    deployment = only(found, "Deployment")
    assert deployment.interval is not None and deployment.interval.earliest == dt.date(2022, 12, 1)


def test_killed_and_others_wounded_keep_both_counts(places):
    found = claims("Three border guards were killed and four others wounded on Monday when a drone hit a post near "
                   "Kursk. Hours later, shelling hit a bus near Belgorod, wounding 9 of them.", places)
    killed = only(found, "Casualties")
    assert counts(killed) == (3, None, None)
    assert sorted(counts(c) for c in found if c.type == "Injury") == [(4, None, None), (9, None, None)]



def extraction(text, places, published="2023-06-14"):
    article = Article(text, url="https://example.org/t", published=dt.date.fromisoformat(published))
    return extract(article, places)


def test_left_a_town_for_a_region_is_sent_there(places):
    found = extraction("About 300 reservists left Tver for the Kherson region on Friday, relatives said.", places)
    [deployment] = [c for c in found.claims if c.type == "Deployment"]
    assert [found.places[i].candidates for i in deployment.destinations] == [("UA-65",)]


def test_the_region_is_the_one_the_story_is_about(places):
    found = extraction("More than 2,000 men in the Omsk region have been called up, the governor said. Some were "
                       "trained near Omsk and in Tara. A train left Omsk for the Luhansk region on Monday. "
                       "The region has lost at least 40 servicemen since February, officials said.", places)
    [deaths] = [c for c in found.claims if c.type == "Casualties"]
    assert [found.places[i].candidates for i in deaths.places] == [("RU-OMS",)]


def test_the_people_a_verb_took_are_the_subject_of_the_clause_after_them(places):
    found = claims("On Friday, police in Kursk detained six men who had refused to go, a rights group said. "
                   "Guards detained at least four sailors in Murmansk after they refused to be sent to the front.",
                   places)
    refusals = [c for c in found if c.type == "DeploymentRefusal"]
    assert [counts(c) for c in refusals] == [(6, None, None), (None, 4, None)]
    assert all(c.interval is None for c in refusals)  # Friday is when they were detained


def test_withdrawn_to_a_camp_is_a_return(places):
    found = claims("The next day, about 50 conscripts were withdrawn to a training ground near Bryansk.", places)
    back = only(found, "Return")
    assert counts(back) == (50, None, None)


def test_the_country_of_who_claims_it_is_not_where_it_happened(places):
    found = extraction("A missile hit a training ground in the Sumy region on Saturday, killing at least six soldiers. "
                       "Russia's defence ministry claimed the strike had killed up to 90 servicemen.", places)
    claimed = next(c for c in found.claims if c.type == "Casualties" and c.deaths is not None and c.deaths.max == 90)
    assert "RU" not in {cand for i in claimed.places for cand in found.places[i].candidates}


def test_before_being_flown_back_is_a_verb_that_keeps_its_subject(places):
    found = claims("A lawyer said the nine had been held in a basement for a week before being flown back to Tver.",
                   places)
    back = only(found, "Return")
    assert counts(back) == (9, None, None)


def test_one_of_the_men_is_one(places):
    found = claims("Police detained 20 men in Kursk. One of the men, a 40-year-old from Oryol, died in custody.",
                   places)
    death = only(found, "Casualties")
    assert counts(death) == (1, None, None)


def test_the_soldier_told_of_is_one(places):
    found = claims("A soldier fled his unit near Voronezh on Sunday. "
                   "On Tuesday, the ministry said the soldier had been detained near Kursk.", places)
    detention = only(found, "Detention")
    assert counts(detention) == (1, None, None)


def test_none_of_them_detained_is_a_denial(places):
    found = claims("Guards detained twelve sailors in Murmansk on Monday, relatives said. "
                   "A fleet spokesman said none of the crew's sailors had been detained.", places)
    assert sorted(c.certainty for c in found if c.type == "Detention") == ["Negated", "Reported"]


def test_not_saying_how_many_were_hurt_reports_no_injury(places):
    found = claims("The video does not show how many soldiers were killed or wounded.", places)
    assert found == []


def test_the_hospital_they_were_taken_to_is_not_where_they_were_wounded(places):
    found = extraction("A drone struck a position near Vovchansk on Friday. Nine soldiers were wounded in the attack "
                       "and taken to hospitals in Poltava and Sumy, the brigade said.", places)
    [injury] = [c for c in found.claims if c.type == "Injury"]
    named = {found.places[i].surface for i in injury.places}
    assert "Poltava" not in named and "Sumy" not in named


def test_a_count_after_a_passive_verb_is_its_own_even_after_a_noun_phrase(places):
    found = claims("A criminal case for desertion has been opened against both of them, the ministry said.", places)
    assert only(found, "Prosecution").participants == Quantity(value=2)


def test_the_men_told_of_before_keep_their_count_when_the_trigger_names_them(places):
    found = claims("Dozens of mobilized men from the Novosibirsk region have recorded a video appeal. "
                   "The men were mobilized in Novosibirsk in October 2022.", places)
    assert only(found, "Mobilization").participants == Quantity(min=24)


def test_an_attempt_to_end_a_contract_is_a_termination_but_a_plan_to_is_not(places):
    found = claims("She said he had tried to end his contract in the summer.", places)
    assert only(found, "ContractTermination").participants == Quantity(value=1)
    planned = claims("He wants to end his contract in the summer.", places)
    assert "ContractTermination" not in {c.type for c in planned}


def test_a_person_told_of_by_age_is_one_death(places):
    found = claims("The 27-year-old was killed near Avdiivka on 9 November, his sister wrote.", places)
    assert only(found, "Casualties").deaths == Quantity(value=1)


@pytest.mark.parametrize("text", [
    "Relatives held a rally in Saratov to demand that the men be rotated home.",
    "Both will now face charges of desertion, the service added.",
    "A medical train carrying 42 wounded soldiers arrived in Dnipro on Sunday night.",
])
def test_wishes_futures_and_the_wounded_carried_are_not_the_events_named(text, places):
    kinds = {c.type for c in claims(text, places)}
    assert not kinds & {"Return", "Prosecution", "Deployment"}, kinds


def test_the_group_told_of_before_keeps_its_count(places):
    found = claims("Eleven reservists from Tuva were called up in September 2022. "
                   "In April the group was sent to the Zaporizhzhia region. "
                   "The young men were then pressed by officers to sign contracts in Melitopol.", places)
    deployment = only(found, "Deployment")
    assert deployment.participants is not None and deployment.participants.value == 11


def test_according_to_the_prosecution_is_a_source_not_a_prosecution(places):
    found = claims("According to the prosecution, the private walked out of the garrison in Mazyr in August.", places)
    assert [c.type for c in found] == ["Desertion"]


def test_he_killed_is_one_death_and_all_of_them_the_group(places):
    found = claims("Three soldiers from Kyakhta were buried on Saturday. All of them had been mobilized in September "
                   "2022. Another man from the town, a driver, was wounded in May. He was killed near Kupiansk in "
                   "August.", places)
    assert only(found, "Mobilization").participants == Quantity(value=3)
    deaths = [c.deaths for c in found if c.type == "Casualties"]
    assert Quantity(value=1) in deaths


def test_the_offence_a_court_names_is_part_of_the_prosecution_unless_told_with_its_own_time(places):
    found = claims("The garrison court in Orenburg sentenced a contract soldier to five years for desertion.", places)
    assert [c.type for c in found] == ["Prosecution"]
    found = claims("The garrison court sentenced a soldier to six years for unauthorised abandonment of his unit.",
                   places)
    assert [c.type for c in found] == ["Prosecution"]
    found = claims("A court in Homyel sentenced a former contract soldier to three years for desertion from his unit "
                   "in Mazyr in March 2022.", places)
    assert {c.type for c in found} == {"Prosecution", "Desertion"}
    found = claims("Two mobilised men received three years each for refusing to go to the front.", places)
    assert {c.type for c in found} == {"Prosecution", "DeploymentRefusal"}


def test_the_absence_of_those_who_came_back_is_who_they_are_unless_told_with_its_own_place_or_time(places):
    found = claims("Some 900 servicemen who had left their units without permission have returned to service since "
                   "the new procedure took effect.", places, published="2025-02-01")
    assert [c.type for c in found] == ["Reenlistment"]
    found = claims("The bureau said that 80 soldiers who had left their units came back to them voluntarily in "
                   "March.", places, published="2025-02-01")
    assert [c.type for c in found] == ["Return"]
    found = claims("In June, 23 fighters who had left the unit without permission returned to the brigade of their own "
                   "accord.", places, published="2025-07-01")
    assert [(c.type, c.participants) for c in found] == [("Return", Quantity(value=23))]
    found = claims("Two soldiers who had left their unit near Toretsk in May returned to service.", places,
                   published="2025-02-01")
    assert {c.type for c in found} == {"Desertion", "Reenlistment"}


@pytest.mark.parametrize("text, kind", [
    ("The man left his brigade near Avdiivka in January and was detained in Berdychiv this month.", "Detention"),
    ("She learned that he was being held at a base in the Belgorod region.", "Detention"),
    ("He is said to have been wounded in the exchange of fire.", "Injury"),
])
def test_one_man_as_the_subject_of_a_second_verb_or_a_longer_verb_chain(text, kind, places):
    assert only(claims(text, places), kind).participants == Quantity(value=1)


@pytest.mark.parametrize("text, absent", [
    ("On Monday she and two other wives of detained men handed a petition to the prosecutor.", "Detention"),
    ("His wife said he feared being sent to Bakhmut with the assault company.", "Deployment"),
    ("According to the verdict, he refused at a training centre to go with his unit to the Kharkiv region.",
     "Prosecution"),
    ("The wounded were taken to Kursk, where two of them remain in intensive care.", "Deployment"),
])
def test_people_described_feared_outcomes_and_sources_are_not_events(text, absent, places):
    assert absent not in {c.type for c in claims(text, places)}


@pytest.mark.parametrize("text, kind", [
    ("Some 380 soldiers have returned to their units under the voluntary-return procedure.", "Reenlistment"),
    ("A battalion of the brigade left its base in Brest for the Gomel region on Monday.", "Deployment"),
    ("Border guards detained nine soldiers who had left a brigade stationed in the Kharkiv region.", "Desertion"),
    ("One of them was allegedly beaten there.", "Injury"),
    ("He was freed in the exchange of 19 May.", "Return"),
    ("Some of the men had been held in a penal colony in Taganrog.", "Detention"),
])
def test_more_ways_events_are_told(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


def test_the_man_as_the_subject_is_one(places):
    assert only(claims("According to the verdict, the man was detained in October 2023.", places),
                "Detention").participants == Quantity(value=1)


@pytest.mark.parametrize("text, absent", [
    ("A week after the rally, eight of the men were allowed home on leave.", "Protest"),
    ("Since September 2022, the criminal code has punished refusal to take part in hostilities.",
     "DeploymentRefusal"),
])
def test_a_happening_named_as_a_time_and_what_a_law_names_are_no_new_events(text, absent, places):
    assert absent not in {c.type for c in claims(text, places)}


def test_a_denial_of_the_claim_just_told_is_a_negated_event_of_its_kind(places):
    found = claims("Up to 15 fighters deserted from their positions near Kupiansk in September, relatives said. "
                   "The battalion's commander rejected the claim as slander.", places)
    kinds = [(c.type, c.certainty) for c in found]
    assert ("Desertion", "Reported") in kinds and ("Desertion", "Negated") in kinds
    denial = next(c for c in found if c.certainty == "Negated")
    assert denial.participants is None and denial.places == next(c for c in found if c is not denial).places


@pytest.mark.parametrize("text, kind", [
    ("The brigade pulled one of its battalions out of the trenches east of Kupiansk.", "Return"),
    ("The battalion reached the Kupiansk sector in early October.", "Deployment"),
    ("Ukrainian troops have taken more than 100 Russian servicemen prisoner.", "Detention"),
    ("Five soldiers who had surrendered were executed near Kurakhove.", "Casualties"),
])
def test_still_more_ways_events_are_told(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


def test_every_source_a_claim_names_is_one_the_article_registered():
    """What rdf.py looks up for kg:accordingTo: a claim naming an unregistered source cannot be written."""
    from pathlib import Path

    from kg.articles import read_file

    gaz = gazetteer.load()
    for path in sorted((Path(__file__).parent / "study").rglob("*.txt")):
        result = extract(next(read_file(path)), gaz)
        for claim in result.claims:
            assert set(claim.sources) <= set(result.sources), (path.name, claim.type, claim.sources)


@pytest.mark.parametrize("text, kind", [
    ("He was sent back to his unit in November but went missing again within a fortnight.", "Desertion"),
    ("On Monday, up to 18 of the men were driven back to positions near Kreminna.", "Deployment"),
    ("Ukraine and Russia exchanged 95 prisoners of war each on Friday.", "Return"),
    ("Russia recruited about 110,000 contract soldiers between January and March.", "Mobilization"),
    ("Five of the boys from our street have come back in coffins.", "Casualties"),
])
def test_ways_events_are_told_found_in_the_last_study_sets(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


def test_counts_belong_to_whom_they_count(places):
    # the women are not the ones called up; the men are not the ones who protested
    found = claims("About 60 women from Chita, whose husbands were mobilized in Transbaikalia in the autumn, have signed an appeal.",
                   places)
    assert only(found, "Mobilization").participants is None
    found = claims("Relatives of 25 reservists from Nalchik recorded a video appeal to the president.", places)
    assert only(found, "Protest").participants is None
    # a clause with a subject of its own does not take the first clause's count
    found = claims("Around 90 men from the garrison signed new contracts in the spring, and in June the brigade "
                   "was sent to the Kharkiv region.", places)
    assert only(found, "Deployment").participants is None
    assert only(found, "Reenlistment").participants == Quantity(value=90, approximate=True)
    # a year after a month is no count
    found = claims("On 3 October 2022 women protesting against the call-up blocked a road in Makhachkala.", places)
    assert only(found, "Protest").participants is None


def test_each_of_two_coordinated_happenings_keeps_its_own_time(places):
    found = claims("The corporal came home to the Tatar capital, Kazan, on leave in August 2022 and in October 2022 "
                   "refused to go back to his unit.", places)
    assert only(found, "Return").interval == Interval(dt.date(2022, 8, 1), dt.date(2022, 8, 31))
    assert only(found, "DeploymentRefusal").interval == Interval(dt.date(2022, 10, 1), dt.date(2022, 10, 31))
    # a time behind the trigger across a new clause gives way to the trigger's own
    found = claims("The hearing opened on Monday and was put off the same day, and he has been held in the "
                   "garrison guardhouse in the city of Kursk since the winter.", places, published="2024-04-10")
    assert only(found, "Detention").interval == Interval(dt.date(2023, 12, 1), dt.date(2024, 4, 10))


@pytest.mark.parametrize("text, kind", [
    ("Instead of discharging the private, his commanders sent him back to the Kherson region in March.", "Deployment"),
    ("The soldiers were taken back to Belgorod in March.", "Return"),
    ("A week later the battalion crossed the river and took up positions east of Kupiansk.", "Deployment"),
    ("Six of the reservists have since signed new contracts and are now serving in the Donetsk region.", "Deployment"),
    ("At least 30 mobilized men from Bratsk signed contracts in May, relatives said.", "Reenlistment"),
])
def test_sent_back_to_the_war_positions_and_contracts_signed_by_soldiers(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


@pytest.mark.parametrize("text, count", [
    ("Among those freed were 14 paratroopers captured near Kreminna in the spring of 2023.", Quantity(value=14)),
    ("Kyiv says its forces captured more than 40 Russian soldiers near Robotyne last week.", Quantity(min=41)),
])
def test_soldiers_captured_are_detained(text, count, places):
    assert only(claims(text, places), "Detention").participants == count


@pytest.mark.parametrize("text, kind", [
    ("On Friday about 70 of the reservists were put on a train to the Donetsk region.", "Deployment"),
    ("Officers drove the two men to the commandant's office in Tver.", "Detention"),
    ("Police and enlistment officers raided a hostel in Kazan on Thursday.", "Detention"),
    ("The appeals court upheld a six-year sentence for the sergeant.", "Prosecution"),
    ("Investigators served notices of suspicion on two recruitment officers.", "Prosecution"),
    ("The private ran from a training ground near Omsk in May.", "Desertion"),
    ("A medical board declared 58 servicemen unfit for further service.", "ContractTermination"),
    ("The rest were escorted back to their brigade.", "Return"),
    ("About 80 villagers surrounded a recruitment centre near Chernivtsi.", "Protest"),
    ("Some 900 men have signed the one-year contracts since spring.", "Reenlistment"),
    ("The men told their commander they would not go back until they were rested.", "DeploymentRefusal"),
])
def test_ways_events_are_told_found_in_study_sets_o_and_p(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


def test_lads_and_clients_are_people_counted(places):
    found = claims("Four lads from my platoon were sent back to the positions near Bakhmut.", places)
    assert only(found, "Deployment").participants == Quantity(value=4)


def test_a_headline_sums_up_the_story_and_adds_no_event_of_its_own(places):
    text = ('"They went back with open wounds": mobilized men from Tomsk were sent back to the front after a week '
            'in hospital\n\n'
            "About 30 mothers of conscripts serving in the Kursk region picketed the governor's office in Tomsk "
            "on Monday.\n\nBack from the front\n\nThe regiment came home to Tomsk in May.")
    found = claims(text, places)
    assert sorted(c.type for c in found) == ["Protest", "Return"]  # no deployment: only the headline tells it
    assert only(found, "Protest").participants == Quantity(value=30, approximate=True)


def test_a_tally_of_towns_gives_each_town_its_figure(places):
    found = claims("Local papers in the Komi Republic have printed 212 obituaries since the war began. "
                   "Syktyvkar leads with 61 deaths. Ukhta follows with 47, and Vorkuta with 33.", places)
    deaths = sorted(c.deaths.value for c in found if c.type == "Casualties" and c.deaths is not None)
    assert {47, 33} <= set(deaths)


def test_the_group_size_from_the_n_and_from_wounded_soldiers_counted(places):
    found = claims("A court in Grodno sentenced two conscripts to two years each. According to the rights group, "
                   "the two had left their unit in Lida in March. They were caught a week later in Minsk.", places)
    assert only(found, "Detention").participants == Quantity(value=2)
    found = claims("A train carrying some 180 wounded servicemen arrived in Samara on Sunday. "
                   "All of them had been injured near Bakhmut.", places)
    assert {c.participants for c in found if c.type == "Injury"} == {Quantity(value=180, approximate=True)}


def test_a_share_of_the_group_counted_before(places):
    found = claims("Eighty mobilized men from Surgut refused to return to the front in June. "
                   "Half of them went home to Surgut on leave last week.", places)
    assert only(found, "Return").participants == Quantity(value=40)


def test_them_after_the_verb_is_the_group_counted_before(places):
    found = claims("Nine marines from Sevastopol walked out of their positions near Krynky in January. "
                   "A garrison court in Rostov-on-Don sentenced them in May to five years each.", places)
    assert only(found, "Prosecution").participants == Quantity(value=9)


def test_moved_to_a_hospital_is_no_deployment(places):
    found = claims("After the inspection, three of the wounded men were moved to a hospital in Moscow.", places)
    assert "Deployment" not in {c.type for c in found}
    found = claims("After the inspection, three of the men were moved to the Zaporizhzhia region.", places)
    assert "Deployment" in {c.type for c in found}


def test_a_perfect_since_a_happening_runs_from_it_to_publication(places):
    found = claims("Some 900 soldiers who had left their units have returned to service in Rivne oblast since the "
                   "new procedure came into force in early December, the regional administration said.", places,
                   published="2025-03-10")
    assert only(found, "Reenlistment").interval == Interval(dt.date(2024, 12, 1), dt.date(2025, 3, 10))
    assert "Desertion" not in {c.type for c in found}  # the relative clause says who came back
    found = claims("Since the offensive began on 12 May, medics have evacuated more than 400 wounded soldiers from "
                   "the town.", places, published="2024-06-01")
    assert only(found, "Injury").interval == Interval(dt.date(2024, 5, 12), dt.date(2024, 6, 1))


def test_a_perfect_since_a_named_happening(places):
    found = claims("About 1,500 former Wagner fighters have signed new contracts with the Defence Ministry since the "
                   "mutiny in June, the channel said.", places, published="2023-09-04")
    assert only(found, "Reenlistment").interval == Interval(dt.date(2023, 6, 1), dt.date(2023, 9, 4))
    found = claims("Relatives of soldiers who have served since the start of the invasion in February 2022 rallied "
                   "in Kyiv on Sunday.", places, published="2024-05-18")
    assert only(found, "Protest").interval == Interval(dt.date(2024, 5, 12), dt.date(2024, 5, 12))


@pytest.mark.parametrize("text, kind", [
    ("The city said 9,800 residents had signed contracts at its recruitment centre since January.", "Mobilization"),
    ("The fleet said it had released 120 sailors from service on health grounds.", "ContractTermination"),
    ("The exchange on Friday freed 84 Ukrainian soldiers.", "Return"),
    ("Only 40 of the convicts have come back alive.", "Return"),
])
def test_ways_events_are_told_found_in_study_set_q(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


def test_figures_told_before_their_towns(places):
    found = claims("Some 300 pardoned convicts have come home, among them 61 to Kansk, 42 to Achinsk and 35 to "
                   "Minusinsk.", places)
    assert sorted(c.participants.value for c in found if c.type == "Return") == [35, 42, 61]


def test_a_not_of_an_earlier_coordinated_verb_does_not_negate_the_event(places):
    found = claims("Nine others chose not to renew and were discharged the same week.", places)
    assert only(found, "ContractTermination").certainty == "Asserted"
    found = claims("The eleven were not detained and were sent home.", places)
    assert only(found, "Detention").certainty == "Negated"


@pytest.mark.parametrize("text, kind, absent", [
    ("Forty soldiers of the brigade arrived in Chita on leave on Friday.", "Return", "Deployment"),
    ("At least 14 conscripts have fled their units since the start of the spring call-up.", "Desertion",
     "Mobilization"),
])
def test_arriving_on_leave_and_a_call_up_named_as_a_time(text, kind, absent, places):
    found = {c.type for c in claims(text, places)}
    assert kind in found and absent not in found


def test_what_happened_without_or_instead_of_being_done_is_no_event(places):
    found = claims("The men were sent back to the trenches without being discharged from hospital.", places)
    assert "ContractTermination" not in {c.type for c in found} and "Return" not in {c.type for c in found}
    found = claims("Instead of being rotated home, the battalion was moved to Kupiansk.", places)
    assert "Return" not in {c.type for c in found} and "Deployment" in {c.type for c in found}


def test_the_other_side_of_an_exchange_counts_the_same_number(places):
    found = claims("Ukraine brought home 103 soldiers from Russian captivity on Saturday. Russia received the same "
                   "number of its servicemen, the Russian Defence Ministry said.", places, published="2024-09-16")
    returns = [c for c in found if c.type == "Return"]
    assert len(returns) == 2
    assert {c.participants for c in returns} == {Quantity(value=103)}
    assert returns[1].interval == returns[0].interval == Interval(dt.date(2024, 9, 14), dt.date(2024, 9, 14))


@pytest.mark.parametrize("text, count", [
    ("Courts have handed down more than 8,000 sentences for desertion since the invasion began.", Quantity(min=8001)),
    ("In Kurgan, fewer than ten such cases were heard, all ending in suspended sentences.", Quantity(max=9)),
])
def test_counts_of_sentences_and_cases_in_figures_and_words(text, count, places):
    assert only(claims(text, places), "Prosecution").participants == count


@pytest.mark.parametrize("text, kind", [
    ("A battalion of the brigade left its base in Pskov for the Kursk region on Monday.", "Deployment"),
    ("In Rivne, farewell ceremonies were held on Friday for nine soldiers of the region.", "Casualties"),
    ("The regiment took about 900 men to the Donetsk region in March.", "Deployment"),
])
def test_leaving_a_base_farewells_and_a_unit_taking_its_men(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


def test_men_recruited_in_the_passive_are_mobilized(places):
    found = claims("About 800 inmates were recruited from prison colonies in the Krasnoyarsk region in 2022.", places)
    assert only(found, "Mobilization").participants == Quantity(value=800, approximate=True)



def test_people_counted_by_a_plural_demonym_are_placed_where_they_are_from(places):
    x = extract(Article("An exchange in April brought home 180 Ukrainians.", published=dt.date(2024, 5, 10)), places)
    returned = only(x.claims, "Return")
    assert [x.places[i].candidates for i in returned.places] == [("UA",)]
    x = extract(Article("Two Buryats were killed near Avdiivka on Monday.", published=dt.date(2024, 5, 10)), places)
    assert {x.places[i].candidates for i in only(x.claims, "Casualties").places} == {("RU-BU",), ("gn:713120", "gn:713121", "gn:713122")}
    assert [m.candidates for m in places.match("Polish and Chinese observers counted four Kazakhs.")] == \
        [("PL",), ("CN",), ("KZ",)]


@pytest.mark.parametrize("text", [
    "Police took three of the protesters to the district police department.",
    "Her husband was held at the enlistment office overnight and released with a deferment.",
    "The reservist had been held for nine days at a collection point in Luhansk.",
    "He hid at his sister's flat in Pskov until military police came for him in May.",
])
def test_held_at_an_office_taken_to_the_police_and_come_for_are_detentions(text, places):
    assert "Detention" in {c.type for c in claims(text, places)}


def test_a_meeting_held_at_an_office_is_no_detention(places):
    assert "Detention" not in {c.type for c in claims("A meeting was held at the mayor’s office on Friday.", places)}


@pytest.mark.parametrize("text, kind", [
    ("In early December he was wounded by shrapnel near Kreminna.", "Injury"),
    ("Her husband, Dmitry, was called up in Achinsk in September 2022.", "Mobilization"),
    ("Investigators detained the head of a military medical commission in the Odesa region.", "Detention"),
    ("Paratroopers captured a wounded North Korean soldier near Korenevo.", "Detention"),
    ("He spent eleven days in the division's guardhouse.", "Detention"),
    ("He has been home once, for two weeks of leave in October.", "Return"),
    ("Border guards detained a contract soldier from Balakovo who had fled his unit in Saratov.", "Desertion"),
    ("I had been wounded on the 20th of September, and nobody sent me to hospital.", "Injury"),
    ("The mother of Taras says the army lies to her. Taras has been wounded twice near Bakhmut.", "Injury"),
    ("A court remanded him in custody on charges of desertion.", "Prosecution"),
])
def test_one_person_told_of_is_a_count_of_one(text, kind, places):
    assert only(claims(text, places), kind).participants == Quantity(value=1)


@pytest.mark.parametrize("text, kind", [
    ("Soldiers were wounded near Bakhmut, the brigade said.", "Injury"),
    ("Ukraine has returned soldiers from captivity, Kyiv said. Ukraine has returned them home.", "Return"),
    ("Police detained the relatives of a deserter in Omsk.", "Detention"),
])
def test_capitalised_first_words_places_and_groups_are_no_single_person(text, kind, places):
    assert all(c.participants != Quantity(value=1) for c in claims(text, places) if c.type == kind)


@pytest.mark.parametrize("text, kind", [
    ("The verdict says Alim K. signed his first contract in 2022 and was wounded near Vasylivka in December.", "Injury"),
    ("Denis was wounded in February and, after treatment in Rostov, came home to Angarsk on leave in April. "
     "We spoke to Denis in May.", "Return"),
    ("He was lightly wounded in his first assault.", "Injury"),
    ("His lawyer insists that her client never refused to serve.", "DeploymentRefusal"),
    ("On Wednesday a magistrate fined one of them 15,000 rubles.", "Prosecution"),
    ("The garrison court sentenced contract soldier Bair Ts. to six years in a penal colony.", "Prosecution"),
    ("He ran from a training ground outside Ussuriysk; military police arrested him three days later.", "Desertion"),
    ("The lawyer denied that her client had ever refused to go back.", "DeploymentRefusal"),
    ('The garrison told the paper that the sergeant "has not deserted" but is on leave.', "Desertion"),
    ("The same court gave a suspended sentence to another soldier from the Kursk region.", "Prosecution"),
    ("The parents wrote to the ministry, saying that one of the conscripts had been injured by a mine.", "Injury"),
    ("Irina, whose husband, a welder from Kansk, was sent to the Luhansk region in January, spoke to us.",
     "Deployment"),
])
def test_one_person_as_a_coordinated_name_an_adverb_away_a_client_or_one_of_them(text, kind, places):
    assert only(claims(text, places), kind).participants == Quantity(value=1)


def test_people_counted_and_told_whose_they_are_are_the_subject(places):
    found = claims("Last month 17 husbands of its members came home for two weeks' leave.", places)
    assert only(found, "Return").participants == Quantity(value=17)


def test_placards_are_a_protest_and_a_law_taking_effect_takes_no_prisoners(places):
    assert "Protest" in {c.type for c in claims("About 20 women stood on the square holding placards.", places)}
    found = claims("Since the law took effect in May, 230 former prisoners of war have been discharged.", places)
    assert "Detention" not in {c.type for c in found}
    assert only(found, "ContractTermination").participants == Quantity(value=230)
    found = claims("Mediazona counted more than 7,300 sentences for unauthorised absence in 2023.", places)
    assert only(found, "Prosecution").participants == Quantity(min=7301)


@pytest.mark.parametrize("text", [
    "About a hundred refinery workers were taken by bus straight from their shifts to a training ground near Polotsk.",
    "At least five of them left on Monday for a training ground in the Rostov region.",
    "The first group, some 500 men, was flown out of Kyzyl on 28 September.",
    "In October, the same battalion was put back on trains, this time towards Kupiansk.",
    '"He is out now and back in his trench," she wrote.',
    "The brigade has been fighting in the Donetsk region since the autumn.",
    "Thirty-four men from their battalion were ordered forward on Thursday.",
])
def test_training_grounds_trains_trenches_and_orders_forward_are_deployments(text, places):
    assert "Deployment" in {c.type for c in claims(text, places)}


def test_a_train_home_is_no_deployment(places):
    found = claims("According to the relatives, the men were put on a train and arrived in Kyzyl on April 2.", places)
    assert "Deployment" not in {c.type for c in found}


@pytest.mark.parametrize("text, when", [
    ("Russian garrison courts convicted 2,154 servicemen of going absent without leave in the first half of 2023.",
     Interval(dt.date(2023, 1, 1), dt.date(2023, 6, 30))),
    ("Mediazona counted at least 480 verdicts for going absent without leave in January.",
     Interval(dt.date(2023, 1, 1), dt.date(2023, 1, 31))),
])
def test_the_time_of_court_figures_is_the_courts_not_the_offences(text, when, places):
    found = claims(text, places)
    assert only(found, "Prosecution").interval == when
    assert all(c.interval is None for c in found if c.type == "Desertion")


def test_one_mans_offence_keeps_its_own_time(places):
    found = claims("A platoon of mobilized men went on trial on Tuesday for refusing in November to return to "
                   "their positions.", places)
    assert only(found, "DeploymentRefusal").interval == Interval(dt.date(2022, 11, 1), dt.date(2022, 11, 30))


def test_a_time_put_first_holds_for_a_relative_clause_but_not_for_what_had_happened(places):
    found = claims("In December, 12 of its fighters who refused to take part in an assault were detained.", places,
                   published="2024-12-20")
    december = Interval(dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    assert only(found, "DeploymentRefusal").interval == only(found, "Detention").interval == december
    found = claims("On 14 June, border guards detained a soldier who had fled his unit in Saratov.", places,
                   published="2024-06-20")
    assert only(found, "Desertion").interval is None


@pytest.mark.parametrize("text, kind", [
    ("Last week my husband came home on leave for the first time in fourteen months.", "Return"),
    ("Yevgeny S., 35, came home on leave in July.", "Return"),
    ("Police found him at his parents' home in Stryi in January.", "Detention"),
])
def test_one_person_after_a_fronted_time_by_initial_or_as_an_object_of_finding(text, kind, places):
    assert only(claims(text, places), kind).participants == Quantity(value=1)


def test_people_counted_by_where_they_are_from_happen_where_the_story_is(places):
    x = extract(Article("A drone hit a dugout near Pokrovsk on Saturday, killing a volunteer from Minsk. "
                        "Two other Belarusians were wounded in the same attack.", published=dt.date(2024, 11, 4)), places)
    wounded = only(x.claims, "Injury")
    assert {x.places[i].surface for i in wounded.places} == {"Pokrovsk", "Belarusians"}


def test_pulled_back_through_a_country_to_its_barracks_is_a_return(places):
    assert "Return" in {c.type for c in claims("In April 2022 the division was pulled back through Belarus to its "
                                               "barracks in Pskov.", places)}


def test_a_place_on_a_line_of_its_own_places_the_items_under_it(places):
    text = ("Weekly list of cases\n\nKaliningrad\nMilitary police took a mobilized soldier from his home on Monday.\n\n"
            "Omsk\nAbout 60 relatives of mobilized men gathered outside the enlistment office on Saturday.\n")
    x = extract(Article(text, published=dt.date(2023, 11, 24)), places)
    protest = only(x.claims, "Protest")
    assert [x.places[i].surface for i in protest.places] == ["Omsk"]


@pytest.mark.parametrize("text, kind", [
    ("The return of 38 mobilized men after a rotation was celebrated at the railway station.", "Return"),
    ("Over the weekend at least 600 Russian servicemen arrived by train at the station in Asipovichy.", "Deployment"),
    ("On Monday a column of about 80 soldiers left Hrodna and moved towards the Brest region.", "Deployment"),
    ("About 120 men were sent from Buynaksk to the Kherson region on Tuesday.", "Deployment"),
    ("Since January, 340 of them have been assigned to assault brigades in the Donetsk region.", "Deployment"),
    ("A contract soldier shot two fellow servicemen and fled with his weapon.", "Desertion"),
    ("Two soldiers who had fled to Kazakhstan were detained there on 9 May.", "Desertion"),
    ("We helped a 19-year-old conscript leave his unit and the country.", "Desertion"),
    ("Some 60 women blocked the Rostov–Baku highway for an hour.", "Protest"),
])
def test_digest_phrasings(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


def test_calling_for_the_return_of_the_men_is_no_return(places):
    found = claims("The women held signs calling for the return of the men.", places)
    assert "Return" not in {c.type for c in found}


@pytest.mark.parametrize("text", [
    "Ukrainian courts have handed down more than 8,000 sentences for going AWOL or deserting.",
    "By our count, military courts handed down 712 verdicts under the article on unauthorised abandonment of a unit "
    "in February alone.",
    "At least 11 men from Prokopyevsk have been sentenced for going absent without leave since 2023.",
    "Last year the court heard 58 cases of desertion and unauthorised abandonment of a unit.",
])
def test_the_offence_a_courts_figures_name_is_no_event_of_its_own(text, places):
    found = claims(text, places, published="2024-03-10")
    assert "Prosecution" in {c.type for c in found}
    assert not {"Desertion", "DeploymentRefusal"} & {c.type for c in found}


def test_one_mans_offence_told_with_his_case_is_an_event(places):
    found = claims("A court in Lviv gave a 29-year-old soldier a suspended sentence for leaving his unit in May.", places)
    assert {"Prosecution", "Desertion"} <= {c.type for c in found}


def test_a_run_in_heading_of_a_few_words_tells_no_event(places):
    found = claims("Our weekly roundup.\n\nCall-up. On Tuesday the ministry announced a snap inspection.", places)
    assert [c.sentence.text for c in found if c.type == "Mobilization"] == []


@pytest.mark.parametrize("text, kind", [
    ("In September he filed a report asking to terminate his contract because of a concussion.", "ContractTermination"),
    ("He cited a shrapnel wound to his leg that had never been properly treated.", "Injury"),
    ("My brother left his unit in Zaporizhzhia region in December and is hiding.", "Desertion"),
])
def test_what_a_man_did_with_his_own_contract_unit_or_leg_counts_one(text, kind, places):
    assert only(claims(text, places), kind).participants == Quantity(value=1)


def test_his_own_in_a_sentence_about_a_group_counts_no_one(places):
    found = claims("The men said their commander had refused to sign his report, and they left the unit.", places)
    assert all(c.participants != Quantity(value=1) for c in found)


def test_one_man_is_the_subject_of_both_coordinated_verbs(places):
    found = claims("Among them was Rustam Khairullin, 34, a mechanic who was called up in October 2022 and killed on "
                   "9 February, his sister wrote.", places, published="2023-03-01")
    assert only(found, "Casualties").deaths == Quantity(value=1)


def test_a_third_who_lost_a_leg_is_one_and_a_swap_that_returned_defenders_is_a_return(places):
    found = claims("Two of her medics were killed on Tuesday when a drone hit their vehicle, and a third lost a leg.",
                   places)
    assert only(found, "Injury").participants == Quantity(value=1)
    found = claims("Friday's exchange alone returned 95 Ukrainian defenders, seven of them from our region.", places)
    assert only(found, "Return").participants == Quantity(value=95)


def test_who_the_men_had_been_is_no_event_and_sent_back_to_his_trench_is_a_deployment(places):
    found = claims("The men, who had been drafted in the autumn of 2022, were on leave in Kyzyl.", places)
    assert "Mobilization" not in {c.type for c in found}
    found = claims("After ten days in a field hospital he was sent back to his trench.", places)
    assert "Deployment" in {c.type for c in found} and "Return" not in {c.type for c in found}


@pytest.mark.parametrize("text, kind, count", [
    ("3. At least 47 were killed near Svatove between 1 and 4 November.", "Casualties", Quantity(min=47)),
    ("The city recruitment centre said it had served in excess of 1,000 call-up notices this week.", "Mobilization",
     Quantity(min=1001)),
    ("Two other wounded men from his company had also left the hospital in Lviv without permission in July.",
     "Desertion", Quantity(value=2)),
])
def test_a_numbered_item_notices_served_and_leaving_a_hospital(text, kind, count, places):
    found = only(claims(text, places), kind)
    assert (found.deaths or found.participants) == count


def test_sent_back_to_a_home_town_is_a_return_and_to_a_brigade_at_the_front_a_deployment(places):
    found = claims("Most of the men were sent back to Yurga, where they are waiting to be dismissed.", places)
    assert "Return" in {c.type for c in found} and "Deployment" not in {c.type for c in found}
    found = claims("A week later, two of its organisers were sent back to their brigades near Pokrovsk.", places)
    assert "Deployment" in {c.type for c in found} and "Return" not in {c.type for c in found}


def test_sent_back_to_donbas_is_a_deployment_and_units_that_had_been_fighting_are_none(places):
    found = claims("About 120 marines, who had returned home in January, were sent back to Donbas this week.", places)
    assert "Deployment" in {c.type for c in found}
    found = claims("The units that had been fighting in the Kursk region were back in Grozny by mid-October.", places)
    assert "Deployment" not in {c.type for c in found}


def test_a_states_agency_calls_up_in_its_own_country(places):
    x = extract(Article("Belarus's defence ministry said 5,000 reservists had been called up for snap checks.",
                        published=dt.date(2024, 6, 1)), places)
    assert [x.places[i].candidates for i in only(x.claims, "Mobilization").places] == [("BY",)]


@pytest.mark.parametrize("text, count", [
    ("Three of the men say they were made to sign contracts with the Defence Ministry in the hospital.",
     Quantity(value=3)),
    ("Since June, about 40 men of the battalion have signed contracts with the Defence Ministry.",
     Quantity(value=40, approximate=True)),
    ("Around 3,000 soldiers who had left their units have come back to service since August.",
     Quantity(value=3000, approximate=True)),
    ("They were pressed to sign new contracts. Fourteen signed in a single day, the parents said.", Quantity(value=14)),
    ("In a company in the Belgorod region, according to the men, 87 of 91 signed in June.", Quantity(value=87)),
])
def test_ways_of_signing_again(text, count, places):
    found = [c for c in claims(text, places) if c.type == "Reenlistment"]
    assert count in [c.participants for c in found]


def test_reservists_summoned_and_a_refusal_to_board_trucks(places):
    found = claims("In March 2024, about 3,000 reservists in the Grodno region were summoned for snap checks.", places)
    assert only(found, "Mobilization").participants == Quantity(value=3000, approximate=True)
    found = claims("Prosecutors say the six refused on 14 August to board trucks that were to take them to the front.",
                   places, published="2023-09-01")
    assert only(found, "DeploymentRefusal").interval == Interval(dt.date(2023, 8, 14), dt.date(2023, 8, 14))


def test_he_refused_after_others_were_killed_counts_him(places):
    found = claims("His wife says he refused on 2 February to join an assault after 23 men of his company had been "
                   "killed.", places, published="2023-03-01")
    assert only(found, "DeploymentRefusal").participants == Quantity(value=1)


def test_a_denial_that_anyone_did_it_counts_no_one(places):
    found = claims("Military police detained three marines in Murmansk, their relatives said. The fleet's press "
                   "service denied that anyone had been detained and said the three were on authorised leave.", places)
    denial = [c for c in found if c.type == "Detention" and c.certainty == "Negated"]
    assert denial and all(c.participants is None for c in denial)


@pytest.mark.parametrize("text", [
    "His mother, Halina, recorded a video address in February saying her son had been beaten.",
    "Rinat G.'s mother, Gulshat, recorded a video appeal to the head of Tatarstan last week.",
])
def test_a_mother_who_appeals_is_one_protester(text, places):
    assert only(claims(text, places), "Protest").participants == Quantity(value=1)


@pytest.mark.parametrize("text, injured", [
    ("Wives of wounded soldiers picketed the commandant's office on Monday.", False),
    ("Most of the wounded were taken to a hospital in Dnipro.", False),
    ("Nearly 400 wounded soldiers were evacuated to hospitals in Belgorod.", True),
    ("Three soldiers were wounded near Bakhmut.", True),
])
def test_the_wounded_as_a_name_is_no_wounding_unless_counted(text, injured, places):
    assert ("Injury" in {c.type for c in claims(text, places)}) is injured


def test_sent_for_rest_is_a_return_and_sent_to_a_penal_colony_no_deployment(places):
    found = claims("The battalion's soldiers were sent to the Dnipropetrovsk region for rest and recovery.", places)
    assert "Return" in {c.type for c in found} and "Deployment" not in {c.type for c in found}
    found = claims("On 12 March the Tambov garrison court sent him to a penal colony for five years.", places)
    assert "Deployment" not in {c.type for c in found}


def test_a_record_with_no_population_is_not_the_town_meant_for_its_region(places):
    from kg.link import link

    x = extract(Article("Relatives from the Volyn region rallied outside the regional administration in Rivne.",
                        url="https://example.org/t", published=dt.date(2024, 6, 1)), places)
    resolved = dict(zip([p.surface for p in x.places], link(x, places)))
    assert resolved["Rivne"] == "gn:695594"  # the city of Rivne; not the record of that name in the Volyn region


def test_one_who_did_it_to_others_is_no_count_of_one(places):
    found = claims("Exactly a year ago, on 21 September 2022, Vladimir Putin announced a partial mobilisation. "
                   "Mr Putin was in Moscow.", places, published="2023-09-21")
    assert only(found, "Mobilization").participants is None
    found = claims("He was detained by military police in Pskov.", places)
    assert only(found, "Detention").participants == Quantity(value=1)


@pytest.mark.parametrize("text, kind, count", [
    ("The explosion at the ammunition depot near Tver injured 11 soldiers.", "Injury", Quantity(value=11)),
    ("The wounded, some 40 paratroopers, were evacuated by helicopter to Kherson.", "Injury",
     Quantity(value=40, approximate=True)),
    ("The sergeant was not arrested, his lawyer told reporters.", "Detention", Quantity(value=1)),
    ("The press service insisted that none of the 14 soldiers had deserted.", "Desertion", Quantity(value=14)),
])
def test_counted_wounded_a_passive_denial_and_a_denial_that_counts(text, kind, count, places):
    found = only(claims(text, places), kind)
    assert (found.participants or found.deaths) == count


@pytest.mark.parametrize("text, kind", [
    ("We spoke to the mother of Lebedev. On 2 May Lebedev was killed near Kreminna when a drone hit the dugout he "
     "shared with two other soldiers.", "Casualties"),
    ("Mykola, now 27, was taken prisoner in Mariupol on 12 April 2022.", "Detention"),
    ("Valentyna's younger son, Oleh, was mobilised in January 2024.", "Mobilization"),
    ("The Vitebsk enlistment office called me up in the spring of 2022.", "Mobilization"),
    ("On 3 September I walked out of the barracks and took a bus to Hrodna.", "Desertion"),
])
def test_one_person_named_with_now_an_age_a_kin_by_name_me_or_i(text, kind, places):
    found = only(claims(text, places, published="2024-07-03"), kind)
    assert (found.participants or found.deaths) == Quantity(value=1)


def test_a_relative_clause_with_told_is_no_attribution_and_a_kin_noun_with_a_name_is_one(places):
    found = claims("Last month, Alena says, military police detained two conscripts from the same company who had "
                   "told her about the beatings.", places)
    assert only(found, "Detention").participants == Quantity(value=2)
    found = claims("Her son Kiryl was called up by the Mahilyow enlistment office in November 2023.", places)
    assert only(found, "Mobilization").participants == Quantity(value=1)


def test_funerals_that_will_be_held_tell_no_deaths(places):
    found = claims("Funerals for four of the soldiers will be held in Nizhyn and Pryluky on Wednesday.", places)
    assert "Casualties" not in {c.type for c in found}


def test_protesters_with_placards_after_a_time_phrase_are_counted(places):
    found = claims('In December six mothers stood outside his office for an afternoon with placards reading "No".', places)
    assert only(found, "Protest").participants == Quantity(value=6)


def test_the_count_of_a_subject_with_a_relative_clause_is_the_main_verbs_too(places):
    found = claims("Three of the men who were mobilised with him from our district are already dead.", places)
    assert only(found, "Casualties").deaths == Quantity(value=3)


@pytest.mark.parametrize("text, kind", [
    ("— My husband came home from the front on leave on 2 February.", "Return"),
    ("Last Sunday I stood with a placard outside the regional administration in Kemerovo for an hour.", "Protest"),
    ("I complained to the military prosecutor's office.", "Protest"),
    ("He left his battalion near Pokrovsk in October 2023 after a night of shelling.", "Desertion"),
])
def test_a_wife_after_a_dash_a_placard_a_complaint_and_leaving_his_battalion(text, kind, places):
    assert only(claims(text, places), kind).participants == Quantity(value=1)


def test_a_court_named_by_its_city_names_the_city(places):
    assert [m.candidates for m in places.match("The Yekaterinburg Garrison Military Court sentenced him.")] == \
        [("gn:1486209",)]
    assert places.match("Siberia Today reported the verdict.") == []


def test_a_place_joined_by_a_hyphen_to_a_name_is_part_of_the_name(places):
    assert places.match("According to a list seen by the Volga-Ural Review, 23 were killed.") == []
    assert [m.surface for m in places.match("Shelling near the Kursk-Belgorod border went on.")] == \
        ["Kursk", "Belgorod"]
    assert [m.surface for m in places.match("On the Makhachkala-Derbent highway.")] == ["Makhachkala", "Derbent"]


def test_a_place_in_the_possessive_before_a_name_is_the_place(places):
    assert [m.candidates for m in places.match("Relatives rallied on Kyiv's Independence Square on Sunday.")] == \
        [("gn:703448",)]


@pytest.mark.parametrize("text, count", [
    ('Svetlana was told that her son had been killed near Sudzha in August, together with "about fifteen" other '
     'conscripts.', Quantity(value=16, approximate=True)),
    ("My platoon commander was killed on the spot.", Quantity(value=1)),
    ("His lawyer said his younger brother was killed near Bakhmut in May.", Quantity(value=1)),
])
def test_deaths_of_one_with_others_a_commander_and_a_younger_brother(text, count, places):
    assert only(claims(text, places), "Casualties").deaths == count


@pytest.mark.parametrize("text, kind", [
    ("One of her clients, 19-year-old Nikita from Ryazan, was sent to the border near Sudzha in June.", "Deployment"),
    ("Its deputy commander has reportedly submitted his resignation.", "ContractTermination"),
])
def test_one_of_her_clients_and_his_resignation_are_one_person(text, kind, places):
    assert only(claims(text, places), kind).participants == Quantity(value=1)


def test_a_count_in_the_clause_after_and_that_is_that_clauses(places):
    found = claims("The mothers said their sons had been sent to the Belgorod region in May and that at least six of "
                   "them had been wounded.", places)
    assert only(found, "Deployment").participants is None
    assert only(found, "Injury").participants == Quantity(min=6)


def test_mobilized_several_thousand_is_a_call_up_of_that_many(places):
    found = claims("Bashkortostan alone mobilized several thousand men that autumn, and women in Ufa protested "
                   "against the call-up.", places)
    assert only(found, "Mobilization").participants == Quantity(min=2000)
    assert only(found, "Protest").participants is None


def test_weight_lost_is_no_death(places):
    assert not [c for c in claims("Since his capture he has lost 25 kilograms, his mother said.", places)
                if c.type == "Casualties"]


@pytest.mark.parametrize("text, kind", [
    ("Several soldiers have signed new contracts since the spring, according to the mother of one sergeant.",
     "Reenlistment"),
    ("Citing three officers, the outlet writes that the brigade was redeployed to the Kharkiv region in June.",
     "Deployment"),
])
def test_a_count_in_a_trailing_according_to_or_a_leading_citing_is_the_sources(text, kind, places):
    assert only(claims(text, places), kind).participants is None


@pytest.mark.parametrize("text, kind", [
    ("The commander said no fighter of the regiment had left his position.", "Desertion"),
    ('"Not a single man from our company has been home since March," she said.', "Return"),
])
def test_no_fighter_and_not_a_single_man_deny_it_and_count_no_one(text, kind, places):
    found = only(claims(text, places), kind)
    assert found.certainty == "Negated" and found.participants is None


def test_a_count_before_which_is_not_the_relative_clauses(places):
    found = claims("The seven served in the 59th Separate Motor Rifle Brigade, which was moved to Toretsk in May.",
                   places)
    assert only(found, "Deployment").participants is None


@pytest.mark.parametrize("text, kind, count", [
    ("Police detained at least 12 journalists who were covering the picket.", "Detention", Quantity(min=12)),
    ("About 70 parents gathered outside the enlistment office in Omsk on Monday.", "Protest",
     Quantity(value=70, approximate=True)),
])
def test_journalists_and_parents_are_people_counted(text, kind, count, places):
    assert only(claims(text, places), kind).participants == count


def test_his_kin_counted_do_not_keep_him_from_being_one_death(places):
    found = claims("He was killed on 4 May near Kupiansk; his mother and three sisters buried him in Poltava.", places)
    assert only(found, "Casualties").deaths == Quantity(value=1)


def test_workers_lost_to_the_army_were_called_up_not_killed(places):
    found = claims('"Since March we have lost 28 of our 140 workers to the army," the plant manager in Kaluga said.',
                   places)
    assert [c.type for c in found] == ["Mobilization"]
    assert found[0].participants == Quantity(value=28)


def test_a_rate_that_has_fallen_is_no_death(places):
    assert claims("The region's unemployment rate has fallen to a record low of 1.9 per cent.", places) == []


def test_women_whose_husbands_were_mobilized_are_who_protested(places):
    found = claims("Outside the building, about thirty women whose husbands were mobilised in 2022 stood with "
                   "placards on Monday demanding rotation.", places)
    assert [c.type for c in found] == ["Protest"]


def test_an_items_dateline_is_a_place_named_and_where_an_unplaced_item_happened(places):
    text = ("OMSK — A garrison court on Friday sentenced a contract soldier to five years for desertion.\n\n"
            "TOMSK — About 30 women gathered outside the enlistment office on Sunday to demand rotation, the "
            "local outlet reported.\n\n"
            "BELGOROD — Two servicemen were killed when a drone struck their car near Shebekino on Sunday, the "
            "governor said.")
    result = extract(Article(text=text, published=dt.date(2025, 4, 14)), places)
    assert {m.surface for m in result.places} >= {"OMSK", "TOMSK", "BELGOROD"}
    where = {c.type: [result.places[i].candidates for i in c.places] for c in result.claims}
    assert where["Protest"] == [("gn:1489425",)]
    assert where["Casualties"] == [("gn:495112",)]  # near Shebekino, not in the city the item was filed from


def test_one_more_after_a_count_is_one(places):
    found = claims("Three servicemen were killed and one was wounded when a shell hit their truck near Sudzha.", places)
    assert only(found, "Casualties").deaths == Quantity(value=3)
    assert only(found, "Injury").participants == Quantity(value=1)


@pytest.mark.parametrize("text", [
    "Most of them went back to their units near Kupiansk after the holidays, relatives said.",
    "About 120 of those have already gone back to their brigades.",
    "All nine left for their unit on 6 August.",
    "He was put on a bus back to his unit outside Horlivka with four other men.",
])
def test_going_back_to_the_unit_is_a_deployment(text, places):
    assert "Deployment" in {c.type for c in claims(text, places)}


@pytest.mark.parametrize("text, kind, count", [
    ('The ministry said it had summoned "several hundred" reservists for training in the Brest region.',
     "Mobilization", Quantity(min=200)),
    ("The outlet said police took four of the women away in a bus.", "Detention", Quantity(value=4)),
    ("A week later, military police came to his parents' house and took him away.", "Detention", Quantity(value=1)),
    ("According to the governor, 2,300 men from Tuva signed contracts in 2024.", "Mobilization", Quantity(value=2300)),
    ("On Monday about forty mothers went to the regional administration building to ask for their sons to be "
     "brought home.", "Protest", Quantity(value=40, approximate=True)),
])
def test_summoned_taken_away_signed_up_and_a_delegation(text, kind, count, places):
    assert only(claims(text, places), kind).participants == count


@pytest.mark.parametrize("text", [
    "Two Belarusian battalions had rotated in and out of the Brest region twice this spring, the spokesman said.",
    "Part of the division was shifted from the Kherson region to the Pokrovsk direction in June.",
    "Moscow has also brought in reservists from the Far East to hold the line.",
    "Units of the Western Operational Command are moving to training grounds in the Minsk region from Monday.",
    "The column left the camp on Thursday and drove north towards the border.",
    "In March a battalion of the 20th Army took over their positions near Svatove.",
])
def test_troops_shifted_brought_in_rotated_moving_and_taking_over_are_deployments(text, places):
    assert "Deployment" in {c.type for c in claims(text, places)}


def test_units_rotating_in_and_out_describe_a_camp_not_a_deployment(places):
    assert not claims("The town hosts a transit camp for units rotating in and out of Donbas.", places)


def test_a_unit_dismissing_its_men_ends_their_contracts(places):
    found = claims("The National Guard dismissed the eleven men in May 2023 for breaking the terms of the contract.",
                   places)
    assert only(found, "ContractTermination").participants == Quantity(value=11)
    assert not [c for c in claims("The court dismissed the claims of the soldiers.", places)
                if c.type == "ContractTermination"]


@pytest.mark.parametrize("text, kind, count", [
    ("In May around 30 conscripts fled the training ground in a single night, the outlet said.", "Desertion",
     Quantity(value=30, approximate=True)),
    ("Three Belarusian soldiers who crossed into Lithuania in April have asked for asylum.", "Desertion",
     Quantity(value=3)),
    ("A court in Omsk gave him six years.", "Prosecution", Quantity(value=1)),
    ("The garrison court gave four soldiers between three and five years in a penal colony.", "Prosecution",
     Quantity(value=4)),
    ("All six were later given 10 days of administrative arrest.", "Prosecution", Quantity(value=6)),
    ("She was one of about 25 women who stood outside the government building in Kazan demanding rotation.",
     "Protest", Quantity(value=25, approximate=True)),
])
def test_fleeing_abroad_sentences_given_and_standing_outside_demanding(text, kind, count, places):
    assert only(claims(text, places), kind).participants == count


def test_men_called_up_who_fled_abroad_evaded_the_draft_and_did_not_desert(places):
    found = claims("Four men from Kyzyl who were called up in September have fled to Mongolia, activists said.", places)
    assert "Desertion" not in {c.type for c in found}


@pytest.mark.parametrize("text", [
    "The ministry did not say whether any soldiers had died.",
    "The statement made no mention of casualties.",
    "Relatives demanded that the command publish a full list of those killed.",
])
def test_whether_any_died_no_mention_of_casualties_and_a_list_of_those_killed_tell_no_deaths(text, places):
    assert "Casualties" not in {c.type for c in claims(text, places)}


@pytest.mark.parametrize("text", [
    "Asked about the losses, the governor thanked the families and moved on to the next question.",
    "They reached the border on Sunday, according to the messages they sent home.",
])
def test_moving_on_to_a_question_and_messages_sent_home_are_no_events(text, places):
    assert claims(text, places) == []


@pytest.mark.parametrize("text, kind", [
    ("Each of the four now faces up to ten years in prison.", "Prosecution"),
    ("The sergeant faces life imprisonment if convicted.", "Prosecution"),
])
def test_what_someone_faces_is_no_prosecution_told(text, kind, places):
    assert kind not in {c.type for c in claims(text, places)}


def test_facing_years_on_a_charge_is_a_prosecution(places):
    found = claims("He now faces up to seven years in prison on a charge of deserting his unit.", places)
    assert only(found, "Prosecution").participants == Quantity(value=1)


def test_his_own_brother_he_said_is_one_person(places):
    found = claims("Petrenko's own brother, he said, was wounded near Toretsk in May.", places)
    assert only(found, "Injury").participants == Quantity(value=1)


def test_employees_who_left_for_the_army_were_called_up(places):
    found = claims("The plant's director said 42 employees had left for the army since the spring.", places)
    assert only(found, "Mobilization").participants == Quantity(value=42)
    went = claims("Two of the men went to the military prosecutor's office in Omsk to complain.", places)
    assert "Mobilization" not in {c.type for c in went}


def test_quoted_words_between_do_not_move_the_scene(places):
    text = ("Some thirty women gathered outside the enlistment office in Chita on Monday, saying their husbands had "
            "been sent into an assault near Pokrovsk. \"We are not against anyone. We want answers. Who decided this?\" "
            "one of them said. She did not give her name. According to the women, forty men of their battalion were "
            "ordered forward last week.")
    result = extract(Article(text=text, published=dt.date(2024, 11, 20)), places)
    deployment = only(result.claims, "Deployment")
    assert {result.places[i].surface for i in deployment.places} >= {"Pokrovsk"}


@pytest.mark.parametrize("text, count", [
    ("Kizel, a mining town of 15,000 people, has buried 23.", Quantity(value=23)),
    ("Sokol has lost 17.", Quantity(value=17)),
])
def test_a_town_of_so_many_people_is_no_count_and_buried_or_lost_n_is(text, count, places):
    assert only(claims(text, places), "Casualties").deaths == count


@pytest.mark.parametrize("text", [
    "The region has lost 2.4% of its population since 2021.",
    "The administration, which publishes monthly statistics, does not report military deaths.",
])
def test_a_share_of_the_population_lost_and_deaths_not_reported_are_no_deaths(text, places):
    assert "Casualties" not in {c.type for c in claims(text, places)}


def test_a_not_in_a_relative_clause_does_not_deny_the_main_verb(places):
    found = claims("In Lida, three men who did not report were detained on Monday.", places)
    assert only(found, "Detention").certainty == "Asserted"


@pytest.mark.parametrize("text, count", [
    ("The contracts of 28 volunteers of the battalion were terminated last month.", Quantity(value=28)),
    ("A military medical board has discharged five conscripts of the regiment.", Quantity(value=5)),
])
def test_contracts_terminated_and_a_board_discharging_end_service(text, count, places):
    assert only(claims(text, places), "ContractTermination").participants == count


@pytest.mark.parametrize("text, kind", [
    ("One of the men jumped from a second-floor window and broke both legs.", "Injury"),
    ("In May he refused to rejoin his battalion near Toretsk.", "DeploymentRefusal"),
    ("Nine men of the company told their commander they would not cross the border.", "DeploymentRefusal"),
    ("The mothers said about twenty men from Derbent refused to go back after their leave.", "DeploymentRefusal"),
])
def test_broken_legs_and_refusing_to_rejoin_or_cross(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


@pytest.mark.parametrize("text, kind", [
    ("Some 180 fighters of a territorial defence battalion arrived in Lutsk on Monday after eight months on the "
     "front.", "Return"),
    ("In June about 90 men were brought home.", "Return"),
    ("The regiment has been pulled out of the Kupiansk direction, a source said.", "Return"),
    ("Two others have been confirmed to be in Russian captivity.", "Detention"),
    ("Police searched the flat and held her for two days.", "Detention"),
    ("Andrei P. got four years from the garrison court on Monday.", "Prosecution"),
    ("On Sunday he and a friend walked out of the camp.", "Desertion"),
    ("About thirty men were driven to the recruitment centre that night.", "Detention"),
])
def test_brought_home_pulled_out_in_captivity_held_got_years_walked_out_driven_to_the_centre(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


def test_a_funeral_and_the_death_it_buries_are_one_death_where_and_when_he_died(places):
    text = ("On Friday Kolomyia buried Sergeant Ivan Marchuk, 41. He was wounded near Toretsk in March and died of his "
            "wounds on 2 April in a hospital in Dnipro.")
    result = extract(Article(text=text, published=dt.date(2025, 4, 11)), places)
    death = only(result.claims, "Casualties")
    assert death.deaths == Quantity(value=1)
    assert [result.places[i].candidates for i in death.places] == [("gn:709930",)]
    assert death.interval == Interval(dt.date(2025, 4, 2), dt.date(2025, 4, 2))
    assert len(death.also) == 1  # the funeral's sentence is evidence too


def test_they_right_after_a_sentence_that_counted_people_are_those_people(places):
    text = ("The list was first published in 2023. Among the newest names are three brothers from Tuymazy. They went "
            "to the front together in the spring of 2024.")
    found = extract(Article(text=text, published=dt.date(2025, 2, 21)), places).claims
    assert only(found, "Deployment").participants == Quantity(value=3)


def test_the_men_right_after_a_sentence_that_counted_them_are_those_men(places):
    text = ("1. Tuva. Recruiters in Kyzyl have handed call-up papers to about 200 reservists since Monday, residents "
            "said.\n\n2. Omsk. Seven contract soldiers held at a guardhouse in Omsk have gone on hunger strike, "
            "their wives said. The men were detained on Friday after refusing to return to the front.")
    found = extract(Article(text=text, published=dt.date(2024, 3, 1)), places).claims
    refusal = only(found, "DeploymentRefusal")
    assert refusal.participants == Quantity(value=7)


def test_relatives_or_more_counted_before_are_not_the_men(places):
    text = ("About 40 relatives of men mobilized in the Samara region held a protest on Saturday. The men were sent "
            "to the Luhansk region in October.")
    found = extract(Article(text=text, published=dt.date(2022, 11, 8)), places).claims
    assert only(found, "Deployment").participants is None


def test_reinforcements_are_people_counted(places):
    found = claims("At least 500 reinforcements had been sent to the Kupiansk sector in March, the update said.", places)
    assert only(found, "Deployment").participants == Quantity(min=500)


@pytest.mark.parametrize("text, count", [
    ("On Monday three men were stopped by a patrol at the bus station in Kovel and taken to the district recruitment "
     "office.", Quantity(value=3)),
    ("Eleven of them were taken to district recruitment centres in Rivne.", Quantity(value=11)),
])
def test_men_stopped_and_taken_to_a_recruitment_office_were_detained(text, count, places):
    assert only(claims(text, places), "Detention").participants == count


def test_inmates_of_a_colony_who_signed_contracts_were_recruited(places):
    found = claims("At least 45 inmates of penal colony No. 7 in Vorkuta signed contracts with the Ministry of Defence "
                   "in January.", places)
    assert only(found, "Mobilization").participants == Quantity(min=45)


def test_a_region_that_sent_thousands_of_men_to_the_war_deployed_them(places):
    found = claims("According to the governor, Tuva has sent more than 6,000 men to the war since 2022.", places)
    assert only(found, "Deployment").participants == Quantity(min=6001)


def test_the_group_counted_by_the_first_verb_is_the_subject_of_the_coordinated_one(places):
    text = ("Among the newest names are four brothers from Sibay. They went to the front together in the autumn of "
            "2023 and were killed near Avdiivka that winter.")
    found = extract(Article(text=text, published=dt.date(2024, 5, 1)), places).claims
    assert only(found, "Casualties").deaths == Quantity(value=4)


def test_walking_out_of_a_training_ground_and_a_man_of_an_age_sentenced(places):
    found = claims("A court in Grodno sentenced a 29-year-old plumber to a year of restricted freedom for walking out "
                   "of a training ground near the city in May.", places)
    assert only(found, "Prosecution").participants == Quantity(value=1)
    assert only(found, "Desertion").participants == Quantity(value=1)


def test_officers_notified_of_suspicion_are_prosecuted(places):
    found = claims("Two officers of the Lviv recruitment centre have been notified of suspicion of abuse of power.", places)
    assert only(found, "Prosecution").participants == Quantity(value=2)


def test_men_let_home_on_leave_returned_and_those_who_have_not_gone_back_deserted(places):
    text = ("Most of the regiment has been fighting near Kreminna since March. In August, about 90 of the "
            "reservists were allowed home to Kirov on ten days' leave, their families said. At least 12 of them "
            "have not gone back to the regiment, a lawyer said.")
    found = extract(Article(text=text, published=dt.date(2023, 10, 2)), places).claims
    assert only(found, "Return").participants == Quantity(value=90, approximate=True)
    assert only(found, "Desertion").participants == Quantity(min=12)
    assert all(c.participants is None for c in found if c.type == "Deployment")  # some of them, not the regiment


def test_an_offence_with_a_count_of_its_own_is_a_happening_and_the_count_is_its_own(places):
    found = claims("Investigators have opened a criminal case against two commanders of the 42nd Brigade over the "
                   "desertion of at least 300 soldiers from the unit.", places)
    assert only(found, "Desertion").participants == Quantity(min=300)
    assert only(found, "Prosecution").participants == Quantity(value=2)


def test_the_one_who_tells_it_is_no_count_of_the_event_told_before(places):
    text = ("The regiment was sent to the Zaporizhzhia region in May. A sergeant of the regiment, who asked not to "
            "be named, told the outlet that the men had no armour.")
    found = extract(Article(text=text, published=dt.date(2024, 6, 3)), places).claims
    assert only(found, "Deployment").participants is None


def test_some_of_the_deserters_doing_something_else_are_no_new_desertion(places):
    found = claims("About 70 of the deserters have since gone back to their units under an amnesty.", places)
    assert [c.type for c in found if c.type == "Desertion"] == []


def test_a_place_in_the_name_a_unit_honours_is_no_place(places):
    result = extract(Article(text="The brigade, named after Yaroslav of Kyiv, was sent to the front near Kupiansk.",
                             published=dt.date(2024, 6, 3)), places)
    assert [p.surface for p in result.places] == ["Kupiansk"]


def test_one_man_told_of_with_a_relative_clause_aside_is_one_for_both_his_verbs(places):
    found = claims("A nurse from Poltava said her son, who serves in the 47th Brigade, had been wounded near Avdiivka "
                   "and sent back to the front a month later.", places)
    assert only(found, "Injury").participants == Quantity(value=1)
    assert only(found, "Deployment").participants == Quantity(value=1)


def test_funerals_counted_and_then_where_the_men_were_killed_are_one_event_there(places):
    text = ("Funerals of at least nine paratroopers of the brigade have been held in the Pskov region this month. "
            "The paratroopers were killed in the Kursk region, relatives said.")
    result = extract(Article(text=text, published=dt.date(2024, 9, 20)), places)
    death = only(result.claims, "Casualties")
    assert death.deaths == Quantity(min=9)
    assert [result.places[i].candidates for i in death.places] == [("RU-KRS",)]


def test_men_held_in_a_hangar_outside_the_city_were_detained_in_the_city_not_the_town_named_since(places):
    text = ("The men came home to Khabarovsk in May, and refused to return to Toretsk, where their battalion is "
            "fighting. Military police took nine of them to a base outside the city and held them in a hangar.")
    result = extract(Article(text=text, published=dt.date(2024, 6, 20)), places)
    held = only(result.claims, "Detention")
    assert held.participants == Quantity(value=9)
    assert [result.places[i].surface for i in held.places] == ["the city"]
    assert [result.places[i].candidates for i in held.places] == [result.places[0].candidates]  # Khabarovsk


def test_a_clause_with_a_unit_of_its_own_as_subject_does_not_take_the_men_counted_before(places):
    text = ("About 40 reservists have refused to go back to the front. They said they would not return to the "
            "Luhansk region, where the regiment has been fighting near Kreminna since the spring.")
    found = extract(Article(text=text, published=dt.date(2024, 6, 20)), places).claims
    assert only(found, "Deployment").participants is None


def test_a_crowd_blocking_a_recruitment_van_protests_its_size_told_after_and_the_scuffle_takes_its_time(places):
    text = ("A crowd of villagers surrounded a van of the recruitment centre in Kovel on Sunday afternoon, forcing "
            "officers to let go of three men they had just detained. Police estimated the crowd at between 40 and "
            "60. One officer was hurt in the scuffle, police said.")
    found = extract(Article(text=text, published=dt.date(2024, 7, 10)), places).claims
    sunday = Interval(dt.date(2024, 7, 7), dt.date(2024, 7, 7))
    protest = only(found, "Protest")
    assert (protest.participants, protest.interval) == (Quantity(min=40, max=60), sunday)
    detention = only(found, "Detention")
    assert (detention.participants, detention.interval) == (Quantity(value=3), sunday)
    assert only(found, "Injury").interval == sunday


def test_scuffles_that_took_place_are_protests(places):
    assert only(claims("Similar scuffles took place last week in Izmail.", places), "Protest").participants is None


def test_soldiers_who_slipped_away_while_training_deserted(places):
    found = claims("Some 20 recruits slipped away while training in Germany, officers said.", places)
    assert only(found, "Desertion").participants == Quantity(value=20, approximate=True)


def test_men_captured_somewhere_told_in_an_aside_were_detained_and_a_prisoner_exchange_counts_no_one(places):
    found = claims("Three of his classmates, captured near Vuhledar in 2023, were freed in a prisoner exchange in "
                   "May.", places)
    assert only(found, "Detention").participants == Quantity(value=3)
    assert only(found, "Return").participants == Quantity(value=3)


@pytest.mark.parametrize("text, kind, count", [
    ("When the first contract ran out in May, he signed another one for two years.", "Reenlistment", Quantity(value=1)),
    ("The battalion welcomed back 41 soldiers in March.", "Return", Quantity(value=41)),
    ("Five of the men have already been brought back in coffins.", "Casualties", Quantity(value=5)),
    ("A sergeant caught shrapnel in the shoulder near Robotyne.", "Injury", Quantity(value=1)),
])
def test_another_contract_a_welcome_back_coffins_and_shrapnel(text, kind, count, places):
    found = claims(text, places)
    assert only(found, kind).participants == count or only(found, kind).deaths == count


@pytest.mark.parametrize("text, kind", [
    ("He left his regiment in May to see his newborn son, stayed home for a month and in July came back to "
     "Chita on his own.", "Return"),
    ("He is now charged with refusing to obey orders.", "Prosecution"),
])
def test_one_man_for_a_verb_after_a_time_and_an_and_or_after_now(text, kind, places):
    assert only(claims(text, places), kind).participants == Quantity(value=1)


def test_an_office_or_court_named_by_its_place_places_what_it_does(places):
    result = extract(Article(text="Her husband was called up by the Kovel recruitment centre in May.",
                             published=dt.date(2024, 6, 3)), places)
    called = only(result.claims, "Mobilization")
    assert [result.places[i].surface for i in called.places] == ["Kovel"]


def test_a_year_compared_with_does_not_become_the_year_of_the_story(places):
    text = ("Prosecutors opened 900 desertion cases in the first months of 2025, more than in the whole of 2023. "
            "In March, military police detained 40 deserters in Odesa.")
    found = extract(Article(text=text, published=None), places).claims
    assert only(found, "Detention").interval == Interval(dt.date(2025, 3, 1), dt.date(2025, 3, 31))


@pytest.mark.parametrize("text, refusals", [
    ("He spent three weeks in a makeshift camp for refuseniks near Horlivka.", 0),
    ("Cases against refuseniks are not new in the region.", 0),
    ("The regiment said there were no refuseniks in its ranks.", 1),
])
def test_refuseniks_named_are_no_refusal_told_but_no_refuseniks_denies_one(text, refusals, places):
    assert len([c for c in claims(text, places) if c.type == "DeploymentRefusal"]) == refusals


@pytest.mark.parametrize("text", [
    "Border guards detained two deserters from Primorye at the Kazakh border.",
    "Police detained dozens of suspected deserters in raids on hostels.",
])
def test_deserters_named_as_who_was_detained_tell_no_desertion(text, places):
    found = claims(text, places)
    assert [c.type for c in found] == ["Detention"]


@pytest.mark.parametrize("text, mobilizations", [
    ("Of the 412 dead, 118 were mobilized reservists.", 0),
    ("Several of the missing men are mobilised soldiers from the Murmansk region.", 0),
    ("Some 300 men were mobilized in the district in October.", 1),
])
def test_men_who_are_mobilized_reservists_tell_no_call_up(text, mobilizations, places):
    assert len([c for c in claims(text, places) if c.type == "Mobilization"]) == mobilizations


def test_a_criminal_case_that_is_expected_is_no_prosecution_yet(places):
    found = claims("He is held at the garrison, and a criminal case for desertion is expected.", places)
    assert [c.type for c in found if c.type == "Prosecution"] == []


@pytest.mark.parametrize("text", [
    "In August the regiment was ordered south, to the Zaporizhzhia region.",
    "Last month he was sent with a newly formed brigade to the Kramatorsk direction.",
    "About 3,000 Russian troops arriving in Belarus for the exercise were seen unloading near Brest.",
])
def test_ordered_south_sent_with_a_brigade_and_troops_arriving_in_belarus_are_deployments(text, places):
    assert only(claims(text, places), "Deployment")


@pytest.mark.parametrize("text, count, certainty", [
    ("At least 30 fighters had been killed and 9 captured, the General Staff said.", Quantity(value=9), "Reported"),
    ("Two military policemen came to the barracks and took him away.", Quantity(value=1), "Asserted"),
    ("A reservist was taken from his flat in Tula by military police on Friday.", Quantity(value=1), "Asserted"),
    ("The men had been held at a guarded centre for foreigners for two days.", None, "Asserted"),
    ("Police filmed the women but did not detain anyone.", None, "Negated"),
])
def test_captured_after_killed_taken_away_taken_from_home_held_at_a_centre_and_not_detained(text, count, certainty,
                                                                                           places):
    detention = only(claims(text, places), "Detention")
    assert (detention.participants, detention.certainty) == (count, certainty)


def test_a_man_who_signed_at_an_enlistment_office_was_recruited(places):
    assert only(claims("He signed at the Kopeysk enlistment office on 11 June.", places), "Mobilization").participants \
        == Quantity(value=1)


@pytest.mark.parametrize("text, kind, count", [
    ("Commanders withdrew some 12,000 troops from the east bank this week.", "Return", Quantity(value=12000, approximate=True)),
    ("Ukrainian forces have taken 1,300 prisoners since the incursion began.", "Detention", Quantity(value=1300)),
    ("The decree ends the practice of calling up 160,000 conscripts a year.", "Mobilization", Quantity(value=160000)),
    ("Russia has since brought in 11,000 troops from the Far East.", "Deployment", Quantity(value=11000)),
])
def test_counts_written_with_a_thousands_comma_inside_a_trigger(text, kind, count, places):
    assert only(claims(text, places), kind).participants == count


@pytest.mark.parametrize("text, kind", [
    ("In March he was given five and a half years in a penal colony.", "Prosecution"),
    ("At least one marine who did not report for duty after his leave is being sought.", "Desertion"),
])
def test_given_years_in_a_colony_and_not_reporting_for_duty(text, kind, places):
    assert only(claims(text, places), kind)


def test_a_court_that_heard_dozens_of_such_cases_tried_at_least_24(places):
    found = claims("The Yekaterinburg garrison court has heard dozens of such cases this year.", places)
    assert only(found, "Prosecution").participants == Quantity(min=24)


def test_the_trigger_prefilter_finds_what_every_pattern_alone_finds(places):
    # the trigram prefilter must offer every pattern whose required words a sentence holds
    import kg.extract as module

    text = "Some 40 reservists refused to redeploy, deserted their unit and were later detained near Kursk."
    patterns, by_word = module._trigger_table()
    lower = text.lower()
    everything = sorted({i for word, indices in by_word.items() if word in lower for i in indices})
    assert [rx for _, rx in module._triggers(text)] == [module._pattern(i) for i in everything]


@pytest.mark.parametrize("text, kind", [
    ("First-time absentees can now return without facing criminal charges.", "Prosecution"),
    ("He walked home without being detained by anyone.", "Detention"),
])
def test_what_happens_without_facing_or_being_is_no_event(text, kind, places):
    assert [c.type for c in claims(text, places) if c.type == kind] == []


def test_a_verdict_quoted_as_a_source_is_no_prosecution(places):
    found = claims("In May, the verdict says, he was detained at a border crossing near Lida.", places)
    assert [c.type for c in found] == ["Detention"]


def test_what_a_court_found_is_the_story_it_heard_not_a_prosecution(places):
    found = claims("In April, the court found, the soldier had refused to go to positions near Chasiv Yar.", places)
    assert [c.type for c in found] == ["DeploymentRefusal"]


def test_a_right_to_leave_the_army_is_no_discharge(places):
    found = claims("Soldiers freed from captivity have the right to leave the army.", places)
    assert [c.type for c in found if c.type == "ContractTermination"] == []


def test_where_men_were_called_up_from_places_the_call_up_and_back_home_is_a_return(places):
    result = extract(Article(text="Their husbands were called up from Novosibirsk in September 2022.",
                             published=dt.date(2024, 1, 10)), places)
    call_up = only(result.claims, "Mobilization")
    assert [result.places[i].surface for i in call_up.places] == ["Novosibirsk"]
    result = extract(Article(text="Some of the wounded are now back home in Ufa and Sterlitamak.",
                             published=dt.date(2024, 1, 10)), places)
    back = only(result.claims, "Return")
    assert [result.places[i].surface for i in back.places] == ["Ufa", "Sterlitamak"]


@pytest.mark.parametrize("text", ["Officers detained 23 servicemen absent without leave in Kharkiv last week.",
                                  "Police detained 23 soldiers wanted for desertion."])
def test_the_men_counted_and_described_as_absent_are_the_deserters(text, places):
    found = claims(text, places)
    assert only(found, "Desertion").participants == Quantity(value=23)
    assert only(found, "Detention").participants == Quantity(value=23)


@pytest.mark.parametrize("text, kind", [
    ("The brigade moved to the Orikhiv direction in September.", "Deployment"),
    ("The 3rd Brigade said it had taken over a sector near Borova from another unit.", "Deployment"),
    ("Prosecutors said he had refused on 9 January to board a troop train for the Donetsk region.",
     "DeploymentRefusal"),
    ("He refused in January to go back.", "DeploymentRefusal"),
])
def test_a_unit_moving_or_taking_over_a_sector_and_a_refusal_with_its_time_inside(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


def test_a_ministry_moving_to_ban_something_is_no_deployment(places):
    assert claims("The ministry moved to ban the app.", places) == []


@pytest.mark.parametrize("text", ["The court fined a man for evading mobilisation after he twice ignored summonses.",
                                  "Men hiding from the call-up were fined."])
def test_summonses_ignored_or_a_call_up_evaded_call_no_one_up(text, places):
    assert "Mobilization" not in {c.type for c in claims(text, places)}
    assert "Mobilization" in {c.type for c in claims("He was handed a summons on Monday.", places)}


@pytest.mark.parametrize("text", ["Our verdict: Unproven.", "Verdict: false.",
                                  "Our verdict: a real death and a criminal case, wrapped in fabricated claims."])
def test_a_fact_checks_verdict_is_no_court_case(text, places):
    assert claims(text, places) == []
    assert "Prosecution" in {c.type for c in claims("The court's verdict was read on Monday.", places)}


@pytest.mark.parametrize("text, kind, size", [
    ("In November his battalion was sent to the Zaporizhzhia region.", "Deployment", 400),
    ("Their battalion was moved to the Avdiivka sector in October.", "Deployment", 400),
    ("In July the battalion was pulled back to the Volyn region.", "Return", 400),
    ("His company was sent to Lysychansk in June 2022.", "Deployment", 100),
])
def test_a_formation_told_of_before_moving_whole_has_its_nominal_strength(text, kind, size, places):
    assert only(claims(text, places), kind).participants == Quantity(value=size, approximate=True)


def test_a_formation_whose_men_are_counted_or_that_is_not_moved_gives_no_strength(places):
    found = claims("Twelve men of the battalion were sent to the Kursk region.", places)
    assert only(found, "Deployment").participants == Quantity(value=12)
    found = claims("The battalion lost 31 men at Krynky in the spring.", places)
    assert only(found, "Casualties").deaths == Quantity(value=31)


@pytest.mark.parametrize("text", [
    "According to the verdict, the regiment crossed into Ukraine at the end of February 2022.",
    "Several thousand paratroopers of the division crossed from Belarus into the Kyiv region.",
])
def test_a_formation_crossing_into_a_country_or_region_is_deployed(text, places):
    assert "Deployment" in {c.type for c in claims(text, places)}
    assert "Deployment" not in {c.type for c in claims("Two marines crossed into Georgia.", places)}


def test_a_time_opening_the_sentence_without_a_comma_holds_for_all_it_tells(places):
    found = claims("On 9 January a shell hit a dugout near Kreminna, killing four men and wounding two more.", places,
                   published="2023-11-24")
    ninth = Interval(dt.date(2023, 1, 9), dt.date(2023, 1, 9))
    assert only(found, "Casualties").interval == ninth
    assert only(found, "Injury").interval == ninth


@pytest.mark.parametrize("text, kind", [
    ("About fifteen relatives stood outside the garrison prosecutor's office in Perm for two hours holding signs.",
     "Protest"),
    ("About 50 people surrounded a recruitment-centre minibus in Ternopil on Sunday evening.", "Protest"),
    ("Police detained six wives who had unfurled a banner on the main square.", "Protest"),
    ("Military police kept them for eleven days in a barracks in Cheboksary.", "Detention"),
    ("In June they sent his whole company to the border near Sudzha.", "Deployment"),
    ("The court handed it down on 29 May, sentencing Denis K., 27, to six years for desertion.", "Prosecution"),
    ("He reported to a reserve battalion in Dnipro two days before Christmas.", "Reenlistment"),
    ("More than 1,200 men aged 18 to 24 have signed one-year contracts since February.", "Mobilization"),
    ("The trains were bringing units back from training grounds in the Brest region.", "Return"),
    ("Russian forces invaded Ukraine from Belarusian territory in February 2022.", "Deployment"),
])
def test_pickets_outside_an_office_a_minibus_surrounded_a_banner_and_a_barracks_as_a_cell(text, kind, places):
    assert kind in {c.type for c in claims(text, places)}


@pytest.mark.parametrize("text, kind, count", [
    ("One of them, the Shaimuratov battalion, was sent to the Zaporizhzhia region in August 2022.", "Deployment",
     Quantity(value=400, approximate=True)),
    ("Moved by rail from Baranovichi towards the Gomel region on Tuesday.", "Deployment", None),
    ("At least 1,200 servicemen left the training ground near Baranovichi at the weekend, travelling by rail towards "
     "the Gomel region.", "Deployment", Quantity(min=1200)),
])
def test_units_moving_by_rail_and_a_formation_named_as_one_of_them(text, kind, count, places):
    found = claims(text, places)
    assert only(found, kind).participants == count
    assert "Desertion" not in {c.type for c in found}


@pytest.mark.parametrize("text", [
    "The verdict runs to fourteen pages.",
    "Mediazona read the verdict on the court's website.",
    "Nine soldiers who were home on leave in Kanash refused to go back.",
])
def test_a_verdict_as_a_paper_and_men_who_were_home_on_leave_tell_no_court_case_or_homecoming(text, places):
    assert not {"Prosecution", "Return"} & {c.type for c in claims(text, places)}


def test_a_verdict_given_or_counted_is_a_court_case(places):
    found = claims("Courts in the region passed 1,146 verdicts for desertion.", places)
    assert "Prosecution" in {c.type for c in found}
    assert "Prosecution" in {c.type for c in claims("The court's verdict was read on Monday.", places)}


def test_a_place_after_another_preposition_is_not_where_they_came_from():
    result = extract(Article(text="About 40 women from Ufa rallied in Kazan on Saturday.",
                             published=dt.date(2024, 4, 2)), gazetteer.load())
    protest = only(result.claims, "Protest")
    assert [result.places[i].surface for i in protest.places] == ["Kazan"]


@pytest.mark.parametrize("text, where", [
    ("46 mothers of conscripts from Bashkortostan signed an appeal asking that their sons not be sent to the Kursk "
     "region.", ["Bashkortostan"]),
    ("Wives from Ulan-Ude recorded a video appeal asking for their husbands to be brought home from Kherson.",
     ["Ulan-Ude"]),
    ("About 40 women from Ufa rallied in Kazan on Saturday, demanding that their husbands be sent home.", ["Kazan"]),
])
def test_a_protest_is_placed_where_it_is_held_else_where_the_relatives_are_from(text, where):
    result = extract(Article(text=text, published=dt.date(2024, 4, 2)), gazetteer.load())
    protest = only(result.claims, "Protest")
    assert [result.places[i].surface for i in protest.places] == where


def test_women_counted_inside_the_trigger_are_the_ones_who_signed(places):
    found = claims("Between January and May, 214 women signed contracts with the Armed Forces.", places)
    assert only(found, "Mobilization").participants == Quantity(value=214)
    found = claims("About 40 women gathered outside the enlistment office as men were called up.", places)
    assert only(found, "Mobilization").participants is None


@pytest.mark.parametrize("text, deserted", [
    ("Investigators have opened more than 300 criminal cases against soldiers who had abandoned their units.", False),
    ("The bureau opened criminal cases against nearly 500 servicemen who had left their units without permission.",
     False),
    ("The bureau opened criminal cases against 87 soldiers of the 14th Brigade who left their positions near Kupiansk.",
     True),
    ("A court has opened cases against seven soldiers who refused to go with the battalion.", None),
])
def test_the_offence_a_figure_counts_is_no_happening_but_one_units_men_are(text, deserted, places):
    types = {c.type for c in claims(text, places)}
    assert "Prosecution" in types
    if deserted is not None:
        assert ("Desertion" in types) is deserted
    else:
        assert "DeploymentRefusal" in types


@pytest.mark.parametrize("text", [
    "The border guard service said no new Belarusian units had appeared on the border.",
    "The ministry said that no additional troops had been deployed to the southern border.",
    "The border guard service said it had seen no increase in Belarusian forces near the border.",
    "The border guard service said it had not seen any Belarusian troops moving towards the border.",
])
def test_no_new_units_seen_at_the_border_denies_a_deployment(text, places):
    assert only(claims(text, places), "Deployment").certainty == "Negated"


@pytest.mark.parametrize("text, deserted", [
    ("According to the court, in February he walked out of his brigade's training centre in Yavoriv.", True),
    ("In September, while being taken to a hospital in Orenburg for an examination, he ran away.", True),
    ("About 50 of its soldiers reportedly walked away during a training course in Poland last autumn.", True),
    ("They ran away from certain death, said the sister.", False),
])
def test_walking_out_of_a_training_centre_and_running_away_are_desertions(text, deserted, places):
    assert ("Desertion" in {c.type for c in claims(text, places)}) is deserted


@pytest.mark.parametrize("text, wounded", [
    ("Nearly 400 wounded soldiers were evacuated from Kharkiv oblast to hospitals in Belgorod.", True),
    ("Twelve wounded men from the battalion are being treated at the hospital in Cheboksary.", True),
    ("About 60 wounded soldiers and their wives picketed the commission in Dnipro on Monday.", False),
    ("At least 40 wounded men were discharged last week and sent to the front line.", False),
])
def test_wounded_men_counted_are_an_injury_where_they_are_cared_for(text, wounded, places):
    assert ("Injury" in {c.type for c in claims(text, places)}) is wounded


@pytest.mark.parametrize("text", [
    "A fifth client withdrew his report and signed a new one-year contract after an investigator threatened him.",
    "In April 2023, when his contract was due to expire, his commanders made him sign a new one.",
])
def test_one_man_signing_again_a_new_one_or_as_a_fifth_client(text, places):
    assert only(claims(text, places), "Reenlistment").participants == Quantity(value=1)


def test_what_the_families_also_did_is_not_the_rally_told_before(places):
    found = claims("About 80 relatives of missing soldiers rallied in Rivne on 3 May. Since the spring the families "
                   "have also sent dozens of written appeals to the Red Cross, the organisers said.", places,
                   published="2024-05-20")
    assert sorted((c.interval.earliest, c.interval.latest) for c in found if c.type == "Protest") == [
        (dt.date(2024, 3, 1), dt.date(2024, 5, 20)), (dt.date(2024, 5, 3), dt.date(2024, 5, 3))]


def test_what_happens_at_home_unplaced_happened_in_the_town_the_article_is_about(places):
    text = ("Uman is a quiet town of some 80,000 people. Its market is busy again and its schools are open.\n\n"
            "Life in Uman has changed since the winter. Many families have sons at the front. Few talk about it. "
            "Fewer still talk to strangers. The recruitment centre sits on a side street.\n\n"
            "On Saturday about 70 relatives gathered outside the centre, demanding to see the men. "
            "One of them said her son had been wounded twice.")
    x = extract(Article(text, url="https://example.org/t", published=dt.date(2024, 5, 20)), places)
    assert [x.places[i].surface for i in next(c for c in x.claims if c.type == "Protest").places] == ["Uman"]
    assert next(c for c in x.claims if c.type == "Injury").places == ()  # a wound is no thing of home
    # two towns named as often: no town the article is about
    x = extract(Article(text.replace("Life in Uman", "Life in Vinnytsia"), url="https://example.org/t",
                        published=dt.date(2024, 5, 20)), places)
    assert next(c for c in x.claims if c.type == "Protest").places == ()


def test_what_happens_at_home_unplaced_in_an_article_about_one_country_happened_there(places):
    text = ("Courts in Russia are busier than ever with soldiers' cases, lawyers in Omsk, Perm and Tver say.\n\n"
            "Garrison courts handed down more than 2,000 sentences for going absent without leave in the quarter, "
            "a count of published verdicts shows.")
    x = extract(Article(text, url="https://example.org/t", published=dt.date(2024, 5, 20)), places)
    sentences = next(c for c in x.claims if c.type == "Prosecution")
    assert [x.places[i].candidates for i in sentences.places] == [("RU",)]
    # an article about two countries is about neither
    x = extract(Article(text.replace("Perm and Tver", "Lviv and Kharkiv"), url="https://example.org/t",
                        published=dt.date(2024, 5, 20)), places)
    assert next(c for c in x.claims if c.type == "Prosecution").places == ()


def test_the_state_at_whose_request_someone_was_detained_is_not_where(places):
    x = extract(Article("Two soldiers who had fled to Georgia were detained there on 9 May at Moscow's request.",
                        url="https://example.org/t", published=dt.date(2024, 5, 20)), places)
    detention = next(c for c in x.claims if c.type == "Detention")
    assert [x.places[i].surface for i in detention.places] == ["Georgia"]
    x = extract(Article("He was detained by police in Almaty on a Russian warrant.", url="https://example.org/t",
                        published=dt.date(2024, 5, 20)), places)
    assert next(c for c in x.claims if c.type == "Detention").places == ()


def test_a_count_after_a_comma_is_no_object_of_the_trigger_before_it(places):
    found = claims("After his arrest, eleven men from his company recorded a video appeal to the governor.", places)
    protest = next(c for c in found if c.type == "Protest")
    assert protest.participants is not None and protest.participants.value == 11


def test_a_sentence_about_one_person_tells_each_of_its_events_of_that_person(places):
    found = claims("A court in Omsk jailed a contract soldier for three years for refusing to return to his unit "
                   "after being treated for concussion.", places)
    assert next(c for c in found if c.type == "Injury").participants == Quantity(value=1)
    # what his regiment did, or a sentence that names more people, is not his alone
    found = claims("He said he was wounded in May, and his regiment was moved to the Belgorod region in June.", places)
    assert next(c for c in found if c.type == "Deployment").participants is None
    found = claims("A court jailed a contract soldier whose comrades were treated for concussion.", places)
    assert next(c for c in found if c.type == "Injury").participants is None


def test_a_wound_to_his_back_is_one_mans(places):
    found = claims("A grenade fell into his dugout in May; he was taken out with burns to his back and legs and spent "
                   "a month in hospital.", places)
    assert next(c for c in found if c.type == "Injury").participants == Quantity(value=1)


@pytest.mark.parametrize("text, kind, expected", [
    ("He stayed at a friend's dacha near Tambov until police came for him in March.", "Detention", Quantity(value=1)),
    ("His mother said her son had since been taken to a military hospital with burns.", "Injury", Quantity(value=1)),
    # each of many, or a unit: no one person
    ('The ledger records for each soldier the day he was "held in the cellar".', "Detention", None),
    ("He said the brigade had been moved to the Kherson region in May.", "Deployment", None),
    ('The governor said he had "looked into it" and that nobody had refused.', "DeploymentRefusal", None),
])
def test_a_sentence_that_names_only_one_person_tells_of_him(text, kind, expected, places):
    found = claims(text, places, published="2024-05-20")
    assert next(c for c in found if c.type == kind).participants == expected


def test_them_inside_the_trigger_are_the_group_counted_before(places):
    found = claims("Three recruits ran away from a training ground near Pskov in May. Military police found them in a "
                   "forest two days later.", places, published="2024-06-20")
    assert next(c for c in found if c.type == "Detention").participants == Quantity(value=3)


@pytest.mark.parametrize("text, expected", [
    ("A month later Sergeant Orlov and his company were sent to the Zaporizhzhia region.", 100),
    ('"The battalion was sent to the Kherson region in March," the brigade said.', 400),
])
def test_a_formation_told_with_its_commander_or_in_a_quotation_counts_its_strength(text, expected, places):
    found = claims(text, places)
    assert next(c for c in found if c.type == "Deployment").participants.value == expected


def test_a_formation_that_is_the_subject_of_its_relative_clause_counts_its_strength(places):
    found = claims("The volunteers were put into one assault battalion, which spent a month at a range near Chebarkul "
                   "and was then sent to the Zaporizhzhia region.", places)
    assert next(c for c in found if c.type == "Deployment").participants.value == 400


def test_soldiers_arriving_in_the_town_their_unit_is_based_in_came_home(places):
    found = claims("About 40 soldiers of the 200th Separate Motor Rifle Brigade, which is based in Pechenga, have "
                   "asked to end their contracts. The men arrived in Pechenga in May.", places)
    assert "Return" in {c.type for c in found} and "Deployment" not in {c.type for c in found}
    found = claims("About 40 soldiers of the 200th Separate Motor Rifle Brigade, which is based in Pechenga, have "
                   "asked to end their contracts. The men arrived in Svatove in May.", places)
    assert "Deployment" in {c.type for c in found}


def test_the_nationality_of_the_wounded_is_not_where_they_were_wounded(places):
    x = extract(Article("A missile hit a column of trucks near Svatove on Monday. The General Staff said the strike "
                        "killed 20 Russian servicemen and wounded about 50.", url="https://example.org/n",
                        published=dt.date(2024, 6, 5)), places)
    injury = next(c for c in x.claims if c.type == "Injury")
    assert ("gn:692118",) in [x.places[i].candidates for i in injury.places]


def test_a_relative_clause_is_told_of_the_counted_noun_it_follows(places):
    found = claims("Of the 80 reservists from villages in the Kurgan region who were sent to Kreminna in May, only "
                   "12 are still alive.", places)
    assert counts(only(found, "Deployment")) == (80, None, None)


def test_an_exchange_in_which_each_country_brought_men_home_is_a_return_to_each(places):
    x = extract(Article("Russia and Ukraine each brought home 75 prisoners of war on Friday.", url="https://example.org/x",
                        published=dt.date(2024, 6, 5)), places)
    returns = [c for c in x.claims if c.type == "Return"]
    assert sorted(x.places[c.places[0]].candidates for c in returns) == [("RU",), ("UA",)]
    assert all(counts(c) == (75, None, None) for c in returns)


def test_where_a_training_ground_lies_is_where_a_blow_on_it_struck(places):
    x = extract(Article("A missile struck a training ground in the Zaporizhzhia region on Monday. At least eight "
                        "soldiers were killed.", url="https://example.org/t", published=dt.date(2024, 6, 5)), places)
    death = next(c for c in x.claims if c.type == "Casualties")
    assert [x.places[i].candidates for i in death.places] == [("UA-23",)]
    assert death.interval == Interval(dt.date(2024, 6, 3), dt.date(2024, 6, 3))


@pytest.mark.parametrize("text, place", [
    ("A Moscow court on Thursday sentenced a contract soldier to five years.", "gn:524901"),
    ("The Hrodna regional court sentenced a reservist to two years.", "gn:627904"),
])
def test_a_court_named_by_its_town_tries_there(text, place, places):
    x = extract(Article(text, url="https://example.org/c", published=dt.date(2024, 6, 5)), places)
    trial = next(c for c in x.claims if c.type == "Prosecution")
    assert any(place in x.places[i].candidates for i in trial.places)


def test_he_after_an_attribution_is_one_man_for_his_coordinated_verbs(places):
    found = claims("According to the verdict, he had served with the brigade since 2022 and was wounded near Bakhmut "
                   "in May.", places)
    assert counts(only(found, "Injury")) == (1, None, None)


def test_men_home_on_leave_who_do_something_else_are_no_return(places):
    found = claims("In Surgut, 40 servicemen home on leave signed new contracts in September.", places)
    assert {c.type for c in found} == {"Reenlistment"}


def test_two_events_of_one_class_in_clauses_of_their_own_are_two(places):
    found = claims("In April a drone hit a field camp in the Kherson region, killing seven marines, and in August "
                   "12 paratroopers died in a strike near Bakhmut.", places, published="2024-10-02")
    deaths = sorted((c for c in found if c.type == "Casualties"), key=counts)
    assert [counts(c) for c in deaths] == [(7, None, None), (12, None, None)]
    assert [c.interval.earliest.month for c in deaths] == [4, 8]
    x = extract(Article("On Sunday about 30 women laid flowers at a memorial in Omsk, and a smaller group gathered in "
                        "Tomsk.", url="https://example.org/p", published=dt.date(2024, 10, 2)), places)
    rallies = [c for c in x.claims if c.type == "Protest"]
    assert sorted(x.places[c.places[0]].surface for c in rallies) == ["Omsk", "Tomsk"]
    assert sorted(counts(c) or () for c in rallies) == [(), (30, None, None)]


@pytest.mark.parametrize("text, kind", [
    ("A reservist walked away from his unit near Belgorod in May; the ministry denied that he had deserted.",
     "Desertion"),
    ("He was killed on 3 June near Avdiivka, and his family buried him in Kurgan on Friday.", "Casualties"),
    ("The president announced a mobilisation, and about 5,000 reservists were called up within weeks.",
     "Mobilization"),
    ("Nineteen soldiers of the brigade died in the assault, and eleven of them were buried in Chita.", "Casualties"),
])
def test_a_second_clause_telling_the_same_event_again_adds_none(text, kind, places):
    assert len([c for c in claims(text, places, published="2024-10-02") if c.type == kind]) == 1


@pytest.mark.parametrize("text, kind", [
    ("After their leave, the six reservists were flown back to Donetsk on Monday.", "Deployment"),
    ("Thirty wounded marines were flown home from the Donetsk region on Monday.", "Return"),
    ("Nine of the conscripts were sent back to their barracks in Kirovsk, in the Leningrad region.", "Return"),
])
def test_flown_or_sent_back_to_a_town_of_the_war_is_a_deployment(text, kind, places):
    assert {c.type for c in claims(text, places) if c.type in ("Return", "Deployment")} == {kind}


def test_the_ward_the_wounded_are_in_is_not_where_they_were_wounded(places):
    x = extract(Article("Two marines were wounded near Sudzha on 3 May and are now in a military hospital in Kursk.",
                        url="https://example.org/w", published=dt.date(2024, 6, 5)), places)
    assert [x.places[i].surface for i in only(x.claims, "Injury").places] == ["Sudzha"]
    x = extract(Article("Dozens of soldiers are being treated in military hospitals in Rostov-on-Don.",
                        url="https://example.org/w", published=dt.date(2024, 6, 5)), places)
    assert [x.places[i].surface for i in only(x.claims, "Injury").places] == ["Rostov-on-Don"]


def test_wounded_soldiers_a_hospital_received_are_the_wounded_counted(places):
    found = claims("Hospitals in Kharkiv received about 300 wounded soldiers in May, doctors said.", places)
    assert counts(only(found, "Injury")) == (300, None, None)


def test_the_men_a_relative_clause_tells_of_after_their_unit_are_counted(places):
    found = claims("A court in Omsk jailed three soldiers of the 74th Separate Motor Rifle Brigade who had gone "
                   "AWOL in May.", places)
    assert counts(only(found, "Desertion")) == (3, None, None)


@pytest.mark.parametrize("second", ["About 150 people took part, the organisers said.",
                                    "Some 150 women turned up."])
def test_how_many_took_part_is_the_count_of_the_protest_just_told(second, places):
    found = claims("Relatives of missing soldiers rallied outside the city hall in Poltava on Sunday. " + second,
                   places)
    assert counts(only(found, "Protest")) == (150, None, None)


@pytest.mark.parametrize("text, kinds", [
    ("Most of the men were mobilized in October 2022 and have not been home since.", {"Mobilization"}),
    ("Her husband has not been home for eleven months.", set()),
    ("He has been home only once, for ten days in May.", {"Return"}),
])
def test_not_having_been_home_since_is_no_return(text, kinds, places):
    assert {c.type for c in claims(text, places)} == kinds


@pytest.mark.parametrize("text", [
    "The wives demanded that the brigade be rotated out of the Kharkiv region.",
    "Not all homecomings have been happy ones.",
    "In May he signed a second contract instead of coming home.",
])
def test_a_homecoming_asked_for_spoken_of_or_forgone_is_no_return(text, places):
    assert "Return" not in {c.type for c in claims(text, places)}



def test_a_death_told_with_its_funeral_takes_the_time_of_the_death(places):
    x = extract(Article("On Saturday, Lozova buried Sergeant Ivan Marchuk, a gunner killed near Bakhmut on 3 May.",
                        url="https://example.org/f", published=dt.date(2024, 5, 20)), places)
    death = only(x.claims, "Casualties")
    assert death.interval == Interval(dt.date(2024, 5, 3), dt.date(2024, 5, 3))
    assert "Bakhmut" in [x.places[i].surface for i in death.places]


@pytest.mark.parametrize("second, value", [
    ("The men were then held in a basement for a week.", 30),
    ("They were later locked in a hangar at the base.", 30),
    ("Military police then detained two of them.", 2),
])
def test_the_group_told_of_then_keeps_the_count_the_sentence_before_gave(second, value, places):
    found = claims("A platoon of the brigade refused to advance near Kupiansk on Monday. " + second, places)
    assert counts(only(found, "Detention")) == (value, None, None)


def test_a_figure_compared_with_is_an_event_of_its_own_at_its_own_time(places):
    found = claims("Garrison courts convicted 812 servicemen of going AWOL in May, up from 640 in April, the court "
                   "department said. That is up from 510 in March.", places, published="2024-06-20")
    trials = sorted((c for c in found if c.type == "Prosecution"), key=lambda c: c.interval.earliest)
    assert [(counts(c), c.interval.earliest.month) for c in trials] == [
        ((510, None, None), 3), ((640, None, None), 4), ((812, None, None), 5)]


def test_a_figure_compared_with_a_year_earlier_is_the_same_time_the_year_before(places):
    found = claims("In March 2024, 420 sailors of the fleet extended their contracts, against 380 a year earlier.",
                   places, published="2024-06-20")
    renewals = sorted((c for c in found if c.type == "Reenlistment"), key=lambda c: c.interval.earliest)
    assert [(counts(c), c.interval) for c in renewals] == [
        ((380, None, None), Interval(dt.date(2023, 3, 1), dt.date(2023, 3, 31))),
        ((420, None, None), Interval(dt.date(2024, 3, 1), dt.date(2024, 3, 31)))]


def test_a_clause_told_of_the_whole_counts_the_whole_not_the_part(places):
    found = claims("Nine of the 31 marines from Mykolaiv who have been freed from captivity this year have left the "
                   "army.", places, published="2024-10-02")
    assert counts(only(found, "Return")) == (31, None, None)
    assert counts(only(found, "ContractTermination")) == (9, None, None)


@pytest.mark.parametrize("text, kind, value", [
    ("About 200 of the roughly 900 Ukrainians freed from captivity this year have gone back into the army.", "Return",
     900),
    ("Two of the five were detained at the airport in Magadan on Monday.", "Detention", 2),
])
def test_a_participle_told_of_the_whole_counts_the_whole_but_a_main_verb_the_part(text, kind, value, places):
    assert counts(only(claims(text, places, published="2024-10-02"), kind))[0] == value

