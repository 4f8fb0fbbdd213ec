"""Each block of a body takes its direction from its own text (`dir="auto"`, added after
the sanitiser), but the list of sources keeps the page's."""

from __future__ import annotations

from generator.render.sanitize import clean_body, directed


def test_every_block_of_a_body_takes_its_direction_from_its_text():
    html = clean_body(
        "<h2>Heading</h2><p>Text.</p><ul><li>Item.</li></ul><blockquote><p>Quote.</p></blockquote>"
        "<table><tr><th>Who</th></tr><tr><td>Cell.</td></tr></table><p><em>inline</em> stays</p>"
    )
    assert html == (
        '<h2 dir="auto">Heading</h2><p dir="auto">Text.</p><ul dir="auto"><li dir="auto">Item.</li></ul>'
        '<blockquote dir="auto"><p dir="auto">Quote.</p></blockquote><table dir="auto"><tbody><tr><th dir="auto">'
        'Who</th></tr><tr><td dir="auto">Cell.</td></tr></tbody></table><p dir="auto"><em>inline</em> stays</p>'
    )


def test_an_editors_own_direction_is_kept_and_a_wrong_one_dropped():
    assert clean_body('<p dir="rtl">نص</p><p dir="sideways">x</p>') == '<p dir="rtl">نص</p><p dir="auto">x</p>'


def test_the_list_of_sources_keeps_the_pages_direction():
    html = clean_body(
        '<p>Body.</p><div class="footnote"><h2>Sources</h2><ol><li id="fn:a"><p><cite class="tl-source__title" '
        'dir="auto">Title.</cite>, <bdi>Publisher.</bdi></p></li></ol><div>nested</div></div><p>After.</p>'
    )
    assert html == (
        '<p dir="auto">Body.</p><div class="footnote"><h2>Sources</h2><ol><li id="fn:a"><p><cite '
        'class="tl-source__title" dir="auto">Title.</cite>, <bdi>Publisher.</bdi></p></li></ol><div>nested</div>'
        '</div><p dir="auto">After.</p>'
    )


def test_a_tag_written_inside_an_attribute_is_not_given_a_direction():
    # A '<p' in a title must never have ' dir="auto"' written into it: its quotes would
    # end the value and the rest of the title would become attributes.
    html = clean_body('<p title="<p onclick=alert(1) x">Text</p><a href="/x" title="<li">link</a>')
    assert html == '<p dir="auto" title="&lt;p onclick=alert(1) x">Text</p><a href="/x" title="&lt;li">link</a>'


def test_html_not_in_the_cleaners_form_is_left_as_it_is():
    assert directed("<p>a<!-- note --></p>") == "<p>a<!-- note --></p>"
