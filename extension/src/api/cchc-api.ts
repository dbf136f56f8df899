import type {
  ApiDocument,
  AssigneeStats,
  DirectiveBoard,
  DirectiveSummary,
  ImportKind,
  ImportResult,
  OutstandingCase,
  OutstandingTask,
  Page,
  ReportFormat,
} from "./api-types.js";
import type { GraphQLClient } from "./graphql-client.js";
import * as op from "./operations.js";

export type TaskGap = "unreported" | "unfiled";

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

function toPage<T>(connection: Connection<T>): Page<T> {
  return {
    items: connection.edges.map((edge) => edge.node),
    totalCount: connection.totalCount,
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
}

/** The typed operations of the contract the extension uses; each throws ApiError on failure. */
export class CchcApi {
  constructor(readonly client: GraphQLClient) {}

  async checkToken(signal?: AbortSignal): Promise<void> {
    await this.client.request(op.WHO_AM_I, {}, { signal });
  }

  async directives(signal?: AbortSignal): Promise<DirectiveSummary[]> {
    return (await this.client.request<{ directives: DirectiveSummary[] }>(op.DIRECTIVES, {}, { signal })).directives;
  }

  /** The chosen directive's board, or the latest directive's when none is chosen; null when none exists. */
  async board(directiveId?: string, signal?: AbortSignal): Promise<DirectiveBoard | null> {
    if (directiveId) {
      return (await this.client.request<{ directive: DirectiveBoard | null }>(op.BOARD_BY_ID, { id: directiveId }, { signal }))
        .directive;
    }
    return (await this.client.request<{ latestDirective: DirectiveBoard | null }>(op.LATEST_BOARD, {}, { signal }))
      .latestDirective;
  }

  /** Late or overdue cases of a unit in the directive's scope that still have no apology. */
  async casesWithoutApology(directiveId: string, unitCode: string, first: number, after?: string | null): Promise<Page<OutstandingCase>> {
    const data = await this.client.request<{ cases: Connection<OutstandingCase> }>(op.OUTSTANDING_CASES, {
      filter: { directiveId, unitCode, overdue: true, apologized: false },
      first,
      after: after ?? null,
    });
    return toPage(data.cases);
  }

  async tasksWith(gap: TaskGap, directiveId: string, unitCode: string, first: number, after?: string | null): Promise<Page<OutstandingTask>> {
    const filter = gap === "unreported" ? { directiveId, unitCode, reported: false } : { directiveId, unitCode, filed: false };
    const data = await this.client.request<{ hpnetTasks: Connection<OutstandingTask> }>(op.OUTSTANDING_TASKS, {
      filter,
      first,
      after: after ?? null,
    });
    return toPage(data.hpnetTasks);
  }

  /** Directive.assignees of one unit (HpNet statistics per person); an empty list when the directive is gone. */
  async assignees(directiveId: string, unitCode: string): Promise<AssigneeStats[]> {
    const data = await this.client.request<{ directive: { assignees: AssigneeStats[] } | null }>(op.ASSIGNEES, { id: directiveId, unitCode });
    return data.directive?.assignees ?? [];
  }

  /** Every task of a unit with that gap, page after page (bounded by the unit's own count the board shows). */
  async allTasksWith(gap: TaskGap, directiveId: string, unitCode: string, pageSize = 200): Promise<OutstandingTask[]> {
    const items: OutstandingTask[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.tasksWith(gap, directiveId, unitCode, pageSize, after);
      items.push(...page.items);
      if (!page.hasNextPage || page.endCursor === null) return items;
      after = page.endCursor;
    }
  }

  async apologyLetter(caseCode: string, signal?: AbortSignal): Promise<ApiDocument> {
    return (await this.client.request<{ apologyLetter: ApiDocument }>(op.APOLOGY_LETTER, { caseCode }, { signal })).apologyLetter;
  }

  async apologyLetters(directiveId: string, unitCode: string | undefined, signal?: AbortSignal): Promise<ApiDocument> {
    return (
      await this.client.request<{ apologyLetters: ApiDocument }>(op.APOLOGY_LETTERS, { directiveId, unitCode: unitCode ?? null }, { signal })
    ).apologyLetters;
  }

  async complianceReport(directiveId: string, format: ReportFormat, signal?: AbortSignal, asOf?: string): Promise<ApiDocument> {
    return (
      await this.client.request<{ complianceReport: ApiDocument }>(op.COMPLIANCE_REPORT, { directiveId, format, asOf: asOf ?? null }, { signal })
    ).complianceReport;
  }

  /** The SVG chart the Markdown report of the same asOf links by file name. */
  async complianceReportChart(directiveId: string, asOf: string, signal?: AbortSignal): Promise<ApiDocument> {
    return (
      await this.client.request<{ complianceReportChart: ApiDocument }>(op.COMPLIANCE_REPORT_CHART, { directiveId, asOf }, { signal })
    ).complianceReportChart;
  }

  async reminderLetter(directiveId: string, signal?: AbortSignal): Promise<ApiDocument> {
    return (await this.client.request<{ reminderLetter: ApiDocument }>(op.REMINDER_LETTER, { directiveId }, { signal })).reminderLetter;
  }

  async importCsv(kind: ImportKind, csv: string, signal?: AbortSignal): Promise<ImportResult> {
    const mutation = op.IMPORT_MUTATIONS[kind];
    const data = await this.client.request<Record<string, ImportResult>>(mutation.csv, { csv }, { signal });
    return data[mutation.field];
  }

  async importXlsx(kind: ImportKind, contentBase64: string, signal?: AbortSignal): Promise<ImportResult> {
    const mutation = op.IMPORT_MUTATIONS[kind];
    const data = await this.client.request<Record<string, ImportResult>>(mutation.xlsx, { contentBase64 }, { signal });
    return data[mutation.xlsxField];
  }
}
