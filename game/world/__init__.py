"""The simulation: clock, bodies, characters, conversations. No drawing happens here."""
