import Testing

extension Tag {
  /// A test that takes over about 5 seconds (gigabyte streams, 64 MB lines, every locale):
  /// CI runs it; locally `swift test --skip LongTests` leaves it out: SwiftPM 6.3 filters
  /// by name, not by tag, so long tests sit in nested suites named `LongTests` (docs/testing.md).
  @Tag package static var long: Self
}
