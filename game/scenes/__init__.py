"""One scene per screen, on a stack; the top scene gets input, visible ones are drawn."""
