"""DataProblem: a problem with what a person sent, raised as a message id with parameters."""

from __future__ import annotations

from typing import Any

from i18n.catalogue import TEXTS, t


class DataProblem(ValueError):
    """A problem with what a person sent; its words come from the catalogue where it is shown."""

    def __init__(self, message_id: str, **params: Any):
        if message_id not in TEXTS:
            raise KeyError(f"unknown message id {message_id!r}")
        self.message_id = message_id
        self.params = params
        super().__init__(self.message_en)

    @property
    def message_vi(self) -> str:
        return t(self.message_id, "vi", **self.params)

    @property
    def message_en(self) -> str:
        return t(self.message_id, "en", **self.params)

    def __str__(self) -> str:
        return self.message_en
