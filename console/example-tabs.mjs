import { Kind, parse, visit } from "graphql";

/**
 * Turns examples.graphql into GraphiQL tabs: one tab per operation, with the comment lines written right
 * above it and every fragment it spreads (directly or through other fragments), so each tab runs alone.
 * A comment line `# variables: {...}` in that block becomes the tab's variables.
 */
export function exampleTabs(source) {
  const document = parse(source);
  const fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const tabs = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const comments = leadingComments(source, definition.loc.start);
    const variables = comments
      .map((line) => /^#\s*variables:\s*(.+)$/i.exec(line)?.[1])
      .find((json) => json !== undefined);
    const parts = [[...comments, textOf(source, definition)].join("\n")];
    for (const name of spreadFragments(definition, fragments)) parts.push(textOf(source, fragments.get(name)));
    const tab = { query: parts.join("\n\n") + "\n" };
    if (variables) tab.variables = JSON.stringify(JSON.parse(variables), null, 2);
    tabs.push(tab);
  }
  return tabs;
}

function textOf(source, node) {
  return source.slice(node.loc.start, node.loc.end);
}

/** The run of `#` lines directly above a definition (no blank line between), top to bottom. */
function leadingComments(source, start) {
  const lines = source.slice(0, start).split("\n");
  lines.pop();
  const block = [];
  while (lines.length && /^\s*#/.test(lines[lines.length - 1])) block.unshift(lines.pop().trim());
  return block;
}

function spreadFragments(node, fragments, found = new Set()) {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (found.has(name) || !fragments.has(name)) return;
      found.add(name);
      spreadFragments(fragments.get(name), fragments, found);
    },
  });
  return found;
}
