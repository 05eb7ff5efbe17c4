"""The one way to change an evaluation: small serialisable change objects applied by :func:`apply_change`.

The same objects are what the desktop app's undo stack holds, what the store writes to the audit trail in the
same transaction as the new state, and what a workshop ballot import produces. Each change knows its inverse
(computed against the evaluation it is applied to), so undo is simply applying the inverse.
"""

from __future__ import annotations

from ..serial import weights_to_data
from .base import Batch, Change, apply_change, change_from_data
from .participants import AddParticipant, RemoveParticipant, UpdateParticipant
from .scores import SetAssessment, set_score
from .settings import AGGREGATIONS, SetMethodParams, SetSetting
from .structure import (
    AddAlternative,
    AddArea,
    AddCriterion,
    MoveAlternative,
    RemoveAlternative,
    RemoveArea,
    RemoveCriterion,
    UpdateAlternative,
    UpdateArea,
    UpdateCriterion,
)
from .weights import ClearParticipantWeights, SetWeights

__all__ = [
    "AddAlternative",
    "AddArea",
    "AddCriterion",
    "AddParticipant",
    "Batch",
    "Change",
    "ClearParticipantWeights",
    "MoveAlternative",
    "RemoveAlternative",
    "RemoveArea",
    "RemoveCriterion",
    "RemoveParticipant",
    "SetAssessment",
    "SetMethodParams",
    "SetSetting",
    "SetWeights",
    "UpdateAlternative",
    "UpdateArea",
    "UpdateCriterion",
    "UpdateParticipant",
    "AGGREGATIONS",
    "apply_change",
    "change_from_data",
    "set_score",
    "weights_to_data",
]
