"""Static evaluation of IAM policies for one principal.

The evaluator answers "would these policies let the principal call ``action`` on ``resource``?"
with a :class:`Decision` whose :class:`Verdict` is one of ALLOWED, DENIED (an explicit Deny
applies), NOT_ALLOWED (no Allow applies: the implicit deny) or MAYBE (the answer depends on
something that is not known statically: a Condition, an :class:`~ecslint.values.Unknown` value,
a :class:`~ecslint.values.Partial` string, a policy document that could not be resolved).

Semantics (identity-based policies, one principal, no SCPs / permission boundaries / sessions):

* An explicit Deny that surely applies wins.  Otherwise an Allow that surely applies gives
  ALLOWED, unless a Deny *might* apply (it has a Condition or unknown parts), which gives MAYBE.
  Otherwise any Allow that might apply gives MAYBE; otherwise NOT_ALLOWED.
* Action names match case-insensitively; resource ARNs case-sensitively.  In both, ``*`` matches
  any run of characters (``:`` and ``/`` included) and ``?`` exactly one character.
* ``Action``/``NotAction`` and ``Resource``/``NotResource`` are honoured.  A statement without
  ``Action`` and ``NotAction`` grants nothing; one without ``Resource`` and ``NotResource`` (which
  IAM rejects in an identity policy) is read as ``"Resource": "*"``.
* ``resource="*"`` is the literal resource ``*`` that IAM uses for actions without
  resource-level permissions: a statement scoped to particular ARNs does not cover it.  Pass an
  :class:`~ecslint.values.Unknown` when the resource is simply not known.
* In a ``Partial`` string each ``${...}`` part is unknown.  In a policy pattern it matches any run
  of characters, or exactly the same ``${...}`` text in the requested value; the pseudo
  parameters ``${AWS::Region}``, ``${AWS::AccountId}``, ``${AWS::Partition}`` and
  ``${AWS::URLSuffix}`` match definitely (they stand for the account and region the template is
  deployed in, and match one ARN segment), any other placeholder only makes the match MAYBE.  In
  a plain string of a ``"Version": "2012-10-17"`` policy, ``${aws:username}``-style policy
  variables are read the same way (MAYBE), and ``${*}``, ``${?}``, ``${$}`` are literal characters.
* A document, a statement or an element that is ``Unknown`` may allow: the verdict can become
  MAYBE because of it, never DENIED (nor is an otherwise ALLOWED verdict downgraded by it).
"""
from __future__ import annotations

import enum
import functools
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ecslint.parsing import loads
from ecslint.values import Partial, Unknown

__all__ = [
    "policy_document",
    "Policy",
    "Verdict",
    "Decision",
    "StatementRef",
    "evaluate",
    "evaluate_all",
    "missing_actions",
    "maybe_actions",
    "closest_policy",
    "trust_allows",
    "trust_statements_for_any_principal",
    "has_confused_deputy_condition",
]


# --------------------------------------------------------------------------------------------
# Public value types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Policy:
    """One IAM policy attached to (or embedded in) the principal being evaluated.

    ``document`` is the IAM JSON as a mapping; it may also be an :class:`Unknown` (a policy
    attached by an ARN that cannot be resolved) or a JSON string (as Terraform stores it).
    ``name`` is used in messages; ``origin`` is carried untouched for the caller.
    """

    document: Mapping[str, Any] | Unknown | str = field(repr=False)
    name: str
    origin: object = None

    def __hash__(self) -> int:
        # The document is a mutable mapping; equal policies have equal names.
        return hash(self.name)


class Verdict(enum.Enum):
    """The outcome of an evaluation."""

    #: An Allow applies and no Deny can apply.
    ALLOWED = "allowed"
    #: An explicit Deny applies.
    DENIED = "denied"
    #: No Allow applies (the implicit deny).
    NOT_ALLOWED = "not allowed"
    #: The outcome depends on something not known statically.
    MAYBE = "maybe"


@dataclass(frozen=True, slots=True)
class StatementRef:
    """A statement of a policy: the policy, its position and the statement itself.

    ``index`` is the 0-based position in the ``Statement`` list (0 for a single statement
    object); it is ``None`` when the whole document (or its ``Statement``) is not known, and the
    reference then stands for the policy as a whole.  ``unknown`` is true when the statement (or
    the document) is an :class:`Unknown`; ``statement`` is then empty.
    """

    policy: Policy
    index: int | None
    statement: Mapping[str, Any]
    unknown: bool = False

    def __hash__(self) -> int:
        return hash((self.policy.name, self.index))

    @property
    def sid(self) -> str | None:
        """The statement's ``Sid`` when it is a known, non-empty string."""
        sid = self.statement.get("Sid")
        if isinstance(sid, str) and not isinstance(sid, Partial) and sid:
            return sid
        return None

    @property
    def label(self) -> str:
        """``statement 'Logs'``, ``statement 2`` (1-based, for humans) or the policy name."""
        if self.index is None:
            return self.policy.name
        sid = self.sid
        if sid is not None:
            return f"statement {sid!r}"
        return f"statement {self.index + 1}"

    def describe(self) -> str:
        """``statement 'Logs' of inline policy ExecPolicy`` (the policy name when unknown)."""
        if self.index is None:
            return self.label
        return f"{self.label} of {self.policy.name}"


@dataclass(frozen=True)
class Decision:
    """The answer for one action (and resource)."""

    verdict: Verdict
    action: str
    resource: str | Unknown
    #: The statements that decided (empty for NOT_ALLOWED).
    statements: tuple[StatementRef, ...]
    #: One human sentence explaining the verdict.
    reason: str

    @property
    def policy(self) -> Policy | None:
        """The policy of the first deciding statement, if any."""
        return self.statements[0].policy if self.statements else None


# --------------------------------------------------------------------------------------------
# Wildcard matching
# --------------------------------------------------------------------------------------------


class _Q(enum.IntEnum):
    """Three-valued match quality: AND is ``min``, OR is ``max``."""

    NO = 0
    MAYBE = 1
    YES = 2


def _not(q: _Q) -> _Q:
    return _Q(2 - q)


# Token kinds.  A token is ``(kind, text)``; LIT text is one character.
_LIT, _STAR, _QMARK, _PH, _PSEUDO = range(5)
_Token = tuple[int, str]

_PSEUDO_PARAMS = frozenset({"${aws::region}", "${aws::accountid}", "${aws::partition}", "${aws::urlsuffix}"})
_IAM_ESCAPES = {"${*}": "*", "${?}": "?", "${$}": "$"}
_PLACEHOLDER = re.compile(r"\$\{[^}]*\}")
#: The placeholder a wholly unknown requested value turns into; no pattern can contain it.
_UNKNOWN_TEXT = "${\x00unknown}"


@dataclass(frozen=True, slots=True)
class _Pattern:
    tokens: tuple[_Token, ...]
    #: The source of an equivalent regular expression when the pattern has no placeholder.
    source: str | None
    #: True when the pattern has a placeholder other than the pseudo parameters.
    has_placeholder: bool


@functools.lru_cache(maxsize=8192)
def _regex(source: str) -> re.Pattern[str]:
    return re.compile(source, re.DOTALL)


def _glob_source(text: str) -> str:
    """Regular-expression source for an IAM glob without placeholders."""
    return "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in text)


@functools.lru_cache(maxsize=8192)
def _pattern(text: str, partial: bool, fold: bool, wildcards: bool, policy_vars: bool) -> _Pattern:
    """Tokenize one pattern.  Cached on the pattern string."""
    tokens: list[_Token] = []
    pos = 0
    placeholder_syntax = partial or policy_vars
    for m in _PLACEHOLDER.finditer(text) if placeholder_syntax else ():
        tokens.extend(_plain_tokens(text[pos : m.start()], fold, wildcards))
        ph = m.group(0)
        if policy_vars and ph in _IAM_ESCAPES:
            tokens.append((_LIT, _IAM_ESCAPES[ph]))
        else:
            low = ph.lower()
            tokens.append((_PSEUDO if low in _PSEUDO_PARAMS else _PH, low if fold else ph))
        pos = m.end()
    tokens.extend(_plain_tokens(text[pos:], fold, wildcards))
    source = None
    if not any(kind in (_PH, _PSEUDO) for kind, _ in tokens):
        source = "".join(".*" if kind == _STAR else "." if kind == _QMARK else re.escape(value) for kind, value in tokens)
    return _Pattern(tuple(tokens), source, any(kind == _PH for kind, _ in tokens))


def _plain_tokens(text: str, fold: bool, wildcards: bool) -> list[_Token]:
    if fold:
        text = text.lower()
    out: list[_Token] = []
    for ch in text:
        if wildcards and ch == "*":
            out.append((_STAR, ch))
        elif wildcards and ch == "?":
            out.append((_QMARK, ch))
        else:
            out.append((_LIT, ch))
    return out


@dataclass(frozen=True, slots=True)
class _Request:
    """A requested value (action name, resource ARN, principal), prepared once per evaluation."""

    plain: str | None  # the (folded) text when fully known
    tokens: tuple[_Token, ...]
    unknown: bool  # not fully known (Unknown or Partial)


@functools.lru_cache(maxsize=4096)
def _request_from_text(text: str, partial: bool, fold: bool) -> _Request:
    if fold:
        text = text.lower()
    if not partial:
        return _Request(text, tuple((_LIT, ch) for ch in text), False)
    tokens: list[_Token] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(text):
        tokens.extend((_LIT, ch) for ch in text[pos : m.start()])
        tokens.append((_PH, m.group(0)))
        pos = m.end()
    tokens.extend((_LIT, ch) for ch in text[pos:])
    if not any(kind == _PH for kind, _ in tokens):
        return _Request(text, tuple(tokens), False)
    return _Request(None, tuple(tokens), True)


_UNKNOWN_REQUEST = _Request(None, ((_PH, _UNKNOWN_TEXT),), True)


def _request(value: object, fold: bool) -> _Request:
    if isinstance(value, str):
        return _request_from_text(str(value), isinstance(value, Partial), fold)
    return _UNKNOWN_REQUEST


def _match_tokens(p: Sequence[_Token], r: Sequence[_Token]) -> _Q:
    """Best match quality of pattern tokens ``p`` against request tokens ``r`` (dynamic programming).

    ``best[i][j]`` is the quality of matching ``p[i:]`` against ``r[j:]``: the best over all
    alignments of the worst step along the alignment.
    """
    n, m = len(p), len(r)
    best = [[_Q.NO] * (m + 1) for _ in range(n + 1)]
    for i in range(n, -1, -1):
        row = best[i]
        for j in range(m, -1, -1):
            q = _Q.YES if (i == n and j == m) else _Q.NO
            rk, rv = r[j] if j < m else (-1, "")
            if rk == _PH:
                # The unknown request part may stand for any run p[i:k] of the pattern.
                for k in range(i, n + 1):
                    if best[k][j + 1] >= _Q.MAYBE:
                        q = max(q, _Q.MAYBE)
                        break
            if i < n and q < _Q.YES:
                pk, pv = p[i]
                if pk == _STAR:
                    q = max(q, best[i + 1][j])
                    if j < m:
                        q = max(q, row[j + 1])
                elif pk == _QMARK:
                    if rk == _LIT:
                        q = max(q, best[i + 1][j + 1])
                elif pk == _LIT:
                    if rk == _LIT and rv == pv:
                        q = max(q, best[i + 1][j + 1])
                else:  # a placeholder in the pattern
                    if rk == _PH and rv == pv:
                        q = max(q, best[i + 1][j + 1])
                    # ... or a wildcard over r[j:k]
                    step = _Q.YES if pk == _PSEUDO else _Q.MAYBE
                    nxt = best[i + 1]
                    if pk == _PH:
                        q = max(q, min(step, nxt[j]))
                    for k in range(j + 1, m + 1):
                        kk, kv = r[k - 1]
                        if kk != _LIT:
                            step = _Q.MAYBE
                        elif pk == _PSEUDO and kv in ":/":
                            break  # a region, account, partition or URL suffix is one ARN segment
                        q = max(q, min(step, nxt[k]))
                        if q == _Q.YES:
                            break
            row[j] = q
    return best[0][0]


def _match(value: object, request: _Request, *, fold: bool, wildcards: bool = True, policy_vars: bool = False) -> _Q:
    """How surely one policy element (a pattern, or an Unknown) matches the requested value."""
    if isinstance(value, Unknown):
        return _Q.MAYBE
    if not isinstance(value, str):
        return _Q.NO
    pat = _pattern(str(value), isinstance(value, Partial), fold, wildcards, policy_vars)
    if pat.source is not None and request.plain is not None:
        return _Q.YES if _regex(pat.source).fullmatch(request.plain) else _Q.NO
    return _match_tokens(pat.tokens, request.tokens)


def _as_list(value: object) -> tuple[object, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return (value,)


@dataclass(frozen=True, slots=True)
class _PatternSet:
    """The values of one Action/NotAction/Resource/NotResource element, ready for matching.

    Plain patterns are split into exact names (a set), ``prefix*`` patterns (one
    ``str.startswith`` over a tuple) and the rest (one alternation regex), so that a statement
    listing thousands of actions costs a few C-level operations per request.  Patterns are only
    tokenized when a request is not fully known or a pattern may have placeholders.
    """

    raw: tuple[object, ...]
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    rest: re.Pattern[str] | None
    #: ``(partial, text)`` of every string pattern, for a request that is not fully known.
    keys: tuple[tuple[bool, str], ...]
    #: ``(partial, text)`` of the patterns that may have placeholders.
    special: tuple[tuple[bool, str], ...]
    fold: bool
    policy_vars: bool
    #: An element is Unknown.
    unknown: bool

    def tokens(self, key: tuple[bool, str]) -> tuple[_Token, ...]:
        return _pattern(key[1], key[0], self.fold, True, self.policy_vars).tokens

    @property
    def has_placeholder(self) -> bool:
        """An element is Unknown or has a placeholder other than the pseudo parameters."""
        return self.unknown or any(
            _pattern(text, partial, self.fold, True, self.policy_vars).has_placeholder for partial, text in self.special
        )


@functools.lru_cache(maxsize=4096)
def _pattern_set_cached(keys: tuple[tuple[bool, str], ...], unknown: bool, fold: bool, policy_vars: bool) -> _PatternSet:
    exact: set[str] = set()
    prefixes: list[str] = []
    rest: list[str] = []
    special: list[tuple[bool, str]] = []
    for partial, text in keys:
        if "${" in text and (partial or policy_vars):
            special.append((partial, text))
            continue
        if fold:
            text = text.lower()
        star, qmark = text.find("*"), text.find("?")
        if star < 0 and qmark < 0:
            exact.add(text)
        elif qmark < 0 and star == len(text) - 1:
            prefixes.append(text[:-1])
        else:
            rest.append(f"(?:{_glob_source(text)})")
    regex = _regex("|".join(rest)) if rest else None
    return _PatternSet((), frozenset(exact), tuple(prefixes), regex, keys, tuple(special), fold, policy_vars, unknown)


def _pattern_set(values: tuple[object, ...] | None, *, fold: bool, policy_vars: bool) -> _PatternSet | None:
    if values is None:
        return None
    keys = tuple((isinstance(v, Partial), str(v)) for v in values if isinstance(v, str))
    unknown = any(isinstance(v, Unknown) for v in values)
    c = _pattern_set_cached(keys, unknown, fold, policy_vars)
    return _PatternSet(values, c.exact, c.prefixes, c.rest, c.keys, c.special, fold, policy_vars, unknown)


def _match_set(ps: _PatternSet, request: _Request) -> _Q:
    """How surely any value of the set matches the requested value."""
    q = _Q.MAYBE if ps.unknown else _Q.NO
    text = request.plain
    if text is not None:
        if text in ps.exact or text.startswith(ps.prefixes) or (ps.rest is not None and ps.rest.fullmatch(text)):
            return _Q.YES
        candidates = ps.special
    else:
        candidates = ps.keys
    for key in candidates:
        q = max(q, _match_tokens(ps.tokens(key), request.tokens))
        if q == _Q.YES:
            break
    return q


# --------------------------------------------------------------------------------------------
# Compiled statements
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Stmt:
    ref: StatementRef
    allow: bool
    deny: bool
    actions: _PatternSet | None
    not_actions: _PatternSet | None
    resources: _PatternSet | None
    not_resources: _PatternSet | None
    principal: object  # raw Principal (None when absent)
    not_principal: object  # raw NotPrincipal (None when absent)
    #: None when unconditional; otherwise the condition keys for messages.
    condition: str | None
    #: Why the statement may apply (Unknown effect / statement), or "".
    unknown_why: str = ""


@dataclass(frozen=True, slots=True)
class _Compiled:
    policy: Policy
    statements: tuple[_Stmt, ...]
    #: Set when the document as a whole is unknown.
    unknown: StatementRef | None


def _get(st: Mapping[str, Any], key: str) -> tuple[object, ...] | None:
    if key not in st or st[key] is None:
        return None
    return _as_list(st[key])


def _condition_text(cond: object) -> str | None:
    if cond is None:
        return None
    if isinstance(cond, Mapping):
        if not cond:
            return None
        keys: list[str] = []
        for block in cond.values():
            if isinstance(block, Mapping):
                for key in block:
                    if str(key) not in keys:
                        keys.append(str(key))
            else:
                return "not known statically"
        return ", ".join(keys) if keys else None
    if isinstance(cond, (list, tuple)) and not cond:
        return None
    return "not known statically"


def policy_document(policy: Policy) -> Mapping[str, Any] | None:
    """The policy's document as a mapping (a JSON string is parsed, bounded); None when not known."""
    doc = policy.document
    if isinstance(doc, str) and not isinstance(doc, Partial):
        try:
            doc = loads(doc)
        except ValueError:
            return None
    if isinstance(doc, Mapping):
        return doc
    return None


def _compile_policy(policy: Policy) -> _Compiled:
    doc = policy_document(policy)
    whole = StatementRef(policy, None, {}, True)
    if doc is None:
        return _Compiled(policy, (), whole)
    raw = doc.get("Statement")
    if isinstance(raw, Unknown):
        return _Compiled(policy, (), whole)
    version = doc.get("Version")
    policy_vars = version == "2012-10-17"
    items: tuple[object, ...] = () if raw is None else _as_list(raw)
    out: list[_Stmt] = []
    for index, st in enumerate(items):
        if not isinstance(st, Mapping):
            if isinstance(st, Unknown):
                ref = StatementRef(policy, index, {}, True)
                out.append(_Stmt(ref, True, False, None, None, None, None, None, None, None,
                                 "the statement is not known statically"))
            continue
        effect = st.get("Effect")
        unknown_why = ""
        if isinstance(effect, Unknown) or isinstance(effect, Partial):
            allow = deny = True
            unknown_why = "its Effect is not known statically"
        else:
            allow, deny = effect == "Allow", effect == "Deny"
            if not (allow or deny):
                continue
        out.append(
            _Stmt(
                ref=StatementRef(policy, index, st),
                allow=allow,
                deny=deny,
                actions=_pattern_set(_get(st, "Action"), fold=True, policy_vars=False),
                not_actions=_pattern_set(_get(st, "NotAction"), fold=True, policy_vars=False),
                resources=_pattern_set(_get(st, "Resource"), fold=False, policy_vars=policy_vars),
                not_resources=_pattern_set(_get(st, "NotResource"), fold=False, policy_vars=policy_vars),
                principal=st.get("Principal"),
                not_principal=st.get("NotPrincipal"),
                condition=_condition_text(st.get("Condition")),
                unknown_why=unknown_why,
            )
        )
    return _Compiled(policy, tuple(out), None)


def _action_q(s: _Stmt, action: _Request) -> _Q:
    if s.actions is None and s.not_actions is None:
        return _Q.NO
    q = _Q.YES
    if s.actions is not None:
        q = min(q, _match_set(s.actions, action))
    if s.not_actions is not None and q > _Q.NO:
        q = min(q, _not(_match_set(s.not_actions, action)))
    return q


def _resource_q(s: _Stmt, resource: _Request) -> _Q:
    q = _Q.YES
    if s.resources is not None:
        q = min(q, _match_set(s.resources, resource))
    if s.not_resources is not None and q > _Q.NO:
        q = min(q, _not(_match_set(s.not_resources, resource)))
    return q


# --------------------------------------------------------------------------------------------
# Combining statements into a decision
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hit:
    ref: StatementRef
    condition: str | None
    unknown_why: str  # "" when the statement surely applies (apart from its Condition)

    @property
    def definite(self) -> bool:
        return self.condition is None and not self.unknown_why


def _allow_phrase(h: _Hit) -> str:
    where = h.ref.describe()
    if h.definite:
        return f"allowed by {where}"
    if not h.unknown_why:
        return f"allowed by {where} only when its Condition ({h.condition}) holds"
    text = f"may be allowed by {where}: {h.unknown_why}"
    if h.condition is not None:
        text += f", and only when its Condition ({h.condition}) holds"
    return text


def _deny_phrase(h: _Hit) -> str:
    where = h.ref.describe()
    if not h.unknown_why:
        return f"{where} denies it when its Condition ({h.condition}) holds"
    text = f"{where} may deny it: {h.unknown_why}"
    if h.condition is not None:
        text += f", and only when its Condition ({h.condition}) holds"
    return text


def _more(hits: Sequence[_Hit]) -> str:
    n = len(hits) - 1
    if n <= 0:
        return ""
    return f" (and {n} other statement{'s' if n > 1 else ''})"


def _subject(action: str, resource: object) -> str:
    if isinstance(resource, str) and resource != "*":
        return f"{action} on {resource}"
    return action


_Applies = Callable[[_Stmt], tuple[_Q, str]]


def _decide(
    compiled: Sequence[_Compiled],
    applies: _Applies,
    action: str,
    resource: str | Unknown,
    nothing: str,
) -> Decision:
    allows: list[_Hit] = []
    maybe_allows: list[_Hit] = []
    denies: list[_Hit] = []
    maybe_denies: list[_Hit] = []
    for c in compiled:
        if c.unknown is not None:
            maybe_allows.append(_Hit(c.unknown, None, "its document is not known statically"))
            continue
        for s in c.statements:
            if s.ref.unknown:
                maybe_allows.append(_Hit(s.ref, None, s.unknown_why))
                continue
            q, why = applies(s)
            if q == _Q.NO:
                continue
            hit = _Hit(s.ref, s.condition, s.unknown_why or (why if q == _Q.MAYBE else ""))
            if s.deny:
                (denies if hit.definite else maybe_denies).append(hit)
            if s.allow:
                (allows if hit.definite else maybe_allows).append(hit)

    def refs(hits: Iterable[_Hit]) -> tuple[StatementRef, ...]:
        return tuple(h.ref for h in hits)

    if denies:
        reason = f"denied by {denies[0].ref.describe()}{_more(denies)}"
        return Decision(Verdict.DENIED, action, resource, refs(denies), reason)
    if allows:
        if maybe_denies:
            reason = f"{_allow_phrase(allows[0])}, but {_deny_phrase(maybe_denies[0])}"
            return Decision(Verdict.MAYBE, action, resource, refs(allows + maybe_denies), reason)
        reason = f"{_allow_phrase(allows[0])}{_more(allows)}"
        return Decision(Verdict.ALLOWED, action, resource, refs(allows), reason)
    if maybe_allows:
        reason = f"{_allow_phrase(maybe_allows[0])}{_more(maybe_allows)}"
        return Decision(Verdict.MAYBE, action, resource, refs(maybe_allows), reason)
    if not compiled:
        nothing += " (there are no policies)"
    return Decision(Verdict.NOT_ALLOWED, action, resource, (), nothing)


def _identity_applies(action: _Request, resource: _Request) -> _Applies:
    def applies(s: _Stmt) -> tuple[_Q, str]:
        aq = _action_q(s, action)
        if aq == _Q.NO:
            return aq, ""
        rq = _resource_q(s, resource)
        q = min(aq, rq)
        if q != _Q.MAYBE:
            return q, ""
        if aq == _Q.MAYBE:
            return q, "its Action is not fully known statically"
        own = [ps for ps in (s.resources, s.not_resources) if ps is not None]
        if any(ps.has_placeholder for ps in own) or not resource.unknown:
            return q, "its Resource is not fully known statically"
        return q, "the requested resource is not known statically and the statement covers only some resources"

    return applies


_COMPILED_CACHE_SIZE = 512
_compiled_cache: OrderedDict[int, _Compiled] = OrderedDict()
_compiled_lock = threading.Lock()


def _compiled(policy: Policy) -> _Compiled:
    """The compiled form of a policy, cached by identity (the entry keeps the policy alive)."""
    key = id(policy)
    with _compiled_lock:
        hit = _compiled_cache.get(key)
        if hit is not None and hit.policy is policy:
            _compiled_cache.move_to_end(key)
            return hit
    compiled = _compile_policy(policy)
    with _compiled_lock:
        _compiled_cache[key] = compiled
        if len(_compiled_cache) > _COMPILED_CACHE_SIZE:
            _compiled_cache.popitem(last=False)
    return compiled


def _compile_all(policies: Iterable[Policy]) -> tuple[_Compiled, ...]:
    return tuple(_compiled(p) for p in policies)


def _evaluate_compiled(compiled: Sequence[_Compiled], action: str, resource: str | Unknown) -> Decision:
    act = _request(action, fold=True)
    res = _request(resource, fold=False)
    nothing = f"no statement allows {_subject(action, resource)}"
    return _decide(compiled, _identity_applies(act, res), action, resource, nothing)


def evaluate(policies: Iterable[Policy], action: str, resource: str | Unknown = "*") -> Decision:
    """Evaluate the identity policies of one principal for ``action`` on ``resource``.

    ``resource`` defaults to ``"*"``, what IAM evaluates for actions without resource-level
    permissions; pass an :class:`Unknown` when the resource is not known statically.  Each
    :class:`Policy` is compiled once and cached by identity: do not mutate its document after
    evaluating it.
    """
    return _evaluate_compiled(_compile_all(policies), action, resource)


def evaluate_all(policies: Iterable[Policy], actions: Iterable[str], resource: str | Unknown = "*") -> dict[str, Decision]:
    """:func:`evaluate` for several actions on one resource, keyed by action (in the given order)."""
    compiled = _compile_all(policies)
    return {a: _evaluate_compiled(compiled, a, resource) for a in actions}


def missing_actions(policies: Iterable[Policy], actions: Iterable[str], resource: str | Unknown = "*") -> list[Decision]:
    """The decisions that are NOT_ALLOWED or DENIED: what a rule reports as missing."""
    return [
        d for d in evaluate_all(policies, actions, resource).values()
        if d.verdict in (Verdict.NOT_ALLOWED, Verdict.DENIED)
    ]


def maybe_actions(policies: Iterable[Policy], actions: Iterable[str], resource: str | Unknown = "*") -> list[Decision]:
    """The decisions that are MAYBE (rules usually stay silent on these)."""
    return [d for d in evaluate_all(policies, actions, resource).values() if d.verdict is Verdict.MAYBE]


def closest_policy(policies: Iterable[Policy], actions: Iterable[str]) -> Policy | None:
    """The policy that comes closest to granting ``actions``: where to add what is missing.

    Only Allow statements of known documents count, and AWS-managed policies (which the user
    cannot edit) are skipped.  A policy scores by the number of the actions' services its
    ``Action`` patterns name (``"*"`` names none), then by the number of the actions they match;
    ties go to the earlier policy.  None when no policy names any of the services.
    """
    from ecslint.iam import managed  # noqa: PLC0415 - avoid an import cycle

    wanted = list(actions)
    services = sorted({a.split(":", 1)[0].lower() for a in wanted})
    best: Policy | None = None
    best_score = (0, 0)
    for c in _compile_all(policies):
        if c.unknown is not None or managed.is_managed(c.policy):
            continue
        patterns: list[str] = []
        for s in c.statements:
            if s.allow and not s.deny and s.actions is not None:
                patterns.extend(p for p in s.actions.raw if isinstance(p, str) and str(p) != "*")
        if not patterns:
            continue
        svc_hits = 0
        for svc in services:
            req = _request(svc, fold=True)
            if any(_match(p.split(":", 1)[0], req, fold=True) == _Q.YES for p in patterns if ":" in p):
                svc_hits += 1
        pattern_set = _pattern_set(tuple(patterns), fold=True, policy_vars=False)
        assert pattern_set is not None
        act_hits = sum(1 for a in wanted if _match_set(pattern_set, _request(a, fold=True)) == _Q.YES)
        score = (svc_hits, act_hits)
        if score > best_score:
            best, best_score = c.policy, score
    return best


# --------------------------------------------------------------------------------------------
# Trust policies
# --------------------------------------------------------------------------------------------

_ASSUME_ACTIONS = ("sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML")
_DEPUTY_KEYS = frozenset({"aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths"})


def _as_trust_policy(trust_document: Policy | Mapping[str, Any] | Unknown | str) -> Policy:
    if isinstance(trust_document, Policy):
        return trust_document
    return Policy(trust_document, "trust policy")


def _principal_q(principal: object, service: _Request) -> _Q:
    """How surely a Principal value names the service principal (or everyone)."""
    if isinstance(principal, Unknown):
        return _Q.MAYBE
    if isinstance(principal, str):
        if isinstance(principal, Partial):
            return _Q.MAYBE
        return _Q.YES if principal == "*" else _Q.NO
    if not isinstance(principal, Mapping):
        return _Q.NO
    q = _Q.NO
    star = _request("*", fold=False)
    for key, value in principal.items():
        kind = str(key).lower()
        for v in _as_list(value):
            if kind == "service":
                q = max(q, _match(v, service, fold=True, wildcards=False))
            elif kind == "aws":
                q = max(q, _match(v, star, fold=False, wildcards=False))
            elif isinstance(v, Unknown):
                q = max(q, _Q.MAYBE)
            if q == _Q.YES:
                return q
    return q


def _trust_applies(action: _Request, service: _Request) -> _Applies:
    def applies(s: _Stmt) -> tuple[_Q, str]:
        aq = _action_q(s, action)
        if aq == _Q.NO:
            return aq, ""
        if s.principal is not None:
            pq = _principal_q(s.principal, service)
            why = "its Principal is not fully known statically"
        elif s.not_principal is not None:
            # Conservative: NotPrincipal excludes a principal only when it surely names it.
            pq = _Q.NO if _principal_q(s.not_principal, service) == _Q.YES else _Q.MAYBE
            why = "it uses NotPrincipal"
        else:
            return _Q.NO, ""
        q = min(aq, pq)
        if q == _Q.MAYBE and aq == _Q.MAYBE:
            why = "its Action is not fully known statically"
        return q, why if q == _Q.MAYBE else ""

    return applies


def trust_allows(
    trust_document: Policy | Mapping[str, Any] | Unknown | str,
    service_principal: str,
    action: str = "sts:AssumeRole",
) -> Decision:
    """Whether a role trust policy lets ``service_principal`` (``ecs-tasks.amazonaws.com``) call ``action``.

    A Principal matches when it is ``"*"``, ``{"AWS": "*"}`` or names the service (``Service``, a
    string or a list, compared case-insensitively, no wildcards).  A NotPrincipal statement
    applies MAYBE unless it surely names the service (then it does not apply).  A Condition
    makes an Allow MAYBE, and the statement is still reported.  ``Decision.resource`` is ``"*"``.
    """
    policy = _as_trust_policy(trust_document)
    compiled = (_compile_policy(policy),)
    act = _request(action, fold=True)
    svc = _request(service_principal, fold=True)
    nothing = f"no statement of {policy.name} lets {service_principal} call {action}"
    decision = _decide(compiled, _trust_applies(act, svc), action, "*", nothing)
    return decision


def trust_statements_for_any_principal(trust_document: Policy | Mapping[str, Any] | Unknown | str) -> list[StatementRef]:
    """Statements that let any principal assume the role, with no Condition.

    These are Allow statements whose Principal is ``"*"`` or has ``"*"`` among its ``AWS``
    principals (or that use NotPrincipal, which grants everyone not listed), and whose action
    surely covers ``sts:AssumeRole``, ``sts:AssumeRoleWithWebIdentity`` or
    ``sts:AssumeRoleWithSAML``.
    """
    compiled = _compile_policy(_as_trust_policy(trust_document))
    star = _request("*", fold=False)
    assume = [_request(a, fold=True) for a in _ASSUME_ACTIONS]
    out: list[StatementRef] = []
    for s in compiled.statements:
        if not s.allow or s.deny or s.condition is not None or s.ref.unknown:
            continue
        if not any(_action_q(s, a) == _Q.YES for a in assume):
            continue
        anyone = False
        if s.principal is not None:
            p = s.principal
            if isinstance(p, str) and not isinstance(p, Partial):
                anyone = p == "*"
            elif isinstance(p, Mapping):
                anyone = any(
                    str(k).lower() == "aws" and any(_match(v, star, fold=False, wildcards=False) == _Q.YES for v in _as_list(val))
                    for k, val in p.items()
                )
        elif s.not_principal is not None:
            anyone = True
        if anyone:
            out.append(s.ref)
    return out


def has_confused_deputy_condition(statement: Mapping[str, Any] | StatementRef) -> bool:
    """True when the statement's Condition tests ``aws:SourceAccount`` or ``aws:SourceArn``.

    Any operator counts, and the key is compared case-insensitively; ``aws:SourceOrgID`` and
    ``aws:SourceOrgPaths`` (the organization-wide forms) count too.  A Condition (or an operator
    block) that is :class:`Unknown` counts as present, so that rules stay silent on it.
    """
    st = statement.statement if isinstance(statement, StatementRef) else statement
    cond = st.get("Condition")
    if isinstance(cond, Unknown):
        return True
    if not isinstance(cond, Mapping):
        return False
    for block in cond.values():
        if isinstance(block, Unknown):
            return True
        if isinstance(block, Mapping) and any(str(k).lower() in _DEPUTY_KEYS for k in block):
            return True
    return False
