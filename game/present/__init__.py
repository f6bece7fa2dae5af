"""How the game reads: the one wording of options, offers, effects, moves, deals and news.

Pure Python over public scenario data and a seat's observation, shared by the desktop client,
the browser client (through the server), the reports and the AI's voice.
"""
