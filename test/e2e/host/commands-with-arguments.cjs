// Runs inside VS Code's extension host (code-server), loaded through the workbench's `payload`
// (extensionTestsPath): every CCHC command driven by arguments alone, no dialog. commands.e2e.ts writes
// host-test.json into the workspace and reads host-out/results.json back.
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vscode = require("vscode");

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const config = JSON.parse(fs.readFileSync(path.join(folder, "host-test.json"), "utf8"));
  const out = path.join(folder, "host-out");
  fs.mkdirSync(out, { recursive: true });
  const run = (command, ...args) => vscode.commands.executeCommand(command, ...args);
  const results = [];
  async function step(name, body) {
    try {
      results.push({ name, ok: true, value: await body() });
    } catch (error) {
      results.push({ name, ok: false, error: String((error && error.stack) || error) });
    }
  }

  await step("a wrong token is refused and not stored", async () => {
    assert.equal(await run("cchc.signIn", "wrong-token-0000000000000000"), false);
  });
  await step("signIn takes the token as its argument", async () => {
    assert.equal(await run("cchc.signIn", config.token), true);
  });
  await step("refresh answers the board", async () => {
    const board = await run("cchc.refresh");
    assert.equal(board.id, config.directiveId);
    return board.units.length;
  });
  await step("selectDirective takes the id", async () => {
    assert.equal(await run("cchc.selectDirective", config.directiveId), config.directiveId);
  });
  await step("exportComplianceReport takes format and filePath", async () => {
    const file = path.join(out, "report.csv");
    assert.equal(await run("cchc.exportComplianceReport", { format: "CSV", filePath: file }), file);
    return fs.statSync(file).size;
  });
  await step("generateApologyLetters takes unitCode and folder", async () => {
    const letters = path.join(out, "letters");
    const written = await run("cchc.generateApologyLetters", { unitCode: config.unitCode, folder: letters });
    assert.ok(Array.isArray(written) && written.length > 0, `wrote ${JSON.stringify(written)}`);
    for (const file of written) assert.ok(fs.existsSync(file) && file.endsWith(".docx"), file);
    return written.length;
  });
  await step("generateApologyLetter takes caseCode and filePath", async () => {
    const file = path.join(out, "one-letter.docx");
    assert.equal(await run("cchc.generateApologyLetter", { caseCode: config.caseCode, filePath: file }), file);
  });
  await step("generateReminderLetter takes filePath", async () => {
    const file = path.join(out, "reminder.docx");
    assert.equal(await run("cchc.generateReminderLetter", { filePath: file }), file);
  });
  await step("importApologies takes a path and answers the errors", async () => {
    const file = path.join(out, "bad-apologies.csv");
    fs.writeFileSync(file, "case_code,number,issued_at,reason,new_due_at,signer\nNO-SUCH-CASE,1/PXL,01/03/2023,Lý do,10/03/2023,Người ký\n");
    const result = await run("cchc.importApologies", file);
    assert.ok(result.errors.length > 0, JSON.stringify(result));
    assert.equal(result.created, 0);
    return result.errors.map((e) => e.line);
  });
  await step("runQuery takes the query and variables", async () => {
    const response = await run("cchc.runQuery", {
      query: "query Unit($code: String!) { unit(code: $code) { code } }",
      variables: { code: config.unitCode },
    });
    assert.equal(response.data.unit.code, config.unitCode);
  });
  await step("signOut removes the token", async () => {
    await run("cchc.signOut");
    const board = await run("cchc.refresh");
    assert.equal(board, undefined);
  });

  fs.writeFileSync(path.join(out, "results.json"), JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} steps failed: ${failed.map((f) => f.name).join("; ")}`);
};
