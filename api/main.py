"""`uvicorn api.main:app`: the app built from the environment's settings."""

from api.app import create_app

app = create_app()
