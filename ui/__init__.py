"""Qt user interface of the workstation (the only package that imports PySide6)."""
