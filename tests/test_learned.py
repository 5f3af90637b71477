"""The learned sentence typer: trains from (sentence, label) pairs or gold files, loads through
FRONTLINE_TYPE_MODEL, and steps aside (None) when no model is installed.

Every sentence below is made up for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline.events import learned

TRAIN = [
    ("Artillery shelled the market of Velykograd, destroying two houses.", "strike"),
    ("Missiles struck the power plant near Velykograd overnight.", "strike"),
    ("Drones hit a fuel depot in the port at dawn.", "strike"),
    ("The minister said the talks would resume next week.", "statement"),
    ("The governor said the shelling had stopped.", "statement"),
    ("A spokesperson said the army had enough ammunition.", "statement"),
    ("Troops captured the village of Zorblatt after a week of fighting.", "territory.capture"),
    ("Forces seized the town and raised their flag.", "territory.capture"),
    ("The weather was mild and the cafes were full.", "none"),
    ("Here is a recap of the day.", "none"),
    ("Good morning and welcome to our coverage.", "none"),
]


@pytest.fixture
def use_model(monkeypatch: pytest.MonkeyPatch):
    def point(folder: Path) -> None:
        monkeypatch.setenv(learned.ENV_VAR, str(folder))
        learned.clear_cache()
    yield point
    learned.clear_cache()


def test_trained_model_types_sentences(tmp_path: Path, use_model) -> None:
    report = learned.train(TRAIN, tmp_path / "m", epochs=10)
    assert report.examples == len(TRAIN) and report.labels["strike"] == 3
    use_model(tmp_path / "m")
    scores = learned.type_scores("Missiles struck the power plant near Velykograd overnight.")
    assert scores is not None
    assert set(scores) == set(learned.LABELS)  # every SPEC type plus "none", even those never seen
    assert abs(sum(scores.values()) - 1.0) < 1e-3
    assert max(scores, key=scores.__getitem__) == "strike"
    assert learned.best_type("The governor said the shelling had stopped.")[0] == "statement"
    assert learned.best_type("Here is a recap of the day.")[0] == "none"
    # Hostile input stays cheap and still yields a distribution.
    assert abs(sum(learned.type_scores("x " * 100_000).values()) - 1.0) < 1e-3
    assert learned.best_type("  \n ") == ("none", 1.0)


def test_training_is_deterministic(tmp_path: Path) -> None:
    learned.train(TRAIN, tmp_path / "a", epochs=3)
    learned.train(TRAIN, tmp_path / "b", epochs=3)
    assert (tmp_path / "a/textcat/model").read_bytes() == (tmp_path / "b/textcat/model").read_bytes()


def test_no_model_means_none(tmp_path: Path, use_model) -> None:
    use_model(tmp_path / "absent")
    assert learned.type_scores("Missiles struck the power plant.") is None
    assert learned.best_type("Missiles struck the power plant.") is None


def test_unknown_label_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown labels"):
        learned.train([("Something happened.", "earthquake")], tmp_path / "m")


SCORER = '''
import re

def norm(text):
    return re.sub(r"\\s+", " ", str(text).replace("\\u2019", "'").lower()).strip()
'''

GOLD = '''
document = "blog.txt"
published = 2030-05-01
source = "Test Wire"

[[event]]
id = "strike"
types = ["strike", "casualties"]
evidence = ["missiles struck the power plant"]
status = ["reported"]

[[event]]
id = "capture"
types = ["territory.capture"]
evidence = ["captured the village of zorblatt"]
status = ["claimed"]
optional = true
'''


def test_train_command_from_gold(tmp_path: Path, run_cli, use_model) -> None:
    """A gold folder in the shared layout (gold/, data/, eval/score.py) trains a usable model that
    carries no word of the training text."""
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "score.py").write_text(SCORER, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "blog.toml").write_text(GOLD, encoding="utf-8")
    (tmp_path / "data").mkdir()
    body = "\n\n".join(" ".join(text for text, _ in TRAIN[i:i + 3]) for i in range(0, len(TRAIN), 3))
    (tmp_path / "data" / "blog.txt").write_text(f"Eastland war: a day of strikes\n\n{body}\n", encoding="utf-8")
    out = tmp_path / "model"
    result = run_cli("train", "types", "--gold", tmp_path / "gold", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert "strike=1" in result.stderr and "territory.capture=1" in result.stderr
    assert "zorblatt" not in (out / "vocab" / "strings.json").read_text(encoding="utf-8").lower()
    use_model(out)
    assert learned.type_scores("Missiles struck the power plant near Velykograd overnight.") is not None
    # Leaving the only document out leaves nothing to train on: a one-line refusal.
    result = run_cli("train", "types", "--gold", tmp_path / "gold", "--out", out, "--exclude", "blog.txt")
    assert result.exit_code == 2 and "no training sentences" in result.stderr


def test_train_command_refuses_missing_text(tmp_path: Path, run_cli) -> None:
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "score.py").write_text(SCORER, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "blog.toml").write_text(GOLD, encoding="utf-8")
    result = run_cli("train", "types", "--gold", tmp_path / "gold", "--out", tmp_path / "m")
    assert result.exit_code == 2 and "blog.txt not found" in result.stderr
