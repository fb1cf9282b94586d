"""User actions on cases: QActions with shortcuts, their dialogs, and the controller."""
