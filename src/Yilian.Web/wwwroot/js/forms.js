// Behaviour the pages declare with data- attributes, so that no page needs an inline script or on…= handler
// (the Content-Security-Policy allows scripts from this site only):
//   <form data-confirm="…">        asks before submitting; the text is data, never code
//   <select data-autosubmit>       submits its form when changed
//   <input data-select-on-focus>   selects its text when focused (a link to copy)
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
}, true);

document.addEventListener('change', function (event) {
  var field = event.target;
  if (field instanceof HTMLElement && field.hasAttribute('data-autosubmit') && field.form) {
    field.form.submit();
  }
});

document.addEventListener('focusin', function (event) {
  var field = event.target;
  if (field instanceof HTMLInputElement && field.hasAttribute('data-select-on-focus')) {
    field.select();
  }
});
