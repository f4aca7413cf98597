import Testing
@testable import DataPrep

@Suite struct InstructTemplateTests {
  @Test func sectionTemplateMakesOneExamplePerSection() throws {
    let templates = try InstructTemplate.parse(
      yaml: """
        task: explain
        unit: section
        system: You explain the {{title}}.
        instruction:
          - "Explain {{section.heading}}."
          - "Tell me about {{ section.heading }}."
        """, path: "t.yaml")
    let options = InstructOptions(format: .openAIChat, templates: templates)
    #expect(options.tasks.isEmpty)
    let out = try InstructFixtures.run([InstructFixtures.manual], options).1
    #expect(out.count == 4)
    #expect(out[1]["messages"]?.value(atPath: "0.content") == "You explain the Widget Manual.")
    let instruction = try #require(out[1]["messages"]?.value(atPath: "1.content")?.stringValue)
    #expect(["Explain Installation.", "Tell me about Installation."].contains(instruction))
    #expect(out[1]["messages"]?.value(atPath: "2.content") == "Plug the widget into a USB port and wait for the green light.")
    #expect(out[1]["metadata"]?["task"] == "explain")
  }

  @Test func documentTemplateFillsMetadataAndFields() throws {
    let templates = try InstructTemplate.parse(
      yaml: """
        templates:
          - instruction: "Describe {{title}}"
            input: "{{metadata.description}}"
            response: "{{text}}"
        """, path: "t.yaml")
    let out = try InstructFixtures.run([InstructFixtures.manual], InstructOptions(format: .alpaca, templates: templates)).1
    #expect(out.count == 1)
    #expect(out[0]["instruction"] == "Describe Widget Manual")
    #expect(out[0]["input"]?.stringValue?.hasPrefix("A manual for the widget") == true)
    #expect(out[0]["metadata"]?["task"] == "template")
  }

  @Test func badTemplatesAreRefusedWithTheProblem() {
    let cases = [
      ("instruction: 3", "instruction"),
      ("instruction: hi\nunit: page", "unit"),
      ("instruction: \"{{section.text}}\"", "needs `unit: section`"),
      ("instruction: \"{{author}}\"", "unknown field"),
      ("instruction: hi\ncolour: red", "colour"),
      ("- a\n- b", "expected a mapping"),
      ("templates: []", "non-empty list"),
      ("instruction: [a, \"", "not valid YAML"),
    ]
    for (yaml, expected) in cases {
      #expect("\(yaml)", performing: { _ = try InstructTemplate.parse(yaml: yaml, path: "t.yaml") }, throws: { error in
        (error as? InstructError)?.localizedDescription.contains(expected) == true
      })
    }
  }

  @Test func systemPromptsNeedMessageListsInPromptCompletion() throws {
    let templates = try InstructTemplate.parse(yaml: "system: S\ninstruction: I", path: "t.yaml")
    #expect(throws: InstructError.self) { try InstructOptions(format: .promptCompletion, templates: templates).check() }
    #expect(throws: Never.self) {
      try InstructOptions(format: .promptCompletion, templates: templates, conversationalPrompts: true).check()
    }
  }
}
