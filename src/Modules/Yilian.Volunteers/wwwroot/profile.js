// "Use my location" on the talent profile: the phone's position becomes the home point used for distance in matching.
(function () {
    const button = document.getElementById('yl-home-here');
    if (!button || !navigator.geolocation) {
        return;
    }

    button.addEventListener('click', () => navigator.geolocation.getCurrentPosition(p => {
        document.getElementById('yl-home-lat').value = p.coords.latitude.toFixed(6);
        document.getElementById('yl-home-lng').value = p.coords.longitude.toFixed(6);
        button.textContent = '✓ ' + p.coords.latitude.toFixed(3) + ', ' + p.coords.longitude.toFixed(3);
    }));
})();
