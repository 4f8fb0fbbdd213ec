"""A corpus of hostile strings: what a careless paste or a compromised contributor could
put in any field.  Each one that could run script calls alert() with its own number."""

from __future__ import annotations

import json

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "<svg><script>alert(4)</script></svg>",
    '"><script>alert(5)</script>',
    "'><img src=x onerror=alert(6)>",
    "</script><script>alert(7)</script>",
    "</title><script>alert(8)</script>",
    '<iframe src="javascript:alert(9)"></iframe>',
    '<a href="javascript:alert(10)">link 10</a>',
    '<a href="JaVaScRiPt:alert(11)">link 11</a>',
    '<a href="&#106;avascript:alert(12)">link 12</a>',
    '<a href="java&#x09;script:alert(13)">link 13</a>',
    '<a href=" javascript:alert(14)">link 14</a>',
    '<a href="data:text/html,<script>alert(15)</script>">link 15</a>',
    "<body onload=alert(16)>",
    '<div onmouseover="alert(17)">hover 17</div>',
    "<details open ontoggle=alert(18)>",
    "<input autofocus onfocus=alert(19)>",
    '<object data="javascript:alert(20)"></object>',
    '<embed src="javascript:alert(21)">',
    "<style>@import 'javascript:alert(22)';</style>",
    '<form action="javascript:alert(23)"><button>go 23</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(24)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(25)>">',
    "{{ 7*7 }}",
    "{% raw %}{{ config }}{% endraw %}",
    "{{ ''.__class__.__mro__ }}",
    "${alert(29)}",
    "<scr<script>ipt>alert(30)</scr</script>ipt>",
    "<video><source onerror=alert(31)></video>",
    '<marquee onstart="alert(32)">32</marquee>',
    "[link 33](javascript:alert(33))",
    "![image 34](javascript:alert(34))",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(35)">',
    '<base href="javascript:alert(36)//">',
    "' onmouseover='alert(37)",
    '" autofocus onfocus="alert(38)',
    '<a href="vbscript:msgbox(39)">link 39</a>',
    '<img src="https://evil.invalid/40.png">',
    "<!--<img src=x onerror=alert(41)>-->",
    "<<script>alert(42);//<</script>",
    # Spreadsheet formula injection, for the CSV export.
    '=HYPERLINK("https://evil.invalid","43")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]
# Values for fields that must be http(s) URLs: the schema lets these through.
URL_PAYLOADS = [
    'https://x.invalid/"><script>alert(43)</script>',
    "https://x.invalid/'onmouseover='alert(44)'",
    "https://x.invalid/</script><script>alert(45)</script>",
]


def _quoted(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML scalar that keeps every character


def hostile_event(index: int, payload: str) -> str:
    """An event whose every field carries ``payload``; its source's address, a URL payload."""
    q = _quoted
    url = URL_PAYLOADS[index % len(URL_PAYLOADS)]
    return (
        f"---\ntitle: {q(payload)}\ndate: 2023-12-{index % 28 + 1:02d}\ndate_note: {q(payload)}\n"
        f"summary: {q(payload)}\nplace: {q(payload)}\ntags: [{q(payload)}]\n"
        f"actors:\n  - id: a{index % 5}\n    role: {q(payload)}\n"
        f"related: [e{(index + 1) % len(PAYLOADS)}]\n"
        f"sources:\n  - id: src\n    title: {q(payload)}\n    publisher: {q(payload)}\n    url: {q(url)}\n---\n\n"
        f"{payload} [^src]\n\n## {payload}\n\nText with {payload} inline.[^src]\n"
    )


def hostile_actor(index: int) -> str:
    q = _quoted
    name, alias, role = PAYLOADS[index], PAYLOADS[-index - 1], PAYLOADS[index + 10]
    parent = f"affiliations:\n  - organisation: a{index + 1}\n    role: {q(role)}\n" if index < 4 else ""
    return (
        f"---\nname: {q(name)}\nkind: group\naliases: [{q(alias)}]\nsummary: {q(role)}\n{parent}"
        f"sources:\n  - id: src\n    title: {q(name)}\n    publisher: {q(alias)}\n---\n\n{role}[^src]\n"
    )


def hostile_events() -> dict[str, str]:
    """A chronology of one event a payload (e0.md ... e44.md), each naming the next as related."""
    return {f"e{i}.md": hostile_event(i, payload) for i, payload in enumerate(PAYLOADS)}


def hostile_actors() -> dict[str, str]:
    return {f"a{i}.md": hostile_actor(i) for i in range(5)}
