/* Accessibility fixes that hold on any engine's markup: a name for each dialog of the theme
 * that has none, and a keyboard stop for each table that scrolls.
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

  /* Material wraps each table in a box that scrolls sideways on a narrow screen; a keyboard
   * must be able to reach it to scroll it (axe-core: scrollable-region-focusable). */
  function focusableScrollers() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])");
    Array.prototype.forEach.call(boxes, function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Table");
    });
  }

  function fix() {
    nameDialogs();
    focusableScrollers();
  }

  fix();
  document.addEventListener("DOMContentLoaded", fix);
  /* Material builds parts of the page after loading, and again on instant navigation. */
  new MutationObserver(fix).observe(document.body, {childList: true, subtree: true});
})();
