"""The Russian text toolkit below the stages and the store: morphology, number-aware tokens,
quote and dash sets, number words, name normalisation."""
