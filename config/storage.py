"""Static files in production: hashed and compressed once `collectstatic` has run, and served
as they are until it has, so that a deployment that skipped the step still serves its pages."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name: str) -> str:
        # No manifest yet (collectstatic has not run): Django's storage would raise "Missing
        # staticfiles manifest" on every {% static %}, a 500 on every page.
        if not self.hashed_files:
            return name
        return super().stored_name(name)
