"""The statistics panel (统计分析): filters, charts, evaluation tables and the drill-down."""
