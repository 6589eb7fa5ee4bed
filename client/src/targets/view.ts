import {
  commands, EventEmitter, window, workspace, type Disposable, type Event, type Memento, type TextDocument, type TextEditor,
  type TreeDataProvider, type TreeItem, type TreeView,
} from 'vscode';
import type { TargetSection, TargetsRequest } from '../../../server/src/protocol';
import type { TargetJSON } from '../../../server/src/engine/serialize';
import { isReportDocument } from '../config';
import type { ServerSession } from '../session';
import { countLabel, sectionItem, targetItem } from './items';

// The target-summary view: the targets of the report in the active editor, grouped by section.
// It follows the active editor, refreshes (debounced) when the server says a document's targets
// changed, and asks only while the view is visible.

type Node = { kind: 'section'; section: TargetSection; index: number } | { kind: 'target'; target: TargetJSON };

/** What the welcome content and menus key on (context key workreport.targets.state). */
export type ViewState = 'noReport' | 'loading' | 'empty' | 'clean' | 'ready';

const REFRESH_DELAY_MS = 300;

export class TargetsView implements TreeDataProvider<Node>, Disposable {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData: Event<Node | undefined> = this.changed.event;
  private readonly view: TreeView<Node>;
  private readonly disposables: Disposable[] = [];
  private document: TextDocument | undefined;
  private result: TargetsRequest.Result | undefined;
  private problemsOnly: boolean;
  private timer: NodeJS.Timeout | undefined;
  private dirty = true;
  private request = 0;

  constructor(private readonly session: ServerSession, private readonly memento: Memento) {
    this.problemsOnly = memento.get('workreport.targets.problemsOnly', false);
    this.view = window.createTreeView('workreport.targets', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      workspace.onDidCloseTextDocument((d) => d === this.document && this.setDocument(undefined)),
      this.view.onDidChangeVisibility((e) => e.visible && this.dirty && this.scheduleRefresh(0)),
      session.onTargetsChanged((p) => p.uri === this.document?.uri.toString() && this.scheduleRefresh(REFRESH_DELAY_MS)),
    );
  }

  /** Shows the active editor's report; called once activation has returned. */
  start(): void {
    void commands.executeCommand('setContext', 'workreport.targets.problemsOnly', this.problemsOnly);
    this.follow(window.activeTextEditor);
  }

  /** The document the view shows and the server's answer it last showed, for the export and tests. */
  get current(): { document: TextDocument | undefined; result: TargetsRequest.Result | undefined; problemsOnly: boolean } {
    return { document: this.document, result: this.result, problemsOnly: this.problemsOnly };
  }

  /** The sections and targets as shown (after the problems-only filter). */
  visibleSections(): TargetSection[] {
    const sections = this.result?.sections ?? [];
    if (!this.problemsOnly) return sections;
    return sections
      .map((s) => ({ ...s, targets: s.targets.filter((t) => t.problems.length > 0) }))
      .filter((s) => s.targets.length > 0);
  }

  async setProblemsOnly(on: boolean): Promise<void> {
    this.problemsOnly = on;
    await this.memento.update('workreport.targets.problemsOnly', on);
    await commands.executeCommand('setContext', 'workreport.targets.problemsOnly', on);
    this.render();
  }

  /** Asks the server again now (the refresh button, and tests). Resolves when the view shows it. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const doc = this.document;
    if (!doc) return this.render();
    const id = ++this.request;
    this.dirty = false;
    try {
      const result = await this.session.requestTargets(doc.uri.toString());
      if (id !== this.request || doc !== this.document) return; // a newer request or another document won
      this.result = result ?? undefined;
    } catch (e) {
      if (id !== this.request) return;
      this.session.output.appendLine(`workreport/targets failed: ${e instanceof Error ? e.message : String(e)}`);
      this.result = undefined;
    }
    this.render();
  }

  getTreeItem(node: Node): TreeItem {
    const uri = this.document?.uri.toString() ?? '';
    return node.kind === 'section' ? sectionItem(node.section, uri, node.index) : targetItem(node.target, uri);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.visibleSections().map((section, index) => ({ kind: 'section', section, index }));
    return node.kind === 'section' ? node.section.targets.map((target) => ({ kind: 'target', target })) : [];
  }

  private follow(editor: TextEditor | undefined): void {
    // Focus in a panel or the view itself leaves no active editor: keep showing the last report.
    if (!editor) return;
    if (!isReportDocument(editor.document)) return this.setDocument(undefined);
    if (editor.document !== this.document) this.setDocument(editor.document);
  }

  private setDocument(doc: TextDocument | undefined): void {
    this.document = doc;
    this.result = undefined;
    this.dirty = true;
    this.render(doc ? 'loading' : 'noReport');
    if (doc) this.scheduleRefresh(0);
  }

  private scheduleRefresh(delay: number): void {
    this.dirty = true;
    if (!this.view.visible) return; // asked again when the view is shown
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private render(state?: ViewState): void {
    const all = this.result?.sections.reduce((n, s) => n + s.targets.length, 0) ?? 0;
    const problems = this.result?.sections.reduce((n, s) => n + s.targets.filter((t) => t.problems.length > 0).length, 0) ?? 0;
    state ??= !this.document ? 'noReport' : !this.result ? 'loading' : all === 0 ? 'empty' : this.problemsOnly && problems === 0 ? 'clean' : 'ready';
    void commands.executeCommand('setContext', 'workreport.targets.state', state);
    this.view.description = this.document ? workspace.asRelativePath(this.document.uri, false) : undefined;
    this.view.message = state === 'ready' ? countLabel(all, problems) : undefined;
    this.changed.fire(undefined);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
