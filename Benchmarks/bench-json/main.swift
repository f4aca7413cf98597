// Placeholder: this release-mode benchmark lands with its stage.
print("bench-json: not written yet")
