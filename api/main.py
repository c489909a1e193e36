"""`uvicorn api.main:app`: the app built from the environment's settings.

Logging is configured here, in every worker process, not only by `oms serve`.
"""

from api.app import create_app
from api.logs import configure_logging
from api.settings import settings

configure_logging(settings.log_format)
app = create_app()
