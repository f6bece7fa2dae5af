"""The scenario's closed vocabulary of conditions and effects: one registered class per kind.

Importing the package registers every kind (see base.py for what a kind's class owns, and
docs/scenario-format.md for adding one).
"""

from .base import (
    CONDITIONS,
    EFFECTS,
    Condition,
    Effect,
    Facts,
    World,
    condition_from_data,
    effect_from_data,
    read_condition,
    read_effects,
)
from .conditions import (
    Agreed,
    AllOf,
    AnyOf,
    Broke,
    Controls,
    Happened,
    Measured,
    Moved,
    Not,
    StatWithin,
    TrackWithin,
    TrustWithin,
    TurnWithin,
)
from .effects import CloseIssue, HandRegion, HandSite, OpenIssue, ShiftStat, ShiftTrack, ShiftTrust
from .known import CONTESTED, Known, option_label, read_option
from .names import IssueNames, Names

__all__ = [
    "CONDITIONS", "CONTESTED", "EFFECTS", "Agreed", "AllOf", "AnyOf", "Broke", "CloseIssue", "Condition",
    "Controls", "Effect", "Facts", "HandRegion", "HandSite", "Happened", "IssueNames", "Known", "Measured",
    "Moved", "Names", "Not", "OpenIssue", "ShiftStat", "ShiftTrack", "ShiftTrust", "StatWithin",
    "TrackWithin", "TrustWithin", "TurnWithin", "World", "condition_from_data", "effect_from_data",
    "option_label", "read_condition", "read_effects", "read_option",
]
