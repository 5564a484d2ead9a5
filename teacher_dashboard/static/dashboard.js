// Small behaviours without inline script (the Content-Security-Policy allows none):
// a select that submits its form, a print button, and the agreements kept whole in print.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("select[data-submit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  document.querySelectorAll("button[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
  document.querySelectorAll("textarea[data-print-copy]").forEach((area) => {
    const copy = document.getElementById(area.dataset.printCopy);
    const mirror = () => { copy.textContent = area.value; };
    area.addEventListener("input", mirror);
    mirror();
  });
});
