// The charity map: the phone's location is asked for only when the resident taps the button, used for this one search and
// not kept (it goes in the page's address, nowhere else). The map draws the same places the list shows; without a tile URL
// (the demo, tests) it is a plain background, which is all a walk of a few hundred metres needs.
(function () {
    const form = document.getElementById('yl-map-form');
    if (!form) {
        return;
    }

    const lat = document.getElementById('yl-lat');
    const lng = document.getElementById('yl-lng');
    const community = document.getElementById('yl-community');
    const status = document.getElementById('yl-locate-status');
    const locate = document.getElementById('yl-locate');
    community.addEventListener('change', () => {
        lat.value = '';
        lng.value = '';
        if (community.value) {
            form.submit();
        }
    });
    locate.addEventListener('click', () => {
        if (!navigator.geolocation) {
            status.textContent = form.dataset.unsupported;
            return;
        }
        locate.disabled = true;
        status.textContent = form.dataset.locating;
        navigator.geolocation.getCurrentPosition(p => {
            lat.value = p.coords.latitude.toFixed(6);
            lng.value = p.coords.longitude.toFixed(6);
            community.value = '';
            form.submit();
        }, () => {
            locate.disabled = false;
            status.textContent = form.dataset.denied;
        }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 60000 });
    });

    const element = document.getElementById('yl-map');
    const layout = document.getElementById('yl-map-layout');
    if (!element || !window.L) {
        return;
    }

    // Drawn when first seen: a map laid out while hidden has no size, and would fit its places into nothing.
    let map = null;
    const bounds = [];
    function draw() {
        const centre = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lng)];
        map = L.map(element, { attributionControl: !!element.dataset.tiles }).setView(centre, 15);
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, {
                subdomains: element.dataset.subdomains, attribution: element.dataset.attribution, maxZoom: 18,
            }).addTo(map);
        }

        const colours = { activity: '#d63384', service: '#198754', organization: '#0d6efd' };
        L.circleMarker(centre, { radius: 6, color: '#212529', weight: 3, fillColor: '#ffc107', fillOpacity: 1 })
            .addTo(map).bindTooltip(element.dataset.here);
        bounds.push(centre);
        document.querySelectorAll('[data-map-item]').forEach(item => {
            const at = [parseFloat(item.dataset.lat), parseFloat(item.dataset.lng)];
            bounds.push(at);
            // Built as elements, never as HTML: names come from the organizations that wrote them.
            const popup = document.createElement('div');
            const link = document.createElement('a');
            link.href = item.dataset.url;
            link.textContent = item.dataset.name;
            const distance = document.createElement('div');
            distance.textContent = item.dataset.distance;
            popup.append(link, distance);
            L.circleMarker(at, { radius: 9, color: '#fff', weight: 2, fillColor: colours[item.dataset.kind] || '#6c757d', fillOpacity: 0.9 })
                .addTo(map).bindPopup(popup);
        });
        fit();
    }

    function fit() {
        if (bounds.length > 1) {
            map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
        }
    }

    if (element.offsetWidth > 0) {
        draw();
    }

    // On a phone the list and the map take turns; side by side on a wide screen.
    document.querySelectorAll('[data-map-view]').forEach(button => button.addEventListener('click', () => {
        layout.dataset.view = button.dataset.mapView;
        document.querySelectorAll('[data-map-view]').forEach(b => b.classList.toggle('active', b === button));
        if (element.offsetWidth === 0) {
            return;
        }
        if (map) {
            map.invalidateSize();
            fit();
        } else {
            draw();
        }
    }));
})();
