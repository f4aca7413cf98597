import Testing
@testable import DataPrep

/// The model generator's prompt templates: replacing a task's prompt, the variables, the digest.
@Suite struct ModelPromptTests {
  @Test func aTemplateFileReplacesOneTaskAndKeepsTheOthers() throws {
    let prompts = try ModelPrompt.parse(yaml: "qa:\n  system: Be brief.\n  user: \"Ask {{n}} about {{title}} / {{heading_path}}: {{chunk}}\"\n", path: "p.yaml")
    #expect(prompts[.qa] == ModelPrompt(system: "Be brief.", user: "Ask {{n}} about {{title}} / {{heading_path}}: {{chunk}}"))
    #expect(prompts[.summary] == ModelPrompt.defaults[.summary])
    #expect(prompts[.qa]?.digest != ModelPrompt.defaults[.qa]?.digest)
    let messages = prompts[.qa]!.messages(["n": "2", "title": "T", "heading_path": "A > B", "chunk": "text {{title}}"])
    #expect(messages.map(\.content) == ["Be brief.", "Ask 2 about T / A > B: text {{title}}"])
  }

  @Test func badTemplatesNameTheKeyThatIsWrong() {
    for (yaml, problem) in [
      ("answers:\n  user: x\n", "answers: unknown task"),
      ("qa:\n  user: \"{{chunks}}\"\n", "qa.user: {{chunks}}: unknown variable"),
      ("qa:\n  system: x\n", "qa.user: expected a non-empty string"),
      ("qa:\n  user: x\n  temperature: 1\n", "qa.temperature: unknown key"),
      ("- qa\n", "expected a mapping of tasks"),
    ] {
      #expect(throws: InstructError.self) { try ModelPrompt.parse(yaml: yaml, path: "p.yaml") }
      do {
        _ = try ModelPrompt.parse(yaml: yaml, path: "p.yaml")
      } catch {
        #expect(error.message(naming: { $0.rawValue }).contains(problem), "\(yaml)")
      }
    }
  }
}
