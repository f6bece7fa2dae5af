"""Codes, keys and tokens: what lets a person into a class, with no accounts.

The class code is short and easy to read aloud (no 0/O, 1/I/L); a seat token is random
(192 bits from `secrets`) and only its hash is stored; a seat's team code lets classmates
join a seat someone already holds, and is derived from the facilitator's key so it need not
be stored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections import deque
from collections.abc import Callable

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
TEAM_CODE_LENGTH = 4


def new_class_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def shown_code(code: str) -> str:
    """ABCDEF as ABC-DEF: easier to read from the projector."""
    return f"{code[:3]}-{code[3:]}"


def normal_code(text: str) -> str:
    """What a person typed for a code, as stored: capitals, without spaces or dashes; O read as 0 is not a
    risk because neither is in the alphabet, so typed O and 0 can only be wrong."""
    return "".join(c for c in text.upper() if c not in " -")


def new_key() -> str:
    return secrets.token_urlsafe(24)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8", "replace"), b.encode("utf-8", "replace"))


def team_code(key: str, table: str, seat: str) -> str:
    digest = hmac.new(key.encode(), f"team/{table}/{seat}".encode(), hashlib.sha256).digest()
    return "".join(CODE_ALPHABET[b % len(CODE_ALPHABET)] for b in digest[:TEAM_CODE_LENGTH])


class FailureThrottle:
    """Slows down whoever keeps getting a code, token or key wrong: after `free` failures within
    `window` seconds from one address, each further try must wait, twice as long each time."""

    def __init__(self, free: int = 5, window: float = 60.0, longest: float = 60.0,
                 clock: Callable[[], float] = time.monotonic):
        self.free, self.window, self.longest, self.clock = free, window, longest, clock
        self.failures: dict[str, deque[float]] = {}

    def wait(self, who: str) -> float:
        """Seconds `who` must wait before trying again (0 when it may try now)."""
        seen = self._recent(who)
        if len(seen) < self.free:
            return 0.0
        delay = min(self.longest, 2.0 ** (len(seen) - self.free))
        return max(0.0, seen[-1] + delay - self.clock())

    def failed(self, who: str) -> None:
        self._recent(who).append(self.clock())
        if len(self.failures) > 10_000:   # bounded, whoever is knocking
            oldest = min(self.failures, key=lambda k: self.failures[k][-1] if self.failures[k] else 0)
            del self.failures[oldest]

    def _recent(self, who: str) -> deque[float]:
        seen = self.failures.setdefault(who, deque(maxlen=64))
        now = self.clock()
        while seen and now - seen[0] > self.window:
            seen.popleft()
        return seen


class TokenBucket:
    """At most `rate` messages a second on average, in bursts of up to `burst`."""

    def __init__(self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self.level = burst
        self.last = clock()

    def take(self) -> bool:
        now = self.clock()
        self.level = min(self.burst, self.level + (now - self.last) * self.rate)
        self.last = now
        if self.level >= 1.0:
            self.level -= 1.0
            return True
        return False


REPORT_TICKET_LENGTH = 22


def report_ticket(key: str, scope: str) -> str:
    """What opens one report on the class server ("class", "teacher/T1", "members/T1"): derived from the
    facilitator's key like a team code, so it need not be stored, and handed only to those who may read it
    (see game/server/reports.py). A link can carry it where a seat pass or the key must never go."""
    digest = hmac.new(key.encode(), f"report/{scope}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode()[:REPORT_TICKET_LENGTH]
