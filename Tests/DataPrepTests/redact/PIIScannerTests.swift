import Testing
@testable import DataPrep

/// Every kind `redact` finds, with texts that hold one and hard negatives that must stay.
@Suite struct PIIScannerTests {
  /// The found values of `text`, as (kind, value).
  static func found(_ text: String, _ kinds: Set<PIIKind> = Set(PIIKind.allCases)) -> [(PIIKind, String)] {
    let bytes = Array(text.utf8)
    return PIIScanner(kinds: kinds).findings(in: text).map { ($0.kind, String(decoding: bytes[$0.range], as: UTF8.self)) }
  }

  static func values(_ text: String, _ kind: PIIKind) -> [String] {
    found(text).filter { $0.0 == kind }.map(\.1)
  }

  @Test func emailsAreFoundWithoutTrailingPunctuation() {
    #expect(Self.values("Write to jane.doe+lists@mail.example.org.", .email) == ["jane.doe+lists@mail.example.org"])
    #expect(Self.values("Contact: <bob_smith@corp.co.uk>, or mailto:ann@b.io", .email) == ["bob_smith@corp.co.uk", "ann@b.io"])
  }

  @Test func emailLookalikesStay() {
    #expect(Self.found("Use logo@2x.png and @types/node, npm install pkg@1.2.3, user@localhost").isEmpty)
    #expect(Self.values("a@b", .email).isEmpty)
  }

  @Test func publicIPv4IsFoundAndPrivateLoopbackAndDocumentationRangesStay() {
    #expect(Self.values("The server at 8.8.8.8 answered; so did 151.101.1.69.", .ip) == ["8.8.8.8", "151.101.1.69"])
    let stays = "Hosts 10.0.0.1, 127.0.0.1, 192.168.1.20, 172.16.4.4, 169.254.0.3, 192.0.2.15, 198.51.100.7, 203.0.113.9 and 0.0.0.0"
    #expect(Self.values(stays, .ip).isEmpty)
  }

  @Test func versionNumbersAreNotAddresses() {
    #expect(Self.values("Upgrade to version 1.2.3.4 now; release 4.2.1.0 followed.", .ip).isEmpty)
    #expect(Self.values("The OID 1.3.6.1.4.1.311 and 2.5.4.3.1.2 are identifiers.", .ip).isEmpty)
    #expect(Self.values("See Section 24.2.2.3 for more.\n\n#### 9.16.2.3. SQL/JSON\n49.6.4.5. Change Callbacks", .ip).isEmpty)
    #expect(Self.values("Access log:\n81.2.69.160 - - GET /", .ip) == ["81.2.69.160"])
  }

  @Test func publicIPv6IsFoundAndDocumentationLinkLocalAndLoopbackStay() {
    #expect(Self.values("Resolve 2606:4700:4700::1111 or 2a00:1450:4001:81c::200e.", .ip) == ["2606:4700:4700::1111", "2a00:1450:4001:81c::200e"])
    #expect(Self.values("Use 2001:db8::1, fe80::1, ::1 and fd12:3456::7 in examples.", .ip).isEmpty)
    #expect(Self.values("std::vector and 10:30:00 and 00:1a:2b:3c:4d:5e", .ip).isEmpty)
  }

  @Test func internationalAndNationalPhoneNumbersAreFound() {
    #expect(Self.values("Call +1 415 555 0132 or +44 20 7946 0958.", .phone) == ["+1 415 555 0132", "+44 20 7946 0958"])
    #expect(Self.values("Office: (415) 555-0132, fax 415-555-0199.", .phone) == ["(415) 555-0132", "415-555-0199"])
    #expect(Self.values("Tel. 030 12345678 oder 01 23 45 67 89", .phone) == ["030 12345678", "01 23 45 67 89"])
  }

  @Test func datesIsbnsDoisAndNumbersInCodeAreNotPhones() {
    let text = """
      Released 2024-01-15, updated 15.01.2024 and 01/15/2024. ISBN 978-0-596-52068-7, \
      doi 10.1000/182. Run `curl -d 415-555-0132` or ``echo `x` 415-555-0199`` then:

      ```
      port = 030 12345678
      ```
      """
    #expect(Self.values(text, .phone).isEmpty)
  }

  @Test func aTildeUnderlineIsNotAFenceAndAnUnclosedBacktickIsLiteral() {
    let text = "Support\n~~~~~~~\nCall `support` or ` +44 20 7946 0958 today."
    #expect(Self.values(text, .phone) == ["+44 20 7946 0958"])
  }

  @Test func luhnValidCardsWithKnownPrefixesAreFound() {
    #expect(Self.values("Card 4111 1111 1111 1111 and 5555-5555-5555-4444 and 378282246310005.", .card)
      == ["4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005"])
  }

  @Test func luhnInvalidAndUnknownPrefixNumbersAreNotCards() {
    #expect(Self.values("Order 4111 1111 1111 1112 and 9999 9999 9999 9995 and 1234567890123456.", .card).isEmpty)
  }

  @Test func mod97ValidIBANsAreFoundCompactOrGrouped() {
    #expect(Self.values("Pay DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432.", .iban) == ["DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432"])
  }

  @Test func ibansWithABadCheckOrLengthStay() {
    #expect(Self.values("Pay DE89 3704 0044 0532 0130 01 or DE89 3704 0044 0532 013.", .iban).isEmpty)
  }

  @Test func issuerPrefixedTokensAreSecrets() {
    let tokens = [
      "AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A", "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
      "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123", "glpat-xYz12AbC34dEf56GhI78j",
      "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
      "rk_live_51H8abcDEFghiJKLmnoPQRst", "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
    ]
    for token in tokens {
      #expect(Self.values("the key \(token) here", .secret) == [token], "\(token)")
    }
  }

  @Test func tokenPlaceholdersAndShortPrefixesStay() {
    #expect(Self.values("Set xoxb-your-slack-bot-token, ghp_short, sk_test_4eC39HqLyjWDarjtT1zdp7dc, AKIA1234.", .secret).isEmpty)
  }

  @Test func awsSecretKeysNeedAnAWSContext() {
    let key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    #expect(Self.values("aws_secret_access_key = \(key)", .secret) == [key])
    #expect(Self.values("The AWS secret is \(key).", .secret) == [key])
    #expect(Self.values("commit 3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6d7e8f9a0 fixed it", .secret).isEmpty)
  }

  @Test func jwtsWithAnAlgHeaderAreSecrets() {
    let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    #expect(Self.values("Authorization: Bearer \(jwt)", .secret).contains(jwt))
    #expect(Self.values("eyJub3RoaW5nIjoxfQ.abcdef.ghijkl is not one", .secret).isEmpty)
  }

  @Test func pemPrivateKeyBlocksAreSecretsAndPublicKeysStay() {
    let block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabc\n-----END RSA PRIVATE KEY-----"
    #expect(Self.values("key:\n\(block)\ndone", .secret) == [block])
    #expect(Self.values("-----BEGIN PUBLIC KEY-----\nMIIBIjANBg\n-----END PUBLIC KEY-----", .secret).isEmpty)
  }

  @Test func passwordsInKeyValueFormsAreSecrets() {
    #expect(Self.values("db_password = Tr0ub4dor!3xq", .secret) == ["Tr0ub4dor!3xq"])
    #expect(Self.values(#"{"api_key": "f9A7kQ2mZx81LpW0"}"#, .secret) == ["f9A7kQ2mZx81LpW0"])
    #expect(Self.values("Server=db;User Id=sa;Password=S3cure!Pass99;", .secret) == ["S3cure!Pass99"])
    #expect(Self.values("CLIENT_SECRET: 8dK2-pq9Zr4LmN7x", .secret) == ["8dK2-pq9Zr4LmN7x"])
  }

  @Test func tutorialPlaceholdersAreNotSecrets() {
    let text = """
      password = <your password>
      password: changeme
      PASSWORD=${PASSWORD}
      api_key = xxxxxxxxxxxxxxxx
      token = os.environ["TOKEN"]
      csrf_token: "CSRF token missing or incorrect."
      api_key = fake-api-key-123
      secret_key = settings.SECRET_KEY
      password: required
      The password: it is set at install time.
      """
    #expect(Self.values(text, .secret).isEmpty)
  }

  @Test func urlCredentialsAreSecretsUnlessPlaceholders() {
    #expect(Self.values("postgres://app:Xk9-vQ2pLm@db.internal:5432/app", .secret) == ["Xk9-vQ2pLm"])
    #expect(Self.found("postgres://user:pass@host/db and mysql://root:<password>@localhost").isEmpty)
  }

  @Test func onlyTheRequestedKindsAreLookedFor() {
    let text = "mail ann@corp.com from 8.8.8.8 with ghp_16C7e42F292c6912E7710c838347Ae178B4a"
    #expect(Self.found(text, [.email]).map(\.0) == [.email])
    #expect(Self.found(text).map(\.0) == [.email, .ip, .secret])
  }
}
