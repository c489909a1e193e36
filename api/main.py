"""`uvicorn api.main:app`: the app built from the environment's settings.

Runs in every worker process: first the metrics directory it shares with its
siblings (before prometheus-client is imported), then tracing (before the
schema is built), then logging, then the app; last, the garbage collector is
tuned for requests (what was built so far is kept out of its collections).
"""

from api.workers import join_metrics_dir, tune_garbage_collection

join_metrics_dir()

from api.tracing import configure_from_env  # noqa: E402 - after the metrics directory

configure_from_env()

from api.app import create_app  # noqa: E402 - the schema reads the tracing setup
from api.logs import configure_logging  # noqa: E402
from api.settings import settings  # noqa: E402

configure_logging(settings.log_format)
app = create_app()
tune_garbage_collection()
