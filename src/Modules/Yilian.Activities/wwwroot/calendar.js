// The smart calendar: EventCalendar (vendored, MIT) over /api/v1/calendar. Every time is shown and sent as
// China wall-clock time with "+08:00", whatever the browser's own time zone. A drag or resize is saved
// only if the server's conflict engine agrees; otherwise it is reverted and the reasons are shown.
(function () {
    const root = document.getElementById('yl-calendar');
    if (!root) {
        return;
    }

    const texts = JSON.parse(root.dataset.texts);
    const venues = JSON.parse(root.dataset.venues);
    const filter = root.dataset.filter;
    const message = document.getElementById('yl-calendar-message');
    const pad = n => String(n).padStart(2, '0');
    // A Date's wall-clock components, which the calendar uses for China time.
    const china = d => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:00+08:00`;
    // "2026-12-08T09:00:00+08:00" from the server → a floating "2026-12-08T09:00:00" shown as is.
    const floating = iso => {
        const d = new Date(iso);
        const c = new Date(d.getTime() + 8 * 3600 * 1000);
        return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}T${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}:00`;
    };

    function show(kind, text) {
        message.className = 'alert alert-' + kind;
        message.textContent = text;
        message.hidden = false;
    }

    async function load(info) {
        const url = `/api/v1/calendar?from=${encodeURIComponent(china(info.start))}&to=${encodeURIComponent(china(info.end))}${filter ? '&' + filter : ''}`;
        const response = await fetch(url, { headers: { Accept: 'application/json' } });
        if (!response.ok) {
            const problem = await response.json().catch(() => ({}));
            show('danger', problem.detail || problem.title || texts.loadFailed);
            return [];
        }

        const events = await response.json();
        return events.map(e => ({
            id: e.occurrenceId,
            resourceIds: e.venueId ? [e.venueId] : [],
            title: e.title ?? texts.occupied,
            start: floating(e.start),
            end: floating(e.end),
            editable: e.editable,
            backgroundColor: e.editable ? (e.status === 'Draft' ? '#6c757d' : '#0d6efd') : '#adb5bd',
            extendedProps: { activityId: e.activityId, venueId: e.venueId }
        }));
    }

    async function save(info) {
        const event = info.event;
        const venueId = info.newResource ? info.newResource.id : event.extendedProps.venueId;
        const response = await fetch(`/api/v1/activities/${event.extendedProps.activityId}/occurrences/${event.id}`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ start: china(event.start), end: china(event.end), venueId })
        });
        if (response.ok) {
            show('success', texts.moved);
            calendar.refetchEvents();
            return;
        }

        info.revert();
        const problem = await response.json().catch(() => ({}));
        const reasons = (problem.conflicts || []).map(c => c.reason);
        const slots = (problem.suggestions || []).map(s => floating(s.start).replace('T', ' ').slice(0, 16));
        show('warning', [problem.detail || problem.title || texts.refused, ...reasons.slice(0, 5),
            slots.length ? texts.suggestions + slots.join('、') : ''].filter(x => x).join('\n'));
    }

    const calendar = EventCalendar.create(root, {
        view: root.dataset.view || 'timeGridWeek',
        locale: root.dataset.locale,
        firstDay: 1,
        date: root.dataset.date || undefined,
        slotMinTime: '07:00:00',
        slotMaxTime: '22:00:00',
        allDaySlot: false,
        nowIndicator: true,
        height: 'auto',
        headerToolbar: { start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,timeGridDay,resourceTimeGridDay,resourceTimelineWeek' },
        buttonText: texts.buttons,
        resources: venues.map(v => ({ id: v.id, title: v.name })),
        datesAboveResources: true,
        eventSources: [{ events: load }],
        eventDrop: save,
        eventResize: save
    });

    // Accessibility repairs after each redraw: the library draws its arrow buttons as icons only (give them names a
    // screen reader can say), and marks the time grid up as an ARIA table whose rows and cells do not nest as a table's
    // must (a broken table is worse than none: the events keep their own roles and names).
    const repair = () => {
        root.querySelectorAll('.ec-prev').forEach(b => b.setAttribute('aria-label', texts.previous));
        root.querySelectorAll('.ec-next').forEach(b => b.setAttribute('aria-label', texts.next));
        root.querySelectorAll('[role=table], [role=rowgroup], [role=row], [role=columnheader], [role=rowheader], [role=cell], [aria-colindex], [aria-rowindex], [aria-colspan]')
            .forEach(e => ['role', 'aria-colindex', 'aria-rowindex', 'aria-colspan'].forEach(a => e.hasAttribute(a) && (a !== 'role' || /^(table|rowgroup|row|columnheader|rowheader|cell)$/.test(e.getAttribute('role'))) && e.removeAttribute(a)));
    };
    repair();
    new MutationObserver(repair).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'aria-colindex', 'aria-rowindex', 'aria-colspan'] });
})();
