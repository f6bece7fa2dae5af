"""The desktop client: pygame-ce scenes on a stack, drawing only what observations show.

Nothing here imports pygame at package import, so `python main.py` can say
there is no display before touching SDL.
"""
