import * as vscode from 'vscode';
import type { IndexedSession } from '../../core/index/sessionIndex';
import { referenceText } from '../../core/talks/referenceText';
import { speakerLine } from '../../core/talks/talkCard';
import type { RecapDocuments } from '../recapDocuments';
import type { IndexService } from '../sessionIndex/indexService';
import { settings } from '../settings';
import type { Command } from './registry';
import type { OfferToAddTalkCommand } from './offerToAddTalk';
import { isRecapLanguage } from '../languages';

interface TalkPick extends vscode.QuickPickItem {
  session: IndexedSession;
}

/**
 * "Recap: Insert Talk Reference…": a quick pick over the session index (our
 * search, not VS Code's filter, so typos still find the talk), inserting the
 * reference template at the cursor. Tests pass `query` to skip the picker.
 */
export class InsertTalkReferenceCommand implements Command {
  readonly id = 'recap.insertTalkReference';

  constructor(
    private readonly documents: RecapDocuments,
    private readonly indexService: IndexService,
    private readonly offer: OfferToAddTalkCommand,
  ) {}

  async execute(options?: { query?: string }): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isRecapLanguage(editor.document.languageId)) {
      void vscode.window.showInformationMessage('Open a Markdown recap to insert a talk reference.');
      return undefined;
    }
    const { index, search } = await this.indexService.snapshot();
    const parsed = this.documents.frontmatterOf(editor.document);
    const own = new Set(parsed.events.flatMap((e) => [...index.family(e.value)]));
    const find = (query: string): IndexedSession[] =>
      query.trim()
        ? search.search(query, { limit: 50, preferEvents: own.size > 0 ? own : undefined }).map((r) => r.session)
        : index.sessions.filter((s) => own.has(s.eventId)).slice(0, 50);
    const session = typeof options?.query === 'string' ? find(options.query)[0] : await this.pick(find, index);
    if (!session) return undefined;
    const text = referenceText(session, index.events.get(session.eventId), settings.referenceTemplate());
    const inserted = await editor.edit((b) => b.replace(editor.selection, text));
    if (!inserted) return undefined;
    if (!parsed.talks.some((t) => t.id?.value === session.fullId)) {
      const mode = settings.addToTalks();
      if (mode === 'always') await this.offer.add(editor.document.uri, session.fullId);
      else if (mode === 'ask') void this.offer.execute(editor.document.uri, session.fullId);
    }
    return session.fullId;
  }

  private pick(find: (query: string) => IndexedSession[], index: { events: Map<string, { name: string }> }): Promise<IndexedSession | undefined> {
    const toItems = (sessions: IndexedSession[]): TalkPick[] =>
      sessions.map((s) => ({
        label: s.title,
        description: speakerLine(s),
        detail: `${index.events.get(s.eventId)?.name ?? s.eventId} · ${s.video ? '$(play) video' : 'no video'}${s.slides ? ' · slides' : ''}`,
        alwaysShow: true,
        session: s,
      }));
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick<TalkPick>();
      qp.placeholder = 'Search talks by title, speaker, company or event (typos are fine)';
      qp.matchOnDescription = false;
      qp.matchOnDetail = false;
      qp.items = toItems(find(''));
      qp.onDidChangeValue((value) => (qp.items = toItems(find(value))));
      qp.onDidAccept(() => {
        resolve(qp.selectedItems[0]?.session);
        qp.hide();
      });
      qp.onDidHide(() => {
        resolve(undefined);
        qp.dispose();
      });
      qp.show();
    });
  }
}
