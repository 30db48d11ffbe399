import { PageTitle } from '../../../components/PageTitle';
import { useFederation } from '../../../state/federation';
import { VerifyPanel } from './VerifyPanel';

/** The "Kontrollera protokoll" section: the check against this laptop's own förbund CA, unless another is given. */
export function VerifyScreen() {
  const ownCa = useFederation().state.pki?.ca?.fingerprint ?? null;
  return <VerifyPanel ownCa={ownCa} title={<PageTitle>Kontrollera ett protokoll</PageTitle>} />;
}

