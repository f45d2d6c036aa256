// Banenmonitor: the only script (CSP script-src 'self', no inline scripts). Every page works without it.
// On a narrow screen the main menu folds behind a "Menu" button (aria-expanded); on a wide screen the button is hidden by CSS.
document.addEventListener("DOMContentLoaded", function () {
  var nav = document.querySelector(".bm-nav");
  var button = nav && nav.querySelector(".bm-nav__knop");
  if (!button) return;
  button.hidden = false;
  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("bm-nav--dicht", !open);
  }
  set(false);
  button.addEventListener("click", function () { set(button.getAttribute("aria-expanded") !== "true"); });
});
