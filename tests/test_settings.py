from pathlib import Path

from kg.settings import SETTINGS, load

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_documented_in_the_readme():
    text = README.read_text()
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in text]
    assert not missing, f"settings missing from README: {missing}"


def test_environment_and_overrides():
    values = load({"KG_STORE": "/tmp/x"}, KG_MAX_ROWS=5)
    assert values["KG_STORE"] == "/tmp/x" and values["KG_MAX_ROWS"] == "5"
