"""Alert sounds played by the reminder notifications (alert.wav, made by `synth.py`)."""

ALERT = "alert.wav"
