// The live charity screen: server-sent events bring each donation, refund and expense paid from donations as it is
// committed; the page updates its totals, the project's bar and the rolling lists. Without EventSource (old phones) the page
// reloads every 15 seconds. The big-screen layout draws on a fixed 1920x1080 canvas scaled to the display, so it looks the
// same at 150 % scaling and on a 4K wall.
(function () {
    const root = document.querySelector('[data-live-root]');
    if (!root) {
        return;
    }

    const texts = document.querySelector('[data-live-text-live]').dataset;
    const state = root.querySelector('[data-live-state]');
    const money = v => '¥' + Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const time = at => {
        const d = new Date(at);
        return [d.getHours(), d.getMinutes(), d.getSeconds()].map(n => String(n).padStart(2, '0')).join(':');
    };

    const canvas = root.querySelector('[data-live-canvas]');
    if (canvas) {
        const fit = () => {
            const scale = Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
            canvas.style.transform = 'translate(-50%, -50%) scale(' + scale + ')';
        };
        window.addEventListener('resize', fit);
        fit();
    }

    if (!window.EventSource) {
        setTimeout(() => location.reload(), 15000);
        return;
    }

    const add = (feed, e, amountText) => {
        const list = root.querySelector('[data-feed="' + feed + '"]');
        const item = document.createElement('li');
        item.className = 'yl-live-new';
        for (const [cls, text] of [['yl-live-time', time(e.at)], ['yl-live-name', e.name], ['yl-live-project', e.projectTitle],
            ['yl-live-amount', amountText]]) {
            const span = document.createElement('span');
            span.className = cls;
            span.textContent = text;
            item.appendChild(span);
        }
        list.prepend(item);
        while (list.children.length > 20) {
            list.lastElementChild.remove();
        }
    };

    const totals = e => {
        root.querySelector('[data-total-raised]').textContent = money(e.totalRaised);
        root.querySelector('[data-total-spent]').textContent = money(e.totalSpent);
        const row = root.querySelector('[data-project="' + e.projectId + '"]');
        if (row) {
            row.querySelector('[data-project-raised]').textContent = money(e.projectRaised);
            const target = Number(row.dataset.target);
            const percent = target > 0 ? Math.min(100, Math.floor(e.projectRaised / target * 100)) : 0;
            row.querySelector('[data-project-bar]').style.width = percent + '%';
        }
    };

    const count = root.querySelector('[data-total-count]');
    const source = new EventSource(root.dataset.liveStream);
    source.onopen = () => { root.dataset.live = 'connected'; state.textContent = texts.liveTextLive; };
    source.onerror = () => { root.dataset.live = 'lost'; state.textContent = texts.liveTextLost; };
    source.addEventListener('donation', m => {
        const e = JSON.parse(m.data);
        add('donations', e, money(e.amount));
        count.textContent = (Number(count.textContent.replace(/[^0-9]/g, '')) + 1).toLocaleString('zh-CN');
        totals(e);
    });
    source.addEventListener('refund', m => {
        const e = JSON.parse(m.data);
        add('donations', e, texts.liveTextRefund + ' ' + money(e.amount));
        totals(e);
    });
    source.addEventListener('expense', m => {
        const e = JSON.parse(m.data);
        add('expenses', e, money(e.amount));
        totals(e);
    });
})();
