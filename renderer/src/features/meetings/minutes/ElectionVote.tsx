import { Checkbox, Group, NumberInput, Radio } from '@mantine/core';
import type { Vote } from '../../../../../shared/domain/meetings';

/**
 * The parts of a vote only a val has: sluten omröstning (only the count is
 * recorded) and lottning on a tie (never the chair's casting vote). The
 * domain checks the same rules again (meetings/authority.ts).
 */

type Change = { vote: Vote; disabled: boolean; onChange(v: Vote): void };

/** Without the closed-vote fields: the vote as an open one. */
function openVote(v: Vote): Vote {
  return { proposition: v.proposition, votes: v.votes, ...(v.lot ? { lot: v.lot } : {}) };
}

export function ClosedVoteToggle({ vote, disabled, onChange }: Change) {
  return (
    <Checkbox
      label="Sluten omröstning"
      description="Bara vid val. Endast antalet röster antecknas, inte hur var och en röstade."
      disabled={disabled}
      checked={vote.closed === true}
      onChange={(e) => onChange(e.currentTarget.checked ? { proposition: vote.proposition, votes: [], closed: true, count: { ja: 0, nej: 0, avstar: 0 } } : openVote(vote))}
    />
  );
}

export function ClosedVoteCount({ vote, disabled, onChange }: Change) {
  const count = vote.count ?? { ja: 0, nej: 0, avstar: 0 };
  const set = (key: keyof typeof count, value: string | number) => {
    const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
    onChange({ ...vote, count: { ...count, [key]: Number.isFinite(n) && n >= 0 ? Math.min(200, Math.floor(n)) : 0 } });
  };
  return (
    <Group gap="sm" role="group" aria-label="Röstetal i den slutna omröstningen">
      <NumberInput size="xs" label="Ja-röster" min={0} max={200} allowDecimal={false} disabled={disabled} value={count.ja} onChange={(v) => set('ja', v)} w={110} />
      <NumberInput size="xs" label="Nej-röster" min={0} max={200} allowDecimal={false} disabled={disabled} value={count.nej} onChange={(v) => set('nej', v)} w={110} />
      <NumberInput size="xs" label="Blanka" min={0} max={200} allowDecimal={false} disabled={disabled} value={count.avstar} onChange={(v) => set('avstar', v)} w={110} />
    </Group>
  );
}

export function LotChoice({ vote, disabled, onChange }: Change) {
  return (
    <Radio.Group
      label="Lottning"
      description="Lika röstetal vid val avgörs genom lottning. Ange vart lotten föll."
      value={vote.lot ?? ''}
      onChange={(v) => onChange(v === 'ja' || v === 'nej' ? { ...vote, lot: v } : vote)}
    >
      <Group gap="md" mt={4}>
        <Radio value="ja" label="Lotten föll på ja" disabled={disabled} size="xs" />
        <Radio value="nej" label="Lotten föll på nej" disabled={disabled} size="xs" />
      </Group>
    </Radio.Group>
  );
}
