"""How options and stats are said, the same in the news, on the table and in the AI leaders' mouths."""

from __future__ import annotations

# A seat's four stats in words, the same in the news, the seats table's tips and the moves' effects.
STAT_NAMES = {"military": "military strength", "economy": "economy", "domestic": "support at home",
              "standing": "international standing"}


MINUS = "\u2212"
SENTENCE_ENDS = (".", "!", "?", "\u2026", ".\u201d", "!\u201d", "?\u201d", '."', '!"', '?"', ".)")


def say_option(kind: str, unit: str, option: str, label: str = "") -> str:
    """The scenario's label if it gives one; else 'none' for a zero amount, '1 battery' not '1 batteries',
    'keep in place' not 'keep_in_place'."""
    if label:
        return label
    option = str(option)
    if kind in ("number", "quantity") and unit:
        if option == "0":
            return "none"
        return f"{option} {singular(unit) if option == '1' else unit}"
    words = option.replace("_", " ")
    return f"{words} {unit}" if unit else words


def singular(unit: str) -> str:
    """A unit after the number one: 'battery' for 'batteries', 'soldier' for 'soldiers'; a phrase as it is."""
    if " " in unit:
        return unit
    return unit[:-3] + "y" if unit.endswith("ies") else unit[:-1] if unit.endswith("s") else unit


def amount(n: int, unit: str) -> str:
    """A figure with its unit, as a track reads: '1 call', '12 calls', '1,200 USD million'."""
    if not unit:
        return f"{n:,}"
    return f"{n:,} {singular(unit) if n == 1 else unit}"


def signed(n: int) -> str:
    """A change as it is printed: '+3', '−3' with a true minus sign, or '0'."""
    return f"+{n}" if n > 0 else (f"{MINUS}{-n}" if n < 0 else "0")


def trust_change(truster: str, trusted: str, change: str, both_ways: bool = False) -> str:
    """'Turkey's trust in Russia -5', or 'trust between Turkey and Russia +5, both ways'."""
    if both_ways:
        return f"trust between {truster} and {trusted} {change}, both ways"
    return f"{truster}'s trust in {trusted} {change}"


def history_verdict(settled: str, distance, signed: bool, table: str, history: str) -> tuple:
    """How the debrief sets the table's result on one issue beside what the real summit did with it.

    Returns (verdict, detail): a tick or cross only for what the summit agreed, and for the rest words
    saying why the issue is measured as it is (see game.engine.scoring.history_comparison).
    """
    table_words = f"the table signed {table}" if signed else f"the table left it unsigned ({table})"
    if settled == "agreed":
        verdict = "\u2713 same" if distance == 0 else ("\u2248 close" if distance <= 0.34 else "\u2717 apart")
        return verdict, f"table: {table}{'' if signed else ' (unsigned)'} \u00b7 summit: {history}"
    if settled == "open":
        if signed:
            return "left open at the summit", f"{table_words}, which the summit never settled: counted as apart"
        return "left open at the summit", "the table left it open too: counted as the same"
    if settled == "verbal":
        return "settled only in words, not counted", f"said at the time: {history}, nothing signed \u00b7 {table_words}"
    return "an earlier contract, not counted", f"contracted before the summit: {history} \u00b7 {table_words}"


def issue_named(name: str) -> str:
    """An issue's name inside a sentence, in quotes: names are titles ('Where the front line runs', 'Turkey's
    border with Greece') that would otherwise run into the words around them. A name heading a line as its
    label ('Ceasefire in Idlib: full') is written bare."""
    return f"\u201c{name}\u201d"


def say_issue_option(issue, option) -> str:
    """An option of a scenario's Issue, in words."""
    return say_option(issue.kind, issue.unit or "", option, issue.label(option))


def say_term(issue, option) -> str:
    """An option of an issue as the public scenario describes it (a mapping with kind, unit and labels)."""
    return say_option(issue["kind"], issue.get("unit") or "", option, (issue.get("labels") or {}).get(option, ""))


def sentence(text: str) -> str:
    """Scenario text used as a sentence: ending with a full stop unless it already ends a sentence."""
    text = text.strip()
    return text if not text or text.endswith(SENTENCE_ENDS) else text + "."


def join_sentences(texts) -> str:
    """Several scenario texts one after another, each a sentence ('Stop bombing. Open the road.')."""
    return " ".join(sentence(t) for t in texts if t.strip())


def and_list(items) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
