// Check-in on a phone that may lose its signal. Online, the server's clock is the time of the scan. If
// the phone is offline, the form is kept in localStorage with the time the page opened with the code
// (the moment the QR code was scanned) and sent when the connection returns; the server accepts that
// time only within the validity of the code's signed issue time.
(function () {
    const form = document.getElementById('yl-checkin');
    if (!form) {
        return;
    }

    const key = 'yilian.checkin.queue';
    const scanned = document.getElementById('yl-scanned-at');
    const code = form.querySelector('[name=Code]');
    const queued = document.getElementById('yl-checkin-queued');
    const useLocation = document.getElementById('yl-use-location');
    let scanTime = code.value ? new Date().toISOString() : null;
    code.addEventListener('input', () => { scanTime = new Date().toISOString(); });

    useLocation.addEventListener('change', () => {
        if (!useLocation.checked || !navigator.geolocation) {
            return;
        }
        navigator.geolocation.getCurrentPosition(p => {
            document.getElementById('yl-lat').value = p.coords.latitude.toFixed(6);
            document.getElementById('yl-lng').value = p.coords.longitude.toFixed(6);
        }, () => { useLocation.checked = false; }, { enableHighAccuracy: true, timeout: 10000 });
    });

    form.addEventListener('submit', e => {
        if (!navigator.onLine) {
            e.preventDefault();
            scanned.value = scanTime || new Date().toISOString();
            const pending = JSON.parse(localStorage.getItem(key) || '[]');
            pending.push(Object.fromEntries(new FormData(form)));
            localStorage.setItem(key, JSON.stringify(pending));
            queued.classList.remove('d-none');
        }
    });

    // Send what was kept while offline: each saved form is posted as it was, then the page reloads with the answer.
    async function flush() {
        const pending = JSON.parse(localStorage.getItem(key) || '[]');
        if (!pending.length || !navigator.onLine) {
            return;
        }
        queued.textContent = form.dataset.sending;
        queued.classList.remove('d-none');
        const token = form.querySelector('[name=__RequestVerificationToken]').value;
        let last = null;
        while (pending.length) {
            const body = new URLSearchParams(pending[0]);
            body.set('__RequestVerificationToken', token);
            try {
                const response = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin' });
                last = response.url;
            } catch {
                return;
            }
            pending.shift();
            localStorage.setItem(key, JSON.stringify(pending));
        }
        if (last) {
            location.href = last;
        }
    }
    window.addEventListener('online', flush);
    flush();
})();
