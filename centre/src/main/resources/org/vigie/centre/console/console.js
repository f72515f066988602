// The agents' console: districts, drones and incidents live (Server-Sent Events), and the agent's actions.
// Everything it needs is served by the centre; the agent's token stays in this tab's sessionStorage.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const COLOURS = { READY: '#2e7d32', IN_FLIGHT: '#1565c0', RETURNING: '#6a1b9a', CHARGING: '#f9a825',
    DOWN: '#b71c1c', MAINTENANCE: '#616161' };
  const vigie = window.vigie = { state: null, events: 0, opens: 0, agent: null, retaskDrone: null, selected: null };
  const map = L.map('map', { zoomControl: true, attributionControl: false }).setView([48.856, 2.352], 13);
  const districtLayer = L.layerGroup().addTo(map);
  const liveLayer = L.layerGroup().addTo(map);
  vigie.map = map;
  let source = null;
  let reopenTimer = null;

  function token() { return sessionStorage.getItem('vigie.token'); }

  function api(path, options) {
    const o = Object.assign({ headers: {} }, options || {});
    o.headers.Authorization = 'Bearer ' + token();
    if (o.body) { o.headers['Content-Type'] = 'application/json'; }
    return fetch('api/' + path, o).then((r) => r.json().then((j) => ({ status: r.status, body: j })));
  }

  function say(text, ok) {
    const m = $('message');
    m.textContent = text;
    m.className = ok ? 'ok' : 'refused';
  }

  function setLink(on) {
    $('link').textContent = on ? 'live' : 'reconnecting…';
    $('link').className = 'link ' + (on ? 'on' : 'off');
  }

  $('login').addEventListener('submit', (e) => {
    e.preventDefault();
    fetch('api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ agentId: $('agentId').value, token: $('token').value }) })
      .then((r) => r.json().then((j) => ({ status: r.status, body: j })))
      .then((r) => {
        if (r.status !== 200) { say('Login refused: ' + r.body.error, false); return; }
        sessionStorage.setItem('vigie.token', $('token').value);
        sessionStorage.setItem('vigie.agent', r.body.agentId);
        $('token').value = '';
        start();
      });
  });

  $('logout').addEventListener('click', () => {
    sessionStorage.clear();
    location.reload();
  });

  function start() {
    vigie.agent = sessionStorage.getItem('vigie.agent');
    $('login').hidden = true;
    $('who').hidden = false;
    $('logout').hidden = false;
    $('who').textContent = 'agent ' + vigie.agent;
    say('Logged in as agent ' + vigie.agent, true);
    api('districts').then((r) => {
      if (r.status !== 200) { say('Districts: ' + r.body.error, false); return; }
      districtLayer.clearLayers();
      const layer = L.geoJSON(r.body, {
        style: (f) => f.properties.role === 'privacy'
          ? { color: '#c62828', weight: 1, dashArray: '4 3', fillColor: '#ef9a9a', fillOpacity: 0.35 }
          : { color: '#37474f', weight: 2, fillColor: '#90a4ae', fillOpacity: 0.08 },
        onEachFeature: (f, l) => l.bindTooltip((f.properties.role === 'privacy' ? 'privacy zone: ' : 'district: ')
          + f.properties.name)
      }).addTo(districtLayer);
      vigie.districts = r.body.features.filter((f) => f.properties.role === 'district').length;
      map.fitBounds(layer.getBounds());
      document.body.dataset.privacyZones = String(r.body.features.length - vigie.districts);
      document.body.dataset.districts = String(vigie.districts);
    });
    connect();
  }

  function connect() {
    if (source) { source.close(); }
    source = new EventSource('api/events?token=' + encodeURIComponent(token()));
    source.onopen = () => { vigie.opens++; setLink(true); };
    source.addEventListener('state', (e) => { vigie.events++; render(JSON.parse(e.data)); });
    source.onerror = () => {
      setLink(false);
      if (source.readyState === EventSource.CLOSED && !reopenTimer) {
        reopenTimer = setTimeout(() => { reopenTimer = null; connect(); }, 2000);
      }
    };
  }

  function ll(p) { return [p.lat, p.lon]; }

  function render(s) {
    vigie.state = s;
    liveLayer.clearLayers();
    const drones = $('drones');
    drones.textContent = '';
    for (const d of s.drones) {
      const at = d.position || d.home;
      if (d.track.length > 1) { L.polyline(d.track, { color: '#1565c0', weight: 2 }).addTo(liveLayer); }
      if (d.plannedRoute) {
        L.polyline(d.plannedRoute, { color: '#1565c0', weight: 2, dashArray: '6 6', opacity: 0.7 }).addTo(liveLayer);
      }
      if (d.footprint) {
        const flagged = d.footprint.flaggedZone != null;
        L.polygon(d.footprint.corners, { color: flagged ? '#c62828' : '#00838f', weight: flagged ? 3 : 1,
          fillColor: flagged ? '#e53935' : '#4dd0e1', fillOpacity: flagged ? 0.45 : 0.25,
          className: flagged ? 'footprint flagged' : 'footprint' })
          .bindTooltip('camera of drone ' + d.systemId + (flagged ? ' over privacy zone ' + d.footprint.flaggedZone
            : '')).addTo(liveLayer);
      }
      L.circleMarker(ll(at), { radius: 8, color: '#000', weight: 1, fillColor: COLOURS[d.availability] || '#000',
        fillOpacity: 0.9 }).bindTooltip('drone ' + d.systemId + ' · ' + d.availability + ' · ' + (d.phase || '-'))
        .addTo(liveLayer);
      const li = document.createElement('li');
      li.className = 'drone';
      li.dataset.id = d.systemId;
      li.dataset.lat = at.lat;
      li.dataset.lon = at.lon;
      li.dataset.availability = d.availability;
      li.innerHTML = '<b>drone ' + d.systemId + '</b> ' + esc(d.district) + ' · <span class="state">'
        + d.availability + '</span> ' + (d.phase || '') + '<br>battery ' + (d.batteryPct == null ? '?' : d.batteryPct)
        + ' % · link ' + d.linkQualityPct + ' %' + (d.healthy ? '' : ' · <b>unhealthy</b>')
        + (d.etaS != null ? ' · ETA ' + d.etaS + ' s' : '') + (d.incidentId ? ' · ' + d.incidentId : '')
        + (d.footprint && d.footprint.flaggedZone != null
          ? '<br><span class="flagged">camera over privacy zone: ' + esc(d.footprint.flaggedZone) + '</span>' : '')
        + ' ';
      li.appendChild(button('Recall', 'recall-' + d.systemId, () => act('drones/' + d.systemId + '/recall', {})));
      li.appendChild(button('Retask…', 'retask-' + d.systemId, () => {
        vigie.retaskDrone = d.systemId;
        document.body.classList.add('retasking');
        say('Click the map: the point drone ' + d.systemId + ' should fly to', true);
      }));
      drones.appendChild(li);
    }
    const incidents = $('incidents');
    incidents.textContent = '';
    for (const i of s.incidents.slice().reverse()) {
      L.circleMarker(ll(i.position), { radius: 6, color: '#e65100', weight: 2, fillOpacity: 0.2 })
        .bindTooltip(i.id + ' · ' + i.state).on('click', () => show(i.id)).addTo(liveLayer);
      const li = document.createElement('li');
      li.className = 'incident';
      li.dataset.id = i.id;
      li.dataset.state = i.state;
      li.innerHTML = '<b>' + i.id + '</b> ' + i.priority + ' · <span class="state ' + i.state + '">' + i.state
        + '</span> · ' + esc(i.district) + '<br><small>' + esc(i.reason) + '</small>';
      li.addEventListener('click', () => show(i.id));
      incidents.appendChild(li);
    }
    if (vigie.selected) { show(vigie.selected, true); }
  }

  map.on('click', (e) => {
    if (vigie.retaskDrone == null) { return; }
    const id = vigie.retaskDrone;
    vigie.retaskDrone = null;
    document.body.classList.remove('retasking');
    act('drones/' + id + '/retask', { lat: e.latlng.lat, lon: e.latlng.lng });
  });

  function button(text, id, onClick) {
    const b = document.createElement('button');
    b.textContent = text;
    b.id = id;
    b.addEventListener('click', (e) => { e.stopPropagation(); onClick(); });
    return b;
  }

  function act(path, body) {
    return api(path, { method: 'POST', body: JSON.stringify(body) }).then((r) => {
      if (r.status === 200) { say('Done: ' + r.body.message, true); } else { say('Refused: ' + r.body.error, false); }
    });
  }

  function show(id, quiet) {
    vigie.selected = id;
    api('incidents/' + encodeURIComponent(id)).then((r) => {
      const box = $('detail');
      box.hidden = false;
      if (r.status !== 200) { box.textContent = r.body.error; return; }
      const i = r.body.incident;
      const d = r.body.drone;
      let h = '<h2>Incident ' + i.id + '</h2><table>'
        + row('alert', esc(i.kind) + ', ' + i.priority + ', ' + i.alerts + ' alert(s) at ' + i.position.lat + ', '
          + i.position.lon)
        + row('state', '<span class="state ' + i.state + '">' + i.state + '</span>: ' + esc(i.reason))
        + row('opened', i.openedAt) + row('launched', i.launchedAt || '-') + row('on scene', i.onSceneAt || '-')
        + row('ended', i.endedAt || '-')
        + row('drone', i.droneSystemId ? 'drone ' + i.droneSystemId + (d ? ' (' + d.availability + ', '
          + (d.phase || '-') + ')' : '') : '-');
      const launch = r.body.records.find((x) => x.action === 'LAUNCH' || x.action === 'RETASK');
      h += row('launched by', launch ? esc(launch.actor) + ': ' + esc(launch.reason) : '-');
      if (d) {
        h += row('ETA', d.etaS != null ? d.etaS + ' s' : '-');
        h += row('phases', d.phases.map((p) => p.phase + ' ' + p.at.substring(11, 19)).join(' → ') || '-');
        h += row('on-scene footprint', d.phase === 'ON_SCENE' && d.footprint
          ? d.footprint.corners.map((c) => c[0].toFixed(5) + ', ' + c[1].toFixed(5)).join(' / ')
            + (d.footprint.flaggedZone != null ? ' — <span class="flagged">over privacy zone '
              + esc(d.footprint.flaggedZone) + '</span>' : '') : '-');
      }
      h += '</table><div id="actions"></div><h2>Recorded actions</h2><ul id="records">';
      for (const x of r.body.records) {
        h += '<li class="record" data-actor="' + esc(x.actor) + '" data-action="' + x.action + '">'
          + x.at.substring(11, 19) + ' <b>' + esc(x.actor) + '</b> ' + x.action + ': ' + esc(x.reason) + '</li>';
      }
      box.innerHTML = h + '</ul>';
      const actions = $('actions');
      if (!['ON_SCENE', 'REFUSED', 'CANCELLED'].includes(i.state)) {
        if (i.state === 'AWAITING_APPROVAL') {
          actions.appendChild(button('Approve', 'approve', () => act('incidents/' + i.id + '/approve', {})));
        }
        actions.appendChild(button('Cancel', 'cancel', () => act('incidents/' + i.id + '/cancel',
          { reason: 'cancelled by the agent from the console' })));
      }
      if (!quiet) { map.panTo(ll(i.position)); }
    });
  }

  function row(k, v) { return '<tr><td>' + k + '</td><td>' + v + '</td></tr>'; }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;',
      "'": '&#39;' }[c]));
  }

  if (token()) { start(); }
})();
