"""The grid map: GridMapWidget (main window dock), MiniMap (dispatch dialog), MapController."""

from ui.map.widget import GridMapWidget, MiniMap

__all__ = ["GridMapWidget", "MiniMap"]
