import pytest

from kg.quantities import Quantity, count_after, find_counts, parse_number


@pytest.mark.parametrize("text,number", [("300", 300), ("1,200", 1200), ("three hundred", 300),
                                         ("twenty-five", 25), ("a hundred", 100), ("two thousand five hundred", 2500)])
def test_parse_number(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text,expected", [
    ("300 soldiers refused", Quantity(value=300)),
    ("at least 300 soldiers", Quantity(min=300)),
    ("more than 40 servicemen", Quantity(min=41)),
    ("in excess of 200 troops", Quantity(min=201)),
    ("up to 150 men", Quantity(max=150)),
    ("nearly 100 conscripts", Quantity(max=99, approximate=True)),
    ("around 150 soldiers", Quantity(value=150, approximate=True)),
    ("some 60 reservists", Quantity(value=60, approximate=True)),
    ("between 100 and 150 soldiers", Quantity(min=100, max=150)),
    ("hundreds of mobilized men", Quantity(min=200)),
    ("dozens of conscripts", Quantity(min=24)),
    ("a platoon of paratroopers", Quantity(value=30, approximate=True)),
    ("three hundred Buryat soldiers", Quantity(value=300)),
])
def test_counts_of_people(text, expected):
    [found] = find_counts(text)
    assert found.quantity == expected


def test_counts_of_other_things_are_not_people():
    assert find_counts("absent for more than 10 days") == []
    assert find_counts("in 2022 the war") == []


def test_count_after_a_noun():
    assert count_after(" in excess of 200 in each region") == Quantity(min=201)


@pytest.mark.parametrize("text,expected", [
    ("Forty-six of the accused serve in the brigade", Quantity(value=46)),
    ("twenty-five soldiers deserted", Quantity(value=25)),
    ("20-30 soldiers", Quantity(min=20, max=30)),
    ("twenty to thirty men", Quantity(min=20, max=30)),
    ("About 40 of them signed contracts", Quantity(value=40, approximate=True)),
    ("seventeen more deserted", Quantity(value=17)),
    ("the eleven had been held", Quantity(value=11)),
])
def test_counts_in_more_forms(text, expected):
    [found] = find_counts(text)
    assert found.quantity == expected


def test_a_date_before_a_count_is_not_part_of_it():
    [found] = find_counts("a court on 14 February sentenced five soldiers")
    assert found.quantity == Quantity(value=5)


@pytest.mark.parametrize("text", [
    "A court on March 12, 2023 sentenced a contract soldier to two years.",
    "The brigade was formed in the spring of 2024 from mobilized men.",
    "By 2022 many reservists had left.",
])
def test_a_year_is_not_a_count(text):
    assert all(c.quantity.value not in (2022, 2023, 2024) for c in find_counts(text))


def test_a_four_digit_count_right_before_its_noun_still_counts():
    [found] = find_counts("About 2000 troops crossed the border.")
    assert found.quantity == Quantity(value=2000, approximate=True)


@pytest.mark.parametrize("text,start", [
    ("A court sentenced a contract soldier to two years.", "a contract soldier"),
    ("Police detained a 34-year-old reservist at the station.", "a 34-year-old reservist"),
    ("One conscript was killed and three were wounded.", "One conscript"),
])
def test_one_person_is_a_count_of_one(text, start):
    found = find_counts(text)
    assert found[0].quantity == Quantity(value=1)
    assert text[found[0].start:found[0].end] == start


@pytest.mark.parametrize("text", [
    "A soldier's wife told reporters about the shelling.",
    "Hundreds joined a volunteer unit last year.",
    "One of the officers refused.",
])
def test_a_person_noun_that_qualifies_another_is_no_count(text):
    assert all(c.quantity != Quantity(value=1) for c in find_counts(text))


def test_at_least_one_person_is_a_lower_bound():
    [found] = find_counts("At least one marine who missed his train now faces a case.")
    assert found.quantity == Quantity(min=1)


def test_a_number_alone_as_a_clause_subject_after_a_comma_counts():
    found = find_counts("Of some 900 soldiers who left in May, fewer than 500 came back.")
    assert found[-1].quantity == Quantity(max=499)


@pytest.mark.parametrize("text, expected", [
    ("A sixth, a 41-year-old from Kazan, died of his wounds.", [Quantity(value=1)]),
    ("A court sentenced Private Anton Sokolov, 24, to three years.", [Quantity(value=1)]),
    ("The court sentenced the 34-year-old to five years.", [Quantity(value=1)]),
    ("The shelling killed two border guards and wounded a third.", [Quantity(value=2), Quantity(value=1)]),
    ("Another 15 signed new contracts.", [Quantity(value=15)]),
    ("Police detained the five on a bus.", [Quantity(value=5)]),
    ("The strike killed five of them, wounding 14.", [Quantity(value=5), Quantity(value=14)]),
    ("Both were charged with disobeying orders.", [Quantity(value=2)]),
    ("The 27-year-old was killed near Avdiivka.", [Quantity(value=1)]),
    ("Some 80 members of a Storm-Z detachment refused.", [Quantity(value=80, approximate=True)]),
    ("A company commander was discharged.", [Quantity(value=1)]),
    ("In the same month all eleven refused to go.", [Quantity(value=11)]),
    ("Military police arrested him there in November.", [Quantity(value=1)]),
    ("Sardana's son Aital, 22, was mobilized in Yakutsk.", [Quantity(value=1)]),
    ("The shelling killed nine servicemen and wounded 17, the brigade said.", [Quantity(value=9), Quantity(value=17)]),
    ("The men, about 90 in all, were sent to the front.", [Quantity(value=90, approximate=True)]),
    ("A further 45 in the region were charged.", [Quantity(value=45)]),
    ("Igor Sheremetev, a 52-year-old fitter from Tolyatti, was mobilized.", [Quantity(value=1)]),
    ("47-year-old Alexei Rudakov from Kansk signed a new contract.", [Quantity(value=1)]),
    ("A criminal case has been opened against him.", [Quantity(value=1)]),
])
def test_people_counted_by_age_rank_order_and_reference(text, expected):
    assert [c.quantity for c in find_counts(text)] == expected


@pytest.mark.parametrize("text", [
    "A third of the men were wounded.",  # a fraction, not one more person
    "Another 200 tanks were destroyed.",
    "Both sides claimed a victory.",
    "a major offensive began in June",
])
def test_fractions_things_and_adjectives_are_not_people(text):
    assert find_counts(text) == []


def test_a_part_of_a_counted_whole_is_the_part():
    found = find_counts("Twelve of the 40 marines signed new contracts, and three of the eleven were wounded.")
    assert [c.quantity for c in found] == [Quantity(value=12), Quantity(value=3)]
    found = find_counts("About 200 of the roughly 900 conscripts came home.")
    assert [c.quantity for c in found] == [Quantity(value=200, approximate=True)]


@pytest.mark.parametrize("text, count", [
    ("Since May the depot has lost 28 of its 140 workers to the army.", Quantity(value=28)),
    ("The firm lost 19 of our 75 drivers.", Quantity(value=19)),
    ("Police detained 52 of 60 picketers.", Quantity(value=52)),
    # "one of about 40 sappers injured": the forty, of whom he is one
    ("Her son, one of about 40 sappers injured in the blast, lost a leg.", Quantity(value=40, approximate=True)),
])
def test_a_part_of_a_whole_with_our_or_no_determiner_is_the_part(text, count):
    assert [c.quantity for c in find_counts(text)][:1] == [count]


@pytest.mark.parametrize("text, count", [
    ("Eleven were taken to a guardhouse in Kursk the same day.", Quantity(value=11)),
    ("About 40 have since returned to service.", Quantity(value=40, approximate=True)),
    ("The first picket drew a crowd, but only nine came to the second.", Quantity(value=9)),
    ("A group of 64 returned to Nalchik on Friday.", Quantity(value=64)),
    ("At least 20 of the refuseniks were moved.", Quantity(min=20)),
])
def test_a_number_alone_as_the_subject_counts_people(text, count):
    assert [c.quantity for c in find_counts(text)] == [count]


def test_a_year_or_a_span_at_the_start_is_no_count():
    assert find_counts("2023 was the worst year for the regiment.") == []
    assert find_counts("Two days later the men left.") == []


@pytest.mark.parametrize("text, value", [
    ("In July, a tank company was withdrawn from the border.", 100),
    ("Belarus moved a battalion of its special operations forces to the Gomel region.", 400),
    ("A motorised rifle battalion left its base on Tuesday.", 400),
    ("He says his whole platoon flatly refused to go.", 30),
])
def test_a_formation_with_modifiers_counts_its_nominal_strength(text, value):
    assert [c.quantity for c in find_counts(text)] == [Quantity(value=value, approximate=True)]


@pytest.mark.parametrize("text", [
    "At least 26 volunteers of the Shaymuratov battalion have been killed.",
    "Some 120 servicemen of a motor rifle battalion refused to return.",
    "The battalion commander was detained.",
    "Belarus moved units of its 5th Brigade and an artillery battalion to the Gomel region.",
    "The refinery company said the men had been taken away.",
])
def test_a_formation_named_possessed_or_coordinated_is_no_count_of_its_own(text):
    assert all(c.quantity.approximate is False or c.quantity.value not in (30, 100, 400) for c in find_counts(text))


@pytest.mark.parametrize("text, value", [
    ("Eighteen of ours were killed that day.", 18),
    ("Prosecutors opened cases against 14 of the soldiers.", 14),
    ("A bomb killed four soldiers and wounded nine others in Orikhiv.", 9),
])
def test_a_part_of_a_group_and_more_people_as_an_object_are_counts(text, value):
    assert Quantity(value=value) in [c.quantity for c in find_counts(text)]


@pytest.mark.parametrize("text, value", [
    ("Two days later two battalions were moved to Hrodna region.", 800),
    ("The regiment's first battalion came back to Kyiv over the weekend.", 400),
    ("One of the battalions of the 92nd Assault Brigade returned to Kharkiv.", 400),
])
def test_several_formations_or_one_singled_out_count_their_nominal_strength(text, value):
    assert [c.quantity for c in find_counts(text)] == [Quantity(value=value, approximate=True)]


@pytest.mark.parametrize("text, value", [
    ("A mother wrote that her son and four other men from his platoon had walked away from their positions.", 5),
    ("On Tuesday he and two friends walked out of the camp.", 3),
    ("Four other men walked out of the camp.", 4),
])
def test_one_person_and_a_number_of_others(text, value):
    assert [c.quantity.value for c in find_counts(text)] == [value]


@pytest.mark.parametrize("text, value", [
    ("About two dozen women stood on Lenin Square.", 24),
    ("Three dozen soldiers signed the letter.", 36),
    ("Russia and about 300 soldiers.", 300),
])
def test_dozens_as_numbers_and_no_one_more_after_a_country(text, value):
    assert [c.quantity.value for c in find_counts(text)] == [value]


def test_one_together_with_others():
    assert [c.quantity.value for c in find_counts("He was called up together with 60 other men from the district.")] \
        == [61]


def test_people_of_a_battalion_count_the_people_not_the_battalion():
    found = find_counts("About three hundred fighters of a battalion of the 47th Brigade came home on Friday.")
    assert [c.quantity for c in found] == [Quantity(value=300, approximate=True)]
    assert [c.quantity for c in find_counts("The men were part of a platoon that refused.")] == \
        [Quantity(value=30, approximate=True)]


def test_people_counted_by_their_age():
    found = find_counts("Police detained two 18-year-olds on Tuesday after they failed to appear.")
    assert [c.quantity for c in found] == [Quantity(value=2)]


@pytest.mark.parametrize("text, expected", [
    ("Four were killed and dozens more were wounded.", Quantity(min=24)),
    ("Hundreds more fled across the border.", Quantity(min=200)),
])
def test_a_vague_number_more_is_a_count(text, expected):
    assert find_counts(text)[-1].quantity == expected


@pytest.mark.parametrize("text", [
    "Investigators opened a case for desertion against the sergeant on Friday.",
    "The bureau opened a case against the company commander who had ordered the march.",
])
def test_one_person_named_by_a_definite_noun_or_office_as_the_object_is_one(text):
    assert [c.quantity for c in find_counts(text)] == [Quantity(value=1)]


@pytest.mark.parametrize("text, expected", [
    ("Police detained him at the station.", [Quantity(value=1)]),
    ("The bureau opened a case against the commander who ordered it.", [Quantity(value=1)]),
    ("Then the rain came.", []),
])
def test_one_person_as_the_object_of_a_verb_is_found_with_the_guarded_forms(text, expected):
    assert [c.quantity for c in find_counts(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("between 30 and 50.", Quantity(min=30, max=50)),
    ("forty to fifty, police said", Quantity(min=40, max=50)),
    ("about 2,000, organisers said", Quantity(value=2000, approximate=True)),
])
def test_a_count_or_a_range_at_the_start_of_a_text(text, expected):
    from kg.quantities import count_or_range_after

    assert count_or_range_after(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("wounded more than a dozen", Quantity(min=13)),
    ("nearly a dozen men were hurt", Quantity(max=11, approximate=True)),
    ("up to a company of marines", Quantity(max=100)),
    ("One was killed near Kreminna that December.", Quantity(value=1)),
    ("The other was reportedly sentenced to five years.", Quantity(value=1)),
    ("In October, Denis and two other drivers refused an order.", Quantity(value=3)),
    ("Police detained the youngest, 23-year-old Artyom, at the bus station.", Quantity(value=1)),
    ("The eleven then refused, he continues.", Quantity(value=11)),
    ("The youngest of the freed men, aged 19, was captured last winter.", Quantity(value=1)),
    ("Russia and two other countries sent 300 soldiers.", Quantity(value=300)),
])
def test_a_qualified_collective_and_one_of_those_told_of(text, expected):
    assert [m.quantity for m in find_counts(text)] == [expected]


def test_one_of_them_and_the_one_hand_are_not_counted_here():
    assert find_counts("on the one hand he was wounded") == []


def test_a_bare_number_wounded_after_the_killed_is_people():
    counts = find_counts("The strike killed up to 60 Russian servicemen and wounded about 40.")
    assert [c.quantity for c in counts] == [Quantity(max=60), Quantity(value=40, approximate=True)]


@pytest.mark.parametrize("text, value", [
    ("Three more, injured by a shell near Toretsk, are being treated in Dnipro.", 3),
    ("Four others, reported missing in March, turned out to be prisoners.", 4),
])
def test_more_or_others_with_a_participle_set_off_by_commas_are_people(text, value):
    assert [c.quantity.value for c in find_counts(text)] == [value]


@pytest.mark.parametrize("text", ["The convoy, with about a dozen armoured vehicles, crossed at dawn.",
                                  "Hundreds of trucks were seen near Mozyr.", "Dozens of drones hit the base."])
def test_things_counted_by_a_collective_are_no_people(text):
    assert find_counts(text) == []


@pytest.mark.parametrize("text, value", [
    ("The men, two sergeants and a private, were killed in May.", 3),
    ("Police detained three men and two women outside the office.", 5),
    ("The trio were handed over to the military police.", 3),
])
def test_people_counted_together_in_one_phrase(text, value):
    assert [c.quantity.value for c in find_counts(text)] == [value]


def test_a_figure_in_single_quotes_is_read_as_a_count():
    from kg.counting import event_counts

    [count] = event_counts("The governor said 'more than 500' new volunteers had left for the front.")
    assert count.quantity == Quantity(min=501)
    assert [c.quantity.value for c in event_counts("The soldiers' wives said 40 men's contracts ran out.")] == [40]


def test_both_and_a_plural_noun_count_two_unless_they_retell_a_count():
    assert [c.quantity.value for c in find_counts("Both suspects, aged 25 and 31, were detained.")] == [2]
    retold = find_counts("The court sentenced two brothers, both sergeants, to three years.")
    assert [c.quantity.value for c in retold] == [2]


def test_a_collective_in_the_possessive_counts_no_one():
    assert find_counts("The trio's lawyer said they would appeal.") == []


def test_a_vague_number_alone_after_and_counts_the_wounded():
    found = find_counts("At least 17 sailors were killed and dozens wounded in the strike.")
    assert [c.quantity for c in found] == [Quantity(min=17), Quantity(min=24)]


def test_two_of_its_battalions_are_twice_a_battalions_strength():
    [count] = find_counts("In August, two of its battalions were sent north to the Kursk region.")
    assert count.quantity == Quantity(value=800, approximate=True)


@pytest.mark.parametrize("text", ["About 300 of the men went home, while 120 signed new contracts.",
                                  "Most were sent to assault units, whereas 45 refused and were jailed."])
def test_a_number_alone_after_while_is_the_subject_of_its_clause(text):
    assert [c.quantity.value for c in find_counts(text)][-1] in (120, 45)


def test_a_year_after_while_is_no_count():
    assert [c.quantity.value for c in find_counts("The unit fought near Bakhmut, while 2023 brought new losses.")] == []


def test_others_told_with_a_relative_clause_are_counted():
    found = find_counts("Three others who had been due to leave with them were killed on Tuesday.")
    assert [c.quantity.value for c in found] == [3]


def test_a_crew_counted_is_people():
    assert [c.quantity.value for c in find_counts("A drone hit the gun; three of its crew were killed.")] == [3]


@pytest.mark.parametrize("text, value", [("Their company commander was killed by a drone on Monday.", [1]),
                                         ("The commander of the unit declined to comment.", [])])
def test_a_commander_who_was_killed_is_one_person(text, value):
    assert [c.quantity.value for c in find_counts(text)] == value


def test_a_twelfth_defendant_is_one_more_person():
    assert [c.quantity.value for c in find_counts("A twelfth defendant was sentenced the same day.")] == [1]
