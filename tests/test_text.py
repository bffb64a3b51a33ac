from kg.text import paragraphs, sentences


def test_donation_appeal_is_cut(seed_article):
    text = seed_article.text
    last_end = paragraphs(text)[-1][1]
    assert "Dear readers" in text and "Dear readers" not in text[:last_end]
    assert all(text[s.start:s.end] == s.text for s in sentences(text))


def test_captions_bylines_and_prompts_are_dropped():
    text = ("By Anna Petrova\nPhoto: a soldier at a checkpoint\nTroops refused to fight.\n"
            "Sign up for our weekly newsletter to get updates.\nRead more: other story\nOfficials said so.")
    kept = [text[s:e] for s, e in paragraphs(text)]
    assert kept == ["Troops refused to fight.", "Officials said so."]


def test_a_briefing_prompt_is_dropped():
    text = "Troops refused to fight.\nGet the Ledger's morning briefing in your inbox. Sign up here."
    assert [text[s:e] for s, e in paragraphs(text)] == ["Troops refused to fight."]


def test_abbreviations_do_not_split_sentences():
    found = sentences("Lt. Gen. Ivanov visited the U.S. Army base. Then he left.")
    assert [s.text for s in found] == ["Lt. Gen. Ivanov visited the U.S. Army base.", "Then he left."]


def test_bylines_are_dropped_but_not_sentences_that_start_with_by():
    from kg.text import paragraphs

    assert paragraphs("By Aminat Gadzhieva") == []
    assert paragraphs("By Jane Doe, Moscow correspondent") == []
    text = "By contrast, the city of Moscow has lost 300 men."
    assert paragraphs(text) == [(0, len(text))]


def test_corrections_and_update_notes_are_dropped():
    text = ("Courts sentenced 40 soldiers in May.\n\n"
            "Correction, 3 June: an earlier version of this article gave the number of sentences as 44.\n\n"
            "This story has been updated with a comment from the court.")
    assert [text[s:e] for s, e in paragraphs(text)] == ["Courts sentenced 40 soldiers in May."]
