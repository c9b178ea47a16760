// Live updates: Server-Sent Events from /console/api/events. The browser
// reconnects by itself and sends the last event id it had, and the server
// replays what was missed (or says `reload` when it cannot).

export function connect({ onHandoff, onTurn, onNote, onReload, onState, onClosed }) {
  const source = new EventSource('/console/api/events');
  const parse = (event, handler) => {
    try {
      handler(JSON.parse(event.data));
    } catch {
      // A malformed event is skipped; the next reload brings the state back.
    }
  };
  source.addEventListener('open', () => onState('live'));
  source.addEventListener('handoff', (event) => parse(event, onHandoff));
  source.addEventListener('turn', (event) => parse(event, onTurn));
  source.addEventListener('note', (event) => parse(event, onNote));
  source.addEventListener('reload', () => onReload());
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      onState('closed');
      onClosed();
    } else {
      onState('reconnecting');
    }
  });
  return () => source.close();
}
