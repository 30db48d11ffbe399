import type { Handlers } from '../../../shared/contract';
import { fold, type FederationState } from '../../../shared/domain/events';
import { EventBody, type VerifiedEvent } from '../../../shared/domain/log/signed-event';

/**
 * The folded state of one demo laptop, read the way the renderer reads it:
 * `log.list` and the pure fold. The demo needs it to build the protokoll
 * draft (which must equal buildProtokoll of the state) and to pick ids.
 */
export async function stateOf(laptop: Handlers): Promise<FederationState> {
  const session = await laptop['session.get']({});
  const { events } = await laptop['log.list']({ afterSeq: 0 });
  const verified: VerifiedEvent[] = [];
  for (const e of events) {
    const body = EventBody.safeParse(JSON.parse(e.body));
    if (body.success) verified.push({ id: e.id, body: body.data, line: { body: e.body, sig: e.sig } });
  }
  const genesisId = session.forbund?.genesisId;
  return fold(verified, genesisId ? { genesisId } : {});
}
