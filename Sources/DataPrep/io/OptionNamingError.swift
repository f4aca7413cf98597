import Foundation

/// An error whose message names settings (``OptionName``): its front end words them.
///
/// The description names each setting the way ``OptionName/naming`` says (by default a property,
/// `` `force` ``); the CLI binds its flag names, so the library itself never names a flag.
public protocol OptionNamingError: LocalizedError {
  /// The message, with every setting written by `name`.
  func message(naming name: (OptionName) -> String) -> String
}

extension OptionNamingError {
  /// The message with settings named by ``OptionName/naming``.
  public var errorDescription: String? { message(naming: OptionName.naming) }
}
