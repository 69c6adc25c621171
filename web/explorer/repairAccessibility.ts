// GraphiQL 3 falls short of WCAG in a few places axe-core reports as serious or critical; these
// repairs run on its DOM as it renders, so the explorer meets the same bar as the other pages.

/** Names each editor's hidden textarea after its section (CodeMirror leaves them unlabelled). */
function labelEditors(root: Element): void {
  for (const textarea of root.querySelectorAll<HTMLTextAreaElement>('.CodeMirror textarea:not([aria-label])')) {
    const section = textarea.closest('section[aria-label]');
    const editor = textarea.closest('.graphiql-editor');
    const hidden = editor?.classList.contains('hidden');
    let label = section?.getAttribute('aria-label') ?? 'Editor';
    // The variables and headers editors share one section; the hidden one is the variables editor
    // while headers show, and the other way round.
    if (section?.classList.contains('graphiql-editor-tool')) {
      const visibleTool = section.getAttribute('aria-label') ?? 'Variables';
      label = hidden ? (visibleTool === 'Headers' ? 'Variables' : 'Headers') : visibleTool;
    }
    textarea.setAttribute('aria-label', label);
  }
  // Scrolling areas can be reached by keyboard.
  for (const scroll of root.querySelectorAll('.CodeMirror-scroll:not([tabindex])')) scroll.setAttribute('tabindex', '-1');
  for (const scroll of root.querySelectorAll('.CodeMirror-scroll[tabindex="-1"]')) scroll.setAttribute('tabindex', '0');
}

/**
 * The operation tabs: GraphiQL puts buttons inside `role="tab"` items (nested interactive
 * controls) and its "add tab" button in the tablist. They become a named group of buttons, the
 * active one marked `aria-current`.
 */
function flattenTabs(root: Element): void {
  for (const list of root.querySelectorAll('ul.graphiql-tabs[role="tablist"]')) list.setAttribute('role', 'group');
  for (const item of root.querySelectorAll('li.graphiql-tab')) {
    const active = item.classList.contains('graphiql-tab-active');
    if (item.getAttribute('role') !== 'none') item.setAttribute('role', 'none');
    item.removeAttribute('aria-selected');
    const button = item.querySelector('.graphiql-tab-button');
    if (active) button?.setAttribute('aria-current', 'true');
    else button?.removeAttribute('aria-current');
  }
}

/** Keeps GraphiQL's DOM repaired as it changes. */
export function repairAccessibility(root: Element): void {
  let queued = false;
  const repair = () => {
    queued = false;
    labelEditors(root);
    flattenTabs(root);
  };
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(repair);
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'role', 'aria-selected'] });
  repair();
}
