"""The shift hand-over window (交接班) and its printable sheet."""
