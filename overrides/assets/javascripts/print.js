/* "Print this page": the button is hidden until this script runs, so it never shows without JavaScript. */
document.querySelectorAll("[data-app-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
