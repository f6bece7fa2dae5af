"""The news column: scrolled down, the count of newer items has a line of its own."""

import pygame


def test_the_count_of_newer_items_covers_no_headline(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=2, talk_round=1)
    d.key(pygame.K_n)
    feed = d.widget("news")
    assert len(t.feed) > 4
    for scrolled in range(1, 4):
        d.key(pygame.K_DOWN)
        d.frame()
        places = d.places()
        marker = [rect for text, rect in places if text == f"\u25b2 {scrolled} newer"]
        assert marker, f"scrolled {scrolled} down, the feed says how many items are newer"
        lines = [(text, rect) for text, rect in places
                 if feed.rect.contains(rect) and not text.startswith(("\u25b2", "\u25bc"))]
        assert lines, "the feed shows items below the count"
        covered = [text for text, rect in lines if rect.colliderect(marker[0])]
        assert not covered, f"'\u25b2 {scrolled} newer' is drawn over {covered}"
