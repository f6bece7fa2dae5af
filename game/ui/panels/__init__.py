"""The panels of the table scene, one module each."""
