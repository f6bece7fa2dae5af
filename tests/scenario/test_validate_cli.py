"""`python main.py validate PATH...` through its public interface.

Bad files are made by editing the minimal scenario that docs/scenario-format.md
shows, so the document and these tests cannot drift apart. In an edit, `§`
marks where the loader must point (it is removed before the file is written).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from scenario_text import edit

from game.cli import main

REPO = Path(__file__).resolve().parents[2]
MARK = "§"
MIB4 = 4 * 1024 * 1024




def locate(text: str, needle: str):
    """1-based line and column (in characters) of the only occurrence of `needle`."""
    assert text.count(needle) == 1, f"{needle!r} occurs {text.count(needle)} times"
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def place(text: str):
    """Remove the single `§` marker; return the text and the marker's line and column."""
    line, col = locate(text, MARK)
    return text.replace(MARK, ""), line, col


def validate(capsys, *paths):
    code = main(["validate", *(str(p) for p in paths)])
    out = capsys.readouterr().out
    return code, out.splitlines()


def expect(lines, file, line, col, field, message):
    """Assert that a problem `FILE:LINE:COL: field: message...` was printed."""
    prefix = f"{file}:{line}:{col}: " + (f"{field}: " if field else "")
    if field:
        hits = [ln for ln in lines if ln.startswith(prefix) and message in ln[len(prefix):]]
    else:  # no field path: the message follows the location directly
        hits = [ln for ln in lines if ln.startswith(prefix + message)]
    assert hits, f"expected {prefix!r} ... {message!r}; got:\n" + "\n".join(lines)


def write(tmp_path, text, name="bad.yaml"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_minimal_scenario_from_the_doc_validates(minimal, tmp_path, capsys):
    path = write(tmp_path, minimal, "minimal.yaml")
    code, lines = validate(capsys, path)
    assert code == 0
    assert lines == [lines[0]] and lines[0].startswith(f"{path}: ok: A border crossing (minimal v1)")


NORTH_PREFS = "weights: {crossing: 1.0}\n      values: {crossing: {no: 0.0, yes: 1.0}}"
SOUTH_VALUES = "values: {crossing: {no: 0.4, yes: 0.7}}"
ISSUE_END = "signatories: [north, south]\n    source: note\n"
CHOICE_ISSUE = ISSUE_END + """  - id: level
    name: Level of traffic
    kind: choice
    options: [none, some, all]
    description: How much traffic passes.
    signatories: [north, south]
    source: note
"""

CASES = [
    # id, edits (old, new with § where the problem must be reported), field path, message
    ("yaml-syntax", [("title: A border crossing", "title: A border crossing§: again")],
     "", "YAML syntax error"),
    ("unknown-key", [("    leader: The North's president\n",
                      "    leader: The North's president\n    §capitol: Northtown\n")],
     "seats[0].capitol", "unknown key 'capitol'; did you mean 'capital'?"),
    ("unknown-top-key", [("\nsummary:", "\n§sumary: x\nsummary:")], "sumary", "did you mean 'summary'?"),
    ("wrong-type", [("version: 1", "version: §one")],
     "version", "expected a whole number, found the text 'one'"),
    ("wrong-type-nested", [("{patience: 0.5, risk: 0.5, honesty: 0.5}\n    briefing: You want",
                            "{patience: §[0.5], risk: 0.5, honesty: 0.5}\n    briefing: You want")],
     "seats[0].personality.patience", "expected a number, found a list"),
    ("out-of-range", [("points: 10", "points: §500")],
     "seats[0].objectives[0].points", "500 is out of range 1..100"),
    ("out-of-range-calendar", [("turns: 2,", "turns: §31,")], "calendar.turns", "31 is out of range 1..30"),
    ("duplicate-key", [("    leader: The North's president\n",
                        "    leader: The North's president\n    §leader: Someone else\n")],
     "seats[0].leader", "duplicate key 'leader' (first at line 13)"),
    ("duplicate-id", [("{id: south_land", "{id: §north_land")],
     "map.regions[1].id", "duplicate id 'north_land' (first at line 56)"),
    ("unknown-seat", [("    seat: south\n", "    seat: §sout\n")],
     "moves[0].seat", "unknown seat 'sout'; did you mean 'south'?"),
    ("unknown-issue", [("{agreed: {issue: crossing", "{agreed: {issue: §bridge")],
     "seats[0].objectives[0].when.agreed.issue", "unknown issue 'bridge'"),
    ("unknown-region", [("region: north_land", "region: §east_land")],
     "map.sites[0].region", "unknown region 'east_land'"),
    ("unknown-source", [(ISSUE_END, ISSUE_END.replace("source: note", "source: §notes"))],
     "issues[0].source", "unknown source 'notes'; did you mean 'note'?"),
    ("unknown-option", [('outcome: {crossing: "yes"}', "outcome: {crossing: §maybe}")],
     "history.outcome.crossing", "the text 'maybe' is not an option of issue 'crossing' (no, yes)"),
    ("weights-not-one", [(NORTH_PREFS, NORTH_PREFS.replace("weights: {crossing: 1.0}", "weights: §{crossing: 0.8}"))],
     "seats[0].preferences.weights", "weights sum to 0.8; they must sum to 1"),
    ("value-above-1", [(SOUTH_VALUES, "values: {crossing: {no: 0.4, yes: §1.7}}")],
     "seats[1].preferences.values.crossing.yes", "1.7 is out of range 0.0..1.0"),
    ("value-below-0", [(SOUTH_VALUES, "values: {crossing: {no: §-0.1, yes: 0.7}}")],
     "seats[1].preferences.values.crossing.no", "-0.1 is out of range 0.0..1.0"),
    ("missing-yesno-value", [(SOUTH_VALUES, "values: {crossing: §{yes: 0.7}}")],
     "seats[1].preferences.values.crossing", "no value for option(s) no"),
    ("missing-choice-value", [(ISSUE_END, CHOICE_ISSUE),
                              (SOUTH_VALUES, SOUTH_VALUES[:-1] + ", level: §{none: 0.1, all: 0.9}}")],
     "seats[1].preferences.values.level", "no value for option(s) some"),
    ("reservation-unreachable", [("reservation: 0.2\n      weights: {crossing: 1.0}\n      " + SOUTH_VALUES,
                                  "reservation: §0.8\n      weights: {crossing: 1.0}\n      " + SOUTH_VALUES)],
     "seats[1].preferences.reservation", "reservation 0.8 is above the best outcome this seat can reach (0.700)"),
    ("weight-without-values", [(NORTH_PREFS, "weights: {crossing: 1.0}\n      values: §{}")],
     "seats[0].preferences.values", "issue 'crossing' has weight 1 but no values"),
    ("custom-tag", [("title: A border crossing", "title: §!foo A border crossing")],
     "", "tag !foo is not allowed"),
    ("history-open-with-option",
     [('outcome: {crossing: "yes"}', 'outcome: {crossing: {settled: open, option: §"yes"}}')],
     "history.outcome.crossing.option", "an issue left open has no option; say why in 'note'"),
    ("history-verbal-without-note",
     [('outcome: {crossing: "yes"}', 'outcome: {crossing: §{settled: verbal, option: "yes"}}')],
     "history.outcome.crossing",
     "missing required key 'note': the debrief says why the issue was settled only in words"),
    ("history-earlier-without-option",
     [('outcome: {crossing: "yes"}', 'outcome: {crossing: §{settled: earlier, note: x}}')],
     "history.outcome.crossing", "missing required key 'option': what was contracted earlier"),
    ("history-unknown-settled", [('outcome: {crossing: "yes"}', 'outcome: {crossing: {settled: §verbally, note: x}}')],
     "history.outcome.crossing.settled", "'verbally' is not valid; did you mean 'verbal'?"),
    ("history-nothing-counted",
     [('outcome: {crossing: "yes"}',
       'outcome: §{crossing: {settled: earlier, option: "yes", note: Signed a year before.}}')],
     "history.outcome", "nothing here is agreed or left open"),
    # regressions: each of these crashed or pointed at the wrong place before it was fixed
    ("impossible-date", [("\ndate: 2020-01-02", "\ndate: §2020-02-30")], "date", "'2020-02-30' is not a valid date"),
    ("impossible-quoted-date", [("\ndate: 2020-01-02", "\ndate: §'2020-13-01'")], "date", "is not a real date"),
    ("bad-explicit-int", [("version: 1", "version: §!!int one")], "version", "'one' is not a valid whole number"),
    ("huge-int", [("version: 1", "version: §" + "9" * 5000)], "version", "is not a valid whole number"),
    ("merge-key", [("title: A border crossing", "title: A border crossing\nextra: &x {a: 1}\nmore:\n  §<<: *x")],
     "more", "merge keys ('<<') are not supported"),
    ("control-character", [("title: A border crossing", "title: Été §\x07 border crossing")],
     "", "character #x0007 is not allowed in YAML"),
    ("choice-without-options", [(ISSUE_END, CHOICE_ISSUE.replace("options: [none, some, all]", "options: §5")),
                                (NORTH_PREFS,
                                 "weights: {level: 1.0}\n      values: {crossing: {no: 0, yes: 1}, level: {}}")],
     "issues[1].options", "expected a list, found the number 5"),
    ("number-key-path", [(SOUTH_VALUES, "values: {crossing: {no: 0.4, yes: 0.7}, §3: 1}")],
     "seats[1].preferences.values.3", "unknown key '3'"),
    # text that would break a screen or a terminal later
    ("nul-in-a-seat-name", [("    name: North\n", '    name: §"No\\0rth"\n')],
     "seats[0].name", "control character U+0000 cannot be in text"),
    ("escape-in-a-title", [("title: A border crossing", 'title: §"A \\e[2J border crossing"')],
     "title", "control character U+001B cannot be in text"),
    ("line-break-in-a-name", [("    name: South\n", '    name: §"South\\nside"\n')],
     "seats[1].name", "a line break cannot be in this text: it is shown on one line"),
    ("recursive-alias", [("title: A border crossing", "title: A border crossing\nextra: &a [1, §*a]")],
     "", "alias *a is inside the node it names (a recursive alias)"),
    ("obligation-that-cannot-be-broken", [(ISSUE_END, ISSUE_END.replace(
        "    source: note\n",
        "    obligations:\n      - {options: ['yes'], seats: [north], forbids: [§close_road], text: Keep it open.}\n"
        "    source: note\n"))],
     "issues[0].obligations[0].forbids[0]",
     "move 'close_road' is made by 'south', whom this obligation does not bind: the clause could never be broken"),
    ("site-outside-its-region", [("at: [1, 1], region: north_land", "at: §[1, 0.5], region: north_land")],
     "map.sites[0].at", "point (1, 0.5) lies outside region 'north_land', where the site says it is"),
]


@pytest.mark.parametrize("edits, field, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_bad_input_is_located(minimal, tmp_path, capsys, edits, field, message):
    text, line, col = place(edit(minimal, *edits))
    path = write(tmp_path, text)
    code, lines = validate(capsys, path)
    assert code == 2
    expect(lines, path, line, col, field, message)
    assert len(lines) == 1, "one mistake, one message:\n" + "\n".join(lines)
    assert not any("Traceback" in ln for ln in lines)


def run_cli(*args, timeout=30):
    return subprocess.run([sys.executable, str(REPO / "main.py"), "validate", *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=timeout)


def test_python_object_tag_is_refused_and_never_runs(minimal, tmp_path):
    payload = tmp_path / "pwned"
    text, line, col = place(edit(minimal, ("title: A border crossing",
                                           f"title: §!!python/object/apply:os.system ['touch {payload}']")))
    path = write(tmp_path, text)
    result = run_cli(path)
    assert result.returncode == 2
    expect(result.stdout.splitlines(), path, line, col, "",
           "tag !!python/object/apply:os.system is not allowed")
    assert "Traceback" not in result.stderr
    assert not payload.exists(), "the YAML payload ran a shell command"


def test_billion_laughs_is_refused_quickly(tmp_path):
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    text = "\n".join(rows) + "\n"
    # a0..a4 already stand for 123,000+ nodes; the first *a4 (111,111 more) crosses 200,000
    text, line, col = place(text.replace("*a4", MARK + "*a4", 1))
    path = write(tmp_path, text)
    result = run_cli(path, timeout=20)  # raises TimeoutExpired if the aliases were expanded
    assert result.returncode == 2
    expect(result.stdout.splitlines(), path, line, col, "", "aliases expand the document past 200,000 nodes")


def test_too_many_aliases(tmp_path, capsys):
    text, line, col = place("a: &a x\nb: [" + ", ".join(["*a"] * 200) + ", §*a]\n")
    path = write(tmp_path, text)
    code, lines = validate(capsys, path)
    assert code == 2
    expect(lines, path, line, col, "", "more than 200 aliases")


def test_nesting_through_aliases_is_limited(tmp_path, capsys):
    text = "a: &a " + "[" * 30 + "1" + "]" * 30 + "\nb: " + "[" * 20 + "§*a" + "]" * 20 + "\n"
    text, line, col = place(text)
    path = write(tmp_path, text)
    code, lines = validate(capsys, path)
    assert code == 2
    expect(lines, path, line, col, "", "nesting through aliases is deeper than 40 levels")


@pytest.mark.parametrize("prefix", ["", "title: x\nitems: "], ids=["top", "value"])
def test_absurdly_deep_nesting(tmp_path, capsys, prefix):
    levels_left = 40 - prefix.count("\n")  # a top-level mapping is itself one level
    text, line, col = place(prefix + "[" * levels_left + MARK + "[" * (10_000 - levels_left))
    path = write(tmp_path, text)
    code, lines = validate(capsys, path)
    assert code == 2
    expect(lines, path, line, col, "", "nesting is deeper than 40 levels")


def test_file_over_4_mib(tmp_path, capsys):
    path = write(tmp_path, b"# padding\n" * (MIB4 // 10 + 1))
    assert path.stat().st_size > MIB4
    code, lines = validate(capsys, path)
    assert code == 2
    expect(lines, path, 1, 1, "", "file is over the limit of 4,194,304 bytes")


@pytest.mark.parametrize("before, col", [(b"title: A b", 11), ("title: Été ".encode("utf-8"), 12)],
                         ids=["ascii", "after-multibyte"])
def test_bytes_that_are_not_utf8(minimal, tmp_path, capsys, before, col):
    data = minimal.encode("utf-8")
    assert data.count(b"title: A border") == 1
    data = data.replace(b"title: A border", before + b"\xff" + b"order")
    path = write(tmp_path, data)
    code, lines = validate(capsys, path)
    assert code == 2
    expect(lines, path, 4, col, "", "byte 0xff is not valid UTF-8")


@pytest.mark.parametrize("data, message", [(b"", "file is empty"), (b"  \n\t\n\r\n   ", "file is empty"),
                                           (b"# only a comment\n", "the file holds no YAML document")],
                         ids=["empty", "whitespace", "comment"])
def test_empty_files(tmp_path, capsys, data, message):
    path = write(tmp_path, data)
    code, lines = validate(capsys, path)
    assert code == 2
    assert lines == [f"{path}:1:1: {message}"]


def test_path_that_does_not_exist(tmp_path, capsys):
    path = tmp_path / "missing.yaml"
    code, lines = validate(capsys, path)
    assert code == 2
    assert lines == [f"{path}:0:0: no such file"]


def test_directory(tmp_path, capsys):
    code, lines = validate(capsys, tmp_path)
    assert code == 2
    assert lines == [f"{tmp_path}:0:0: not a file"]


def test_several_problems_all_reported_sorted_by_line(minimal, tmp_path, capsys):
    # made in the reverse of file order: the report must still run from top to bottom
    text = edit(minimal, ("region: north_land", "region: east_land"),
                ("points: 10", "points: 500"),
                ("version: 1", "version: vone"))
    path = write(tmp_path, text)
    code, lines = validate(capsys, path)
    assert code == 2
    assert len(lines) == 3, lines
    expect(lines, path, *locate(text, "vone"), "version", "expected a whole number")
    expect(lines, path, *locate(text, "500"), "seats[0].objectives[0].points", "500 is out of range")
    expect(lines, path, *locate(text, "east_land"), "map.sites[0].region", "unknown region 'east_land'")
    numbers = [int(ln[len(str(path)) + 1:].split(":")[0]) for ln in lines]
    assert numbers == sorted(numbers)
    assert numbers == [locate(text, w)[0] for w in ("vone", "500", "east_land")]


@pytest.mark.parametrize("good_first", [True, False], ids=["good-then-bad", "bad-then-good"])
def test_valid_and_bad_file_together(minimal, tmp_path, capsys, good_first):
    good = write(tmp_path, minimal, "good.yaml")
    bad = write(tmp_path, edit(minimal, ("version: 1", "version: vone")), "bad.yaml")
    code, lines = validate(capsys, *((good, bad) if good_first else (bad, good)))
    assert code == 2
    assert any(ln.startswith(f"{good}: ok: A border crossing") for ln in lines)
    expect(lines, bad, *locate(bad.read_text(), "vone"), "version", "expected a whole number")
    assert len(lines) == 2


def test_main_py_end_to_end(minimal, tmp_path):
    good = write(tmp_path, minimal, "good.yaml")
    result = run_cli(good)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{good}: ok: ")
    result = run_cli(good, tmp_path / "missing.yaml")
    assert result.returncode == 2
    assert f"{tmp_path / 'missing.yaml'}:0:0: no such file" in result.stdout.splitlines()


def test_a_site_on_the_edge_of_its_region_is_inside(minimal, tmp_path, capsys):
    # the documented scenario's crossing sits on the border line between the two regions
    assert "at: [1, 1], region: north_land" in minimal
    code, lines = validate(capsys, write(tmp_path, minimal))
    assert code == 0, lines


def test_escape_sequences_never_reach_the_terminal_raw(minimal, tmp_path):
    text = edit(minimal, ("title: A border crossing", 'title: A border crossing\n"\\e]0;pwned\\a\\e[2J": 1'))
    result = run_cli(write(tmp_path, text))
    assert result.returncode == 2
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
    assert "unknown key '\\x1b]0;pwned\\x07\\x1b[2J'" in result.stdout


def moves_and_events(count):
    """`count` moves, and as many events that each name a misspelt move: past both lists' limits."""
    moves = "".join(f"  - {{id: move_{i}, seat: south, name: Move {i}, kind: other, description: A move., "
                    f"effects: [], source: note}}\n" for i in range(count))
    events = "events:\n" + "".join(f"  - {{id: e{i}, title: T, text: X., source: note, "
                                    f"when: {{moved: {{seat: south, move: mvoe_{i}}}}}}}\n" for i in range(count))
    return moves, events


def test_lists_past_their_limit_are_refused_before_their_items_are_read(minimal, tmp_path, capsys):
    moves, events = moves_and_events(1500)
    text = minimal.replace("map:\n", moves + events + "map:\n", 1)
    assert len(text.encode()) > 300_000
    path = write(tmp_path, text)
    code, lines = validate(capsys, path)
    assert code == 2
    assert lines == [f"{path}:{locate(text, '  - id: close_road')[0]}:3: moves: expected 0 to 80 entries, found 1501",
                     f"{path}:{locate(text, '  - {id: e0,')[0]}:3: events: expected 0 to 80 entries, found 1500"]


def test_a_nested_list_past_its_limit_is_not_read(minimal, tmp_path, capsys):
    options = ", ".join(f"o{i}" for i in range(30_000))
    text = edit(minimal, (ISSUE_END, CHOICE_ISSUE.replace("options: [none, some, all]", f"options: §[{options}]")))
    text, line, col = place(text)
    code, lines = validate(capsys, write(tmp_path, text))
    assert code == 2
    assert lines == [f"{tmp_path / 'bad.yaml'}:{line}:{col}: issues[1].options: expected 2 to 8 entries, found 30000"]


def test_a_flood_of_problems_is_cut_short_with_a_count(minimal, tmp_path, capsys):
    events = "events:\n" + "".join(f"  - {{id: e{i}, title: T, text: X., source: nose, turn: 1, "
                                    f"effects: [{{stat: {{seat: sotuh, stat: economy, add: 1}}}}]}}\n"
                                    for i in range(80))
    text = minimal.replace("map:\n", events + "map:\n", 1)
    code, lines = validate(capsys, write(tmp_path, text))
    assert code == 2
    assert len(lines) == 101
    assert lines[-1].endswith("and 60 more problems from here on, not listed: fix these 100 first")


def test_a_huge_document_without_aliases_is_not_blamed_on_aliases(tmp_path, capsys):
    path = write(tmp_path, "items: [" + ", ".join(["1"] * 210_000) + "]\n")
    code, lines = validate(capsys, path)
    assert code == 2
    assert len(lines) == 1 and lines[0].endswith("the document holds more than 200,000 values"), lines


def test_a_path_too_long_for_the_file_system(tmp_path, capsys):
    path = tmp_path / ("x" * 300 + ".yaml")
    code, lines = validate(capsys, path)
    assert code == 2
    assert lines == [f"{path}:0:0: cannot read: File name too long"]
    result = run_cli(path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
