"""Dialogs of the main window (actions, login)."""
