# The OMS API. Same install and start commands as the README and .ci/run.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:///data/oms.sqlite3 \
    BROADCAST_URL=memory://

WORKDIR /app
COPY pyproject.toml README.md ./
COPY api ./api
COPY models ./models
COPY resolvers ./resolvers
COPY migrations ./migrations
RUN pip install --no-cache-dir . \
    && useradd --create-home --uid 10001 oms \
    && mkdir /data \
    && chown oms /data

USER 10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status == 200 else 1)"]
# `oms serve` applies the migrations first, then serves.
CMD ["oms", "serve", "--host", "0.0.0.0", "--port", "8000"]
