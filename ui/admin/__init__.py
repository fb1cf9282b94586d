"""Administrator's screens: the working calendar (工作日历)."""
