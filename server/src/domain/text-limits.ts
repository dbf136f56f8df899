/**
 * How many characters each stored text holds: the one table behind the database columns (the
 * entities' TextColumn), the API inputs' length checks (@MaxLength via MaxText) and the import
 * columns' maxLength (docs/import-formats.md). A key named elsewhere (an apology's caseCode, any
 * unitCode) holds what the column it names holds. The migrations wrote these lengths into the
 * schema when they ran: a change here needs a migration too.
 */
export const TEXT_LIMITS = {
  unit: { code: 50, name: 255, kind: 20 },
  directive: { number: 100, subject: 1000 },
  case: { code: 100, procedureName: 500, applicantName: 255 },
  apology: { number: 100, reason: 2000, signer: 255, publishedVia: 255 },
  hpNetTask: { externalId: 100, title: 1000, assignee: 255, workFileCode: 100 },
  holiday: { kind: 20, name: 255 },
  apiToken: { name: 255, role: 20, tokenHash: 64 },
  auditEntry: { actorName: 255, actorRole: 20, operation: 100, subjectKey: 255 },
} as const;
