# svodka serve in a slim image. Everything is installed at build time (the models ship in
# the natasha wheel, the gazetteer and word lists in svodka's own): the container needs no
# network at run time.  docker build -t svodka .   ·   docker compose up (compose.yaml)
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir --prefix=/install '.[web,pg,html]'

FROM python:3.11-slim
COPY --from=build /install /usr/local
RUN useradd --create-home --uid 10001 svodka && mkdir /data && chown svodka /data
USER svodka
WORKDIR /data
ENV SVODKA_DB=/data/svodka.db \
    PYTHONUNBUFFERED=1
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health', timeout=4)"
CMD ["svodka", "serve", "--host", "0.0.0.0", "--port", "8000"]
