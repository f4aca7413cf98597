import ArgumentParser

extension ValidationError {
  /// Runs `body`, turning a library error it throws into a usage error, which argument-parser
  /// shows as it shows a bad flag (`Error: …` and the usage line) rather than as a failed run.
  /// A `ValidationError` passes unchanged.
  static func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as ValidationError {
      throw error
    } catch {
      throw ValidationError(error.localizedDescription)
    }
  }
}
