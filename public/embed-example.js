/* global document, location, window, URL, URLSearchParams */
// The embedding example's script (a separate file: the map's CSP forbids inline scripts).
// Query of this page: `app` = the map's address (default: this server), `allow` = the origin the
// map is told to accept (default: this page's origin); `from`/`to` are passed on to the map;
// `onload` = `YYYY-MM-DD/YYYY-MM-DD` sends that window as soon as the frame has loaded (the map
// applies it once its data is in).
const params = new URLSearchParams(location.search);
const appParam = params.get('app');
const appUrl = new URL(appParam && /^https?:\/\//i.test(appParam) ? appParam : './', location.href);
const allow = params.get('allow') ?? location.origin;
const mapOrigin = appUrl.origin;

appUrl.searchParams.set('embed', '1');
appUrl.searchParams.set('origin', allow);
for (const key of ['from', 'to', 'controls', 'theme']) {
  const value = params.get(key);
  if (value) appUrl.searchParams.set(key, value);
}

const iframe = document.createElement('iframe');
iframe.title = 'Incident map';
iframe.src = appUrl.toString();
iframe.setAttribute('allowfullscreen', '');
document.getElementById('frame').append(iframe);

const log = document.getElementById('log');
function write(line) {
  log.textContent += `${line}\n`;
}

/** Sends a command to the map, only to its origin (never "*"). */
function send(command) {
  iframe.contentWindow.postMessage(command, mapOrigin);
  write(`→ ${JSON.stringify(command)}`);
}

window.addEventListener('message', (e) => {
  // Only the map's frame and origin, and only its events.
  if (e.source !== iframe.contentWindow || e.origin !== mapOrigin) return;
  if (!e.data || e.data.source !== 'incident-map') return;
  write(`← ${JSON.stringify(e.data)}`);
  if (e.data.type === 'windowchange') {
    document.getElementById('from').value = e.data.from;
    document.getElementById('to').value = e.data.to;
  }
});

// A host that sets the map up front can send from the frame's load event: the map listens from
// its start and holds commands until it knows the allowed origins and has its data.
const onload = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(params.get('onload') ?? '');
if (onload)
  iframe.addEventListener('load', () =>
    send({ type: 'setWindow', from: onload[1], to: onload[2] }),
  );

const on = (id, fn) => document.getElementById(id).addEventListener('click', fn);
on('set-window', () =>
  send({
    type: 'setWindow',
    from: document.getElementById('from').value,
    to: document.getElementById('to').value,
  }),
);
on('play', () => send({ type: 'play' }));
on('pause', () => send({ type: 'pause' }));
on('select', () => send({ type: 'select', target: document.getElementById('target').value }));
on('clear', () => send({ type: 'select', target: null }));
on('drones', () => send({ type: 'setFilters', filters: { types: ['drone'] } }));
on('all-types', () => send({ type: 'setFilters', filters: { types: [] } }));
