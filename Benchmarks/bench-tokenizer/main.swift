// Placeholder: this release-mode benchmark lands with its stage.
print("bench-tokenizer: not written yet")
