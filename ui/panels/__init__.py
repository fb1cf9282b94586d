"""Dockable panels of the main window: each a widget with its own small controller."""
