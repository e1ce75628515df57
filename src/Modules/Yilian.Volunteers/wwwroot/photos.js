// Tell the volunteer at once when a photo is too large, instead of after a long upload on a phone connection.
(function () {
    const input = document.querySelector('[data-testid=photo-form] input[type=file]');
    if (!input) {
        return;
    }

    const note = document.getElementById('yl-photo-size');
    const send = document.querySelector('[data-testid=photo-send]');
    const limit = Number(input.dataset.maxBytes);
    input.addEventListener('change', () => {
        const tooLarge = input.files.length > 0 && input.files[0].size > limit;
        note.classList.toggle('d-none', !tooLarge);
        send.disabled = tooLarge;
    });
})();
