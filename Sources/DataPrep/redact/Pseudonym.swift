/// Stand-ins for `--mode pseudonym`: HMAC-SHA256 of the kind and value under the user's key,
/// shaped like the kind so structure survives (`user-3f2a9c@example.invalid`, `10.x.y.z`) and in
/// ranges no detector reports again (reserved domain, private and documentation addresses).
struct Pseudonym: Sendable {
  let key: [UInt8]

  init(key: [UInt8]) {
    self.key = key
  }

  /// The stand-in for `value` of `kind`.
  func standIn(for value: UnsafeBufferPointer<UInt8>, kind: PIIKind) -> String {
    let label = Array(kind.rawValue.utf8) + [0]
    let mac = label.withUnsafeBytes { SHA256Digest.hmac(key: key, parts: [$0, UnsafeRawBufferPointer(value)]) }
    let hex = HexBytes.encode(Array(mac.prefix(3)))
    switch kind {
    case .email: return "user-\(hex)@example.invalid"
    case .ip:
      if value.contains(0x3A) { return "fd00::\(HexBytes.encode(Array(mac[0..<2]))):\(HexBytes.encode(Array(mac[2..<4])))" }
      return "10.\(mac[0]).\(mac[1]).\(mac[2])"
    case .phone: return "+000-\(hex)"
    case .card: return "card-\(hex)"
    case .iban: return "XX00-\(hex)"
    case .secret: return "secret-\(HexBytes.encode(Array(mac.prefix(6))))"
    }
  }
}
