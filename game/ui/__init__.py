"""Drawing helpers shared by the scenes: fonts, UI text, panels, menus."""
