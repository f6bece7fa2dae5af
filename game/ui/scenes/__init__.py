"""The scenes of the desktop game, one module each."""
