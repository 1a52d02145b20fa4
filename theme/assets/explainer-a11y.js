/* A name for each dialog of the theme that has none.
 *
 * Material's search box is a role="dialog" without an accessible name, which a screen reader
 * announces as just "dialog" (axe-core: aria-dialog-name). It is named here after its own
 * search field, from the page as the reader gets it, so the fix holds whatever the engine's
 * markup: MkDocs with Material, ProperDocs, Zensical.
 */
(function () {
  "use strict";

  function nameDialogs() {
    var unnamed = document.querySelectorAll(
      '[role="dialog"]:not([aria-label]):not([aria-labelledby])'
    );
    Array.prototype.forEach.call(unnamed, function (dialog) {
      var field = dialog.querySelector("input[placeholder]");
      dialog.setAttribute("aria-label", field ? field.getAttribute("placeholder") : "Search");
    });
  }

  nameDialogs();
  document.addEventListener("DOMContentLoaded", nameDialogs);
})();
