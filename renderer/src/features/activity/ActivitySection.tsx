import { Interviews } from './Interviews.tsx';
import { References } from './References.tsx';
import { Timeline } from './Timeline.tsx';
import './activity.css';

/** The candidate screen's activity: the timeline, references and interviews. */
export function ActivitySection({ candidateId }: { candidateId: string }) {
  return (
    <>
      <Timeline candidateId={candidateId} />
      <Interviews candidateId={candidateId} />
      <References candidateId={candidateId} />
    </>
  );
}
