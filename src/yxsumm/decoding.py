"""The decoding options of the generator: one typed, checked value used everywhere.

:class:`DecodingOptions` is what the CLI flags and the web sliders build, what the summariser's cache is
keyed on, what :class:`~yxsumm.results.ArticleSummary` records, and what ``generate()`` is called with.
Its defaults come from the model folder's ``generation_config.json`` (:meth:`DecodingOptions.from_model`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from .errors import InputError

#: Accepted range of each decoding option: (type, lowest, highest).
DECODING_LIMITS: dict[str, tuple[type, float, float]] = {
    "num_beams": (int, 1, 16),
    "max_length": (int, 4, 256),
    "no_repeat_ngram_size": (int, 0, 16),
    "length_penalty": (float, -4.0, 4.0),
}


#: Inputs generated together.  16 rather than 32 (twenty-second session; the 100 test articles of
#: ``bench/bench_speed.py``, 2 threads, runs interleaved): torch-int8 9.2 vs 8.0 articles/s, torch 6.9 vs
#: 6.3, and peak memory 0.82 GB instead of 1.05 GB (the beams of 32 inputs at once hold more activations).
DEFAULT_BATCH_SIZE = 16


def _checked(name: str, value: Any) -> int | float:
    kind, low, high = DECODING_LIMITS[name]
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if not is_number or (kind is int and float(value) != int(value)) or not low <= value <= high:
        raise InputError(
            f"{name} must be {'an integer' if kind is int else 'a number'} from {low} to {high}, not {value!r}"
        )
    return kind(value)


@dataclass(frozen=True)
class DecodingOptions:
    """Beam search settings for headline generation (the bundled model's defaults).

    Every field is checked against :data:`DECODING_LIMITS` when the value is made; a bad value
    (``num_beams=0``, ``"4"``, ``-1``) raises :class:`~yxsumm.InputError` naming the option and its range.
    """

    num_beams: int = 4
    max_length: int = 40
    no_repeat_ngram_size: int = 3
    length_penalty: float = 1.0

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            object.__setattr__(self, field.name, _checked(field.name, getattr(self, field.name)))

    @classmethod
    def from_model(cls, model: Any) -> DecodingOptions:
        """The options a model folder's ``generation_config.json`` asks for (clipped to the accepted range).

        A setting the configuration lacks keeps this class's default.
        """
        config = getattr(model, "generation_config", None)
        values: dict[str, Any] = {}
        for name, (kind, low, high) in DECODING_LIMITS.items():
            value = getattr(config, name, None)
            if isinstance(value, int | float) and not isinstance(value, bool):
                values[name] = kind(min(max(value, low), high))
        return cls(**values)

    def replace(self, **overrides: Any) -> DecodingOptions:
        """These options with some changed; ``None`` keeps a value, an unknown name is a ``ValueError``."""
        unknown = set(overrides) - set(DECODING_LIMITS)
        if unknown:
            raise ValueError(f"unknown decoding options: {sorted(unknown)}")
        return dataclasses.replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def generate_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``model.generate`` (greedy decoding turns ``early_stopping`` off)."""
        kwargs: dict[str, Any] = dataclasses.asdict(self)
        if self.num_beams == 1:
            kwargs["early_stopping"] = False
        return kwargs

    def to_dict(self) -> dict[str, Any]:
        """The options as a JSON-serialisable dict."""
        return dataclasses.asdict(self)
