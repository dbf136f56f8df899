export interface ExampleTab {
  query: string;
  variables?: string;
}

export function exampleTabs(source: string): ExampleTab[];
