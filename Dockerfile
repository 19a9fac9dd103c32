FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml ./
COPY config ./config
COPY authorities ./authorities
COPY inspections ./inspections
COPY ingest ./ingest
COPY review ./review
COPY vocabulary ./vocabulary
COPY ofsted ./ofsted
COPY official ./official
RUN pip install --no-cache-dir .
COPY . .
RUN SECRET_KEY=build-only python manage.py collectstatic --no-input -v0
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && gunicorn config.wsgi --bind 0.0.0.0:8000 --workers 3 --timeout 180"]
